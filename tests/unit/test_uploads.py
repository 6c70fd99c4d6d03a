"""Uploads as office staff make them: every file in tests/fixtures/uploads either
imports the right rows or is refused with a message naming row and column."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dashboard.data.daz_upload import parse_upload
from dashboard.data.loaders import load_all
from dashboard.data.tabular import canonical, header_key
from tests.conftest import DATA

FILES = Path(__file__).parents[1] / "fixtures" / "uploads"
with (FILES / "expected.csv").open(encoding="utf-8") as _f:
    CASES = list(csv.DictReader(_f))


@pytest.fixture(scope="module")
def schools():
    frame = load_all(DATA)["schulen_daz"].frame
    known = dict(zip(frame["schule_id"], frame["schulart"], strict=True))
    names = {
        n.lower(): sid
        for n, sid in zip(frame["name_dokument"], frame["schule_id"], strict=True)
    }
    return known, names


def test_every_file_in_the_set_is_listed():
    listed = {c["datei"] for c in CASES}
    on_disk = {
        p.name for p in FILES.iterdir() if p.suffix in {".csv", ".txt", ".xlsx", ".xls"}
    }
    assert listed == on_disk - {"expected.csv"} and len(listed) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c["datei"] for c in CASES])
def test_office_file(case, schools):
    known, names = schools
    raw = (FILES / case["datei"]).read_bytes()
    parsed = parse_upload(raw, case["datei"], known, set(), names)
    if case["meldung"]:
        assert not parsed.ok
        assert any(case["meldung"] in e for e in parsed.errors), parsed.errors
        return
    assert parsed.ok, parsed.errors
    rows = parsed.rows
    assert len(rows) == int(case["zeilen"]) and rows["schueler"].sum() == int(
        case["schueler"]
    )
    assert set(rows["schuljahr"]) == {"2017/18"} and set(rows["stand"]) == {
        "2018-02-01"
    }
    assert set(rows["phase"]) <= {"DaZ 1/2", "DaZ 3"}
    assert set(rows["ebene"]) == {"Landkreis", "Schule"}
    schools_rows = rows[rows["ebene"] == "Schule"].set_index("schule_id")["schueler"]
    assert schools_rows.to_dict() == {"gs-riesa-4": 51, "os-riesa-sportzentrum": 20}


def test_sum_row_is_reported_not_imported(schools):
    known, names = schools
    parsed = parse_upload(
        (FILES / "05_summenzeile.csv").read_bytes(), "s.csv", known, set(), names
    )
    assert any("Summenzeile geprüft" in w for w in parsed.warnings)
    extra = parse_upload(
        (FILES / "02_bemerkung.csv").read_bytes(), "b.csv", known, set(), names
    )
    assert any("„Bemerkung“ wird nicht übernommen" in w for w in extra.warnings)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Schüler", "schueler"),
        ("SCHÜLER ", "schueler"),
        ("Kapazitätsreserve", "kapazitaetsreserve"),
        ("Schul-ID", "schule_id"),
        ("Schul ID", "schule_id"),
        ("VKA-Klassen", "vka_klassen"),
        ("Datenstand", "stand"),
        ("Bemerkung", None),
    ],
)
def test_header_spellings_map_in_one_place(written, meant):
    wanted = ("schueler", "kapazitaetsreserve", "schule_id", "vka_klassen", "stand")
    assert canonical(written, wanted) == meant
    assert header_key("Größe / Straße") == "groesse_strasse"
