"""Read interface for the views: every page reads its tables through here."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from sqlalchemy import Engine, func, select

from dashboard.current import counted_imports, records
from dashboard.data.records import TABLE
from dashboard.data.schemas import SCHEMAS
from dashboard.store import records as record_store
from dashboard.store.daz_imports import all_rows
from dashboard.store.models import REFERENCE, audit, datensatz


class Repository:
    """Cached, read-only access to the store.

    Frames are cached per data version (the newest audit id), so an edit shows at
    once while repeated reads cost nothing. Callers get lazy (copy-on-write) copies and may change them.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self._read = lru_cache(maxsize=64)(self._read_uncached)
        self._records = lru_cache(maxsize=8)(self._records_uncached)
        self._imports = lru_cache(maxsize=4)(self._imports_uncached)

    def version(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                select(func.coalesce(func.max(audit.c.id), 0))
            ).scalar_one()

    def table(self, name: str) -> pd.DataFrame:
        """One reference table in file order, typed as its CSV schema."""
        return self._read(name, self.version()).copy(deep=False)

    def _read_uncached(self, name: str, _version: int) -> pd.DataFrame:
        table = REFERENCE[name]
        with self.engine.connect() as conn:
            frame = pd.read_sql(select(table).order_by(table.c.zeile), conn)
        frame = frame.drop(columns="zeile")
        return frame.astype(
            {c: str(col.dtype) for c, col in SCHEMAS[name].columns.items()}
        )

    def stands(self, names: list[str]) -> dict[str, list[str]]:
        """The distinct ``stand`` values of reference tables (for the Datenstand)."""
        with self.engine.connect() as conn:
            return {
                name: list(
                    conn.execute(select(REFERENCE[name].c.stand).distinct()).scalars()
                )
                for name in names
            }

    def schools(self) -> pd.DataFrame:
        """``schulen_daz`` with each school's ``gemeinde`` and ``sozialraum``."""
        areas = self.table("sozialraeume")[["ags", "gemeinde", "sozialraum"]]
        return self.table("schulen_daz").merge(areas, on="ags", validate="many_to_one")

    def records(self, kind: str) -> pd.DataFrame:
        """Current ``akteur``, ``angebot`` or ``beziehung`` rows: file plus saved
        versions (``dashboard.data.records.overlay``), with ``version`` and ``ende``."""
        return self._records(kind, self.version()).copy(deep=False)

    def _records_uncached(self, kind: str, _version: int) -> pd.DataFrame:
        versions = record_store.history(self.engine)
        return records(kind, self.table(TABLE[kind]), versions)

    def actor_names(self) -> pd.DataFrame:
        """``akteur_id`` and ``name`` of every actor, by name (e.g. to pick a goal owner)."""
        return (
            self.records("akteur")[["akteur_id", "name"]]
            .sort_values("name")
            .reset_index(drop=True)
        )

    def import_rows(self) -> pd.DataFrame:
        """Rows of every DaZ import with its status; ``dashboard.current`` decides
        which of them count."""
        return self._imports(self.version()).copy(deep=False)

    def imported_daz(self) -> pd.DataFrame:
        """Rows of the imports that count now (``dashboard.current.counted_imports``)."""
        return counted_imports(self.import_rows())

    def _imports_uncached(self, _version: int) -> pd.DataFrame:
        return all_rows(self.engine)

    def datasets(self) -> pd.DataFrame:
        """Name, checksum, row count and load time of every seeded dataset."""
        with self.engine.connect() as conn:
            return pd.read_sql(select(datensatz).order_by(datensatz.c.name), conn)

    def audit_log(self, limit: int = 50) -> pd.DataFrame:
        with self.engine.connect() as conn:
            return pd.read_sql(
                select(audit).order_by(audit.c.id.desc()).limit(limit), conn
            )
