"""Point layers without invented positions.

No school, site or actor has coordinates. Each point stands at a representative point
inside its Gemeinde; several points of one Gemeinde are spread on a small sunflower
pattern so none hides another, and every hover says "Lage: Gemeinde".
"""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from dashboard.current import ended
from dashboard.formatting import fmt_num, fmt_stand

# More points of one kind in one Gemeinde than this become one marker with their count
# and sums (the bundled data has at most 8): the map stays readable and its size does
# not grow with the number of schools, sites or actors. The Gemeinde's panel lists them.
CROWD = 8
NAMES_SHOWN = 3
KIND = {"angebote": "Angebote/Dienststellen", "akteure": "Akteure"}
SUMS = {
    "vka_schueler": "VKA-Schüler",
    "vka_klassen": "Klassen",
    "kapazitaetsreserve": "Reserve",
}
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPACING_DEG = 0.0075  # about 520 m east-west here: one marker apart at 1024 px
LAT_FACTOR = math.cos(math.radians(51.2))


def _offsets(n: int, spacing: float) -> list[tuple[float, float]]:
    if n == 1:
        return [(0.0, 0.0)]
    out = []
    for i in range(n):
        r = spacing * math.sqrt(i + 0.5)
        out.append(
            (
                r * math.cos(i * GOLDEN_ANGLE),
                r * math.sin(i * GOLDEN_ANGLE) * LAT_FACTOR,
            )
        )
    return out


def spread(items: pd.DataFrame, gemeinden: gpd.GeoDataFrame) -> pd.DataFrame:
    """Give every item (column ``anchor_ags``) a ``lon``/``lat`` inside its Gemeinde."""
    geom = gemeinden.set_index("ags").geometry
    anchors = geom.representative_point()
    rows = []
    for ags, group in items.groupby("anchor_ags", sort=False):
        poly, centre = geom[ags], anchors[ags]
        spacing = SPACING_DEG
        for _ in range(5):
            offs = _offsets(len(group), spacing)
            if all(
                poly.contains(Point(centre.x + dx, centre.y + dy)) for dx, dy in offs
            ):
                break
            spacing /= 2
        for (idx, _row), (dx, dy) in zip(group.iterrows(), offs, strict=True):
            rows.append((idx, centre.x + dx, centre.y + dy))
    pos = pd.DataFrame(rows, columns=["idx", "lon", "lat"]).set_index("idx")
    return items.join(pos)


def _schools(schools: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    hover = [
        f"<b>{r.name_dokument}</b><br>{r.schulart}<br>VKA-Schüler {fmt_num(r.vka_schueler)} · "
        f"Klassen {fmt_num(r.vka_klassen)} · Reserve {fmt_num(r.kapazitaetsreserve)}<br>"
        f"Adresse: {r.adresse}<br>Lage: Gemeinde {names[r.ags]} (Punkt nicht adressgenau)<br>"
        f"Stand {fmt_stand(r.stand)}"
        for r in schools.itertuples()
    ]
    return pd.DataFrame(
        {
            "layer": "schulen",
            "group": schools["schulart"],
            "name": schools["name_dokument"],
            "ags": schools["ags"],
            "anchor_ags": schools["ags"],
            "hover": hover,
            "stand": schools["stand"],
            **{c: schools[c] for c in SUMS},
        }
    )


def _sites(sites: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    sites = sites[(sites["ags"] != "") & ~ended(sites)]
    hover = [
        f"<b>{r.name}</b><br>{r.art} · {r.traeger}<br>{r.adresse}<br>Zeitraum: {r.zeitraum} · Status: {r.status}"
        f"<br>Lage: Gemeinde {names[r.ags]} (Punkt nicht adressgenau)<br>Stand {fmt_stand(r.stand)}"
        for r in sites.itertuples()
    ]
    return pd.DataFrame(
        {
            "layer": "angebote",
            "group": "",
            "name": sites["name"],
            "ags": sites["ags"],
            "anchor_ags": sites["ags"],
            "hover": hover,
            "stand": sites["stand"],
        }
    )


def _actors(
    actors: pd.DataFrame, names: dict[str, str], sr_anchor: dict[str, str]
) -> pd.DataFrame:
    rows = []
    for r in actors.itertuples():
        if r.ags:
            anchor, where = r.ags, f"Gemeinde {names[r.ags]}"
        elif r.gebiet in sr_anchor:
            anchor, where = (
                sr_anchor[r.gebiet],
                f"Sozialraum {r.gebiet} (Zuständigkeitsgebiet)",
            )
        else:
            continue
        hover = f"<b>{r.name}</b><br>{r.art}<br>Lage: {where}, kein genauer Standort<br>Stand {fmt_stand(r.stand)}"
        rows.append(
            {
                "layer": "akteure",
                "group": "",
                "name": r.name,
                "ags": anchor,
                "anchor_ags": anchor,
                "hover": hover,
                "stand": r.stand,
            }
        )
    return pd.DataFrame(
        rows, columns=["layer", "group", "name", "ags", "anchor_ags", "hover", "stand"]
    )


def _bundle_hover(part: pd.DataFrame, place: str) -> str:
    layer, group = part["layer"].iloc[0], part["group"].iloc[0]
    kind = f"Schulen ({group}, DaZ)" if layer == "schulen" else KIND[layer]
    lines = [f"<b>{fmt_num(len(part))} {kind}</b>"]
    if layer == "schulen":
        lines.append(
            " · ".join(f"{label} {fmt_num(part[c].sum())}" for c, label in SUMS.items())
            + " (Summe)"
        )
    lines += [f"· {name}" for name in part["name"].head(NAMES_SHOWN)]
    lines.append(f"· und {fmt_num(len(part) - NAMES_SHOWN)} weitere")
    lines.append(f"Lage: Gemeinde {place} (ein Punkt für alle; Klick: Liste)")
    first, last = part["stand"].min(), part["stand"].max()
    lines.append(
        f"Stand {fmt_stand(first)}"
        + (f" bis {fmt_stand(last)}" if last != first else "")
    )
    return "<br>".join(lines)


def bundle(items: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Points of one kind (layer, group) in one Gemeinde: more than ``CROWD`` become
    one marker (name empty; a click selects the Gemeinde, whose panel lists them)."""
    key = ["layer", "group", "anchor_ags"]
    size = items.groupby(key, sort=False)["name"].transform("size")
    crowded = items[size > CROWD]
    if crowded.empty:
        return items
    rows = [
        {
            "layer": layer,
            "group": group,
            "name": "",
            "ags": part["ags"].iloc[0],
            "anchor_ags": anchor,
            "hover": _bundle_hover(part, names[anchor]),
        }
        for (layer, group, anchor), part in crowded.groupby(key, sort=False)
    ]
    return pd.concat([items[size <= CROWD], pd.DataFrame(rows)], ignore_index=True)


def map_points(
    gemeinden: gpd.GeoDataFrame,
    sozialraeume: gpd.GeoDataFrame,
    schools: pd.DataFrame,
    sites: pd.DataFrame,
    actors: pd.DataFrame,
) -> pd.DataFrame:
    """All point layers with positions (``layer``, ``group``, ``name``, ``ags``, ``lon``, ``lat``, ``hover``).

    Actors responsible for a whole Sozialraum stand at the Gemeinde that holds the
    Sozialraum's representative point. Items without any place are left out.
    """
    names = dict(zip(gemeinden["ags"], gemeinden["name"], strict=True))
    sr_points = sozialraeume.set_index("sozialraum").geometry.representative_point()
    sr_anchor = {
        sr: gemeinden.loc[gemeinden.geometry.contains(pt), "ags"].iloc[0]
        for sr, pt in sr_points.items()
    }
    items = pd.concat(
        [
            _schools(schools, names),
            _sites(sites, names),
            _actors(actors, names, sr_anchor),
        ],
        ignore_index=True,
    )
    items = bundle(items, names)[
        ["layer", "group", "name", "ags", "anchor_ags", "hover"]
    ]
    return spread(items, gemeinden).drop(columns="anchor_ags")


def unplaced(sites: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Sites and actors working county-wide (no Gemeinde, no Sozialraum): listed, not mapped."""
    sr = {"Meißen", "Riesa", "Großenhain", "Radebeul"}
    s = sites[(sites["ags"] == "") & ~ended(sites)][["name"]].assign(typ="Angebot")
    a = actors[(actors["ags"] == "") & ~actors["gebiet"].isin(sr)][
        ["name", "gebiet"]
    ].assign(typ="Akteur")
    return pd.concat([s, a], ignore_index=True)
