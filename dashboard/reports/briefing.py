"""Kreistag-Briefing: a German A4 document with sources on every page.

The same HTML serves the browser's print view (``/briefing``) and the PDF
(``/briefing.pdf``, see ``dashboard.reports.pdf``). Page 1 is "Das Wichtigste in
Kürze"; the data status is the appendix. Figures come from the dashboard's builders
and are drawn by plotly.js, so they stay vector graphics with searchable place names.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from html import escape

from dashboard import labels
from dashboard.changes import compare
from dashboard.components import measure_views as mv
from dashboard.components.changes_views import field_names
from dashboard.current import (
    Enrolment,
    SchoolFigures,
    Snapshot,
    capacity_frame,
    previous_point,
)
from dashboard.data.daz import (
    group_sums,
    observed_class_size,
    scenario,
    scenario_by_area,
)
from dashboard.data.mapdata import build_map_data
from dashboard.data.progress import STATUS
from dashboard.datenstand import datenstand
from dashboard.figures.beschluesse import marked_sentence
from dashboard.figures.daz import capacity_by_group, daz_trend
from dashboard.figures.karte_static import static_map
from dashboard.formatting import fmt_num, fmt_pct, fmt_stand
from dashboard.reports.html import Figures, document, table
from dashboard.reports.summary import (
    Earlier,
    earlier_figures,
    goals_by_status,
    key_figures,
    scope_label,
)
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
PLOTLY_URL = "/_dash-component-suites/plotly/package_data/plotly.min.js"


class BriefingUnavailable(RuntimeError):
    """PDF or image generation is impossible here; the message says why, in German."""


@dataclass(frozen=True)
class Options:
    sozialraum: str | None = None
    szenario: int | None = None  # growth in percent, only when chosen
    berichtsstand: object = None  # a closed Berichtsstand (dashboard.current.Reporting)
    indikator: str | None = None  # a second map: a measure or catalogue indicator


def chromium() -> str:
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    raise BriefingUnavailable(
        "Chromium ist nicht installiert (Debian: apt-get install chromium); "
        "die PDF-Erzeugung ist deshalb nicht verfügbar."
    )


def _summary(  # noqa: PLR0913
    s: Services,
    opts: Options,
    now: datetime,
    cap,  # noqa: ANN001
    en: Enrolment,
    sf: SchoolFigures,
    merged,  # noqa: ANN001
    earlier: Earlier | None = None,
) -> str:
    area = opts.sozialraum
    repo = s.repo
    kpis = "".join(
        f"<div class='kpi'><b>{escape(k.value)}</b>{escape(k.label)}"
        f"<div class='scope'>{escape(k.scope)}"
        + (f" · {escape(k.change)}" if k.change else "")
        + "</div></div>"
        for k in key_figures(cap, en, sf.year, area, earlier)
    )
    counts = goals_by_status(repo.table("handlungsfelder"), repo.table("ziele"), merged)
    goal_rows = [
        [r["feld"], *(fmt_num(r[st]) for st in STATUS), fmt_num(r["gesamt"])]
        for _, r in counts.iterrows()
    ]
    scope = (
        f"Sozialraum {area} (Zuordnung der Gemeinden: {labels.SOZIALRAUM_HINWEIS})"
        if area
        else "ganzer Landkreis"
    )
    scenario_note = (
        f"<p class='note'>Enthält eine Szenario-Berechnung ({opts.szenario:+d} % DaZ-Schüler); "
        "sie ist als Berechnung gekennzeichnet und keine Beobachtung.</p>"
        if opts.szenario is not None
        else ""
    )
    point = opts.berichtsstand
    stand = (
        f" · Berichtsstand „{escape(point.name)}“ vom {fmt_stand(point.datum)}"
        if point
        else ""
    )
    return (
        f"<h1>Kreistag-Briefing Integration</h1><p>{escape(labels.APP_TITLE)} · "
        f"erstellt am {now:%d.%m.%Y um %H:%M} Uhr{stand} · Auswahl: {escape(scope)}</p>"
        "<h2>Das Wichtigste in Kürze</h2>"
        f"<div class='kpis'>{kpis}</div>"
        f"<p class='small'>{escape(_compared_with(point, earlier))} Ziele gelten für "
        "den ganzen Landkreis.</p>"
        "<h3>Ziele nach Stand der Umsetzung (Landkreis)</h3>"
        + table(["Handlungsfeld", *STATUS, "Ziele"], goal_rows, set(range(1, 7)))
        + scenario_note
        + f"<p class='small'>DaZ-Schüler: {escape(en.source.text())}. Schulen "
        f"({escape(sf.year)}): {escape(sf.source.text())}. Zielstatus: Bewertung der "
        "Lenkungsgruppe im Integrationsmonitor. Datenstand je Quelle im Anhang.</p>"
    )


def _compared_with(point, earlier: Earlier | None) -> str:  # noqa: ANN001
    """Says what the changes on page 1 compare with."""
    if earlier is not None:
        return f"Veränderungen gegenüber dem vorigen {earlier.label}."
    if point is not None:
        return (
            "Kein früherer Berichtsstand: verglichen wird mit dem vorigen Schuljahr, "
            "soweit Zahlen vorliegen."
        )
    return (
        "Verglichen wird mit dem vorigen Schuljahr, soweit Zahlen vorliegen; ein "
        "Briefing zu einem Berichtsstand vergleicht mit dem Berichtsstand davor."
    )


def _map(s: Services, opts: Options, snap: Snapshot, figs: Figures) -> str:
    area = opts.sozialraum
    data = build_map_data(s.repo, s.gemeinden, s.sozialraeume, snap)
    names = data.labels["gemeinde"]
    fig = static_map(
        s.gemeinden, data.tables["gemeinde"], "ags", "vka_schueler", names=names
    )
    if area:
        inside = s.repo.table("sozialraeume").query("sozialraum == @area")["ags"]
        _outline(fig, s.gemeinden[s.gemeinden["ags"].isin(set(inside))])
    return _vka_map(fig, data, area, figs) + _indicator_map(s, opts, data, figs)


def _indicator_map(s: Services, opts: Options, data, figs: Figures) -> str:  # noqa: ANN001
    """A second map when one was chosen: a measure of the map page or a catalogue
    indicator with a breakdown (as of the briefing's Berichtsstand)."""
    key = opts.indikator or ""
    ind = data.indicator(key)
    if ind is None or key == "vka_schueler":
        return ""
    layer = data.measured.get(key)
    level = layer.level if layer else "gemeinde"
    areas, area_key, what = (
        (s.gemeinden, "ags", "Gemeinde")
        if level == "gemeinde"
        else (s.sozialraeume, "sozialraum", "Sozialraum")
    )
    fig = static_map(areas, data.tables[level], area_key, ind, names=data.labels[level])
    source = (
        f"{layer.source()}; grau = kein Wert (kein Messwert für das Gebiet)"
        if layer
        else f"grau = {ind.missing}. Schulen {data.school_year}: {data.school_source}; "
        "übrige Kennzahlen: mitgelieferte Datensätze mit Quelle und Stand je Eintrag"
        + (f" ({ind.caveat})" if ind.caveat else "")
    )
    title = f"Indikator {ind.label}" if layer else ind.label
    return (
        f"<section><h2>Karte: {escape(title)} je {what}</h2>"
        + figs.figure(
            fig,
            600,
            f"{ind.label} je {what}, ganzer Landkreis; {source}. {labels.BKG_ATTRIBUTION}.",
        )
        + "</section>"
    )


def _vka_map(fig, data, area: str | None, figs: Figures) -> str:  # noqa: ANN001
    return (
        "<section><h2>Karte: VKA-Schüler je Gemeinde</h2>"
        + figs.figure(
            fig,
            600,
            "VKA-Schüler (Schüler in Vorbereitungsklassen) je Gemeinde, ganzer Landkreis, "
            f"Schuljahr {data.school_year}"
            + (f"; dick umrandet: Sozialraum {area}" if area else "")
            + f"; grau = kein DaZ-Standort. {data.school_source}. {labels.BKG_ATTRIBUTION}.",
        )
        + "</section>"
    )


def _outline(fig, areas) -> None:  # noqa: ANN001
    for geom in areas.geometry:
        for poly in getattr(geom, "geoms", [geom]):
            xs, ys = poly.exterior.coords.xy
            fig.add_scatter(
                x=list(xs),
                y=list(ys),
                mode="lines",
                showlegend=False,
                hoverinfo="skip",
                line={"color": "#000", "width": 3},
            )


def _daz(
    opts: Options, cap, en: Enrolment, sf: SchoolFigures, figs: Figures, decisions
) -> str:  # noqa: ANN001
    area = opts.sozialraum
    by, by_label = ("schulart", "Schulart") if area else ("sozialraum", "Sozialraum")
    sums = group_sums(cap, by)
    scope = scope_label(area)
    trend = daz_trend(en.history, decisions)
    return (
        "<section><h2>DaZ-Vorbereitungsklassen</h2>"
        + figs.figure(
            trend,
            330,
            f"DaZ-Schüler je Schuljahr und Phase, ganzer Landkreis; aktuell {en.year}: "
            f"{fmt_num(en.total)}. {en.source.text()}. {marked_sentence(trend)}".strip(),
        )
        + figs.figure(
            capacity_by_group(cap, by),
            300,
            f"VKA-Schüler und freie Plätze je {by_label}, {scope}, Schuljahr {sf.year}. "
            f"{sf.source.text()}.",
        )
        + table(
            [
                by_label,
                "Schulen",
                "VKA-Schüler",
                "Klassen",
                "freie Plätze",
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


def _scenario(opts: Options, cap_all, sf: SchoolFigures) -> str:  # noqa: ANN001
    change, area = opts.szenario, opts.sozialraum
    size = observed_class_size(cap_all)
    result = scenario(
        cap_all, {t: change / 100 for t in cap_all["schulart"].unique()}, size
    )
    if area:
        result = result[result["sozialraum"] == area]
    over = result[result["ueber_kapazitaet"] > 0]
    return (
        f"<section><h2>Szenario (Berechnung): {change:+d} % DaZ-Schüler, "
        f"{escape(scope_label(area))}</h2><p class='note'><b>Berechnung, keine "
        "beobachteten Daten.</b> Annahmen: gleichmäßige Veränderung aller Schularten; "
        f"Plätze = VKA-Schüler + freie Plätze (Schuljahr {escape(sf.year)}, "
        f"{escape(sf.source.text())}); keine Verlagerung; "
        f"{fmt_num(size, 1)} Schüler je zusätzlicher Klasse.</p>"
        + table(
            ["Schule", "Schüler (berechnet)", "Plätze", "darüber", "zusätzl. Klassen"],
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
            or [["keine Schule über ihren Plätzen", "", "", "", ""]],
            {1, 2, 3, 4},
        )
        + table(
            ["Sozialraum", "Schüler (berechnet)", "Plätze", "darüber"],
            [
                [
                    r.sozialraum,
                    fmt_num(r.szenario_schueler),
                    fmt_num(r.plaetze),
                    fmt_num(r.ueber_kapazitaet),
                ]
                for r in scenario_by_area(result, size).itertuples()
            ],
            {1, 2, 3},
        )
        + "</section>"
    )


def _goal_measures(part, names: dict, measures) -> str:  # noqa: ANN001
    """The field's Maßnahmen as a table (none: nothing)."""
    mine = measures[measures["ziel_id"].isin(part["ziel_id"])]
    if mine.empty:
        return ""
    return "<h4>Maßnahmen</h4>" + table(
        ["Ziel", "Maßnahme", "Status", "Fälligkeit", "zuständig"],
        [
            [
                m.ziel_id.removeprefix("Z-"),
                m.titel,
                m.status,
                mv.due_text(m),
                names.get(m.akteur, m.akteur) or "–",
            ]
            for m in mine.itertuples()
        ],
        nowrap={0},
    )


def _goals(fields, merged, names: dict, measures) -> str:  # noqa: ANN001
    out = ["<section><h2>Handlungsfelder und Ziele: Stand der Umsetzung</h2>"]
    for f in fields[fields["uebergeordnet"] == ""].itertuples():
        sub = [f.hf_id, *fields.loc[fields["uebergeordnet"] == f.hf_id, "hf_id"]]
        part = merged[merged["hf_id"].isin(sub)]
        out.append(
            f"<h3>{escape(f.hf_id)} {escape(f.titel)}</h3>"
            + table(
                [
                    "Ziel",
                    "Text (wörtlich aus dem Konzept)",
                    "Status",
                    "Verantwortlich",
                    "geändert",
                ],
                [
                    [
                        r.ziel_id.removeprefix("Z-"),
                        r.text,
                        r.status,
                        mv.owner_text(list(r.akteure), names)
                        + (
                            f"; Fachamt: {mv.office_text(r.fachamt, names)}"
                            if r.fachamt
                            else ""
                        ),
                        f"{r.zeit:%d.%m.%Y}" if r.version else "–",
                    ]
                    for r in part.itertuples()
                ],
                nowrap={0, 4},
            )
            + _goal_measures(part, names, measures)
        )
    out.append(
        f"<p class='small'>Ziele: {labels.KONZEPT}, Kap. 4 (Stand 08.02.2017). Status, "
        "Verantwortliche, Maßnahmen und Änderungsdatum: Bewertung der Lenkungsgruppe im "
        "Integrationsmonitor.</p></section>"
    )
    return "".join(out)


def _appendix(s: Services, en: Enrolment, sf: SchoolFigures) -> str:
    stand = [
        [f"DaZ-Schüler, aktuell Schuljahr {en.year}", en.source.text()],
        [f"Schulen mit DaZ, aktuell Schuljahr {sf.year}", sf.source.text()],
        *([t, v] for t, v in datenstand(s.repo)),
    ]
    return (
        "<section><h2>Quellen</h2><ul>"
        f"<li>{labels.KONZEPT} (Stand 08.02.2017): Schulen, DaZ-Zahlen, Handlungsfelder, "
        "Ziele, Kennzahlen.</li>"
        "<li>Einwohner je Gemeinde: Wikipedia-Infoboxen bzw. deren Kopien (nach "
        "Statistischem Landesamt Sachsen), Stichtage 2018–2023.</li>"
        "<li>Standorte und Angebote: Presse- und Trägerseiten, Datum je Eintrag.</li>"
        f"<li>{labels.BKG_ATTRIBUTION}; VG250, Gebietsstand 2017.</li>"
        f"<li>Zuordnung der Gemeinden zu Sozialräumen: {labels.SOZIALRAUM_HINWEIS}.</li>"
        "</ul><h2>Anhang: Datenstand</h2>"
        + table(["Daten", "Stand"], stand, nowrap={1})
        + "</section>"
    )


def _changes(snap: Snapshot) -> str:
    """For a Berichtsstand: its name and the goal changes since the one before."""
    if snap.reporting is None:
        return ""
    before = previous_point(snap.repo.engine, snap.reporting)
    head = f"<section><h2>Veränderungen zum {escape(snap.reporting.label())}</h2>"
    if before is None:
        return head + "<p>Kein früherer Berichtsstand zum Vergleich.</p></section>"
    ch = compare(Snapshot(snap.repo, reporting=before), snap)
    rows = (
        "".join(
            f"<tr><td>{escape(r.ziel_id)}</td><td>{escape(r.von)} → {escape(r.nach)}</td>"
            f"<td>{escape(r.benutzer)}</td><td>{escape(r.kommentar)}</td></tr>"
            for r in ch.goals.itertuples()
        )
        or "<tr><td colspan='4'>Kein Ziel hat seinen Status geändert.</td></tr>"
    )
    daz = "".join(
        f"<li>{escape(r.was)}: {escape(r.von)} → {escape(r.nach)}</li>"
        for r in ch.daz.itertuples()
    )
    records = "".join(
        f"<li>{escape(r.typ)} „{escape(r.name)}“: {escape(r.aenderung)}"
        + (f" ({escape(field_names(r.typ, r.felder))})" if r.felder else "")
        + (f"; {escape(r.benutzer)}: {escape(r.grund)}" if r.benutzer else "")
        + "</li>"
        for r in ch.records.itertuples()
    )
    return (
        f"{head}<p>Seit „{escape(before.name)}“.</p><table><thead><tr><th>Ziel</th><th>Status</th>"
        f"<th>Wer</th><th>Warum</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<ul>{daz or '<li>Keine neuen DaZ-Zahlen.</li>'}</ul>"
        f"<p>{len(ch.values)} neue Messwerte.</p>"
        f"<h3>Akteure und Angebote</h3><ul>{records or '<li>Keine Akteure oder Angebote neu, beendet oder geändert.</li>'}</ul>"
        "</section>"
    )  # fmt: skip


def build_html(
    s: Services,
    opts: Options,
    plotly_src: str = PLOTLY_URL,
    now: datetime | None = None,
) -> str:
    """The complete briefing as one HTML document; ``plotly_src`` locates plotly.js."""
    now = now or datetime.now()
    repo = s.repo
    area = opts.sozialraum
    snap = Snapshot(repo, reporting=opts.berichtsstand)
    en, sf = snap.enrolment(), snap.schools()
    cap_all = capacity_frame(sf)
    cap = cap_all[cap_all["sozialraum"] == area] if area else cap_all
    goals, fields = repo.table("ziele"), repo.table("handlungsfelder")
    cur = snap.goals()
    merged = goals.merge(cur, on="ziel_id")
    figs = Figures()
    parts = [
        _summary(s, opts, now, cap, en, sf, cur, earlier_figures(snap, area)),
        _map(s, opts, snap, figs),
        _daz(opts, cap, en, sf, figs, snap.decisions()),
        _scenario(opts, cap_all, sf) if opts.szenario is not None else "",
        _goals(
            fields,
            merged,
            dict(repo.actor_names().itertuples(index=False)),
            snap.measures(),
        ),
        _changes(snap),
        _appendix(s, en, sf),
    ]
    return document("Kreistag-Briefing Integration", "".join(parts), plotly_src)
