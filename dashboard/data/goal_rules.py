"""The rules for a goal edit, checked on the server for every save.

The editor form uses the same limits (``MAX_TEXT`` as ``maxLength``, date inputs,
the actor list), but a request can be forged: ``check_edit`` decides, the store
refuses what it returns. ``readable_measurements`` keeps pages working even if a bad
value was stored before these rules existed.
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.data.messwert_upload import parse_date, parse_number

MAX_TEXT = 2000
MAX_SOURCE = 300
MAX_VALUE = 1e9
FIRST_YEAR, LAST_YEAR = 1990, 2100
FIRST_DAY, LAST_DAY = f"{FIRST_YEAR}-01-01", f"{LAST_YEAR}-12-31"  # form min/max


def iso_date(value: object) -> str | None:
    """``value`` as a stored date (``messwert_upload.parse_date``: day, month or year,
    German or ISO spelling) between 1990 and 2100, else ``None``."""
    if not isinstance(value, str) or len(value) > 20:
        return None
    parsed = parse_date(value)
    if parsed is None or not FIRST_YEAR <= int(parsed[:4]) <= LAST_YEAR:
        return None
    return parsed


def number(value: object) -> float | None:
    """A finite number within ±``MAX_VALUE`` (German spelling as in value uploads)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        result = parse_number(value) if len(value) <= 40 else None
    elif isinstance(value, int | float):
        result = float(value)
    else:
        return None
    if result is None or not math.isfinite(result) or abs(result) > MAX_VALUE:
        return None
    return result


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
                f"Messdatum „{str(mdatum)[:20]}“ ist kein gültiges Datum "
                "(TT.MM.JJJJ, MM/JJJJ oder JJJJ)."
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
    ok = values["datum"].map(lambda d: iso_date(d) == d) & values["wert"].map(
        lambda v: number(v) is not None
    )
    return values[ok]
