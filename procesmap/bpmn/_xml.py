"""Namespaces and safe XML reading for BPMN files.

A BPMN file comes from outside (a modeller, a mail attachment), so it is read
defensively: a size cap, no DTD, no entities (XXE and entity-expansion bombs are
refused before lxml sees the file, and the parser could not resolve them anyway),
no network, libxml2's default limits on depth and text size (``huge_tree=False``)
and a cap on the number of elements.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from procesmap._io import NotRegularFile, TooLarge, not_regular_problem, read_limited
from procesmap.errors import LoadError
from procesmap.reasons import os_reason

__all__ = ["BPMN", "BPMNDI", "DC", "DI", "XSI", "PM", "MAX_BYTES", "MAX_ELEMENTS", "read_bpmn", "q"]

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PM = "https://procesmap.nl/bpmn/1"

MAX_BYTES = 20 * 1024 * 1024
MAX_ELEMENTS = 500_000

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def q(ns: str, local: str) -> str:
    """Clark notation: ``{namespace}local``."""
    return f"{{{ns}}}{local}"


def _problem(file: str, key: str, hint: str | None, line: int = 1, column: int = 1, **args: Any) -> LoadError:
    return LoadError.single(file, line, column, key, args, hint, args)


def _as_text_bytes(data: bytes) -> bytes:
    """The bytes to scan for a DOCTYPE: UTF-16 files are scanned as UTF-8 text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 1 and (data[0] == 0 or data[1] == 0)):
        for codec in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                return data.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                continue
    return data


def read_bpmn(source: bytes | str | Path, display: str | None = None) -> tuple[Any, str]:
    """Read and parse a BPMN file or its bytes; returns the lxml root element and the display name.

    Raises :class:`LoadError` (exit code 2) for anything that is not a readable BPMN 2.0 file.
    """
    from lxml import etree  # lazy: lxml loads only when BPMN is read or written

    if isinstance(source, (str, Path)) and not (isinstance(source, str) and source.lstrip().startswith("<")):
        path = Path(source)
        file = display or str(source)
        try:
            if not path.exists():
                raise _problem(file, "bpmn.missing", "hint.bpmn.missing", path=file)
            if path.is_dir():
                raise _problem(file, "bpmn.is_directory", "hint.bpmn.missing", path=file)
            try:
                data = read_limited(path, MAX_BYTES)  # a FIFO or /dev/zero is refused without blocking
            except NotRegularFile as err:
                raise LoadError([not_regular_problem(err, file)]) from None
            except TooLarge as err:
                raise _problem(
                    file,
                    "bpmn.too_large",
                    "hint.bpmn.too_large",
                    size=err.size if err.size is not None else MAX_BYTES + 1,
                    limit=MAX_BYTES,
                ) from None
        except OSError as err:
            raise _problem(file, "bpmn.unreadable", "hint.load.unreadable", reason=os_reason(err)) from None
    else:
        file = display or "<bpmn>"
        data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
        if len(data) > MAX_BYTES:
            raise _problem(file, "bpmn.too_large", "hint.bpmn.too_large", size=len(data), limit=MAX_BYTES)
    if not data.strip():
        raise _problem(file, "bpmn.empty", "hint.bpmn.not_bpmn")
    if _DOCTYPE.search(_as_text_bytes(data)):
        raise _problem(file, "bpmn.doctype", "hint.bpmn.doctype")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        dtd_validation=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (1, 1)
        raise _problem(
            file,
            "bpmn.syntax",
            "hint.bpmn.syntax",
            line=max(line, 1),
            column=max(column, 1),
            detail=" ".join(str(err.msg or err).split()),
        ) from None
    if root is None:
        raise _problem(file, "bpmn.empty", "hint.bpmn.not_bpmn")
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise _problem(file, "bpmn.doctype", "hint.bpmn.doctype")
    count = 0
    for _ in root.iter():
        count += 1
        if count > MAX_ELEMENTS:
            raise _problem(file, "bpmn.too_many_elements", "hint.bpmn.too_large", limit=MAX_ELEMENTS)
    if not isinstance(root.tag, str) or root.tag != q(BPMN, "definitions"):
        tag = root.tag if isinstance(root.tag, str) else "?"
        local = etree.QName(tag).localname if tag.startswith("{") else tag
        namespace = etree.QName(tag).namespace if tag.startswith("{") else ""
        if local == "definitions" and namespace and "BPMN" in namespace.upper():
            raise _problem(
                file,
                "bpmn.namespace",
                "hint.bpmn.namespace",
                line=root.sourceline or 1,
                namespace=namespace,
                expected=BPMN,
            )
        raise _problem(file, "bpmn.not_bpmn", "hint.bpmn.not_bpmn", line=root.sourceline or 1, root=local)
    return root, file
