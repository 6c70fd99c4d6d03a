"""Class breaks for choropleth legends a person understands: a few labelled classes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.formatting import fmt_num

# ColorBrewer YlGnBu, sequential and safe for the common colour-vision deficiencies.
PALETTE = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
MISSING_COLOR = "#cfcfcf"


@dataclass(frozen=True)
class Classes:
    """Class index per value (-1 = missing), one label and colour per class."""

    index: list[int]
    labels: list[str]
    colors: list[str]


def _fmt(value: float, decimals: int, percent: bool) -> str:
    return f"{fmt_num(value * 100, 0)} %" if percent else fmt_num(value, decimals)


def classify(
    values: pd.Series, decimals: int = 0, percent: bool = False, k: int = 5
) -> Classes:
    """Sort ``values`` into at most ``k`` classes.

    Few distinct values get one class each; otherwise quantile classes of the
    distinct values. Missing values get index -1.
    """
    present = values.dropna()
    uniq = np.unique(present.to_numpy(dtype=float))
    if len(uniq) == 0:
        return Classes([-1] * len(values), [], [])
    if len(uniq) <= k:
        edges = list(uniq)
        labels = [_fmt(v, decimals, percent) for v in uniq]
        lookup = {v: i for i, v in enumerate(uniq)}
        index = [-1 if pd.isna(v) else lookup[float(v)] for v in values]
    else:
        edges = list(np.unique(np.quantile(uniq, np.linspace(0, 1, k + 1))))
        inner = edges[1:-1]
        index = [
            -1 if pd.isna(v) else int(np.searchsorted(inner, v, side="right"))
            for v in values
        ]
        labels = []
        for i in range(len(edges) - 1):
            members = [float(v) for v, j in zip(values, index, strict=True) if j == i]
            lo, hi = min(members), max(members)
            labels.append(
                _fmt(lo, decimals, percent)
                if lo == hi
                else f"{_fmt(lo, decimals, percent)} – {_fmt(hi, decimals, percent)}"
            )
    n = len(labels)
    step = (len(PALETTE) - 1) / max(n - 1, 1)
    colors = [PALETTE[round(i * step)] for i in range(n)] if n > 1 else [PALETTE[2]]
    return Classes(index, labels, colors)


def discrete_colorscale(
    classes: Classes, has_missing: bool, missing_color: str = MISSING_COLOR
) -> tuple[list, list[int], float, float]:
    """One flat colour band per class, each integer class index centred in its band.

    Returns
    -------
    tuple
        ``(colorscale, tickvals, zmin, zmax)``; index -1 is the missing class.
    """
    colors = ([missing_color] if has_missing else []) + classes.colors
    first = -1 if has_missing else 0
    n = len(colors)
    scale = []
    for i, color in enumerate(colors):
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale, list(range(first, first + n)), first - 0.5, first + n - 0.5
