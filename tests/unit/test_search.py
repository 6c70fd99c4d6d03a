"""Navigation search: index over all kinds, goal numbers, ranking, URLs."""

from __future__ import annotations

import pytest

from dashboard.data.loaders import load_all
from dashboard.data.search import search, search_index
from tests.conftest import DATA


@pytest.fixture(scope="module")
def index():
    return search_index({k: v.frame for k, v in load_all(DATA).items()})


def test_index_covers_every_kind(index):
    counts = index["kind"].value_counts().to_dict()
    assert counts == {
        "Akteur": 48,
        "Angebot": 33,
        "Ziel": 30,
        "Gemeinde": 28,
        "Schule": 19,
        "Sozialraum": 4,
    }


def test_goal_number_finds_exactly_that_goal(index):
    hit = search(index, "4.2-3")
    assert hit["label"].tolist() == ["Ziel 4.2-3"]
    assert hit["href"].iloc[0] == "/ziele?feld=4.2#ziel-Z-4.2-3"
    # sub-fields open their parent's page
    assert search(index, "Z-4.1.1-2")["href"].iloc[0].startswith("/ziele?feld=4.1#")


def test_words_find_actor_and_goal(index):
    hits = search(index, "Dolmetsch")
    labels = hits["label"].tolist()
    assert (
        "Servicestelle Sprach- und Kulturmittlerdienst (Gemeindedolmetscherdienst)"
        in labels
    )
    assert "Ziel 4.5-5" in labels


def test_places_open_the_map_in_the_right_state(index):
    riesa = search(index, "riesa")
    rows = dict(zip(riesa["label"], riesa["href"], strict=True))
    assert rows["Riesa"] == "/karte?ebene=gemeinde&auswahl=14627230"
    assert rows["Sozialraum Riesa"] == "/karte?ebene=sozialraum&auswahl=Riesa"
    school = search(index, "Pestalozzi")
    assert school["href"].iloc[0] == "/daz?tab=schulen&gemeinde=14627140"


def test_short_or_unknown_queries_find_nothing(index):
    assert search(index, "a").empty
    assert search(index, "  ").empty
    assert search(index, "quetzalcoatl").empty
