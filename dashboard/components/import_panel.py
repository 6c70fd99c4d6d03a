"""One import panel for every dataset (school years, Messwerte, actor list): login
hint, template download, upload → preview → commit, and the import log with paging
and revert buttons. ``dashboard.callbacks.imports`` wires its callbacks; the datasets
(parser, preview, commit, revert, texts) are declared in
``dashboard.callbacks.import_datasets``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html
from sqlalchemy import Table

from dashboard import ids, labels, services
from dashboard.components import revert_dialog
from dashboard.components.sortable_table import plain_table
from dashboard.data import upload_guard
from dashboard.formatting import fmt_time
from dashboard.store import import_log
from dashboard.store.auth import ADMINISTRATION, current_user

LOG_PAGE = 10  # imports per page of an import log


@dataclass(frozen=True)
class ImportSpec:
    """What differs between the imports; everything else is shared."""

    ids: ids.ImportIds
    table: Table  # the import log (id, zeit, benutzer, … status, geaendert_von/_am)
    active: str  # status of an import that counts (revert button shown)
    href: str  # the page with the panel; the log pages add ``importe=<n>``
    intro: str
    parse: Callable[[bytes, str], Any]  # (raw, file name) -> parsed with .ok, .errors
    preview: Callable[[Any, str], list]  # preview of a file without errors
    commit: Callable[[Any, str, str], tuple[int, int]]  # -> (import id, count)
    revert: Callable[[int, str, str], str]  # (id, user, reason) -> text; ValueError
    noun: str = "Import"  # "Import 3 gespeichert", "Import 3 zurückgenommen."
    unit: str = "Zeilen"  # "… 12 Zeilen aus datei.csv."
    drop_text: str = "Datei hierher ziehen oder "
    log_heading: str = "Importe"
    log_level: int = 2  # heading level of the log below the page's headings
    empty: str = "Noch keine Importe."
    count_header: str = "Zeilen"
    extra_columns: tuple[tuple[str, str], ...] = ()  # (header, column) of the log
    login_next: str | None = None  # shows the login hint; None: the page has one
    template: Callable[[], dict] | None = None  # dcc.Download data of the template
    ready: Callable[[Any], bool] = lambda _parsed: True  # a valid file worth saving
    refresh: tuple[str, str] | None = None  # one more output after commit/revert
    refreshed: Callable[[str], Any] = lambda token: token
    top: Callable[[], list] = list  # components above the upload (actor list export)
    revert_effect: str = (  # what a revert does, in its confirmation dialog
        "Nach der Rücknahme zählen diese Daten nicht mehr (sie bleiben gespeichert "
        "und protokolliert)."
    )


@dataclass(frozen=True)
class Refused:
    """A file refused before any parser saw it (size, zip bomb, name)."""

    errors: list[str]
    ok: bool = False


def validate(spec: ImportSpec, contents: str, filename: str) -> Any:
    """Decode and check the upload (``upload_guard``), then the dataset's parser."""
    try:
        raw, name = upload_guard.decode(contents, filename)
    except upload_guard.UploadRefused as exc:
        return Refused([f"{str(filename)[:60]}: {exc}"])
    return spec.parse(raw, name)


def log_table(spec: ImportSpec, page: int = 1) -> html.Div:
    """One page of imports (newest first) with who and when; only administrators see
    the revert buttons."""
    may_revert = (current_user() or {}).get("rolle") == ADMINISTRATION
    skip = (max(page, 1) - 1) * LOG_PAGE
    frame, total = import_log.page(services.get().engine, spec.table, LOG_PAGE, skip)
    if frame.empty and total:  # a page behind the last: show the last one
        return log_table(spec, -(-total // LOG_PAGE))
    if frame.empty:
        return html.P(spec.empty, className="text-muted")
    rows = []
    for r in frame.itertuples():
        if r.status == spec.active:
            action = (
                dbc.Button(
                    "Zurücknehmen",
                    id={"type": spec.ids.revert, "import": int(r.id)},
                    size="sm",
                    color="outline-danger",
                )
                if may_revert
                else "aktiv"
            )
        else:
            action = (
                f"zurückgenommen von {r.geaendert_von} am {fmt_time(r.geaendert_am)}"
            )
        cells = [int(r.id), fmt_time(r.zeit), r.benutzer, r.dateiname]
        cells += [getattr(r, col) for _h, col in spec.extra_columns]
        rows.append(
            html.Tr([*map(html.Td, cells), html.Td(int(r.zeilen)), html.Td(action)])
        )
    heads = ("Nr.", "Zeit", "Wer", "Datei", *(h for h, _c in spec.extra_columns))
    first = skip + 1
    last = skip + len(frame)
    sep = "&" if "?" in spec.href else "?"
    href = f"{spec.href}{sep}importe={{}}".format
    nav = [
        html.Span(
            labels.HISTORY_RANGE.format(first=first, last=last, total=total),
            className="text-muted",
        ),
        dcc.Link(labels.HISTORY_NEWER, href=href(page - 1)) if page > 1 else None,
        dcc.Link(labels.HISTORY_OLDER, href=href(page + 1)) if last < total else None,
    ]
    return html.Div(
        [
            plain_table([html.Th(h) for h in (*heads, spec.count_header, "")], rows),
            html.Div(nav, className="d-flex flex-wrap gap-3 im-history-nav"),
        ]
    )


def section(spec: ImportSpec, importe: str | None = None) -> list:
    """The panel; ``importe`` is the page of the import log (URL ``importe=``)."""
    user = current_user()
    login = None
    if user:
        login = html.P(f"Angemeldet als {user['name']} (Rolle {user['rolle']}).")
    elif spec.login_next is not None:
        login = dbc.Alert(
            [
                "Zum Hochladen bitte ",
                html.A("anmelden", href=f"/anmelden?weiter={spec.login_next}"),
                " (Rolle Bearbeitung).",
            ],
            color="info",
        )
    template = [
        dbc.Button(
            "Vorlage herunterladen (CSV)",
            id=spec.ids.template_button,
            color="secondary",
            class_name="mb-2",
        ),
        dcc.Download(id=spec.ids.template),
    ]
    return [
        *spec.top(),
        login,
        html.P(spec.intro),
        *(template if spec.template else []),
        dcc.Upload(
            id=spec.ids.upload,
            children=html.Div([spec.drop_text, html.U("auswählen")]),
            className="im-upload",
            multiple=False,
        ),
        html.Div(id=spec.ids.preview),
        dcc.Store(id=spec.ids.pending),
        dbc.Button(
            "Übernehmen",
            id=spec.ids.commit,
            color="primary",
            disabled=True,
            class_name="mt-2",
        ),
        html.Div(id=spec.ids.msg, className="mt-2", role="status"),
        getattr(html, f"H{spec.log_level}")(spec.log_heading, className="h5 mt-3"),
        html.Div(
            log_table(spec, int(importe) if (importe or "").isdigit() else 1),
            id=spec.ids.log,
        ),
        *revert_dialog.dialog(spec.ids),
    ]


def refused(spec: ImportSpec, parsed: Any, filename: str) -> list:
    """The preview of a file with errors: all of them (up to 200), nothing saved."""
    return [
        dbc.Alert(
            [
                html.Strong(
                    f"{filename} wurde nicht übernommen – {len(parsed.errors)} Problem(e):"
                ),
                html.Ul([html.Li(e) for e in parsed.errors[:200]]),
            ],
            color="danger",
            id=spec.ids.errors,
        )
    ]
