"""Form to define or change an indicator (role Bearbeitung), and its validation."""

from __future__ import annotations

import re

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.data.messwert_upload import parse_date, parse_number
from dashboard.formatting import fmt_stand
from dashboard.store.indicators import BREAKDOWNS, DIRECTIONS, Definition

NEW = "__neu__"
NONE = "__keine__"  # a select's "nothing chosen" (an empty value would show blank)
BREAKDOWN_LABELS = {
    "": "keine (nur Landkreis)",
    "gemeinde": "Gemeinde",
    "sozialraum": "Sozialraum",
}
# field -> (label, kind); kinds: text, number, date, goal, direction, breakdown
FIELDS = {
    "indikator_id": (
        "Kennung (z. B. I-SPRACHKURSE), nur bei neuen Indikatoren",
        "text",
    ),
    "ziel_id": ("Ziel", "goal"),
    "name": ("Name", "text"),
    "einheit": ("Einheit", "text"),
    "richtung": ("Gewünschte Richtung", "direction"),
    "basis_wert": ("Basiswert", "number"),
    "basis_datum": ("Basis: Datum oder Jahr", "date"),
    "ziel_wert": ("Zielwert (leer = ohne Zielwert)", "number"),
    "ziel_datum": ("Ziel: Datum oder Jahr (leer = ohne)", "date"),
    "quelle": ("Quelle", "text"),
    "methode": ("Methodischer Hinweis", "text"),
    "aufschluesselung": ("Aufschlüsselung", "breakdown"),
}


def field_id(name: str) -> str:
    return f"{ids.IND_FORM_FIELD}-{name.replace('_', '-')}"


def _control(name: str, kind: str, goals: pd.DataFrame) -> object:
    fid = field_id(name)
    if kind == "goal":
        opts = [
            {"label": f"{r.ziel_id}: {r.text[:70]}", "value": r.ziel_id}
            for r in goals.itertuples()
        ]
        return dbc.Select(
            id=fid, options=[{"label": "bitte wählen", "value": ""}, *opts], value=""
        )
    if kind == "direction":
        return dbc.Select(
            id=fid,
            options=[{"label": d, "value": d} for d in DIRECTIONS],
            value="steigen",
        )
    if kind == "breakdown":
        opts = [{"label": BREAKDOWN_LABELS[b], "value": b or NONE} for b in BREAKDOWNS]
        return dbc.Select(id=fid, options=opts, value=NONE)
    return dbc.Input(id=fid, type="text")


def form(catalogue: pd.DataFrame, goals: pd.DataFrame) -> html.Div:
    pick = [{"label": "Neuer Indikator", "value": NEW}] + [
        {"label": f"{r.indikator_id}: {r.name}", "value": r.indikator_id}
        for r in catalogue.itertuples()
    ]
    rows = [
        dbc.Col(
            [dbc.Label(label, html_for=field_id(name)), _control(name, kind, goals)],
            md=6,
            class_name="mb-2",
        )
        for name, (label, kind) in FIELDS.items()
    ]
    return html.Div(
        [
            dbc.Label("Indikator wählen", html_for=ids.IND_FORM_PICK),
            dbc.Select(
                id=ids.IND_FORM_PICK, options=pick, value=NEW, class_name="mb-2"
            ),
            dbc.Row(rows),
            dcc.Store(id=ids.IND_FORM_BASE, data=0),
            dbc.Button("Indikator speichern", id=ids.IND_FORM_SAVE, color="primary"),
            html.Div(id=ids.IND_FORM_MSG, className="mt-2"),
        ]
    )


def values_of(row: pd.Series | None) -> dict[str, str]:
    """Form values for a catalogue row (empty for a new indicator)."""
    if row is None:
        return {f: "" for f in FIELDS} | {
            "richtung": "steigen",
            "ziel_id": NONE,
            "aufschluesselung": NONE,
        }

    def num(v: object) -> str:
        return "" if pd.isna(v) else f"{float(v):g}".replace(".", ",")

    out = {f: ("" if pd.isna(row[f]) else str(row[f])) for f in FIELDS}
    out |= {"basis_wert": num(row["basis_wert"]), "ziel_wert": num(row["ziel_wert"])}
    out |= {"aufschluesselung": row["aufschluesselung"] or NONE}
    out |= {"basis_datum": fmt_stand(row["basis_datum"]) if row["basis_datum"] else ""}
    out |= {"ziel_datum": fmt_stand(row["ziel_datum"]) if row["ziel_datum"] else ""}
    return out


def validate(values: dict[str, str], goal_ids: set[str], existing: set[str], is_new: bool) -> tuple[Definition | None, list[str]]:  # fmt: skip
    """A Definition, or German messages naming each field that is wrong."""
    v = {k: (values.get(k) or "").strip().replace(NONE, "") for k in FIELDS}
    errors = []
    if is_new and not re.fullmatch(r"I-[A-Z0-9ÄÖÜ-]{2,60}", v["indikator_id"]):
        errors.append(
            "Kennung: „I-“ und Großbuchstaben, Ziffern oder Bindestriche, z. B. I-SPRACHKURSE."
        )
    elif is_new and v["indikator_id"] in existing:
        errors.append(
            f"Kennung: {v['indikator_id']} gibt es schon – bitte oben auswählen, um ihn zu ändern."
        )
    if v["ziel_id"] not in goal_ids:
        errors.append("Ziel: bitte ein Ziel wählen.")
    for f in ("name", "einheit", "quelle"):
        if not v[f]:
            errors.append(f"{FIELDS[f][0]}: bitte angeben.")
    if v["richtung"] not in DIRECTIONS:
        errors.append("Gewünschte Richtung: steigen, sinken oder keine.")
    if v["aufschluesselung"] not in BREAKDOWNS:
        errors.append("Aufschlüsselung: keine, Gemeinde oder Sozialraum.")
    base = parse_number(v["basis_wert"]) if v["basis_wert"] else None
    if v["basis_wert"] and base is None:
        errors.append(f"Basiswert: keine Zahl („{v['basis_wert']}“).")
    target = parse_number(v["ziel_wert"]) if v["ziel_wert"] else None
    if v["ziel_wert"] and target is None:
        errors.append(f"Zielwert: keine Zahl („{v['ziel_wert']}“).")
    base_date = parse_date(v["basis_datum"])
    if base_date is None:
        errors.append(
            f"Basis: Datum als TT.MM.JJJJ, MM/JJJJ oder JJJJ angeben („{v['basis_datum']}“)."
        )
    target_date = parse_date(v["ziel_datum"]) if v["ziel_datum"] else ""
    if target_date is None:
        errors.append(
            f"Ziel: Datum als TT.MM.JJJJ, MM/JJJJ oder JJJJ angeben („{v['ziel_datum']}“)."
        )
    if base is None and v["richtung"] != "keine":
        errors.append("Basiswert: für einen Indikator mit Zielrichtung bitte angeben.")
    if errors:
        return None, errors
    return Definition(
        v["indikator_id"], v["ziel_id"], v["name"], v["einheit"], v["richtung"], base,
        base_date, target, target_date, v["quelle"], v["methode"], v["aufschluesselung"],
    ), []  # fmt: skip
