"""gunicorn settings for ``gunicorn app:server`` (see README, "Betrieb").

The master prepares the store once (migrations, seeding, session key) before the
workers start, so several workers never migrate or seed the same database at once.
Environment: ``WEB_CONCURRENCY`` (workers, default 2), ``IM_THREADS`` (threads per
worker, default 4), ``IM_BIND`` (default 127.0.0.1:``DASH_PORT``; behind a reverse
proxy keep it on loopback), ``IM_KEEPALIVE`` (seconds, default 5).
"""

import os

bind = os.environ.get("IM_BIND", f"127.0.0.1:{os.environ.get('DASH_PORT', '8050')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("IM_THREADS", "4"))
timeout = 120
keepalive = int(os.environ.get("IM_KEEPALIVE", "5"))
graceful_timeout = 30
limit_request_line = 8190
accesslog = "-"


def on_starting(server):  # noqa: ANN001, ARG001
    from dashboard.config import Settings
    from dashboard.server import secret_key
    from dashboard.services import start

    settings = Settings.from_env()
    start(settings).engine.dispose()
    secret_key(settings)
