"""The comparison as Rich renderables: one set for the compare screen and `kimreader compare`.

Plain Rich, no Textual: the screen shows each section in a tab, the command line prints them all
one after the other. Every piece of article text (passages, names, quotes, sentences, titles)
enters as `Text`, never as markup; Markdown link syntax is dropped so a link reads as its words.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.style import Style
from rich.table import Table
from rich.text import Text

from kimreader.analysis.align import AlignedPassage
from kimreader.analysis.compare import Comparison
from kimreader.analysis.differences import Difference, Fact
from kimreader.analysis.highlight import TermSpan, link_syntax, shared_term_spans
from kimreader.analysis.names import canonical_key
from kimreader.analysis.quotes import Quote
from kimreader.analysis.text import all_sentences, sentence_at
from kimreader.analysis.timeline import DateMention
from kimreader.analysis.words import Term

STACK_BELOW = 110  # narrower than this, B's passage goes under A's instead of beside it
BAR_CELLS = 6
NO_COUNTERPART = "no close counterpart in B"
PASSAGE_CHARS = 320  # the command line cuts a longer passage (at a word); the screen never does

STYLES: dict[str, Style] = {
    name: Style.parse(spec)
    for name, spec in {
        "shared": "bold yellow",
        "number": "bold black on yellow",
        "unmatched": "dim",
        "note": "dim italic",
        "bar_on": "green",
        "bar_below": "dim",
        "bar_off": "dim",
        "label": "bold",
        "cursor": "bold cyan",
        "number_label": "dim",
        "heading": "bold underline",
        "speaker": "bold cyan",
        "both": "bold green",
        "phrase": "bold black on yellow",
        "published": "bold reverse",
        "a": "bold magenta",
        "b": "bold blue",
    }.items()
}
DIM = STYLES["unmatched"]
LABEL = STYLES["label"]


# -- text pieces ----------------------------------------------------------------------------


def body_text(
    body: str, start: int, end: int, marks: Sequence[tuple[int, int, Style]] = ()
) -> Text:
    """body[start:end] as one line of plain text: line breaks as spaces, `marks` (body offsets)
    styled, Markdown link syntax dropped so "[text](url)" reads "text"."""
    shown = "".join(" " if char in "\n\t\r" else char for char in body[start:end])
    text = Text(shown, end="")
    for mark_start, mark_end, style in marks:
        if start <= mark_start < mark_end <= end:
            text.stylize(style, mark_start - start, mark_end - start)
    kept, position = Text("", end=""), 0
    for drop_start, drop_end in link_syntax(shown):
        kept.append_text(text[position:drop_start])
        position = drop_end
    if position == 0:
        return text
    kept.append_text(text[position:])
    return kept


def clipped(text: Text, limit: int = PASSAGE_CHARS) -> Text:
    """At most `limit` characters, cut after a whole word with "…" (never inside a word)."""
    if len(text.plain) <= limit:
        return text
    cut = text.plain.rfind(" ", 0, limit)
    piece = text[: cut if cut > limit // 2 else limit - 1]
    piece.rstrip()
    piece.append("…")
    return piece


def one_line(text: str) -> str:
    return " ".join(text.split())


def _heading(title: str) -> Text:
    return Text(title, style=STYLES["heading"])


def _report_label(report: str) -> Text:
    return Text(report.upper(), style=STYLES.get(report, LABEL))


def _hanging(label: Text, body: RenderableType, indent: int = 3) -> Table:
    """A label, then text whose wrapped lines stay indented under the first."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=indent, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(label, body)
    return grid


def score_bar(score: float, threshold: float, cells: int = BAR_CELLS) -> Text:
    """A bar of `cells` cells full at 1.0, and the score; green at or over the threshold."""
    filled = max(0, min(cells, round(score * cells)))
    on = STYLES["bar_on"] if score >= threshold else STYLES["bar_below"]
    bar = Text("█" * filled, style=on, end="")
    bar.append("░" * (cells - filled), style=STYLES["bar_off"])
    bar.append(f" {score:.2f}", style=on)
    return bar


def title_line(cmp: Comparison, report: str) -> Text:
    meta = cmp.a if report == "a" else cmp.b
    line = _report_label(report)
    line.append("  ")
    line.append(meta.get("title") or "(untitled)", style=LABEL)
    details = "  ".join(x for x in (meta.get("source") or "", meta.get("published") or "") if x)
    line.append(f"  {details or 'undated'}", style=DIM)
    return line


# -- sections made of rows ------------------------------------------------------------------

Range = tuple[int, int]  # body[start:end] in one report


@dataclass(frozen=True)
class Row:
    """A piece of a section; `a`/`b` is the text it stands for in each report (what `o`/`O`
    open). A row with neither is a heading or a note: the row cursor passes over it."""

    renderable: RenderableType
    a: Range | None = None
    b: Range | None = None

    @property
    def selectable(self) -> bool:
        return self.a is not None or self.b is not None


@dataclass(frozen=True)
class Section:
    """A tab's rows; printed, it is the rows one under the other."""

    rows: tuple[Row, ...]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for row in self.rows:
            yield row.renderable


def _section(*parts: RenderableType | Row) -> Section:
    return Section(tuple(part if isinstance(part, Row) else Row(part) for part in parts))


def first_occurrence(body: str, words: str) -> Range | None:
    """Where `words` (a name or a term, any case) first appears in a body as whole words."""
    if not words:
        return None
    pattern = r"\b" + r"\W+".join(re.escape(word) for word in words.split()) + r"\w*"
    found = re.search(pattern, body, re.IGNORECASE)
    return (found.start(), found.end()) if found else None


# -- aligned passages -----------------------------------------------------------------------


@dataclass(frozen=True)
class AlignedRow:
    """One passage of A with its best counterpart in B (None below the threshold)."""

    number: int  # 1-based
    passage: AlignedPassage
    a_text: Text
    b_text: Text | None

    @property
    def matched(self) -> bool:
        return self.passage.best is not None


def _marks(spans: list[TermSpan]) -> list[tuple[int, int, Style]]:
    return [
        (span.start, span.end, STYLES["number"] if span.is_number else STYLES["shared"])
        for span in spans
    ]


def aligned_rows(
    cmp: Comparison, body_a: str, body_b: str, reuse: Sequence[AlignedRow] = ()
) -> list[AlignedRow]:
    """One row per passage of A, the words and numbers it shares with B highlighted in both.

    `reuse`: rows of the same comparison at another threshold; a row whose counterpart did not
    change is kept as it is (moving the threshold re-highlights only the rows it changes).
    """
    kept = {(row.passage.a_start, row.passage.best): row for row in reuse}
    rows: list[AlignedRow] = []
    for number, passage in enumerate(cmp.aligned, 1):
        previous = kept.get((passage.a_start, passage.best))
        if previous is not None and previous.number == number:
            rows.append(replace(previous, passage=passage))
            continue
        best = passage.best
        if best is None:
            a_text = body_text(body_a, passage.a_start, passage.a_end)
            a_text.stylize(STYLES["unmatched"])
            rows.append(AlignedRow(number, passage, a_text, None))
            continue
        span_a, span_b = (passage.a_start, passage.a_end), (best.b_start, best.b_end)
        shared_a, shared_b = shared_term_spans(body_a, span_a, body_b, span_b)
        a_text = body_text(body_a, *span_a, _marks(shared_a))
        b_text = body_text(body_b, *span_b, _marks(shared_b))
        rows.append(AlignedRow(number, passage, a_text, b_text))
    return rows


def aligned_section(cmp: Comparison, rows: Sequence[AlignedRow], width: int) -> RenderableType:
    """The aligned rows for printing: side by side from STACK_BELOW columns, else stacked."""
    matched = sum(1 for row in rows if row.matched)
    heading = _heading(
        f"Aligned passages ({matched} of {len(rows)} with a counterpart "
        f"at score ≥ {cmp.threshold:.2f})"
    )
    if width >= STACK_BELOW:
        table = Table(show_lines=True, expand=True)
        table.add_column("A", ratio=1)
        table.add_column("score", no_wrap=True, width=BAR_CELLS + 5)
        table.add_column("closest in B", ratio=1)
        for row in rows:
            right = clipped(row.b_text) if row.b_text else Text(NO_COUNTERPART, STYLES["note"])
            table.add_row(clipped(row.a_text), score_bar(row.passage.score, cmp.threshold), right)
        return Group(heading, table)
    parts: list[RenderableType] = [heading]
    for row in rows:
        line = Text(f"{row.number}/{len(rows)}  ", style=LABEL)
        line.append_text(score_bar(row.passage.score, cmp.threshold, cells=10))
        if row.b_text is None:
            line.append("  " + NO_COUNTERPART, style=STYLES["note"])
        parts.append(line)
        parts.append(_hanging(Text("A", style=LABEL), clipped(row.a_text), indent=1))
        if row.b_text is not None:
            parts.append(_hanging(Text("B", style=LABEL), clipped(row.b_text), indent=1))
        parts.append(Text(""))
    return Group(*parts)


def only_b_section(cmp: Comparison, body_b: str) -> RenderableType:
    parts: list[RenderableType] = [
        _heading(f"B passages that are no A passage's counterpart ({len(cmp.only_b)})")
    ]
    for span in cmp.only_b:
        parts.append(
            _hanging(Text("•", style=DIM), clipped(body_text(body_b, span.start, span.end), 160))
        )
    if not cmp.only_b:
        parts.append(Text("every passage of B is some A passage's counterpart", style=DIM))
    return Group(*parts)


# -- entities -------------------------------------------------------------------------------


def entities_section(cmp: Comparison, body_a: str = "", body_b: str = "") -> Section:
    """Entities named in both (mentions in each), only in A, only in B; each row opens the
    entity's first mention."""
    entities = cmp.entities
    if not (entities.shared or entities.only_a or entities.only_b):
        return _section(
            Text("no entities stored for these reports (kimreader reindex extracts them)", DIM)
        )
    name_width = min(40, max((len(e.name) for e in entities.shared), default=4))
    rows: list[RenderableType | Row] = [
        _heading(f"In both reports ({len(entities.shared)}): mentions in A and in B"),
        _entity_line(Text("name", LABEL), Text("type", LABEL), "A", "B", name_width),
    ]
    for entity in entities.shared:
        line = _entity_line(
            Text(entity.name), Text(entity.type, DIM), str(entity.count_a), str(entity.count_b),
            name_width,
        )  # fmt: skip
        rows.append(Row(line, entity.first_a, entity.first_b))
    if not entities.shared:
        rows.append(Text("none", style=DIM))
    rows.append(Text(""))
    rows.append(
        _pair_line(
            Text(f"only in A ({len(entities.only_a)})", LABEL),
            Text(f"only in B ({len(entities.only_b)})", LABEL),
        )
    )
    for index in range(max(len(entities.only_a), len(entities.only_b))):
        cells: list[Text] = []
        ranges: list[Range | None] = []
        for side in (entities.only_a, entities.only_b):
            if index < len(side):
                cell = Text(side[index].name)
                cell.append(f" {side[index].count}  {side[index].type}", style=DIM)
                cells.append(cell)
                mentions = side[index].mentions
                ranges.append(tuple(min(mentions)) if mentions else None)  # type: ignore[arg-type]
            else:
                cells.append(Text(""))
                ranges.append(None)
        rows.append(Row(_pair_line(*cells), ranges[0], ranges[1]))
    return _section(*rows)


def _entity_line(name: Text, kind: Text, count_a: str, count_b: str, width: int) -> Table:
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(width=width, no_wrap=True, overflow="ellipsis")
    grid.add_column(width=12, no_wrap=True)
    grid.add_column(width=3, justify="right")
    grid.add_column(width=3, justify="right")
    grid.add_row(name, kind, Text(count_a), Text(count_b))
    return grid


def _pair_line(left: RenderableType, right: RenderableType) -> Table:
    """Two cells side by side, half the width each (A's, B's)."""
    grid = Table.grid(expand=True, padding=(0, 1, 0, 0))
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    grid.add_row(left, right)
    return grid


# -- quotes ---------------------------------------------------------------------------------


def _in_both(quote: Quote, names: set[str]) -> bool:
    return bool(quote.speaker) and canonical_key(quote.speaker, "person") in names


def quote_lines(quote: Quote, names: set[str]) -> Group:
    """Speaker, role, full or fragment, "quoted in both"; then the quote itself, indented."""
    line = _report_label(quote.report)
    line.append("  ")
    line.append(
        quote.speaker or "(speaker not found)", style=STYLES["speaker"] if quote.speaker else DIM
    )
    if quote.speaker_kind in ("anonymous", "body"):
        line.append(f" ({quote.speaker_kind})", style=DIM)
    if quote.role:
        line.append(", ")
        line.append(quote.role, style="italic")
    line.append("  full" if quote.full else "  fragment", style=DIM)
    if _in_both(quote, names):
        line.append("  ◆ quoted in both", style=STYLES["both"])
    said = Text("“")
    said.append(one_line(quote.text))
    said.append("”")
    return Group(line, _hanging(Text(""), said))


def quotes_section(cmp: Comparison, body_a: str = "", body_b: str = "") -> Section:
    names = {canonical_key(name, "person") for name in cmp.quoted_in_both}
    rows: list[RenderableType | Row] = []
    both = Text("quoted in both reports: ", style=LABEL)
    both.append(", ".join(cmp.quoted_in_both) or "nobody", style=STYLES["both"] if names else DIM)
    rows.append(both)
    for report in ("a", "b"):
        quotes = [quote for quote in cmp.quotes if quote.report == report]
        rows.append(Text(""))
        heading = title_line(cmp, report)
        heading.append(f"  {len(quotes)} quote{'s' if len(quotes) != 1 else ''}", style=LABEL)
        rows.append(heading)
        for quote in quotes:
            where = (quote.start, quote.end)
            rows.append(
                Row(quote_lines(quote, names), *((where, None) if report == "a" else (None, where)))
            )
        if not quotes:
            rows.append(Text("   no direct quotes found", style=DIM))
    return _section(*rows)


# -- possible differences -------------------------------------------------------------------


def _sentence(fact: Fact) -> Text:
    """The sentence holding a fact, the fact's words marked (offsets into the body)."""
    sentence = fact.sentence
    return body_text(
        sentence.text, 0, len(sentence.text),
        [(fact.start - sentence.start, fact.end - sentence.start, STYLES["phrase"])],
    )  # fmt: skip


def difference_lines(item: Difference, label: str) -> Group:
    heading = Text(f"{label} · {item.topic}: ", style=LABEL)
    heading.append_text(_report_label("a"))
    heading.append(f" “{one_line(item.a.phrase)}”  vs  ")
    heading.append_text(_report_label("b"))
    heading.append(f" “{one_line(item.b.phrase)}”")
    parts: list[RenderableType] = [heading]
    for report, fact in (("a", item.a), ("b", item.b)):
        parts.append(_hanging(Text("  ") + _report_label(report), _sentence(fact), indent=4))
    parts.append(Text(""))
    return Group(*parts)


def differences_section(cmp: Comparison, body_a: str = "", body_b: str = "") -> Section:
    rows: list[RenderableType | Row] = [
        _heading(f"Possible differences ({len(cmp.differences)})"),
        Text(
            "Each is a possible difference, found by heuristics: values of the same kind of thing "
            "that differ. The reports may be about different events; check the sentences.\n",
            style=DIM,
        ),
    ]
    rows.extend(_difference_row(item, "possible") for item in cmp.differences)
    if not cmp.differences:
        rows.append(Text("none found\n", style=DIM))
    rows.append(_heading(f"Agreements ({len(cmp.agreements)})"))
    rows.extend(_difference_row(item, "agree") for item in cmp.agreements)
    if not cmp.agreements:
        rows.append(Text("none found", style=DIM))
    return _section(*rows)


def _difference_row(item: Difference, label: str) -> Row:
    sentence_a, sentence_b = item.a.sentence, item.b.sentence
    return Row(
        difference_lines(item, label),
        (sentence_a.start, sentence_a.end),
        (sentence_b.start, sentence_b.end),
    )


# -- timeline -------------------------------------------------------------------------------


def _date_text(entry: DateMention) -> str:
    shown = entry.date.isoformat()
    if entry.precision == "month":
        return shown[:7]
    if entry.precision == "year":
        return shown[:4]
    if entry.precision == "week":
        return f"week of {shown}"
    return shown


def published_dates(cmp: Comparison) -> dict[str, date]:
    return {entry.report: entry.date for entry in cmp.timeline if entry.kind == "published"}


def apart_line(cmp: Comparison) -> Text:
    published = published_dates(cmp)
    text = Text()
    if len(published) < 2:
        text.append("a publication date is missing: the reports cannot be placed apart", DIM)
        return text
    days = (published["b"] - published["a"]).days
    months = round(abs(days) / 30.44)
    order = "after" if days >= 0 else "before"
    text.append("B was published ", style=LABEL)
    text.append(f"{abs(days)} days (about {months} month{'s' if months != 1 else ''})", "bold")
    text.append(f" {order} A", style=LABEL)
    return text


class TimelineAxis:
    """Both reports' dates on one axis: A's mentions above it, B's below, publications on it."""

    def __init__(self, entries: Sequence[DateMention]) -> None:
        self.entries = list(entries)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(20, options.max_width)
        if not self.entries:
            yield Text("no dates", style=DIM)
            return
        first = min(entry.date for entry in self.entries)
        last = max(entry.date for entry in self.entries)
        span = max(1, (last - first).days)
        margin = 3  # "A  " / "B  " labels on the left

        def column(day: date) -> int:
            return margin + round((day - first).days / span * (width - margin - 1))

        above, below = [" "] * width, [" "] * width
        axis = ["─"] * width
        axis[:margin] = list(" " * margin)
        for entry in self.entries:
            at = min(width - 1, column(entry.date))
            if entry.kind == "published":
                axis[at] = entry.report.upper()
            else:
                (above if entry.report == "a" else below)[at] = "·"
        above[0], below[0] = "A", "B"
        yield self._line(above, "a")
        yield self._axis_line(axis)
        yield self._line(below, "b")
        yield self._labels(width, column, first, last)

    @staticmethod
    def _line(cells: list[str], report: str) -> Text:
        text = Text("".join(cells))
        text.stylize(STYLES[report], 0, 1)
        text.stylize(STYLES[report], 1)
        return text

    @staticmethod
    def _axis_line(cells: list[str]) -> Text:
        text = Text()
        for cell in cells:
            if cell in ("A", "B"):
                text.append(cell, style=STYLES["published"] + STYLES[cell.lower()])
            else:
                text.append(cell, style=DIM)
        return text

    def _labels(self, width: int, column: Callable[[date], int], first: date, last: date) -> Text:
        """Dates under the axis: each publication (A and B), then both ends where room is left."""
        cells = [" "] * width
        taken = [False] * width
        published = sorted(
            (entry for entry in self.entries if entry.kind == "published"), key=lambda e: e.date
        )
        labels = [(column(e.date), f"{e.report.upper()} {e.date.isoformat()}") for e in published]
        labels += [(column(first), first.isoformat()[:7]), (column(last), last.isoformat()[:7])]
        for at, label in labels:
            start = max(0, min(at - len(label) // 2, width - len(label)))
            if any(taken[start : start + len(label) + 1]):
                continue
            for offset, char in enumerate(label):
                cells[start + offset] = char
                taken[start + offset] = True
        return Text("".join(cells).rstrip(), style=DIM)


def mention_sentence(entry: DateMention, body: str) -> tuple[Text, Range | None]:
    """The sentence a date mention sits in (the date's words marked) and its range."""
    if entry.start is None or entry.end is None or not body:
        return Text(""), None
    sentence = sentence_at(all_sentences(body), entry.start)
    start, end = (sentence.start, sentence.end) if sentence else (entry.start, entry.end)
    return body_text(body, start, end, [(entry.start, entry.end, STYLES["phrase"])]), (start, end)


def timeline_section(cmp: Comparison, body_a: str = "", body_b: str = "") -> Section:
    """Both reports' dates on one axis, then one row per date with the sentence it sits in."""
    rows: list[RenderableType | Row] = [
        apart_line(cmp),
        Text(""),
        TimelineAxis(cmp.timeline),
        Text(""),
        Text(
            "Relative dates (“on Tuesday”, “last week”) are resolved against each report's "
            "publication date.\n",
            style=DIM,
        ),
        _timeline_line(Text("date", LABEL), Text(""), Text("as written · in the sentence", LABEL)),
    ]
    for entry in cmp.timeline:
        if entry.kind == "published":
            line = _timeline_line(
                Text(_date_text(entry), LABEL), _report_label(entry.report),
                Text("published", LABEL),
            )  # fmt: skip
            rows.append(line)
            continue
        body = body_a if entry.report == "a" else body_b
        said = Text(f"“{one_line(entry.text)}”")
        sentence, where = mention_sentence(entry, body)
        if sentence.plain:
            said.append("  ")
            said.append_text(sentence)
        line = _timeline_line(Text(_date_text(entry)), _report_label(entry.report), said)
        rows.append(Row(line, *((where, None) if entry.report == "a" else (None, where))))
    return _section(*rows)


def _timeline_line(day: Text, report: Text, said: Text) -> Table:
    grid = Table.grid(expand=True, padding=(0, 2, 0, 0))
    grid.add_column(width=16, no_wrap=True)
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(day, report, said)
    return grid


# -- distinctive words ----------------------------------------------------------------------


def _term_cell(terms: Sequence[Term], index: int) -> Text:
    if index >= len(terms):
        return Text("")
    term = terms[index]
    cell = Text(term.term)
    cell.append(f"  {term.count_a}:{term.count_b}", style=DIM)
    return cell


def words_section(cmp: Comparison, body_a: str = "", body_b: str = "") -> Section:
    rows: list[RenderableType | Row] = [
        _heading("Distinctive words"),
        Text(
            "Terms each report uses far more than the other (log-odds with a prior); "
            "counts are A:B.\n",
            style=DIM,
        ),
        _pair_line(Text("more in A", style=STYLES["a"]), Text("more in B", style=STYLES["b"])),
    ]
    for index in range(max(len(cmp.distinctive_a), len(cmp.distinctive_b))):
        terms = [
            side[index].term if index < len(side) else ""
            for side in (cmp.distinctive_a, cmp.distinctive_b)
        ]
        rows.append(
            Row(
                _pair_line(
                    _term_cell(cmp.distinctive_a, index), _term_cell(cmp.distinctive_b, index)
                ),
                first_occurrence(body_a, terms[0]),
                first_occurrence(body_b, terms[1]),
            )
        )
    return _section(*rows)


SectionBuilder = Callable[[Comparison, str, str], Section]
SECTIONS: dict[str, SectionBuilder] = {
    "entities": entities_section,
    "quotes": quotes_section,
    "differences": differences_section,
    "timeline": timeline_section,
    "words": words_section,
}


# -- the whole comparison, for the command line ---------------------------------------------

# Sections whose renderable starts without a heading of its own (on screen the tab names them).
PRINTED_HEADINGS = {"entities": "Entities", "quotes": "Quotes", "timeline": "Timeline"}


def render_comparison(cmp: Comparison, body_a: str, body_b: str, width: int) -> RenderableType:
    """Every section one after the other (what `kimreader compare` prints)."""
    parts: list[RenderableType] = [title_line(cmp, "a"), title_line(cmp, "b")]
    if cmp.verdict is not None:
        parts.append(Text(f"Same story? {cmp.verdict.summary()}", style=DIM))
    parts.append(Text(""))
    parts.append(aligned_section(cmp, aligned_rows(cmp, body_a, body_b), width))
    parts.append(only_b_section(cmp, body_b))
    for name, build in SECTIONS.items():
        parts.append(Text(""))
        if name in PRINTED_HEADINGS:
            parts.append(_heading(PRINTED_HEADINGS[name]))
        parts.append(build(cmp, body_a, body_b))
    return Group(*parts)


def plain_text(renderable: RenderableType, width: int = 100) -> str:
    """A renderable as plain text lines, no styles."""
    console = Console(width=width, color_system=None, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()
