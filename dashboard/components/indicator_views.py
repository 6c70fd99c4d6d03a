"""Building blocks of the indicator pages (pure layout, no callbacks)."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard import current, labels
from dashboard.components.sortable_table import plain_table
from dashboard.data.progress import indicator_progress
from dashboard.formatting import fmt_num, fmt_stand


def num(value: object) -> str:
    """1.234,5 or 12 (no trailing ",0"); "–" when missing."""
    if value is None or pd.isna(value):
        return "–"
    if float(value).is_integer():
        return fmt_num(value)
    return fmt_num(value, 2).rstrip("0").rstrip(",")


def catalogue_table(snap: current.Snapshot | None = None) -> html.Div:
    """All indicators: goal, unit, baseline, target, latest Landkreis value, progress
    (today's, or as of the Berichtsstand of ``snap``)."""
    snap = snap or current.snapshot()
    cat, values = snap.indicators(), snap.values()
    rows = []
    for _, ind in cat.iterrows():
        own = values[
            (values["indikator_id"] == ind["indikator_id"]) & (values["gebiet"] == "")
        ]
        last = own.iloc[-1] if len(own) else None
        rows.append(
            html.Tr(
                [
                    html.Td(dcc.Link(ind["name"], href=f"/indikator?id={ind['indikator_id']}")),
                    # IDs like "Z-4.1.2-1" and "830 (08.02.2017)" never break inside
                    html.Td(ind["ziel_id"], className="text-nowrap"),
                    html.Td(ind["einheit"]),
                    html.Td(f"{num(ind['basis_wert'])} ({fmt_stand(ind['basis_datum'])})", className="text-nowrap"),
                    html.Td(num(ind["ziel_wert"])),
                    html.Td("–" if last is None else f"{num(last['wert'])} ({fmt_stand(last['datum'])})", className="text-nowrap"),
                    html.Td(indicator_progress(ind, values).label),
                ]
            )
        )  # fmt: skip
    heads = (
        "Indikator",
        "Ziel",
        "Einheit",
        "Basis",
        "Zielwert",
        "Letzter Messwert",
        "Fortschritt",
    )
    return plain_table([html.Th(h) for h in heads], rows)


def area_names(mapping: pd.DataFrame) -> dict[str, str]:
    """Stored ``gebiet`` key → German name ("" = Landkreis)."""
    names = dict(zip(mapping["ags"], mapping["gemeinde"], strict=True))
    return {"": "Landkreis", **names, **{s: s for s in mapping["sozialraum"].unique()}}


def values_table(values: pd.DataFrame, names: dict[str, str]) -> html.Div:
    rows = [
        html.Tr(
            [
                html.Td(fmt_stand(r.datum)),
                html.Td(names.get(r.gebiet, r.gebiet)),
                html.Td(num(r.wert), className="text-end"),
                html.Td(r.quelle),
                html.Td(f"{r.benutzer}, {r.zeit:%d.%m.%Y}" if r.benutzer else "–"),
            ]
        )
        for r in values.itertuples()
    ]
    if not rows:
        return html.P("Noch keine Messwerte.", className="text-muted")
    heads = ("Datum", "Gebiet", "Wert", "Quelle", "Erfasst von, am")
    return plain_table([html.Th(h) for h in heads], rows)


def metadata_table(ind: pd.Series, goal_text: str) -> html.Div:
    """Metadata as in Open SDG's metadata tab: what, where from, how measured."""
    breakdown = {
        "": "keine",
        "gemeinde": "nach Gemeinde",
        "sozialraum": "nach Sozialraum",
    }
    changed = (
        f"Version {int(ind['version'])}, {ind['benutzer']} am {ind['zeit']:%d.%m.%Y}"
        if int(ind["version"])
        else f"wie mitgeliefert (Datensatz „{labels.DATASET_TITLES['indikatoren']}“)"
    )
    items = [
        ("Kennung", ind["indikator_id"]),
        ("Ziel", f"{ind['ziel_id']}: {goal_text}"),
        ("Einheit", ind["einheit"]),
        ("Gewünschte Richtung", ind["richtung"]),
        ("Basiswert", f"{num(ind['basis_wert'])} ({fmt_stand(ind['basis_datum'])})"),
        ("Zielwert", f"{num(ind['ziel_wert'])}" + (f" bis {fmt_stand(ind['ziel_datum'])}" if ind["ziel_datum"] else "")),
        ("Quelle", ind["quelle"]),
        ("Methodischer Hinweis", ind["methode"] or "–"),
        ("Aufschlüsselung", breakdown.get(ind["aufschluesselung"], ind["aufschluesselung"])),
        ("Fortschrittsmethode", "Open SDG: erreichter Anteil des Weges von der Basis zum Ziel im Verhältnis zur verstrichenen Zeit; nur Landkreiswerte"),
        ("Definition", changed),
    ]  # fmt: skip
    return html.Dl(
        [x for k, v in items for x in (html.Dt(k), html.Dd(v))], className="im-meta"
    )


def breakdown_table(values: pd.DataFrame, names: dict[str, str]) -> html.Div | None:
    """Current value per area (``current.latest_by_area``), for indicators with a
    breakdown; ``values`` are one indicator's values."""
    if values.empty:
        return None
    latest = current.latest_by_area(values, values["indikator_id"].iloc[0])
    if latest.empty:
        return None
    rows = [
        html.Tr([html.Td(names.get(r.gebiet, r.gebiet)), html.Td(num(r.wert), className="text-end"), html.Td(fmt_stand(r.datum))])
        for r in latest.itertuples()
    ]  # fmt: skip
    heads = ("Gebiet", "Letzter Wert", "Datum")
    return plain_table([html.Th(h) for h in heads], rows)
