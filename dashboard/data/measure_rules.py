"""Owners and Maßnahmen of a goal: the rules checked on the server for every save.

A goal names several responsible actors (``akteure``, from the actor directory) and
one Fachamt (an actor of art "Behörde"). A Maßnahme is a record of its own: title,
status (``labels.MASSNAHME_STATUS``), due date and an optional responsible actor.
The forms use the same lists, but a request can be forged: these functions decide.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from dashboard import labels
from dashboard.data.goal_rules import MAX_TEXT, check_text, iso_date, whole

OFFICE_ART = "Behörde"  # actors of this art may be chosen as Fachamt
MAX_TITLE = 300
MAX_OWNERS = 20
STATUSES = tuple(labels.MASSNAHME_STATUS)


def owners(akteure: object, verantwortlich: object = "") -> list[str]:
    """The responsible actors stored with a goal version.

    ``akteure`` is the JSON list saved since owners are a list; versions saved before
    hold only ``verantwortlich``, which then is the first (and only) owner.
    """
    if isinstance(akteure, str) and akteure:
        try:
            value = json.loads(akteure)
        except ValueError:
            value = None
        if isinstance(value, list):
            return [str(v) for v in value]
    return (
        [verantwortlich] if isinstance(verantwortlich, str) and verantwortlich else []
    )


def offices(actors: pd.DataFrame) -> pd.DataFrame:
    """``akteur_id`` and ``name`` of the actors that can be a goal's Fachamt, by name."""
    return (
        actors.loc[actors["art"] == OFFICE_ART, ["akteur_id", "name"]]
        .sort_values("name")
        .reset_index(drop=True)
    )


def check_owners(
    akteure: object, fachamt: object, *, actors: set[str], office_ids: set[str]
) -> list[str]:
    """Problems with a goal's owners and Fachamt, in German (empty: fine)."""
    errors = []
    if not isinstance(akteure, list | tuple) or not all(
        isinstance(a, str) for a in akteure
    ):
        errors.append(
            "Verantwortlich: bitte einen oder mehrere Akteure aus der Liste wählen."
        )
    elif len(akteure) > MAX_OWNERS:
        errors.append(f"Verantwortlich: höchstens {MAX_OWNERS} Akteure.")
    else:
        unknown = [a for a in akteure if a not in actors]
        if unknown:
            errors.append(
                f"Verantwortlich: „{unknown[0][:40]}“ steht nicht im Akteursverzeichnis; "
                "bitte einen Akteur aus der Liste wählen."
            )
    if fachamt not in ("", None) and fachamt not in office_ids:
        errors.append(
            "Fachamt: bitte ein Amt aus der Liste wählen (Behörden im Akteursverzeichnis)."
        )
    return errors


def due_date(value: object) -> str | None:
    """A due date as ISO day: ``TT.MM.JJJJ`` (or ISO), within the allowed years."""
    parsed = iso_date(value.strip()) if isinstance(value, str) else None
    return parsed if parsed and len(parsed) == 10 else None


def check_measure(
    ziel_id: object,
    base_version: object,
    titel: object,
    status: object,
    faellig: object,
    akteur: object,
    grund: object,
    *,
    goals: set[str],
    actors: set[str],
) -> list[str]:
    """Every problem of a Maßnahme save, in German; empty means it may be saved."""
    if not isinstance(ziel_id, str) or ziel_id not in goals:
        return ["Dieses Ziel gibt es nicht."]
    errors = []
    if whole(base_version) is None:
        errors.append("Die Version ist ungültig; bitte die Seite neu laden.")
    if not isinstance(titel, str) or not titel.strip():
        errors.append("Titel: bitte die Maßnahme benennen.")
    else:
        errors += check_text("Titel", titel, MAX_TITLE)
    if status not in STATUSES:
        errors.append(f"Unbekannter Status der Maßnahme „{str(status)[:40]}“.")
    if faellig not in ("", None) and due_date(faellig) is None:
        errors.append(
            f"Fällig am: „{str(faellig)[:20]}“ ist kein gültiges Datum "
            "(TT.MM.JJJJ, z. B. 31.03.2027)."
        )
    if akteur not in ("", None) and akteur not in actors:
        errors.append("Zuständig: bitte einen Akteur aus der Liste wählen.")
    errors += check_text("Begründung", grund, MAX_TEXT)
    return errors


def is_overdue(status: str, faellig: str, on: date) -> bool:
    """An open Maßnahme (geplant, laufend) whose due date lies before ``on``."""
    return (
        status in labels.MASSNAHME_OPEN and bool(faellig) and faellig < on.isoformat()
    )
