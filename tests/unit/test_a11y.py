"""Accessibility and language rules that need no browser."""

from __future__ import annotations

import dash
import pytest

from dashboard.components.graph import graph_config
from dashboard.web import is_page_path


def test_graph_toolbar_offers_no_cloud_and_few_buttons():
    config = graph_config("Test")
    assert config["locale"] == "de"
    assert config["showSendToCloud"] is False
    assert config["showEditInChartStudio"] is False
    removed = set(config["modeBarButtonsToRemove"])
    assert {"sendChartToCloud", "zoom2d", "pan2d", "zoomInGeo"} <= removed
    assert not removed & {"toImage", "resetScale2d", "resetGeo"}


def test_unknown_paths_answer_404_in_german(app, client):
    assert is_page_path("/karte") and is_page_path("/") and is_page_path("/daz/")
    assert not is_page_path("/gibt-es-nicht") and not is_page_path("/404")
    response = client.get("/gibt-es-nicht")
    assert response.status_code == 404
    assert client.get("/karte").status_code == 200
    # the not-found page itself is German
    page = next(
        p for p in dash.page_registry.values() if p["module"].endswith("not_found_404")
    )
    with app.server.test_request_context("/gibt-es-nicht"):
        text = str(page["layout"]().to_plotly_json())
    assert "Seite nicht gefunden" in text


def test_shell_has_skip_link_and_one_landmark_each(client):
    text = str(client.get("/_dash-layout").get_json())
    assert "Zum Inhalt springen" in text
    assert text.count("'type': 'Main'") == 1
    assert text.count("'type': 'Footer'") == 1
    page = client.get("/").get_data(as_text=True)
    assert "<footer>" not in page


def test_chart_caption_has_the_figures_numbers_in_german():
    import plotly.graph_objects as go

    from dashboard.components.chart_text import chart_caption, figure_rows

    fig = go.Figure(
        [
            go.Bar(name="DaZ 1/2", x=["2015/16", "2016/17"], y=[198, 381]),
            go.Bar(name="DaZ 3", x=["2015/16", "2016/17"], y=[452, 449]),
        ]
    )
    fig.update_layout(xaxis_title="Schuljahr")
    header, rows = figure_rows(fig)
    assert header == ["Schuljahr", "DaZ 1/2", "DaZ 3"]
    assert rows == [["2015/16", 198, 452], ["2016/17", 381, 449]]
    text = str(chart_caption(fig, "DaZ-Schüler")[1].to_plotly_json())
    assert "Zahlen als Tabelle" in text and "381" in text
    single = go.Figure(go.Bar(x=["A", "B"], y=[1234.5, 2]))
    sentence = chart_caption(single, "Test")[0].children
    assert sentence == (
        "Test: 2 Werte, am höchsten A mit 1.234,5, am niedrigsten B mit 2."
    )


def test_exports_have_german_headers_dates_and_a_column_sheet():
    import base64
    import io

    import openpyxl
    import pandas as pd

    from dashboard.components.downloads import german_frame, send_table
    from tests.internal_words import internal_words

    frame = pd.DataFrame(
        {
            "schule_id": ["gs-riesa-4"],
            "vka_schueler": [12],
            "auslastung_prozent": [72.3],
            "stand": ["2017-02-08"],
            "letzter_messwert_datum": ["2018-03-01"],
        }
    )
    german = german_frame(frame)
    assert list(german.columns)[:2] == ["Schule (Kennung)", "VKA-Schüler"]
    assert german.iloc[0]["Stand"] == "08.02.2017"
    csv = send_table(frame, "test")["content"]
    assert internal_words(csv.split("\n")[0]) == []
    assert "08.02.2017" in csv and "72,3" in csv
    payload = send_table(frame, "test", excel=True)
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(payload["content"])))
    assert book.sheetnames == ["Daten", "Spalten"]
    assert book["Spalten"]["B2"].value == "schule_id"
    assert book["Daten"]["A1"].value == "Schule (Kennung)"


def test_internal_words_are_found():
    from tests.internal_words import internal_words

    found = internal_words(
        "Quelle: data/akteure.csv, Zeit (UTC), schule_id, 2017-02-08; "
        "https://example.org/a_b bleibt"
    )
    assert [f.split(":")[0] for f in found] == [
        "Pfad data/",
        "Dateiname",
        "UTC",
        "technischer Name",
        "ISO-Datum",
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/geo/../x",
        "/geo/%2e%2e/x",
        "/geo/..",
        "/akteure/..",
        "/akteure/%2e%2e",
        "/angebote/.",
        "/akteure/./",
    ],
)
def test_dot_segments_are_404_not_a_page(client, path):
    # a page path template must not take "." or ".." as its value (traversal)
    assert client.get(path).status_code == 404
    assert client.get("/akteure/kreistag").status_code == 200
