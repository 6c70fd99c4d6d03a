"""Kreistag-Briefing: a German A4 document with sources on every page.

The same HTML serves the browser's print view (``/briefing``) and the PDF
(``/briefing.pdf``), which headless Chromium prints offline. Figures are PNG images
made by kaleido with the same builders as the dashboard.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

import plotly.io as pio

from dashboard import labels
from dashboard.current import Snapshot, capacity_frame
from dashboard.data.daz import (
    group_sums,
    observed_class_size,
    scenario,
    scenario_by_area,
)
from dashboard.data.mapdata import build_map_data
from dashboard.datenstand import datenstand
from dashboard.figures.daz import capacity_by_group, daz_trend
from dashboard.figures.karte_static import static_map
from dashboard.formatting import fmt_num, fmt_pct
from dashboard.services import Services

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# Offline, sandbox-free headless Chromium: no calls home, no background updates.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
)
CSS = """
@page { size: A4; margin: 18mm 16mm 24mm 16mm;
  @bottom-left { content: "Quellen: Integrationskonzept LK Meißen (Stand 08.02.2017) u. a., siehe letzte Seite · "
    "Verwaltungsgrenzen: © GeoBasis-DE / BKG 2017, dl-de/by-2-0, Daten verändert"; font-size: 7pt; color: #333;
    font-family: "DejaVu Sans", Arial, sans-serif; }
  @bottom-right { content: "Seite " counter(page) " von " counter(pages); font-size: 8pt; white-space: nowrap;
    font-family: "DejaVu Sans", Arial, sans-serif; width: 28mm; } }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; font-variant-ligatures: none; }
h1 { font-size: 22pt; color: #08467a; margin-top: 40mm; } h2 { font-size: 15pt; color: #08467a; break-after: avoid; }
section { break-before: page; } figure { margin: 0 0 6mm; break-inside: avoid; }
figure img { width: 100%; } figcaption { font-size: 9pt; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin-bottom: 5mm; break-inside: auto; }
th, td { border-bottom: 1px solid #bbb; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; } tr { break-inside: avoid; } td:first-child { white-space: nowrap; }
.note { background: #fff4d6; border-left: 3px solid #E69F00; padding: 2mm 3mm; }
.small { font-size: 8.5pt; color: #333; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 10mm; } section { border-top: 2px dashed #999; } }
"""


class BriefingUnavailable(RuntimeError):
    """PDF or image generation is impossible here; the message says why, in German."""


@dataclass(frozen=True)
class Options:
    sozialraum: str | None = None
    szenario: int | None = None  # growth in percent, only when chosen


def chromium() -> str:
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    raise BriefingUnavailable(
        "Chromium ist nicht installiert (Debian: apt-get install chromium); "
        "die PDF-Erzeugung ist deshalb nicht verfügbar."
    )


def _png(fig, width: int = 900, height: int = 520) -> str:  # noqa: ANN001
    try:
        raw = pio.to_image(fig, format="png", width=width, height=height, scale=2)
    except Exception as exc:  # noqa: BLE001  kaleido raises several kinds when Chrome is missing
        raise BriefingUnavailable(
            f"Abbildungen können nicht erzeugt werden ({type(exc).__name__})."
        ) from exc
    return "data:image/png;base64," + base64.b64encode(raw).decode()


def _figure(src: str, caption: str) -> str:
    return f'<figure><img src="{src}" alt="{escape(caption)}"><figcaption>{escape(caption)}</figcaption></figure>'


def _table(
    headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()
) -> str:
    head = "".join(
        f'<th class="{"n" if i in numeric else ""}">{escape(h)}</th>'
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"n" if i in numeric else ""}">{escape(str(c))}</td>'
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def build_html(s: Services, opts: Options, now: datetime | None = None) -> str:
    """The complete briefing as one self-contained HTML document."""
    now = now or datetime.now()
    repo = s.repo
    area = opts.sozialraum
    snap = Snapshot(repo)
    en, sf = snap.enrolment(), snap.schools()
    cap = capacity_frame(sf)
    shown = cap[cap["sozialraum"] == area] if area else cap
    lk = en.history
    data = build_map_data(repo, s.gemeinden, s.sozialraeume, snap)
    sf_src = escape(sf.source.text())
    filt = (
        f"Sozialraum {area} ({labels.SOZIALRAUM_HINWEIS})"
        if area
        else "ganzer Landkreis, keine Filter"
    )
    stand = "".join(
        f"<tr><td>{escape(t)}</td><td>{escape(v)}</td></tr>"
        for t, v in [
            (f"DaZ-Schüler, aktuell Schuljahr {en.year}", en.source.text()),
            (f"Schulen mit DaZ, aktuell Schuljahr {sf.year}", sf.source.text()),
            *datenstand(repo),
        ]
    )
    parts = [
        f"<h1>Kreistag-Briefing Integration</h1><p><b>{escape(labels.APP_TITLE)}</b></p>",
        f"<p>Erstellt am {now:%d.%m.%Y um %H:%M} Uhr. Auswahl: {escape(filt)}.</p>",
        f"<h2>Datenstand</h2><table><tbody>{stand}</tbody></table>",
    ]
    level, key = ("sozialraum", "sozialraum") if area else ("gemeinde", "ags")
    areas = s.sozialraeume if area else s.gemeinden
    map_png = _png(
        static_map(areas, data.tables[level], key, "vka_schueler", highlight=area),
        900,
        620,
    )
    parts.append(
        "<section><h2>Karte: VKA-Schüler</h2>"
        + _figure(
            map_png,
            f"VKA-Schüler je {'Sozialraum' if area else 'Gemeinde'}, Schuljahr {sf.year}; grau = kein "
            f"DaZ-Standort. {sf.source.text()}. {labels.BKG_ATTRIBUTION}.",
        )
        + "</section>"
    )
    by = "schulart" if area else "sozialraum"
    sums = group_sums(shown, by)
    parts.append(
        "<section><h2>DaZ-Vorbereitungsklassen</h2>"
        + _figure(
            _png(daz_trend(lk), 900, 420),
            f"DaZ-Schüler je Schuljahr und Phase (Landkreis); aktuell {en.year}: "
            f"{fmt_num(en.total)}. {en.source.text()}.",
        )
        + _figure(
            _png(capacity_by_group(shown, by), 900, 360),
            f"VKA-Schüler und freie Plätze je {by.capitalize()}, Schuljahr {sf.year}. "
            f"{sf.source.text()}.",
        )
        + _table(
            [
                by.capitalize(),
                "Schulen",
                "VKA-Schüler",
                "Klassen",
                "Reserve",
                "Auslastung",
            ],
            [
                [
                    r[by],
                    fmt_num(r["schulen"]),
                    fmt_num(r["vka_schueler"]),
                    fmt_num(r["vka_klassen"]),
                    fmt_num(r["kapazitaetsreserve"]),
                    fmt_pct(r["auslastung"]),
                ]
                for _, r in sums.iterrows()
            ],
            {1, 2, 3, 4, 5},
        )
        + "</section>"
    )
    if opts.szenario is not None:
        size = observed_class_size(cap)
        result = scenario(
            cap, {t: opts.szenario / 100 for t in cap["schulart"].unique()}, size
        )
        if area:
            result = result[result["sozialraum"] == area]
        over = result[result["ueber_kapazitaet"] > 0]
        area_rows = scenario_by_area(result, size)
        parts.append(
            f"<section><h2>Szenario: {opts.szenario:+d} % DaZ-Schüler</h2><p class='note'><b>Berechnung, keine "
            "beobachteten Daten.</b> Annahmen: gleichmäßige Veränderung aller Schularten; Kapazität = VKA-Schüler + "
            f"Reserve (Schuljahr {escape(sf.year)}, {sf_src}); keine Verlagerung; {fmt_num(size, 1)} Schüler je zusätzlicher Klasse.</p>"
            + _table(
                [
                    "Schule",
                    "Schüler (berechnet)",
                    "Plätze",
                    "darüber",
                    "zusätzl. Klassen",
                ],
                [
                    [
                        r.name_dokument,
                        fmt_num(r.szenario_schueler),
                        fmt_num(r.plaetze),
                        fmt_num(r.ueber_kapazitaet),
                        fmt_num(r.extra_klassen),
                    ]
                    for r in over.itertuples()
                ]
                or [["keine Schule über Kapazität", "", "", "", ""]],
                {1, 2, 3, 4},
            )
            + _table(
                ["Sozialraum", "Schüler (berechnet)", "Plätze", "darüber"],
                [
                    [
                        r.sozialraum,
                        fmt_num(r.szenario_schueler),
                        fmt_num(r.plaetze),
                        fmt_num(r.ueber_kapazitaet),
                    ]
                    for r in area_rows.itertuples()
                ],
                {1, 2, 3},
            )
            + "</section>"
        )
    goals, fields = repo.table("ziele"), repo.table("handlungsfelder")
    cur = snap.goals()
    merged = goals.merge(cur, on="ziel_id")
    section = ["<section><h2>Handlungsfelder und Ziele: Stand der Umsetzung</h2>"]
    for f in fields[fields["uebergeordnet"] == ""].itertuples():
        sub = [f.hf_id, *fields.loc[fields["uebergeordnet"] == f.hf_id, "hf_id"]]
        part = merged[merged["hf_id"].isin(sub)]
        section.append(
            f"<h3>{escape(f.hf_id)} {escape(f.titel)}</h3>"
            + _table(
                ["Ziel", "Text (wörtlich, Konzept)", "Status"],
                [[r.ziel_id, r.text, r.status] for r in part.itertuples()],
            )
        )
    section.append(
        f"<p class='small'>Ziele: {labels.KONZEPT}, Kap. 4 (Stand 08.02.2017). Status: Zielregister der "
        "Lenkungsgruppe im Integrationsmonitor.</p></section>"
    )
    parts.append("".join(section))
    parts.append(
        "<section><h2>Quellen</h2><ul>"
        f"<li>{labels.KONZEPT} (Stand 08.02.2017): Schulen, DaZ-Zahlen, Handlungsfelder, Ziele, Kennzahlen.</li>"
        "<li>Einwohner je Gemeinde: Wikipedia-Infoboxen bzw. Kopien nach StaLa Sachsen, Stichtage 2018–2023.</li>"
        "<li>Standorte: Presse- und Trägerseiten, Datum je Eintrag (data/angebote.csv).</li>"
        f"<li>{labels.BKG_ATTRIBUTION}; VG250, Gebietsstand 2017.</li>"
        f"<li>Zuordnung der Gemeinden zu Sozialräumen: {labels.SOZIALRAUM_HINWEIS}.</li></ul></section>"
    )
    return (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>Kreistag-Briefing Integration"
        f"</title><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"
    )


def render_pdf(html_text: str) -> bytes:
    """Print the HTML to A4 PDF with headless Chromium (no network needed)."""
    binary = chromium()
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "briefing.html", Path(tmp) / "briefing.pdf"
        src.write_text(html_text, encoding="utf-8")
        cmd = [
            binary,
            "--headless",
            *CHROMIUM_FLAGS,
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={out}",
            src.as_uri(),
        ]
        proc = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
        if not out.exists():
            raise BriefingUnavailable(
                f"Chromium konnte das PDF nicht erzeugen (Code {proc.returncode})."
            )
        return out.read_bytes()
