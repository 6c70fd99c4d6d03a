"""Indicator catalogue: Messwert files, the definition form, append-only tables."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError

from dashboard.components.indicator_form import validate
from dashboard.data.loaders import load_all
from dashboard.data.messwert_upload import parse_date, parse_number, parse_values_file
from dashboard.store import indicators as store
from dashboard.store.db import make_engine, migrate
from dashboard.store.models import (
    indikator_version,
    messwert_eintrag,
    messwert_widerruf,
)
from tests.conftest import DATA

CATALOGUE = pd.DataFrame(
    {"indikator_id": ["I-KURSE", "I-QUOTE"], "aufschluesselung": ["gemeinde", ""]}
)


@pytest.fixture(scope="module")
def mapping():
    return load_all(DATA)["sozialraeume"].frame


def test_numbers_and_dates_as_people_write_them():
    assert [parse_number(t) for t in ("1.234,5", "12,5", "0.75", "17", "-3", "x", "1,2,3")] == [
        1234.5, 12.5, 0.75, 17.0, -3.0, None, None,
    ]  # fmt: skip
    assert [parse_date(t) for t in ("31.12.2018", "1.2.19", "12/2018", "2018", "2018-03-01", "13/2018", "31.02.2018")] == [
        "2018-12-31", "2019-02-01", "2018-12", "2018", "2018-03-01", None, None,
    ]  # fmt: skip


def test_values_file_with_breakdown(mapping):
    text = (
        "Messwerte Sprachkurse\n\n"
        "Indikator;Datum;Gemeinde;Messwert;Quelle;Bemerkung\n"
        "I-KURSE;31.12.2018;Riesa;12;Kreisvolkshochschule;\n"
        "I-KURSE;31.12.2018;14627010;4;Kreisvolkshochschule;Coswig\n"
        "I-KURSE;31.12.2018;;16;Kreisvolkshochschule;Landkreis\n"
        "I-QUOTE;2018;;12,5;Sozialamt;\n"
    )
    parsed = parse_values_file(text.encode("cp1252"), "w.csv", CATALOGUE, mapping)
    assert parsed.ok, parsed.errors
    assert parsed.rows["gebiet"].tolist() == ["14627230", "14627010", "", ""]
    assert parsed.rows["wert"].tolist() == [12.0, 4.0, 16.0, 12.5]
    assert any("Bemerkung" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("I-NEU;2018;;1;Amt", "Zeile 2, Spalte „indikator_id“: unbekannter Indikator"),
        ("I-QUOTE;2018;Riesa;1;Amt", "Zeile 2, Spalte „gebiet“: erwartet leer"),
        ("I-KURSE;2018;Atlantis;1;Amt", "Zeile 2, Spalte „gebiet“: erwartet Gemeinde"),
        ("I-KURSE;irgendwann;;1;Amt", "Zeile 2, Spalte „datum“: Datum"),
        ("I-KURSE;2018;;viele;Amt", "Zeile 2, Spalte „wert“: keine Zahl"),
        ("I-KURSE;2018;;1;", "Zeile 2, Spalte „quelle“: Quelle angeben"),
    ],
)
def test_values_file_errors_name_row_and_column(mapping, line, message):
    raw = f"indikator_id;datum;gebiet;wert;quelle\n{line}\n".encode()
    parsed = parse_values_file(raw, "w.csv", CATALOGUE, mapping)
    assert not parsed.ok and any(message in e for e in parsed.errors), parsed.errors


def test_duplicate_values_refused(mapping):
    raw = b"indikator_id;datum;wert;quelle\nI-QUOTE;2018;1;A\nI-QUOTE;2018;2;A\n"
    parsed = parse_values_file(raw, "w.csv", CATALOGUE, mapping)
    assert any("Zeilen 2, 3: doppelter Messwert" in e for e in parsed.errors)


def test_definition_form_names_each_wrong_field():
    values = {"indikator_id": "kurse", "ziel_id": "", "name": "", "einheit": "Kurse",
              "richtung": "steigen", "basis_wert": "zehn", "basis_datum": "bald",
              "ziel_wert": "", "ziel_datum": "", "quelle": "", "methode": "", "aufschluesselung": ""}  # fmt: skip
    definition, errors = validate(values, {"Z-4.2-1"}, set(), is_new=True)
    assert definition is None
    text = " ".join(errors)
    for part in (
        "Kennung",
        "Ziel:",
        "Name",
        "Quelle",
        "Basiswert: keine Zahl",
        "Basis: Datum",
    ):
        assert part in text
    good = values | {"indikator_id": "I-KURSE", "ziel_id": "Z-4.2-1", "name": "Kurse",
                     "basis_wert": "1.200,5", "basis_datum": "31.12.2017", "quelle": "VHS"}  # fmt: skip
    definition, errors = validate(good, {"Z-4.2-1"}, set(), is_new=True)
    assert (
        errors == []
        and definition.basis_wert == 1200.5
        and definition.basis_datum == "2017-12-31"
    )
    _, errors = validate(good, {"Z-4.2-1"}, {"I-KURSE"}, is_new=True)
    assert "gibt es schon" in errors[0]


def test_indicator_tables_are_append_only(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    store.define(engine, store.Definition("I-X", "Z-4.2-1", "X", "n", "steigen", 1.0, "2017", None, "", "Q"), 0, "a")  # fmt: skip
    store.add_values(engine, pd.DataFrame([["I-X", "2018", "", 2.0, "Q"]], columns=["indikator_id", "datum", "gebiet", "wert", "quelle"]), "a")  # fmt: skip
    entry = store.entries(engine)["id"].iloc[0]
    store.withdraw_value(engine, int(entry), "Tippfehler", "a")
    for table in (indikator_version, messwert_eintrag, messwert_widerruf):
        for stmt in (delete(table), update(table).values(id=99)):
            with (
                pytest.raises(DatabaseError, match="unveränderlich"),
                engine.begin() as conn,
            ):
                conn.execute(stmt)
