"""Upkeep forms for actors and Angebote, and the visible version history.

Fields use pattern-matching IDs (``{"type": ..., "kind": ..., "field": ...}``) so the
save callback (``dashboard.callbacks.records``) exists on every page without
placeholders for people who may only read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import ids
from dashboard.data.schemas import HF_IDS, LAGE, SCHEMAS, SOZIALRAEUME
from dashboard.formatting import fmt_time

ACTOR_ARTEN = SCHEMAS["akteure"].columns["art"].checks[0].statistics["allowed_values"]
RELATIONS = (
    SCHEMAS["akteur_beziehungen"]
    .columns["beziehung"]
    .checks[0]
    .statistics["allowed_values"]
)
SITE_STATUS = (
    SCHEMAS["angebote"].columns["status"].checks[0].statistics["allowed_values"]
)
GEBIETE = ["Landkreis", *SOZIALRAEUME, "Freistaat Sachsen", "Bund"]


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    widget: str = "text"  # text | textarea | select | checklist | date
    options: list[str] = field(default_factory=list)
    help: str = ""


def dom_id(pattern: dict) -> str:
    """The HTML id Dash gives a pattern-matching ID (for ``<label for=…>``)."""
    return json.dumps(pattern, sort_keys=True, separators=(",", ":"))


def fields(kind: str, gemeinden: dict[str, str]) -> list[Field]:
    """The editable fields of ``kind``; the concept's verbatim tasks are not editable.

    ``gemeinden`` labels the choices: AGS -> Gemeinde, or for relations actor ID -> name.
    """
    gem = ["", *sorted(gemeinden, key=gemeinden.get)]
    if kind == "beziehung":
        return [
            Field(
                "beziehung", "Beziehung (dieser Akteur …)", "select", list(RELATIONS)
            ),
            Field("zu", "… zu Akteur", "select", gem),
            Field("fundstelle", "Fundstelle oder Beleg (wörtlich)", "textarea"),
            Field("quelle", "Quelle (Dokument, Seite oder Beschluss)"),
            Field("stand", "Stand der Quelle", help="JJJJ, JJJJ-MM oder JJJJ-MM-TT"),
            Field("status", "Status", "select", ["in Betrieb", "beendet"]),
            Field("ende", "Beendet am", "date"),
        ]
    if kind == "akteur":
        return [
            Field("name", "Name"),
            Field("art", "Art", "select", list(ACTOR_ARTEN)),
            Field("gebiet", "Gebiet", "select", GEBIETE),
            Field("ags", "Gemeinde (nur wenn an eine gebunden)", "select", gem),
            Field(
                "handlungsfelder", "Handlungsfelder (Zuordnung)", "checklist", HF_IDS
            ),
            Field("hinweis", "Hinweis", "textarea"),
            Field("quelle", "Quelle (Dokument, Seite oder Beschluss)"),
            Field("stand", "Stand der Quelle", help="JJJJ, JJJJ-MM oder JJJJ-MM-TT"),
            Field("status", "Status", "select", ["in Betrieb", "beendet"]),
            Field("ende", "Beendet am", "date"),
        ]
    return [
        Field("name", "Name"),
        Field("art", "Art"),
        Field("traeger", "Träger"),
        Field("adresse", "Adresse"),
        Field("ags", "Gemeinde", "select", gem),
        Field("lage_genauigkeit", "Lagegenauigkeit", "select", list(LAGE)),
        Field("status", "Status", "select", list(SITE_STATUS)),
        Field("zeitraum", "Zeitraum"),
        Field("hinweis", "Hinweis", "textarea"),
        Field("quelle", "Quelle (vollständige Adresse und Datum)"),
        Field("stand", "Stand der Quelle", help="JJJJ, JJJJ-MM oder JJJJ-MM-TT"),
        Field("ende", "Beendet am", "date"),
    ]


def _widget(f: Field, kind: str, value: str, error: str, gemeinden: dict) -> list:
    fid = {"type": ids.REC_FIELD, "kind": kind, "field": f.name}
    invalid = bool(error)
    if f.widget == "select":
        options = list(f.options)
        if value and value not in options:
            options.append(value)
        label = (
            (lambda o: gemeinden.get(o, o) or "–")
            if f.name in ("ags", "zu")
            else (lambda o: o)
        )
        control = dbc.Select(
            id=fid,
            options=[{"label": label(o), "value": o} for o in options],
            value=value,
            invalid=invalid,
        )
    elif f.widget == "checklist":
        control = dbc.Checklist(
            id=fid,
            options=[{"label": o, "value": o} for o in f.options],
            value=value.split(),
            inline=True,
        )
    elif f.widget == "textarea":
        control = dbc.Textarea(id=fid, value=value, rows=2, invalid=invalid)
    else:
        control = dbc.Input(
            id=fid,
            value=value,
            type="date" if f.widget == "date" else "text",
            invalid=invalid,
        )
    out = [
        dbc.Label(f.label, html_for=dom_id(fid), class_name="mb-0 mt-2 small"),
        control,
    ]
    if f.help:
        out.append(html.Div(dbc.FormText(f.help)))
    if error:
        out.append(html.Div(error, className="invalid-feedback d-block", role="alert"))
    return out


def form(
    kind: str,
    record: dict,
    version: int,
    gemeinden: dict[str, str],
    errors: dict[str, str] | None = None,
    message: str = "",
    reason: str = "",
) -> dbc.Card:
    """The edit form of ``record`` (empty for a new one) based on ``version``."""
    errors = errors or {}
    controls = [
        x
        for f in fields(kind, gemeinden)
        for x in _widget(
            f,
            kind,
            str(record.get(f.name, "") or ""),
            errors.get(f.name, ""),
            gemeinden,
        )
    ]
    reason_error = errors.get("grund", "")
    controls += [
        dbc.Label(
            "Grund der Änderung (Pflicht)",
            html_for=dom_id({"type": ids.REC_REASON, "kind": kind}),
            class_name="mb-0 mt-2 small",
        ),
        dbc.Input(
            id={"type": ids.REC_REASON, "kind": kind},
            value=reason,
            invalid=bool(reason_error),
        ),
    ]
    if reason_error:
        controls.append(
            html.Div(reason_error, className="invalid-feedback d-block", role="alert")
        )
    title = (
        "Beziehung hinzufügen oder beenden"
        if kind == "beziehung"
        else "Neu anlegen"
        if version == 0 and not record.get("name")
        else "Bearbeiten"
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(title, className="h5"),
                html.P(
                    "Jede Änderung wird als neue Version mit Name, Zeit und Grund "
                    "gespeichert; nichts wird gelöscht. Beenden statt löschen: Status "
                    "„beendet“ (bzw. „geschlossen“) mit Datum.",
                    className="small",
                ),
                *controls,
                dbc.Button(
                    "Speichern",
                    id={"type": ids.REC_SAVE, "kind": kind},
                    color="primary",
                    class_name="mt-3",
                ),
                html.Div(message, className="mt-2", role="status"),
            ]
        ),
        class_name="mt-3 im-record-form",
    )


def labels_of(kind: str) -> dict[str, str]:
    """Field name -> German label, for the history."""
    return {f.name: f.label.split(" (")[0] for f in fields(kind, {})}


def history(versions: pd.DataFrame, base: dict, names: dict[str, str]) -> list:
    """Versions newest first with who, when, reason and the changed fields."""
    if versions.empty:
        return [
            html.P("Noch keine Änderungen: es gilt die Zeile der mitgelieferten Datei.")
        ]
    rows = versions.sort_values("version")
    previous, items = base, []
    for r in rows.itertuples():
        changed = sorted(
            k for k, v in r.daten.items() if str(previous.get(k, "")) != str(v)
        )
        items.append(
            html.Li(
                [
                    html.Strong(f"Fassung {r.version}"),
                    f" · {fmt_time(r.zeit)} · {r.benutzer} · Grund: {r.grund}",
                    html.Br(),
                    html.Span(
                        "geändert: " + (", ".join(changed) if changed else "nichts"),
                        className="im-source",
                    ),
                ]
            )
        )
        previous = r.daten
    return [html.Ol(list(reversed(items)), reversed=True)]
