"""Upkeep of actors, Angebote, relations: versions, overlay, validation, conflicts."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError

from dashboard.data.loaders import load_all
from dashboard.data.records import new_id, overlay, validate
from dashboard.store import records as store
from dashboard.store.db import make_engine, migrate
from dashboard.store.goals import Conflict
from dashboard.store.models import audit, eintrag_version
from dashboard.store.repository import Repository
from dashboard.store.seed import seed
from tests.conftest import DATA


@pytest.fixture(scope="module")
def ds():
    return {k: v.frame for k, v in load_all(DATA).items()}


@pytest.fixture()
def engine(tmp_path):
    e = make_engine(f"sqlite:///{tmp_path}/r.sqlite")
    migrate(e)
    seed(e, load_all(DATA))
    return e


@pytest.fixture(scope="module")
def refs(ds):
    return {
        "ags": set(ds["sozialraeume"]["ags"]),
        "hf": set(ds["handlungsfelder"]["hf_id"]),
        "akteure": set(ds["akteure"]["akteur_id"]),
    }


def _actor(ds, akteur_id: str) -> dict:
    row = ds["akteure"].set_index("akteur_id", drop=False).loc[akteur_id].to_dict()
    return {**row, "status": "in Betrieb", "ende": ""}


def test_edit_end_and_add_show_in_the_current_tables(engine, ds):
    repo = Repository(engine)
    rec = _actor(ds, "ag-asyl-riesa")
    assert (
        store.save(
            engine,
            "akteur",
            "ag-asyl-riesa",
            0,
            {**rec, "hinweis": "neu"},
            "Test",
            "bea",
        )
        == 1
    )
    ended = {**rec, "status": "beendet", "ende": "2024-06-30"}
    assert (
        store.save(engine, "akteur", "ag-asyl-riesa", 1, ended, "aufgelöst", "bea") == 2
    )
    new = {**rec, "akteur_id": "ag-asyl-strehla", "name": "AG Asyl Strehla", "ags": ""}
    store.save(engine, "akteur", "ag-asyl-strehla", 0, new, "gegründet", "bea")
    actors = repo.records("akteur").set_index("akteur_id")
    assert actors.loc["ag-asyl-riesa", "status"] == "beendet"
    assert actors.loc["ag-asyl-riesa", "ende"] == "2024-06-30"
    assert actors.loc["ag-asyl-riesa", "version"] == 2
    assert actors.loc["ag-asyl-strehla", "name"] == "AG Asyl Strehla"
    assert actors.loc["kreistag", "version"] == 0  # untouched rows stay the file's
    assert len(actors) == len(ds["akteure"]) + 1
    hist = store.history(engine, "akteur", "ag-asyl-riesa")
    assert hist["version"].tolist() == [2, 1]
    assert hist["grund"].tolist() == ["aufgelöst", "Test"]
    assert hist["benutzer"].eq("bea").all()
    with engine.connect() as conn:
        details = [r.details for r in conn.execute(audit.select()).fetchall()]
    assert any("ag-asyl-riesa Version 2: aufgelöst" in d for d in details)


def test_second_save_from_the_same_version_is_refused(engine, ds):
    rec = _actor(ds, "kreistag")
    store.save(engine, "akteur", "kreistag", 0, rec, "erste", "anna")
    with pytest.raises(Conflict, match="anna"):
        store.save(engine, "akteur", "kreistag", 0, rec, "zweite", "ben")
    assert store.history(engine, "akteur", "kreistag")["version"].tolist() == [1]


def test_versions_cannot_be_changed_or_deleted(engine, ds):
    store.save(engine, "akteur", "kreistag", 0, _actor(ds, "kreistag"), "x", "anna")
    with pytest.raises(DatabaseError), engine.begin() as conn:
        conn.execute(update(eintrag_version).values(grund="geändert"))
    with pytest.raises(DatabaseError), engine.begin() as conn:
        conn.execute(delete(eintrag_version))


def test_validation_names_each_field_in_german(ds, refs):
    rec = {
        **_actor(ds, "kreistag"),
        "name": "",
        "art": "Verein",
        "ags": "14627999",
        "stand": "gestern",
        "handlungsfelder": "4.9",
        "status": "beendet",
        "ende": "",
    }
    problems = validate("akteur", rec, refs)
    assert set(problems) >= {"name", "art", "ags", "stand", "handlungsfelder", "ende"}
    assert "erlaubt:" in problems["art"]
    assert "Datum" in problems["ende"]
    assert validate("akteur", _actor(ds, "kreistag"), refs) == {}
    rel = {
        "von": "kik-riesa",
        "beziehung": "kooperiert mit",
        "zu": "kik-riesa",
        "fundstelle": "x",
        "quelle": "x",
        "stand": "2024",
        "status": "in Betrieb",
        "ende": "",
    }
    assert "zu" in validate("beziehung", rel, refs)


def test_overlay_without_versions_is_the_file(ds):
    empty = store.latest(
        __import__("pandas").DataFrame(
            columns=["art", "schluessel", "version", "daten"]
        )
    )
    frame = overlay("angebot", ds["angebote"], empty)
    assert len(frame) == len(ds["angebote"]) and (frame["version"] == 0).all()


def test_new_ids_are_readable_and_unique():
    assert new_id("Neue Stelle für Ärzte", set()) == "neue-stelle-fuer-aerzte"
    assert new_id("Kreistag", {"kreistag"}) == "kreistag-2"


def test_versions_are_append_only_on_postgresql(pg_url, ds):
    pg = make_engine(pg_url)
    try:
        migrate(pg)
        store.save(pg, "akteur", "kreistag", 0, _actor(ds, "kreistag"), "x", "anna")
        for statement in (
            delete(eintrag_version),
            update(eintrag_version).values(grund="y"),
        ):
            with (
                pytest.raises(DatabaseError, match="unveränderlich"),
                pg.begin() as conn,
            ):
                conn.execute(statement)
        with pytest.raises(Conflict):
            store.save(pg, "akteur", "kreistag", 0, _actor(ds, "kreistag"), "z", "ben")
    finally:
        pg.dispose()


def _csv(frame) -> bytes:  # noqa: ANN001
    return frame.to_csv(sep=";", index=False).encode("utf-8-sig")


def test_actor_list_round_trip_change_add_and_revert(engine, ds, refs):
    from dashboard.data.records import export_list, parse_actor_list

    repo = Repository(engine)
    listed = export_list(repo.records("akteur"))
    # an unchanged export re-imports as "no changes"
    same = parse_actor_list(_csv(listed), "liste.csv", repo.records("akteur"), refs)
    assert same.ok and same.changes == [] and same.unchanged == len(ds["akteure"])
    edited = listed.copy()
    edited.loc[edited["akteur_id"] == "ag-asyl-riesa", ["status", "ende"]] = [
        "beendet",
        "30.06.2024",
    ]
    new = edited.iloc[[0]].assign(
        akteur_id="", name="Willkommensbündnis Strehla", aufgaben="", hf_laut_konzept=""
    )
    upload = _csv(__import__("pandas").concat([edited, new]))
    parsed = parse_actor_list(upload, "liste.csv", repo.records("akteur"), refs)
    assert parsed.ok, parsed.errors
    keys = {k for k, _v, _r, _c in parsed.changes}
    assert keys == {"ag-asyl-riesa", "willkommensbuendnis-strehla"}
    import_id = store.commit_import(
        engine,
        "akteur",
        [(k, v, r) for k, v, r, _c in parsed.changes],
        "bea",
        "liste.csv",
    )
    actors = repo.records("akteur").set_index("akteur_id")
    assert actors.loc["ag-asyl-riesa", "ende"] == "2024-06-30"
    assert "willkommensbuendnis-strehla" in actors.index
    file_rows = {
        r["akteur_id"]: {**r, "status": "in Betrieb", "ende": ""}
        for r in ds["akteure"].to_dict("records")
    }
    assert store.revert_import(engine, import_id, "admin", file_rows, "Testgrund") == []
    actors = repo.records("akteur").set_index("akteur_id")
    assert actors.loc["ag-asyl-riesa", "status"] == "in Betrieb"
    assert "willkommensbuendnis-strehla" not in actors.index
    assert store.list_imports(engine)["status"].tolist() == ["zurückgenommen"]
    with pytest.raises(ValueError):
        store.revert_import(engine, import_id, "admin", file_rows, "Testgrund")


def test_actor_list_errors_name_row_and_column(engine, ds, refs):
    from dashboard.data.records import export_list, parse_actor_list

    repo = Repository(engine)
    bad = export_list(repo.records("akteur")).head(3).copy()
    bad.loc[0, "art"] = "Verein"
    bad.loc[1, "aufgaben"] = "umformuliert"
    bad.loc[2, "akteur_id"] = "gibt-es-nicht"
    parsed = parse_actor_list(_csv(bad), "liste.csv", repo.records("akteur"), refs)
    text = "\n".join(parsed.errors)
    assert "Zeile 2, Spalte „art“" in text
    assert "Zeile 3, Spalte „aufgaben“: Textstellen des Konzepts" in text
    assert "Zeile 4, Spalte „akteur_id“: „gibt-es-nicht“ ist unbekannt" in text
    assert store.list_imports(engine).empty
    broken = parse_actor_list(
        b"name;art\nx;y\n", "liste.csv", repo.records("akteur"), refs
    )
    assert "Spalte „akteur_id“ fehlt" in broken.errors[0]


def test_actor_list_download_with_german_headers_reimports_unchanged(engine, ds, refs):
    """The download (German headers, German dates) is the file people edit."""
    from dashboard.components.downloads import send_table
    from dashboard.data.records import export_list, parse_actor_list

    repo = Repository(engine)
    payload = send_table(export_list(repo.records("akteur")), "akteursliste")
    assert payload["content"].startswith("Akteur (Kennung);Name;")
    raw = payload["content"].encode("utf-8-sig")
    same = parse_actor_list(raw, "akteursliste.csv", repo.records("akteur"), refs)
    assert same.ok and same.changes == [], same.errors
