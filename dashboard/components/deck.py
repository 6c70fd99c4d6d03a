"""The meeting's agenda as it travels in the URL, and the deck frame around the slides.

URL arguments (all optional, shareable): ``folien`` (slide keys in order),
``minuten`` (minutes per item, same order), ``punkte`` and ``notizen`` (JSON objects
slide key -> agenda title / speaker notes), ``sozialraum``, ``indikator``,
``szenario`` (only when chosen), ``kontrast=1``, ``titel``, ``auto`` (seconds per
slide for a foyer screen), ``folie`` (start slide) and ``ansicht=referent`` (the
presenter view). The planner reads the same arguments back ("Beenden" keeps the
agenda).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

from dash import html

from dashboard import ids
from dashboard.components.slides import DEFAULT_AGENDA, SLIDE_TITLES
from dashboard.data.indicators import DEFAULT_INDICATOR, INDICATORS

AREAS = ("Meißen", "Riesa", "Großenhain", "Radebeul")
CONTRAST_CLASS = "im-deck-contrast"
PRESENTER = "referent"
MAX_MINUTES = 240
MAX_NOTE = 2000
PLAN_KEYS = (
    "folien",
    "minuten",
    "punkte",
    "notizen",
    "sozialraum",
    "indikator",
    "szenario",
    "kontrast",
    "titel",
    "auto",
    "berichtsstand",
)


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    minutes: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class Plan:
    items: tuple[Item, ...]
    area: str | None = None
    indicator: str = DEFAULT_INDICATOR
    scenario: int | None = None
    contrast: bool = False
    title: str = ""
    auto: int | None = None  # seconds per slide
    start: int = 1
    presenter: bool = False
    berichtsstand: str = ""  # id of a closed Berichtsstand (issue 10), "" = today


def _int(value: str | None, lo: int, hi: int) -> int | None:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return n if lo <= n <= hi else None


def _json_map(raw: str | None) -> dict[str, str]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v)[:MAX_NOTE] for k, v in data.items() if v}


def parse(query: dict) -> Plan:
    """The plan in ``query``; anything unknown or out of range falls back to defaults."""
    keys = [k for k in (query.get("folien") or "").split(",") if k in SLIDE_TITLES]
    keys = list(dict.fromkeys(keys)) or list(DEFAULT_AGENDA)
    minutes = (query.get("minuten") or "").split(",")
    titles, notes = _json_map(query.get("punkte")), _json_map(query.get("notizen"))
    items = tuple(
        Item(
            k,
            titles.get(k, "")[:120] or SLIDE_TITLES[k],
            _int(minutes[i], 1, MAX_MINUTES) if i < len(minutes) else None,
            notes.get(k, ""),
        )
        for i, k in enumerate(keys)
    )
    area = query.get("sozialraum")
    indicator = query.get("indikator") or DEFAULT_INDICATOR
    return Plan(
        items=items,
        area=area if area in AREAS else None,
        # "I-…": a catalogue indicator; the map slide shows it if the map knows it
        indicator=(
            indicator
            if indicator in INDICATORS or indicator.startswith("I-")
            else DEFAULT_INDICATOR
        ),
        scenario=_int(query.get("szenario"), -50, 200),
        contrast=query.get("kontrast") == "1",
        title=(query.get("titel") or "").strip()[:200],
        auto=_int(query.get("auto"), 5, 3600),
        start=_int(query.get("folie"), 1, 999) or 1,
        presenter=query.get("ansicht") == PRESENTER,
        berichtsstand=str(_int(query.get("berichtsstand"), 1, 10**9) or ""),
    )


def query_of(plan: Plan) -> dict[str, str]:
    """The URL arguments that describe ``plan`` (inverse of ``parse``)."""
    q = {"folien": ",".join(i.key for i in plan.items)}
    if any(i.minutes for i in plan.items):
        q["minuten"] = ",".join(str(i.minutes or "") for i in plan.items)
    titles = {i.key: i.title for i in plan.items if i.title != SLIDE_TITLES[i.key]}
    notes = {i.key: i.notes for i in plan.items if i.notes}
    if titles:
        q["punkte"] = json.dumps(titles, ensure_ascii=False, separators=(",", ":"))
    if notes:
        q["notizen"] = json.dumps(notes, ensure_ascii=False, separators=(",", ":"))
    if plan.area:
        q["sozialraum"] = plan.area
    if plan.indicator != DEFAULT_INDICATOR:
        q["indikator"] = plan.indicator
    if plan.scenario is not None:
        q["szenario"] = str(plan.scenario)
    if plan.contrast:
        q["kontrast"] = "1"
    if plan.title:
        q["titel"] = plan.title
    if plan.auto:
        q["auto"] = str(plan.auto)
    if plan.berichtsstand:
        q["berichtsstand"] = plan.berichtsstand
    return q


def url(path: str, plan: Plan, **extra: str) -> str:
    return path + "?" + urlencode({**query_of(plan), **extra}, safe=",")


def with_agenda(slides: list[html.Section], item: Item) -> list[html.Section]:
    """Tag an agenda item's slides with its title, minutes and notes (read by JS)."""
    for n, section in enumerate(slides):
        section.__setattr__("data-item", item.title)
        section.__setattr__("data-item-key", item.key)
        section.__setattr__("data-minutes", str(item.minutes or ""))
        section.__setattr__("data-notes", item.notes if n == 0 else "")
    return slides


def _button(text: str, action: str, label: str) -> html.Button:
    return html.Button(
        text,
        className="im-deck-btn",
        type="button",
        **{"data-deck": action, "aria-label": label},
    )


def deck(plan: Plan, slides: list[html.Section]) -> html.Div:
    heading = plan.title or "Sitzung der Lenkungsgruppe Integration"
    scope = f"Sozialraum {plan.area}" if plan.area else "ganzer Landkreis"
    bar = html.Div(
        [
            html.Div(
                [
                    html.Span(heading, className="im-deck-heading"),
                    html.Span(f" · {scope}", className="im-deck-scope"),
                ],
                className="im-deck-title",
            ),
            html.Div(
                [
                    _button("◀", "prev", "vorherige Folie"),
                    html.Span(
                        f"1 / {len(slides)}",
                        id=ids.DECK_COUNTER,
                        className="im-deck-counter",
                        **{"aria-live": "polite"},
                    ),
                    _button("▶", "next", "nächste Folie"),
                    *(
                        []
                        if plan.presenter
                        else [
                            _button(
                                "Referentenansicht",
                                "presenter",
                                "Referentenansicht in neuem Fenster",
                            )
                        ]
                    ),
                    _button("Vollbild", "fullscreen", "Vollbild ein oder aus"),
                    html.A(
                        "Beenden",
                        href=url("/sitzung-planen", plan),
                        className="im-deck-btn",
                        id=ids.DECK_END,
                    ),
                ],
                className="im-deck-tools",
            ),
        ],
        className="im-deck-bar",
    )
    presenter = (
        [
            html.Aside(
                [
                    html.Div(
                        [
                            html.Div(
                                [
                                    html.Span(
                                        "Sitzung", className="im-presenter-label"
                                    ),
                                    html.Span("0:00", id="sitzung-uhr-gesamt"),
                                ]
                            ),
                            html.Div(
                                [
                                    html.Span(
                                        "Tagesordnungspunkt",
                                        className="im-presenter-label",
                                    ),
                                    html.Span("0:00", id="sitzung-uhr-punkt"),
                                ]
                            ),
                        ],
                        className="im-presenter-clock",
                    ),
                    html.H2("", id="sitzung-punkt", className="im-presenter-item"),
                    html.H3("Notizen", className="im-presenter-label"),
                    html.Div("", id="sitzung-notizen", className="im-presenter-notes"),
                    html.H3("Als Nächstes", className="im-presenter-label"),
                    html.Div("", id="sitzung-naechste", className="im-presenter-next"),
                ],
                className="im-presenter-panel",
                **{"aria-label": "Referentenansicht"},
            )
        ]
        if plan.presenter
        else []
    )
    classes = ["im-deck"]
    if plan.contrast:
        classes.append(CONTRAST_CLASS)
    if plan.presenter:
        classes.append("im-presenter")
    return html.Div(
        [bar, html.Div(slides, className="im-deck-slides"), *presenter],
        id=ids.DECK,
        className=" ".join(classes),
        tabIndex="-1",
        **{
            "data-start": str(plan.start),
            "data-auto": str(plan.auto or ""),
            "role": "region",
            "aria-roledescription": "Foliensatz",
            "aria-label": heading,
        },
    )
