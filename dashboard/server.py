"""Flask-side pieces: secret key, login/logout routes, the 403 answer for refused writes."""

from __future__ import annotations

import functools
import os
import secrets
import time
import urllib.parse
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

import flask

from dashboard.config import Settings
from dashboard.current import reporting_point
from dashboard.data.mapdata import current_map_data
from dashboard.reports.briefing import BriefingUnavailable, Options, build_html
from dashboard.reports.figures import render as render_figure
from dashboard.reports.html import DRAW, DRAW_URL
from dashboard.reports.pdf import CACHE_HEADER, PRINTER, PdfPrinter
from dashboard.security import (
    FIGURE_LIMIT,
    PDF_LIMIT,
    check_csrf,
    install,
)
from dashboard.services import Services
from dashboard.store.auth import (
    SESSION_KEY,
    WriteRefused,
    current_user,
    end_sessions,
    login,
)


def secret_key(settings: Settings) -> str:
    """``SECRET_KEY`` if set, else a random key kept in the instance folder.

    Created atomically (``O_EXCL``), so several workers starting at once share one key.
    """
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.instance_dir) / "secret_key"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secrets.token_hex(32))
    for _ in range(50):  # another worker may be writing it right now
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
        time.sleep(0.02)
    raise RuntimeError(f"{path} ist leer.")


def _safe_next(target: str | None) -> str:
    """Only same-site paths are allowed as redirect targets."""
    parsed = urlparse(target or "/")
    if parsed.scheme or parsed.netloc or not (target or "/").startswith("/"):
        return "/"
    return target or "/"


def configure(server: flask.Flask, services: Services) -> None:
    """Attach services, session settings and the auth routes to ``server``."""
    server.extensions["integrationsmonitor"] = services
    server.secret_key = secret_key(services.settings)
    limiter = install(server, services.settings)

    @server.post("/auth/anmelden")
    @limiter.limit(services.settings.login_limit)
    def anmelden():  # noqa: ANN202
        check_csrf()
        result = login(
            services.engine,
            flask.request.form.get("name", "").strip(),
            flask.request.form.get("passwort", ""),
        )
        if result == "gesperrt":
            return flask.redirect("/anmelden?fehler=gesperrt", code=303)
        if result == "falsch":
            return flask.redirect("/anmelden?fehler=1", code=303)
        flask.session.clear()
        flask.session[SESSION_KEY] = result
        return flask.redirect(_safe_next(flask.request.form.get("weiter")), code=303)

    @server.post("/auth/abmelden")
    def abmelden():  # noqa: ANN202
        check_csrf()
        user = current_user()
        if user:
            end_sessions(services.engine, user["name"])
        flask.session.clear()
        return flask.redirect("/", code=303)

    geometry = {  # built on first request, not at start
        "gemeinden.geojson": lambda: (
            Path(services.settings.geo_dir) / "gemeinden.geojson"
        ).read_bytes(),
        "sozialraeume.geojson": lambda: services.sozialraeume.to_json(
            drop_id=True
        ).encode(),
    }

    @functools.cache
    def geometry_bytes(name: str) -> bytes:
        return geometry[name]()

    @server.get("/geo/<name>")
    def geo(name: str):  # noqa: ANN202
        if name not in geometry:
            flask.abort(404)
        response = flask.Response(geometry_bytes(name), mimetype="application/geo+json")
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response

    @server.after_request
    def preload_geometry(response: flask.Response) -> flask.Response:
        # The map page needs its geometry right after plotly.js: fetch both in parallel.
        if flask.request.path == "/karte" and response.mimetype == "text/html":
            response.headers.add(
                "Link", "</geo/gemeinden.geojson>; rel=preload; as=fetch; crossorigin"
            )
        return response

    def briefing_options() -> Options:
        area = flask.request.args.get("sozialraum")
        raw = flask.request.args.get("szenario", "")
        change = (
            int(raw) if raw.lstrip("-").isdigit() and -50 <= int(raw) <= 200 else None
        )
        point = reporting_point(
            services.engine, flask.request.args.get("berichtsstand")
        )
        # a second map (issue 10): only a colouring the map knows (one PDF per choice)
        indicator = flask.request.args.get("indikator") or ""
        known = current_map_data(point.id if point else None).indicator(indicator)
        return Options(
            area if area in set(services.sozialraeume["sozialraum"]) else None,
            change,
            point,
            indicator if known else None,
        )

    def unknown_reporting_point() -> flask.Response | None:
        """A German 404 for ``?berichtsstand=`` naming no closed Berichtsstand."""
        stand = (flask.request.args.get("berichtsstand") or "").strip()
        if not stand or reporting_point(services.engine, stand) is not None:
            return None
        msg = f"Einen Berichtsstand „{stand}“ gibt es nicht."
        return flask.Response(msg, status=404, mimetype="text/plain")

    @server.get("/briefing")
    def briefing_page():  # noqa: ANN202
        if (refused := unknown_reporting_point()) is not None:
            return refused
        try:
            return build_html(services, briefing_options())
        except BriefingUnavailable as exc:
            return flask.Response(str(exc), status=503, mimetype="text/plain")

    printer = PdfPrinter()  # one browser and one print queue per process
    server.extensions[PRINTER] = printer

    @server.get(DRAW_URL)
    def briefing_draw():  # noqa: ANN202  (a file, so the print view obeys the CSP)
        response = flask.Response(DRAW, mimetype="text/javascript")
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response

    def briefing_key() -> tuple:
        return (services.repo.version(), briefing_options())

    # Only a generated PDF counts against the limit; a cached one costs nothing.
    @server.get("/briefing.pdf")
    @limiter.limit(
        PDF_LIMIT,
        exempt_when=lambda: printer.cached(briefing_key()) is not None,
        deduct_when=lambda r: r.headers.get(CACHE_HEADER) == "neu",
    )
    def briefing_pdf():  # noqa: ANN202
        if (refused := unknown_reporting_point()) is not None:
            return refused
        opts = briefing_options()
        try:
            pdf, fresh = printer.pdf(
                briefing_key(),
                lambda plotly_src: build_html(services, opts, plotly_src),
            )
        except BriefingUnavailable as exc:
            return flask.Response(str(exc), status=503, mimetype="text/plain")
        name = f"Kreistag-Briefing_Integration_{datetime.now():%Y-%m-%d}.pdf"
        return flask.Response(
            pdf,
            mimetype="application/pdf",
            headers={
                "Content-Disposition": f'attachment; filename="{name}"',
                CACHE_HEADER: "neu" if fresh else "zwischengespeichert",
            },
        )

    @server.get("/abbildung/<name>.<fmt>")
    @limiter.limit(FIGURE_LIMIT)
    def figure_file(name: str, fmt: str):  # noqa: ANN202
        try:
            if (refused := unknown_reporting_point()) is not None:
                return refused
            stand = flask.request.args.get("berichtsstand")
            point = reporting_point(services.engine, stand) if stand else None
            content, filename = render_figure(services, name, fmt, point)
        except KeyError:
            flask.abort(404)
        except BriefingUnavailable as exc:
            return flask.Response(str(exc), status=503, mimetype="text/plain")
        mimetype = "image/svg+xml" if fmt == "svg" else "image/png"
        quoted = urllib.parse.quote(filename)
        return flask.Response(
            content,
            mimetype=mimetype,
            headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quoted}"},
        )

    @server.errorhandler(WriteRefused)
    def refused(exc: WriteRefused):  # noqa: ANN202
        return flask.jsonify({"fehler": str(exc)}), 403
