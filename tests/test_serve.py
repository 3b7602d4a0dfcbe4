"""``procesmap serve`` over HTTP (a real server in a child process) and its library parts.

What a browser cannot show easily is checked here with raw requests: path traversal in every
spelling gets 404, a foreign Host or a missing token gets 403 on every URL, the write endpoint
refuses requests from other sites, the headers forbid inline script and every request that leaves
the page, and the what-if figures are the ones computed by hand. The page in a real browser is
tests/test_serve_browser.py.
"""

from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import sys
from html import unescape
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pytest

import procesmap
from procesmap.fmt import apply_assignments, comments, format_text

from ._serve import MAP, Server, running, utilisation_behandelaar
from .conftest import ROOT

TRAVERSALS = [
    "/map/../../etc/passwd",
    "/map/..%2f..%2f..%2fetc%2fpasswd",
    "/map/%2e%2e/%2e%2e/etc/passwd",
    "/diagram/../pyproject.toml",
    "/diagram/..%2fpyproject.toml",
    "/view/..%2f..%2fpyproject.toml",
    "/static/../__init__.py",
    "/static/..%2fapp.py",
    "/static/%2e%2e%2fstate.py",
    "/static/serve.js/../app.py",
    "/etc/passwd",
    "/map//etc/passwd",
    "/map/%2fetc%2fpasswd",
    "/view/..%5c..%5cpyproject.toml",
    "/test.yaml",
    "/map/test.yaml%00.svg",
    "/templates/serve.html.j2",
    "/procesmap/serve/app.py",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve")


@pytest.fixture(scope="module")
def local(folder: Path) -> Iterator[Server]:
    path = folder / "test.yaml"
    path.write_text(MAP, encoding="utf-8")
    yield from running(path)


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    path = tmp_path_factory.mktemp("remote") / "test.yaml"
    path.write_text(MAP, encoding="utf-8")
    yield from running(path, "--host", "127.0.0.1")


def _role_utilisation(figures_html: str, role: str) -> str:
    match = re.search(r'data-role="' + role + r'".*?<span class="pct"[^>]*>([^<]+)</span>', figures_html, re.S)
    assert match, figures_html
    return match.group(1)


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag of the page with its attributes, as a browser's parser reads them."""
    from html.parser import HTMLParser

    found: list[tuple[str, dict[str, str | None]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Parser().feed(html)
    return found


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


# -- the command ---------------------------------------------------------------------------------------


def test_help_imports_no_web_stack() -> None:
    code = (
        "import sys\nfrom procesmap.cli import main\nsys.argv = ['procesmap', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted({m.split('.')[0] for m in sys.modules} & "
        "{'starlette', 'uvicorn', 'watchfiles', 'anyio', 'numpy', 'pandas'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "LOADED []" in result.stdout
    assert "serve" in result.stdout


def test_serve_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "serve", "--help"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    for option in ("--port", "--host", "--open", "--lang"):
        assert option in result.stdout


def test_missing_path_is_a_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "serve", str(tmp_path / "nope.yaml"), "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert "nope.yaml: no such file or folder" in result.stderr and "Traceback" not in result.stderr


def test_port_in_use_is_a_message(folder: Path) -> None:
    path = folder / "port.yaml"
    path.write_text(MAP, encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "procesmap", "serve", str(path), "--port", str(port), "--lang", "en"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr


# -- pages, headers, escaping ------------------------------------------------------------------------------


def test_page_headers_forbid_inline_script_and_foreign_requests(local: Server) -> None:
    status, headers, body = local.request("GET", "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    csp = {part.split()[0]: part.split()[1:] for part in headers["content-security-policy"].split("; ")}
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"] and csp["connect-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["form-action"] == ["'none'"]
    assert headers["x-content-type-options"] == "nosniff"
    tags = _tags(body.decode("utf-8"))
    assert [attrs for tag, attrs in tags if tag == "script"] == [{"src": "/static/serve.js", "defer": None}]
    for tag, attrs in tags:
        assert "style" not in attrs and not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("src", "href", "action", "formaction", "srcset"):
            if name in attrs:
                assert attrs[name].startswith("/") and not attrs[name].startswith("//"), (tag, attrs)


def test_user_text_is_escaped(local: Server) -> None:
    html = local.request("GET", "/")[2].decode("utf-8")
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    view = json.loads(local.request("GET", "/view/test.yaml")[2])
    for part in ("figures", "findings", "controls", "status"):
        assert "<script>" not in view[part] and "<img src=x" not in view[part]


def test_diagram_is_the_diagram_command_svg(local: Server, folder: Path) -> None:
    status, headers, body = local.request("GET", "/diagram/test.yaml")
    assert status == 200 and headers["content-type"] == "image/svg+xml"
    assert "script-src" not in headers["content-security-policy"]  # no script in the picture either
    expected = subprocess.run(
        [sys.executable, "-m", "procesmap", "diagram", str(folder / "test.yaml"), "--format", "svg"],
        capture_output=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert body == expected


def test_path_traversal_is_404(local: Server) -> None:
    for path in TRAVERSALS:
        status, _, body = local.request("GET", path)
        assert status == 404, path
        assert b"root:" not in body and b"procesmap: 1" not in body and b"import " not in body, path


def test_only_its_own_static_files(local: Server) -> None:
    for name, kind in (("serve.js", "text/javascript"), ("serve.css", "text/css"), ("icon.svg", "image/svg+xml")):
        status, headers, _ = local.request("GET", f"/static/{name}")
        assert status == 200 and headers["content-type"].startswith(kind)
    assert local.request("GET", "/static/__init__.py")[0] == 404


def test_foreign_host_is_refused(local: Server) -> None:
    """DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 sends Host: evil.example."""
    status, _, _ = local.request("GET", "/", headers={"Host": f"evil.example:{local.port}"})
    assert status == 403
    assert local.request("GET", "/", headers={"Host": f"localhost:{local.port}"})[0] == 200


def test_events_stream(local: Server) -> None:
    status, headers, body = local.request("GET", "/events")
    assert status == 200 and headers["content-type"].startswith("text/event-stream")
    assert b"event: hello" in body


# -- what-if -------------------------------------------------------------------------------------------


def _view(server: Server, *assignments: str) -> dict:
    query = "&".join("set=" + quote(a, safe="") for a in assignments)
    status, _, body = server.request("GET", "/view/test.yaml" + ("?" + query if query else ""))
    assert status == 200
    return json.loads(body)


def test_whatif_figures_are_the_hand_computed_ones(local: Server, folder: Path) -> None:
    before = (folder / "test.yaml").read_bytes()
    assert _role_utilisation(_view(local)["figures"], "behandelaar") == _pct(utilisation_behandelaar(1, 0.25))
    assert _role_utilisation(_view(local)["figures"], "intake") == _pct(VOLUME_INTAKE / (2 * 1600))
    two = _view(local, "roles.behandelaar.people=2")
    assert _role_utilisation(two["figures"], "behandelaar") == _pct(utilisation_behandelaar(2, 0.25))
    assert "file: 100%" in unescape(two["figures"])  # the file's value beside the scenario's
    more = _view(local, "steps.beoordelen.next.extra.p=0.5", "steps.beoordelen.next.klaar.p=0.5")
    assert _role_utilisation(more["figures"], "behandelaar") == _pct(utilisation_behandelaar(1, 0.5))
    fte = _view(local, "roles.intake.fte=0.5")
    assert _role_utilisation(fte["figures"], "intake") == _pct(VOLUME_INTAKE / (0.5 * 1600))
    assert (folder / "test.yaml").read_bytes() == before  # never touches the file


VOLUME_INTAKE = 800 * 2.0  # every case 2 h at the intake desk


def test_whatif_command_line_reproduces_the_scenario(local: Server) -> None:
    view = _view(
        local, "roles.behandelaar.people=2", "steps.beoordelen.next.extra.p=0.5", "steps.beoordelen.next.klaar.p=0.5"
    )
    command = shlex.split(view["command"])
    assert command[:3] == ["procesmap", "analyse", command[2]] and command.count("--set") == 3
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", *command[1:], "--format", "json"], capture_output=True, text=True, cwd=ROOT
    )
    report = json.loads(result.stdout)
    assert report["capacity"]["roles"]["behandelaar"]["utilisation"] == pytest.approx(utilisation_behandelaar(2, 0.5))


def test_whatif_errors_are_shown_not_raised(local: Server) -> None:
    over = _view(local, "roles.intake.fte=5")  # more fte than people: the loader's own message
    assert "fte" in unescape(over["scenario_error"]) and "people" in unescape(over["scenario_error"])
    status, _, body = local.request("GET", "/view/test.yaml?set=" + quote("volume=1/year", safe=""))
    assert status == 200 and "only vary people, fte and branch probabilities" in json.loads(body)["scenario_error"]


# -- writing the scenario -----------------------------------------------------------------------------------


def _csrf(server: Server) -> str:
    html = server.request("GET", "/")[2].decode("utf-8")
    return re.search(r'name="procesmap-csrf" content="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def _digest(server: Server) -> str:
    return _view(server)["digest"]


def test_write_refuses_other_sites(local: Server, folder: Path) -> None:
    before = (folder / "test.yaml").read_bytes()
    body = json.dumps({"set": ["roles.behandelaar.people=3"], "digest": _digest(local)}).encode()
    origin = f"http://127.0.0.1:{local.port}"
    attempts = [
        {"Content-Type": "application/json"},  # no Origin, no CSRF value
        {"Content-Type": "application/json", "Origin": "http://evil.example", "X-Procesmap-Csrf": _csrf(local)},
        {"Content-Type": "application/json", "Origin": origin},  # a form on the page's origin without the value
        {"Content-Type": "application/json", "Origin": origin, "X-Procesmap-Csrf": "guessed"},
        {"Content-Type": "application/json", "Origin": "null", "X-Procesmap-Csrf": _csrf(local)},
    ]
    for headers in attempts:
        assert local.request("POST", "/write/test.yaml", body, headers)[0] == 403, headers
    assert local.request("GET", "/write/test.yaml")[0] == 405
    assert (folder / "test.yaml").read_bytes() == before


def test_write_keeps_comments_and_refuses_a_stale_page(tmp_path: Path) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(MAP, encoding="utf-8")
    for server in running(path):
        headers = {
            "Content-Type": "application/json",
            "Origin": f"http://127.0.0.1:{server.port}",
            "X-Procesmap-Csrf": _csrf(server),
        }
        stale = json.dumps({"set": ["roles.behandelaar.people=3"], "digest": "0" * 32}).encode()
        status, _, answer = server.request("POST", "/write/test.yaml", stale, headers)
        assert status == 409 and "changed since this page read it" in json.loads(answer)["message"]
        assert path.read_text(encoding="utf-8") == MAP
        body = json.dumps(
            {
                "set": [
                    "roles.behandelaar.people=3",
                    "steps.beoordelen.next.extra.p=0.4",
                    "steps.beoordelen.next.klaar.p=0.6",
                ],
                "digest": _digest(server),
            }
        ).encode()
        status, _, answer = server.request("POST", "/write/test.yaml", body, headers)
        assert status == 200, answer
    written = path.read_text(encoding="utf-8")
    assert comments(written) == comments(MAP)
    process = procesmap.load(path)
    assert process.roles["behandelaar"].people == 3
    assert [(b.to, b.p) for b in process.step("beoordelen").next] == [("extra", 0.4), ("klaar", 0.6)]
    assert format_text(written) == written  # written in fmt's layout: `procesmap fmt --check` passes
    changed = [line for line in written.splitlines() if line not in MAP.splitlines()]
    assert len(changed) == 3, changed  # only the lines of the three values


def test_write_refuses_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(MAP, encoding="utf-8")
    path.chmod(0o444)
    for server in running(path):
        headers = {
            "Content-Type": "application/json",
            "Origin": f"http://127.0.0.1:{server.port}",
            "X-Procesmap-Csrf": _csrf(server),
        }
        body = json.dumps({"set": ["roles.behandelaar.people=3"], "digest": _digest(server)}).encode()
        status, _, answer = server.request("POST", "/write/test.yaml", body, headers)
        assert status == 409 and "read-only" in json.loads(answer)["message"]
    assert path.read_text(encoding="utf-8") == MAP


# -- apply_assignments (fmt's writer) ------------------------------------------------------------------------


def test_apply_assignments_sets_and_removes_values() -> None:
    text = apply_assignments(MAP, ["roles.intake.fte=1.5", "roles.behandelaar.people=", "roles.intake.people=3"])
    process = procesmap.loads(text)
    assert process.roles["intake"].fte == 1.5 and process.roles["intake"].people == 3
    assert process.roles["behandelaar"].people is None
    assert "# two people at the desk" in text and "# the decision has a hostile name on purpose" in text


def test_apply_assignments_refuses_what_is_not_in_the_file(tmp_path: Path) -> None:
    (tmp_path / "organisatie.yaml").write_text(
        "procesmap: 1\nkind: organisation\nroles:\n  gedeeld: {name: Gedeelde rol, people: 2}\n", encoding="utf-8"
    )
    own = MAP.replace("role: intake\n", "role: gedeeld\n")
    path = tmp_path / "map.yaml"
    path.write_text(own, encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    with pytest.raises(procesmap.UsageError) as caught:
        apply_assignments(text, ["roles.gedeeld.people=4"], str(path))
    assert "`roles.gedeeld.people` is not written in this file" in caught.value.format("en")
    with pytest.raises(procesmap.UsageError):
        apply_assignments(MAP, ["roles.nobody.people=4"])


# -- the token (--host) --------------------------------------------------------------------------------------


def test_token_is_printed_once(remote: Server) -> None:
    assert remote.token and len(remote.token) >= 20
    assert sum(line.count(remote.token) for line in remote.output) == 1


def test_without_token_every_url_is_403(remote: Server) -> None:
    paths = [
        "/",
        "/map/test.yaml",
        "/view/test.yaml",
        "/diagram/test.yaml",
        "/index",
        "/events",
        "/static/serve.js",
        "/static/serve.css",
        "/static/icon.svg",
        "/favicon.ico",
        "/nothing",
        *TRAVERSALS,
    ]
    for path in paths:
        assert remote.request("GET", path)[0] == 403, path
        assert remote.request("GET", path, headers={"Cookie": "procesmap_token=wrong"})[0] == 403, path
        sep = "&" if "?" in path else "?"
        assert remote.request("GET", f"{path}{sep}token=wrong")[0] == 403, path
    assert remote.request("POST", "/write/test.yaml", b"{}", {"Content-Type": "application/json"})[0] == 403


def test_token_once_then_cookie(remote: Server) -> None:
    status, headers, _ = remote.request("GET", f"/?token={remote.token}")
    assert status == 303 and headers["location"] == "/"
    cookie = headers["set-cookie"]
    assert f"procesmap_token={remote.token}" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert remote.request("GET", "/", headers={"Cookie": f"procesmap_token={remote.token}"})[0] == 200
    assert (
        remote.request("GET", "/map/../../etc/passwd", headers={"Cookie": f"procesmap_token={remote.token}"})[0] == 404
    )


# -- queueing per role ---------------------------------------------------------------------------------------


def _queue(figures_html: str, role: str) -> str:
    match = re.search(r'data-role="' + role + r'".*?data-figure="queue">([^<]*)<', figures_html, re.S)
    assert match, figures_html
    return unescape(match.group(1)).strip()


def test_queue_per_role_is_the_analysis_queue(local: Server, folder: Path) -> None:
    """The page shows the queueing section of `analyse` (same seed): the JSON report's mean queue in days."""
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "analyse", str(folder / "test.yaml"), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    queue = json.loads(result.stdout)["queueing"]["roles"]["intake"]["queue_mean"]
    assert _queue(_view(local)["figures"], "intake") == f"{queue:.1f}"


def test_unstable_role_shows_its_growing_backlog(local: Server) -> None:
    """By hand: with half the cases to extra onderzoek the behandelaar gets 800 beoordelen (1 h) and 400 extra
    (4 h) jobs a year, 2 h on average, and can do 1,600 h / 2 h = 800 of the 1,200: the backlog grows by
    400 a year, 33 a month."""
    view = _view(local, "steps.beoordelen.next.extra.p=0.5", "steps.beoordelen.next.klaar.p=0.5")
    backlog = (VOLUME_JOBS_HALF - 1600 / 2.0) / 12
    assert _queue(view["figures"], "behandelaar") == f"grows {backlog:.0f}/month"


VOLUME_JOBS_HALF = 800 * 1.0 + 800 * 0.5  # beoordelen for every case, extra onderzoek for half


def test_every_text_of_the_page_is_in_the_catalogue() -> None:
    """The page template asks the catalogue for each text; a key that is not there would show as the key."""
    from procesmap.i18n import MESSAGES

    template = (ROOT / "procesmap" / "templates" / "serve.html.j2").read_text(encoding="utf-8")
    code = (ROOT / "procesmap" / "serve" / "page.py").read_text(encoding="utf-8")
    keys = set(re.findall(r"""\bt\(\s*["']([a-z_.]+)["']""", template + code))
    assert "serve.whatif" in keys and "serve.team" in keys
    assert sorted(k for k in keys if k not in MESSAGES) == []


def test_open_starts_the_browser_on_the_printed_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--open hands the address to the system's browser (Python's webbrowser, which honours $BROWSER)."""
    import time

    path = tmp_path / "test.yaml"
    path.write_text(MAP, encoding="utf-8")
    opened = tmp_path / "opened.txt"
    monkeypatch.setenv(
        "BROWSER", f"{sys.executable} -c \"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\" %s"
    )
    for server in running(path, "--open"):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not (opened.exists() and opened.read_text()):
            time.sleep(0.1)
        assert opened.read_text() == server.url


def test_a_save_shows_the_quick_analysis_first_then_every_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import procesmap.api
    import procesmap.serve.state
    from procesmap.serve.page import map_view
    from procesmap.serve.state import QUICK_CASES, Workspace

    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    ws = Workspace(path)
    assert ws.quick_cases() == QUICK_CASES
    assert Workspace(path, cases=QUICK_CASES).quick_cases() is None  # no quicker analysis than the one asked for
    first = ws.refresh(ws.quick_cases())
    quick = ws.entry("m.yaml").good
    assert quick is not None and quick.preliminary and ws.preliminary
    assert quick.analysis.time.cases == quick.analysis.queueing.cases == QUICK_CASES
    view = map_view(ws, ws.entry("m.yaml"))  # type: ignore[arg-type]
    assert view["preliminary"] and str(view["figures"]).startswith(
        f'<p class="note preliminary">Quick figures from {QUICK_CASES} simulated cases'
    )
    assert ws.current(first)
    full = ws.refresh()
    assert full == first + 1 and not ws.current(first) and ws.current(full)
    every = ws.entry("m.yaml").good
    assert every is not None and not every.preliminary and every.analysis.time.cases == 10_000
    assert not map_view(ws, ws.entry("m.yaml"))["preliminary"]  # type: ignore[arg-type]
    # a read that a newer one overtook (the full analysis of a save, and the quick one of the next save
    # done first) is dropped: the page never goes back to an older file
    original = procesmap.api.check_paths
    calls = []

    def overtaken(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs.get("cases"))
        if len(calls) == 1:
            ws.refresh(ws.quick_cases())  # the next save's quick read starts and finishes meanwhile
        return original(*args, **kwargs)

    monkeypatch.setattr(procesmap.serve.state, "check_paths", overtaken)  # the name the workspace calls
    assert ws.refresh() == full + 1  # only the overtaking read was installed
    assert calls == [None, QUICK_CASES] and ws.entry("m.yaml").good.preliminary  # type: ignore[union-attr]
