"""Detail views of one actor and one Angebot: every line with source and Stand."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import labels
from dashboard.data.actors import (
    TASK_SEP,
    actor_by_name,
    href,
    relations_of,
    sites_of,
    tasks,
)
from dashboard.data.beschluss_rules import GREMIUM_ACTOR
from dashboard.data.fundstellen import chapter_of
from dashboard.data.schemas import SOZIALRAEUME
from dashboard.figures.beschluesse import describe
from dashboard.formatting import fmt_stand


def _source(quelle: str, stand: str) -> html.Span:
    return html.Span(
        f"Quelle: {quelle} · Stand {fmt_stand(stand)}", className="im-source"
    )


def _map_link(selected: str, level: str) -> dcc.Link:
    query = urlencode(
        {"ebene": level, "ebenen": "schulen,angebote,akteure", "auswahl": selected}
    )
    return dcc.Link("auf der Karte zeigen", href=f"/karte?{query}")


def _place(actor: pd.Series, areas: pd.DataFrame) -> list:
    names = dict(zip(areas["ags"], areas["gemeinde"], strict=True))
    if actor["ags"]:
        return [
            f"Gemeinde {names[actor['ags']]} (laut Name) – ",
            _map_link(actor["ags"], "gemeinde"),
        ]
    if actor["gebiet"] in SOZIALRAEUME:
        return [
            f"Gebiet {actor['gebiet']} (Sozialraum, {labels.SOZIALRAUM_HINWEIS}) – ",
            _map_link(actor["gebiet"], "sozialraum"),
        ]
    return [f"{labels.LANDKREISWEIT} ({actor['gebiet']})"]


def _fields(actor: pd.Series, fields: pd.DataFrame) -> html.Ul | html.P:
    titles = dict(zip(fields["hf_id"], fields["titel"], strict=True))
    stated = actor["hf_laut_konzept"].split()
    read = [h for h in actor["handlungsfelder"].split() if h not in stated]
    items = [
        html.Li(
            [
                dcc.Link(f"{hf} {titles[hf]}", href=f"/ziele?feld={hf}"),
                " ",
                dbc.Badge(
                    labels.HF_LAUT_KONZEPT if hf in stated else labels.HF_ZUORDNUNG,
                    color="primary" if hf in stated else "secondary",
                    class_name="ms-1",
                ),
            ]
        )
        for hf in stated + read
    ]
    if not items:
        return html.P("Keinem Handlungsfeld zugeordnet (übergreifend).")
    return html.Ul(items)


def _relation_list(rel: pd.DataFrame, incoming: bool) -> html.Ul | html.P:
    if rel.empty:
        return html.P("keine", className="text-muted")
    items = []
    for r in rel.sort_values(["beziehung", "other_name"]).itertuples():
        verb = labels.RELATION_INCOMING[r.beziehung] if incoming else r.beziehung
        passages = [html.Q(p) for p in r.fundstelle.split(TASK_SEP)]
        items.append(
            html.Li(
                [
                    f"{verb} ",
                    dcc.Link(r.other_name, href=href("Akteur", r.other_id)),
                    f" (beendet am {fmt_stand(r.ende)})"
                    if getattr(r, "status", "") == "beendet"
                    else "",
                    html.Details(
                        [
                            html.Summary("Fundstelle"),
                            html.Div(
                                [
                                    html.Div(passages, className="im-quote"),
                                    _source(r.quelle, r.stand),
                                ]
                            ),
                        ],
                        className="small",
                    ),
                ]
            )
        )
    return html.Ul(items, className="im-relations")


def _goals(actor_id: str, goals: pd.DataFrame) -> list:
    owner = goals["akteure"].map(lambda owners: actor_id in owners)
    office = goals["fachamt"] == actor_id
    mine = goals[owner | office].assign(rolle=office[owner | office])
    if mine.empty:
        return [html.P("Für kein Ziel als verantwortlich eingetragen.")]
    return [
        html.Ul(
            [
                html.Li(
                    [
                        dcc.Link(f"Ziel {r.nummer}", href=f"/ziele?feld={r.hf_id}"),
                        f": {r.text} – Status: {r.status}"
                        + (" (als Fachamt)" if r.rolle else ""),
                    ]
                )
                for r in mine.itertuples()
            ]
        ),
        html.P(
            "Quelle: Zielregister dieser Anwendung (Verantwortliche je Ziel).",
            className="im-source",
        ),
    ]


def _decisions(actor_id: str, decisions: pd.DataFrame | None) -> list:
    """The Beschlüsse of the body this actor is (Kreistag, Lenkungsgruppe)."""
    bodies = [g for g, a in GREMIUM_ACTOR.items() if a == actor_id]
    if decisions is None or not bodies:
        return []
    own = decisions[decisions["gremium"].isin(bodies)]
    if own.empty:
        return []
    return [
        html.H2(labels.BESCHLUESSE, className="h5 mt-2"),
        html.Ul(
            [
                html.Li(
                    [
                        describe(r),
                        " ",
                        dcc.Link(
                            labels.BESCHLUSS_LINK,
                            href=f"/beschluesse#{r['beschluss_id']}",
                        ),
                    ]
                )
                for _, r in own.iterrows()
            ]
        ),
    ]


def actor_view(
    actor: pd.Series,
    tables: dict[str, pd.DataFrame],
    goals: pd.DataFrame,
    data_dir: Path,
    decisions: pd.DataFrame | None = None,
) -> list:
    """The detail view of ``actor`` (a row of ``akteure``); a body's Beschlüsse
    (``decisions``, the ones that count) are listed from the Beschluss register."""
    out_rel, in_rel = relations_of(
        actor["akteur_id"], tables["akteur_beziehungen"], tables["akteure"]
    )
    task_items = [
        html.Li(
            [
                html.Q(t),
                " ",
                html.Span(f"({chapter_of(t, data_dir)})", className="im-source"),
            ]
        )
        for t in tasks(actor["aufgaben"])
    ]
    sites = sites_of(actor["name"], tables["angebote"])
    head = [dbc.Badge(actor["art"], color="secondary", class_name="me-1")]
    if actor["anzahl"]:
        head.append(
            dbc.Badge(f"Anzahl {actor['anzahl']}", color="light", text_color="dark")
        )
    relations = [
        html.H2("Beziehungen von diesem Akteur", className="h5"),
        _relation_list(out_rel, incoming=False),
        html.H2("Beziehungen zu diesem Akteur", className="h5 mt-3"),
        _relation_list(in_rel, incoming=True),
    ]
    return [
        dcc.Link("← Alle Akteure und Angebote", href="/akteure"),
        html.H1(actor["name"], className="h3 mt-2 mb-1"),
        html.Div(head, className="mb-2"),
        html.P(["Wo: ", *_place(actor, tables["sozialraeume"])], className="mb-1"),
        html.P(actor["hinweis"], className="fst-italic") if actor["hinweis"] else None,
        *_decisions(actor["akteur_id"], decisions),
        html.H2("Handlungsfelder", className="h5 mt-2"),
        _fields(actor, tables["handlungsfelder"]),
        dbc.Row(
            [
                dbc.Col(
                    [
                        html.H2("Aufgaben laut Konzept (wörtlich)", className="h5"),
                        html.Ul(task_items) if task_items else html.P(labels.NO_TASKS),
                        _source(actor["quelle"], actor["stand"]),
                    ],
                    lg=7,
                ),
                dbc.Col(relations, lg=5),
            ],
            class_name="mt-2",
        ),
        html.H2("Ziele, für die er verantwortlich ist", className="h5 mt-3"),
        *_goals(actor["akteur_id"], goals),
        html.H2("Angebote dieses Trägers", className="h5 mt-3") if len(sites) else None,
        html.Ul(
            [
                html.Li(dcc.Link(s.name, href=href("Angebot", s.angebot_id)))
                for s in sites.itertuples()
            ]
        )
        if len(sites)
        else None,
    ]


def site_view(site: pd.Series, tables: dict[str, pd.DataFrame]) -> list:
    """The detail view of one Angebot (a row of ``angebote``)."""
    areas = tables["sozialraeume"].set_index("ags")
    owner = actor_by_name(site["traeger"], tables["akteure"])
    rows = [
        ("Art", site["art"]),
        (
            "Träger",
            dcc.Link(site["traeger"], href=href("Akteur", owner))
            if owner
            else site["traeger"],
        ),
        ("Adresse", site["adresse"] or "nicht angegeben"),
        (
            "Gemeinde",
            [
                f"{areas.loc[site['ags'], 'gemeinde']} (Sozialraum {areas.loc[site['ags'], 'sozialraum']}) – ",
                _map_link(site["ags"], "gemeinde"),
            ]
            if site["ags"]
            else labels.LANDKREISWEIT,
        ),
        ("Lagegenauigkeit", site["lage_genauigkeit"]),
        ("Status", site["status"]),
        ("Zeitraum", site["zeitraum"]),
        ("Hinweis", site["hinweis"] or "–"),
        ("Quelle", site["quelle"]),
        ("Stand", fmt_stand(site["stand"])),
    ]
    return [
        dcc.Link("← Alle Akteure und Angebote", href="/akteure?typ=Angebot"),
        html.H1(site["name"], className="h3 mt-2 mb-2"),
        html.Dl(
            [
                x
                for k, v in rows
                for x in (
                    html.Dt(k, className="col-sm-3"),
                    html.Dd(v, className="col-sm-9"),
                )
            ],
            className="row",
        ),
    ]
