"""`kimreader compare A B`: a comparison as readable terminal text.

Article text, titles and names are untrusted: they only ever enter rich as Text, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from kimreader.analysis.compare import Comparison
    from kimreader.corpus.article import Article

PASSAGE_CHARS = 320  # a passage longer than this is cut, the full text is one key away
STACK_BELOW = 100  # narrower than this, B's passage goes under A's instead of beside it
BAR_CELLS = 10


def _heading(title: str) -> Text:
    from rich.text import Text

    return Text(f"\n{title}", style="bold underline")


def _clip(text: str, limit: int = PASSAGE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def score_bar(score: float, threshold: float) -> Text:
    """A bar of BAR_CELLS cells with the score; dim below the threshold."""
    from rich.text import Text

    filled = max(0, min(BAR_CELLS, round(score * BAR_CELLS)))
    style = "green" if score >= threshold else "dim"
    bar = Text("█" * filled, style=style)
    bar.append("░" * (BAR_CELLS - filled), style="dim")
    bar.append(f" {score:.2f}", style=style)
    return bar


def _header(cmp: Comparison) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for label, meta in (("A", cmp.a), ("B", cmp.b)):
        line = Text(meta.get("title") or "(untitled)", style="bold")
        line.append(f"  {meta.get('source') or ''}  {meta.get('published') or 'undated'}", "dim")
        table.add_row(Text(label), line)
    return table


def _aligned(cmp: Comparison, a: Article, b: Article, width: int) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    stacked = width < STACK_BELOW
    table = Table(show_lines=True, expand=True)
    table.add_column("A", ratio=1)
    if not stacked:
        table.add_column("closest in B", ratio=1)
    table.add_column("score", no_wrap=True, width=BAR_CELLS + 5)
    for row in cmp.aligned:
        left = Text(_clip(a.body[row.a_start : row.a_end]))
        if row.best is not None:
            right = Text(_clip(b.body[row.best.b_start : row.best.b_end]))
        else:
            right = Text("no close counterpart in B", style="dim italic")
            left.stylize("dim")
        if stacked:
            cell = left.copy()
            cell.append("\nB: ", style="bold")
            cell.append_text(right)
            table.add_row(cell, score_bar(row.score, cmp.threshold))
        else:
            table.add_row(left, right, score_bar(row.score, cmp.threshold))
    return table


def _only_b(cmp: Comparison, b: Article) -> RenderableType:
    from rich.text import Text

    text = Text()
    for span in cmp.only_b:
        text.append("• ", style="dim")
        text.append(_clip(b.body[span.start : span.end], 160) + "\n")
    return text if cmp.only_b else Text("(every passage of B is some A passage's counterpart)")


def _entities(cmp: Comparison) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    entities = cmp.entities
    if not (entities.shared or entities.only_a or entities.only_b):
        return Text("(no entities given)", style="dim")
    table = Table(box=None, title=Text("in both", style="bold"), title_justify="left")
    table.add_column("name")
    table.add_column("type", style="dim")
    table.add_column("A", justify="right")
    table.add_column("B", justify="right")
    for shared in entities.shared:
        table.add_row(
            Text(shared.name), Text(shared.type), str(shared.count_a), str(shared.count_b)
        )
    only_a = Text("only in A: ", style="bold")
    only_a.append(", ".join(f"{e.name} ({e.count})" for e in entities.only_a) or "—")
    only_b = Text("only in B: ", style="bold")
    only_b.append(", ".join(f"{e.name} ({e.count})" for e in entities.only_b) or "—")
    return Group(table, only_a, only_b)


def _quotes(cmp: Comparison) -> RenderableType:
    from rich.text import Text

    text = Text()
    for report in ("a", "b"):
        quotes = [quote for quote in cmp.quotes if quote.report == report]
        text.append(f"{report.upper()}: {len(quotes)} quotes\n", style="bold")
        for quote in quotes:
            text.append("  ")
            text.append(quote.speaker or "(speaker not found)", style="cyan")
            if quote.role:
                text.append(f", {quote.role}", style="dim")
            text.append(": ")
            text.append(f"“{_clip(quote.text, 200)}”")
            text.append("" if quote.full else "  [fragment]", style="dim")
            text.append("\n")
    text.append("quoted in both: ", style="bold")
    text.append(", ".join(cmp.quoted_in_both) or "nobody")
    return text


def _differences(cmp: Comparison, agreements: bool) -> RenderableType:
    from rich.text import Text

    items = cmp.agreements if agreements else cmp.differences
    if not items:
        return Text("none found", style="dim")
    text = Text()
    for item in items:
        label = "agree" if agreements else "possible difference"
        text.append(f"{item.topic} ({label}): ", style="bold")
        text.append(f"A “{item.a.phrase}”", style="yellow")
        text.append(" vs ")
        text.append(f"B “{item.b.phrase}”\n", style="yellow")
        text.append("  A: ", style="dim")
        text.append(_clip(item.a.sentence.text, 200) + "\n")
        text.append("  B: ", style="dim")
        text.append(_clip(item.b.sentence.text, 200) + "\n")
    return text


def _timeline(cmp: Comparison) -> RenderableType:
    from rich.text import Text

    text = Text()
    published = {e.report: e.date for e in cmp.timeline if e.kind == "published"}
    if len(published) == 2:
        days = abs((published["b"] - published["a"]).days)
        text.append(f"published {days} days (about {round(days / 30.44)} months) apart\n", "bold")
    for entry in cmp.timeline:
        date_text = entry.date.isoformat()
        if entry.precision == "month":
            date_text = date_text[:7]
        elif entry.precision == "year":
            date_text = date_text[:4]
        elif entry.precision == "week":
            date_text = f"week of {date_text}"
        style = "bold" if entry.kind == "published" else ""
        text.append(f"{date_text:<18} {entry.report.upper()}  ", style=style)
        text.append("published" if entry.kind == "published" else f"“{entry.text}”", style=style)
        text.append("\n")
    return text


def _distinctive(cmp: Comparison) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None)
    table.add_column("more in A")
    table.add_column("more in B")
    rows = max(len(cmp.distinctive_a), len(cmp.distinctive_b))
    for index in range(rows):
        cells = []
        for terms in (cmp.distinctive_a, cmp.distinctive_b):
            if index < len(terms):
                term = terms[index]
                cell = Text(term.term)
                cell.append(f"  {term.count_a}:{term.count_b}", style="dim")
                cells.append(cell)
            else:
                cells.append(Text(""))
        table.add_row(*cells)
    return table


def render_comparison(cmp: Comparison, a: Article, b: Article, width: int) -> RenderableType:
    """Every section of a comparison as one rich renderable."""
    from rich.console import Group

    matched = sum(1 for row in cmp.aligned if row.best is not None)
    return Group(
        _header(cmp),
        _heading(
            f"Aligned passages ({matched} of {len(cmp.aligned)} with a counterpart "
            f"at score ≥ {cmp.threshold:.2f})"
        ),
        _aligned(cmp, a, b, width),
        _heading(f"B passages that are no A passage's counterpart ({len(cmp.only_b)})"),
        _only_b(cmp, b),
        _heading("Entities"),
        _entities(cmp),
        _heading("Quotes"),
        _quotes(cmp),
        _heading("Possible differences (heuristic: check the sentences)"),
        _differences(cmp, agreements=False),
        _heading("Agreements"),
        _differences(cmp, agreements=True),
        _heading("Timeline"),
        _timeline(cmp),
        _heading("Distinctive words (log-odds, informative prior)"),
        _distinctive(cmp),
    )
