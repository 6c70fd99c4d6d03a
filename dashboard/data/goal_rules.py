"""The rules for a goal edit, checked on the server for every save.

The editor form uses the same limits (``MAX_TEXT`` as ``maxLength``, date inputs,
the actor list), but a request can be forged: ``check_edit`` decides, the store
refuses what it returns. ``readable_measurements`` keeps pages working even if a bad
value was stored before these rules existed.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

MAX_TEXT = 2000
MAX_SOURCE = 300
MAX_VALUE = 1e9
FIRST_YEAR, LAST_YEAR = 1990, 2100
FIRST_DAY, LAST_DAY = f"{FIRST_YEAR}-01-01", f"{LAST_YEAR}-12-31"  # form min/max
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> str | None:
    """``value`` as an ISO date (YYYY-MM-DD) between 1990 and 2100, else ``None``."""
    if not isinstance(value, str) or not _ISO.fullmatch(value.strip()):
        return None
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed.isoformat() if FIRST_YEAR <= parsed.year <= LAST_YEAR else None


def number(value: object) -> float | None:
    """A finite number within ±``MAX_VALUE`` (German decimal comma accepted)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = (
            value.strip().replace(".", "").replace(",", ".")
            if "," in value
            else value.strip()
        )
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return result if math.isfinite(result) and abs(result) <= MAX_VALUE else None


def whole(value: object) -> int | None:
    """A non-negative whole number (a version), else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def check_text(label: str, value: object, limit: int = MAX_TEXT) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str):
        return [f"{label}: bitte Text eingeben."]
    if len(value) > limit:
        return [
            f"{label}: höchstens {limit:,} Zeichen (eingegeben {len(value):,}).".replace(
                ",", "."
            )
        ]
    return []


def check_edit(
    ziel_id: object,
    base_version: object,
    status: object,
    verantwortlich: object,
    kommentar: object,
    massnahme: object,
    datum: object,
    messwerte: tuple,
    *,
    goals: set[str],
    indicator_goal: dict[str, str],
    actors: set[str],
    statuses: set[str],
) -> list[str]:
    """Every problem of an edit, in German; an empty list means it may be saved.

    ``messwerte`` holds ``(indikator_id, datum, wert, quelle)`` tuples.
    """
    if not isinstance(ziel_id, str) or ziel_id not in goals:
        return ["Dieses Ziel gibt es nicht."]
    errors = []
    if whole(base_version) is None:
        errors.append("Die Version ist ungültig; bitte die Seite neu laden.")
    if status not in statuses:
        errors.append(f"Unbekannter Status „{str(status)[:40]}“.")
    if verantwortlich not in ("", None) and verantwortlich not in actors:
        errors.append("Verantwortlich: bitte einen Akteur aus der Liste wählen.")
    errors += check_text("Kommentar", kommentar)
    errors += check_text("Maßnahme", massnahme)
    if datum not in ("", None) and iso_date(datum) is None:
        errors.append("Datum der Änderung ist kein gültiges Datum.")
    for indikator_id, mdatum, wert, quelle in messwerte:
        if indicator_goal.get(indikator_id) != ziel_id:
            errors.append("Der Messwert gehört zu keinem Indikator dieses Ziels.")
        if iso_date(mdatum) is None:
            errors.append(
                f"Messdatum „{str(mdatum)[:20]}“ ist kein gültiges Datum (TT.MM.JJJJ)."
            )
        if number(wert) is None:
            errors.append(
                f"Messwert „{str(wert)[:20]}“ ist keine Zahl zwischen "
                f"−{MAX_VALUE:,.0f} und {MAX_VALUE:,.0f}.".replace(",", ".")
            )
        if not isinstance(quelle, str) or not quelle.strip():
            errors.append("Für einen Messwert bitte die Quelle angeben.")
        else:
            errors += check_text("Quelle", quelle, MAX_SOURCE)
    return errors


def readable_measurements(values: pd.DataFrame) -> pd.DataFrame:
    """Stored measurements that a page can show: valid date, finite number.

    Rows stored before these rules (a date like 2018-13-45, ``inf``) are left out
    instead of breaking the page; the history still lists them.
    """
    if values.empty:
        return values
    ok = values["datum"].map(lambda d: iso_date(d) is not None) & values["wert"].map(
        lambda v: number(v) is not None
    )
    return values[ok]
