"""Which data is current: the one place that decides it; every view asks here.

Rules, per dataset (pinned by ``tests/unit/test_current.py``):

- **Imports** of school years count while they are active. Seen "as of" a moment
  (a Berichtsstand), an import counts if it was made by then and not reverted by then.
- **DaZ-Schüler (Landkreis)**: every school year with Landkreis rows, from the concept
  (Abb. 3) or a counted import. Current = the latest school year; its Quelle and Stand
  are those of that year's rows (for an import: the file's Quelle, i.e. the Fachamt,
  and Stand, plus import number, who and when).
- **Schulen (VKA-Schüler, Klassen, Reserve)**: the concept's Abb. 4 is school year
  2016/17; a counted import with school rows (phase DaZ 1/2) adds a later year. Current
  = the latest school year with school rows; schools without a row in that year are
  not shown for it.
- **Ziele**: the latest version of each goal (saved by then, for a Berichtsstand),
  with its owners (``akteure``; before owners were a list: ``verantwortlich``) and
  Fachamt.
- **Maßnahmen**: the latest version of each Maßnahme saved by then. It is overdue
  when it is still open (geplant, laufend) and its due date lies before the day
  looked at: today, or the day of the Berichtsstand's ``zeit``.
- **Indikatoren**: the bundled baselines (``indikatoren.csv``) and definitions made
  in the app; the latest version of an indicator replaces the bundled row.
- **Messwerte**: values entered with a goal edit, entered on the indicator page or
  imported (counted like school-year imports); a later entry for the same indicator,
  date and area replaces an earlier one. A value entered on the indicator page that
  was withdrawn ("zurückgenommen", by then) does not count, as if never entered: an
  earlier entry for the same indicator, date and area counts again. Per area
  (Gemeinde or Sozialraum) the current value is the one with the latest date
  (``latest_by_area``).
- **Akteure, Angebote, Beziehungen**: the bundled file row, replaced by the latest
  version saved for the record (by then, for a Berichtsstand); a version may add a
  record or, after the revert of the import that created it, remove it again. A record
  counts as ended when its status is "beendet" (an Angebot: "geschlossen"), with the
  date in ``ende``; nothing is deleted.
- **Beschlüsse**: the decisions the concept names (``beschluesse.csv``, version 0)
  and those recorded in the app; the latest version of each (saved by ``as_of``)
  replaces earlier ones and the file row; a withdrawn Beschluss does not count (the
  register still lists it, marked "zurückgezogen").
- **Bundled reference tables** (Kennzahlen, Einwohner, …): the seeded file; its Stand
  is the range of the rows' ``stand``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from dashboard.data.actors import STATUS as DIRECTORY_STATUS
from dashboard.data.beschluss_rules import ACTIVE as DECISION_ACTIVE
from dashboard.data.daz import BASE_YEAR, CAPACITY_COLUMNS, with_utilisation
from dashboard.data.measure_rules import is_overdue
from dashboard.data.records import ENDED, TABLE, overlay
from dashboard.formatting import fmt_stand, fmt_time
from dashboard.store import berichtsstaende
from dashboard.store import beschluesse as decision_store
from dashboard.store import goals as goal_store
from dashboard.store import indicators as indicator_store
from dashboard.store import measures as measure_store
from dashboard.store import records as record_store
from dashboard.store.import_log import ACTIVE

SCHOOL_NUMBERS = ["vka_schueler", "vka_klassen", "kapazitaetsreserve"]


@dataclass(frozen=True)
class Source:
    """Where a figure comes from: Quelle, Stand and, for an import, who brought it in."""

    quelle: str
    stand: str
    import_ids: tuple[int, ...] = ()
    benutzer: str = ""
    zeit: datetime | None = None

    def text(self) -> str:
        """German source line, e.g. "Quelle: Kreisschulamt (Import Nr. 3 …); Stand 01.02.2018"."""
        out = f"Quelle: {self.quelle}"
        if self.import_ids:
            nums = ", ".join(str(i) for i in self.import_ids)
            when = f" am {self.zeit:%d.%m.%Y}" if self.zeit is not None else ""
            out += f" (Import Nr. {nums}, eingespielt von {self.benutzer}{when})"
        return f"{out}; Stand {fmt_stand(self.stand)}"


def source_of(rows: pd.DataFrame) -> Source:
    """The Source of some rows: their Quellen, latest Stand and import (if any)."""
    # the first part of each row's Quelle (details such as addresses stay in the rows)
    quellen = "; ".join(
        dict.fromkeys(q.split(";")[0].strip() for q in rows["quelle"].astype(str))
    )
    stand = str(rows["stand"].max()) if len(rows) else ""
    if "import_id" not in rows or rows["import_id"].isna().all():
        return Source(quellen, stand)
    imported = rows[rows["import_id"].notna()]
    return Source(
        quellen,
        stand,
        tuple(sorted(int(i) for i in imported["import_id"].unique())),
        ", ".join(dict.fromkeys(imported["import_benutzer"])),
        imported["import_zeit"].max(),
    )


def counted_imports(rows: pd.DataFrame, as_of: datetime | None = None) -> pd.DataFrame:
    """Import rows (``daz_imports.all_rows``) that count now, or as of ``as_of``."""
    if as_of is None:
        return rows[rows["import_status"] == ACTIVE]
    at = pd.Timestamp(as_of)
    made = rows["import_zeit"] <= at
    reverted = (rows["import_status"] != ACTIVE) & (rows["import_geaendert_am"] <= at)
    return rows[made & ~reverted]


@dataclass(frozen=True)
class Enrolment:
    history: pd.DataFrame  # Landkreis rows of every counted school year
    year: str
    total: int
    previous_year: str | None
    previous_total: int | None
    source: Source


def enrolment(bundled: pd.DataFrame, imported: pd.DataFrame) -> Enrolment:
    """DaZ pupils (Landkreis) per school year; the latest year is current."""
    cols = ["schuljahr", "phase", "schueler", "quelle", "stand"]
    extra = [
        c for c in ("import_id", "import_benutzer", "import_zeit") if c in imported
    ]
    parts = [
        bundled.loc[bundled["ebene"] == "Landkreis", cols],
        imported.loc[imported["ebene"] == "Landkreis", cols + extra],
    ]
    lk = pd.concat([p for p in parts if len(p)], ignore_index=True)
    lk = lk.sort_values(["schuljahr", "phase"], ignore_index=True)
    totals = lk.groupby("schuljahr")["schueler"].sum().sort_index()
    year = totals.index[-1]
    prev = totals.index[-2] if len(totals) > 1 else None
    return Enrolment(
        history=lk,
        year=year,
        total=int(totals.iloc[-1]),
        previous_year=prev,
        previous_total=int(totals[prev]) if prev else None,
        source=source_of(lk[lk["schuljahr"] == year]),
    )


@dataclass(frozen=True)
class SchoolFigures:
    frame: (
        pd.DataFrame
    )  # one row per school: schulen_daz columns + gemeinde, sozialraum
    year: str
    source: Source


def school_years(imported: pd.DataFrame) -> list[str]:
    """School years with figures per school: the concept's 2016/17 and imported ones."""
    years = set(imported.loc[imported["ebene"] == "Schule", "schuljahr"]) | {BASE_YEAR}
    return sorted(years)


def school_figures(
    schools: pd.DataFrame, imported: pd.DataFrame, year: str | None = None
) -> SchoolFigures:
    """Figures per school for ``year`` (default: the current, i.e. latest, year).

    ``schools`` is ``Repository.schools()``. For an imported year the imported DaZ 1/2
    rows replace pupils, classes and reserve (the latter two may then be unknown).
    """
    year = year if year in school_years(imported) else school_years(imported)[-1]
    if year == BASE_YEAR:
        frame = schools.copy()
        return SchoolFigures(frame, year, source_of(frame))
    rows = imported[
        (imported["ebene"] == "Schule")
        & (imported["schuljahr"] == year)
        & (imported["phase"] == "DaZ 1/2")
    ].rename(columns={"schueler": "vka_schueler"})
    keep = ["schule_id", *SCHOOL_NUMBERS, "quelle", "stand"]
    meta = schools.drop(columns=[*SCHOOL_NUMBERS, "quelle", "stand"])
    frame = meta.merge(rows[keep], on="schule_id", how="inner")
    frame = frame[[*schools.columns]]
    return SchoolFigures(frame, year, source_of(rows))


def capacity_frame(figures: SchoolFigures) -> pd.DataFrame:
    """``CAPACITY_COLUMNS`` plus places and Auslastung, for tables and charts."""
    return with_utilisation(figures.frame[CAPACITY_COLUMNS])


def goal_status(
    versions: pd.DataFrame, goal_ids: list[str], as_of: datetime | None = None
) -> pd.DataFrame:
    """Latest version per goal, or the latest saved by ``as_of``."""
    if as_of is not None and len(versions):
        at = pd.Timestamp(as_of)
        zeit = pd.to_datetime(versions["zeit"], utc=True)
        versions = versions[zeit <= at]
    return goal_store.current(versions, goal_ids)


def measure_status(
    versions: pd.DataFrame, as_of: datetime | None = None, on: date | None = None
) -> pd.DataFrame:
    """Latest version of each Maßnahme (saved by ``as_of``), with ``ueberfaellig``.

    ``on`` is the day overdue is judged on: default the day of ``as_of``, or today.
    Ordered by goal, then due date (none last), then title.
    """
    latest = _until(versions, as_of)
    latest = latest.sort_values("version").groupby("massnahme_id").tail(1)
    day = on or (pd.Timestamp(as_of).date() if as_of is not None else date.today())
    latest = latest.assign(
        ueberfaellig=[
            is_overdue(s, f, day)
            for s, f in zip(latest["status"], latest["faellig"], strict=True)
        ],
        _ohne=latest["faellig"] == "",
    )
    return (
        latest.sort_values(["ziel_id", "_ohne", "faellig", "titel"])
        .drop(columns="_ohne")
        .reset_index(drop=True)
    )


INDICATOR_COLUMNS = [
    "indikator_id", "ziel_id", "name", "einheit", "richtung", "basis_wert",
    "basis_datum", "ziel_wert", "ziel_datum", "quelle", "methode",
    "aufschluesselung", "version", "benutzer", "zeit",
]  # fmt: skip
VALUE_COLUMNS = [
    "indikator_id",
    "datum",
    "gebiet",
    "wert",
    "quelle",
    "benutzer",
    "zeit",
    "eintrag_id",  # the entry (messwert_eintrag.id); empty for goal-edit values
    "import_id",  # empty for values entered by hand
]


def saved_by(frame: pd.DataFrame, as_of: datetime | None) -> pd.DataFrame:
    """Rows of an append-only history (``zeit``) saved by ``as_of`` (all if None)."""
    return _until(frame, as_of)


def _until(frame: pd.DataFrame, as_of: datetime | None) -> pd.DataFrame:
    if as_of is None or frame.empty:
        return frame
    return frame[pd.to_datetime(frame["zeit"], utc=True) <= pd.Timestamp(as_of)]


def indicator_catalogue(
    bundled: pd.DataFrame, versions: pd.DataFrame, as_of: datetime | None = None
) -> pd.DataFrame:
    """One row per indicator: the latest version saved (by ``as_of``), else the file."""
    base = bundled.assign(
        methode="", aufschluesselung="", version=0, benutzer="", zeit=pd.NaT
    )
    latest = (
        _until(versions, as_of).sort_values("version").groupby("indikator_id").tail(1)
    )
    base = base[~base["indikator_id"].isin(latest["indikator_id"])]
    parts = [p[INDICATOR_COLUMNS] for p in (base, latest) if len(p)]
    out = pd.concat(parts, ignore_index=True) if parts else base[INDICATOR_COLUMNS]
    return out.sort_values(["ziel_id", "indikator_id"], ignore_index=True)


def measured_values(
    from_goal_edits: pd.DataFrame, entries: pd.DataFrame, as_of: datetime | None = None
) -> pd.DataFrame:
    """Values that count (by ``as_of``); latest entry per indicator, date and area.

    ``from_goal_edits`` are ``messwert`` rows with the ``benutzer``/``zeit`` of their
    goal version; ``entries`` come from ``dashboard.store.indicators.entries``.
    """
    legacy = from_goal_edits.assign(gebiet="", eintrag_id=pd.NA, import_id=pd.NA)
    if len(entries):
        imported = entries["import_id"].notna()
        live = entries["import_status"] == ACTIVE
        withdrawn = entries["widerruf_zeit"].notna()
        if as_of is not None:
            at = pd.Timestamp(as_of)
            live = live | (entries["import_geaendert_am"] > at).fillna(False)
            withdrawn = withdrawn & (entries["widerruf_zeit"] <= at).fillna(False)
        entries = entries[(~imported | live) & ~withdrawn].rename(
            columns={"id": "eintrag_id"}
        )
    parts = [_until(p, as_of)[VALUE_COLUMNS] for p in (legacy, entries) if len(p)]
    if not parts:
        return pd.DataFrame(columns=VALUE_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["zeit"] = pd.to_datetime(out["zeit"], utc=True)
    out = out.sort_values("zeit", kind="stable")
    out = out.drop_duplicates(["indikator_id", "datum", "gebiet"], keep="last")
    return out.sort_values(["indikator_id", "datum", "gebiet"], ignore_index=True)


def record_versions(
    versions: pd.DataFrame, as_of: datetime | None = None
) -> pd.DataFrame:
    """The version of each actor, Angebot and relation that counts (saved by ``as_of``).

    ``versions`` is ``dashboard.store.records.history``: every saved version.
    """
    if as_of is not None and len(versions):
        zeit = pd.to_datetime(versions["zeit"], utc=True)
        versions = versions[zeit <= pd.Timestamp(as_of)]
    return versions.sort_values("version").groupby(["art", "schluessel"]).tail(1)


def records(
    kind: str,
    bundled: pd.DataFrame,
    versions: pd.DataFrame,
    as_of: datetime | None = None,
) -> pd.DataFrame:
    """Current ``akteur``, ``angebot`` or ``beziehung`` rows (as of ``as_of``): the
    file's rows with the counting versions applied (``dashboard.data.records.overlay``)."""
    return overlay(kind, bundled, record_versions(versions, as_of))


def is_ended(status: object) -> bool:
    """An actor or relation with status "beendet", an Angebot "geschlossen"."""
    return DIRECTORY_STATUS.get(str(status), str(status)) == ENDED


def ended(frame: pd.DataFrame) -> pd.Series:
    """``is_ended`` for every row of ``frame``."""
    return frame["status"].map(is_ended).astype(bool)


DECISION_COLUMNS = [
    "beschluss_id", "datum", "gremium", "nummer", "text", "ziele", "bezug",
    "fundstelle", "quelle", "stand", "status", "grund", "version", "benutzer", "zeit",
]  # fmt: skip


def decisions(
    bundled: pd.DataFrame,
    versions: pd.DataFrame,
    as_of: datetime | None = None,
    withdrawn: bool = False,
) -> pd.DataFrame:
    """Beschlüsse that count (by ``as_of``), oldest decision first.

    ``bundled`` is ``beschluesse.csv`` (version 0); ``versions`` come from
    ``dashboard.store.beschluesse.versions``. ``withdrawn=True`` keeps withdrawn
    ones (status "zurückgezogen") for the register.
    """
    base = bundled.assign(
        status=DECISION_ACTIVE, grund="", version=0, benutzer="", zeit=pd.NaT
    )
    latest = _until(versions, as_of).sort_values("version")
    latest = latest.groupby("beschluss_id").tail(1)
    if len(latest):
        when = pd.to_datetime(latest["zeit"], utc=True)
        latest = latest.assign(
            fundstelle="",
            quelle="Beschlusserfassung im Integrationsmonitor ("
            + latest["benutzer"]
            + ", "
            + when.map(fmt_time)
            + ")",
            stand=when.dt.strftime("%Y-%m-%d"),
        )
    base = base[~base["beschluss_id"].isin(latest["beschluss_id"])]
    parts = [p[DECISION_COLUMNS] for p in (base, latest) if len(p)]
    out = pd.concat(parts, ignore_index=True) if parts else base[DECISION_COLUMNS]
    if not withdrawn:
        out = out[out["status"] == DECISION_ACTIVE]
    return out.sort_values(["datum", "beschluss_id"], ignore_index=True)


def latest_by_area(values: pd.DataFrame, indikator_id: str) -> pd.DataFrame:
    """The current Messwert per area of one indicator: the one with the latest date.

    ``values`` is ``measured_values``; Landkreis values (``gebiet`` "") are left out.
    Returns the value rows (``gebiet``, ``datum``, ``wert``, ``quelle``, …), one per
    area, sorted by area.
    """
    own = values[(values["indikator_id"] == indikator_id) & (values["gebiet"] != "")]
    # dates are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD): text order is date order
    latest = own.sort_values("datum", kind="stable").groupby("gebiet").tail(1)
    return latest.sort_values("gebiet", ignore_index=True)


@dataclass(frozen=True)
class Reporting:
    """A closed Berichtsstand: views opened "zum Berichtsstand" show data as of ``zeit``."""

    id: int
    name: str
    datum: str
    zeit: datetime
    benutzer: str

    def label(self) -> str:
        return (
            f"Berichtsstand „{self.name}“ (Sitzung {fmt_stand(self.datum)}; abgeschlossen am "
            f"{fmt_time(self.zeit)} von {self.benutzer})"
        )


def reporting_points(engine) -> list[Reporting]:  # noqa: ANN001
    """All closed Berichtsstände, oldest first."""
    frame = berichtsstaende.listing(engine)
    return [
        Reporting(int(r.id), r.name, r.datum, r.zeit.to_pydatetime(), r.benutzer)
        for r in frame.itertuples()
    ]


def reporting_point(engine, value: object) -> Reporting | None:  # noqa: ANN001
    """The Berichtsstand a URL names (``?berichtsstand=3``), or None."""
    try:
        wanted = int(str(value))
    except (TypeError, ValueError):
        return None
    return next((r for r in reporting_points(engine) if r.id == wanted), None)


def previous_point(engine, point: Reporting | None) -> Reporting | None:  # noqa: ANN001
    """The Berichtsstand closed before ``point`` (before today if None), or None."""
    points = reporting_points(engine)
    if point is not None:
        points = [p for p in points if p.id < point.id]
    return points[-1] if points else None


class Snapshot:
    """What every view shows: now, or as of a moment (a Berichtsstand).

    Parameters
    ----------
    repo : Repository
        The store's read interface.
    as_of : datetime, optional
        Show the data as it was then (timezone-aware, UTC).
    reporting : Reporting, optional
        The Berichtsstand shown; its closing time is ``as_of``.
    unknown : str, optional
        A Berichtsstand the URL asked for that does not exist (the view shows
        today's data and says so).
    """

    def __init__(
        self,
        repo,  # noqa: ANN001
        as_of: datetime | None = None,
        reporting: Reporting | None = None,
        unknown: str = "",
    ):
        self.repo = repo
        self.reporting = reporting
        self.as_of = reporting.zeit if reporting else as_of
        self.unknown = "" if reporting else unknown
        # a page asks for these several times while it is built: worked out once
        self._imported: pd.DataFrame | None = None
        self._years: list[str] | None = None
        self._schools: dict[str, SchoolFigures] = {}

    def table(self, name: str) -> pd.DataFrame:
        """A bundled reference table: the seeded file is current, whatever ``as_of``."""
        return self.repo.table(name)

    def imported(self) -> pd.DataFrame:
        if self._imported is None:
            self._imported = counted_imports(self.repo.import_rows(), self.as_of)
        return self._imported.copy(deep=False)

    def enrolment(self) -> Enrolment:
        return enrolment(self.repo.table("daz_schuljahre"), self.imported())

    def school_years(self) -> list[str]:
        if self._years is None:
            self._years = school_years(self.imported())
        return list(self._years)

    def schools(self, year: str | None = None) -> SchoolFigures:
        years = self.school_years()
        year = year if year in years else years[-1]
        if year not in self._schools:
            self._schools[year] = school_figures(
                self.repo.schools(), self.imported(), year
            )
        found = self._schools[year]
        return SchoolFigures(found.frame.copy(deep=False), found.year, found.source)

    def records(self, kind: str) -> pd.DataFrame:
        """Actors (``akteur``), Angebote or relations as they were (``records``)."""
        if self.as_of is None:
            return self.repo.records(kind)
        bundled = self.repo.table(TABLE[kind])
        return records(kind, bundled, self.record_history(), self.as_of)

    def record_history(self) -> pd.DataFrame:
        """Every saved version of actors, Angebote and relations (who, when, why)."""
        return record_store.history(self.repo.engine)

    def goals(self) -> pd.DataFrame:
        ids = self.repo.table("ziele")["ziel_id"].tolist()
        latest = goal_store.latest_versions(self.repo.engine, ids, as_of=self.as_of)
        return goal_status(latest, ids, self.as_of)

    def measures(self, goal_ids: list[str] | None = None) -> pd.DataFrame:
        """Current Maßnahmen (``measure_status``), optionally of some goals."""
        versions = measure_store.history(self.repo.engine, goal_ids)
        return measure_status(versions, self.as_of)

    def indicators(self) -> pd.DataFrame:
        versions = indicator_store.versions(self.repo.engine)
        return indicator_catalogue(self.repo.table("indikatoren"), versions, self.as_of)

    def decisions(self, withdrawn: bool = False) -> pd.DataFrame:
        """Beschlüsse that count (``withdrawn=True``: also the withdrawn ones)."""
        versions = decision_store.versions(self.repo.engine)
        return decisions(
            self.repo.table("beschluesse"), versions, self.as_of, withdrawn
        )

    def values(self) -> pd.DataFrame:
        engine = self.repo.engine
        measured = goal_store.measurements(engine)
        goal_versions = goal_store.version_meta(engine, measured["ziel_version_id"])
        legacy = measured.merge(
            goal_versions, left_on="ziel_version_id", right_on="id", suffixes=("", "_v")
        )
        return measured_values(legacy, indicator_store.entries(engine), self.as_of)


TODAY = "heute"  # ?berichtsstand=heute: today's data, as in /veraenderungen?bis=heute


def snapshot(as_of: datetime | None = None, berichtsstand: object = None) -> Snapshot:
    """The snapshot of the serving app: now, as of a moment, or at a Berichtsstand
    (``berichtsstand`` is the URL value; an unknown one means "now", and the
    snapshot's ``unknown`` keeps it so the view can say so)."""
    from dashboard import services

    repo = services.get().repo
    wanted = str(berichtsstand or "").strip()
    wanted = "" if wanted == TODAY else wanted
    point = reporting_point(repo.engine, wanted) if wanted else None
    return Snapshot(repo, as_of, point, unknown=wanted)
