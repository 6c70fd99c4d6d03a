"""HTTP hardening of the Flask server: headers, CSP, CSRF, rate limits, body limits, errors.

One place decides these rules; ``dashboard.server.configure`` installs them before it
adds its routes. The CSP allows only this server (plus the hashes Dash lists for its
inline scripts): nothing external can load.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

import flask
from dash.exceptions import DependencyException
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, generate_csrf, validate_csrf
from werkzeug.exceptions import BadRequest, HTTPException, RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard import labels
from dashboard.config import Settings
from dashboard.store.auth import SESSION_HOURS

LOG = logging.getLogger(__name__)
CSRF_FIELD = "csrf_token"
FORM_BYTES = 16 * 1024
# Uploads travel base64-encoded inside the callback JSON (4/3 of the file size): the
# limit lets a too-large file reach the upload guard, which answers in German.
CALLBACK_BYTES = 12 * 1024 * 1024
PDF_LIMIT = "3 per minute"
FIGURE_LIMIT = "30 per minute"
DASH_UPDATE = "/_dash-update-component"


def csrf_token() -> str:
    """The token for a form of this session (hidden field ``csrf_token``).

    Only a page render (Dash's callback) issues one: Dash also calls every layout
    to build its validation layout, which must not hand anonymous visitors a cookie.
    """
    if flask.has_request_context() and flask.request.path == DASH_UPDATE:
        return generate_csrf()
    return ""


def check_csrf() -> None:
    """Refuse a form POST without this session's token (HTTP 400)."""
    token = flask.request.form.get(CSRF_FIELD, "")  # 413 if the body is too large
    try:
        validate_csrf(token)
    except Exception as exc:  # noqa: BLE001  ValidationError of wtforms
        raise CSRFError(labels.CSRF_FAILED) from exc


def content_security_policy(script_hashes: list[str]) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # plotly.js and Dash components set inline styles
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{k} {' '.join(v)}" for k, v in directives.items())


def install(server: flask.Flask, settings: Settings) -> Limiter:
    """Apply proxy handling, cookie flags, limits, error handlers; return the limiter."""
    if settings.proxy_hops > 0:
        n = settings.proxy_hops
        server.wsgi_app = ProxyFix(
            server.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n, x_prefix=n
        )
    server.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
        MAX_CONTENT_LENGTH=FORM_BYTES,
        WTF_CSRF_TIME_LIMIT=SESSION_HOURS * 3600,
        WTF_CSRF_FIELD_NAME=CSRF_FIELD,
        RATELIMIT_HEADERS_ENABLED=True,
    )

    @server.before_request
    def limit_body() -> None:
        request = flask.request
        if request.path == DASH_UPDATE:
            request.max_content_length = CALLBACK_BYTES
        if (request.content_length or 0) > request.max_content_length:
            raise RequestEntityTooLarge()
        if request.path == DASH_UPDATE:
            body = flask.request.get_json(silent=True)
            if not _plausible_callback(body):
                raise BadRequest(labels.BAD_REQUEST)

    @server.after_request
    def security_headers(response: flask.Response) -> flask.Response:
        headers = response.headers
        headers["Content-Security-Policy"] = content_security_policy(
            server.config["IM_SCRIPT_HASHES"]()
        )
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "same-origin"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        headers["Server"] = "Integrationsmonitor"
        if flask.request.is_secure:
            headers["Strict-Transport-Security"] = "max-age=31536000"
        return response

    server.config["IM_SCRIPT_HASHES"] = list

    @server.errorhandler(CSRFError)
    def csrf_failed(exc: CSRFError):  # noqa: ANN202
        return _text(labels.CSRF_FAILED, 400)

    @server.errorhandler(HTTPException)
    def http_error(exc: HTTPException):  # noqa: ANN202
        if exc.code == 429:
            return _text(labels.TOO_MANY_REQUESTS, 429)
        if exc.code == 413:
            return _text(labels.TOO_LARGE, 413)
        if exc.code == 404:
            return _text(labels.NOT_FOUND, 404)
        if exc.code == 400:
            return _text(labels.BAD_REQUEST, 400)
        return exc

    @server.errorhandler(DependencyException)
    def unknown_bundle(exc: DependencyException):  # noqa: ANN202
        return _text(labels.NOT_FOUND, 404)

    @server.errorhandler(Exception)
    def unexpected(exc: Exception):  # noqa: ANN202
        # The trace goes to the server log, never to the client.
        LOG.exception("Unerwarteter Fehler bei %s", flask.request.path)
        if flask.request.path == DASH_UPDATE:
            # The browser only sends values its components offer; a callback that
            # cannot use its inputs was sent a forged request (400). A bug shows up
            # the same way in the log and as a console error in the browser tests.
            return _text(labels.BAD_REQUEST, 400)
        return _text(labels.SERVER_ERROR, 500)

    return Limiter(
        get_remote_address,
        app=server,
        storage_uri="memory://",
        default_limits=[],
    )


def set_script_hashes(server: flask.Flask, hashes: Callable[[], list[str]]) -> None:
    """Allow exactly the inline scripts ``hashes()`` lists (``Dash.csp_hashes``).

    Asked per response: Dash adds the pages' inline scripts only at its first request.
    """
    server.config["IM_SCRIPT_HASHES"] = hashes


def _plausible_callback(body: object) -> bool:
    """The shape Dash's renderer sends; anything else is a malformed request (400)."""
    return (
        isinstance(body, dict)
        and isinstance(body.get("output"), str)
        and isinstance(body.get("inputs", []), list)
        and isinstance(body.get("state", []), list)
        and isinstance(body.get("outputs", {}), dict | list)
        and all(isinstance(i, dict | list) for i in body.get("inputs", []))
        and all(isinstance(i, dict | list) for i in body.get("state", []))
    )


def _text(message: str, status: int) -> flask.Response:
    return flask.Response(message, status=status, mimetype="text/plain")
