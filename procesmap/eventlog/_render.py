"""The log reports as text: terminal (rich), Markdown, HTML (with inline SVG charts) and JSON.

Renderers compute nothing: they lay out the plain data of ``LogStats.to_dict()`` and
``Comparison.to_dict()`` as sections (a title and a table), and format numbers the
language's way (Dutch with a decimal comma).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from procesmap.i18n import number, percent, t

__all__ = ["FORMATS", "Section", "stats_sections", "compare_sections", "render", "SUFFIXES"]

FORMATS = ("terminal", "markdown", "json", "html")
SUFFIXES = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
ROWS = 15


@dataclass
class Section:
    title: str
    headers: list[str]
    rows: list[list[str]]
    more: int = 0
    chart: dict[str, Any] | None = field(default=None)
    empty: str | None = None  # said instead of a table without rows (an empty table reads as a fault)


def _n(value: Any, lang: str, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value, lang)
    return number(float(value), lang, digits)


def _p(value: Any, lang: str) -> str:
    return percent(value, lang, 1)


def _kv(title: str, pairs: list[tuple[str, str]]) -> Section:
    return Section(title, ["", ""], [[k, v] for k, v in pairs])


def _limit(rows: list[list[str]], limit: int | None) -> tuple[list[list[str]], int]:
    if limit is None or len(rows) <= limit:
        return rows, 0
    return rows[:limit], len(rows) - limit


def stats_sections(data: dict[str, Any], lang: str, limit: int | None = ROWS) -> tuple[str, list[Section]]:
    c, q, d = data["counts"], data["quality"], data["case_duration"]
    title = t("logreport.stats_title", lang, file=data["log"]["file"])
    sections = [
        _kv(
            t("logreport.counts", lang),
            [
                (t(f"logreport.{k}", lang), _n(c[k], lang))
                for k in ("cases", "events", "instances", "activities", "resources", "roles", "variants")
            ],
        ),
        _kv(
            t("logreport.quality", lang),
            [
                (t("logreport.without_case", lang), _n(q.get("without_case", 0), lang)),
                (t("logreport.without_activity", lang), _n(q.get("without_activity", 0), lang)),
                (t("logreport.without_timestamp", lang), _n(q.get("without_timestamp", 0), lang)),
                (t("logreport.bad_timestamp", lang), _n(q.get("bad_timestamp", 0), lang)),
                (t("logreport.without_resource", lang), _n(q.get("without_resource", 0), lang)),
                (t("logreport.naive_timestamps", lang), _n(q.get("naive_timestamps", 0), lang)),
                (t("logreport.utc_offsets", lang), ", ".join(q.get("utc_offsets", [])) or t("logreport.none", lang)),
                (
                    t("logreport.lifecycle", lang),
                    ", ".join(f"{k}: {_n(v, lang)}" for k, v in q.get("lifecycle", {}).items()),
                ),
                (t("logreport.other_lifecycle", lang), _n(q.get("other_lifecycle", 0), lang)),
                (t("logreport.unclosed_starts", lang), _n(q.get("unclosed_starts", 0), lang)),
            ],
        ),
    ]
    duration = _kv(
        t("logreport.case_duration", lang),
        [
            (t("logreport.mean", lang), _n(d["mean"], lang, 2)),
            (t("logreport.median", lang), _n(d["p50"], lang, 2)),
            ("p85", _n(d["p85"], lang, 2)),
            ("p95", _n(d["p95"], lang, 2)),
            (t("logreport.min", lang), _n(d["min"], lang, 2)),
            (t("logreport.max", lang), _n(d["max"], lang, 2)),
        ],
    )
    histogram = data.get("case_duration_histogram") or {}
    if histogram.get("counts"):
        total = sum(histogram["counts"]) or 1
        duration.chart = {
            "kind": "histogram",
            "title": t("logreport.chart_durations", lang),
            "lang": lang,
            "edges": histogram["edges"],
            "shares": [c / total for c in histogram["counts"]],
            "axis": t("logreport.case_duration", lang),
        }
    sections.append(duration)
    rows = [
        [
            a["activity"],
            _n(a["instances"], lang),
            _n(a["cases"], lang),
            _p(a["share_of_cases"], lang),
            _n(a["service_time_mean"], lang, 3),
        ]
        for a in data["activities"]
    ]
    shown, more = _limit(rows, limit)
    activities = Section(
        t("logreport.per_activity", lang),
        [
            t("logreport.activity", lang),
            t("logreport.instances", lang),
            t("logreport.cases", lang),
            t("logreport.share_of_cases", lang),
            t("logreport.service_time", lang),
        ],
        shown,
        more,
    )
    activities.chart = {
        "kind": "bars",
        "title": t("logreport.chart_activities", lang),
        "lang": lang,
        "labels": [a["activity"] for a in data["activities"][:ROWS]],
        "values": [a["cases"] for a in data["activities"][:ROWS]],
        "axis": t("logreport.cases", lang),
    }
    sections.append(activities)
    rows = [
        [x["from"], x["to"], _n(x["count"], lang), _n(x["wait_mean"], lang, 2), _n(x["wait_median"], lang, 2)]
        for x in data["directly_follows"]
    ]
    shown, more = _limit(rows, limit)
    sections.append(
        Section(
            t("logreport.dfg", lang),
            [
                t("logreport.from", lang),
                t("logreport.to", lang),
                t("logreport.count", lang),
                t("logreport.wait_mean", lang),
                t("logreport.wait_median", lang),
            ],
            shown,
            more,
        )
    )
    for key, heading in (("resources", "logreport.handovers_resources"), ("roles", "logreport.handovers_roles")):
        h = data["handovers"].get(key)
        if not h:
            continue
        sections.append(
            _kv(
                t(heading, lang),
                [
                    (t("logreport.handovers", lang), _n(h["handovers"], lang)),
                    (t("logreport.self_handovers", lang), _n(h["self_handovers"], lang)),
                    (t("logreport.unknown_pairs", lang), _n(h["unknown"], lang)),
                    (t("logreport.per_case", lang), _n(h["per_case"], lang, 2)),
                ],
            )
        )
        rows = [[p["from"], p["to"], _n(p["count"], lang)] for p in h["pairs"]]
        shown, more = _limit(rows, limit)
        sections.append(
            Section(
                t(heading, lang) + f" ({t('logreport.handovers', lang)})",
                [t("logreport.from", lang), t("logreport.to", lang), t("logreport.count", lang)],
                shown,
                more,
            )
        )
    rows = [[_n(v["cases"], lang), _p(v["share"], lang), " → ".join(v["activities"])] for v in data["variants"]]
    shown, more = _limit(rows, limit)
    sections.append(
        Section(
            t("logreport.variants_top", lang),
            [t("logreport.cases", lang), t("logreport.share", lang), t("logreport.activities", lang)],
            shown,
            more,
        )
    )
    return title, sections


def compare_sections(data: dict[str, Any], lang: str, limit: int | None = ROWS) -> tuple[str, list[Section]]:
    title = t("logreport.compare_title", lang, process=data["process"]["id"], file=data["log"]["file"])
    f, c = data["fitness"], data["counts"]
    sections = [
        _kv(
            t("logreport.fitness", lang),
            [
                (
                    t("logreport.fitness_cases", lang),
                    f"{_p(f['cases'], lang)} ({_n(f['cases_fitting'], lang)} / {_n(f['cases_total'], lang)})",
                ),
                (
                    t("logreport.fitness_transitions", lang),
                    f"{_p(f['transitions'], lang)} ({_n(f['transitions_explained'], lang)} / {_n(f['transitions_total'], lang)})",
                ),
                (t("logreport.links", lang), f"{_n(c['steps_linked'], lang)} / {_n(c['steps'], lang)}"),
                (
                    t("logreport.steps_not_observed", lang),
                    ", ".join(data["steps_not_observed"]) or t("logreport.none", lang),
                ),
            ],
        )
    ]
    findings = [
        [
            t(f"logreport.severity.{x['severity']}", lang),
            x["code"],
            f"{x['file']}:{x['line']}",
            x["message_nl"] if lang == "nl" else x["message"],
        ]
        for x in data["findings"]
    ]
    sections.append(
        Section(
            t("logreport.findings", lang),
            [
                t("logreport.severity", lang),
                t("logreport.code", lang),
                t("logreport.where", lang),
                t("logreport.message", lang),
            ],
            findings or [[t("logreport.no_findings", lang), "", "", ""]],
        )
    )
    none = t("logreport.none", lang)
    rows = [[a["activity"], _n(a["cases"], lang), _p(a["share_of_cases"], lang)] for a in data["activities_not_on_map"]]
    shown, more = _limit(rows, limit)
    sections.append(
        Section(
            t("logreport.not_on_map", lang),
            [t("logreport.activity", lang), t("logreport.cases", lang), t("logreport.share_of_cases", lang)],
            shown,
            more,
            empty=none,
        )
    )
    rows = [
        [
            x["from"].replace("\x1e", ""),
            x["to"].replace("\x1e", ""),
            _n(x["cases"], lang),
            _p(x["share_of_cases"], lang),
        ]
        for x in data["transitions_not_on_map"]
    ]
    shown, more = _limit(rows, limit)
    sections.append(
        Section(
            t("logreport.transitions_not_on_map", lang),
            [
                t("logreport.from", lang),
                t("logreport.to", lang),
                t("logreport.cases", lang),
                t("logreport.share_of_cases", lang),
            ],
            shown,
            more,
            empty=none,
        )
    )
    rows = [[x["from"], x["to"]] for x in data["map_transitions_not_observed"]]
    shown, more = _limit(rows, limit)
    sections.append(
        Section(
            t("logreport.never_observed", lang),
            [t("logreport.from", lang), t("logreport.to", lang)],
            shown,
            more,
            empty=none,
        )
    )
    unlinked = t("logreport.no_linked_steps", lang)
    sections.append(
        Section(
            t("logreport.visits", lang),
            [t("logreport.step", lang), t("logreport.observed", lang), t("logreport.modelled", lang)],
            [[v["step"], _n(v["observed"], lang, 2), _n(v["modelled"], lang, 2)] for v in data["visits"]],
            empty=unlinked,
        )
    )
    timed = any(w.get("observed_lead_mean") is not None for w in data["waits"])
    headers = [
        t("logreport.step", lang),
        t("logreport.measured", lang),
        t("logreport.observed_mean", lang),
        t("logreport.observed_median", lang),
        t("logreport.modelled", lang),
    ]
    if timed:
        headers += [t("logreport.service_observed", lang), t("logreport.service_modelled", lang)]
    rows = []
    for w in data["waits"]:
        row = [
            w["step"],
            _n(w["measured"], lang),
            _n(w["observed_mean"], lang, 2),
            _n(w["observed_median"], lang, 2),
            _n(w["modelled"], lang, 2),
        ]
        if timed:
            row += [_n(w.get("observed_lead_mean"), lang, 2), _n(w.get("modelled_lead"), lang, 2)]
        rows.append(row)
    sections.append(Section(t("logreport.waits", lang), headers, rows, empty=unlinked))
    term = data["term"]
    o, m = data["cycle_time"]["observed"], data["cycle_time"]["modelled"]
    ot, mt = term["observed_term_time"], term.get("modelled_term_time") or {}
    keys = ("mean", "p50", "p85", "p95")
    observed, modelled = t("logreport.observed", lang), t("logreport.modelled", lang)
    cycle, term_time = t("logreport.cycle_time_row", lang), t("logreport.term_time_row", lang)
    sections.append(
        Section(
            t("logreport.time", lang),
            [t("logreport.figure", lang), t("logreport.mean", lang), "p50", "p85", "p95"],
            [
                [f"{cycle}, {observed}"] + [_n(o.get(k), lang, 2) for k in keys],
                [f"{cycle}, {modelled}"] + [_n(m.get(k), lang, 2) for k in keys],
                [f"{term_time}, {observed}"] + [_n(ot.get(k), lang, 2) for k in keys],
                [f"{term_time}, {modelled}"] + [_n(mt.get(k), lang, 2) for k in keys],
            ],
        )
    )
    # the term as the analyse report writes it: "56 dagen (+ 42 dagen verdaging)"
    if term["term"] is None:
        value = t("logreport.not_modelled", lang)
    elif term["term_extension"] is None:
        value = t("report.term_value", lang, term=number(term["term"], lang, 0))
    else:
        value = t(
            "report.term_with_extension",
            lang,
            term=number(term["term"], lang, 0),
            extension=number(term["term_extension"], lang, 0),
        )
    heading = f"{t('logreport.term', lang)}: {value}"
    rows = [
        [
            t("logreport.share_over_term", lang),
            _p(term["observed_share_over_term"], lang),
            _p(term["modelled_share_over_term"], lang),
        ]
    ]
    if term["term_extension"] is not None:
        rows.append(
            [
                t("logreport.share_over_extended_term", lang),
                _p(term["observed_share_over_extended_term"], lang),
                _p(term.get("modelled_share_over_extended_term"), lang),
            ]
        )
    sections.append(Section(heading, [t("logreport.figure", lang), observed, modelled], rows))
    h = data["handovers"]
    obs_levels = h.get("observed_per_case") or {"role": h["observed_role_per_case"]}
    mod_levels = h.get("modelled_per_case") or {"role": h["modelled_role_per_case"]}
    rows = [
        [t(f"report.level.{level}", lang), _n(obs_levels.get(level), lang, 2), _n(mod_levels.get(level), lang, 2)]
        for level in mod_levels
    ]
    rows.append(
        [
            t("logreport.resource_handovers", lang),
            _n(h["observed_resource_per_case"], lang, 2),
            t("logreport.not_modelled", lang),
        ]
    )
    sections.append(
        Section(t("logreport.handover_compare", lang), [t("logreport.handovers", lang), observed, modelled], rows)
    )
    return title, sections


def _markdown(title: str, sections: list[Section], lang: str) -> str:
    # activity and resource names as the log writes them: `<concept>`, `[x](y)` or `*` are text, not markup
    from procesmap.render.markdown import md as cell  # lazy: the Markdown renderer loads only for Markdown

    out = [f"# {cell(title)}", ""]
    for s in sections:
        out += [f"## {s.title}", ""]
        if not s.rows and s.empty:
            out += [f"*{cell(s.empty)}*", ""]
            continue
        headers = s.headers if any(s.headers) else s.headers
        out.append("| " + " | ".join(cell(h) for h in headers) + " |")
        out.append("|" + "|".join("---" for _ in headers) + "|")
        out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in s.rows]
        if s.more:
            out += ["", t("logreport.more_rows", lang, count=s.more)]
        out.append("")
    return "\n".join(out)


def _svg(chart: dict[str, Any]) -> str:
    """The chart of a section, drawn by the report charts' own bar and histogram (procesmap.render.charts)."""
    from procesmap.render.charts import bar_chart, histogram_chart  # lazy: charts load only for an HTML or PDF report

    lang = chart["lang"]
    if chart["kind"] == "bars":
        return bar_chart(
            [str(label) for label in chart["labels"]],
            [float(v) for v in chart["values"]],
            lambda value: _n(int(round(value)), lang),
            chart["axis"],
            chart["title"],
            tick_text=lambda value, digits: number(value, lang, digits),
        )
    return histogram_chart(chart["edges"], chart["shares"], lang, chart["axis"], chart["title"])


_NUMBER = re.compile(r"-|[-+]?[\d.,]+%?( \([\d.,]+ / [\d.,]+\)| / [\d.,]+)?")


def _numeric_columns(section: Section) -> list[bool]:
    """Columns (after the first) whose cells are mostly figures: right-aligned, so that the numbers line up."""
    width = len(section.headers)
    if not any(section.headers):  # a list of facts: values of every kind, left-aligned
        return [False] * width
    return [
        i > 0 and sum(bool(_NUMBER.fullmatch(row[i])) for row in section.rows) * 2 > len(section.rows)
        for i in range(width)
    ]


def _cell(tag: str, value: str, numeric: bool) -> str:
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(value))  # `step` in a message as code
    return f'<{tag} class="n">{text}</{tag}>' if numeric else f"<{tag}>{text}</{tag}>"


def _html(title: str, sections: list[Section], lang: str) -> str:
    esc = html.escape
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>',
        "<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
        "th{background:#eef}.n{text-align:right;font-variant-numeric:tabular-nums}p.none{font-style:italic}"
        "</style></head><body>",
        f"<h1>{esc(title)}</h1>",
    ]
    for s in sections:
        out.append(f"<h2>{esc(s.title)}</h2>")
        if s.chart:
            out.append(f"<figure>{_svg(s.chart)}<figcaption>{esc(s.chart['title'])}</figcaption></figure>")
        if not s.rows and s.empty:
            out.append(f'<p class="none">{esc(s.empty)}</p>')
            continue
        out.append("<table>")
        numeric = _numeric_columns(s)
        if any(s.headers):
            out.append("<tr>" + "".join(_cell("th", h, n) for h, n in zip(s.headers, numeric)) + "</tr>")
        out += ["<tr>" + "".join(_cell("td", v, n) for v, n in zip(row, numeric)) + "</tr>" for row in s.rows]
        out.append("</table>")
        if s.more:
            out.append(f"<p>{esc(t('logreport.more_rows', lang, count=s.more))}</p>")
    out.append("</body></html>\n")
    return "\n".join(out)


def print_terminal(title: str, sections: list[Section], lang: str, console: Any) -> None:
    from rich.table import Table  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    def line(text: str) -> str:  # a tab or line break in a name (``Aanvraag\tontvangen``) as a space: one row a name
        return " ".join(text.split())

    console.print(Text(line(title), style="bold"))
    for s in sections:
        # the title on a line of its own: as a table title rich would wrap it to the width of a narrow table
        console.print()
        console.print(Text(s.title, style="bold"))
        if not s.rows and s.empty:
            console.print(Text(s.empty, style="italic"))
            continue
        table = Table(show_header=any(s.headers), show_edge=False)
        for header in s.headers:
            table.add_column(header, overflow="fold")
        for row in s.rows:
            table.add_row(*(Text(line(cell)) for cell in row))  # activity and resource names as the log writes them
        console.print(table)
        if s.more:
            console.print(Text(t("logreport.more_rows", lang, count=s.more)))


def render(data: dict[str, Any], fmt: str, lang: str) -> str:
    """``data`` (a log report dict) as ``json``, ``markdown`` or ``html`` text."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    build = stats_sections if data["report"] == "log-stats" else compare_sections
    title, sections = build(data, lang, ROWS if fmt != "html" else 50)
    return _markdown(title, sections, lang) if fmt == "markdown" else _html(title, sections, lang)
