"""``procesmap new``: a commented starter map for the next workshop, in Dutch or English.

The templates (``procesmap/templates/new.<lang>.yaml``) hold a start, a task, a decision with
``p``, a loop with the term suspended, an end, roles, a team, an organisation, a term and a
volume, each field explained in a comment. The starter loads and analyses without load errors
(a test checks both languages). An existing file is never overwritten: the new file is written
to a temporary file in the same folder and hard-linked to its name, which fails when the name
exists, so even a file created a moment earlier is safe.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from procesmap.errors import UsageError
from procesmap.reasons import os_reason
from importlib.resources import files

__all__ = ["starter_text", "write_starter", "LANGUAGES"]


LANGUAGES = ("nl", "en")


_MAX_ID = 100


def _check_id(process_id: str) -> None:
    """The process id follows the same rule as every id in a map (``procesmap.model.SLUG``), at most 100 long."""
    from procesmap.model import SLUG, slugify  # lazy: the model (pydantic) loads only when a map is built

    if not SLUG.match(process_id) or len(process_id) > _MAX_ID:
        raise UsageError(
            "versions.new.bad_id",
            "versions.hint.new.bad_id",
            id=process_id,
            example=slugify(process_id)[:_MAX_ID].strip("-_") or "proces",
        )


def starter_text(process_id: str, lang: str = "nl") -> str:
    """The starter map for ``process_id`` in ``lang`` (nl or en)."""

    _check_id(process_id)
    template = files("procesmap").joinpath("templates", f"new.{lang if lang in LANGUAGES else 'nl'}.yaml")
    name = process_id.replace("-", " ").replace("_", " ").capitalize()
    return template.read_text(encoding="utf-8").replace("__ID__", process_id).replace("__NAME__", name)


def write_starter(process_id: str, lang: str = "nl", output: str | os.PathLike[str] | None = None) -> Path:
    """Write the starter map to ``output`` (default ``./<id>.yaml``); refuse when that file exists, and when
    ``output`` is a folder or ends in ``/`` (a folder name: it would have become a file of that name)."""
    text = starter_text(process_id, lang)
    raw = os.fspath(output) if output is not None else None
    target = Path(raw) if raw else Path(f"{process_id}.yaml")
    if raw and (target.is_dir() or raw.endswith(("/", os.sep))):  # `--output .`, `--output kaarten/`
        exists = target.is_dir()
        raise UsageError(
            "versions.new.output_folder" if exists else "cli.output_no_folder",
            "versions.hint.new.output_folder" if exists else "versions.hint.new.output_no_folder",
            path=raw,
            file=str(target / f"{process_id}.yaml"),
        )
    # the hint fits what was typed: the id names the default file, --output names another
    exists_hint = "versions.hint.new.output_exists" if raw else "versions.hint.new.exists"
    if target.exists() or target.is_symlink():
        raise UsageError("versions.new.exists", exists_hint, path=str(target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise UsageError(
            "versions.fmt.write_failed", "versions.hint.fmt.write_failed", path=str(target), reason=os_reason(err)
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        try:
            os.link(temp, target)  # atomic, and fails when the name exists
        except FileExistsError:
            raise UsageError("versions.new.exists", exists_hint, path=str(target)) from None
        except OSError:  # a file system without hard links
            if target.exists():
                raise UsageError("versions.new.exists", exists_hint, path=str(target)) from None
            os.replace(temp, target)
    except OSError as err:
        raise UsageError(
            "versions.fmt.write_failed", "versions.hint.fmt.write_failed", path=str(target), reason=os_reason(err)
        ) from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return target
