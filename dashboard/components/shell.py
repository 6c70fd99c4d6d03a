"""App shell: navigation bar, page container and footer with Datenstand."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids, labels
from dashboard.components.search import search_box


def navbar() -> dbc.Navbar:
    """Links to the registered pages that belong in the navigation, in order."""
    pages = sorted(
        (p for p in dash.page_registry.values() if p.get("nav_order") is not None),
        key=lambda p: p["nav_order"],
    )
    links = [
        dbc.NavItem(
            dbc.NavLink(
                p["name"],
                href=p["relative_path"],
                active="exact",
                # a page may name an ID so a callback can update its entry (Anmelden)
                **({"id": p["nav_id"]} if p.get("nav_id") else {}),
            )
        )
        for p in pages
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand(labels.APP_SHORT_TITLE, href="/", class_name="fw-bold"),
                search_box(),
                dbc.Nav(links, id=ids.NAV, navbar=True, class_name="ms-auto"),
            ],
            fluid=True,
        ),
        color="primary",
        dark=True,
        class_name="mb-3",
    )


FOOTER_PAGES = (
    ("/hilfe", labels.NAV_HILFE),
    ("/impressum", labels.IMPRESSUM),
    ("/datenschutz", labels.DATENSCHUTZ),
    ("/barrierefreiheit", labels.BARRIEREFREIHEIT),
)


def footer_links() -> html.Ul:
    """Hilfe and the pages a public body must have, on every page."""
    return html.Ul(
        [html.Li(dcc.Link(text, href=href)) for href, text in FOOTER_PAGES],
        className="im-footer-links",
        **{"aria-label": labels.FOOTER_LINKS},
    )


def footer(datenstand: list[tuple[str, str]], provenance: dict) -> html.Footer:
    """Datenstand of each dataset and the BKG attribution."""
    items = [html.Li(f"{title}: Stand {stand}") for title, stand in datenstand]
    return html.Footer(
        dbc.Container(
            [
                html.Details(
                    [
                        html.Summary("Datenstand der Datensätze"),
                        html.Ul(items, className="mb-1"),
                    ],
                    className="mb-1",
                ),
                html.Div(
                    [
                        f"Quelle der Inhalte: {labels.KONZEPT} (Stand 08.02.2017) und "
                        "ergänzende öffentliche Quellen je Zeile. ",
                        f"{labels.BKG_ATTRIBUTION} (Gebietsstand {provenance['gebietsstand']}).",
                    ]
                ),
                footer_links(),
            ],
            fluid=True,
        ),
        className="im-footer mt-4 py-2",
    )


def shell(datenstand: list[tuple[str, str]], provenance: dict) -> html.Div:
    """Skip link, then one banner (navigation), one main and one contentinfo."""
    return html.Div(
        [
            dcc.Location(id=ids.URL),
            html.A(labels.SKIP_LINK, href=f"#{ids.MAIN}", className="im-skip"),
            html.Header(navbar()),
            html.Main(
                dbc.Container(dash.page_container, fluid=True, class_name="im-main"),
                id=ids.MAIN,
                tabIndex="-1",
            ),
            footer(datenstand, provenance),
        ]
    )
