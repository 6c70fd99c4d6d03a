"""German number and date formats (1.234,5 and 08.02.2017)."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def fmt_num(value: float | int | None, decimals: int = 0) -> str:
    """Format a number the German way; ``None``/NaN become "–".

    Examples
    --------
    >>> fmt_num(1234.5, 1)
    '1.234,5'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_pct(value: float | None, decimals: int = 1) -> str:
    """Format a share (0.723) as percent ("72,3 %")."""
    return "–" if value is None else f"{fmt_num(value * 100, decimals)} %"


def fmt_stand(stand: str) -> str:
    """Format a Stand of form YYYY-MM-DD, YYYY-MM or YYYY.

    Examples
    --------
    >>> fmt_stand("2017-02-08"), fmt_stand("2024-08"), fmt_stand("2023")
    ('08.02.2017', '08/2024', '2023')
    """
    parts = stand.split("-")
    if len(parts) == 3:
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    return stand


# Local time (issue 12): the store keeps UTC; people read Europe/Berlin.
LOCAL_TZ = ZoneInfo("Europe/Berlin")


def fmt_time(value: datetime) -> str:
    """A stored moment as local German time; naive values are taken as UTC.

    Examples
    --------
    >>> fmt_time(datetime(2017, 2, 8, 13, 5))
    '08.02.2017, 14:05 Uhr'
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return f"{value.astimezone(LOCAL_TZ):%d.%m.%Y, %H:%M} Uhr"


def parse_decimal(text: object) -> float | None:
    """A number typed the German way ("16,7", "1.234,5") or plain; None if it is none.

    Examples
    --------
    >>> parse_decimal("16,7"), parse_decimal("1.234,5"), parse_decimal("abc")
    (16.7, 1234.5, None)
    """
    if isinstance(text, int | float):
        return float(text)
    raw = str(text or "").strip().replace(" ", "")
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
