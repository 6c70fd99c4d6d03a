"""Goal status model and indicator progress.

Progress follows the idea of the Open SDG progress status: compare the change achieved
since the baseline with the change needed to reach the target.

- no measurement after the baseline: "noch keine Messung";
- with a target value: share = (latest - baseline) / (target - baseline), counted in
  the desired direction. Target met or passed: "Ziel erreicht". With a target date the
  share is compared with the share of time elapsed (ratio = share / elapsed); without a
  date the share itself is used. Ratio >= 0.95 "deutlicher Fortschritt", >= 0.5
  "mäßiger Fortschritt", >= 0 "geringer Fortschritt", below 0 "Verschlechterung";
- without a target but with a desired direction: "Verbesserung", "unverändert" or
  "Verschlechterung";
- a context indicator (direction "keine") gets no progress rating.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# status: (colour, symbol) — Okabe–Ito hues darkened so white text reaches 4.5:1
# (WCAG 1.4.3), and never colour alone
STATUS = {
    "noch nicht bewertet": ("#6c757d", "○"),
    "geplant": ("#0072B2", "◔"),
    "in Umsetzung": ("#8F5300", "◑"),
    "erreicht": ("#00795A", "●"),
    "gefährdet": ("#B04A00", "▲"),
}
INITIAL_STATUS = "noch nicht bewertet"

PROGRESS_REACHED = "Ziel erreicht"
PROGRESS_SUBSTANTIAL = "deutlicher Fortschritt"
PROGRESS_MODERATE = "mäßiger Fortschritt"
PROGRESS_LIMITED = "geringer Fortschritt"
PROGRESS_WORSE = "Verschlechterung"
PROGRESS_NONE = "noch keine Messung"
PROGRESS_CONTEXT = "Kontextindikator (ohne Zielrichtung)"


@dataclass(frozen=True)
class Progress:
    label: str
    share: float | None = None  # share of the way from baseline to target


def _d(text: str) -> date:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def progress(
    baseline: float | None,
    baseline_date: str,
    direction: str,
    measurements: list[tuple[str, float]],
    target: float | None = None,
    target_date: str = "",
) -> Progress:
    """Progress of one indicator from its baseline, target and measured values.

    Parameters
    ----------
    measurements : list of (date, value)
        Measured values; only those after the baseline date count.
    direction : {"steigen", "sinken", "keine"}
    """
    if direction == "keine":
        return Progress(PROGRESS_CONTEXT)
    if baseline is None:
        return Progress("keine Basis")
    later = sorted((d, v) for d, v in measurements if _d(d) > _d(baseline_date))
    if not later:
        return Progress(PROGRESS_NONE)
    when, latest = later[-1]
    sign = 1 if direction == "steigen" else -1
    if target is None:
        change = sign * (latest - baseline)
        return Progress(
            "Verbesserung"
            if change > 0
            else "unverändert"
            if change == 0
            else PROGRESS_WORSE
        )
    needed = sign * (target - baseline)
    achieved = sign * (latest - baseline)
    if needed <= 0 or achieved >= needed:
        return Progress(PROGRESS_REACHED, 1.0)
    share = achieved / needed
    ratio = share
    if target_date:
        total = (_d(target_date) - _d(baseline_date)).days
        elapsed = (_d(when) - _d(baseline_date)).days
        if total > 0 and elapsed > 0:
            ratio = share / min(1.0, elapsed / total)
    if ratio < 0:
        label = PROGRESS_WORSE
    elif ratio >= 0.95:
        label = PROGRESS_SUBSTANTIAL
    elif ratio >= 0.5:
        label = PROGRESS_MODERATE
    else:
        label = PROGRESS_LIMITED
    return Progress(label, share)


def indicator_progress(indicator, values) -> Progress:  # noqa: ANN001
    """Progress of a catalogue row from its Landkreis values (``gebiet`` empty)."""
    import pandas as pd

    own = values[values["indikator_id"] == indicator["indikator_id"]]
    if "gebiet" in own:
        own = own[own["gebiet"] == ""]
    target = indicator["ziel_wert"]
    return progress(
        None if pd.isna(indicator["basis_wert"]) else float(indicator["basis_wert"]),
        indicator["basis_datum"],
        indicator["richtung"],
        list(zip(own["datum"], own["wert"], strict=True)),
        None if pd.isna(target) else float(target),
        indicator["ziel_datum"] or "",
    )
