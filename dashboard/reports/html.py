"""HTML pieces of the printed briefing: page style, tables, figures drawn by plotly.js.

Figures are embedded as plotly JSON and drawn by plotly.js in the printing browser,
so they stay vector graphics in the PDF (place names remain text) and no separate
image renderer has to start.
"""

from __future__ import annotations

from html import escape

import plotly.graph_objects as go

A4_CONTENT_PX = 670  # 178 mm at 96 dpi
CSS = """
@page { size: A4; margin: 16mm 16mm 24mm 16mm;
  @bottom-left { content: "Quellen: Integrationskonzept LK Meißen (Stand 08.02.2017) u. a., siehe Quellen · "
    "Verwaltungsgrenzen: © GeoBasis-DE / BKG 2017, dl-de/by-2-0, Daten verändert"; font-size: 7pt; color: #333;
    font-family: "DejaVu Sans", Arial, sans-serif; }
  @bottom-right { content: "Seite " counter(page) " von " counter(pages); font-size: 8pt; white-space: nowrap;
    font-family: "DejaVu Sans", Arial, sans-serif; width: 28mm; } }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; font-variant-ligatures: none; margin: 0; }
h1 { font-size: 20pt; color: #08467a; margin: 0 0 2mm; }
h2 { font-size: 15pt; color: #08467a; break-after: avoid; margin: 0 0 3mm; }
h3 { font-size: 12pt; margin: 4mm 0 1mm; break-after: avoid; }
section { break-before: page; } figure { margin: 0 0 5mm; break-inside: avoid; }
figcaption { font-size: 9pt; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-bottom: 4mm; break-inside: auto; }
th, td { border-bottom: 1px solid #bbb; padding: 1.4mm 2mm; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; } tr { break-inside: avoid; } td.id { white-space: nowrap; }
.kpis { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 6mm; margin: 3mm 0 5mm; }
.kpi { border-left: 3px solid #08467a; padding: 1mm 3mm; }
.kpi b { display: block; font-size: 18pt; color: #08467a; }
.kpi .scope { font-size: 8.5pt; color: #333; }
.note { background: #fff4d6; border-left: 3px solid #E69F00; padding: 2mm 3mm; }
.small { font-size: 8.5pt; color: #333; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 10mm; } section { border-top: 2px dashed #999; } }
"""
# Draws every figure of the document; sets window.briefingReady when done. The PDF
# printer keeps one page with plotly.js loaded and calls drawBriefing() per document.
DRAW_FN = """
window.drawBriefing = function () {
  window.briefingReady = false;
  return Promise.all(Array.from(document.querySelectorAll(".plot")).map(function (el) {
    var spec = JSON.parse(document.getElementById(el.id + "-data").textContent);
    return Plotly.newPlot(el, spec.data, spec.layout, {staticPlot: true, displayModeBar: false});
  })).then(function () { window.briefingReady = true; return true; });
};
"""
DRAW = DRAW_FN + "window.drawBriefing();"
DRAW_URL = "/briefing/zeichnen.js"  # served as a file: the CSP allows no inline script


def table(
    headers: list[str],
    rows: list[list[str]],
    numeric: set[int] = frozenset(),
    nowrap: set[int] = frozenset(),
) -> str:
    def cls(i: int) -> str:
        names = ["n"] * (i in numeric) + ["id"] * (i in nowrap)
        return f' class="{" ".join(names)}"' if names else ""

    head = "".join(f"<th{cls(i)}>{escape(h)}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>"
        + "".join(f"<td{cls(i)}>{escape(str(c))}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class Figures:
    """Collects the figures of one document and numbers their elements."""

    def __init__(self) -> None:
        self.count = 0

    def figure(self, fig: go.Figure, height: int, caption: str) -> str:
        self.count += 1
        fid = f"abb-{self.count}"
        fig = go.Figure(fig).update_layout(width=A4_CONTENT_PX, height=height)
        spec = fig.to_json().replace("</", "<\\/")
        return (
            f'<figure><div class="plot" id="{fid}" role="img" aria-label="{escape(caption)}"'
            f' style="width:{A4_CONTENT_PX}px;height:{height}px"></div>'
            f'<script type="application/json" id="{fid}-data">{spec}</script>'
            f"<figcaption>{escape(caption)}</figcaption></figure>"
        )


def document(title: str, body: str, plotly_src: str) -> str:
    """A complete German HTML document that draws its figures (``DRAW_URL``) and
    then sets ``window.briefingReady``."""
    return (
        "<!doctype html><html lang='de'><head><meta charset='utf-8'>"
        f"<link rel='icon' href='data:,'><title>{escape(title)}"
        f"</title><style>{CSS}</style><script src='{escape(plotly_src)}'></script></head>"
        f"<body>{body}<script src='{DRAW_URL}'></script></body></html>"
    )
