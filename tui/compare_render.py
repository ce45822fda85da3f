"""The comparison as Rich renderables: one set for the compare screen and `kimreader compare`.

Plain Rich, no Textual: the screen shows each section in a tab, the command line prints them all
one after the other. Every piece of article text (passages, names, quotes, sentences, titles)
enters as `Text`, never as markup; Markdown link syntax is dropped so a link reads as its words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from kimreader.analysis.align import AlignedPassage
from kimreader.analysis.compare import Comparison
from kimreader.analysis.differences import Difference, Fact
from kimreader.analysis.highlight import TermSpan, shared_term_spans
from kimreader.analysis.names import canonical_key
from kimreader.analysis.quotes import Quote
from kimreader.analysis.words import Term
from kimreader.corpus.sanitize import sanitize_line
from kimreader.tui.compare_pieces import (
    BAR_CELLS,
    DIM,
    LABEL,
    NO_COUNTERPART,
    STACK_BELOW,
    STYLES,
    Range,
    Row,
    Section,
    body_text,
    clipped,
    first_occurrence,
    hanging,
    heading,
    pair_line,
    report_label,
    score_bar,
    section,
    title_line,
)
from kimreader.tui.compare_timeline import timeline_section

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
    title = heading(
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
        return Group(title, table)
    parts: list[RenderableType] = [title]
    for row in rows:
        line = Text(f"{row.number}/{len(rows)}  ", style=LABEL)
        line.append_text(score_bar(row.passage.score, cmp.threshold, cells=10))
        if row.b_text is None:
            line.append("  " + NO_COUNTERPART, style=STYLES["note"])
        parts.append(line)
        parts.append(hanging(Text("A", style=LABEL), clipped(row.a_text), indent=1))
        if row.b_text is not None:
            parts.append(hanging(Text("B", style=LABEL), clipped(row.b_text), indent=1))
        parts.append(Text(""))
    return Group(*parts)


def only_b_section(cmp: Comparison, body_b: str) -> RenderableType:
    parts: list[RenderableType] = [
        heading(f"B passages that are no A passage's counterpart ({len(cmp.only_b)})")
    ]
    for span in cmp.only_b:
        parts.append(
            hanging(Text("•", style=DIM), clipped(body_text(body_b, span.start, span.end), 160))
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
        return section(
            Text("no entities stored for these reports (kimreader reindex extracts them)", DIM)
        )
    name_width = min(40, max((len(e.name) for e in entities.shared), default=4))
    rows: list[RenderableType | Row] = [
        heading(f"In both reports ({len(entities.shared)}): mentions in A and in B"),
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
        pair_line(
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
        rows.append(Row(pair_line(*cells), ranges[0], ranges[1]))
    return section(*rows)


def _entity_line(name: Text, kind: Text, count_a: str, count_b: str, width: int) -> Table:
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(width=width, no_wrap=True, overflow="ellipsis")
    grid.add_column(width=12, no_wrap=True)
    grid.add_column(width=3, justify="right")
    grid.add_column(width=3, justify="right")
    grid.add_row(name, kind, Text(count_a), Text(count_b))
    return grid


# -- quotes ---------------------------------------------------------------------------------


def _in_both(quote: Quote, names: set[str]) -> bool:
    return bool(quote.speaker) and canonical_key(quote.speaker, "person") in names


def quote_lines(quote: Quote, names: set[str]) -> Group:
    """Speaker, role, full or fragment, "quoted in both"; then the quote itself, indented."""
    line = report_label(quote.report)
    line.append("  ")
    line.append(
        quote.speaker or "(speaker not found)", style=STYLES["speaker"] if quote.speaker else DIM
    )
    if quote.kind_shown:
        line.append(f" ({quote.kind_shown})", style=DIM)
    if quote.role:
        line.append(", ")
        line.append(quote.role, style="italic")
    line.append("  full" if quote.full else "  fragment", style=DIM)
    if _in_both(quote, names):
        line.append("  ◆ quoted in both", style=STYLES["both"])
    said = Text("“")
    said.append(sanitize_line(quote.text))
    said.append("”")
    return Group(line, hanging(Text(""), said))


def quotes_section(cmp: Comparison, body_a: str = "", body_b: str = "") -> Section:
    names = {canonical_key(name, "person") for name in cmp.quoted_in_both}
    rows: list[RenderableType | Row] = []
    both = Text("quoted in both reports: ", style=LABEL)
    both.append(", ".join(cmp.quoted_in_both) or "nobody", style=STYLES["both"] if names else DIM)
    rows.append(both)
    for report in ("a", "b"):
        quotes = [quote for quote in cmp.quotes if quote.report == report]
        rows.append(Text(""))
        title = title_line(cmp, report)
        title.append(f"  {len(quotes)} quote{'s' if len(quotes) != 1 else ''}", style=LABEL)
        rows.append(title)
        for quote in quotes:
            where = (quote.start, quote.end)
            rows.append(
                Row(quote_lines(quote, names), *((where, None) if report == "a" else (None, where)))
            )
        if not quotes:
            rows.append(Text("   no direct quotes found", style=DIM))
    return section(*rows)


# -- possible differences -------------------------------------------------------------------


def _sentence(fact: Fact) -> Text:
    """The sentence holding a fact, the fact's words marked (offsets into the body)."""
    sentence = fact.sentence
    return body_text(
        sentence.text, 0, len(sentence.text),
        [(fact.start - sentence.start, fact.end - sentence.start, STYLES["phrase"])],
    )  # fmt: skip


def difference_lines(item: Difference, label: str) -> Group:
    title = Text(f"{label} · {item.topic}: ", style=LABEL)
    title.append_text(report_label("a"))
    title.append(f" “{sanitize_line(item.a.phrase)}”  vs  ")
    title.append_text(report_label("b"))
    title.append(f" “{sanitize_line(item.b.phrase)}”")
    parts: list[RenderableType] = [title]
    for report, fact in (("a", item.a), ("b", item.b)):
        parts.append(hanging(Text("  ") + report_label(report), _sentence(fact), indent=4))
    parts.append(Text(""))
    return Group(*parts)


def differences_section(cmp: Comparison, body_a: str = "", body_b: str = "") -> Section:
    rows: list[RenderableType | Row] = [
        heading(f"Possible differences ({len(cmp.differences)})"),
        Text(
            "Each is a possible difference, found by heuristics: values of the same kind of thing "
            "that differ. The reports may be about different events; check the sentences.\n",
            style=DIM,
        ),
    ]
    rows.extend(_difference_row(item, "possible") for item in cmp.differences)
    if not cmp.differences:
        rows.append(Text("none found\n", style=DIM))
    rows.append(heading(f"Agreements ({len(cmp.agreements)})"))
    rows.extend(_difference_row(item, "agree") for item in cmp.agreements)
    if not cmp.agreements:
        rows.append(Text("none found", style=DIM))
    return section(*rows)


def _difference_row(item: Difference, label: str) -> Row:
    sentence_a, sentence_b = item.a.sentence, item.b.sentence
    return Row(
        difference_lines(item, label),
        (sentence_a.start, sentence_a.end),
        (sentence_b.start, sentence_b.end),
    )


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
        heading("Distinctive words"),
        Text(
            "Terms each report uses far more than the other (log-odds with a prior); "
            "counts are A:B.\n",
            style=DIM,
        ),
        pair_line(Text("more in A", style=STYLES["a"]), Text("more in B", style=STYLES["b"])),
    ]
    for index in range(max(len(cmp.distinctive_a), len(cmp.distinctive_b))):
        terms = [
            side[index].term if index < len(side) else ""
            for side in (cmp.distinctive_a, cmp.distinctive_b)
        ]
        rows.append(
            Row(
                pair_line(
                    _term_cell(cmp.distinctive_a, index), _term_cell(cmp.distinctive_b, index)
                ),
                first_occurrence(body_a, terms[0]),
                first_occurrence(body_b, terms[1]),
            )
        )
    return section(*rows)


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
            parts.append(heading(PRINTED_HEADINGS[name]))
        parts.append(build(cmp, body_a, body_b))
    return Group(*parts)
