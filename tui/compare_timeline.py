"""The comparison's timeline tab: both reports' dates on one axis, then one row per date with
the sentence it sits in (plain Rich, like the other sections in `compare_render`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from kimreader.analysis.compare import Comparison
from kimreader.analysis.text import all_sentences, sentence_at
from kimreader.analysis.timeline import DateMention
from kimreader.corpus.sanitize import sanitize_line
from kimreader.tui.compare_pieces import (
    DIM,
    LABEL,
    STYLES,
    Range,
    Row,
    Section,
    body_text,
    report_label,
    section,
)


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
                Text(_date_text(entry), LABEL), report_label(entry.report),
                Text("published", LABEL),
            )  # fmt: skip
            rows.append(line)
            continue
        body = body_a if entry.report == "a" else body_b
        said = Text(f"“{sanitize_line(entry.text)}”")
        sentence, where = mention_sentence(entry, body)
        if sentence.plain:
            said.append("  ")
            said.append_text(sentence)
        line = _timeline_line(Text(_date_text(entry)), report_label(entry.report), said)
        rows.append(Row(line, *((where, None) if entry.report == "a" else (None, where))))
    return section(*rows)


def _timeline_line(day: Text, report: Text, said: Text) -> Table:
    grid = Table.grid(expand=True, padding=(0, 2, 0, 0))
    grid.add_column(width=16, no_wrap=True)
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(day, report, said)
    return grid
