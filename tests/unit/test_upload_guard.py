"""Upload guards: zip bombs, oversized and broken files are refused before parsing."""

from __future__ import annotations

import base64
import io
import zipfile

import pandas as pd
import pytest

from dashboard.data import upload_guard
from dashboard.data.upload_guard import UploadRefused, check_name, check_upload

ROW = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'


def _xlsx(sheet_rows: int, chunk_rows: int = 50_000) -> bytes:
    """A minimal .xlsx-shaped archive whose sheet holds ``sheet_rows`` rows."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b"<worksheet><sheetData>")
            left = sheet_rows
            while left > 0:
                n = min(left, chunk_rows)
                sheet.write(ROW * n)
                left -= n
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """Like the review's file: under 1 MB packed, about 130 MB of XML, 2 million rows."""
    return _xlsx(2_000_000)


@pytest.fixture()
def no_parser(monkeypatch):
    """Fail the test if pandas would parse the file."""

    def refuse(*_a, **_k):  # noqa: ANN202
        raise AssertionError("parser reached")

    monkeypatch.setattr(pd, "read_excel", refuse)
    monkeypatch.setattr(pd, "read_csv", refuse)


def test_zip_bomb_is_refused_from_the_directory(bomb, no_parser):
    assert len(bomb) < upload_guard.MAX_BYTES
    with pytest.raises(UploadRefused, match="entpackt sich auf"):
        check_upload(bomb, "schuljahr.xlsx")


def test_lying_sizes_cannot_get_past_the_row_count(no_parser):
    many = _xlsx(upload_guard.MAX_ROWS + 10)
    with pytest.raises(UploadRefused, match="mehr als 10.000 Zeilen"):
        check_upload(many, "schuljahr.xlsx")


@pytest.mark.parametrize(
    ("module", "dataset"),
    [
        ("import_datasets", "DAZ"),
        ("import_datasets", "MESSWERTE"),
        ("actor_list", "AKTEURE"),
    ],
)
def test_bomb_through_the_upload_callback_gives_a_german_preview(
    app, bomb, module, dataset
):
    import importlib

    from dashboard.components.import_panel import validate

    spec = getattr(importlib.import_module(f"dashboard.callbacks.{module}"), dataset)
    contents = "data:application/octet-stream;base64," + base64.b64encode(bomb).decode(
        "ascii"
    )
    with app.server.test_request_context():
        parsed = validate(spec, contents, "liste.xlsx")
    assert not parsed.ok and "entpackt sich auf" in parsed.errors[0]


@pytest.mark.parametrize(
    ("raw", "name", "message"),
    [
        (b"PK\x03\x04kaputt" * 10, "a.xlsx", "beschädigt"),
        (b"nur text", "a.xlsx", "beschädigt"),
        (b"x" * 5_000_000, "a.csv", "5,0 MB groß; erlaubt ist höchstens 1,0 MB"),
        (
            b'schuljahr;ebene\n"2017/18;Landkreis\n2018/19;Landkreis\n',
            "a.csv",
            "Zeile 2: Ein Anführungszeichen",
        ),
        (b"a;b\n" + b"1;2\n" * 20_000, "a.csv", "Zeilen; erlaubt sind höchstens"),
    ],
)
def test_broken_or_oversized_files_get_german_messages(raw, name, message, no_parser):
    with pytest.raises(UploadRefused, match=message):
        check_upload(raw, name)


def test_quoted_fields_with_doubled_quotes_and_newlines_pass(no_parser):
    ok = b'quelle;stand\n"Amt ""A"";\nzweite Zeile";01.02.2018\n'
    check_upload(ok, "a.csv")


def test_corrupt_zip_member_is_a_german_message(no_parser):
    good = bytearray(_xlsx(10))
    start = good.index(b"xl/worksheets/sheet1.xml") + 40
    good[start : start + 20] = b"\x00" * 20  # damage the packed sheet
    with pytest.raises(UploadRefused, match="beschädigt"):
        check_upload(bytes(good), "a.xlsx")


def test_file_names(no_parser):
    assert check_name("C:\\Users\\amt\\Schuljahr 2018.csv") == "Schuljahr 2018.csv"
    with pytest.raises(UploadRefused, match="zu lang"):
        check_name("x" * 1004 + ".csv")
    with pytest.raises(UploadRefused):
        check_name(None)


def test_five_mb_csv_through_the_callback_gives_a_german_message(app):
    from dashboard.callbacks.import_datasets import DAZ
    from dashboard.components.import_panel import validate

    contents = "data:text/csv;base64," + base64.b64encode(b"x" * 5_000_000).decode()
    with app.server.test_request_context():
        parsed = validate(DAZ, contents, "gross.csv")
    assert "erlaubt ist höchstens 1,0 MB" in parsed.errors[0]
