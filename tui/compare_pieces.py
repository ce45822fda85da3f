"""The pieces every comparison section is built of, as plain Rich (no Textual): styles, a
passage as `Text`, the score bar, title lines, and `Row`/`Section` (a tab's rows, printable).

Every piece of article text (passages, names, quotes, sentences, titles) enters as `Text`, never
as markup; Markdown link syntax is dropped so a link reads as its words.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.style import Style
from rich.table import Table
from rich.text import Text

from kimreader.analysis.compare import Comparison
from kimreader.analysis.highlight import link_syntax

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


def heading(title: str) -> Text:
    return Text(title, style=STYLES["heading"])


def report_label(report: str) -> Text:
    return Text(report.upper(), style=STYLES.get(report, LABEL))


def hanging(label: Text, body: RenderableType, indent: int = 3) -> Table:
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
    line = report_label(report)
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


def section(*parts: RenderableType | Row) -> Section:
    return Section(tuple(part if isinstance(part, Row) else Row(part) for part in parts))


def first_occurrence(body: str, words: str) -> Range | None:
    """Where `words` (a name or a term, any case) first appears in a body as whole words."""
    if not words:
        return None
    pattern = r"\b" + r"\W+".join(re.escape(word) for word in words.split()) + r"\w*"
    found = re.search(pattern, body, re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def pair_line(left: RenderableType, right: RenderableType) -> Table:
    """Two cells side by side, half the width each (A's, B's)."""
    grid = Table.grid(expand=True, padding=(0, 1, 0, 0))
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    grid.add_row(left, right)
    return grid


def plain_text(renderable: RenderableType, width: int = 100) -> str:
    """A renderable as plain text lines, no styles."""
    console = Console(width=width, color_system=None, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()
