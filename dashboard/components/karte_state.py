"""The map's view state and its URL query string (shareable links)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from dashboard.data.indicators import DEFAULT_INDICATOR, INDICATORS
from dashboard.figures.karte import LAYERS, LEVELS


@dataclass(frozen=True)
class MapState:
    level: str = "gemeinde"
    indicator: str = DEFAULT_INDICATOR
    layers: tuple[str, ...] = ("schulen",)
    labels: bool = False
    selected: str | None = None

    @classmethod
    def from_query(
        cls, query: dict[str, str], measured: dict[str, str] | None = None
    ) -> MapState:
        """Read the state from query parameters; unknown values fall back to defaults.

        ``measured`` maps the catalogue indicators the map can show to their level
        (``dashboard.data.map_measured``); without ``ebene`` such an indicator opens
        on its own level.
        """
        measured = measured or {}
        indicator = query.get("indikator", cls.indicator)
        if indicator not in INDICATORS and indicator not in measured:
            indicator = cls.indicator
        level = query.get("ebene") or measured.get(indicator, cls.level)
        raw_layers = query.get("ebenen")
        layers = (
            cls.layers
            if raw_layers is None
            else tuple(x for x in raw_layers.split(",") if x in LAYERS)
        )
        return cls(
            level=level if level in LEVELS else cls.level,
            indicator=indicator,
            layers=layers,
            labels=query.get("beschriftung") == "1",
            selected=query.get("auswahl") or None,
        )

    def to_query(self) -> str:
        params = {
            "ebene": self.level,
            "indikator": self.indicator,
            "ebenen": ",".join(self.layers),
        }
        if self.labels:
            params["beschriftung"] = "1"
        if self.selected:
            params["auswahl"] = self.selected
        return "?" + urlencode(params)
