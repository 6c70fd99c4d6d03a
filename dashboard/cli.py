"""Command line: ``python -m dashboard.cli benutzer-anlegen NAME --rolle Bearbeitung``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from dashboard.config import Settings
from dashboard.store.auth import ROLES, create_user
from dashboard.store.db import make_engine, migrate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.cli")
    sub = parser.add_subparsers(dest="befehl", required=True)
    add = sub.add_parser("benutzer-anlegen", help="Benutzer mit Rolle anlegen")
    add.add_argument("name")
    add.add_argument("--rolle", choices=ROLES, required=True)
    args = parser.parse_args(argv)
    password = os.environ.get("IM_PASSWORT") or getpass.getpass("Passwort: ")
    engine = make_engine(Settings.from_env().database_url)
    migrate(engine)
    try:
        create_user(engine, args.name, password, args.rolle)
    except ValueError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1
    print(f"Benutzer „{args.name}“ mit Rolle „{args.rolle}“ angelegt.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
