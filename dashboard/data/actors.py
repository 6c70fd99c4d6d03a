"""Actors and Angebote as one directory; relations read in both directions.

Pure functions on the store's frames (``akteure``, ``angebote``,
``akteur_beziehungen``, ``sozialraeume``); the pages only filter and render.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from dashboard.data.schemas import SOZIALRAEUME

TASK_SEP = " | "

# Angebot status -> directory status (the Angebot keeps its own wording in detail)
STATUS = {
    "in Betrieb": "in Betrieb",
    "im Aufbau": "in Betrieb",
    "geschlossen": "beendet",
    "unbekannt": "unbekannt",
}
STATUS_OPTIONS = ["in Betrieb", "beendet", "unbekannt"]
TYP_AKTEUR, TYP_ANGEBOT = "Akteur", "Angebot"

COLUMNS = [
    "typ",
    "id",
    "name",
    "art",
    "handlungsfelder",
    "gebiet",
    "gemeinde",
    "sozialraum",
    "landkreisweit",
    "status",
    "text",
    "quelle",
    "stand",
    "href",
]


def href(typ: str, item_id: str) -> str:
    """The detail view's URL of an actor or Angebot."""
    return f"/akteure/{item_id}" if typ == TYP_AKTEUR else f"/angebote/{item_id}"


def fold(text: str) -> str:
    """Lower case without accents, so "Meissen" finds "Meißen" and "ae" finds "ä"."""
    text = text.lower().replace("ß", "ss")
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def directory(
    actors: pd.DataFrame, sites: pd.DataFrame, areas: pd.DataFrame
) -> pd.DataFrame:
    """One row per actor and per Angebot with place, status and searchable text.

    ``landkreisweit`` marks items without a Gemeinde or Sozialraum of their own;
    they belong under every area filter.
    """
    gemeinde = dict(zip(areas["ags"], areas["gemeinde"], strict=True))
    sozialraum = dict(zip(areas["ags"], areas["sozialraum"], strict=True))
    rows = []
    for a in actors.itertuples():
        sr = a.gebiet if a.gebiet in SOZIALRAEUME else sozialraum.get(a.ags, "")
        fields = " ".join(
            sorted(
                set((a.handlungsfelder + " " + a.hf_laut_konzept).split()),
                key=lambda h: [int(x) for x in h.split(".")],
            )
        )
        rows.append(
            {
                "typ": TYP_AKTEUR,
                "id": a.akteur_id,
                "name": a.name,
                "art": a.art,
                "handlungsfelder": fields,
                "gebiet": a.gebiet,
                "gemeinde": gemeinde.get(a.ags, ""),
                "sozialraum": sr,
                "landkreisweit": not sr,
                "status": getattr(a, "status", "in Betrieb"),
                "text": " ".join([a.aufgaben, a.hinweis]),
                "quelle": a.quelle,
                "stand": a.stand,
            }
        )
    for s in sites.itertuples():
        rows.append(
            {
                "typ": TYP_ANGEBOT,
                "id": s.angebot_id,
                "name": s.name,
                "art": s.art,
                "handlungsfelder": "",
                "gebiet": gemeinde.get(s.ags, "Landkreis"),
                "gemeinde": gemeinde.get(s.ags, ""),
                "sozialraum": sozialraum.get(s.ags, ""),
                "landkreisweit": not s.ags,
                "status": STATUS[s.status],
                "text": " ".join([s.traeger, s.adresse, s.hinweis, s.zeitraum]),
                "quelle": s.quelle,
                "stand": s.stand,
            }
        )
    frame = pd.DataFrame(rows)
    frame["href"] = [href(t, i) for t, i in zip(frame["typ"], frame["id"], strict=True)]
    return frame[COLUMNS]


def filter_directory(
    frame: pd.DataFrame,
    query: str = "",
    sozialraum: str = "",
    gemeinde: str = "",
    handlungsfeld: str = "",
    art: str = "",
    status: str = "",
    typ: str = "",
    areas: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Rows matching every given filter; landkreisweit rows pass any area filter.

    ``query`` matches each word anywhere in name, Art, Gebiet, tasks, Träger,
    address (case and accents ignored). A Handlungsfeld such as ``4.1`` also
    matches its sub-fields ``4.1.1`` and ``4.1.2``. With ``areas`` (the
    ``sozialraeume`` table) a Gemeinde filter also keeps actors for its Sozialraum.
    A value that is not text (only a forged request sends one) filters nothing:
    compared with a column, a dict or list would be taken apart element-wise.
    """
    query, sozialraum, gemeinde, handlungsfeld, art, status, typ = (
        v if isinstance(v, str) else ""
        for v in (query, sozialraum, gemeinde, handlungsfeld, art, status, typ)
    )
    keep = pd.Series(True, index=frame.index)
    if sozialraum:
        keep &= (frame["sozialraum"] == sozialraum) | frame["landkreisweit"]
    if gemeinde:
        in_area = frame["gemeinde"] == gemeinde
        # an actor for a whole Sozialraum also works in each of its Gemeinden
        if areas is not None:
            sr = areas.loc[areas["gemeinde"] == gemeinde, "sozialraum"]
            if len(sr):
                in_area |= (frame["gemeinde"] == "") & (
                    frame["sozialraum"] == sr.iloc[0]
                )
        keep &= in_area | frame["landkreisweit"]
    if handlungsfeld:
        pattern = rf"(?:^| ){re.escape(handlungsfeld)}(?:\.\d)*(?: |$)"
        keep &= frame["handlungsfelder"].str.contains(pattern, regex=True)
    if art:
        keep &= frame["art"] == art
    if status:
        keep &= frame["status"] == status
    if typ:
        keep &= frame["typ"] == typ
    words = fold(query).split()
    if words:
        haystack = (
            frame[["name", "art", "gebiet", "gemeinde", "text"]]
            .agg(" ".join, axis=1)
            .map(fold)
        )
        for word in words:
            keep &= haystack.str.contains(word, regex=False)
    return frame[keep]


def counts(frame: pd.DataFrame) -> dict[str, int]:
    """Shown actors, Angebote and how many of them are landkreisweit."""
    return {
        "akteure": int((frame["typ"] == TYP_AKTEUR).sum()),
        "angebote": int((frame["typ"] == TYP_ANGEBOT).sum()),
        "landkreisweit": int(frame["landkreisweit"].sum()),
    }


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The shown rows with German headers for CSV/Excel."""
    out = frame.assign(
        landkreisweit=frame["landkreisweit"].map({True: "ja", False: "nein"})
    )
    return out[
        [
            "typ",
            "name",
            "art",
            "handlungsfelder",
            "gebiet",
            "gemeinde",
            "sozialraum",
            "landkreisweit",
            "status",
            "quelle",
            "stand",
        ]
    ].rename(
        columns={
            "typ": "Typ",
            "name": "Name",
            "art": "Art",
            "handlungsfelder": "Handlungsfelder",
            "gebiet": "Gebiet",
            "gemeinde": "Gemeinde",
            "sozialraum": "Sozialraum",
            "landkreisweit": "Landkreisweit",
            "status": "Status",
            "quelle": "Quelle",
            "stand": "Stand",
        }
    )


def tasks(aufgaben: str) -> list[str]:
    return [t for t in aufgaben.split(TASK_SEP) if t]


def relations_of(
    actor_id: str, relations: pd.DataFrame, actors: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Relations starting at and ending at ``actor_id``, each with the other side's name.

    Returns
    -------
    (outgoing, incoming) : tuple of DataFrame
        Columns ``beziehung``, ``other_id``, ``other_name``, ``fundstelle``,
        ``quelle``, ``stand``.
    """
    names = dict(zip(actors["akteur_id"], actors["name"], strict=True))
    cols = ["beziehung", "other_id", "other_name", "fundstelle", "quelle", "stand"]
    cols += [c for c in ("status", "ende") if c in relations.columns]
    out = relations[relations["von"] == actor_id].assign(other_id=lambda f: f["zu"])
    inc = relations[relations["zu"] == actor_id].assign(other_id=lambda f: f["von"])
    return tuple(
        f.assign(other_name=f["other_id"].map(names))[cols].reset_index(drop=True)
        for f in (out, inc)
    )


def sites_of(actor_name: str, sites: pd.DataFrame) -> pd.DataFrame:
    """Angebote whose Träger is this actor (same name)."""
    return sites[sites["traeger"] == actor_name]


def actor_by_name(name: str, actors: pd.DataFrame) -> str | None:
    match = actors.loc[actors["name"] == name, "akteur_id"]
    return match.iloc[0] if len(match) else None
