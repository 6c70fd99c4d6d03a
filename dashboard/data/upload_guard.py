"""Checks on uploaded bytes before any parser sees them.

An .xlsx file is a zip archive: 700 KB can expand to 200 MB of XML and millions of
rows, which openpyxl and pandas would then hold in memory for many minutes. This
module looks only at the archive's directory and streams the sheet XML in chunks
to count rows, so every refusal comes in well under a second, in German. CSV files
are checked for size, row count and unbalanced quotes (pandas would otherwise answer
with its English tokenizer error).
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import zipfile
import zlib

from dashboard.data.tabular import MAX_BYTES  # one size limit for every upload

MAX_UNCOMPRESSED = 20_000_000
MAX_ENTRIES = 200
MAX_ROWS = 10_000
MAX_NAME = 200
_CHUNK = 1 << 16
# what zipfile raises for damaged, encrypted or exotic archives
_BROKEN = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
)
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")


class UploadRefused(ValueError):
    """The upload is refused before parsing; ``str()`` is the German message."""


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB".replace(".", ",")


def check_name(filename: object) -> str:
    """The file name as a plain string of at most ``MAX_NAME`` characters."""
    if not isinstance(filename, str) or not filename.strip():
        raise UploadRefused("Die Datei hat keinen Namen.")
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if len(name) > MAX_NAME:
        raise UploadRefused(
            f"Der Dateiname ist zu lang ({len(name)} Zeichen, höchstens {MAX_NAME})."
        )
    if any(ord(c) < 32 for c in name):
        raise UploadRefused("Der Dateiname enthält Steuerzeichen.")
    return name


def check_encoded_size(contents: str) -> None:
    """Refuse a base64 payload whose file would exceed ``MAX_BYTES``, before decoding."""
    estimated = len(contents) * 3 // 4
    if estimated > MAX_BYTES + 1024:
        raise UploadRefused(
            f"Die Datei ist etwa {_mb(estimated)} groß; erlaubt ist höchstens "
            f"{_mb(MAX_BYTES)}. Bitte nur das benötigte Blatt hochladen."
        )


def decode(contents: object, filename: object) -> tuple[bytes, str]:
    """The checked bytes and file name of a ``dcc.Upload`` payload.

    The one entry for every upload: name, encoded size, base64 and the content
    checks of :func:`check_upload`, each refusal an :class:`UploadRefused` in German.
    """
    name = check_name(filename)
    check_encoded_size(contents if isinstance(contents, str) else "")
    try:
        raw = base64.b64decode(str(contents).split(",", 1)[1], validate=True)
    except (IndexError, binascii.Error) as exc:
        raise UploadRefused("Datei konnte nicht gelesen werden.") from exc
    check_upload(raw, name)
    return raw, name


def check_upload(raw: bytes, filename: str) -> None:
    """Refuse files that are too large, expand too far, have too many rows or are broken.

    Raises
    ------
    UploadRefused
        With a German message naming the problem.
    """
    if len(raw) > MAX_BYTES:
        raise UploadRefused(
            f"Die Datei ist {_mb(len(raw))} groß; erlaubt ist höchstens {_mb(MAX_BYTES)}."
        )
    if filename.lower().endswith(".xlsx"):
        _check_xlsx(raw)
    else:
        _check_text(raw)


def _check_xlsx(raw: bytes) -> None:
    broken = UploadRefused(
        "Die Excel-Datei ist beschädigt oder keine .xlsx-Datei. Bitte in Excel öffnen "
        "und erneut als „Excel-Arbeitsmappe (.xlsx)“ speichern."
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError) as exc:
        raise broken from exc
    with archive:
        infos = archive.infolist()
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise broken
        total = sum(i.file_size for i in infos)
        if len(infos) > MAX_ENTRIES or total > MAX_UNCOMPRESSED:
            raise UploadRefused(
                f"Die Excel-Datei entpackt sich auf {_mb(total)} (erlaubt "
                f"{_mb(MAX_UNCOMPRESSED)}); sie wird nicht gelesen."
            )
        sheets = [i for i in infos if i.filename.startswith("xl/worksheets/")]
        rows = 0
        try:
            for info in sheets:
                rows += _count_rows(archive, info)
                if rows > MAX_ROWS:
                    raise UploadRefused(
                        f"Die Excel-Datei hat mehr als {MAX_ROWS:,} Zeilen; ein "
                        "Schuljahr braucht nur wenige Dutzend.".replace(",", ".")
                    )
        except _BROKEN as exc:
            raise broken from exc


def _count_rows(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Count ``<row`` elements by streaming; stops once ``MAX_ROWS`` is passed.

    ``ZipExtFile`` never yields more than the declared size, so a lying header
    cannot make this read more than ``MAX_UNCOMPRESSED`` bytes.
    """
    count, tail = 0, b""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk  # a tag may straddle two chunks
            count += sum(1 for m in _ROW.finditer(data) if m.end() > len(tail))
            tail = data[-8:]
            if count > MAX_ROWS:
                break
    return count


def _check_text(raw: bytes) -> None:
    lines = raw.count(b"\n") + 1
    if lines > MAX_ROWS + 1:
        raise UploadRefused(
            f"Die Datei hat {lines:,} Zeilen; erlaubt sind höchstens {MAX_ROWS:,}.".replace(
                ",", "."
            )
        )
    line = _unclosed_quote_line(raw)
    if line is not None:
        raise UploadRefused(
            f'Zeile {line}: Ein Anführungszeichen (") wird geöffnet, aber nicht '
            "geschlossen. Bitte das Feld prüfen oder die Datei neu aus Excel speichern."
        )


def _unclosed_quote_line(raw: bytes) -> int | None:
    """The line where a quoted field opens that never closes, else ``None``.

    Doubled quotes inside a quoted field ("") keep the parity, as CSV defines.
    """
    open_at = None
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.count(b'"') % 2:
            open_at = None if open_at is not None else number
    return open_at
