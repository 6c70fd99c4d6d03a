"""Detail view + upkeep form + history of one actor or Angebot, built from the store.

Used by the detail pages and by the save callback, which re-renders the whole view
(with the editor's input and per-field messages when a save is refused).
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import current, ids, services
from dashboard.components import record_edit
from dashboard.components.akteur_detail import actor_view, site_view
from dashboard.data.actors import href
from dashboard.data.records import EXTRA, KEY
from dashboard.store import goals as goal_store
from dashboard.store import records as record_store
from dashboard.store.auth import current_user

NEW = "neu"
ID_COLUMN = {"akteur": "akteur_id", "angebot": "angebot_id"}
TYP = {"akteur": "Akteur", "angebot": "Angebot"}


def _tables() -> dict:
    repo = services.get().repo
    tables = {n: repo.table(n) for n in ("sozialraeume", "handlungsfelder", "ziele")}
    tables.update(
        akteure=repo.records("akteur"),
        angebote=repo.records("angebot"),
        akteur_beziehungen=repo.records("beziehung"),
    )
    return tables


def _goals(ziele):  # noqa: ANN001, ANN202
    """Goals with their current owner and status, numbered like the document (4.2-3)."""
    goal_ids = ziele["ziel_id"].tolist()
    cur = goal_store.current(
        goal_store.latest_versions(services.get().engine, goal_ids), goal_ids
    )
    return cur.merge(ziele[["ziel_id", "hf_id", "nr", "text"]], on="ziel_id").assign(
        nummer=lambda f: f["hf_id"] + "-" + f["nr"].astype(str)
    )


def _not_found(kind: str, key: str) -> list:
    return [
        html.H1(f"{TYP[kind]} nicht gefunden", className="h3"),
        html.P(f"Es gibt keinen Eintrag mit der Kennung „{key}“."),
        dcc.Link("← Alle Akteure und Angebote", href="/akteure"),
    ]


def view(kind: str, key: str, state: dict | None = None) -> list:
    """Everything below the page's wrapper for ``kind`` (akteur/angebot) and ``key``.

    ``state`` (from a refused save) carries ``values``, ``errors``, ``message`` and
    ``reason`` to show in the form again.
    """
    state = state or {}
    tables = _tables()
    table = tables["akteure" if kind == "akteur" else "angebote"]
    rows = table.set_index(ID_COLUMN[kind], drop=False)
    gemeinden = dict(
        zip(
            tables["sozialraeume"]["ags"],
            tables["sozialraeume"]["gemeinde"],
            strict=True,
        )
    )
    editor = current_user() is not None
    if key == NEW:
        if not editor:
            return [
                html.H1("Neuen Eintrag anlegen", className="h3"),
                html.P(
                    [
                        "Zum Anlegen bitte mit der Rolle „Bearbeitung“ ",
                        dcc.Link("anmelden", href="/anmelden"),
                        ".",
                    ]
                ),
            ]
        record, version, body = (
            {},
            0,
            [
                dcc.Link("← Alle Akteure und Angebote", href="/akteure"),
                html.H1(
                    f"Neuer {TYP[kind]}" if kind == "akteur" else "Neues Angebot",
                    className="h3 mt-2",
                ),
            ],
        )
    elif key not in rows.index:
        return _not_found(kind, key)
    else:
        row = rows.loc[key]
        record, version = row.to_dict(), int(row["version"])
        body = (
            actor_view(
                row,
                tables,
                _goals(tables["ziele"]),
                services.get().settings.data_dir,
                current.snapshot().decisions(),
            )
            if kind == "akteur"
            else site_view(row, tables)
        )
    versions = (
        record_store.history(services.get().engine, kind, key)
        if key != NEW
        else record_store.history(services.get().engine, kind, "")
    )
    file_row = services.get().repo.table(record_edit_table(kind))
    file_row = file_row[file_row[KEY[kind][0]] == key]
    base = file_row.iloc[0].to_dict() if len(file_row) else {}
    base.update(
        {c: "in Betrieb" if c == "status" else "" for c in EXTRA[kind] if c not in base}
    )
    out = list(body)
    if key != NEW:
        out += [
            html.H2("Verlauf", className="h5 mt-3"),
            *record_edit.history(versions, base, record_edit.labels_of(kind)),
        ]
    if editor:
        mine = state if state.get("form", kind) == kind else {}
        out.append(
            record_edit.form(
                kind,
                {**record, **mine.get("values", {})},
                version,
                gemeinden,
                mine.get("errors"),
                mine.get("message", ""),
                mine.get("reason", ""),
            )
        )
        out.append(
            dcc.Store(
                id={"type": ids.REC_META, "kind": kind},
                data={"key": key, "version": version},
            )
        )
    if editor and kind == "akteur" and key != NEW:
        rel = state if state.get("form") == "beziehung" else {}
        others = {
            r.akteur_id: r.name
            for r in tables["akteure"].itertuples()
            if r.akteur_id != key
        }
        out.append(
            record_edit.form(
                "beziehung",
                {"status": "in Betrieb", **rel.get("values", {})},
                0,
                others,
                rel.get("errors"),
                rel.get("message", ""),
                rel.get("reason", ""),
            )
        )
        out.append(
            dcc.Store(id={"type": ids.REC_META, "kind": "beziehung"}, data={"key": key})
        )
    return out


def record_edit_table(kind: str) -> str:
    return "akteure" if kind == "akteur" else "angebote"


def wrapper(kind: str, key: str) -> html.Div:
    return html.Div(
        view(kind, key),
        id={"type": ids.REC_VIEW, "kind": kind},
    )


def link_after_create(kind: str, key: str) -> dcc.Link:
    return dcc.Link("Zum neuen Eintrag →", href=href(TYP[kind], key))
