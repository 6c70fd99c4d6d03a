"""Sitzung planen: choose slides and filters for a meeting, share the agenda as a link,
and produce the Kreistag briefing (PDF or print view). Writes nothing.
"""

from __future__ import annotations

from urllib.parse import urlencode

import dash
import dash_bootstrap_components as dbc
import flask
from dash import Input, Output, callback, dcc, html

from dashboard import ids, labels
from dashboard.components.slides import DEFAULT_AGENDA, SLIDE_TITLES
from dashboard.reports.briefing import BriefingUnavailable, chromium

dash.register_page(
    __name__,
    path="/sitzung-planen",
    name="Sitzung",
    title=f"Sitzung & Briefing – {labels.APP_TITLE}",
    nav_order=4,
)
WHOLE_COUNTY = "alle"
AREAS = ["Meißen", "Riesa", "Großenhain", "Radebeul"]


def agenda_links(
    slides: list[str], area: str | None, title: str, contrast: bool, change: int | None
) -> dict:
    """URLs for the deck and the briefing with the chosen agenda and filters."""
    deck = {"folien": ",".join(s for s in DEFAULT_AGENDA if s in slides)}
    brief = {}
    if area:
        deck["sozialraum"] = brief["sozialraum"] = area
    if title:
        deck["titel"] = title
    if contrast:
        deck["kontrast"] = "1"
    if change is not None:
        deck["szenario"] = brief["szenario"] = str(change)
    return {
        "deck": "/sitzung?" + urlencode(deck, safe=","),
        "pdf": "/briefing.pdf?" + urlencode(brief),
        "html": "/briefing?" + urlencode(brief),
    }


def layout(**_query: str) -> html.Div:
    try:
        chromium()
        pdf_note = None
    except BriefingUnavailable as exc:
        pdf_note = dbc.Alert(str(exc), color="warning")
    return html.Div(
        [
            html.H1("Sitzung planen und Kreistag-Briefing", className="h2"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label(
                                "Folien der Sitzung", html_for=ids.DECK_PLAN_SLIDES
                            ),
                            dbc.Checklist(
                                id=ids.DECK_PLAN_SLIDES,
                                value=DEFAULT_AGENDA,
                                options=[
                                    {"label": SLIDE_TITLES[k], "value": k}
                                    for k in DEFAULT_AGENDA
                                ],
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            dbc.Label(
                                "Titel (z. B. Sitzung am 12.03.)",
                                html_for=ids.DECK_PLAN_TITLE,
                            ),
                            dbc.Input(
                                id=ids.DECK_PLAN_TITLE,
                                value="Sitzung der Lenkungsgruppe Integration",
                            ),
                            dbc.Label(
                                "Filter Sozialraum",
                                html_for=ids.DECK_PLAN_AREA,
                                class_name="mt-2",
                            ),
                            dbc.Select(
                                id=ids.DECK_PLAN_AREA,
                                value=WHOLE_COUNTY,
                                options=[
                                    {"label": "ganzer Landkreis", "value": WHOLE_COUNTY}
                                ]
                                + [{"label": a, "value": a} for a in AREAS],
                            ),
                            dbc.Label(
                                "Szenario (Veränderung der DaZ-Schüler in %)",
                                html_for="sitzung-planen-szenario",
                                class_name="mt-2",
                            ),
                            dbc.Input(
                                id="sitzung-planen-szenario",
                                type="number",
                                min=-50,
                                max=200,
                                step=10,
                                placeholder="kein Szenario",
                            ),
                            dbc.Switch(
                                id=ids.DECK_PLAN_CONTRAST,
                                label="Kontrastreich (für blasse Beamer)",
                                value=False,
                                class_name="mt-2",
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            html.H2("Links", className="h5"),
                            html.Div(id=ids.DECK_PLAN_LINK),
                            pdf_note,
                            html.P(
                                "Steuerung in der Sitzung: → / ← / Bild↑ / Bild↓ / Leertaste (Presenter), f = Vollbild. "
                                "Der Link enthält Folien und Filter und kann geteilt werden.",
                                className="im-source mt-2",
                            ),
                        ],
                        md=4,
                    ),
                ]
            ),
        ]
    )


@callback(
    Output(ids.DECK_PLAN_LINK, "children"),
    Input(ids.DECK_PLAN_SLIDES, "value"),
    Input(ids.DECK_PLAN_AREA, "value"),
    Input(ids.DECK_PLAN_TITLE, "value"),
    Input(ids.DECK_PLAN_CONTRAST, "value"),
    Input("sitzung-planen-szenario", "value"),
)
def links(slides, area, title, contrast, change):  # noqa: ANN001, ANN201
    urls = agenda_links(
        slides or [],
        area if area in AREAS else None,
        (title or "").strip(),
        bool(contrast),
        int(change) if change is not None else None,
    )
    return [
        dbc.Button(
            "Sitzung starten",
            href=urls["deck"],
            color="primary",
            external_link=True,
            id="sitzung-start",
        ),
        html.Div(
            [
                html.Code(
                    flask.request.host_url.rstrip("/") + urls["deck"],
                    id="sitzung-link-text",
                ),
                dcc.Clipboard(
                    target_id="sitzung-link-text",
                    title="Link kopieren",
                    className="ms-2 d-inline",
                ),
            ],
            className="my-2 im-source",
        ),
        dbc.Button(
            "Kreistag-Briefing als PDF",
            href=urls["pdf"],
            color="secondary",
            external_link=True,
            id="briefing-pdf",
            class_name="me-2 mb-2",
        ),
        dbc.Button(
            "Druckansicht (HTML)",
            href=urls["html"],
            color="secondary",
            external_link=True,
            id="briefing-html",
            class_name="mb-2",
            target="_blank",
        ),
    ]
