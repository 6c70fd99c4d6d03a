"""The "current" rule (dashboard.current), pinned for every dataset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest

from dashboard.current import Snapshot, counted_imports, goal_status
from dashboard.data.daz_upload import parse_upload
from dashboard.data.loaders import load_all
from dashboard.store import goals as goal_store
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
    revert_import(repo.engine, import_id, "admin")
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
    revert_import(repo.engine, import_id, "admin")
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
