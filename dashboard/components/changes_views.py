"""Building blocks for the Veränderungen view, the status matrix and the change slide."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.changes import (
    ADDED,
    CHANGED,
    ENDED,
    REMOVED,
    REOPENED,
    Changes,
    status_matrix,
)
from dashboard.components.downloads import german_header
from dashboard.components.goal_views import status_badge
from dashboard.components.indicator_views import num
from dashboard.components.record_edit import fields as record_fields
from dashboard.components.sortable_table import plain_table
from dashboard.data.actors import href
from dashboard.formatting import fmt_stand, fmt_time


def matrix_table(
    matrix: pd.DataFrame,
    titles: dict[str, str],
    before: pd.DataFrame | None = None,
    table_id: str | None = None,
) -> html.Div:
    """Handlungsfelder × status counts; with ``before`` each cell shows its movement."""
    head = [
        html.Th("Handlungsfeld"),
        *[html.Th(status_badge(s)) for s in matrix.columns],
    ]
    rows = []
    for hf, counts in matrix.iterrows():
        cells = []
        for status, n in counts.items():
            text = str(int(n))
            if before is not None:
                d = int(n) - int(before.loc[hf, status])
                text += f" ({d:+d})" if d else ""
            cells.append(
                html.Td(
                    text,
                    className="text-end"
                    + (" fw-bold" if before is not None and "(" in text else ""),
                )
            )
        rows.append(html.Tr([html.Td(f"{hf} {titles.get(hf, '')}"), *cells]))
    return plain_table(head, rows, id=table_id) if table_id else plain_table(head, rows)  # fmt: skip


def _table(frame: pd.DataFrame, columns: dict[str, str], empty: str) -> html.Div:
    if frame.empty:
        return html.P(empty, className="text-muted")
    rows = [
        html.Tr([html.Td(_cell(r[c])) for c in columns]) for _, r in frame.iterrows()
    ]
    return plain_table([html.Th(h) for h in columns.values()], rows)


def _cell(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, float):
        return num(value)
    return (
        "–"
        if value is None or (not isinstance(value, str) and pd.isna(value))
        else str(value)
    )


def goal_changes(changes: Changes, table_id: str | None = None) -> html.Div:
    frame = changes.goals.assign(
        ziel=changes.goals["ziel_id"] + ": " + changes.goals["text"].str.slice(0, 90),
        wann=changes.goals["zeit"].map(fmt_time),
    )
    cols = {"ziel": "Ziel", "von": "Status vorher", "nach": "Status nachher", "benutzer": "Wer",
            "wann": "Wann", "kommentar": "Warum (Kommentar)"}  # fmt: skip
    return html.Div(
        _table(frame, cols, "Kein Ziel hat seinen Status geändert."), id=table_id
    )


def measure_changes(changes: Changes) -> list:
    """Maßnahmen: new, with changed status, or overdue since the earlier state."""
    frame = changes.measures
    if len(frame):
        frame = frame.assign(
            faellig=frame["faellig"].map(lambda d: fmt_stand(d) if d else "–")
        )
    cols = {"ziel_id": "Ziel", "titel": "Maßnahme", "aenderung": "Änderung", "von": "vorher",
            "nach": "nachher", "faellig": "fällig", "benutzer": "Wer", "zeit": "Wann",
            "grund": "Warum"}  # fmt: skip
    return [
        html.H2("Maßnahmen: neu, Status geändert oder überfällig", className="h4 mt-3"),
        html.Div(
            _table(frame, cols, "Keine Maßnahme ist neu, hat ihren Status geändert oder ist überfällig geworden."),
            id="veraenderungen-massnahmen",
        ),
    ]  # fmt: skip


def sections(changes: Changes, names: dict[str, str], titles: dict[str, str]) -> list:
    """All changes, each section with a heading (screen-reader and projector friendly)."""
    values = changes.values.assign(
        datum=changes.values["datum"].map(fmt_stand),
        gebiet=changes.values["gebiet"].map(lambda g: names.get(g, g)),
    )
    return [
        html.H2("Status der Ziele je Handlungsfeld", className="h4 mt-3"),
        html.P("Anzahl der Ziele; in Klammern die Bewegung gegenüber dem früheren Stand."),
        matrix_table(changes.matrix_b, titles, changes.matrix_a, table_id="veraenderungen-matrix"),
        html.H2("Ziele mit geändertem Status", className="h4 mt-3"),
        goal_changes(changes, "veraenderungen-ziele"),
        *measure_changes(changes),
        html.H2("Indikatoren: neue Messwerte und Fortschritt", className="h4 mt-3"),
        _table(values,
               {"name": "Indikator", "datum": "Datum", "gebiet": "Gebiet", "wert": "Wert", "vorher": "vorher"},
               "Keine neuen Messwerte."),
        _table(changes.progress, {"name": "Indikator", "von": "Fortschritt vorher", "nach": "Fortschritt nachher"},
               "Kein Fortschritt hat sich geändert."),
        _table(changes.indicators, {"name": "Indikator", "aenderung": "Änderung"}, "Keine neuen oder geänderten Indikatoren."),
        html.H2("DaZ: Schüler, Schulen und Sozialräume", className="h4 mt-3"),
        _table(changes.daz, {"was": "Kennzahl", "von": "vorher", "nach": "nachher"}, "Keine neuen DaZ-Zahlen."),
        _table(changes.areas, {"sozialraum": "Sozialraum", "von": "VKA-Schüler vorher", "nach": "nachher", "differenz": "Differenz"},
               "Keine Veränderung je Sozialraum."),
        _table(changes.schools, {"name_dokument": "Schule", "sozialraum": "Sozialraum", "von": "VKA-Schüler vorher", "nach": "nachher"},
               "Keine Veränderung je Schule."),
        html.H2("Akteure und Angebote: neu, beendet, geändert", className="h4 mt-3"),
        record_changes(changes, "veraenderungen-akteure"),
        html.H2("Beschlüsse: neu, korrigiert, zurückgezogen", className="h4 mt-3"),
        decision_changes(changes, "veraenderungen-beschluesse"),
        html.P(dcc.Link("Alle Beschlüsse", href="/beschluesse")),
    ]  # fmt: skip


def field_names(typ: str, fields: list[str]) -> str:
    """The upkeep form's labels of changed fields ("Status, Beendet am")."""
    kind = "akteur" if typ == "Akteur" else "angebot"
    form = {f.name: f.label for f in record_fields(kind, {})}
    return ", ".join(form.get(c) or german_header(c) for c in fields)


def decision_summary(changes: Changes) -> str:
    """One line for a slide: the Beschlüsse that changed, by body, number or date."""
    parts = [
        f"{r.gremium} {r.nummer or fmt_stand(r.datum)} ({r.aenderung})"
        for r in changes.decisions.itertuples()
    ]
    return "Beschlüsse: " + "; ".join(parts) + "."


def decision_changes(changes: Changes, table_id: str | None = None) -> html.Div:
    """Beschlüsse recorded, corrected or withdrawn between the two states."""
    frame = changes.decisions.assign(
        datum=changes.decisions["datum"].map(fmt_stand),
        wann=changes.decisions["zeit"].map(
            lambda z: "–" if pd.isna(z) else fmt_time(z)
        ),
    )
    cols = {"datum": "Datum", "gremium": "Gremium", "nummer": "Nummer", "text": "Beschluss",
            "aenderung": "Veränderung", "benutzer": "Wer", "wann": "Wann", "grund": "Grund"}  # fmt: skip
    body = _table(frame, cols, "Keine Beschlüsse neu, korrigiert oder zurückgezogen.")
    return html.Div(body, id=table_id) if table_id else html.Div(body)


def _record_rows(changes: Changes) -> pd.DataFrame:
    """Actor/Angebot changes with German field names and a link to the entry."""
    frame = changes.records
    return frame.assign(
        felder=[
            field_names(t, f)
            for t, f in zip(frame["typ"], frame["felder"], strict=True)
        ],
        eintrag=frame["typ"] + ": " + frame["name"],
    )


def record_changes(changes: Changes, table_id: str | None = None) -> html.Div:
    """Actors and Angebote added, ended or changed: what, which fields, who, when, why."""
    frame = _record_rows(changes)
    named = {"id": table_id} if table_id else {}
    if frame.empty:
        return html.Div(html.P("Keine Akteure oder Angebote neu, beendet oder geändert.",
                               className="text-muted"), **named)  # fmt: skip
    rows = [
        html.Tr([
            html.Td(r.eintrag if r.aenderung == REMOVED else dcc.Link(r.eintrag, href=href(r.typ, r.id))),
            html.Td(r.aenderung),
            html.Td(r.felder or "–"), html.Td(r.benutzer or "–"), html.Td("–" if pd.isna(r.zeit) else fmt_time(r.zeit)),
            html.Td(r.grund or "–"),
        ])
        for r in frame.itertuples()
    ]  # fmt: skip
    heads = ("Akteur oder Angebot", "Veränderung", "Geänderte Felder", "Wer", "Wann", "Warum (Grund)")  # fmt: skip
    return html.Div(plain_table([html.Th(h) for h in heads], rows), **named)


def record_summary(changes: Changes, names: int = 0) -> str:
    """One line for a slide or the briefing: how many were added, ended, changed;
    with ``names`` the first few names of each kind except "geändert"."""
    kind = changes.records["aenderung"].str.split(",").str[0]
    parts = []
    for what in (ADDED, ENDED, REOPENED, CHANGED, REMOVED):
        shown = changes.records.loc[kind == what, "name"].tolist()
        if not shown:
            continue
        text = f"{len(shown)} {what}"
        if names and what != CHANGED:
            more = f" und {len(shown) - names} weitere" if len(shown) > names else ""
            text += f" ({'; '.join(shown[:names])}{more})"
        parts.append(text)
    return "Akteure und Angebote: " + (
        ", ".join(parts) if parts else "keine Veränderung"
    )


def overview_matrix(snap) -> html.Div:  # noqa: ANN001
    """Status matrix of the shown data and its movement since the previous Berichtsstand."""
    from dashboard.current import Snapshot, previous_point

    repo = snap.repo
    goals, fields = repo.table("ziele"), repo.table("handlungsfelder")
    titles = fields.set_index("hf_id")["titel"].to_dict()
    matrix = status_matrix(goals, snap.goals(), fields)
    earlier = previous_point(repo.engine, snap.reporting)
    before = (
        status_matrix(goals, Snapshot(repo, reporting=earlier).goals(), fields)
        if earlier
        else None
    )
    note = (
        f"In Klammern: Bewegung seit Berichtsstand „{earlier.name}“ ({fmt_stand(earlier.datum)}). "
        if earlier
        else "Noch kein früherer Berichtsstand: die Bewegung zeigt sich ab dem ersten abgeschlossenen. "
    )
    return html.Div(
        [
            matrix_table(matrix, titles, before, table_id="ueberblick-statusmatrix"),
            html.P([note, dcc.Link("Alle Veränderungen", href="/veraenderungen")], className="im-source"),
        ]
    )  # fmt: skip


def changes_slide(
    changes: Changes, titles: dict[str, str], since: str, until: str
) -> html.Section:
    """The meeting's first question: what changed since the last Berichtsstand.

    Compact for the projector: status changes (who, why), DaZ, and only the matrix
    rows that moved.
    """
    from dashboard.components.slides import slide

    goals = changes.goals.assign(
        ziel=changes.goals["ziel_id"]
        + ": "
        + changes.goals["text"].str.slice(0, 48)
        + "…",
        wechsel=changes.goals["von"] + " → " + changes.goals["nach"],
    )
    cols = {
        "ziel": "Ziel",
        "wechsel": "Status",
        "benutzer": "Wer",
        "kommentar": "Warum",
    }
    moved = changes.matrix_b.ne(changes.matrix_a).any(axis=1)
    daz = [f"{r.was}: {r.von} → {r.nach}" for r in changes.daz.itertuples()]
    body = [
        html.P(f"Vorher: {since} · Nachher: {until}", className="im-slide-note"),
        html.Div(_table(goals, cols, "Kein Ziel hat seinen Status geändert."), id="folie-veraenderungen-ziele"),
        html.P("; ".join(daz) if daz else "Keine neuen DaZ-Zahlen.", className="mb-1"),
        html.P(f"{len(changes.values)} neue Messwerte, {len(changes.progress)} Indikatoren mit geändertem Fortschritt.",
               className="mb-1"),
        html.P(record_summary(changes, names=3), className="mb-1", id="folie-veraenderungen-akteure"),
        html.P(decision_summary(changes), className="mb-1", id="folie-veraenderungen-beschluesse") if len(changes.decisions) else None,
        html.P(_measure_line(changes.measures), className="mb-1") if len(changes.measures) else None,
        matrix_table(changes.matrix_b[moved], titles, changes.matrix_a) if moved.any() else None,
    ]  # fmt: skip
    return slide("veraenderungen", "Veränderungen seit der letzten Sitzung", body,
                 "Zielregister, Indikatoren und DaZ-Importe des Integrationsmonitors")  # fmt: skip


def _measure_line(frame: pd.DataFrame) -> str:
    """One line for the change slide, e.g. "Maßnahmen: 1 neu, 2 überfällig geworden"."""
    counts = frame["aenderung"].value_counts()
    return "Maßnahmen: " + ", ".join(f"{n} {what}" for what, n in counts.items())
