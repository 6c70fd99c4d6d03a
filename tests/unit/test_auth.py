"""Users and the server-side role check."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import flask
import pytest
from sqlalchemy import select

from dashboard.store import auth, users
from dashboard.store.auth import (
    ADMINISTRATION,
    BEARBEITUNG,
    MAX_FAILURES,
    SESSION_KEY,
    WriteRefused,
    create_user,
    current_user,
    end_sessions,
    locked,
    login,
    require_role,
    verify,
)
from dashboard.store.db import make_engine, migrate
from dashboard.store.models import audit, benutzer


@pytest.fixture()
def engine(tmp_path):
    eng = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(eng)
    return eng


def test_password_is_hashed_and_verified(engine):
    create_user(engine, "anna", "geheim-genug-123", BEARBEITUNG)
    with engine.connect() as conn:
        stored = conn.execute(select(benutzer.c.passwort_hash)).scalar_one()
    assert "geheim-genug-123" not in stored
    assert verify(engine, "anna", "geheim-genug-123") == BEARBEITUNG
    assert verify(engine, "anna", "falsch-falsch-1") is None
    assert verify(engine, "niemand", "geheim-genug-123") is None


@pytest.mark.parametrize(
    ("name", "password", "rolle", "message"),
    [
        ("a", "kurz", BEARBEITUNG, "mindestens 10"),
        ("a", "lang-genug-123", "Chef", "Unbekannte Rolle"),
    ],
)
def test_invalid_users_rejected(engine, name, password, rolle, message):
    with pytest.raises(ValueError, match=message):
        create_user(engine, name, password, rolle)


def test_duplicate_user_rejected(engine):
    create_user(engine, "anna", "geheim-genug-123", BEARBEITUNG)
    with pytest.raises(ValueError, match="existiert bereits"):
        create_user(engine, "anna", "anderes-pw-1234", ADMINISTRATION)


def _request(engine):
    """A request context of a Flask app whose services carry ``engine``."""
    app = flask.Flask(__name__)
    app.secret_key = "x"
    app.extensions["integrationsmonitor"] = SimpleNamespace(engine=engine)
    return app.test_request_context()


def _session_for(engine, name, password):
    payload = login(engine, name, password)
    assert isinstance(payload, dict), payload
    return payload


def test_require_role_reads_current_state(engine):
    create_user(engine, "anna", "geheim-genug-123", BEARBEITUNG)
    create_user(engine, "bob", "geheim-genug-456", ADMINISTRATION)
    with _request(engine):
        with pytest.raises(WriteRefused, match="melden Sie sich an"):
            require_role()
    with _request(engine):
        flask.session[SESSION_KEY] = _session_for(engine, "anna", "geheim-genug-123")
        assert require_role()["name"] == "anna"
        with pytest.raises(WriteRefused, match="Administration"):
            require_role(ADMINISTRATION)
    with _request(engine):
        flask.session[SESSION_KEY] = _session_for(engine, "bob", "geheim-genug-456")
        assert require_role(ADMINISTRATION)["name"] == "bob"
    with _request(engine):  # a forged role in the cookie counts for nothing
        flask.session[SESSION_KEY] = {"name": "anna", "rolle": ADMINISTRATION}
        with pytest.raises(WriteRefused):
            require_role()


def test_disable_role_change_and_logout_take_effect_at_next_request(engine):
    create_user(engine, "anna", "geheim-genug-123", ADMINISTRATION)
    create_user(engine, "chef", "geheim-genug-456", ADMINISTRATION)
    cookie = _session_for(engine, "anna", "geheim-genug-123")

    def user():
        with _request(engine):
            flask.session[SESSION_KEY] = dict(cookie)
            return current_user()

    assert user()["rolle"] == ADMINISTRATION
    users.set_role(engine, "anna", BEARBEITUNG, by="chef")
    assert user() is None  # the old cookie is void after the change
    cookie = _session_for(engine, "anna", "geheim-genug-123")
    assert user()["rolle"] == BEARBEITUNG
    users.set_active(engine, "anna", False, by="chef")
    assert user() is None
    assert login(engine, "anna", "geheim-genug-123") == "falsch"
    users.set_active(engine, "anna", True, by="chef")
    cookie = _session_for(engine, "anna", "geheim-genug-123")
    end_sessions(engine, "anna")  # logout: a replayed cookie is void
    assert user() is None
    stale = {**_session_for(engine, "anna", "geheim-genug-123"), "seit": 0}
    cookie = stale
    assert user() is None  # older than SESSION_HOURS
    with engine.connect() as conn:
        actions = [r.aktion for r in conn.execute(select(audit).order_by(audit.c.id))]
    assert actions.count("Rolle geändert") == 1
    assert actions.count("Benutzer gesperrt") == 1
    with pytest.raises(ValueError, match="nicht selbst"):
        users.set_active(engine, "chef", False, by="chef")


def test_forty_parallel_wrong_passwords_lock_the_name(engine):
    create_user(engine, "anna", "geheim-genug-123", BEARBEITUNG)
    with ThreadPoolExecutor(max_workers=40) as pool:
        results = list(
            pool.map(lambda i: login(engine, "anna", f"falsch-{i:04d}-xx"), range(40))
        )
    assert results.count("falsch") == MAX_FAILURES
    assert results.count("gesperrt") == 40 - MAX_FAILURES
    assert locked(engine, "anna")
    assert login(engine, "anna", "geheim-genug-123") == "gesperrt"
    with engine.connect() as conn:  # failed-login audit rows stay bounded
        failures = conn.execute(
            select(audit).where(audit.c.aktion == "Anmeldung fehlgeschlagen")
        ).all()
    assert len(failures) == MAX_FAILURES


def test_unknown_names_cost_a_hash_check_too(engine, monkeypatch):
    calls = []
    real = auth.check_password_hash
    monkeypatch.setattr(
        auth, "check_password_hash", lambda h, p: calls.append(h) or real(h, p)
    )
    create_user(engine, "anna", "geheim-genug-123", BEARBEITUNG)
    assert login(engine, "niemand", "geheim-genug-123") == "falsch"
    assert login(engine, "anna", "falsch-falsch-1") == "falsch"
    assert len(calls) == 2
    start = time.perf_counter()
    verify(engine, "niemand", "x")
    unknown = time.perf_counter() - start
    start = time.perf_counter()
    verify(engine, "anna", "x")
    known = time.perf_counter() - start
    assert unknown > known / 4  # same hash work, not 10x faster


def test_dummy_hash_costs_what_a_new_password_costs():
    method = auth.generate_password_hash("x").split("$")[0]
    assert auth._DUMMY_HASH.split("$")[0] == method
    assert auth.check_password_hash(auth._DUMMY_HASH, "kein-benutzer-vorhanden")


def test_admin_password_reset_is_audited(engine):
    create_user(engine, "anna", "geheim-genug-123", BEARBEITUNG)
    with pytest.raises(ValueError, match="mindestens 10"):
        users.reset_password(engine, "anna", "kurz", by="chef")
    users.reset_password(engine, "anna", "neues-passwort-99", by="chef")
    assert verify(engine, "anna", "neues-passwort-99") == BEARBEITUNG
    assert users.list_users(engine).iloc[0]["aktiv"]
    with engine.connect() as conn:
        last = conn.execute(select(audit).order_by(audit.c.id.desc())).first()
    assert (last.benutzer, last.aktion) == ("chef", "Passwort zurückgesetzt")
