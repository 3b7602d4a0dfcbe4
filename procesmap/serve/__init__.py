"""``procesmap serve``: the live map for the workshop, a local web page that redraws on every save.

* :mod:`procesmap.serve.state`: the maps, their last good analysis, what-if scenarios, writing one back;
* :mod:`procesmap.serve.page`: the HTML of the pages (Jinja2, autoescaped), from the analyses;
* :mod:`procesmap.serve.app`: the starlette application: routes, file watcher, server-sent events, security;
* :func:`serve`: bind, print the address (and the token), run uvicorn until Ctrl+C.

starlette, uvicorn and watchfiles are imported only here, when a server starts, so ``procesmap --help``
stays fast.
"""

from __future__ import annotations

import ipaddress
import secrets
import errno
import socket
from pathlib import Path
from typing import Any, Callable

from procesmap.errors import UsageError
from procesmap.reasons import os_reason
import threading
import webbrowser

__all__ = ["serve", "bind", "allowed_hosts", "DEFAULT_PORT", "LOOPBACK"]

DEFAULT_PORT = 8765
LOOPBACK = "127.0.0.1"
_WILDCARDS = {"0.0.0.0", "::", ""}


def _url_host(host: str) -> str:
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (``port`` 0: a free one); a taken port is a :class:`UsageError`."""
    if not 0 <= port <= 65535:
        raise UsageError("serve.bad_port", "serve.hint.bad_port", port=port)
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
    except OSError as err:
        raise _cannot_listen(err, host, port) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind(address)
        sock.listen(128)
    except OSError as err:
        sock.close()
        raise _cannot_listen(err, host, port) from None
    sock.set_inheritable(True)
    return sock


def _cannot_listen(err: OSError, host: str, port: int) -> UsageError:
    """Why ``host:port`` cannot be listened on, with a hint about what to change: the host when it is no name
    or no address of this machine (``--host 'bad host['``, another machine's address), else the port."""
    if isinstance(err, socket.gaierror) or err.errno == errno.EADDRNOTAVAIL:
        return UsageError("serve.cannot_listen", "serve.hint.cannot_listen", host=host, reason=os_reason(err))
    return UsageError("serve.port_in_use", "serve.hint.port_in_use", host=host, port=port, reason=os_reason(err))


def _loopback(sock: socket.socket) -> bool:
    """Whether ``sock`` listens on a loopback address only (127.0.0.0/8, ::1): no other machine reaches it."""
    try:
        return ipaddress.ip_address(str(sock.getsockname()[0]).split("%")[0]).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> tuple[list[str], bool]:
    """The ``Host`` header values this server answers to, and whether it answers to any (bound to all
    interfaces: then the token is what keeps others out)."""
    hosts = [f"{LOOPBACK}:{port}", f"localhost:{port}", f"[::1]:{port}"]
    if host and host not in _WILDCARDS:
        hosts.append(f"{_url_host(host)}:{port}")
        try:
            hosts.append(f"{socket.gethostname()}:{port}")
        except OSError:
            pass
    return hosts, host in _WILDCARDS


def serve(
    path: str | Path,
    *,
    host: str | None = None,
    port: int = DEFAULT_PORT,
    open_browser: bool = False,
    lang: str | None = None,
    config: str | Path | None = None,
    cases: int | None = None,
    seed: int | None = None,
    echo: Callable[[str], None] = print,
) -> None:
    """Serve the live page of ``path`` (a map or a folder of maps) until interrupted.

    Without ``host`` it listens on 127.0.0.1 only; with ``host`` a random token is required and printed
    once (``echo``), in the address to open. Raises :class:`UsageError` when it cannot listen.
    """
    import uvicorn  # lazy: uvicorn loads only when the server starts

    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made
    from procesmap.serve.app import create_app  # lazy: the server's parts load only when it starts
    from procesmap.serve.state import Workspace  # lazy: the server's parts load only when it starts

    ws = Workspace(path, lang=lang, config=config, cases=cases, seed=seed)
    ws.refresh()
    threading.Thread(target=ws.warm, name="procesmap-warm", daemon=True).start()
    listen = host if host is not None else LOOPBACK
    token = secrets.token_urlsafe(18) if host is not None else None
    sock = bind(listen, port)
    port = sock.getsockname()[1]
    hosts, any_host = allowed_hosts(listen, port)
    shown = _url_host(LOOPBACK if listen in _WILDCARDS else listen)
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    app = create_app(ws, token=token, hosts=hosts, any_host=any_host)
    message_lang = ws.language()
    echo(t("serve.listening", message_lang, url=url))
    if token:  # `--host localhost` is reachable from this computer only: the note said "from other machines"
        echo(t("serve.token_loopback" if _loopback(sock) else "serve.token_notice", message_lang))

    live = app.state  # the LiveState
    config_ = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="on",
        http="h11",
        ws="none",
        loop="asyncio",
        server_header=False,
        timeout_graceful_shutdown=1,
    )

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:  # end the event streams too, at once
            stopping = live.stopping
            loop = getattr(self, "_loop", None)
            if stopping is not None and loop is not None:
                loop.call_soon_threadsafe(stopping.set)
            super().handle_exit(sig, frame)

        async def startup(self, sockets: Any = None) -> None:
            import asyncio  # lazy: asyncio loads only when the server starts

            self._loop = asyncio.get_running_loop()
            await super().startup(sockets=sockets)
            if open_browser:
                threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    server = Server(config_)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        echo(t("serve.stopped", message_lang))
