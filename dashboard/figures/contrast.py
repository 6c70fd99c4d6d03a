"""High contrast for pale projectors (``kontrast=1``): palettes and the rule they meet.

The rule, in one place: after a washed-out projector is simulated (``WASHED_OUT``,
the CSS filter ``contrast(0.75) brightness(1.1) saturate(0.7)``), neighbouring map
classes and neighbouring chart series keep a luminance contrast of at least 3:1
(WCAG 2.1 non-text contrast), and status badges keep white text at 4.5:1 or more.
A luminance step of 3:1 leaves room for three map classes between pale yellow and
black, so high-contrast maps use three classes instead of five. The "no value" class
(e.g. "kein DaZ-Standort") sits next to the palest class in the legend: a mid grey,
3:1 from it and from black; from the blue middle class it differs by hue only.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.data.indicators import Indicator, describe
from dashboard.figures.classes import Classes, classify, discrete_colorscale

WASHED_OUT = "contrast(0.75) brightness(1.1) saturate(0.7)"
MAP_CLASSES = ["#ffffcc", "#2d73b4", "#000000"]
MAP_MISSING = "#707070"  # first in the legend, before MAP_CLASSES[0]
SERIES = ["#000000", "#2d73b4"]  # bar series; a third series gets a hatch pattern
BADGE_TEXT = "#ffffff"
STATUS_COLORS = {
    "noch nicht bewertet": "#555555",
    "geplant": "#0b4f8a",
    "in Umsetzung": "#7a4b00",
    "erreicht": "#1b6b3a",
    "gefährdet": "#a33a00",
}
MIN_CLASS_CONTRAST = 3.0
MIN_TEXT_CONTRAST = 4.5


def _rgb(color: str) -> tuple[float, float, float]:
    h = color.lstrip("#")
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))


def washed_out(color: str) -> tuple[float, float, float]:
    """``color`` as the CSS filter ``WASHED_OUT`` renders it (sRGB, 0..1)."""
    v = [(c - 0.5) * 0.75 + 0.5 for c in _rgb(color)]  # contrast(0.75)
    v = [min(1.0, max(0.0, c * 1.1)) for c in v]  # brightness(1.1)
    s = 0.7  # saturate(0.7), the matrix of the Filter Effects specification
    m = [
        [0.213 + 0.787 * s, 0.715 - 0.715 * s, 0.072 - 0.072 * s],
        [0.213 - 0.213 * s, 0.715 + 0.285 * s, 0.072 - 0.072 * s],
        [0.213 - 0.213 * s, 0.715 - 0.715 * s, 0.072 + 0.928 * s],
    ]
    return tuple(
        min(1.0, max(0.0, sum(m[i][j] * v[j] for j in range(3)))) for i in range(3)
    )


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour (0..1 channels)."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str, washed: bool = True) -> float:
    """WCAG contrast ratio of two colours, by default after the washed-out filter."""
    la, lb = (luminance(washed_out(c) if washed else _rgb(c)) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def map_classes(values: pd.Series, decimals: int, percent: bool) -> Classes:
    """Classes for a high-contrast map: at most three, coloured with ``MAP_CLASSES``."""
    classes = classify(values, decimals, percent, k=len(MAP_CLASSES))
    n = len(classes.labels)
    colors = MAP_CLASSES if n == 3 else [MAP_CLASSES[0], MAP_CLASSES[2]][:n]
    return Classes(classes.index, classes.labels, colors)


def area_style(table: pd.DataFrame, indicator: str | Indicator) -> dict:
    """High-contrast counterpart of the colour part of ``figures.karte.area_style``."""
    ind = describe(indicator)
    values = table[ind.key]
    classes = map_classes(values, ind.decimals, ind.percent)
    has_missing = bool(values.isna().any())
    scale, ticks, zmin, zmax = discrete_colorscale(classes, has_missing, MAP_MISSING)
    ticktext = ([ind.missing] if has_missing else []) + classes.labels
    return {
        "z": classes.index,
        "colorscale": scale,
        "zmin": zmin,
        "zmax": zmax,
        "tickvals": ticks,
        "ticktext": ticktext,
    }


def bars(fig: go.Figure) -> go.Figure:
    """Recolour the bar series of ``fig`` with ``SERIES`` (hatched from the third on)."""
    out = go.Figure(fig)
    for i, trace in enumerate(t for t in out.data if t.type == "bar"):
        trace.marker.color = SERIES[i % len(SERIES)]
        trace.marker.line = {"color": "#000000", "width": 1}
        if i >= len(SERIES):
            trace.marker.pattern = {"shape": "/", "fgcolor": "#ffffff"}
        trace.insidetextfont = {"color": "#ffffff"}
    return out
