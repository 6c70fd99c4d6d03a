"""The bundled data: schemas, the concept document's own sums, verbatim texts."""

from __future__ import annotations

import pytest

from dashboard.data.fundstellen import normalise
from dashboard.data.loaders import DataError, load_all, load_dataset, parse
from tests.conftest import DATA

SOURCE_TEXT = DATA / "quellen" / "integrationskonzept_lk_meissen_2017.txt"


@pytest.fixture(scope="module")
def ds():
    return load_all(DATA)


def test_every_row_has_source_and_stand(ds):
    for name, d in ds.items():
        assert (d.frame["quelle"].str.len() > 0).all(), name
        assert d.frame["stand"].str.match(r"^\d{4}").all(), name


@pytest.mark.parametrize(
    ("schulart", "pupils", "classes", "reserve"),
    [
        ("Grundschule", 199, 12, 77),
        ("Oberschule", 182, 10, 50),
        ("Berufliches Schulzentrum", 136, 9, 71),
    ],
)
def test_school_sums_match_abbildung_4(ds, schulart, pupils, classes, reserve):
    s = ds["schulen_daz"].frame
    part = s[s["schulart"] == schulart]
    assert (
        part["vka_schueler"].sum(),
        part["vka_klassen"].sum(),
        part["kapazitaetsreserve"].sum(),
    ) == (pupils, classes, reserve)


def test_nineteen_schools(ds):
    assert len(ds["schulen_daz"].frame) == 19


def test_daz_enrolment_matches_abbildung_3(ds):
    d = ds["daz_schuljahre"].frame
    lk = d[d["ebene"] == "Landkreis"].pivot_table(
        index="schuljahr", columns="phase", values="schueler"
    )
    assert lk.loc["2015/16"].tolist() == [198, 452]
    assert lk.loc["2016/17"].tolist() == [381, 449]
    assert lk.sum(axis=1).tolist() == [650, 830]


def test_document_cross_checks(ds):
    s = ds["schulen_daz"].frame
    general = s[s["schulart"].isin(["Grundschule", "Oberschule"])]["vka_schueler"].sum()
    d = ds["daz_schuljahre"].frame
    current = d[(d["schuljahr"] == "2016/17")].set_index("phase")["schueler"]
    assert general == current["DaZ 1/2"] == 381
    k = ds["kennzahlen"].frame.set_index("kennzahl_id")["wert"]
    assert current["DaZ 3"] == k["daz_phase3_2016_17"] == 449


def test_goals_per_field(ds):
    counts = ds["ziele"].frame.groupby("hf_id").size().to_dict()
    assert counts == {
        "4.1.1": 2,
        "4.1.2": 4,
        "4.2": 4,
        "4.3": 9,
        "4.4": 3,
        "4.5": 5,
        "4.6": 3,
    }
    assert set(ds["handlungsfelder"].frame["hf_id"]) >= set(counts)
    assert len(ds["leitlinien"].frame) == 7
    assert len(ds["dimensionen"].frame) == 4


def _normalised_source() -> str:
    return normalise(SOURCE_TEXT.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("ziele", ["text", "erlaeuterung"]),
        ("kernaussagen", ["text"]),
        ("leitlinien", ["leitlinie", "erlaeuterung"]),
        ("dimensionen", ["beschreibung"]),
        ("akteure", ["aufgaben"]),
        ("akteur_beziehungen", ["fundstelle"]),
    ],
)
def test_texts_are_verbatim(ds, name, columns):
    source = _normalised_source()
    for row in ds[name].frame.itertuples():
        for col in columns:
            for part in filter(None, getattr(row, col).split(" | ")):
                assert part in source, f"{name}: {part[:60]}…"


def test_actors_named_in_chapter_3(ds):
    names = " ".join(ds["akteure"].frame["name"])
    for expected in [
        "Ausländerbeauftragte",
        "Koordinierungskraft Integration",
        "Bildungskoordination",
        "AG Asyl Riesa",
        "AG Asyl Großenhain",
        "AG Asyl der Stadt Radebeul",
        "AG Asyl der Stadt Meißen",
        "unbegleitete minderjährige Ausländer",
        "AG Arbeitsmarktintegration",
        "Netzwerk Fachkräfte",
        "Fachkräfteallianz",
        "Ausländeramt",
        "Kreisschul- und Kulturamt",
        "Jobcenter",
        "Kreisjugendamt",
        "Gesundheitsamt",
        "(MBE)",
        "(JMD)",
        "Sprach- und Kulturmittlerdienst",
        "Sächsische Bildungsagentur",
        "Bundesagentur für Arbeit",
        "IQ Gründungszentrum Dresden",
        "Integrationskursträger",
        "Diakonie Riesa-Großenhain",
        "Produktionsschule Moritzburg",
    ]:
        assert expected in names, expected
    a = ds["akteure"].frame
    assert (a["name"].str.startswith("Kommunale Integrationskoordination")).sum() == 4
    assert a.set_index("akteur_id").loc["buendnisse", "anzahl"] == "12"


def test_actor_corrections_follow_the_document(ds):
    a = ds["akteure"].frame.set_index("akteur_id")
    r = ds["akteur_beziehungen"].frame
    rels = set(zip(r["von"], r["beziehung"], r["zu"], strict=True))
    # "hauptamtliche Gremien" (Kap. 3), not Ehrenamt
    for ag in ["ag-asyl-riesa", "ag-asyl-grossenhain", "ag-asyl-radebeul"]:
        assert a.loc[ag, "art"] == "Gremium"
        assert "4.6" not in a.loc[ag, "handlungsfelder"].split()
    # values the cited passages do not contain are gone
    assert a.loc["landratsamt", "ags"] == ""
    assert a.loc["kommunen", "anzahl"] == ""
    # relations that overreached their passage
    assert ("auslaenderbeauftragte", "koordiniert", "lenkungsgruppe") not in rels
    assert ("auslaenderbeauftragte", "kooperiert mit", "auslaenderamt") not in rels
    assert not any(v == "landratsamt" and z == "fachkraefteallianz" for v, _, z in rels)
    # actors the document names
    for new in [
        "kreistag",
        "ehrenamtliche-deutschlehrer",
        "grosse-kreisstaedte",
        "traeger-wohlfahrtspflege",
        "sport-kultur-freizeit",
        "traeger-kjh",
        "vereine-netzwerke",
        "regeldienste-medizin",
        "beratung-frauen",
        "kindertagesbetreuung",
    ]:
        assert new in a.index, new
    assert "16/6/0289" in a.loc["kreistag", "aufgaben"]
    # KIKs and the partners the document names in their first task
    for kik in ["kik-meissen", "kik-riesa", "kik-grossenhain", "kik-radebeul"]:
        for partner in ["ba", "jobcenter", "fsa", "buendnisse"]:
            assert (kik, "kooperiert mit", partner) in rels
        assert "Analog der sozialräumlichen Gliederung" in a.loc[kik, "hinweis"]
    assert "eine Stelle je Sozialraum" not in " ".join(a["quelle"])


def test_sozialraum_mapping(ds):
    m = ds["sozialraeume"].frame
    assert m.groupby("sozialraum").size().to_dict() == {
        "Großenhain": 6,
        "Meißen": 7,
        "Radebeul": 5,
        "Riesa": 10,
    }
    assert m.groupby("altkreis").size().to_dict() == {
        "Meißen": 12,
        "Riesa-Großenhain": 16,
    }
    assert (
        m["status"] == "Arbeitsstand – Zuordnung durch die Sozialplanung zu bestätigen"
    ).all()


def test_sites_never_claim_a_position_they_do_not_have(ds):
    a = ds["angebote"].frame
    assert set(a.loc[a["ags"] == "", "lage_genauigkeit"]) <= {"Landkreis"}
    assert (
        a.loc[a["lage_genauigkeit"] == "Adresse", "adresse"].str.contains(r"\d")
    ).all()


# --- broken input ---------------------------------------------------------------

HEADER = "ags,gemeinde,einwohner,quelle,stand\n"


def test_bad_number_names_row_and_column():
    raw = (
        HEADER
        + "14627010,Coswig,20512,x,2022-12-31\n14627020,Diera-Zehren,drei,x,2018-12-31\n"
    ).encode()
    with pytest.raises(DataError) as err:
        parse("einwohner", raw)
    assert "einwohner.csv, Zeile 3, Spalte „einwohner“" in str(err.value)


def test_negative_count_and_foreign_ags():
    raw = (
        HEADER + "14627010,Coswig,-5,x,2022-12-31\n09162000,München,1,x,2022-12-31\n"
    ).encode()
    msg = str(pytest.raises(DataError, parse, "einwohner", raw).value)
    assert "Zeile 2, Spalte „einwohner“: muss eine ganze Zahl ≥ 0 sein" in msg
    assert "Zeile 3, Spalte „ags“: kein AGS des Landkreises" in msg


def test_missing_and_unknown_columns():
    raw = b"ags,gemeinde,quelle,stand,farbe\n14627010,Coswig,x,2022,rot\n"
    msg = str(pytest.raises(DataError, parse, "einwohner", raw).value)
    assert "Spalte „einwohner“: Spalte fehlt" in msg
    assert "Spalte „farbe“: unbekannte Spalte" in msg


def test_duplicates_empty_and_encoding():
    raw = (HEADER + "14627010,Coswig,1,x,2022\n14627010,Coswig,2,x,2022\n").encode()
    assert "doppelt" in str(pytest.raises(DataError, parse, "einwohner", raw).value)
    assert "leer" in str(pytest.raises(DataError, parse, "einwohner", b"").value)
    latin = (HEADER + "14627140,Meißen,1,x,2022\n").encode("cp1252")
    assert "nicht UTF-8" in str(
        pytest.raises(DataError, parse, "einwohner", latin).value
    )


def test_bom_is_accepted():
    raw = ("\ufeff" + HEADER + "14627010,Coswig,1,x,2022-12-31\n").encode()
    assert parse("einwohner", raw)["einwohner"].tolist() == [1]


def test_broken_reference_is_reported(data_copy):
    path = data_copy / "ziele.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Z-4.6-1,4.6", "Z-4.6-1,4.9", 1),
        encoding="utf-8",
    )
    msg = str(pytest.raises(DataError, load_all, data_copy).value)
    assert "ziele.csv" in msg and "4.9" in msg


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="Datei fehlt"):
        load_dataset("einwohner", tmp_path)
