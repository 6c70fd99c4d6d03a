"""Entry point: ``python app.py`` serves the dashboard; ``server`` is the WSGI app."""

import gc
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
# Objects built at start (layouts, geometry, data) live as long as the process: move them
# out of the collector's view so full collections do not rescan them during requests
# (this removed the p95 outliers of bench_growth on the grown store).
gc.freeze()

if __name__ == "__main__":
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
