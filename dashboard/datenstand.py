"""Datenstand (range of ``stand`` dates) per dataset, for footers and title pages."""

from __future__ import annotations

from functools import lru_cache

from dashboard import labels
from dashboard.formatting import fmt_stand
from dashboard.store.repository import Repository


def stand_range(stands: list[str]) -> str:
    """ "08.02.2017" for one date, "2016 – 08/2024" for several."""
    values = sorted(set(stands))
    if not values:
        return "–"
    if len(values) == 1:
        return fmt_stand(values[0])
    return f"{fmt_stand(values[0])} – {fmt_stand(values[-1])}"


def datenstand(repo: Repository) -> list[tuple[str, str]]:
    """(title, Stand) of every bundled dataset, in the order of ``labels.DATASET_TITLES``."""
    return list(_datenstand(repo, repo.version()))


@lru_cache(maxsize=8)
def _datenstand(repo: Repository, _version: int) -> list[tuple[str, str]]:
    # every page's shell shows it: read the tables once per data version, not per request
    stands = repo.stands(list(labels.DATASET_TITLES))
    return [
        (title, stand_range(stands[name]))
        for name, title in labels.DATASET_TITLES.items()
    ]
