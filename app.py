"""Entry point: ``python app.py`` serves the dashboard; ``server`` is the WSGI app."""

import sys

from dashboard.config import Settings
from dashboard.data.loaders import DataError
from dashboard.web import create_app

settings = Settings.from_env()
try:
    app = create_app(settings)
except DataError as exc:
    sys.exit(
        "Die mitgelieferten Daten sind ungültig; der Start wurde abgebrochen:\n"
        + str(exc)
    )
server = app.server

if __name__ == "__main__":
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
