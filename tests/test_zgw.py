"""The zaaksysteem (issue 17): zaaktype import and export, the map against the catalogue (PM7xx), hostile files.

The export is validated against the Catalogi API 1.3.1 OpenAPI document in ../shared/data/zgw/ with
openapi-schema-validator (the request body: readOnly fields are the server's). Expected figures come from the
shared Open Zaak fixture itself, read here with json, never from procesmap's output.
"""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import procesmap
from procesmap.cli import app
from procesmap.zgw import export_zaaktype, import_zaaktype, read_catalogue, zgw_days

from .conftest import PROCESSES, SHARED, bundled, need_shared

ZGW = SHARED / "data" / "zgw"
FIXTURE = ZGW / "open-zaak-catalogi-fixture.json"
SPEC = ZGW / "catalogi-api-1.3.1-openapi.yaml"
ISO_DAYS = re.compile(r"^P\d+D$")
runner = CliRunner()


def _need_shared() -> None:
    need_shared(FIXTURE)
    need_shared(SPEC)


@pytest.fixture(scope="module")
def validator() -> Any:
    _need_shared()
    from openapi_schema_validator import OAS30WriteValidator, oas30_format_checker

    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert spec["info"]["version"] == "1.3.1"
    schema = {"$ref": "#/components/schemas/ZaakType", "components": spec["components"]}
    return OAS30WriteValidator(schema, format_checker=oas30_format_checker)


def _fixture() -> list[dict[str, Any]]:
    _need_shared()
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def _api_objects() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The fixture's zaaktypen, statustypen and roltypen as the Catalogi API writes them (camelCase, URLs)."""
    base = "https://openzaak.example/catalogi/api/v1"
    zaaktypen, statustypen, roltypen = [], [], []
    for item in _fixture():
        fields = item["fields"]
        if item["model"] == "catalogi.zaaktype":
            zaaktypen.append(
                {
                    "url": f"{base}/zaaktypen/{fields['uuid']}",
                    "identificatie": fields["identificatie"],
                    "omschrijving": fields["zaaktype_omschrijving"],
                    "doorlooptijd": fields["doorlooptijd_behandeling"],
                    "servicenorm": fields["servicenorm_behandeling"],
                    "opschortingEnAanhoudingMogelijk": fields["opschorting_en_aanhouding_mogelijk"],
                    "verlengingMogelijk": fields["verlenging_mogelijk"],
                    "verlengingstermijn": fields["verlengingstermijn"],
                    "toelichting": fields["toelichting"],
                    "beginGeldigheid": fields["datum_begin_geldigheid"],
                    "_pk": item["pk"],
                }
            )
    by_pk = {z.pop("_pk"): z["url"] for z in zaaktypen}
    for item in _fixture():
        fields = item["fields"]
        if item["model"] == "catalogi.statustype":
            statustypen.append(
                {
                    "url": f"{base}/statustypen/{fields['uuid']}",
                    "omschrijving": fields["statustype_omschrijving"],
                    "volgnummer": fields["statustypevolgnummer"],
                    "zaaktype": by_pk[fields["zaaktype"]],
                    "doorlooptijd": fields["doorlooptijd"],
                }
            )
        elif item["model"] == "catalogi.roltype":
            roltypen.append(
                {
                    "url": f"{base}/roltypen/{fields['uuid']}",
                    "omschrijving": fields["omschrijving"],
                    "omschrijvingGeneriek": fields["omschrijving_generiek"],
                    "zaaktype": by_pk[fields["zaaktype"]],
                }
            )
    return zaaktypen, statustypen, roltypen


def _export_zip(path: Path) -> Path:
    """An Open Zaak catalogue export (as ``manage.py export`` writes it): one JSON list per resource."""
    zaaktypen, statustypen, roltypen = _api_objects()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Catalogus.json", json.dumps([{"naam": "Test catalogus"}]))
        archive.writestr("ZaakType.json", json.dumps(zaaktypen))
        archive.writestr("StatusType.json", json.dumps(statustypen))
        archive.writestr("RolType.json", json.dumps(roltypen))
        archive.writestr("ResultaatType.json", json.dumps([{"omschrijving": "x"}] * 3))
    return path


BIG = "aanvraag-financiele-ondersteuning-ondernemers-beha"


# -- durations -------------------------------------------------------------------------------------------------


def test_zgw_durations() -> None:
    assert (zgw_days("P56D").low, zgw_days("P56D").high) == (56, 56)
    assert zgw_days("P8W").low == 56
    assert (zgw_days("P1Y").low, zgw_days("P1Y").high) == (365, 366)
    assert (zgw_days("P2M").low, zgw_days("P2M").high) == (56, 62)
    assert zgw_days("P1DT12H").low == 1.5
    assert zgw_days("56 dagen") is None and zgw_days("P") is None and zgw_days(None) is None


# -- import ----------------------------------------------------------------------------------------------------


def _expected(pk: int) -> tuple[dict[str, Any], list[str], list[str]]:
    items = _fixture()
    zaaktype = next(i["fields"] for i in items if i["model"] == "catalogi.zaaktype" and i["pk"] == pk)
    statuses = sorted(
        (i["fields"] for i in items if i["model"] == "catalogi.statustype" and i["fields"]["zaaktype"] == pk),
        key=lambda f: f["statustypevolgnummer"],
    )
    roles = [
        i["fields"]["omschrijving"] for i in items if i["model"] == "catalogi.roltype" and i["fields"]["zaaktype"] == pk
    ]
    return zaaktype, [s["statustype_omschrijving"] for s in statuses], roles


def test_import_fixture(tmp_path: Path) -> None:
    zaaktype, statuses, roles = _expected(504)
    result = import_zaaktype(FIXTURE, identificatie=BIG, lang="nl")
    process = procesmap.loads(result.yaml_text, "draft.yaml")
    assert process.zaaktype == zaaktype["identificatie"] == BIG
    assert process.name == zaaktype["zaaktype_omschrijving"]
    # P91D, P91D, P112D in the fixture
    assert procesmap.durations.mean_elapsed_days(process.term) == int(zaaktype["doorlooptijd_behandeling"][1:-1])
    assert procesmap.durations.mean_elapsed_days(process.service_norm) == int(zaaktype["servicenorm_behandeling"][1:-1])
    assert procesmap.durations.mean_elapsed_days(process.term_extension) == int(zaaktype["verlengingstermijn"][1:-1])
    assert (
        [s.name for s in process.steps] == statuses == ["Aanvraag ontvangen", "In behandeling genomen", "Afgehandeld"]
    )
    assert [s.status for s in process.steps] == statuses
    assert [s.type for s in process.steps] == ["start", "task", "end"]
    assert sorted(r.name for r in process.roles.values()) == sorted(roles)
    assert process.roles["initiator"].external and not process.roles["behandelaar"].external
    assert process.description.startswith("Dit werkproces implementeert")
    assert "\r" not in result.yaml_text
    # opschorting and the unmapped resources are comments, never dropped
    head = result.yaml_text.split("procesmap: 1")[0]
    assert "opschortingEnAanhoudingMogelijk: true" in head
    assert "15 × resultaattype" in head
    analysis = procesmap.analyse(process, cases=500)
    assert analysis.time.term is not None


def test_import_api_list_zip_and_single(tmp_path: Path) -> None:
    zaaktypen, statustypen, roltypen = _api_objects()
    as_list = tmp_path / "zaaktypen.json"
    as_list.write_text(json.dumps({"count": 99, "results": zaaktypen + statustypen + roltypen}), encoding="utf-8")
    from_list = import_zaaktype(as_list, identificatie=BIG, lang="en")
    from_zip = import_zaaktype(_export_zip(tmp_path / "export.zip"), identificatie=BIG, lang="en")
    from_fixture = import_zaaktype(FIXTURE, identificatie=BIG, lang="en")
    body = lambda r: r.yaml_text.split("procesmap: 1", 1)[1]  # noqa: E731
    assert body(from_list) == body(from_zip) == body(from_fixture)
    assert "3 × ResultaatType".lower() in from_zip.yaml_text.lower()
    one = tmp_path / "one.json"
    single = dict(next(z for z in zaaktypen if z["identificatie"] == "ZAAKTYPE-2026-0000000001"))
    single["statustypen"] = ["https://x.example/statustypen/1", "https://x.example/statustypen/2"]
    one.write_text(json.dumps(single), encoding="utf-8")
    result = import_zaaktype(one, lang="en")
    process = procesmap.loads(result.yaml_text, "one.yaml")
    # P1Y has no fixed length in days: 365d, and said so
    assert procesmap.durations.mean_elapsed_days(process.term) == 365
    assert "P1Y has no fixed length" in result.yaml_text
    assert "no statustype in the file (2 named by URL)" in result.yaml_text
    assert [s.type for s in process.steps] == ["start", "end"]


def test_import_cli(tmp_path: Path) -> None:
    _need_shared()
    out = tmp_path / "draft.yaml"
    several = runner.invoke(app, ["import", "zaaktype", str(FIXTURE), "-o", str(out), "--lang", "en"])
    assert several.exit_code == 2 and "holds 4 zaaktypen" in several.output and BIG in several.output
    assert not out.exists()
    ok = runner.invoke(
        app, ["import", "zaaktype", str(FIXTURE), "--identificatie", BIG, "-o", str(out), "--lang", "nl"]
    )
    assert ok.exit_code == 0, ok.output
    assert "geschreven" in ok.output and procesmap.load(out).zaaktype == BIG
    again = runner.invoke(app, ["import", "zaaktype", str(FIXTURE), "--identificatie", BIG, "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    forced = runner.invoke(app, ["import", "zaaktype", str(FIXTURE), "--identificatie", BIG, "-o", str(out), "--force"])
    assert forced.exit_code == 0
    analysed = runner.invoke(app, ["analyse", str(out)])
    assert analysed.exit_code in (0, 1), analysed.output
    copy = tmp_path / "fixture.json"
    copy.write_bytes(FIXTURE.read_bytes())
    clash = runner.invoke(app, ["import", "zaaktype", str(copy), "-o", str(copy), "--force"])
    assert clash.exit_code == 2 and copy.read_bytes() == FIXTURE.read_bytes()
    missing = runner.invoke(app, ["import", "zaaktype", str(FIXTURE), "--identificatie", "NOPE"])
    assert missing.exit_code == 2 and "NOPE" in missing.output


# -- export ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [p for p in bundled() if "term:" in p.read_text(encoding="utf-8")], ids=lambda p: p.stem
)
def test_export_validates_against_catalogi_api(path: Path, validator: Any) -> None:
    import datetime

    process = procesmap.load(path)
    body = export_zaaktype(process, date=datetime.date(2026, 1, 1)).body
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(body)]
    assert errors == []
    days = procesmap.durations.mean_elapsed_days(process.term)
    assert ISO_DAYS.match(body["doorlooptijd"]) and int(body["doorlooptijd"][1:-1]) == days
    assert body["verlengingMogelijk"] == (process.term_extension is not None)
    assert body["opschortingEnAanhoudingMogelijk"] == any(s.suspends_term for s in process.steps)
    for key in ("servicenorm", "verlengingstermijn"):
        assert body[key] is None or ISO_DAYS.match(body[key])


def test_export_durations_and_validator_rejects(validator: Any) -> None:
    text = (PROCESSES / "omgevingsvergunning.yaml").read_text(encoding="utf-8")
    process = procesmap.loads(text, "o.yaml")
    body = export_zaaktype(process).body
    assert process.term is not None
    assert (body["doorlooptijd"], body["verlengingstermijn"]) == ("P56D", "P42D")  # 8w and 6w in the map
    # the validator is real: a wrong enum, a missing doorlooptijd and a non-URI catalogus are each an error
    bad = dict(body, vertrouwelijkheidaanduiding="geheimpje", catalogus="geen uri")
    del bad["doorlooptijd"]
    messages = " | ".join(e.message for e in validator.iter_errors(bad))
    assert "geheimpje" in messages and "'doorlooptijd' is a required property" in messages and "uri" in messages
    assert list(validator.iter_errors(dict(body, url="https://x.example/zaaktypen/1")))  # readOnly in a request


def test_export_cli_and_round_trip(tmp_path: Path, validator: Any) -> None:
    source = PROCESSES / "omgevingsvergunning.yaml"
    out = tmp_path / "zaaktype.json"
    result = runner.invoke(
        app,
        [
            "export",
            "zaaktype",
            str(source),
            "-o",
            str(out),
            "--date",
            "2026-02-01",
            "--catalogus",
            "https://openzaak.example/catalogi/api/v1/catalogussen/1",
        ],
    )
    assert result.exit_code == 0, result.output
    body = json.loads(out.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(body)) == []
    assert body["beginGeldigheid"] == "2026-02-01" and "catalogus" not in result.output.split("placeholder")[-1]
    back = procesmap.loads(import_zaaktype(out, lang="nl").yaml_text, "back.yaml")
    original = procesmap.load(source)
    for name in ("term", "term_extension", "service_norm"):
        assert procesmap.durations.mean_elapsed_days(getattr(back, name)) == procesmap.durations.mean_elapsed_days(
            getattr(original, name)
        )
    bad_date = runner.invoke(app, ["export", "zaaktype", str(source), "--date", "31-01-2026"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
    no_term = tmp_path / "no-term.yaml"
    no_term.write_text(
        "procesmap: 1\nid: x\nsteps:\n  - {id: a, type: start, next: b}\n  - {id: b, type: end}\n", encoding="utf-8"
    )
    refused = runner.invoke(app, ["export", "zaaktype", str(no_term), "--lang", "en"])
    assert refused.exit_code == 2 and "no term" in refused.output
    clash = runner.invoke(app, ["export", "zaaktype", str(no_term), "-o", str(no_term)])
    assert clash.exit_code == 2


# -- the map against the catalogue ---------------------------------------------------------------------------------


def _codes(output: str) -> list[str]:
    return re.findall(r"\bPM7\d\d\b", output)


def test_check_against_zaaktype(tmp_path: Path) -> None:
    _need_shared()
    zip_path = _export_zip(tmp_path / "export.zip")
    draft = tmp_path / "draft.yaml"
    draft.write_text(import_zaaktype(zip_path, identificatie=BIG, lang="en").yaml_text, encoding="utf-8")
    clean = runner.invoke(app, ["check", str(draft), "--zaaktype", str(zip_path)])
    assert _codes(clean.output) == [], clean.output
    text = draft.read_text(encoding="utf-8")
    changed = (
        text.replace("term: 91d", "term: 8w")
        .replace("  status: In behandeling genomen\n", "")
        .replace("  type: task\n", "  type: task\n  suspends_term: true\n")
    )
    changed = changed.replace("zaaktype: " + BIG, "zaaktype: deelzaaktype")  # no opschorting, no verlenging there
    broken = tmp_path / "broken.yaml"
    broken.write_text(changed, encoding="utf-8")
    result = runner.invoke(app, ["check", str(broken), "--zaaktype", str(zip_path), "--lang", "en"])
    assert result.exit_code == 1
    # deelzaaktype (fixture pk 517): P91D, no opschorting? -> read the fixture for what to expect
    fields = next(i["fields"] for i in _fixture() if i["model"] == "catalogi.zaaktype" and i["pk"] == 517)
    expected = {"PM701"}  # 8w = 56 days against P91D
    if fields["opschorting_en_aanhouding_mogelijk"] is False:
        expected.add("PM702")
    if fields["verlenging_mogelijk"] is False:
        expected.add("PM703")
    expected.add("PM704")  # "In behandeling genomen" is set by no step now
    assert set(_codes(result.output)) == expected, result.output
    assert "has doorlooptijd P91D" in result.output
    # a configuration names the catalogue, and can switch a rule off
    (tmp_path / "procesmap.toml").write_text('zaaktypen = "export.zip"\n[rules]\nPM704 = "off"\n', encoding="utf-8")
    configured = runner.invoke(app, ["check", str(broken)])
    assert set(_codes(configured.output)) == expected - {"PM704"}, configured.output
    # without a catalogue no PM7xx
    (tmp_path / "procesmap.toml").write_text('language = "en"\n', encoding="utf-8")
    assert _codes(runner.invoke(app, ["check", str(broken)]).output) == []
    bad = runner.invoke(app, ["check", str(broken), "--zaaktype", str(tmp_path / "nope.json")])
    assert bad.exit_code == 2 and "nope.json" in bad.output


def test_config_zaaktypen_must_be_text(tmp_path: Path) -> None:
    from procesmap.config import parse_config
    from procesmap.errors import LoadError

    with pytest.raises(LoadError) as caught:
        parse_config("zaaktypen = 3\n", "procesmap.toml")
    assert caught.value.problems[0].line == 1
    assert parse_config('zaaktypen = "cat/export.zip"\n', "sub/procesmap.toml").zaaktypen == "sub/cat/export.zip"


# -- hostile files -------------------------------------------------------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _refused(data_or_path: Any, tmp_path: Path, name: str = "x.zip") -> str:
    path = tmp_path / name
    if isinstance(data_or_path, bytes):
        path.write_bytes(data_or_path)
    result = runner.invoke(app, ["import", "zaaktype", str(path), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "hint:" in result.output
    assert result.output.startswith(str(path)) and ":1:1:" in result.output.splitlines()[0]
    return result.output


@pytest.mark.parametrize("name", ["../evil.json", "/etc/passwd", "a/../../evil.json", "C:\\evil.json", "..\\evil.json"])
def test_zip_entry_leaving_the_folder(name: str, tmp_path: Path) -> None:
    output = _refused(_zip({"ZaakType.json": b"[]", name: b"{}"}), tmp_path)
    assert "leaves the folder" in output


def test_zip_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import procesmap.zgw._safe as safe

    bomb = _zip({"ZaakType.json": b" " * (4 * 1024 * 1024)})  # 4 MiB of spaces in a few kB
    assert len(bomb) < 20_000
    monkeypatch.setattr(safe, "MAX_ENTRY_BYTES", 1024 * 1024)
    output = _refused(bomb, tmp_path)
    assert "ZIP bomb" in output
    monkeypatch.setattr(safe, "MAX_ENTRY_BYTES", 8 * 1024 * 1024)
    monkeypatch.setattr(safe, "MAX_UNPACKED_BYTES", 6 * 1024 * 1024)
    two = _zip({"ZaakType.json": b" " * (4 * 1024 * 1024), "StatusType.json": b" " * (4 * 1024 * 1024)})
    assert "ZIP bomb" in _refused(two, tmp_path)
    monkeypatch.setattr(safe, "MAX_ENTRIES", 5)
    many = _zip({f"f{i}.txt": b"" for i in range(6)})
    assert "6 entries" in _refused(many, tmp_path)


def test_oversize_json_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:  # 100 MB, sparse: nothing is written, so the test stays small
        handle.truncate(100 * 1024 * 1024)
    import os

    real_read = os.read
    total = [0]

    def counting(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        total[0] += len(data)
        return data

    started = time.perf_counter()
    monkeypatch.setattr(os, "read", counting)
    with pytest.raises(procesmap.LoadError) as caught:
        read_catalogue(big)
    monkeypatch.setattr(os, "read", real_read)
    assert time.perf_counter() - started < 5
    assert caught.value.problems[0].key == "zgw.too_large"
    assert total[0] == 0  # refused from its size: not one byte read
    assert "104857600" in caught.value.problems[0].message("en").replace(",", "")
    # the limit itself, lowered, for a real JSON file
    import procesmap.zgw._read as read

    monkeypatch.setattr(read, "MAX_JSON_BYTES", 100)
    small = tmp_path / "small.json"
    small.write_text(json.dumps([{"identificatie": "x" * 200, "doorlooptijd": "P1D"}]), encoding="utf-8")
    with pytest.raises(procesmap.LoadError):
        read_catalogue(small)


def test_bad_json_and_not_a_zaaktype(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"identificatie": "x",\n   "doorlooptijd": }\n]', encoding="utf-8")
    result = runner.invoke(app, ["import", "zaaktype", str(path), "--lang", "en"])
    assert result.exit_code == 2 and result.output.startswith(f"{path}:3:") and "not valid JSON" in result.output
    assert "Expecting" not in result.output  # the library's English stays out
    assert "holds no zaaktype" in _refused(b'[{"naam": "catalogus"}]', tmp_path, "cat.json")
    assert "not UTF-8" in _refused(b'[{"identificatie": "\xff"}]', tmp_path, "latin.json")
    assert "not a readable ZIP" in _refused(b"PK\x03\x04garbage", tmp_path, "broken.zip")
    assert "empty" in _refused(b"", tmp_path, "empty.json")
    deep = ("[" * 100_000 + "]" * 100_000).encode()
    assert "nested too deeply" in _refused(deep, tmp_path, "deep.json")


def test_zaaktype_not_in_catalogue(tmp_path: Path) -> None:
    _need_shared()
    zip_path = _export_zip(tmp_path / "export.zip")
    draft = tmp_path / "draft.yaml"
    text = import_zaaktype(zip_path, identificatie=BIG, lang="en").yaml_text
    draft.write_text(text.replace(f"zaaktype: {BIG}", "zaaktype: deelzaaktyp"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft), "--zaaktype", str(zip_path), "--lang", "en"])
    assert _codes(result.output) == ["PM705"], result.output
    from procesmap.api import check_paths

    results, problems = check_paths([draft], zaaktype=zip_path)
    found = [f for f in results[0].analysis.findings if f.code == "PM705"]
    assert not problems and len(found) == 1 and "did you mean deelzaaktype?" in found[0].hint("en")
    line = next(i for i, l in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("zaaktype:"))
    assert f"{draft}:{line}:" in result.output


def test_a_draft_that_does_not_load_is_reported_in_the_language_of_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bug path: the draft's own problem is shown in the run's language (not the map's), with a hint that
    names the zaaktype file (not a BPMN file)."""
    from procesmap.errors import LoadError, Problem
    from procesmap.zgw import _import

    def refuse(text: str, file: str = "<string>", **_: Any) -> None:
        raise LoadError([Problem(file, 3, 1, "load.no_steps", {}, "hint.load.no_steps", {})])

    monkeypatch.setattr(_import, "loads", refuse)
    zaaktypen, statustypen, roltypen = _api_objects()
    single = tmp_path / "one.json"
    single.write_text(json.dumps(next(z for z in zaaktypen if z["identificatie"] == BIG)), encoding="utf-8")
    with pytest.raises(LoadError) as raised:
        import_zaaktype(single, lang="nl")  # a Dutch draft
    problem = raised.value.problems[0]
    assert problem.message("en") == "the imported map does not load: " + procesmap.i18n.t("load.no_steps", "en")
    assert problem.message("nl") == "de overgenomen kaart laadt niet: " + procesmap.i18n.t("load.no_steps", "nl")
    assert "zaaktype" in problem.hint("en") and "BPMN" not in problem.hint("en")
    assert "zaaktype" in problem.hint("nl") and "BPMN" not in problem.hint("nl")
