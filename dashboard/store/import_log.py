"""One page of an import log (school years, Messwerte, actor list): the three import
tables share the columns ``id, zeit, benutzer, dateiname, zeilen, status,
geaendert_von, geaendert_am``."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, Table, func, select


def page(
    engine: Engine, table: Table, limit: int, skip: int
) -> tuple[pd.DataFrame, int]:
    """Imports ``skip`` to ``skip + limit`` (newest first) and the total count."""
    query = select(table).order_by(table.c.id.desc()).offset(skip).limit(limit)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(table)).scalar_one()
        return pd.read_sql(query, conn), total
