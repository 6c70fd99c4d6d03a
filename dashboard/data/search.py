"""One search over schools, Gemeinden, Sozialräume, goals, actors and Angebote.

``search_index`` builds the entries from the store's tables; ``search`` ranks them
for a query. Each entry carries the URL that opens the right page in the right state.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pandas as pd

from dashboard.data.actors import fold, href

KINDS = ["Gemeinde", "Sozialraum", "Ziel", "Akteur", "Angebot", "Schule"]
GOAL_NUMBER = re.compile(r"^(?:z-)?(4(?:\.\d){1,2})-(\d+)$")
MIN_CHARS = 2


def _karte(level: str, selected: str) -> str:
    return "/karte?" + urlencode({"ebene": level, "auswahl": selected})


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def search_index(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Entries with ``kind``, ``label``, ``detail``, ``href``, ``number``, ``haystack``.

    Parameters
    ----------
    tables : dict of DataFrame
        ``schulen_daz``, ``sozialraeume``, ``ziele``, ``handlungsfelder``,
        ``akteure`` and ``angebote`` as read from the store.
    """
    areas = tables["sozialraeume"]
    gemeinde = dict(zip(areas["ags"], areas["gemeinde"], strict=True))
    parent = dict(
        zip(
            tables["handlungsfelder"]["hf_id"],
            tables["handlungsfelder"]["uebergeordnet"],
            strict=True,
        )
    )
    rows = []

    def add(kind, label, detail, url, text="", number=""):  # noqa: ANN001, ANN202
        rows.append(
            {
                "kind": kind,
                "label": label,
                "detail": detail,
                "href": url,
                "number": number,
                "haystack": fold(" ".join([label, detail, text])),
            }
        )

    for r in tables["ziele"].itertuples():
        number = f"{r.hf_id}-{r.nr}"
        field = parent.get(r.hf_id) or r.hf_id
        url = f"/ziele?{urlencode({'feld': field})}#ziel-{r.ziel_id}"
        add(
            "Ziel",
            f"Ziel {number}",
            _short(r.text),
            url,
            r.text + " " + r.erlaeuterung,
            number,
        )
    for r in tables["akteure"].itertuples():
        add(
            "Akteur",
            r.name,
            r.art,
            href("Akteur", r.akteur_id),
            r.aufgaben + " " + r.gebiet,
        )
    for r in tables["angebote"].itertuples():
        where = gemeinde.get(r.ags, "landkreisweit")
        add(
            "Angebot",
            r.name,
            f"{r.art} · {where}",
            href("Angebot", r.angebot_id),
            r.traeger,
        )
    for r in areas.itertuples():
        add(
            "Gemeinde",
            r.gemeinde,
            f"Sozialraum {r.sozialraum}",
            _karte("gemeinde", r.ags),
        )
    for sr in sorted(areas["sozialraum"].unique()):
        members = ", ".join(areas.loc[areas["sozialraum"] == sr, "gemeinde"])
        add(
            "Sozialraum",
            f"Sozialraum {sr}",
            _short(members, 60),
            _karte("sozialraum", sr),
        )
    for r in tables["schulen_daz"].itertuples():
        url = "/daz?" + urlencode({"tab": "schulen", "gemeinde": r.ags})
        add(
            "Schule",
            r.name_dokument,
            f"{r.schulart} · {gemeinde[r.ags]}",
            url,
            r.name_amtlich,
        )
    return pd.DataFrame(rows)


def search(index: pd.DataFrame, query: str, limit: int = 10) -> pd.DataFrame:
    """Entries matching every word of ``query``, best first.

    A goal number (``4.2-3``, also ``Z-4.2-3``) finds exactly that goal. Otherwise a
    hit in the name ranks before a hit in the text; within that, places (few, found
    by name) come before goals, actors, Angebote and schools.
    """
    q = fold(query.strip())
    number = GOAL_NUMBER.match(q)
    if number:
        return index[index["number"] == f"{number[1]}-{number[2]}"].head(limit)
    words = q.split()
    if len(q) < MIN_CHARS or not words:
        return index.iloc[0:0]
    hit = pd.Series(True, index=index.index)
    for word in words:
        hit &= index["haystack"].str.contains(word, regex=False)
    found = index[hit]
    labels = found["label"].map(fold)
    score = labels.map(lambda s: 0 if s.startswith(words[0]) else 1) + (
        ~labels.map(lambda s: all(w in s for w in words))
    ).astype(int)
    order = found["kind"].map(KINDS.index)
    return (
        found.assign(_score=score, _order=order)
        .sort_values(["_score", "_order", "label"], kind="stable")
        .drop(columns=["_score", "_order"])
        .head(limit)
    )
