"""Actor directory, filters, relations both ways, chapter lookup of passages."""

from __future__ import annotations

import pytest

from dashboard.data.actors import (
    counts,
    directory,
    export_frame,
    filter_directory,
    relations_of,
)
from dashboard.data.fundstellen import SECTIONS, chapter_of, concept_text
from dashboard.data.loaders import load_all
from tests.conftest import DATA


@pytest.fixture(scope="module")
def ds():
    return {k: v.frame for k, v in load_all(DATA).items()}


@pytest.fixture(scope="module")
def frame(ds):
    return directory(ds["akteure"], ds["angebote"], ds["sozialraeume"])


def test_directory_has_every_actor_and_angebot(ds, frame):
    assert counts(frame)["akteure"] == len(ds["akteure"])
    assert counts(frame)["angebote"] == len(ds["angebote"])
    assert frame["href"].str.match(r"^/(akteure|angebote)/[a-z0-9-]+$").all()


def test_sozialraum_filter_keeps_landkreisweit_actors(frame):
    riesa = filter_directory(frame, sozialraum="Riesa")
    names = set(riesa["name"])
    assert "AG Asyl Riesa" in names
    assert "Kommunale Integrationskoordination Gebiet Riesa" in names
    assert "Ausländerbeauftragte des Landkreises Meißen" in names  # landkreisweit
    assert "AG Asyl Großenhain" not in names
    assert "Kommunale Integrationskoordination Gebiet Meißen" not in names
    assert riesa.loc[
        riesa["name"] == "Koordinierungskraft Integration", "landkreisweit"
    ].all()


def test_gemeinde_filter_includes_the_areas_kik(frame, ds):
    names = set(
        filter_directory(frame, gemeinde="Strehla", areas=ds["sozialraeume"])["name"]
    )
    # Strehla lies in Sozialraum Riesa: the Riesa KIK works there, the AG Asyl Riesa does not
    assert "Kommunale Integrationskoordination Gebiet Riesa" in names
    assert "AG Asyl Riesa" not in names


def test_search_ignores_case_and_umlaut_spelling(frame):
    hits = set(filter_directory(frame, query="dolmetsch")["name"])
    assert (
        "Servicestelle Sprach- und Kulturmittlerdienst (Gemeindedolmetscherdienst)"
        in hits
    )
    assert set(filter_directory(frame, query="Auslaenderbeauftragte")["name"]) >= {
        "Ausländerbeauftragte des Landkreises Meißen"
    }
    assert filter_directory(frame, query="xyz-gibt-es-nicht").empty


def test_handlungsfeld_parent_matches_children_and_status(frame):
    kita = filter_directory(frame, handlungsfeld="4.1")
    assert "Kindertagesbetreuung" in set(kita["name"])  # 4.1.1 laut Konzept
    assert set(filter_directory(frame, handlungsfeld="4.1.1")["name"]) >= {
        "Kindertagesbetreuung"
    }
    ended = filter_directory(frame, status="beendet")
    assert len(ended) and (ended["typ"] == "Angebot").all()


def test_export_has_german_headers(frame):
    out = export_frame(filter_directory(frame, sozialraum="Riesa"))
    assert list(out.columns[:3]) == ["Typ", "Name", "Art"]
    assert set(out["Landkreisweit"]) == {"ja", "nein"}


def test_relations_both_directions(ds):
    out, inc = relations_of(
        "auslaenderbeauftragte", ds["akteur_beziehungen"], ds["akteure"]
    )
    assert ("organisiert", "AG Arbeitsmarktintegration") in set(
        zip(out["beziehung"], out["other_name"], strict=True)
    )
    assert ("kooperiert mit", "Koordinierungskraft Integration") in set(
        zip(inc["beziehung"], inc["other_name"], strict=True)
    )
    assert out["other_name"].notna().all() and inc["other_name"].notna().all()


def test_sections_are_unique_and_chapters_found():
    text = concept_text(DATA)
    for marker, _label in SECTIONS:
        assert text.count(marker) == 1, marker
    assert chapter_of("Koordination der ehrenamtlichen Deutschlehrer", DATA) == (
        "Kap. 3 – Koordinierungskraft Integration"
    )
    assert chapter_of("Beschluss Nr.: 16/6/0289.", DATA) == "Kap. 1.1, Fußnote 2"
    assert chapter_of(
        "Hier sind ebenfalls die Großen Kreisstädte vertreten.", DATA
    ) == ("Kap. 3, Fußnote 7")
    assert chapter_of("nicht im Konzept", DATA) == ""


def test_repository_actor_names(tmp_path, ds):
    from dashboard.data.loaders import load_all as load
    from dashboard.store.db import make_engine, migrate
    from dashboard.store.repository import Repository
    from dashboard.store.seed import seed

    engine = make_engine(f"sqlite:///{tmp_path}/a.sqlite")
    migrate(engine)
    seed(engine, load(DATA))
    names = Repository(engine).actor_names()
    assert list(names.columns) == ["akteur_id", "name"]
    assert len(names) == len(ds["akteure"])
    assert names["name"].is_monotonic_increasing


def test_network_keeps_edges_between_kept_actors(ds, frame):
    from dashboard.data.network import (
        elements,
        kept_actors,
        kept_relations,
        relation_list,
    )

    actors = kept_actors(frame, handlungsfeld="4.3", sozialraum="Riesa")
    assert "kik-riesa" in set(actors["id"]) and "kik-meissen" not in set(actors["id"])
    rels = kept_relations(ds["akteur_beziehungen"], set(actors["id"]))
    assert set(rels["von"]) | set(rels["zu"]) <= set(actors["id"])
    els = elements(actors, rels)
    nodes = [e for e in els if "source" not in e["data"]]
    edges = [e for e in els if "source" in e["data"]]
    assert len(edges) == len(rels)
    assert {e["data"]["label"] for e in edges} <= set(rels["beziehung"])
    assert all(n["data"]["href"].startswith("/akteure/") for n in nodes)
    listed = relation_list(actors, rels)
    assert listed["von_name"].notna().all() and len(listed) == len(rels)
