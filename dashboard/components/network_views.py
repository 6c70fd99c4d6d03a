"""Network of actor relations: Cytoscape stylesheet, legend and the text list.

dash-cytoscape (496 KB of JavaScript) is loaded by the network page only: its script
is marked dynamic here, so Dash leaves it out of every page's HTML, and the page
fetches it before it renders the graph.
"""

from __future__ import annotations

import dash_cytoscape as cyto
import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.figures.template import OKABE_ITO

for _resource in cyto.Cytoscape._js_dist:  # one shared list of dicts
    _resource["dynamic"] = True

SCRIPT = "/_dash-component-suites/dash_cytoscape/dash_cytoscape.min.js"

# Art -> (colour, shape): colour-blind-safe palette plus distinct shapes
ART_STYLE = {
    "Stelle": (OKABE_ITO[0], "ellipse"),
    "Behörde": (OKABE_ITO[1], "rectangle"),
    "Gremium": (OKABE_ITO[2], "diamond"),
    "Netzwerk": (OKABE_ITO[3], "hexagon"),
    "Ehrenamt": (OKABE_ITO[4], "star"),
    "Träger": (OKABE_ITO[5], "round-rectangle"),
    "Dienst": (OKABE_ITO[6], "triangle"),
    "Kommune": (OKABE_ITO[7], "pentagon"),
    "Einrichtung": ("#999999", "rhomboid"),
    "Fördermittelgeber": ("#444444", "vee"),
}

STYLESHEET = [
    {
        "selector": "node",
        "style": {
            "label": "data(label)",
            "font-size": 13,
            "text-wrap": "wrap",
            "text-max-width": 130,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "width": 22,
            "height": 22,
            "border-width": 1,
            "border-color": "#222",
        },
    },
    *[
        {
            "selector": f'node[art = "{art}"]',
            "style": {"background-color": colour, "shape": shape},
        }
        for art, (colour, shape) in ART_STYLE.items()
    ],
    {
        "selector": "edge",
        "style": {
            "label": "data(label)",
            "font-size": 9,
            "color": "#333",
            "text-rotation": "autorotate",
            "text-background-color": "#fff",
            "text-background-opacity": 0.85,
            "curve-style": "bezier",
            "target-arrow-shape": "triangle",
            "line-color": "#888",
            "target-arrow-color": "#888",
            "width": 1.2,
        },
    },
    {
        "selector": "node:selected",
        "style": {"border-width": 3, "border-color": "#08467a"},
    },
]


def graph(elements: list[dict]) -> cyto.Cytoscape:
    return cyto.Cytoscape(
        id={"type": ids.NETZ_GRAPH, "index": 0},
        elements=elements,
        stylesheet=STYLESHEET,
        layout={
            "name": "cose",
            "animate": False,
            "randomize": False,
            "nodeRepulsion": 120000,
            "idealEdgeLength": 70,
            "nodeOverlap": 40,
            "gravity": 0.6,
            "numIter": 2500,
            "padding": 20,
        },
        style={"width": "100%", "height": "62vh", "minHeight": "420px"},
        userZoomingEnabled=True,
        minZoom=0.3,
        maxZoom=3,
    )


def legend() -> html.Ul:
    shapes = {
        "ellipse": "●",
        "rectangle": "■",
        "diamond": "◆",
        "hexagon": "⬢",
        "star": "★",
        "round-rectangle": "▢",
        "triangle": "▲",
        "pentagon": "⬟",
        "rhomboid": "▰",
        "vee": "▼",
    }
    return html.Ul(
        [
            html.Li(
                [
                    html.Span(
                        shapes[shape],
                        style={"color": colour},
                        **{"aria-hidden": "true"},
                    ),
                    f" {art}",
                ],
                className="list-inline-item me-3",
            )
            for art, (colour, shape) in ART_STYLE.items()
        ],
        className="im-net-legend list-inline small",
        **{"aria-label": "Legende: Art der Akteure"},
    )


def text_list(rows: pd.DataFrame, unlinked: pd.DataFrame) -> list:
    """The accessible alternative: every drawn relation as a sentence with links."""
    if rows.empty:
        return [html.P("Keine Beziehung passt zu den Filtern.")]
    items = [
        html.Li(
            [
                dcc.Link(r.von_name, href=r.von_href),
                f" {r.beziehung} ",
                dcc.Link(r.zu_name, href=r.zu_href),
            ]
        )
        for r in rows.itertuples()
    ]
    out = [html.Ul(items, className="im-net-list")]
    if len(unlinked):
        out.append(
            html.P(
                "Ohne Beziehung im Filter: " + ", ".join(sorted(unlinked["name"])),
                className="im-source",
            )
        )
    return out
