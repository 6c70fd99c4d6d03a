"""Withdrawing a Messwert entered by hand on the indicator page (role Bearbeitung):
the choice of values that count now, a required reason, and the list of values
withdrawn before (who, when, why). Which values count: ``dashboard.current``.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import ids
from dashboard.components.indicator_views import num
from dashboard.formatting import fmt_stand, fmt_time


def options(values: pd.DataFrame, names: dict[str, str]) -> list[dict]:
    """The counted values of one indicator that were entered by hand."""
    manual = values[values["eintrag_id"].notna() & values["import_id"].isna()]
    return [
        {
            "label": f"{fmt_stand(r.datum)} · {names.get(r.gebiet, r.gebiet)} · "
            f"{num(r.wert)} (erfasst von {r.benutzer} am {r.zeit:%d.%m.%Y})",
            "value": int(r.eintrag_id),
        }
        for r in manual.itertuples()
    ]


def form(choices: list[dict], hidden: bool) -> html.Div:
    return html.Div(
        [
            html.H2("Messwert zurücknehmen", className="h4 mt-4"),
            html.P(
                "Ein von Hand eingetragener Messwert, der nicht hätte erfasst werden "
                "sollen, wird zurückgenommen: Er zählt danach nicht mehr (ein früherer "
                "Eintrag für dasselbe Datum und Gebiet gilt wieder), bleibt aber mit "
                "Grund, Person und Zeit nachvollziehbar. Importierte Werte nimmt die "
                "Administration mit dem ganzen Import zurück."
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Messwert", html_for=ids.IND_WITHDRAW_PICK),
                            dbc.Select(
                                id=ids.IND_WITHDRAW_PICK,
                                options=choices,
                                placeholder="– von Hand eingetragenen Messwert wählen –",
                            ),
                        ],
                        md=6,
                    ),
                    dbc.Col(
                        [
                            dbc.Label(
                                "Grund (Pflicht)", html_for=ids.IND_WITHDRAW_REASON
                            ),
                            dbc.Input(id=ids.IND_WITHDRAW_REASON, maxlength=500),
                        ],
                        md=6,
                    ),
                ]
            ),
            dbc.Button(
                "Messwert zurücknehmen",
                id=ids.IND_WITHDRAW_SAVE,
                color="outline-danger",
                class_name="mt-2",
            ),
            html.Div(id=ids.IND_WITHDRAW_MSG, className="mt-2", role="status"),
        ],
        hidden=hidden,
    )


def withdrawn_list(entries: pd.DataFrame, names: dict[str, str]) -> list:
    """Values of one indicator withdrawn so far, for the page's table section."""
    gone = entries[entries["widerruf_zeit"].notna()]
    if gone.empty:
        return []
    items = [
        html.Li(
            f"{fmt_stand(r.datum)}, {names.get(r.gebiet, r.gebiet)}: {num(r.wert)} "
            f"(erfasst von {r.benutzer}) – zurückgenommen von {r.widerruf_von} am "
            f"{fmt_time(r.widerruf_zeit)}; Grund: {r.widerruf_grund}"
        )
        for r in gone.itertuples()
    ]
    return [html.P("Zurückgenommene Messwerte:", className="mb-1"), html.Ul(items)]
