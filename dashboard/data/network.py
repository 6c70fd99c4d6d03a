"""The relations between actors as a graph: nodes, edges and a readable list.

Pure functions on ``akteure``, ``akteur_beziehungen`` and the directory frame
(``dashboard.data.actors.directory``); filters keep an edge when both ends stay.
"""

from __future__ import annotations

import pandas as pd

from dashboard.data.actors import TYP_AKTEUR, filter_directory, href


def kept_actors(
    directory: pd.DataFrame, handlungsfeld: str = "", sozialraum: str = ""
) -> pd.DataFrame:
    """Actors (not Angebote) passing the Handlungsfeld and Sozialraum filters."""
    return filter_directory(
        directory, sozialraum=sozialraum, handlungsfeld=handlungsfeld, typ=TYP_AKTEUR
    )


def kept_relations(relations: pd.DataFrame, actor_ids: set[str]) -> pd.DataFrame:
    return relations[relations["von"].isin(actor_ids) & relations["zu"].isin(actor_ids)]


def elements(actors: pd.DataFrame, relations: pd.DataFrame) -> list[dict]:
    """Cytoscape elements: one node per actor (class = Art), one edge per relation.

    Only actors with at least one kept relation are drawn; the others are listed
    by the page as "ohne Beziehung im Filter".
    """
    linked = set(relations["von"]) | set(relations["zu"])
    nodes = [
        {
            "data": {"id": r.id, "label": r.name, "art": r.art, "href": r.href},
            "classes": r.art,
        }
        for r in actors.itertuples()
        if r.id in linked
    ]
    edges = [
        {
            "data": {
                "id": f"{r.von}|{r.beziehung}|{r.zu}",
                "source": r.von,
                "target": r.zu,
                "label": r.beziehung,
            }
        }
        for r in relations.itertuples()
    ]
    return nodes + edges


def relation_list(actors: pd.DataFrame, relations: pd.DataFrame) -> pd.DataFrame:
    """The text alternative: one row per relation, sorted by the acting actor."""
    names = dict(zip(actors["id"], actors["name"], strict=True))
    out = relations.assign(
        von_name=relations["von"].map(names),
        zu_name=relations["zu"].map(names),
        von_href=relations["von"].map(lambda i: href(TYP_AKTEUR, i)),
        zu_href=relations["zu"].map(lambda i: href(TYP_AKTEUR, i)),
    )
    return out.sort_values(["von_name", "beziehung", "zu_name"]).reset_index(drop=True)
