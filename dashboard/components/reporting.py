"""Pages opened "zum Berichtsstand": the banner, the chooser and links that keep it.

Every page that takes ``?berichtsstand=<id>`` puts ``bar(snap, path, query)`` at the
top and passes its content through ``keep(...)``, so its internal links stay in the
same Berichtsstand. What the data was then is decided in ``dashboard.current``.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from dashboard import ids
from dashboard.current import TODAY, Snapshot, reporting_points
from dashboard.formatting import fmt_stand, fmt_time

PARAM = "berichtsstand"
# Paths that show data "zum Berichtsstand"; links to them keep the parameter.
FROZEN_PATHS = (
    "/",
    "/daz",
    "/karte",
    "/ziele",
    "/indikatoren",
    "/indikator",
    "/sitzung",
    "/briefing",
    "/beschluesse",
)
FROZEN_PREFIXES = ("/abbildung/",)
TODAY_CLASS = "im-aktuell"  # a link that leaves the Berichtsstand on purpose
FROZEN_NOTE = "In dieser Ansicht kann nichts geändert werden: Bearbeiten und Importieren nur in der aktuellen Ansicht."  # fmt: skip


def stand_id(snap: Snapshot) -> str:
    """The id to carry in URLs and callbacks ("" = today's data)."""
    return str(snap.reporting.id) if snap.reporting else ""


def href(path: str, query: dict, stand: str = "") -> str:
    """``path`` with ``query`` (without any Berichtsstand) plus ``stand`` if given."""
    params = {k: v for k, v in query.items() if k != PARAM and v not in (None, "")}
    if stand:
        params[PARAM] = stand
    return path + (f"?{urlencode(params)}" if params else "")


def _frozen_target(link: str) -> bool:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return False
    return parts.path in FROZEN_PATHS or parts.path.startswith(FROZEN_PREFIXES)


def keep(content: object, snap: Snapshot) -> object:
    """Add the Berichtsstand to every internal link in ``content`` (in place).

    Links to pages that do not show data "zum Berichtsstand" are left alone.
    """
    stand = stand_id(snap)
    if not stand:
        return content
    items = content if isinstance(content, list | tuple) else [content]
    for item in items:
        if not isinstance(item, Component):
            continue
        for c in [item, *item._traverse()]:
            link = getattr(c, "href", None)
            own = TODAY_CLASS in (getattr(c, "className", None) or "")
            if isinstance(link, str) and not own and _frozen_target(link):
                parts = urlsplit(link)
                query = dict(parse_qsl(parts.query, keep_blank_values=True))
                if PARAM not in query:
                    c.href = href(parts.path, query, stand) + (
                        f"#{parts.fragment}" if parts.fragment else ""
                    )
    return content


def banner(snap: Snapshot, path: str, query: dict) -> object:
    """Says which Berichtsstand a view shows (or that the asked one does not exist)."""
    today = href(path, query)
    if snap.reporting is None and snap.unknown:
        return dbc.Alert(
            [
                html.Strong("Berichtsstand nicht gefunden: "),
                f"Einen Berichtsstand „{snap.unknown}“ gibt es nicht. Angezeigt werden die "
                "aktuellen Daten. ",
                dcc.Link("Abgeschlossene Berichtsstände", href="/veraenderungen"),
            ],
            color="danger",
            id=ids.BS_BANNER,
        )
    if snap.reporting is None:
        return None
    r = snap.reporting
    return dbc.Alert(
        [
            html.Strong(f"Ansicht zum Berichtsstand „{r.name}“ vom {fmt_stand(r.datum)}"),
            f" (abgeschlossen am {fmt_time(r.zeit)} von {r.benutzer}). Alle Zahlen zeigen "
            f"den Stand dieses Zeitpunkts. {FROZEN_NOTE} ",
            dcc.Link("Zur aktuellen Ansicht", href=today, className=TODAY_CLASS),
            " · ",
            dcc.Link("Veränderungen seither", href=f"/veraenderungen?von={r.id}&bis=heute"),
        ],
        color="warning",
        id=ids.BS_BANNER,
    )  # fmt: skip


def chooser(
    snap: Snapshot, path: str, query: dict, keep_params: tuple[str, ...] = ()
) -> object:
    """A GET form: pick a Berichtsstand (or today) and press "Anzeigen".

    The page changes only on request (WCAG 3.2.2). ``keep_params`` names the URL
    parameters that carry over (e.g. the tab); ``assets/20-url-state.js`` takes their
    current values from the address bar, the hidden fields are the values at load.
    """
    points = reporting_points(snap.repo.engine)
    if not points:
        return None
    options = [{"label": "aktuelle Daten", "value": TODAY}] + [
        {"label": f"{p.name} ({fmt_stand(p.datum)})", "value": str(p.id)}
        for p in reversed(points)
    ]
    hidden = [
        dcc.Input(type="hidden", name=k, value=query[k])
        for k in keep_params
        if isinstance(query.get(k), str) and query[k]
    ]
    return html.Form(
        [
            dbc.Label("Datenstand", html_for=ids.BS_CHOOSER_SELECT, class_name="mb-0 me-2"),
            dbc.Select(
                id=ids.BS_CHOOSER_SELECT, name=PARAM, options=options, value=stand_id(snap) or TODAY,
                style={"width": "auto", "maxWidth": "100%"}, size="sm",
            ),
            *hidden,
            dbc.Button("Anzeigen", type="submit", color="secondary", size="sm", class_name="ms-2"),
        ],
        action=path,
        method="get",
        id=ids.BS_CHOOSER,
        className="d-flex align-items-center flex-wrap mb-2 im-stand-wahl",
        **{"data-keep": ",".join(keep_params)},
    )  # fmt: skip


def bar(
    snap: Snapshot, path: str, query: dict, keep_params: tuple[str, ...] = ()
) -> html.Div:
    """Chooser and banner for the top of a page; ``query`` is the page's URL query
    (for the link back to today), ``keep_params`` what the chooser carries over."""
    return html.Div(
        [chooser(snap, path, query, keep_params), banner(snap, path, query)]
    )


def frozen(snap: Snapshot) -> bool:
    """True when the view shows a Berichtsstand: editing and uploads are off."""
    return snap.reporting is not None
