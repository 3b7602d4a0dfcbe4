"""Helpers for the ``procesmap serve`` tests: a real server in a child process, raw HTTP requests, a test map."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from .conftest import ROOT

#: A small map whose figures are easy to compute by hand (see the tests): 800 cases a year,
#: a year of 8 h x 5 d x 40 weeks = 1,600 hours per person.
MAP = """\
# A small map for the live page tests.
procesmap: 1
id: serve-test
name: Aanvraag behandelen
owner: behandelaar
language: en
term: 10d
volume: 800/year
calendar: {hours_per_day: 8, days_per_week: 5, weeks_per_year: 40}
roles:
  intake: {name: Intake desk, people: 2}  # two people at the desk
  behandelaar: {name: "<img src=x onerror=alert(2)>", people: 1}
steps:
  - id: ontvangst
    type: start
    role: intake
    work: 2h
    next: beoordelen
  # the decision has a hostile name on purpose
  - id: beoordelen
    name: "<script>alert(1)</script>"
    type: decision
    role: behandelaar
    work: 1h
    next:
      - {to: extra, p: 0.25}
      - {to: klaar, p: 0.75}
  - id: extra
    name: Extra onderzoek
    role: behandelaar
    work: 4h
    next: klaar
  - id: klaar
    type: end
    role: behandelaar
"""

HOURS_PER_PERSON = 8 * 5 * 40
VOLUME = 800


def utilisation_behandelaar(people: float, p_extra: float) -> float:
    """By hand: every case 1 h of beoordelen, a share ``p_extra`` 4 h of extra onderzoek."""
    return VOLUME * (1.0 + p_extra * 4.0) / (people * HOURS_PER_PERSON)


class Server:
    """``procesmap serve PATH --port 0 ...`` in a child process; the URL it printed; always stopped."""

    def __init__(self, path: Path, *args: str):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("PROCESMAP_LANG", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "procesmap", "serve", str(path), "--port", "0", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.output: list[str] = []
        deadline = time.monotonic() + 60
        url = None
        while url is None and time.monotonic() < deadline:
            line = self.process.stdout.readline()  # type: ignore[union-attr]
            if not line:
                break
            self.output.append(line)
            match = re.search(r"http://\S+", line)
            if match:
                url = match.group(0)
        if url is None:
            self.stop()
            raise AssertionError("procesmap serve did not start: " + "".join(self.output) + self.process.stderr.read())  # type: ignore[union-attr]
        self.url = url
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.base = f"http://{parts.netloc}"
        query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
        self.token = query.get("token")

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """A raw request: ``path`` is sent exactly as given (no normalising of ``..``)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            given = {"Host": f"{self.host}:{self.port}", **(headers or {})}
            for name, value in given.items():
                connection.putheader(name, value)
            if body is not None:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            response = connection.getresponse()
            if response.getheader("content-type", "").startswith("text/event-stream"):
                data = response.read1(200) if hasattr(response, "read1") else b""
            else:
                data = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def running(path: Path, *args: str) -> Iterator[Server]:
    server = Server(path, *args)
    try:
        yield server
    finally:
        server.stop()
