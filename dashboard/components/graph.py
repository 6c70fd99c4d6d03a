"""One plotly config for every graph: German locale, local assets, German file names."""

from __future__ import annotations


def graph_config(filename: str, **extra: object) -> dict:
    """Config with the PNG download named ``filename`` (German, no extension)."""
    return {
        "locale": "de",
        "displaylogo": False,
        "responsive": True,
        "topojsonURL": "/assets/topojson/",
        "toImageButtonOptions": {"filename": filename, "format": "png", "scale": 2},
        **extra,
    }
