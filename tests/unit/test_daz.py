"""DaZ: enrolment, capacity, group sums, scenario, upload validation, import store."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import func, select

from dashboard.current import (
    capacity_frame,
    counted_imports,
    enrolment,
    school_figures,
    school_years,
)
from dashboard.data.daz import (
    group_sums,
    observed_class_size,
    scenario,
    scenario_by_area,
)
from dashboard.data.daz_upload import KEY, parse_upload, template_csv
from dashboard.data.loaders import load_all
from dashboard.store.daz_imports import (
    all_rows,
    commit_import,
    list_imports,
    revert_import,
)
from dashboard.store.db import make_engine, migrate
from dashboard.store.models import audit, daz_import_zeile
from tests.conftest import DATA

EMPTY = pd.DataFrame(
    columns=[*KEY, "schueler", "vka_klassen", "kapazitaetsreserve", "quelle", "stand"]
)
ALL_TYPES = ("Grundschule", "Oberschule", "Berufliches Schulzentrum")


@pytest.fixture(scope="module")
def d():
    return {k: v.frame for k, v in load_all(DATA).items()}


@pytest.fixture(scope="module")
def schools(d):
    return d["schulen_daz"].merge(
        d["sozialraeume"][["ags", "gemeinde", "sozialraum"]], on="ags"
    )


@pytest.fixture(scope="module")
def known(d):
    return dict(
        zip(d["schulen_daz"]["schule_id"], d["schulen_daz"]["schulart"], strict=True)
    )


def test_enrolment_and_years(d):
    lk = enrolment(d["daz_schuljahre"], EMPTY).history
    assert lk.groupby("schuljahr")["schueler"].sum().to_dict() == {
        "2015/16": 650,
        "2016/17": 830,
    }
    assert school_years(EMPTY) == ["2016/17"]


def test_capacity_reproduces_abbildung_4(schools):
    cap = capacity_frame(school_figures(schools, EMPTY))
    sums = group_sums(cap, "schulart").set_index("schulart")
    assert sums.loc[
        "Grundschule", ["vka_schueler", "vka_klassen", "kapazitaetsreserve"]
    ].tolist() == [199, 12, 77]
    assert sums.loc[
        "Oberschule", ["vka_schueler", "vka_klassen", "kapazitaetsreserve"]
    ].tolist() == [182, 10, 50]
    assert sums.loc[
        "Berufliches Schulzentrum",
        ["vka_schueler", "vka_klassen", "kapazitaetsreserve"],
    ].tolist() == [136, 9, 71]
    merz = cap.set_index("schule_id").loc["os-riesa-merzdorfer-park"]
    assert merz["auslastung"] == 1.0 and merz["plaetze"] == 24
    assert sums.loc["Grundschule", "auslastung"] == pytest.approx(199 / 276)
    assert observed_class_size(cap) == pytest.approx(517 / 31)


def test_scenario_zero_changes_nothing(schools):
    cap = capacity_frame(school_figures(schools, EMPTY))
    result = scenario(cap, {s: 0.0 for s in ALL_TYPES}, 16.7)
    assert (result["szenario_schueler"] == result["vka_schueler"]).all()
    assert result["ueber_kapazitaet"].sum() == 0 and result["extra_klassen"].sum() == 0


def test_scenario_plus_100_percent(schools):
    cap = capacity_frame(school_figures(schools, EMPTY))
    size = observed_class_size(cap)
    result = scenario(cap, {s: 1.0 for s in ALL_TYPES}, size).set_index("schule_id")
    # 4. Grundschule Riesa: 62 -> 124 pupils, 69 places -> 55 over -> ceil(55 / 16,68) = 4 classes
    assert result.loc[
        "gs-riesa-4", ["szenario_schueler", "ueber_kapazitaet", "extra_klassen"]
    ].tolist() == [124, 55, 4]
    # Grundschule Radebeul Kötzschenbroda: 5 -> 10 pupils, 23 places: fits
    assert result.loc["gs-radebeul-koetzschenbroda", "ueber_kapazitaet"] == 0
    area = scenario_by_area(result.reset_index(), size).set_index("sozialraum")
    assert area.loc["Riesa", "ueber_kapazitaet"] == 376 - 255


def test_scenario_per_schulart(schools):
    cap = capacity_frame(school_figures(schools, EMPTY))
    result = scenario(cap, {"Grundschule": 0.5}, 16.7)
    bsz = result[result["schulart"] == "Berufliches Schulzentrum"]
    assert (bsz["szenario_schueler"] == bsz["vka_schueler"]).all()


# --- upload ----------------------------------------------------------------------

GOOD = (
    "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;quelle;stand\n"
    "2017/18;Landkreis;;;DaZ 1/2;400;;;Kreisschulamt;01.02.2018\n"
    "2017/18;Landkreis;;;DaZ 3;1.020;;;Kreisschulamt;01.02.2018\n"
    "2017/18;Schule;gs-riesa-4;4. GS Riesa;DaZ 1/2;60;3;9;Kreisschulamt;01.02.2018\n"
)


def test_valid_upload(known):
    parsed = parse_upload(GOOD.encode("cp1252"), "jahr.csv", known, set())
    assert parsed.ok, parsed.errors
    assert parsed.rows["schueler"].tolist() == [400, 1020, 60]
    assert parsed.rows["stand"].tolist() == ["2018-02-01"] * 3
    assert any(
        "Grund- und Oberschulen" in w for w in parsed.warnings
    )  # 400 != 60: hint, not error


def test_utf8_bom_and_comma_separator(known):
    text = "\ufeff" + GOOD.replace(";", ",").replace("1.020", "1020")
    assert parse_upload(text.encode(), "jahr.csv", known, set()).ok


def test_excel_upload(known, tmp_path):
    frame = pd.read_csv(
        pd.io.common.StringIO(GOOD), sep=";", dtype=str, keep_default_na=False
    )
    path = tmp_path / "jahr.xlsx"
    frame.to_excel(path, index=False)
    assert parse_upload(path.read_bytes(), "jahr.xlsx", known, set()).ok


@pytest.mark.parametrize(
    ("raw", "name", "message"),
    [
        (b"%PDF-1.4\n\x00\x01\x02\x03", "a.csv", "Zeichenkodierung"),
        (
            GOOD.replace(";60;", ";6,5;").encode(),
            "a.csv",
            "Zeile 4, Spalte „schueler“: keine ganze Zahl",
        ),
        (
            GOOD.replace(";400;", ";-4;").encode(),
            "a.csv",
            "Zeile 2, Spalte „schueler“: keine ganze Zahl",
        ),
        (
            GOOD.replace("gs-riesa-4", "gs-unbekannt").encode(),
            "a.csv",
            "Spalte „schule_id“: unbekannte Schule",
        ),
        ((GOOD + GOOD.splitlines()[3] + "\n").encode(), "a.csv", "doppelte Angabe"),
        (b"", "a.csv", "leer"),
        (b"x" * 1_000_001, "a.csv", "größer als 1 MB"),
        (GOOD.replace("2017/18", "2017/19", 1).encode(), "a.csv", "Format 2017/18"),
        (GOOD.replace("01.02.2018", "31.02.2018", 1).encode(), "a.csv", "Datum"),
        (GOOD.encode(), "a.pdf", "Nur CSV"),
        (GOOD.replace("quelle", "herkunft").encode(), "a.csv", "Spalte „quelle“ fehlt"),
    ],
)
def test_broken_uploads(known, raw, name, message):
    parsed = parse_upload(raw, name, known, set())
    assert not parsed.ok
    assert any(message in e for e in parsed.errors), parsed.errors


def test_existing_year_is_refused(known):
    parsed = parse_upload(
        GOOD.encode(), "a.csv", known, {("2017/18", "Landkreis", "", "DaZ 3")}
    )
    assert any("bereits gespeichert" in e for e in parsed.errors)


def test_template_lists_every_school(d):
    text = template_csv(d["schulen_daz"])
    assert text.count("\n") == 1 + 2 + 19 and text.startswith(
        "schuljahr;ebene;schule_id"
    )


def test_import_round_trip_and_revert(known, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    rows = parse_upload(GOOD.encode(), "jahr.csv", known, set()).rows
    import_id = commit_import(engine, rows, "anna", "jahr.csv")
    active = counted_imports(all_rows(engine))
    assert len(active) == 3 and active["schueler"].sum() == 1480
    revert_import(engine, import_id, "admin", "Testgrund")
    assert counted_imports(all_rows(engine)).empty
    with engine.connect() as conn:  # nothing is lost: rows stay, status changes
        assert (
            conn.execute(
                select(func.count()).select_from(daz_import_zeile)
            ).scalar_one()
            == 3
        )
        actions = [
            r.aktion for r in conn.execute(select(audit.c.aktion).order_by(audit.c.id))
        ]
    assert actions == ["Import", "Import zurückgenommen"]
    assert list_imports(engine).iloc[0]["geaendert_von"] == "admin"
    with pytest.raises(ValueError, match="bereits zurückgenommen"):
        revert_import(engine, import_id, "admin", "Testgrund")


@pytest.mark.parametrize("reason", ["", "   ", None, "x" * 501])
def test_revert_without_a_valid_reason_changes_nothing(known, tmp_path, reason):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    rows = parse_upload(GOOD.encode(), "jahr.csv", known, set()).rows
    import_id = commit_import(engine, rows, "anna", "jahr.csv")
    with pytest.raises(ValueError, match="Grund"):
        revert_import(engine, import_id, "admin", reason)
    assert len(counted_imports(all_rows(engine))) == 3
    assert list_imports(engine).iloc[0]["status"] == "aktiv"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(audit)).scalar_one() == 1


def test_revert_reason_is_audited(known, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    rows = parse_upload(GOOD.encode(), "jahr.csv", known, set()).rows
    import_id = commit_import(engine, rows, "anna", "jahr.csv")
    revert_import(engine, import_id, "admin", "  falsche Datei erwischt ")
    with engine.connect() as conn:
        details = conn.execute(
            select(audit.c.details).order_by(audit.c.id.desc()).limit(1)
        ).scalar_one()
    assert details == f"Import {import_id}; Grund: falsche Datei erwischt"
