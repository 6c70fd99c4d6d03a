"""Users and the server-side role check."""

from __future__ import annotations

import flask
import pytest
from sqlalchemy import select

from dashboard.store.auth import (
    ADMINISTRATION,
    BEARBEITUNG,
    SESSION_KEY,
    WriteRefused,
    create_user,
    require_role,
    verify,
)
from dashboard.store.db import make_engine, migrate
from dashboard.store.models import benutzer


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


def test_require_role():
    app = flask.Flask(__name__)
    app.secret_key = "x"
    with app.test_request_context():
        with pytest.raises(WriteRefused, match="melden Sie sich an"):
            require_role()
        flask.session[SESSION_KEY] = {"name": "anna", "rolle": BEARBEITUNG}
        assert require_role()["name"] == "anna"
        with pytest.raises(WriteRefused, match="Administration"):
            require_role(ADMINISTRATION)
        flask.session[SESSION_KEY] = {"name": "bob", "rolle": ADMINISTRATION}
        assert require_role(BEARBEITUNG)["name"] == "bob"


def test_repeated_failures_lock_the_name(engine):
    from dashboard.store.auth import MAX_FAILURES, locked, record_failure

    create_user(engine, "anna", "geheim-genug-123", BEARBEITUNG)
    for _ in range(MAX_FAILURES - 1):
        record_failure(engine, "anna")
    assert not locked(engine, "anna")
    record_failure(engine, "anna")
    assert locked(engine, "anna") and not locked(engine, "bert")
