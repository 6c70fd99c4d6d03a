"""Two gunicorn workers share one truth: the store.

The test holds one keep-alive connection to each worker (found via /proc: which
worker process owns the server side of the connection) and shows that a login on
one worker works on the other, an edit through one is visible at the next request
to the other (also in cached pages), and a logout on one ends the session
on the other.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

from dashboard import ids
from dashboard.config import ROOT

GOAL = "Z-4.5-5"
USER, PASSWORD = "zwei-worker", "zwei-worker-pw-1"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()]


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _server_inode(server_port: int, client_port: int) -> str | None:
    """The inode of the server-side socket of the connection from ``client_port``."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = fields[1], fields[2]
        if (
            int(local.split(":")[1], 16) == server_port
            and int(remote.split(":")[1], 16) == client_port
        ):
            return fields[9]
    return None


class Client:
    """One keep-alive connection with its own cookie jar."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = ""

    def request(self, method: str, path: str, body=None, headers=None):  # noqa: ANN001
        headers = {**(headers or {}), "Cookie": self.cookie}
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        for value in response.headers.get_all("Set-Cookie") or []:
            self.cookie = value.split(";", 1)[0]
        return response.status, data.decode("utf-8", "replace")

    def page(self, pathname: str, search: str = "") -> str:
        body = {
            "output": ".._pages_content.children..._pages_store.data..",
            "outputs": [
                {"id": "_pages_content", "property": "children"},
                {"id": "_pages_store", "property": "data"},
            ],
            "inputs": [
                {"id": "_pages_location", "property": "pathname", "value": pathname},
                {"id": "_pages_location", "property": "search", "value": search},
            ],
            "changedPropIds": ["_pages_location.pathname"],
            "state": [],
        }
        status, text = self.request(
            "POST",
            "/_dash-update-component",
            json.dumps(body),
            {"Content-Type": "application/json"},
        )
        assert status == 200, text[:300]
        return json.dumps(json.loads(text), ensure_ascii=False)

    def form(self, path: str, fields: dict) -> tuple[int, str]:
        return self.request(
            "POST",
            path,
            urllib.parse.urlencode(fields),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def token(self) -> str:
        return re.search(
            r'"value": "([^"]+)", "type": "hidden", "name": "csrf_token"',
            self.page("/anmelden"),
        )[1]

    def worker(self, master: int) -> int | None:
        inode = _server_inode(self.port, self.conn.sock.getsockname()[1])
        for pid in _children(master):
            if inode in _socket_inodes(pid):
                return pid
        return None

    def save_goal(self, version: int, status: str) -> tuple[int, str]:
        _, deps = self.request("GET", "/_dash-dependencies")
        dep = next(
            d for d in json.loads(deps) if d["inputs"][0]["id"] == ids.ZIELE_SAVE
        )
        outputs = [
            {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1].split("@")[0]}
            for o in dep["output"].strip(".").split("...")
        ]
        values = {
            ids.ZIELE_EDIT_STATE: {"ziel_id": GOAL, "version": version, "feld": "4.5"},
            ids.ZIELE_STATUS: status,
        }
        body = {
            "output": dep["output"],
            "outputs": outputs,
            "changedPropIds": [f"{ids.ZIELE_SAVE}.n_clicks"],
            "inputs": [{**dep["inputs"][0], "value": 1}],
            "state": [{**s, "value": values.get(s["id"])} for s in dep["state"]],
        }
        return self.request(
            "POST",
            "/_dash-update-component",
            json.dumps(body),
            {"Content-Type": "application/json"},
        )


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    instance = tmp_path_factory.mktemp("workers")
    port = _free_port()
    env = {
        **os.environ,
        "IM_INSTANCE_DIR": str(instance),
        "SECRET_KEY": "zwei-worker-test",
        "IM_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "IM_THREADS": "2",
        "IM_KEEPALIVE": "300",  # the test keeps one connection per worker open
    }
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "benutzer-anlegen", USER]
        + ["--rolle", "Bearbeitung"],
        cwd=ROOT,
        env={**env, "IM_PASSWORT": PASSWORD},
        check=True,
        capture_output=True,
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:server"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if len(_children(proc.pid)) == 2:
                Client(port).request("GET", "/geo/gemeinden.geojson")
                break
        except OSError:
            pass
        time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("gunicorn did not start")
    yield port, proc.pid
    proc.send_signal(signal.SIGINT)  # quick shutdown; TERM would wait for keep-alives
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _one_client_per_worker(port: int, master: int) -> tuple[Client, Client]:
    by_worker: dict[int, Client] = {}
    for _ in range(60):
        client = Client(port)
        client.request("GET", "/geo/gemeinden.geojson")
        by_worker.setdefault(client.worker(master), client)
        if len([w for w in by_worker if w]) == 2:
            a, b = (by_worker[w] for w in by_worker if w)
            return a, b
        time.sleep(0.1)  # the second worker may still be starting on a busy machine
    pytest.fail("could not reach both workers")


def test_two_workers_share_logins_edits_and_logouts(gunicorn):
    port, master = gunicorn
    a, b = _one_client_per_worker(port, master)
    wa, wb = a.worker(master), b.worker(master)
    assert wa != wb

    overview = a.page("/")  # warms worker A's caches (keyed on the data version)
    assert USER not in a.page("/ziele", "?feld=4.5")

    # log in through worker A, write through worker B with the same cookie
    token = a.token()
    status, _ = a.form(
        "/auth/anmelden", {"name": USER, "passwort": PASSWORD, "csrf_token": token}
    )
    assert status == 303
    b.cookie = a.cookie
    status, text = b.save_goal(0, "gefährdet")
    assert status == 200 and "ziele-gespeichert" in text, text[:300]

    # the next request to worker A sees the edit, in the goal page and the overview
    assert USER in a.page("/ziele", "?feld=4.5")  # history: "Version 1 – …, USER"
    assert a.page("/") != overview
    assert (a.worker(master), b.worker(master)) == (wa, wb)  # still two workers

    # log out through B: the same cookie is refused by A at once
    stolen = b.cookie
    status, _ = b.form("/auth/abmelden", {"csrf_token": b.token()})
    assert status == 303
    a.cookie = stolen
    status, _ = a.save_goal(1, "erreicht")
    assert status == 403
