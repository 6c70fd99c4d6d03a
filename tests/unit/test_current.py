"""The "current" rule (dashboard.current), pinned for every dataset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest

from dashboard.current import Snapshot, counted_imports, goal_status
from dashboard.data.daz_upload import parse_upload
from dashboard.data.loaders import load_all
from dashboard.store import goals as goal_store
from dashboard.store import measures as measure_store
from dashboard.store.daz_imports import all_rows, commit_import, revert_import
from dashboard.store.db import make_engine, migrate
from dashboard.store.repository import Repository
from dashboard.store.seed import seed
from tests.conftest import DATA

HEADER = "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;quelle;stand\n"
LANDKREIS = (
    "2017/18;Landkreis;;;DaZ 1/2;370;;;Kreisschul- und Kulturamt;01.02.2018\n"
    "2017/18;Landkreis;;;DaZ 3;520;;;Kreisschul- und Kulturamt;01.02.2018\n"
)
SCHOOLS = (
    "2017/18;Schule;gs-riesa-4;;DaZ 1/2;70;4;2;Kreisschul- und Kulturamt;01.02.2018\n"
    "2017/18;Schule;gs-coswig-mitte;;DaZ 1/2;25;;;Kreisschul- und Kulturamt;01.02.2018\n"
)


@pytest.fixture(scope="module")
def datasets():
    return load_all(DATA)


@pytest.fixture()
def repo(tmp_path, datasets):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    seed(engine, datasets)
    return Repository(engine)


def _import(repo: Repository, text: str, user: str = "anna") -> int:
    known = repo.table("schulen_daz")
    schools = dict(zip(known["schule_id"], known["schulart"], strict=True))
    parsed = parse_upload((HEADER + text).encode(), "jahr.csv", schools, set())
    assert parsed.errors == []
    return commit_import(repo.engine, parsed.rows, user, "jahr.csv")


def test_daz_landkreis_without_imports_is_the_concept(repo):
    en = Snapshot(repo).enrolment()
    assert (en.year, en.total, en.previous_year, en.previous_total) == (
        "2016/17",
        830,
        "2015/16",
        650,
    )
    assert en.source.stand == "2017-02-08" and "Abb. 3" in en.source.quelle
    assert en.source.import_ids == () and "Import" not in en.source.text()


def test_daz_landkreis_follows_an_import_and_its_revert(repo):
    import_id = _import(repo, LANDKREIS)
    en = Snapshot(repo).enrolment()
    assert (en.year, en.total, en.previous_total) == ("2017/18", 890, 830)
    assert en.source.quelle == "Kreisschul- und Kulturamt"
    assert en.source.stand == "2018-02-01" and en.source.import_ids == (import_id,)
    assert en.source.text().endswith("; Stand 01.02.2018")
    assert f"Import Nr. {import_id}, eingespielt von anna" in en.source.text()
    revert_import(repo.engine, import_id, "admin", "Testgrund")
    en = Snapshot(repo).enrolment()
    assert (en.year, en.total, en.source.stand) == ("2016/17", 830, "2017-02-08")


def test_schools_stay_2016_17_when_an_import_has_only_landkreis_rows(repo):
    _import(repo, LANDKREIS)
    sf = Snapshot(repo).schools()
    assert sf.year == "2016/17" and len(sf.frame) == 19
    assert sf.frame["vka_schueler"].sum() == 517 and sf.source.stand == "2017-02-08"


def test_schools_follow_an_import_with_school_rows(repo):
    import_id = _import(repo, LANDKREIS + SCHOOLS)
    snap = Snapshot(repo)
    sf = snap.schools()
    assert sf.year == "2017/18" and snap.school_years() == ["2016/17", "2017/18"]
    frame = sf.frame.set_index("schule_id")
    assert frame["vka_schueler"].to_dict() == {"gs-riesa-4": 70, "gs-coswig-mitte": 25}
    assert pd.isna(frame.loc["gs-coswig-mitte", "kapazitaetsreserve"])
    assert frame.loc["gs-riesa-4", "sozialraum"] == "Riesa"  # metadata kept
    assert sf.source.import_ids == (import_id,) and sf.source.stand == "2018-02-01"
    assert snap.schools("2016/17").frame["vka_schueler"].sum() == 517
    assert snap.schools("1999/00").year == "2017/18"  # unknown year: the current one


def test_imports_as_of_a_moment(repo):
    import_id = _import(repo, LANDKREIS)
    made = datetime.now(UTC)
    revert_import(repo.engine, import_id, "admin", "Testgrund")
    reverted = datetime.now(UTC)
    rows = repo.import_rows()
    assert counted_imports(rows).empty  # now: reverted
    assert len(counted_imports(rows, made)) == 2  # made by then, not yet reverted
    assert counted_imports(rows, made - timedelta(hours=1)).empty  # not yet made
    assert counted_imports(rows, reverted + timedelta(seconds=1)).empty
    assert Snapshot(repo, made).enrolment().total == 890
    assert Snapshot(repo).enrolment().total == 830
    assert len(all_rows(repo.engine)) == 2  # nothing is deleted


def test_goals_latest_version_and_as_of(repo):
    engine = repo.engine
    goal_store.save(engine, "Z-4.2-1", 0, goal_store.Edit("geplant"), "anna")
    between = datetime.now(UTC)
    goal_store.save(engine, "Z-4.2-1", 1, goal_store.Edit("in Umsetzung"), "bert")
    cur = Snapshot(repo).goals().set_index("ziel_id")
    assert cur.loc["Z-4.2-1", "status"] == "in Umsetzung" and len(cur) == 30
    assert cur.loc["Z-4.6-1", "status"] == "noch nicht bewertet"
    then = Snapshot(repo, between).goals().set_index("ziel_id")
    assert then.loc["Z-4.2-1", "status"] == "geplant"
    before = goal_status(
        goal_store.history(engine), ["Z-4.2-1"], between.replace(year=2000)
    )
    assert before.iloc[0]["status"] == "noch nicht bewertet"


def test_measures_latest_version_as_of_and_overdue_on_that_day(repo):
    """Maßnahmen: the latest version saved by then; overdue judged on that day."""
    engine = repo.engine
    edit = measure_store.MeasureEdit("Kurs", "laufend", "01.01.2020")
    mid, _ = measure_store.save(engine, "Z-4.2-1", None, 0, edit, "anna")
    between = datetime.now(UTC)
    done = measure_store.MeasureEdit("Kurs", "abgeschlossen", "01.01.2020")
    measure_store.save(engine, "Z-4.2-1", mid, 1, done, "bert")
    now = Snapshot(repo).measures().set_index("massnahme_id").loc[mid]
    assert (now["version"], now["status"], now["ueberfaellig"]) == (
        2,
        "abgeschlossen",
        False,
    )
    then = Snapshot(repo, between).measures().set_index("massnahme_id").loc[mid]
    assert (then["version"], then["status"], then["ueberfaellig"]) == (
        1,
        "laufend",
        True,
    )
    assert Snapshot(repo, between - timedelta(hours=1)).measures().empty
    assert Snapshot(repo).measures(["Z-4.6-1"]).empty  # only the goals asked for


def test_reference_tables_are_the_seeded_files(repo, datasets):
    """Kennzahlen, Einwohner, Akteure, Angebote: the bundled file is current."""
    _import(repo, LANDKREIS + SCHOOLS)  # imports do not touch them
    snap = Snapshot(repo, datetime.now(UTC))
    for name in ("kennzahlen", "einwohner", "akteure", "angebote"):
        shown = snap.table(name)
        pd.testing.assert_frame_equal(
            shown.reset_index(drop=True),
            datasets[name].frame[shown.columns].reset_index(drop=True),
            check_dtype=False,
        )


def _definition(**kw):  # noqa: ANN003, ANN202
    from dashboard.store.indicators import Definition

    base = dict(
        indikator_id="I-TEST-KURSE", ziel_id="Z-4.2-1", name="Sprachkurse", einheit="Kurse",
        richtung="steigen", basis_wert=10.0, basis_datum="2017-01-01", ziel_wert=20.0,
        ziel_datum="2021-01-01", quelle="Test", methode="", aufschluesselung="gemeinde",
    )  # fmt: skip
    return Definition(**(base | kw))


def test_indicators_latest_version_replaces_the_file(repo):
    from dashboard.store import indicators as ind_store

    snap = Snapshot(repo)
    assert set(snap.indicators()["indikator_id"]) == {
        "I-DAZ-SCHUELER",
        "I-GEMEINDEDOLMETSCHER",
    }
    ind_store.define(repo.engine, _definition(), 0, "anna")
    between = datetime.now(UTC)
    ind_store.define(repo.engine, _definition(ziel_wert=30.0), 1, "bert")
    cat = Snapshot(repo).indicators().set_index("indikator_id")
    assert (
        cat.loc["I-TEST-KURSE", "ziel_wert"] == 30.0
        and cat.loc["I-TEST-KURSE", "version"] == 2
    )
    assert (
        Snapshot(repo, between)
        .indicators()
        .set_index("indikator_id")
        .loc["I-TEST-KURSE", "ziel_wert"]
        == 20.0
    )
    # a bundled indicator changed in the app: the version replaces the file's row
    row = cat.loc["I-GEMEINDEDOLMETSCHER"]
    ind_store.define(repo.engine, _definition(indikator_id="I-GEMEINDEDOLMETSCHER", ziel_id=row["ziel_id"], name="neu"), 0, "anna")  # fmt: skip
    cat = Snapshot(repo).indicators()
    assert (cat["indikator_id"] == "I-GEMEINDEDOLMETSCHER").sum() == 1
    assert cat.set_index("indikator_id").loc["I-GEMEINDEDOLMETSCHER", "name"] == "neu"
    with pytest.raises(goal_store.Conflict, match="von bert"):
        ind_store.define(repo.engine, _definition(), 1, "carla")


def test_values_latest_entry_counts_and_reverted_imports_do_not(repo):
    from dashboard.store import indicators as ind_store

    ind_store.define(repo.engine, _definition(), 0, "anna")
    rows = pd.DataFrame(
        [
            ["I-TEST-KURSE", "2018", "", 12.0, "Amt"],
            ["I-TEST-KURSE", "2019", "", 15.0, "Amt"],
        ],
        columns=["indikator_id", "datum", "gebiet", "wert", "quelle"],
    )
    ind_store.add_values(repo.engine, rows.iloc[:1], "anna")
    ind_store.add_values(
        repo.engine, rows.iloc[:1].assign(wert=13.0), "bert"
    )  # correction
    import_id = ind_store.add_values(repo.engine, rows.iloc[1:], "anna", "werte.csv")
    before_revert = datetime.now(UTC)
    values = Snapshot(repo).values()
    assert values["wert"].tolist() == [13.0, 15.0] and values["benutzer"].tolist() == [
        "bert",
        "anna",
    ]
    ind_store.revert_values_import(repo.engine, import_id, "admin", "Testgrund")
    assert Snapshot(repo).values()["wert"].tolist() == [13.0]
    assert Snapshot(repo, before_revert).values()["wert"].tolist() == [13.0, 15.0]
    # values entered with a goal edit count as well
    goal_store.save(repo.engine, "Z-4.2-1", 0, goal_store.Edit("geplant", messwerte=(("I-TEST-KURSE", "2020", 18.0, "Amt"),)), "carla")  # fmt: skip
    assert Snapshot(repo).values()["wert"].tolist() == [13.0, 18.0]


def test_changes_between_two_reporting_points(repo):
    from dashboard.changes import compare, status_matrix
    from dashboard.current import reporting_points
    from dashboard.store import berichtsstaende

    engine = repo.engine
    berichtsstaende.close(engine, "Lenkungsgruppe A", "2027-03-12", "admin")
    goal_store.save(engine, "Z-4.2-1", 0, goal_store.Edit("gefährdet", kommentar="Träger fehlt"), "anna")  # fmt: skip
    _import(repo, LANDKREIS + SCHOOLS)
    berichtsstaende.close(engine, "Lenkungsgruppe B", "2027-06-11", "admin")
    goal_store.save(
        engine, "Z-4.6-1", 0, goal_store.Edit("erreicht"), "bert"
    )  # after B
    a, b = reporting_points(engine)
    changes = compare(Snapshot(repo, reporting=a), Snapshot(repo, reporting=b))
    goals = changes.goals
    assert goals[
        ["ziel_id", "von", "nach", "benutzer", "kommentar"]
    ].values.tolist() == [
        ["Z-4.2-1", "noch nicht bewertet", "gefährdet", "anna", "Träger fehlt"]
    ]
    assert changes.daz["nach"].tolist() == ["890 (2017/18)", "2017/18"]
    riesa = changes.areas.set_index("sozialraum").loc["Riesa"]
    schools = repo.schools()
    before = schools.loc[schools["sozialraum"] == "Riesa", "vka_schueler"].sum()
    assert (riesa["von"], riesa["nach"], riesa["differenz"]) == (
        before,
        70,
        70 - before,
    )
    assert changes.matrix_a.loc["4.2", "gefährdet"] == 0
    assert changes.matrix_b.loc["4.2", "gefährdet"] == 1
    assert (
        changes.matrix_b.to_numpy().sum() == 30
        and list(changes.matrix_b.index)[0] == "4.1"
    )
    # today differs from B by the later edit only
    today = compare(Snapshot(repo, reporting=b), Snapshot(repo))
    assert today.goals["ziel_id"].tolist() == ["Z-4.6-1"] and today.daz.empty
    matrix = status_matrix(
        repo.table("ziele"), Snapshot(repo).goals(), repo.table("handlungsfelder")
    )
    assert matrix.loc["4.6", "erreicht"] == 1


def _record(repo: Repository, kind: str, key: str, **changes) -> dict:  # noqa: ANN003
    """The current record of ``kind``/``key`` with ``changes`` (synthetic test edits)."""
    from dashboard.data.records import EXTRA, KEY, TABLE
    from dashboard.data.schemas import SCHEMAS

    rows = repo.records(kind).set_index(KEY[kind][0], drop=False)
    columns = [*SCHEMAS[TABLE[kind]].columns, *EXTRA[kind]]
    base = rows.loc[key].to_dict() if key in rows.index else {}
    return {c: str(base.get(c, "") or "") for c in columns} | changes


def test_actor_version_as_of_a_moment(repo):
    """An actor counts in the version saved by then; one created later is absent, an
    ended one counts as ended from its version on; the file row is version 0."""
    from dashboard.current import ended
    from dashboard.store import records as rec_store

    engine = repo.engine
    rec_store.save(engine, "akteur", "ag-asyl-riesa", 0,
                   _record(repo, "akteur", "ag-asyl-riesa", hinweis="erste Fassung"), "Test", "anna")  # fmt: skip
    then = datetime.now(UTC)
    rec_store.save(engine, "akteur", "ag-asyl-riesa", 1,
                   _record(repo, "akteur", "ag-asyl-riesa", status="beendet", ende="2027-04-01"),
                   "Arbeitsgruppe aufgelöst", "bert")  # fmt: skip
    new = _record(repo, "akteur", "ag-asyl-riesa", akteur_id="neue-stelle", name="Neue Stelle (Test)", status="in Betrieb", ende="")  # fmt: skip
    rec_store.save(engine, "akteur", "neue-stelle", 0, new, "neu", "anna")

    earlier = Snapshot(repo, then).records("akteur").set_index("akteur_id")
    assert earlier.loc["ag-asyl-riesa", "hinweis"] == "erste Fassung"
    assert earlier.loc["ag-asyl-riesa", "version"] == 1
    assert not ended(earlier.loc[["ag-asyl-riesa"]]).iloc[0]
    assert "neue-stelle" not in earlier.index
    now = Snapshot(repo).records("akteur").set_index("akteur_id")
    assert ended(now.loc[["ag-asyl-riesa"]]).iloc[0] and "neue-stelle" in now.index
    before_any = Snapshot(repo, then - timedelta(days=1)).records("akteur")
    assert (before_any["version"] == 0).all()  # the bundled file only


def test_changes_list_added_and_ended_actors_and_a_changed_angebot(repo):
    from dashboard.changes import compare
    from dashboard.current import reporting_points
    from dashboard.store import berichtsstaende
    from dashboard.store import records as rec_store

    engine = repo.engine
    berichtsstaende.close(engine, "Lenkungsgruppe A", "2027-03-12", "admin")
    new = _record(repo, "akteur", "ag-asyl-riesa", akteur_id="neue-stelle", name="Neue Stelle (Test)", status="in Betrieb", ende="")  # fmt: skip
    rec_store.save(engine, "akteur", "neue-stelle", 0, new, "Neu gegründet (Test)", "anna")  # fmt: skip
    rec_store.save(engine, "akteur", "ag-asyl-riesa", 0,
                   _record(repo, "akteur", "ag-asyl-riesa", status="beendet", ende="2027-04-01"),
                   "Arbeitsgruppe aufgelöst (Test)", "bert")  # fmt: skip
    site = repo.records("angebot").iloc[0]
    rec_store.save(engine, "angebot", site["angebot_id"], 0,
                   _record(repo, "angebot", site["angebot_id"], zeitraum="2017 bis 2027", hinweis="neuer Hinweis"),
                   "Träger meldet Verlängerung (Test)", "carla")  # fmt: skip
    berichtsstaende.close(engine, "Lenkungsgruppe B", "2027-06-11", "admin")
    a, b = reporting_points(engine)
    records = compare(Snapshot(repo, reporting=a), Snapshot(repo, reporting=b)).records
    got = records.set_index("id")
    assert set(got.index) == {"neue-stelle", "ag-asyl-riesa", site["angebot_id"]}
    assert got.loc["neue-stelle", ["typ", "aenderung", "benutzer", "grund"]].tolist() == [
        "Akteur", "neu", "anna", "Neu gegründet (Test)"]  # fmt: skip
    assert got.loc["ag-asyl-riesa", "aenderung"] == "beendet"
    assert got.loc["ag-asyl-riesa", "felder"] == ["status", "ende"]
    assert got.loc["ag-asyl-riesa", "benutzer"] == "bert"
    changed = got.loc[site["angebot_id"]]
    assert (changed["typ"], changed["aenderung"]) == ("Angebot", "geändert")
    assert set(changed["felder"]) == {"hinweis", "zeitraum"}
    assert changed["grund"] == "Träger meldet Verlängerung (Test)"
    # the view names fields as the upkeep form does, and links added entries
    from dashboard.components.changes_views import record_changes, record_summary

    changes = compare(Snapshot(repo, reporting=a), Snapshot(repo, reporting=b))
    shown = str(record_changes(changes).to_plotly_json())
    assert "Status, Beendet am" in shown and "/akteure/neue-stelle" in shown
    assert (
        record_summary(changes) == "Akteure und Angebote: 1 neu, 1 beendet, 1 geändert"
    )
    # nothing changed from B to today; A to today is the same as A to B
    assert compare(Snapshot(repo, reporting=b), Snapshot(repo)).records.empty
    assert len(compare(Snapshot(repo, reporting=a), Snapshot(repo)).records) == 3


def test_withdrawn_values_do_not_count_and_the_earlier_entry_comes_back(repo):
    from sqlalchemy import select

    from dashboard.store import indicators as ind_store
    from dashboard.store.models import audit

    ind_store.define(repo.engine, _definition(), 0, "anna")
    row = pd.DataFrame(
        [["I-TEST-KURSE", "2018", "", 12.0, "Amt"]],
        columns=["indikator_id", "datum", "gebiet", "wert", "quelle"],
    )
    ind_store.add_values(repo.engine, row, "anna")
    ind_store.add_values(repo.engine, row.assign(wert=13.0), "bert")  # correction
    import_id = ind_store.add_values(
        repo.engine, row.assign(datum="2019", wert=15.0), "anna", "werte.csv"
    )
    values = Snapshot(repo).values()
    assert values["wert"].tolist() == [13.0, 15.0]
    manual, imported = values["eintrag_id"].tolist()
    assert values["import_id"].tolist()[1] == import_id
    with pytest.raises(ValueError, match="Grund"):
        ind_store.withdraw_value(repo.engine, manual, "  ", "carla")
    with pytest.raises(ValueError, match=f"aus Import {import_id}"):
        ind_store.withdraw_value(repo.engine, imported, "falsch", "carla")
    before = datetime.now(UTC)
    ind_store.withdraw_value(repo.engine, manual, "Tippfehler", "carla")
    # bert's 13 no longer counts: anna's 12 for 2018 counts again
    now = Snapshot(repo).values()
    assert now["wert"].tolist() == [12.0, 15.0]
    assert now["benutzer"].tolist() == ["anna", "anna"]
    assert Snapshot(repo, before).values()["wert"].tolist() == [13.0, 15.0]
    with pytest.raises(ValueError, match="bereits zurückgenommen"):
        ind_store.withdraw_value(repo.engine, manual, "nochmal", "carla")
    with repo.engine.connect() as conn:
        last = conn.execute(select(audit).order_by(audit.c.id.desc())).first()
    assert last.benutzer == "carla" and last.aktion == "Messwert zurückgenommen"
    assert "Tippfehler" in last.details and "I-TEST-KURSE 2018" in last.details


def test_current_value_per_area_is_the_latest_date_not_the_latest_entry():
    from dashboard.current import latest_by_area

    values = pd.DataFrame(
        [
            ["I-X", "2019-12-31", "14627230", 5.0],
            ["I-X", "2018", "14627230", 3.0],  # entered later, but older
            ["I-X", "2020", "", 9.0],  # Landkreis: no area
            ["I-Y", "2021", "14627230", 1.0],
        ],
        columns=["indikator_id", "datum", "gebiet", "wert"],
    )
    latest = latest_by_area(values, "I-X")
    assert latest[["gebiet", "wert"]].values.tolist() == [["14627230", 5.0]]


def test_beschluesse_latest_version_by_then_withdrawn_ones_do_not_count(repo):
    """Beschlüsse: the concept's one from the start; a recorded one from its save; a
    correction replaces it; a withdrawal ends it (the register still lists it)."""
    from dashboard.store import beschluesse

    engine = repo.engine
    values = {"datum": "01.03.2017", "gremium": "Lenkungsgruppe", "text": "Pool"}
    start = datetime.now(UTC)
    new_id = beschluesse.record(engine, values, "anna")
    recorded = datetime.now(UTC)
    beschluesse.correct(engine, new_id, 1, values | {"text": "Pool aufbauen"}, "Wortlaut", "ben")  # fmt: skip
    corrected = datetime.now(UTC)
    beschluesse.withdraw(engine, new_id, 2, "aufgehoben", "carl")

    def texts(as_of=None) -> list[str]:  # noqa: ANN001
        return Snapshot(repo, as_of=as_of).decisions()["text"].tolist()

    concept = "die Erstellung eines Integrationskonzeptes"
    assert texts(start) == [concept]
    assert texts(recorded) == [concept, "Pool"]
    assert texts(corrected) == [concept, "Pool aufbauen"]
    assert texts() == [concept]
    register = Snapshot(repo).decisions(withdrawn=True).set_index("beschluss_id")
    assert register.loc[new_id, ["status", "version"]].tolist() == ["zurückgezogen", 3]
