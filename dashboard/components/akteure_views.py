"""Building blocks of the actor directory and the detail views (no callbacks)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import ids, labels
from dashboard.components.sortable_table import Column, sortable_table
from dashboard.data.actors import STATUS_OPTIONS, TYP_AKTEUR, TYP_ANGEBOT
from dashboard.formatting import fmt_stand

SORT_DEFAULT = {"key": "name", "ascending": True}


ALL_VALUE = "alle"  # the "no filter" option (an empty value would show as blank)


def _options(values: list[str], empty: str) -> list[dict]:
    return [{"label": empty, "value": ALL_VALUE}] + [
        {"label": v, "value": v} for v in values
    ]


def filters(
    frame: pd.DataFrame, fields: pd.DataFrame, areas: pd.DataFrame, chosen: dict
) -> html.Div:
    """Search box and the five filters; ``chosen`` holds the values from the URL."""

    def select(id_: str, label: str, options: list[dict], key: str) -> dbc.Col:
        return dbc.Col(
            [
                dbc.Label(label, html_for=id_, class_name="mb-0 small"),
                dbc.Select(id=id_, options=options, value=chosen.get(key) or ALL_VALUE),
            ],
            md=4,
            lg=2,
        )

    def small(id_: str, label: str, options: list[dict], key: str) -> dbc.Col:
        col = select(id_, label, options, key)
        col.lg, col.xl = 4, 1  # one row with the others from 1200 px on
        return col

    hf_options = [{"label": "alle", "value": ALL_VALUE}] + [
        {"label": f"{r.hf_id} {r.titel}", "value": r.hf_id} for r in fields.itertuples()
    ]
    return dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label("Suche", html_for=ids.AKT_QUERY, class_name="mb-0 small"),
                    dbc.Input(
                        id=ids.AKT_QUERY,
                        type="search",
                        value=chosen.get("q", ""),
                        placeholder="Name, Aufgabe, Ort …",
                        debounce=False,
                        autocomplete="off",
                    ),
                ],
                md=12,
                lg=4,
                xl=3,
            ),
            select(
                ids.AKT_SOZIALRAUM,
                "Sozialraum",
                _options(sorted(areas["sozialraum"].unique()), "alle"),
                "sozialraum",
            ),
            select(
                ids.AKT_GEMEINDE,
                "Gemeinde",
                _options(sorted(areas["gemeinde"].unique()), "alle"),
                "gemeinde",
            ),
            select(ids.AKT_HF, "Handlungsfeld", hf_options, "hf"),
            small(
                ids.AKT_ART,
                "Art",
                _options(sorted(frame["art"].unique()), "alle"),
                "art",
            ),
            small(ids.AKT_STATUS, "Status", _options(STATUS_OPTIONS, "alle"), "status"),
            small(
                ids.AKT_TYP, "Typ", _options([TYP_AKTEUR, TYP_ANGEBOT], "beide"), "typ"
            ),
        ],
        class_name="g-2 mb-2 align-items-end",
    )


def count_line(shown: pd.DataFrame, total: pd.DataFrame) -> str:
    n_act = int((shown["typ"] == TYP_AKTEUR).sum())
    n_ang = int((shown["typ"] == TYP_ANGEBOT).sum())
    lkw = int(shown["landkreisweit"].sum())
    return (
        f"{n_act} von {int((total['typ'] == TYP_AKTEUR).sum())} Akteuren und "
        f"{n_ang} von {int((total['typ'] == TYP_ANGEBOT).sum())} Angeboten, "
        f"davon {lkw} landkreisweit."
    )


COLUMNS = [
    Column("name", "Name", numeric=False, href_key="href"),
    Column("typ", "Typ", numeric=False),
    Column("art", "Art", numeric=False),
    Column("gemeinde_text", "Gemeinde", numeric=False),
    Column("sozialraum_text", "Sozialraum", numeric=False),
    Column("handlungsfelder", "HF", numeric=False, title="Handlungsfelder"),
    Column("status", "Status", numeric=False),
    Column("stand", "Stand", fmt=fmt_stand, numeric=False),
]


FIRST_ROWS = 30  # more on request: a first screen renders fast, even on slow PCs


def table(frame: pd.DataFrame, sort: dict | None = None, show_all: bool = False):  # noqa: ANN201
    sort = sort or SORT_DEFAULT
    if frame.empty:
        return html.P("Nichts passt zu Suche und Filtern.", className="mt-2")
    shown = frame.assign(
        gemeinde_text=frame["gemeinde"].replace("", "–"),
        sozialraum_text=frame["sozialraum"].mask(
            frame["landkreisweit"], labels.LANDKREISWEIT
        ),
    )
    limit = None if show_all else FIRST_ROWS
    return sortable_table(
        shown, COLUMNS, ids.AKT_SORT, sort["key"], sort["ascending"], limit
    )


def more_button(n_rows: int, show_all: bool) -> dict:
    """Props of the "show all" button: visible only while rows are held back."""
    hidden = show_all or n_rows <= FIRST_ROWS
    return {
        "children": f"Alle {n_rows} Einträge anzeigen",
        "style": {"display": "none"} if hidden else {},
    }


def downloads(new_links: bool = False) -> html.Div:
    new = [
        dcc.Link("Akteursliste (Export/Import)", href="/akteursliste", className="ms-3")
    ] + (
        [
            dcc.Link("+ Neuer Akteur", href="/akteure/neu", className="ms-3"),
            dcc.Link("+ Neues Angebot", href="/angebote/neu", className="ms-3"),
        ]
        if new_links
        else []
    )
    return html.Div(
        [
            dbc.ButtonGroup(
                [
                    dbc.Button(
                        "CSV herunterladen", id=ids.AKT_CSV_BUTTON, color="secondary"
                    ),
                    dbc.Button(
                        "Excel herunterladen", id=ids.AKT_XLSX_BUTTON, color="secondary"
                    ),
                ],
                size="sm",
            ),
            *new,
            dcc.Download(id=ids.AKT_DOWNLOAD),
        ],
        className="mb-2",
    )
