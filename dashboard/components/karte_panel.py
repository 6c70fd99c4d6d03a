"""Drill-down panel and table alternative of the map."""

from __future__ import annotations

from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import ids, labels
from dashboard.components.karte_measured import (
    csv_columns,
    panel_values,
    table_column,
)
from dashboard.components.sortable_table import Column, sortable_table
from dashboard.data.actors import href
from dashboard.data.indicators import INDICATORS
from dashboard.data.mapdata import MapData
from dashboard.formatting import fmt_num, fmt_pct, fmt_stand

TABLE_COLUMNS = [
    "vka_schueler",
    "vka_klassen",
    "kapazitaetsreserve",
    "auslastung",
    "daz_standorte",
    "angebote",
    "akteure",
    "einwohner",
    "vka_je_1000",
]


def _schools_table(schools: pd.DataFrame) -> dbc.Table:
    head = html.Thead(
        html.Tr(
            [
                html.Th("Schule"),
                html.Th("Schüler"),
                html.Th("Klassen"),
                html.Th("Reserve"),
                html.Th("Auslastung"),
            ]
        )
    )
    body = []
    for r in schools.itertuples():
        places = r.vka_schueler + r.kapazitaetsreserve
        body.append(
            html.Tr(
                [
                    html.Td(r.name_dokument),
                    html.Td(fmt_num(r.vka_schueler)),
                    html.Td(fmt_num(r.vka_klassen)),
                    html.Td(fmt_num(r.kapazitaetsreserve)),
                    html.Td(fmt_pct(r.vka_schueler / places) if places else "–"),
                ]
            )
        )
    return dbc.Table(
        [head, html.Tbody(body)],
        size="sm",
        responsive=True,
        class_name="im-panel-table",
    )


def _list(title: str, names: list) -> list:
    if not names:
        return [
            html.H3(title, className="h6 mt-3"),
            html.P("keine im Datenbestand", className="text-muted"),
        ]
    return [html.H3(title, className="h6 mt-3"), html.Ul([html.Li(n) for n in names])]


def _clicked(data: MapData, name: str | None) -> list:
    """The Angebot or actor whose point was clicked, linked to its detail view."""
    for frame, typ, key in (
        (data.sites, "Angebot", "angebot_id"),
        (data.actors, "Akteur", "akteur_id"),
    ):
        match = frame[frame["name"] == name] if name else frame.iloc[0:0]
        if len(match):
            return [
                html.P(
                    [
                        f"Angeklickt ({typ}): ",
                        dcc.Link(name, href=href(typ, match.iloc[0][key])),
                    ],
                    className="im-clicked",
                )
            ]
    return []


def panel(
    data: MapData, level: str, selected: str | None, clicked: str | None = None
) -> list:
    """The side panel for the selected Gemeinde or Sozialraum (or a hint); a clicked
    Angebot or actor point is named first with a link to its detail view."""
    if not selected:
        return [
            html.P(
                "Klicken Sie auf eine Gemeinde oder einen Sozialraum, um Details zu sehen.",
                className="im-hint",
            )
        ]
    if level == "gemeinde":
        row = data.tables["gemeinde"].set_index("ags").loc[selected]
        title, members = row["gemeinde"], [selected]
        pop = data.population.set_index("ags").loc[selected]
        facts = [
            html.P(
                [
                    f"Sozialraum {row['sozialraum']} ",
                    html.Span(f"({labels.SOZIALRAUM_HINWEIS})", className="im-source"),
                ]
            ),
            html.P(
                f"Einwohner: {fmt_num(pop['einwohner'])} (Stichtag {fmt_stand(pop['stand'])}; "
                f"Quelle: {pop['quelle']})"
            ),
        ]
    else:
        row = data.tables["sozialraum"].set_index("sozialraum").loc[selected]
        members = (
            data.tables["gemeinde"]
            .loc[data.tables["gemeinde"]["sozialraum"] == selected, "ags"]
            .tolist()
        )
        names = (
            data.tables["gemeinde"].set_index("ags").loc[members, "gemeinde"].tolist()
        )
        title = f"Sozialraum {selected}"
        facts = [
            html.P(f"Gemeinden: {', '.join(names)}"),
            html.P(labels.SOZIALRAUM_HINWEIS, className="im-warning"),
            html.P(
                f"Einwohner: {fmt_num(row['einwohner'])} (Summe, Stichtage 2018–2023 gemischt)"
            ),
        ]
    schools = data.schools[data.schools["ags"].isin(members)]
    sites = data.sites[
        data.sites["ags"].isin(members) & (data.sites["status"] != "geschlossen")
    ]
    area_names = [selected] if level == "sozialraum" else [row["sozialraum"]]
    actors = data.actors[
        data.actors["ags"].isin(members) | data.actors["gebiet"].isin(area_names)
    ]
    link = (
        f"/daz?tab=schulen&gemeinde={selected}"
        if level == "gemeinde"
        else f"/daz?tab=schulen&sozialraum={selected}"
    )
    if data.reporting_id:  # the DaZ view of the same Berichtsstand
        link += f"&berichtsstand={data.reporting_id}"
    school_part = (
        [
            _schools_table(schools),
            html.P(
                f"Schuljahr {data.school_year}. {data.school_source}",
                className="im-source",
            ),
        ]
        if len(schools)
        else [html.P("Kein DaZ-Standort.", className="text-muted")]
    )
    return [
        html.H2(title, className="h4"),
        *_clicked(data, clicked),
        *facts,
        *panel_values(data, level, selected),
        html.H3("Schulen mit Vorbereitungsklassen", className="h6 mt-3"),
        *school_part,
        dcc.Link(
            "→ In der Ansicht „DaZ & Schulen“ öffnen", href=link, id="karte-link-daz"
        )
        if len(schools)
        else None,
        *_list(
            "Angebote und Dienststellen",
            [
                [
                    dcc.Link(r.name, href=href("Angebot", r.angebot_id)),
                    f" ({r.zeitraum})",
                ]
                for r in sites.itertuples()
            ],
        ),
        *_list(
            "Akteure",
            [
                [
                    dcc.Link(r.name, href=href("Akteur", r.akteur_id)),
                    " – für den Sozialraum"
                    if r.gebiet in area_names and not r.ags
                    else "",
                ]
                for r in actors.itertuples()
            ],
        ),
        dcc.Link(
            "→ Alle Akteure und Angebote hier (mit landkreisweiten)",
            href="/akteure?"
            + urlencode(
                {"gemeinde": title} if level == "gemeinde" else {"sozialraum": selected}
            ),
        ),
    ]


def _value_formatter(key: str):  # noqa: ANN202
    ind = INDICATORS[key]

    def fmt(value: object) -> str:
        if pd.isna(value):
            return "–"
        return (
            fmt_pct(value, ind.decimals)
            if ind.percent
            else fmt_num(value, ind.decimals)
        )

    return fmt


def table(
    data: MapData,
    level: str,
    sort_key: str = "name",
    ascending: bool = True,
    indicator: str = "",
) -> dbc.Table:
    """The map's numbers as a sortable table (the accessible alternative to the map);
    a chosen catalogue indicator of this level comes first after the name."""
    key = "gemeinde" if level == "gemeinde" else "sozialraum"
    extra = table_column(data, indicator, level)
    frame = data.tables[level][[key, *[c.key for c in extra], *TABLE_COLUMNS]]
    frame = frame.rename(columns={key: "name"})
    if sort_key not in frame:
        sort_key = "name"
    columns = [
        Column(
            "name", "Gemeinde" if level == "gemeinde" else "Sozialraum", numeric=False
        ),
        *extra,
    ]
    columns += [
        Column(k, INDICATORS[k].short, _value_formatter(k), title=INDICATORS[k].label)
        for k in TABLE_COLUMNS
    ]
    return sortable_table(frame, columns, ids.KARTE_SORT, sort_key, ascending)


def csv_frame(data: MapData, level: str) -> pd.DataFrame:
    """The table as exported: German headers plus source and Stand columns."""
    key = "gemeinde" if level == "gemeinde" else "sozialraum"
    measured = csv_columns(data, level)
    frame = data.tables[level][[key, *TABLE_COLUMNS, *measured]].copy()
    frame["auslastung"] = frame["auslastung"] * 100
    frame = frame.rename(
        columns={
            key: key.capitalize(),
            "auslastung": "Auslastung der DaZ-Plätze (%)",
            **{k: INDICATORS[k].label for k in TABLE_COLUMNS if k != "auslastung"},
            **measured,
        }
    )
    frame["Quelle"] = (
        f"Schulen {data.school_year}: {data.school_source}; Einwohner: Datensatz "
        f"„{labels.DATASET_TITLES['einwohner']}“ (Stichtage je Gemeinde); Angebote/"
        f"Akteure: Datensätze „{labels.DATASET_TITLES['angebote']}“ und "
        f"„{labels.DATASET_TITLES['akteure']}“"
    ) + "".join(
        f"; {data.measured[k].indicator.short}: {data.measured[k].source()}"
        for k in measured
    )
    return frame


def area_options(data: MapData, level: str) -> list[dict]:
    """Choices for the keyboard way to select a Gemeinde or Sozialraum on the map."""
    frame = data.tables[level]
    if level == "gemeinde":
        pairs = zip(frame["gemeinde"], frame["ags"], strict=True)
    else:
        pairs = ((name, name) for name in frame["sozialraum"])
    none = "– keine Auswahl –"
    return [{"label": none, "value": ""}] + [
        {"label": label, "value": value} for label, value in sorted(pairs)
    ]
