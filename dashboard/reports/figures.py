"""Single charts as PNG or SVG files with German names, made offline by kaleido."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.current import Reporting, Snapshot, capacity_frame
from dashboard.data.mapdata import build_map_data
from dashboard.figures.daz import capacity_by_group, daz_trend, utilisation_by_school
from dashboard.figures.karte_static import static_map
from dashboard.reports.briefing import BriefingUnavailable
from dashboard.services import Services


def _trend(s: Services, snap: Snapshot) -> go.Figure:
    return daz_trend(snap.enrolment().history, snap.decisions())


def _areas(s: Services, snap: Snapshot) -> go.Figure:
    return capacity_by_group(snap.schools().frame, "sozialraum")


def _utilisation(s: Services, snap: Snapshot) -> go.Figure:
    return utilisation_by_school(capacity_frame(snap.schools()))


def _map(s: Services, snap: Snapshot) -> go.Figure:
    data = build_map_data(s.repo, s.gemeinden, s.sozialraeume, snap)
    return static_map(s.gemeinden, data.tables["gemeinde"], "ags", "vka_schueler")


# url name -> (German file name, builder, width, height)
FIGURES: dict[str, tuple[str, Callable[[Services, Snapshot], go.Figure], int, int]] = {
    "daz-schueler": ("DaZ-Schüler_nach_Schuljahr", _trend, 900, 500),
    "plaetze-sozialraum": ("Plätze_je_Sozialraum", _areas, 900, 450),
    "auslastung-schulen": ("Auslastung_je_Schule", _utilisation, 1000, 800),
    "karte-vka-schueler": ("Karte_VKA-Schüler_je_Gemeinde", _map, 1000, 800),
}


def render(
    s: Services, name: str, fmt: str, reporting: Reporting | None = None
) -> tuple[bytes, str]:
    """Return the file content and its German file name.

    With ``reporting`` (a closed Berichtsstand) the chart shows the data as of then
    and the file name says so.

    Raises
    ------
    KeyError
        Unknown figure or format.
    BriefingUnavailable
        When kaleido/Chromium cannot run here (German message).
    """
    if fmt not in ("png", "svg"):
        raise KeyError(fmt)
    filename, builder, width, height = FIGURES[name]
    if reporting is not None:
        filename += f"_Berichtsstand-{reporting.id}"
    try:
        content = pio.to_image(
            builder(s, Snapshot(s.repo, reporting=reporting)),
            format=fmt,
            width=width,
            height=height,
            scale=2 if fmt == "png" else 1,
        )
    except Exception as exc:  # noqa: BLE001
        raise BriefingUnavailable(
            f"Abbildung kann nicht erzeugt werden ({type(exc).__name__})."
        ) from exc
    return content, f"{filename}.{fmt}"
