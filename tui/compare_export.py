"""A comparison as a document that reads on its own: Markdown, HTML or JSON.

Built from the analysis result (`Comparison`) and the two bodies, never from the screen: one
plain document model (sections of paragraphs, passage pairs and tables) is written out as
Markdown or as a self-contained HTML page (no scripts, no outside resources; every text
escaped). JSON is the comparison's own document plus both reports' text, so its offsets can be
read without the library.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kimreader.analysis.compare import Comparison
from kimreader.corpus.article import Article
from kimreader.corpus.sanitize import sanitize_line

FORMATS = ("md", "html", "json")
NO_COUNTERPART = "no close counterpart in B"


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Pair:
    """A passage of A and of B (either may be empty), under a heading line."""

    heading: str
    a: str
    b: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Part = Para | Pair | Table


@dataclass
class Section:
    title: str
    parts: list[Part] = field(default_factory=list)


@dataclass
class Document:
    title: str
    lines: list[str]  # who is A and B, the threshold
    sections: list[Section]


def _report(side: dict[str, Any]) -> str:
    parts = [side.get("title") or "(untitled)", side.get("source") or "",
             side.get("published") or ""]  # fmt: skip
    return " · ".join(p for p in parts if p) + f" (id {side.get('id')})"


def comparison_document(cmp: Comparison, a: Article, b: Article, note: str = "") -> Document:
    """`note`: why the entities are as extracted, without the user's corrections ("" when they
    have them: Workspace.compare_with_note); the document says it under who is A and B."""
    lines = [
        f"A: {_report(cmp.a)}",
        f"B: {_report(cmp.b)}",
        f"Passages of A paired with the closest passage of B when their similarity is at least "
        f"{cmp.threshold:.2f} (a word and character similarity, not a claim that they agree).",
    ]
    if note:
        lines.append(note)
    sections = [
        _aligned(cmp, a.body, b.body),
        _only_b(cmp, b.body),
        _entities(cmp),
        _quotes(cmp),
        _differences(cmp),
        _timeline(cmp),
        _words(cmp),
    ]
    title = f"Comparison: {cmp.a.get('title') or 'A'} / {cmp.b.get('title') or 'B'}"
    return Document(sanitize_line(title), lines, sections)


def _aligned(cmp: Comparison, body_a: str, body_b: str) -> Section:
    section = Section("Aligned passages")
    for number, row in enumerate(cmp.aligned, 1):
        text_a = sanitize_line(body_a[row.a_start : row.a_end])
        if row.best is None:
            heading = f"{number}. similarity {row.score:.2f}, {NO_COUNTERPART}"
            section.parts.append(Pair(heading, text_a, ""))
        else:
            text_b = sanitize_line(body_b[row.best.b_start : row.best.b_end])
            section.parts.append(Pair(f"{number}. similarity {row.score:.2f}", text_a, text_b))
    return section


def _only_b(cmp: Comparison, body_b: str) -> Section:
    section = Section("Passages of B with no close counterpart in A")
    for span in cmp.only_b:
        section.parts.append(Pair("", "", sanitize_line(body_b[span.start : span.end])))
    if not cmp.only_b:
        section.parts.append(Para("none"))
    return section


def _entities(cmp: Comparison) -> Section:
    entities = cmp.entities
    shared = Table(("in both", "type", "A", "B"),
                   tuple((e.name, e.type, str(e.count_a), str(e.count_b))
                         for e in entities.shared))  # fmt: skip
    only_a = Table(("only in A", "type", "count"),
                   tuple((e.name, e.type, str(e.count)) for e in entities.only_a))  # fmt: skip
    only_b = Table(("only in B", "type", "count"),
                   tuple((e.name, e.type, str(e.count)) for e in entities.only_b))  # fmt: skip
    return Section("Entities", [shared, only_a, only_b])


def _quotes(cmp: Comparison) -> Section:
    rows = tuple(
        (q.report.upper(), _speaker(q.speaker, q.kind_shown), q.role, sanitize_line(q.text))
        for q in cmp.quotes
    )
    parts: list[Part] = [Table(("report", "speaker", "role", "quote"), rows)]
    if cmp.quoted_in_both:
        parts.insert(0, Para("Quoted in both: " + ", ".join(cmp.quoted_in_both)))
    return Section("Quotes", parts)


def _speaker(name: str, kind: str) -> str:
    """As the compare screen shows it: "The mother (anonymous)", "(speaker not found)"."""
    if not name:
        return "(speaker not found)"
    return f"{name} ({kind})" if kind else name


def _differences(cmp: Comparison) -> Section:
    section = Section("Possible differences")
    section.parts.append(
        Para("Found by a heuristic: each is a possible difference for a reader to check.")
    )
    for item in cmp.differences:
        heading = f"{item.topic}: {item.a.phrase} (A) / {item.b.phrase} (B)"
        section.parts.append(
            Pair(heading, sanitize_line(item.a.sentence.text), sanitize_line(item.b.sentence.text))
        )
    if not cmp.differences:
        section.parts.append(Para("none found"))
    return section


def _timeline(cmp: Comparison) -> Section:
    rows = tuple(
        (entry.date.isoformat(), entry.report.upper(), entry.kind, sanitize_line(entry.text))
        for entry in sorted(cmp.timeline, key=lambda e: (e.date, e.report))
    )
    return Section("Timeline", [Table(("date", "report", "kind", "as written"), rows)])


def _words(cmp: Comparison) -> Section:
    def table(label: str, terms: Sequence[Any]) -> Table:
        rows = tuple((t.term, f"{t.z:.2f}", str(t.count_a), str(t.count_b)) for t in terms)
        return Table((f"distinctive of {label}", "z", "in A", "in B"), rows)

    return Section("Distinctive words", [table("A", cmp.distinctive_a),
                                         table("B", cmp.distinctive_b)])  # fmt: skip


# -- writing it out -----------------------------------------------------------------------------


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def _md_escape(text: str) -> str:
    """Article text is text: Markdown specials are escaped and HTML's are entities."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def to_markdown(doc: Document) -> str:
    out = [f"# {_md_escape(doc.title)}", ""]
    out += [f"- {_md_escape(line)}" for line in doc.lines] + [""]
    for section in doc.sections:
        out += [f"## {section.title}", ""]
        for part in section.parts:
            out += _md_part(part) + [""]
    return "\n".join(out).rstrip() + "\n"


def _md_part(part: Part) -> list[str]:
    if isinstance(part, Para):
        return [_md_escape(part.text)]
    if isinstance(part, Pair):
        lines = [f"**{_md_escape(part.heading)}**", ""] if part.heading else []
        if part.a:
            lines += [f"> **A** {_md_escape(part.a)}"]
        if part.a and part.b:
            lines += [">"]
        if part.b:
            lines += [f"> **B** {_md_escape(part.b)}"]
        return lines
    if not part.rows:
        return [f"*{_md_escape(part.header[0])}: none*"]
    lines = ["| " + " | ".join(part.header) + " |", "|" + " --- |" * len(part.header)]
    lines += ["| " + " | ".join(_md_escape(cell) for cell in row) + " |" for row in part.rows]
    return lines


_CSS = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45}"
    "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.2em .5em;"
    "vertical-align:top;text-align:left}.pair{display:grid;grid-template-columns:1fr 1fr;"
    "gap:1em;margin:.5em 0 1.5em}.pair p{margin:0}.label{font-weight:bold}"
)


def to_html(doc: Document) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(doc.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(doc.title)}</h1><ul>",
        *(f"<li>{e(line)}</li>" for line in doc.lines),
        "</ul>",
    ]
    for section in doc.sections:
        out.append(f"<h2>{e(section.title)}</h2>")
        out += [_html_part(part) for part in section.parts]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_part(part: Part) -> str:
    e = html.escape
    if isinstance(part, Para):
        return f"<p>{e(part.text)}</p>"
    if isinstance(part, Pair):
        heading = f"<h3>{e(part.heading)}</h3>" if part.heading else ""
        cells = "".join(
            f'<p><span class="label">{label}</span> {e(text)}</p>' if text else "<p></p>"
            for label, text in (("A", part.a), ("B", part.b))
        )
        return f'{heading}<div class="pair">{cells}</div>'
    if not part.rows:
        return f"<p><em>{e(part.header[0])}: none</em></p>"
    head = "".join(f"<th>{e(cell)}</th>" for cell in part.header)
    body = "".join(
        "<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in part.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def json_document(cmp: Comparison, note: str = "") -> dict[str, Any]:
    """The comparison as JSON (`kimreader compare --json`); with a `note` (its entities are as
    extracted: the user's corrections file is damaged), "entity_corrections" says so and why:
    {"applied": false, "problem": the file and what is wrong}. Absent when they were applied."""
    from kimreader.index.workspace import corrections_field

    document = cmp.to_json()
    if note:
        document["entity_corrections"] = corrections_field(note)
    return document


def to_json(cmp: Comparison, a: Article, b: Article, note: str = "") -> str:
    """The comparison's JSON document with both reports' text (its offsets point into it)."""
    document = json_document(cmp, note)
    document["a"] = {**document["a"], "body": a.body}
    document["b"] = {**document["b"], "body": b.body}
    document["threshold"] = cmp.threshold
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_comparison(cmp: Comparison, a: Article, b: Article, fmt: str, note: str = "") -> str:
    """The comparison in `fmt` (FORMATS); `note`: see comparison_document and json_document."""
    if fmt == "json":
        return to_json(cmp, a, b, note)
    doc = comparison_document(cmp, a, b, note)
    return to_markdown(doc) if fmt == "md" else to_html(doc)
