"""The one plotly template: readable on a projector, colour-blind safe, German numbers."""

from __future__ import annotations

# Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
OKABE_ITO = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
]
FONT = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
)
TEXT = "#1b1f24"
# A plain dict, not a registered ``pio.templates`` entry: building a plotly object at
# import loads plotly's validator tables (0.15 s at every start); as a dict the
# template is validated with the first figure. Figures copy it; never change it.
TEMPLATE = {
    "layout": {
        "font": {"family": FONT, "size": 16, "color": TEXT},
        "colorway": OKABE_ITO,
        "separators": ",.",
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"font": {"size": 16, "family": FONT}},
        "xaxis": {
            "gridcolor": "#d0d4d9",
            "linecolor": TEXT,
            "ticks": "outside",
            "automargin": True,
        },
        "yaxis": {"gridcolor": "#d0d4d9", "linecolor": TEXT, "automargin": True},
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "x": 0,
            "traceorder": "normal",
        },
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
    }
}
