"""What changed between two Berichtsstände (or a Berichtsstand and today).

Both sides are ``dashboard.current.Snapshot`` objects, so "what counted then" follows
the one current rule. The status matrix (Handlungsfelder × goal status) lives here
too, because its movement between Berichtsstände is a change like the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.current import Snapshot, is_ended
from dashboard.data.beschluss_rules import WITHDRAWN
from dashboard.data.progress import STATUS, indicator_progress
from dashboard.data.records import KEY


def top_fields(fields: pd.DataFrame) -> dict[str, str]:
    """hf_id → its top-level Handlungsfeld (4.1.1 and 4.1.2 count to 4.1)."""
    return {r.hf_id: (r.uebergeordnet or r.hf_id) for r in fields.itertuples()}


def status_matrix(
    goals: pd.DataFrame, status: pd.DataFrame, fields: pd.DataFrame
) -> pd.DataFrame:
    """Goal counts per top-level Handlungsfeld (rows, in document order) and status."""
    top = top_fields(fields)
    frame = goals[["ziel_id", "hf_id"]].merge(
        status[["ziel_id", "status"]], on="ziel_id"
    )
    frame["feld"] = frame["hf_id"].map(top)
    order = fields[fields["uebergeordnet"] == ""].sort_values("reihenfolge")["hf_id"]
    matrix = pd.crosstab(frame["feld"], frame["status"])
    return matrix.reindex(index=list(order), columns=list(STATUS), fill_value=0)


@dataclass(frozen=True)
class Changes:
    goals: pd.DataFrame  # ziel_id, text, von, nach, benutzer, zeit, kommentar
    values: pd.DataFrame  # indikator_id, name, datum, gebiet, wert, vorher
    progress: pd.DataFrame  # indikator_id, name, von, nach
    indicators: pd.DataFrame  # indikator_id, name, aenderung
    daz: pd.DataFrame  # was, von, nach
    schools: pd.DataFrame  # name_dokument, sozialraum, von, nach
    areas: pd.DataFrame  # sozialraum, von, nach, differenz
    matrix_a: pd.DataFrame
    matrix_b: pd.DataFrame
    records: pd.DataFrame  # typ, id, name, aenderung, felder, benutzer, zeit, grund
    decisions: pd.DataFrame  # beschluss_id, datum, gremium, nummer, text, aenderung, …
    # ziel_id, titel, aenderung, von, nach, faellig, benutzer, zeit, grund
    measures: pd.DataFrame = field(default_factory=pd.DataFrame)


def _goals(a: Snapshot, b: Snapshot) -> pd.DataFrame:
    texts = b.table("ziele").set_index("ziel_id")["text"]
    before = a.goals().set_index("ziel_id")
    after = b.goals().set_index("ziel_id")
    changed = after[after["version"] != before["version"]]
    out = pd.DataFrame(
        {
            "ziel_id": changed.index,
            "text": texts.reindex(changed.index).to_numpy(),
            "von": before.loc[changed.index, "status"].to_numpy(),
            "nach": changed["status"].to_numpy(),
            "benutzer": changed["benutzer"].to_numpy(),
            "zeit": changed["zeit"].to_numpy(),
            "kommentar": changed["kommentar"].to_numpy(),
        }
    )
    return out[out["von"] != out["nach"]].reset_index(drop=True)


MEASURE_COLUMNS = [
    "ziel_id", "titel", "aenderung", "von", "nach", "faellig", "benutzer", "zeit",
    "grund",
]  # fmt: skip


def _measures(a: Snapshot, b: Snapshot) -> pd.DataFrame:
    """Maßnahmen that are new, changed status or became overdue from ``a`` to ``b``
    (overdue judged on each side's own day, as ``current.measure_status`` does)."""
    before = a.measures().set_index("massnahme_id")
    rows = []
    for m in b.measures().itertuples():
        was = before.loc[m.massnahme_id] if m.massnahme_id in before.index else None
        if was is None:
            what, von = "neu", "–"
        elif was["status"] != m.status:
            what, von = "Status geändert", was["status"]
        elif m.ueberfaellig and not was["ueberfaellig"]:
            what, von = "überfällig geworden", was["status"]
        else:
            continue
        nach = f"{m.status} (überfällig)" if m.ueberfaellig else m.status
        rows.append(
            (
                m.ziel_id,
                m.titel,
                what,
                von,
                nach,
                m.faellig,
                m.benutzer,
                m.zeit,
                m.grund,
            )
        )
    return pd.DataFrame(rows, columns=MEASURE_COLUMNS)


def _values(a: Snapshot, b: Snapshot, names: pd.Series) -> pd.DataFrame:
    key = ["indikator_id", "datum", "gebiet"]
    before = a.values()[[*key, "wert"]].rename(columns={"wert": "vorher"})
    merged = b.values().merge(before, on=key, how="left")
    new = merged[merged["vorher"].isna() | (merged["vorher"] != merged["wert"])]
    new = new.assign(name=new["indikator_id"].map(names))
    return new[
        ["indikator_id", "name", "datum", "gebiet", "wert", "vorher"]
    ].reset_index(drop=True)


def _indicators(a: Snapshot, b: Snapshot) -> tuple[pd.DataFrame, pd.DataFrame]:
    cat_a = a.indicators().set_index("indikator_id", drop=False)
    cat_b = b.indicators()
    vals_a, vals_b = a.values(), b.values()
    rows, progress = [], []
    for _, ind in cat_b.iterrows():
        iid = ind["indikator_id"]
        if iid not in cat_a.index:
            rows.append((iid, ind["name"], "neu"))
        elif cat_a.loc[iid, "version"] != ind["version"]:
            rows.append((iid, ind["name"], "Definition geändert"))
        before = (
            indicator_progress(cat_a.loc[iid], vals_a).label
            if iid in cat_a.index
            else "–"
        )
        after = indicator_progress(ind, vals_b).label
        if before != after:
            progress.append((iid, ind["name"], before, after))
    return (
        pd.DataFrame(rows, columns=["indikator_id", "name", "aenderung"]),
        pd.DataFrame(progress, columns=["indikator_id", "name", "von", "nach"]),
    )


def _daz(a: Snapshot, b: Snapshot) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    en_a, en_b = a.enrolment(), b.enrolment()
    sf_a, sf_b = a.schools(), b.schools()
    rows = []
    if (en_a.year, en_a.total) != (en_b.year, en_b.total):
        rows.append(
            (
                "DaZ-Schüler (Landkreis)",
                f"{en_a.total} ({en_a.year})",
                f"{en_b.total} ({en_b.year})",
            )
        )
    if sf_a.year != sf_b.year:
        rows.append(("Zahlen je Schule: Schuljahr", sf_a.year, sf_b.year))
    daz = pd.DataFrame(rows, columns=["was", "von", "nach"])
    cols = ["schule_id", "name_dokument", "sozialraum", "vka_schueler"]
    both = sf_a.frame[cols].merge(
        sf_b.frame[cols], on=["schule_id", "name_dokument", "sozialraum"], how="outer",
        suffixes=("_a", "_b"),
    )  # fmt: skip
    moved = both[both["vka_schueler_a"].fillna(-1) != both["vka_schueler_b"].fillna(-1)]
    schools = moved.rename(columns={"vka_schueler_a": "von", "vka_schueler_b": "nach"})[
        ["name_dokument", "sozialraum", "von", "nach"]
    ].reset_index(drop=True)
    areas = both.groupby("sozialraum", as_index=False)[
        ["vka_schueler_a", "vka_schueler_b"]
    ].sum()
    areas = areas.rename(columns={"vka_schueler_a": "von", "vka_schueler_b": "nach"})
    areas["differenz"] = areas["nach"] - areas["von"]
    return daz, schools, areas[areas["differenz"] != 0].reset_index(drop=True)


RECORD_KINDS = {"akteur": "Akteur", "angebot": "Angebot"}
ADDED, ENDED, REOPENED, CHANGED, REMOVED = (
    "neu", "beendet", "wieder in Betrieb", "geändert", "entfernt (Import zurückgenommen)",
)  # fmt: skip
RECORD_COLUMNS = [
    "typ",
    "id",
    "name",
    "aenderung",
    "felder",
    "benutzer",
    "zeit",
    "grund",
]


def _record_change(old: pd.Series | None, new: pd.Series | None) -> tuple[str, list]:
    """What happened to one record from ``old`` to ``new`` (None: absent)."""
    if old is None:
        return ADDED + (f", {ENDED}" if is_ended(new["status"]) else ""), []
    if new is None:
        return REMOVED, []
    fields = [
        c for c in new.index
        if c != "version" and str(new[c]) != str(old.get(c, ""))
    ]  # fmt: skip
    was, now = is_ended(old["status"]), is_ended(new["status"])
    if now and not was:
        return ENDED, fields
    if was and not now:
        return REOPENED, fields
    return (CHANGED if fields else ""), fields


def _records(a: Snapshot, b: Snapshot) -> pd.DataFrame:
    """Actors and Angebote added, ended, reopened or changed from ``a`` to ``b``, with
    who saved the latest version in between, when and why."""
    history = b.record_history()
    zeit = pd.to_datetime(history["zeit"], utc=True)
    since = zeit > pd.Timestamp(a.as_of) if a.as_of is not None else True
    until = zeit <= pd.Timestamp(b.as_of) if b.as_of is not None else True
    between = history[since & until].sort_values("zeit")
    rows = []
    for kind, typ in RECORD_KINDS.items():
        key = KEY[kind][0]
        before = a.records(kind).set_index(key, drop=False)
        after = b.records(kind).set_index(key, drop=False)
        for k in list(dict.fromkeys([*after.index, *before.index])):
            old = before.loc[k] if k in before.index else None
            new = after.loc[k] if k in after.index else None
            what, fields = _record_change(old, new)
            if not what:
                continue
            saved = between[(between["art"] == kind) & (between["schluessel"] == k)]
            last = saved.iloc[-1] if len(saved) else None
            rows.append((
                typ, k, (new if new is not None else old)["name"], what, fields,
                "" if last is None else last["benutzer"],
                pd.NaT if last is None else pd.Timestamp(last["zeit"]),
                "" if last is None else last["grund"],
            ))  # fmt: skip
    return pd.DataFrame(rows, columns=RECORD_COLUMNS)


DECISION_CHANGES = ["beschluss_id", "datum", "gremium", "nummer", "text",
                    "aenderung", "benutzer", "zeit", "grund"]  # fmt: skip


def decisions(a: Snapshot, b: Snapshot) -> pd.DataFrame:
    """Beschlüsse recorded, corrected or withdrawn from ``a`` to ``b``, oldest first."""
    before = a.decisions(withdrawn=True).set_index("beschluss_id", drop=False)
    after = b.decisions(withdrawn=True)
    rows = []
    for _, r in after.iterrows():
        key = r["beschluss_id"]
        if key not in before.index:
            what = WITHDRAWN if r["status"] == WITHDRAWN else "neu"
        elif before.loc[key, "version"] == r["version"]:
            continue
        elif r["status"] == WITHDRAWN:
            what = WITHDRAWN
        else:
            what = "korrigiert"
        rows.append({**r.to_dict(), "aenderung": what})
    return pd.DataFrame(rows, columns=[*after.columns, "aenderung"])[DECISION_CHANGES]


def compare(a: Snapshot, b: Snapshot) -> Changes:
    """Everything that changed from ``a`` to ``b``."""
    goals, fields = b.table("ziele"), b.table("handlungsfelder")
    names = b.indicators().set_index("indikator_id")["name"]
    indicators, progress = _indicators(a, b)
    daz, schools, areas = _daz(a, b)
    return Changes(
        goals=_goals(a, b),
        values=_values(a, b, names),
        progress=progress,
        indicators=indicators,
        daz=daz,
        schools=schools,
        areas=areas,
        matrix_a=status_matrix(goals, a.goals(), fields),
        matrix_b=status_matrix(goals, b.goals(), fields),
        records=_records(a, b),
        decisions=decisions(a, b),
        measures=_measures(a, b),
    )
