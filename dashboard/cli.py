"""Command line of the operators.

``python -m dashboard.cli benutzer-anlegen NAME --rolle Bearbeitung``
``python -m dashboard.cli datenbank-kopieren --nach postgresql+psycopg://…``
``python -m dashboard.cli sicherung DATEI`` / ``wiederherstellen DATEI``
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from dashboard.config import Settings
from dashboard.store.auth import ROLES, create_user
from dashboard.store.db import make_engine, migrate


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard.cli")
    sub = parser.add_subparsers(dest="befehl", required=True)
    add = sub.add_parser("benutzer-anlegen", help="Benutzer mit Rolle anlegen")
    add.add_argument("name")
    add.add_argument("--rolle", choices=ROLES, required=True)
    copy = sub.add_parser(
        "datenbank-kopieren",
        help="Alle Daten in eine leere Datenbank kopieren (z. B. SQLite → PostgreSQL)",
    )
    copy.add_argument("--von", help="Quelle (Standard: DATABASE_URL bzw. SQLite)")
    copy.add_argument("--nach", required=True, help="SQLAlchemy-URL des Ziels")
    save = sub.add_parser(
        "sicherung", help="Konsistente Sicherung im laufenden Betrieb"
    )
    save.add_argument("datei", type=Path)
    back = sub.add_parser("wiederherstellen", help="Sicherung einspielen und prüfen")
    back.add_argument("datei", type=Path)
    back.add_argument(
        "--ersetzen", action="store_true", help="SQLite-Datei überschreiben"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = Settings.from_env().database_url
    try:
        if args.befehl == "benutzer-anlegen":
            password = os.environ.get("IM_PASSWORT") or getpass.getpass("Passwort: ")
            engine = make_engine(url)
            migrate(engine)
            create_user(engine, args.name, password, args.rolle)
            print(f"Benutzer „{args.name}“ mit Rolle „{args.rolle}“ angelegt.")
        elif args.befehl == "datenbank-kopieren":
            from dashboard.store.transfer import copy_database

            counts = copy_database(make_engine(args.von or url), make_engine(args.nach))
            for name, rows in counts.items():
                print(f"{name}: {rows} Zeilen")
            print("Kopiert; Zeilenzahlen in Quelle und Ziel stimmen überein.")
        elif args.befehl == "sicherung":
            from dashboard.store.backup import backup

            manifest = backup(url, args.datei)
            total = sum(t["zeilen"] for t in manifest["tabellen"].values())
            print(f"Sicherung {args.datei} geschrieben und geprüft ({total} Zeilen).")
        else:
            from dashboard.store.backup import restore

            restore(args.datei, url, replace=args.ersetzen)
            print("Wiederhergestellt; Zeilenzahlen und Prüfsummen stimmen überein.")
    except (ValueError, RuntimeError) as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
