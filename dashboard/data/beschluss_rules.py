"""The rules for recording a Beschluss, checked on the server for every save.

The form shows the same limits, but a request can be forged: ``check`` decides and
the store refuses what it returns. Messages are German and name the field, so the
form can show each one next to its input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard.data.goal_rules import FIRST_YEAR, MAX_TEXT
from dashboard.data.messwert_upload import parse_date
from dashboard.data.schemas import GREMIEN

ACTIVE = "gültig"
WITHDRAWN = "zurückgezogen"
WHOLE_CONCEPT = "gesamtes Konzept"
MAX_NUMBER = 64
# Bodies that number their decisions; the Lenkungsgruppe may not.
NUMBERED = ("Kreistag", "Ausschuss des Kreistags")
# The actor directory's entry for each body (for links from the actor detail).
GREMIUM_ACTOR = {"Kreistag": "kreistag", "Lenkungsgruppe": "lenkungsgruppe"}
FIELDS = ("datum", "gremium", "nummer", "text", "ziele", "grund")


@dataclass(frozen=True)
class Decision:
    """A checked Beschluss as stored (``datum`` ISO, ``ziele`` space-separated)."""

    datum: str
    gremium: str
    nummer: str
    text: str
    ziele: str
    bezug: str


class Invalid(ValueError):
    """Refused input; ``errors`` maps each field to its German message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))


def _date(value: object, today: date) -> tuple[str | None, str | None]:
    if not isinstance(value, str) or not value.strip():
        return None, "Bitte das Datum des Beschlusses angeben (TT.MM.JJJJ)."
    parsed = parse_date(value) if len(value) <= 20 else None
    if parsed is None or len(parsed) != 10:
        return (
            None,
            "Das Datum bitte als Tag, Monat und Jahr angeben, z. B. 17.03.2016.",
        )
    if not FIRST_YEAR <= int(parsed[:4]) or parsed > today.isoformat():
        return None, (
            f"Das Datum muss zwischen 01.01.{FIRST_YEAR} und heute liegen "
            "(ein Beschluss wird erfasst, wenn er gefasst ist)."
        )
    return parsed, None


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def check(
    values: dict,
    goal_ids: list[str],
    others: list[tuple[str, str]],
    today: date | None = None,
) -> Decision:
    """A valid :class:`Decision` from form ``values``, else :class:`Invalid`.

    Parameters
    ----------
    values : dict
        ``datum`` (German date), ``gremium``, ``nummer``, ``text``, ``ziele`` (list
        of goal IDs) and ``gesamt`` (the decision concerns the whole concept).
    goal_ids : list of str
        The goals a Beschluss may be linked to.
    others : list of (gremium, nummer)
        Numbers already taken by other Beschlüsse that count.
    """
    errors: dict[str, str] = {}
    datum, problem = _date(values.get("datum"), today or date.today())
    if problem:
        errors["datum"] = problem
    gremium = values.get("gremium")
    if gremium not in GREMIEN:
        errors["gremium"] = f"Bitte das Gremium wählen ({', '.join(GREMIEN)})."
    nummer = _text(values.get("nummer"))
    if len(nummer) > MAX_NUMBER:
        errors["nummer"] = f"Die Nummer darf höchstens {MAX_NUMBER} Zeichen lang sein."
    elif not nummer and gremium in NUMBERED:
        errors["nummer"] = (
            f"Beschlüsse des Gremiums „{gremium}“ haben eine Nummer, z. B. 16/6/0289."
        )
    elif nummer and (gremium, nummer) in others:
        errors["nummer"] = f"Beschluss Nr. {nummer} ({gremium}) ist bereits erfasst."
    text = _text(values.get("text"))
    if not text:
        errors["text"] = "Bitte den Inhalt des Beschlusses angeben."
    elif len(text) > MAX_TEXT:
        errors["text"] = f"Der Text darf höchstens {MAX_TEXT} Zeichen lang sein."
    ziele = values.get("ziele") or []
    if not isinstance(ziele, list) or not all(isinstance(z, str) for z in ziele):
        ziele = []
        errors["ziele"] = "Bitte die verknüpften Ziele aus der Liste wählen."
    unknown = [z for z in ziele if z not in goal_ids]
    if unknown:
        errors["ziele"] = f"Unbekannte Ziele: {', '.join(unknown)}."
    if errors:
        raise Invalid(errors)
    ordered = [g for g in goal_ids if g in ziele]
    return Decision(
        datum=datum,
        gremium=gremium,
        nummer=nummer,
        text=text,
        ziele=" ".join(ordered),
        bezug=WHOLE_CONCEPT if values.get("gesamt") is True else "",
    )


def check_reason(value: object, what: str) -> str:
    """The reason for a correction or withdrawal (required), else :class:`Invalid`."""
    reason = _text(value)
    if not reason:
        raise Invalid({"grund": f"Bitte den Grund der {what} angeben."})
    if len(reason) > MAX_TEXT:
        raise Invalid(
            {"grund": f"Der Grund darf höchstens {MAX_TEXT} Zeichen lang sein."}
        )
    return reason
