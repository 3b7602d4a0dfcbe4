"""The web application of ``procesmap serve``: starlette routes, the file watcher, server-sent events, security.

Routes (nothing else is served; every other URL is 404):

====================================  ==================================================================
``GET /``                             the map (a file) or the index of the folder's maps
``GET /map/{key}``                    the page of one map (``key``: its path below the folder)
``GET /view/{key}?set=..``            the live parts of a map page as JSON, with a what-if scenario
``GET /diagram/{key}?set=..``         the swimlane SVG (the same as ``procesmap diagram --format svg``)
``GET /index``                        the live part of the folder index as JSON
``GET /events``                       server-sent events: ``change`` after every save
``POST /write/{key}``                 write a scenario into the file (only from the page itself)
``GET /static/serve.js|.css|icon.svg``  the page's own script, style sheet and icon
====================================  ==================================================================

A ``key`` is looked up among the maps the workspace read; it is never joined to a path, so
``/map/../../etc/passwd`` is a 404 like any other unknown key.

Security, as a workshop laptop on a shared network needs it:

* the ``Host`` header must name this server (127.0.0.1, localhost, [::1] or the ``--host`` given, with the
  port): a page on another site that rebinds its DNS name to 127.0.0.1 gets 403;
* with a ``token`` (``--host``), every URL needs it: ``?token=...`` once (the answer sets an HttpOnly,
  SameSite=Strict cookie and redirects to the URL without it), then the cookie; else 403;
* ``POST /write`` needs an ``Origin`` equal to this server's and the page's CSRF value in a header, so
  a form or script on another site cannot write the file;
* every answer carries a Content-Security-Policy that allows only this server's own script, style
  sheet, images and connections: no inline script, no inline style, no request leaves the page.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence
from urllib.parse import parse_qsl, quote, urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from procesmap.errors import LoadError, ProcessmapError
from procesmap.i18n import t
from procesmap.serve import page
from anyio import to_thread
from contextlib import asynccontextmanager

if TYPE_CHECKING:
    from procesmap.serve.state import Snapshot, Workspace

__all__ = ["create_app", "LiveState", "CSP", "SVG_CSP", "TOKEN_COOKIE"]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
#: The swimlane SVG is shown as an image; its own style element and embedded font are all it may use.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'self'"
TOKEN_COOKIE = "procesmap_token"
CSRF_HEADER = "x-procesmap-csrf"
STATIC = {
    "serve.js": "text/javascript; charset=utf-8",
    "serve.css": "text/css; charset=utf-8",
    "icon.svg": "image/svg+xml",
}
HEARTBEAT_S = 15.0
#: After the quick analysis of a save, how long the file must stay unchanged before the analysis with every case
#: starts (it takes the processor for a moment: ~0.2 s for a 40-step map with the compiled simulation loop, a few
#: seconds with the Python one; the next save of a busy workshop comes first).
FULL_DELAY_S = 0.25


class LiveState:
    """What the running server shares between requests: the workspace, listeners, secrets."""

    def __init__(self, ws: "Workspace", *, token: str | None, hosts: Sequence[str], any_host: bool = False):
        self.ws = ws
        self.token = token
        self.hosts = {h.lower() for h in hosts}
        self.any_host = any_host
        self.csrf = secrets.token_urlsafe(24)
        self.listeners: set[asyncio.Queue[str]] = set()
        self.stopping: asyncio.Event | None = None  # created in the running loop (lifespan)
        self.lock: asyncio.Lock | None = None
        self.full: "asyncio.Future[None] | None" = None  # the analysis with every case after a quick one

    def lang(self) -> str:
        return self.ws.language()

    async def refresh(self) -> None:
        """Read the files again (in a worker thread) and tell every open page: first the quick analysis
        (:meth:`~procesmap.serve.state.Workspace.quick_cases`), then, unless the file changes again within
        :data:`FULL_DELAY_S`, the analysis with every case, which replaces it."""

        assert self.lock is not None
        if self.full is not None:  # a newer save: the full analysis of the one before is not wanted
            self.full.cancel()
            self.full = None
        quick = self.ws.quick_cases()
        async with self.lock:
            generation = await to_thread.run_sync(lambda: self.ws.refresh(quick))
        self.broadcast(json.dumps({"generation": generation}))
        if quick is not None and self.ws.preliminary:
            self.full = asyncio.ensure_future(self._full(generation))

    async def _full(self, generation: int) -> None:
        await asyncio.sleep(FULL_DELAY_S)  # the pages fetch the quick figures first; a save meanwhile cancels
        if not self.ws.current(generation):
            return
        new = await to_thread.run_sync(self.ws.refresh)
        if new != generation:
            self.broadcast(json.dumps({"generation": new}))

    def broadcast(self, data: str) -> None:
        for queue in list(self.listeners):
            queue.put_nowait(data)


# -- security --------------------------------------------------------------------------------------------


def _headers(extra: dict[str, str] | None = None, csp: str = CSP) -> dict[str, str]:
    headers = {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cache-Control": "no-store",
    }
    headers.update(extra or {})
    return headers


class Guard:
    """ASGI middleware: Host check, token check and security headers on every answer."""

    def __init__(self, app: Any, state: LiveState):
        self.app = app
        self.state = state

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = self.state
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "").lower()
        lang = state.lang()
        if not state.any_host and host not in state.hosts:
            await _plain(403, t("serve.bad_host", lang))(scope, receive, send)
            return
        if state.token is not None:
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
            cookie = _cookie(headers.get("cookie", ""), TOKEN_COOKIE)
            given = query.get("token")
            if given is not None and secrets.compare_digest(given.encode(), state.token.encode()):
                if scope["method"] in ("GET", "HEAD"):  # remember it, and take it out of the address bar
                    rest = urlencode(
                        [
                            (k, v)
                            for k, v in parse_qsl(
                                scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True
                            )
                            if k != "token"
                        ]
                    )
                    location = quote(scope.get("path", "/")) + ("?" + rest if rest else "")
                    response = RedirectResponse(location, status_code=303, headers=_headers())
                    response.set_cookie(TOKEN_COOKIE, state.token, httponly=True, samesite="strict", path="/")
                    await response(scope, receive, send)
                    return
            elif cookie is None or not secrets.compare_digest(cookie.encode(), state.token.encode()):
                await _plain(403, t("serve.forbidden", lang))(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def _plain(status: int, text: str) -> Response:
    return PlainTextResponse(text + "\n", status_code=status, headers=_headers())


# -- routes ----------------------------------------------------------------------------------------------


def _state(request: Request) -> LiveState:
    return request.app.state.live  # type: ignore[no-any-return]


def _not_found(request: Request) -> Response:
    return _plain(404, t("serve.not_found", _state(request).lang()))


def _html(text: str) -> Response:
    return Response(text, media_type="text/html; charset=utf-8", headers=_headers())


def _json(data: dict[str, Any], status: int = 200) -> Response:
    return JSONResponse(data, status_code=status, headers=_headers())


def _assignments(request: Request) -> list[str]:
    return [v for k, v in request.query_params.multi_items() if k == "set"]


async def home(request: Request) -> Response:
    state = _state(request)
    ws = state.ws
    if not ws.folder:
        entry = next(iter(ws.entries.values()), None)
        if entry is None:
            return _not_found(request)
        return _html(await _run(page.map_page, ws, entry, state.csrf))
    return _html(await _run(page.index_page, ws, state.csrf))


async def map_page(request: Request) -> Response:
    state = _state(request)
    entry = state.ws.entry(request.path_params["key"])
    if entry is None:
        return _not_found(request)
    return _html(await _run(page.map_page, state.ws, entry, state.csrf))


async def view(request: Request) -> Response:
    state = _state(request)
    ws = state.ws
    entry = ws.entry(request.path_params["key"])
    if entry is None:
        return _not_found(request)
    assignments = _assignments(request)

    def build() -> dict[str, Any]:
        scenario, error = None, None
        if assignments:
            try:
                scenario = ws.scenario(entry.key, assignments)
            except ProcessmapError as err:
                error = err
        return page.map_view(ws, entry, assignments, scenario, error)

    return _json(await _run(build))


async def index(request: Request) -> Response:
    state = _state(request)
    if not state.ws.folder:
        return _not_found(request)
    return _json(await _run(page.index_view, state.ws))


async def diagram(request: Request) -> Response:
    state = _state(request)
    ws = state.ws
    entry = ws.entry(request.path_params["key"])
    if entry is None:
        return _not_found(request)
    assignments = _assignments(request)

    def draw() -> bytes | None:
        snapshot: Snapshot | None
        try:
            snapshot = ws.scenario(entry.key, assignments)
        except (ProcessmapError, KeyError):
            snapshot = entry.good
        if snapshot is None:
            return None
        return snapshot.svg()[0]

    data = await _run(draw)
    if data is None:
        return _not_found(request)
    return Response(
        data, media_type="image/svg+xml", headers=_headers({"Cache-Control": "private, max-age=3600"}, csp=SVG_CSP)
    )


async def write(request: Request) -> Response:
    state = _state(request)
    ws = state.ws
    lang = state.lang()
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if (
        origin is None
        or origin.lower() != f"http://{host.lower()}"
        or not secrets.compare_digest(request.headers.get(CSRF_HEADER, "").encode(), state.csrf.encode())
    ):
        return _plain(403, t("serve.bad_origin", lang))
    entry = ws.entry(request.path_params["key"])
    if entry is None:
        return _not_found(request)
    try:
        body = await request.json()
        assignments = [str(a) for a in body["set"]]
        digest = str(body["digest"])
    except (ValueError, KeyError, TypeError):
        return _plain(400, t("serve.bad_request", lang))
    lang = entry.good.lang if entry.good else lang

    def do() -> Response:
        try:
            written = ws.write_scenario(entry.key, assignments, digest)
        except LoadError as err:
            return _json({"ok": False, "message": err.format(lang)}, 409)
        except ProcessmapError as err:
            return _json({"ok": False, "message": err.format(lang) if hasattr(err, "format") else str(err)}, 409)
        return _json({"ok": True, "message": t("serve.written", lang, file=written)})

    response: Response = await _run(do)
    await state.refresh()  # the watcher will see it too; the page need not wait for it
    return response


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        return _not_found(request)
    data = resources.files("procesmap.serve").joinpath("static", name).read_bytes()
    return Response(data, media_type=STATIC[name], headers=_headers({"Cache-Control": "no-cache"}))


async def events(request: Request) -> Response:
    state = _state(request)
    queue: asyncio.Queue[str] = asyncio.Queue()
    state.listeners.add(queue)
    stopping = state.stopping

    async def stream() -> Any:
        try:
            yield f"retry: 1000\nevent: hello\ndata: {json.dumps({'generation': state.ws.generation})}\n\n"
            while stopping is None or not stopping.is_set():
                getter = asyncio.ensure_future(queue.get())
                waiters = [getter] + ([asyncio.ensure_future(stopping.wait())] if stopping is not None else [])
                done, pending = await asyncio.wait(waiters, timeout=HEARTBEAT_S, return_when=asyncio.FIRST_COMPLETED)
                for task in pending:
                    task.cancel()
                if getter in done:
                    yield f"event: change\ndata: {getter.result()}\n\n"
                elif not done:
                    yield ": ping\n\n"
        finally:
            state.listeners.discard(queue)

    return StreamingResponse(stream(), media_type="text/event-stream", headers=_headers({"X-Accel-Buffering": "no"}))


async def _run(function: Any, *args: Any) -> Any:
    return await to_thread.run_sync(lambda: function(*args))


# -- the application -------------------------------------------------------------------------------------


def create_app(
    ws: "Workspace", *, token: str | None = None, hosts: Sequence[str] = (), any_host: bool = False, watch: bool = True
) -> Any:
    """The ASGI application for ``ws`` (already :meth:`~procesmap.serve.state.Workspace.refresh`-ed).

    ``hosts`` are the ``Host`` header values accepted (``127.0.0.1:8765`` ...); ``any_host`` accepts every
    one (a server bound to all interfaces, where the token is the protection). ``watch`` starts the file
    watcher (watchfiles) that re-reads the maps and tells every open page after a save.
    """

    live = LiveState(ws, token=token, hosts=hosts, any_host=any_host)

    @asynccontextmanager
    async def lifespan(app: Any) -> Any:
        live.stopping = asyncio.Event()
        live.lock = asyncio.Lock()
        task = asyncio.create_task(_watch(live)) if watch else None
        try:
            yield
        finally:
            live.stopping.set()
            if live.full is not None:
                live.full.cancel()
            if task is not None:
                task.cancel()
                try:
                    await task
                except (asyncio.CancelledError, Exception):  # noqa: BLE001 - shutting down
                    pass

    routes = [
        Route("/", home),
        Route("/map/{key:path}", map_page),
        Route("/view/{key:path}", view),
        Route("/diagram/{key:path}", diagram),
        Route("/index", index),
        Route("/events", events),
        Route("/write/{key:path}", write, methods=["POST"]),
        Route("/static/{name}", static),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.live = live

    async def not_found(request: Request, exc: Exception) -> Response:
        return _not_found(request)

    async def not_allowed(request: Request, exc: Exception) -> Response:
        return _plain(405, t("serve.bad_request", live.lang()))

    app.add_exception_handler(404, not_found)
    app.add_exception_handler(405, not_allowed)
    return Guard(app, live)


def _watched(ws: "Workspace") -> tuple[Path, bool]:
    """The folder to watch and whether recursively: the folder served, or the folder of the one file
    (editors save by writing a new file and renaming it; the organisation and configuration files beside
    a map count too)."""
    if ws.folder:
        return ws.path, True
    return (ws.path.parent if str(ws.path.parent) else Path(".")), False


async def _watch(live: LiveState) -> None:
    from watchfiles import awatch  # lazy: watchfiles loads only when the server watches files

    folder, recursive = _watched(live.ws)

    def relevant(change: Any, path: str) -> bool:
        name = Path(path).name
        return not name.startswith(".") and name.endswith((".yaml", ".yml", ".toml"))

    assert live.stopping is not None
    async for _changes in awatch(
        folder,
        watch_filter=relevant,
        recursive=recursive,
        stop_event=live.stopping,
        debounce=400,
        step=30,
        rust_timeout=500,
        yield_on_timeout=False,
    ):
        await live.refresh()
