"""`procesmap serve --host` with a host this machine cannot listen on: the hint is about
the host, not the port."""

from __future__ import annotations

import pytest

from procesmap.errors import UsageError
from procesmap.serve import bind


@pytest.mark.parametrize(
    "host",
    [
        "bad host[",  # not a name or address at all
        "192.0.2.1",  # TEST-NET-1 (RFC 5737): an address of no machine here
    ],
)
def test_a_host_one_cannot_listen_on_gets_a_hint_about_host(host: str) -> None:
    with pytest.raises(UsageError) as caught:
        bind(host, 0)  # port 0: any free port, so the port is never the problem
    text = caught.value.format("en")
    message, hint = text.split("\n")
    assert host in message
    assert "--host" in hint and "--port" not in hint, hint


def test_a_taken_port_still_gets_the_port_hint() -> None:
    first = bind("127.0.0.1", 0)
    try:
        port = first.getsockname()[1]
        with pytest.raises(UsageError) as caught:
            bind("127.0.0.1", port)
        assert "--port" in caught.value.format("en").split("\n")[1]
    finally:
        first.close()
