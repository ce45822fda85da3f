"""The comparison's other tabs: entities, quotes, possible differences, timeline, words.

Each tab is a rich renderable built from a `Comparison` and the two bodies; every piece of article
text (names, quotes, sentences, titles) enters as `Text`, never as markup. `SectionView` scrolls
one of them with the compare screen's keys.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from kimreader.analysis.compare import Comparison
from kimreader.analysis.differences import Difference, Fact
from kimreader.analysis.names import canonical_key
from kimreader.analysis.quotes import Quote
from kimreader.analysis.timeline import DateMention
from kimreader.analysis.words import Term

HEADING = Style.parse("bold underline")
LABEL = Style.parse("bold")
DIM = Style.parse("dim")
SPEAKER = Style.parse("bold cyan")
BOTH = Style.parse("bold green")
PHRASE = Style.parse("bold black on yellow")
REPORT_STYLES = {"a": Style.parse("bold magenta"), "b": Style.parse("bold blue")}
TIMELINE_PUBLISHED = Style.parse("bold reverse")


def _heading(title: str) -> Text:
    return Text(title, style=HEADING)


def _report_label(report: str) -> Text:
    return Text(report.upper(), style=REPORT_STYLES.get(report, LABEL))


def _title_line(cmp: Comparison, report: str) -> Text:
    meta = cmp.a if report == "a" else cmp.b
    line = _report_label(report)
    line.append("  ")
    line.append(meta.get("title") or "(untitled)", style=LABEL)
    details = "  ".join(x for x in (meta.get("source") or "", meta.get("published") or "") if x)
    line.append(f"  {details or 'undated'}", style=DIM)
    return line


# -- entities -------------------------------------------------------------------------------


def entities_section(cmp: Comparison) -> RenderableType:
    """Entities named in both (mentions in each), only in A, only in B."""
    entities = cmp.entities
    if not (entities.shared or entities.only_a or entities.only_b):
        return Text(
            "no entities stored for these reports (kimreader reindex extracts them)", style=DIM
        )
    shared = Table(box=None, pad_edge=False, show_edge=False, expand=False)
    for header, justify in (("name", "left"), ("type", "left"), ("A", "right"), ("B", "right")):
        shared.add_column(Text(header, style=LABEL), justify=justify)  # type: ignore[arg-type]
    for entity in entities.shared:
        shared.add_row(
            Text(entity.name),
            Text(entity.type, style=DIM),
            Text(str(entity.count_a)),
            Text(str(entity.count_b)),
        )
    only = Table(box=None, pad_edge=False, show_edge=False, expand=True)
    only.add_column(Text(f"only in A ({len(entities.only_a)})", style=LABEL), ratio=1)
    only.add_column(Text(f"only in B ({len(entities.only_b)})", style=LABEL), ratio=1)
    for index in range(max(len(entities.only_a), len(entities.only_b))):
        cells = []
        for side in (entities.only_a, entities.only_b):
            if index < len(side):
                cell = Text(side[index].name)
                cell.append(f" {side[index].count}  {side[index].type}", style=DIM)
                cells.append(cell)
            else:
                cells.append(Text(""))
        only.add_row(*cells)
    return Group(
        _heading(f"In both reports ({len(entities.shared)}): mentions in A and in B"),
        shared if entities.shared else Text("none", style=DIM),
        Text(""),
        only,
    )


# -- quotes ---------------------------------------------------------------------------------


def _in_both(quote: Quote, names: set[str]) -> bool:
    return bool(quote.speaker) and canonical_key(quote.speaker, "person") in names


def _hanging(label: Text, body: Text, indent: int = 3) -> Table:
    """A label, then text whose wrapped lines stay indented under the first."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=indent, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(label, body)
    return grid


def quote_lines(quote: Quote, names: set[str]) -> Group:
    """Speaker, role, full or fragment, "quoted in both"; then the quote itself, indented."""
    line = _report_label(quote.report)
    line.append("  ")
    line.append(quote.speaker or "(speaker not found)", style=SPEAKER if quote.speaker else DIM)
    if quote.role:
        line.append(", ")
        line.append(quote.role, style="italic")
    line.append("  full" if quote.full else "  fragment", style=DIM)
    if _in_both(quote, names):
        line.append("  ◆ quoted in both", style=BOTH)
    said = Text("“")
    said.append(" ".join(quote.text.split()))
    said.append("”")
    return Group(line, _hanging(Text(""), said))


def quotes_section(cmp: Comparison) -> RenderableType:
    names = {canonical_key(name, "person") for name in cmp.quoted_in_both}
    parts: list[RenderableType] = []
    both = Text("quoted in both reports: ", style=LABEL)
    both.append(", ".join(cmp.quoted_in_both) or "nobody", style=BOTH if names else DIM)
    parts.append(both)
    for report in ("a", "b"):
        quotes = [quote for quote in cmp.quotes if quote.report == report]
        parts.append(Text(""))
        heading = _title_line(cmp, report)
        heading.append(f"  {len(quotes)} quote{'s' if len(quotes) != 1 else ''}", style=LABEL)
        parts.append(heading)
        parts.extend(quote_lines(quote, names) for quote in quotes)
        if not quotes:
            parts.append(Text("   no direct quotes found", style=DIM))
    return Group(*parts)


# -- possible differences -------------------------------------------------------------------


def _sentence(fact: Fact) -> Text:
    """The sentence holding a fact, the fact's words marked (offsets into the body)."""
    sentence = fact.sentence
    text = Text("".join(" " if char in "\n\t\r" else char for char in sentence.text), end="")
    start, end = fact.start - sentence.start, fact.end - sentence.start
    if 0 <= start < end <= len(sentence.text):
        text.stylize(PHRASE, start, end)
    return text


def difference_lines(item: Difference, label: str) -> Group:
    heading = Text(f"{label} · {item.topic}: ", style=LABEL)
    heading.append_text(_report_label("a"))
    heading.append(f" “{item.a.phrase}”  vs  ")
    heading.append_text(_report_label("b"))
    heading.append(f" “{item.b.phrase}”")
    parts: list[RenderableType] = [heading]
    for report, fact in (("a", item.a), ("b", item.b)):
        parts.append(_hanging(Text("  ") + _report_label(report), _sentence(fact), indent=4))
    parts.append(Text(""))
    return Group(*parts)


def differences_section(cmp: Comparison) -> RenderableType:
    parts: list[RenderableType] = [
        _heading(f"Possible differences ({len(cmp.differences)})"),
        Text(
            "Heuristic: numbers, ordinals, travel modes and days of the same kind of thing that "
            "differ. The reports may be about different events; check the sentences.\n",
            style=DIM,
        ),
    ]
    parts.extend(difference_lines(item, "possible") for item in cmp.differences)
    if not cmp.differences:
        parts.append(Text("none found\n", style=DIM))
    parts.append(_heading(f"Agreements ({len(cmp.agreements)})"))
    parts.extend(difference_lines(item, "agree") for item in cmp.agreements)
    if not cmp.agreements:
        parts.append(Text("none found", style=DIM))
    return Group(*parts)


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
        text.stylize(REPORT_STYLES[report], 0, 1)
        text.stylize(REPORT_STYLES[report], 1)
        return text

    @staticmethod
    def _axis_line(cells: list[str]) -> Text:
        text = Text()
        for cell in cells:
            if cell in ("A", "B"):
                text.append(cell, style=TIMELINE_PUBLISHED + REPORT_STYLES[cell.lower()])
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


def timeline_section(cmp: Comparison) -> RenderableType:
    listing = Table(box=None, pad_edge=False, show_edge=False)
    listing.add_column(Text("date", style=LABEL), no_wrap=True)
    listing.add_column(Text("", style=LABEL), no_wrap=True)
    listing.add_column(Text("as written", style=LABEL))
    for entry in cmp.timeline:
        published = entry.kind == "published"
        listing.add_row(
            Text(_date_text(entry), style=LABEL if published else Style()),
            _report_label(entry.report),
            Text("published", style=LABEL) if published else Text(f"“{entry.text}”"),
        )
    return Group(
        apart_line(cmp),
        Text(""),
        TimelineAxis(cmp.timeline),
        Text(""),
        Text(
            "Relative dates (“on Tuesday”, “last week”) are resolved against each report's "
            "publication date.\n",
            style=DIM,
        ),
        listing,
    )


# -- distinctive words ----------------------------------------------------------------------


def _term_cell(terms: Sequence[Term], index: int) -> Text:
    if index >= len(terms):
        return Text("")
    term = terms[index]
    cell = Text(term.term)
    cell.append(f"  {term.count_a}:{term.count_b}", style=DIM)
    return cell


def words_section(cmp: Comparison) -> RenderableType:
    table = Table(box=None, pad_edge=False, show_edge=False, expand=True)
    table.add_column(Text("more in A", style=REPORT_STYLES["a"]), ratio=1)
    table.add_column(Text("more in B", style=REPORT_STYLES["b"]), ratio=1)
    for index in range(max(len(cmp.distinctive_a), len(cmp.distinctive_b))):
        table.add_row(_term_cell(cmp.distinctive_a, index), _term_cell(cmp.distinctive_b, index))
    return Group(
        _heading("Distinctive words"),
        Text(
            "Terms each report uses far more than the other (log-odds with a prior); "
            "counts are A:B.\n",
            style=DIM,
        ),
        table,
    )


SECTIONS = {
    "entities": entities_section,
    "quotes": quotes_section,
    "differences": differences_section,
    "timeline": timeline_section,
    "words": words_section,
}


# -- the view -------------------------------------------------------------------------------


class SectionView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """One tab's renderable, scrolled by the compare screen's keys."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        self.renderable: RenderableType = Text("comparing…", style=DIM)
        super().__init__(Static(self.renderable), id=id)

    def show(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self.query_one(Static).update(renderable)
        self.scroll_home(animate=False, immediate=True)

    @property
    def text(self) -> str:
        """The section as plain text at the view's width (what tests read)."""
        return plain_text(self.renderable, max(20, self.scrollable_content_region.width))

    def cursor_down(self) -> None:
        self.scroll_relative(y=1, animate=False, immediate=True)

    def cursor_up(self) -> None:
        self.scroll_relative(y=-1, animate=False, immediate=True)

    def first(self) -> None:
        self.scroll_home(animate=False, immediate=True)

    def last(self) -> None:
        self.scroll_end(animate=False, immediate=True)

    def page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def page_up(self) -> None:
        self.scroll_page_up(animate=False)


def plain_text(renderable: RenderableType, width: int = 100) -> str:
    """A renderable as plain text lines, no styles."""
    console = Console(width=width, color_system=None, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()
