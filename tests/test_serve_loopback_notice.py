"""`procesmap serve MAP --host localhost` printed "Reachable from other machines: open the address
above ... on the projector's computer", while a loopback address is reachable from this computer only. The note now
says so; the token is required all the same (docs/serve.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ._serve import MAP, running


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_a_loopback_host_is_not_announced_as_reachable_from_other_machines(tmp_path: Path, host: str) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(MAP, encoding="utf-8")  # language: en
    for server in running(path, "--host", host, "--port", "0"):
        note = server.process.stdout.readline()  # type: ignore[union-attr]
        assert note.startswith("Reachable from this computer only (--host is a loopback address)"), note
        assert "other machines" not in note and server.token and server.token not in note
        status, _, _ = server.request("GET", "/")
        assert status == 403  # without the token, as with every --host
        status, _, _ = server.request("GET", f"/?token={server.token}")
        assert status in (200, 303, 307)
