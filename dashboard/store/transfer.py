"""Copy a database into an empty one (SQLite → PostgreSQL) and fingerprint tables.

The copy runs the migrations on the target, inserts every table of the store in
foreign-key order in one transaction, moves PostgreSQL's id sequences past the copied
ids and verifies the row counts; a mismatch rolls everything back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from sqlalchemy import Connection, Engine, Table, func, select, text

from dashboard.store.db import migrate
from dashboard.store.models import metadata

BATCH = 2000


class TransferError(RuntimeError):
    """A copy or verification failed; ``str()`` is the German message."""


def tables() -> list[Table]:
    """Every table of the store, parents before children."""
    return list(metadata.sorted_tables)


def row_counts(conn: Connection) -> dict[str, int]:
    return {
        t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
        for t in tables()
    }


def _ordered_rows(conn: Connection, table: Table) -> Iterator[tuple]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(yield_per=BATCH).execute(
        select(table).order_by(*order)
    )
    for row in result:
        yield tuple(row)


def fingerprints(conn: Connection) -> dict[str, dict]:
    """Row count and SHA-256 over all rows (in key order) of every table."""
    out = {}
    for table in tables():
        digest, count = hashlib.sha256(), 0
        for row in _ordered_rows(conn, table):
            digest.update(repr(row).encode())
            count += 1
        out[table.name] = {"zeilen": count, "sha256": digest.hexdigest()}
    return out


def copy_database(source: Engine, target: Engine) -> dict[str, int]:
    """Copy every table from ``source`` into the empty store at ``target``.

    Returns
    -------
    dict
        Rows per table, verified equal in source and target.

    Raises
    ------
    TransferError
        If the target already holds data or the counts differ after the copy.
    """
    migrate(source)
    migrate(target)
    with target.connect() as conn:
        filled = {n: c for n, c in row_counts(conn).items() if c}
    if filled:
        raise TransferError(
            "Die Zieldatenbank ist nicht leer ("
            + ", ".join(f"{n}: {c} Zeilen" for n, c in sorted(filled.items()))
            + "). Es wurde nichts kopiert."
        )
    with source.connect() as src, target.begin() as dst:
        expected = row_counts(src)
        for table in tables():
            batch = []
            for row in _ordered_rows(src, table):
                batch.append(dict(zip(table.columns.keys(), row, strict=True)))
                if len(batch) >= BATCH:
                    dst.execute(table.insert(), batch)
                    batch = []
            if batch:
                dst.execute(table.insert(), batch)
        if target.dialect.name == "postgresql":
            _advance_sequences(dst)
        copied = row_counts(dst)
        if copied != expected:
            diff = {n: (expected[n], copied.get(n)) for n in expected}
            raise TransferError(
                "Zeilenzahlen nach dem Kopieren verschieden; nichts übernommen: "
                + ", ".join(f"{n} {a}≠{b}" for n, (a, b) in diff.items() if a != b)
            )
    return copied


def _advance_sequences(conn: Connection) -> None:
    for table in tables():
        for col in table.primary_key.columns:
            if col.autoincrement is True:
                conn.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence(:t, :c), "
                        f"COALESCE((SELECT MAX({col.name}) FROM {table.name}), 0) + 1, false)"
                    ),
                    {"t": table.name, "c": col.name},
                )
