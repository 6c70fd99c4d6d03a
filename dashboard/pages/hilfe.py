"""Hilfe (linked in the footer and from every info button): how to use the monitor and a glossary of its terms (``dashboard.glossar``).

Reads nothing from the store; writes nothing.
"""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import labels
from dashboard.glossar import GLOSSAR

dash.register_page(
    __name__,
    path="/hilfe",
    name=labels.NAV_HILFE,
    title=f"{labels.NAV_HILFE} – {labels.APP_TITLE}",
)

USAGE = [
    "Jede Zahl nennt ihre Quelle und ihren Stand. Das kleine „i“ neben einer Kennzahl "
    "erklärt den Begriff direkt an Ort und Stelle.",
    "Zu jedem Diagramm gibt es eine Kurzbeschreibung und eine aufklappbare Tabelle mit "
    "denselben Zahlen („Zahlen als Tabelle“).",
    "Auf der Karte wählen Sie eine Gemeinde oder einen Sozialraum mit der Maus oder mit "
    "der Auswahlliste über der Karte; die Adresse im Browser merkt sich die Ansicht und "
    "kann geteilt werden.",
    "Mit der Tabulatortaste erreichen Sie alle Bedienelemente; der erste Tabulatorschritt "
    "führt zum Link „Zum Inhalt springen“.",
    "Drucken (Strg+P) liefert eine Seite ohne Bedienelemente, mit allen Quellenangaben.",
    "Tabellen laden Sie als CSV (für Excel, Trennzeichen Semikolon) oder als Excel-Datei "
    "herunter; die Spalten tragen deutsche Überschriften.",
]


def layout(**_query: str) -> html.Div:
    entries = []
    for key, (name, text) in GLOSSAR.items():
        entries += [html.Dt(name, id=f"begriff-{key}"), html.Dd(text)]
    return html.Div(
        [
            html.H1(labels.NAV_HILFE, className="h2"),
            html.H2("So benutzen Sie den Integrationsmonitor", className="h4 mt-3"),
            html.Ul([html.Li(t) for t in USAGE]),
            html.H2("Begriffe", className="h4 mt-4"),
            html.Dl(entries, className="im-glossar"),
            html.P(
                [
                    "Barrieren gefunden? Siehe ",
                    dcc.Link(
                        "Erklärung zur Barrierefreiheit", href="/barrierefreiheit"
                    ),
                    ".",
                ]
            ),
        ]
    )
