"""The reader: an article laid out line by line (Line API), hits and mentions highlighted.

Layouts are cached per width and rendered lines (strips) by line number. Scrolling renders only
lines not seen before; moving to the next hit or mention re-renders only the lines holding the
old and the new current one; nothing is wrapped again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from kimreader.tui import actions
from kimreader.tui.widgets.layout import (
    SYNTHETIC,
    Block,
    Layout,
    Line,
    parse_blocks,
    wrap_block,
)

if TYPE_CHECKING:
    from kimreader.corpus.article import Article
    from kimreader.corpus.span import Span

# Style names used by the layout (block kinds, inline styles) and the marks; each is the
# component class "reader--NAME" (spaces and underscores as hyphens), styled in DEFAULT_CSS.
STYLE_NAMES = (
    "title", "meta", "url", "h1", "h2", "h3", "h4", "h5", "h6", "quote", "code", "link",
    "link_target", "bold", "italic", "bold italic", "prefix", "rule",
    "hit", "hit_current", "mention", "mention_current", "highlight", "marks", "passage",
)  # fmt: skip
MAX_CACHED_STRIPS = 4000
MAX_CACHED_LAYOUTS = 3


def component_class(name: str) -> str:
    return "reader--" + name.replace(" ", "-").replace("_", "-")


def header_blocks(article: Article, marks: str = "") -> list[Block]:
    """Title, source · authors · date, url, the reader's marks: shown above the body; the url
    is never followed."""
    title = Block(kind="title", source="title")
    title.add(article.title or "(untitled)", 0 if article.title else None)
    meta = Block(kind="meta", source="")
    parts = [article.source, ", ".join(article.authors), article.published_iso]
    meta.add(" · ".join(p for p in parts if p) or "no source, author or date", None)
    blocks = [title, meta]
    if article.url:
        url = Block(kind="meta", source="")
        url.add(article.url, None, "url")
        blocks.append(url)
    if marks:
        line = Block(kind="meta", source="")
        line.add(marks, None, "marks")
        blocks.append(line)
    blocks.append(Block(kind="rule", source=""))
    return blocks


def _marks_index(blocks: Sequence[Block]) -> int | None:
    """Where the header's marks line is, if it has one."""
    for index, block in enumerate(blocks):
        if block.kind == "rule":
            return None  # the header ends at its rule
        if block.styles and block.styles[0][2] == "marks":
            return index
    return None


class Marks:
    """Sorted, non-overlapping spans with a lookup of those touching a range."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = sorted((s, e) for s, e in spans if e > s)
        self.starts = [s for s, _ in self.spans]

    def touching(self, low: int, high: int) -> list[tuple[int, Span]]:
        first = max(0, bisect_right(self.starts, low) - 1)
        found = []
        for index in range(first, len(self.spans)):
            start, end = self.spans[index]
            if start >= high:
                break
            if end > low:
                found.append((index, (start, end)))
        return found


class ReaderView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article, its search hits and the selected entity's mentions."""

    BINDINGS: ClassVar = actions.bindings("reader")
    COMPONENT_CLASSES: ClassVar = {component_class(name) for name in STYLE_NAMES}
    # Named ANSI colours plus reverse/bold/underline: they read on 16, 256 and true colour
    # terminals, and the marks differ in their attributes too, so they still read with
    # NO_COLOR (tests/test_themes.py). Themes may restyle any of these classes.
    DEFAULT_CSS = """
    ReaderView {
        & > .reader--title { text-style: bold; }
        & > .reader--meta { text-style: italic; }
        & > .reader--url { text-style: underline; }
        & > .reader--h1 { text-style: bold underline; }
        & > .reader--h2 { text-style: bold; }
        & > .reader--h3 { text-style: bold italic; }
        & > .reader--h4 { text-style: bold; }
        & > .reader--h5 { text-style: bold; }
        & > .reader--h6 { text-style: bold; }
        & > .reader--quote { text-style: italic; }
        & > .reader--code { text-style: bold; }
        & > .reader--link { text-style: underline; }
        & > .reader--link-target { text-style: dim; }
        & > .reader--bold { text-style: bold; }
        & > .reader--italic { text-style: italic; }
        & > .reader--bold-italic { text-style: bold italic; }
        & > .reader--prefix { text-style: bold; }
        & > .reader--rule { text-style: dim; }
        & > .reader--hit { color: ansi_black; background: ansi_yellow; text-style: underline; }
        & > .reader--hit-current {
            color: ansi_red; background: ansi_white; text-style: bold reverse;
        }
        & > .reader--mention { color: ansi_magenta; text-style: bold underline; }
        & > .reader--mention-current { color: ansi_magenta; text-style: bold reverse underline; }
        & > .reader--highlight { color: ansi_black; background: ansi_cyan; }
        & > .reader--marks { text-style: bold; }
        & > .reader--passage { text-style: reverse; }
    }
    """

    class HitChanged(Message):
        """The current hit or the set of hits changed (current is 0-based, None if none)."""

        def __init__(self, current: int | None, total: int) -> None:
            super().__init__()
            self.current = current
            self.total = total

    class MentionChanged(Message):
        def __init__(self, current: int | None, total: int) -> None:
            super().__init__()
            self.current = current
            self.total = total

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.article: Article | None = None
        self._blocks: list[Block] = []
        self._layouts: LRUCache[int, Layout] = LRUCache(MAX_CACHED_LAYOUTS)  # by wrap width
        self._strips: LRUCache[int, Strip] = LRUCache(MAX_CACHED_STRIPS)  # by line number
        self._base_style: Style | None = None  # the widget's style in the last frame
        self._frame: tuple[int, int] | None = None  # (scroll y, width) while a frame renders
        self.hits: list[tuple[str, int, int]] = []  # (source, start, end), in reading order
        self.current_hit: int | None = None
        self._current_mark: tuple[str, int] | None = None  # current hit: (source, mark index)
        self._hit_marks = {"body": Marks(()), "title": Marks(())}
        self.mentions: list[Span] = []
        self.current_mention: int | None = None
        self._mention_marks = Marks(())
        self._body_blocks: list[Block] = []
        self._marks = ""
        self._highlight_marks = Marks(())  # passages with notes
        self.passage: Span | None = None  # the text the compare screen opened the article at
        self._passage_marks = Marks(())

    # -- content ----------------------------------------------------------------------------

    def show_article(
        self,
        article: Article,
        body_hits: Sequence[Span] = (),
        title_hits: Sequence[Span] = (),
        marks: str = "",
        highlights: Sequence[Span] = (),
    ) -> None:
        self.article = article
        self._body_blocks = parse_blocks(article.body)
        self._marks = marks
        self._blocks = header_blocks(article, marks) + self._body_blocks
        self._layouts.clear()
        self.mentions, self.current_mention, self._mention_marks = [], None, Marks(())
        self._highlight_marks = Marks(highlights)
        self.passage, self._passage_marks = None, Marks(())
        self.post_message(self.MentionChanged(None, 0))  # no counter left from the last one
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.set_hits(body_hits, title_hits)
        self._relayout()

    def set_marks(self, marks: str) -> None:
        """The header's line of the reader's own marks (starred, unread, tags, notes).

        When the line wraps to as many lines as before, only it is redrawn: the article's
        text is not wrapped again (marking an article read happens while it is read)."""
        if self.article is None or marks == self._marks:
            return
        self._marks = marks
        header = header_blocks(self.article, marks)
        index = _marks_index(self._blocks)
        if index is not None and index == _marks_index(header):
            if self._patch_block(index, header[index]):
                return
        self._blocks = header + self._body_blocks
        self._layouts.clear()
        self._relayout()

    def _patch_block(self, index: int, block: Block) -> bool:
        """Put `block` in place of block `index` in every cached layout, if it takes as many
        lines there; False (nothing changed) otherwise."""
        layouts = [(width, self._layouts.get(width)) for width in list(self._layouts.keys())]
        wrapped = {}
        for width, layout in layouts:
            assert layout is not None
            first = layout.block_first_line[index]
            old = sum(1 for line in layout.lines[first:] if line.block == index)
            wrapped[width] = wrap_block(block, width)
            if len(wrapped[width]) != old:
                return False
        self._blocks[index] = block  # (the layouts share this list)
        for width, layout in layouts:
            assert layout is not None
            first = layout.block_first_line[index]
            for number, (start, end) in enumerate(wrapped[width]):
                layout.lines[first + number] = Line(index, start, end, number == 0)
        self._restyle()
        return True

    def show_passage(self, span: Span) -> None:
        """Mark body[start:end] (a sentence the compare screen pointed at) and scroll to it."""
        self.passage, self._passage_marks = span, Marks([span])
        self._restyle()
        self.scroll_to_offset("body", span[0])

    def set_highlights(self, spans: Sequence[Span]) -> None:
        self._highlight_marks = Marks(spans)
        self._restyle()

    def top_offset(self) -> int:
        """The body offset at the top of the view: where the reader is reading."""
        layout = self.text_layout
        for line in layout.lines[self.scroll_offset.y :]:
            if line.block < 0:
                continue
            block = self._blocks[line.block]
            if block.source != "body":
                continue
            real = [o for o in block.offsets[line.start : max(line.end, line.start + 1)] if o >= 0]
            if real:
                return real[0]
        return 0

    def clear(self) -> None:
        self.article = None
        self._blocks = []
        self._layouts.clear()
        self.set_hits((), ())
        self._relayout()

    def set_hits(self, body_hits: Sequence[Span], title_hits: Sequence[Span] = ()) -> None:
        title = sorted(title_hits)
        body = sorted(body_hits)
        self.hits = [("title", s, e) for s, e in title] + [("body", s, e) for s, e in body]
        self._hit_marks = {"body": Marks(body), "title": Marks(title)}
        self.current_hit, self._current_mark = None, None
        self._restyle()
        self.post_message(self.HitChanged(None, len(self.hits)))

    def set_mentions(self, spans: Sequence[Span]) -> None:
        self.mentions = sorted(spans)
        self._mention_marks = Marks(self.mentions)
        self.current_mention = None
        self._restyle()
        self.post_message(self.MentionChanged(None, len(self.mentions)))

    # -- moving between hits and mentions ---------------------------------------------------

    def next_hit(self, step: int = 1) -> int | None:
        if not self.hits:
            return None
        previous = self.current_hit
        self.current_hit = _step(self.current_hit, step, len(self.hits))
        source, start, end = self.hits[self.current_hit]
        spans = self._hit_marks[source].spans
        self._current_mark = (source, spans.index((start, end))) if end > start else None
        if previous is not None:
            self._restyle_span(*self.hits[previous])
        self._restyle_span(source, start, end)
        self.scroll_to_offset(source, start)
        self.post_message(self.HitChanged(self.current_hit, len(self.hits)))
        return self.current_hit

    def next_mention(self, step: int = 1) -> int | None:
        if not self.mentions:
            return None
        return self.go_to_mention(_step(self.current_mention, step, len(self.mentions)))

    def go_to_mention(self, index: int) -> int:
        previous, self.current_mention = self.current_mention, index
        if previous is not None:
            self._restyle_span("body", *self.mentions[previous])
        self._restyle_span("body", *self.mentions[index])
        self.scroll_to_offset("body", self.mentions[index][0])
        self.post_message(self.MentionChanged(index, len(self.mentions)))
        return index

    def scroll_to_offset(self, source: str, offset: int) -> None:
        line = self.text_layout.line_of(source, offset)
        if line is None:
            return
        top = self.scroll_offset.y
        height = max(1, self.scrollable_content_region.height)
        if not top <= line < top + height - 1:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def line_of_current_hit(self) -> int | None:
        if self.current_hit is None:
            return None
        source, start, _ = self.hits[self.current_hit]
        return self.text_layout.line_of(source, start)

    # -- actions ----------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_cursor_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)

    def action_first(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_last(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_page_down(self) -> None:
        self.scroll_relative(y=max(1, self.scrollable_content_region.height - 2), animate=False)

    def action_page_up(self) -> None:
        self.scroll_relative(y=-max(1, self.scrollable_content_region.height - 2), animate=False)

    # -- layout and rendering ---------------------------------------------------------------

    @property
    def wrap_width(self) -> int:
        return _wrap_width(self.scrollable_content_region.width)

    @property
    def text_layout(self) -> Layout:
        return self._layout_at(self.wrap_width)

    def _layout_at(self, width: int) -> Layout:
        layout = self._layouts.get(width)
        if layout is None:
            layout = Layout.build(self._blocks, width)
            self._layouts.set(width, layout)
        return layout

    def _relayout(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.wrap_width, len(self.text_layout.lines))
        self.refresh()

    def _restyle(self) -> None:
        self._strips.clear()
        self.refresh()

    def _restyle_span(self, source: str, start: int, end: int) -> None:
        """Forget and repaint the lines showing [start, end) of a source (a hit or mention)."""
        layout = self.text_layout
        first = layout.line_of(source, start)
        if first is None:
            return
        last = layout.line_of(source, max(start, end - 1))
        last = first if last is None else max(first, last)
        for index in range(first, last + 1):
            self._strips.discard(index)
        top = self.scroll_offset.y
        width = max(self.virtual_size.width, self.size.width)
        self.refresh(Region(0, first - top, width, last - first + 1))

    def on_resize(self) -> None:
        self._relayout()

    def style_of(self, name: str) -> Style:
        """The style of a block kind, inline style or mark (none for plain paragraphs)."""
        if name not in STYLE_NAMES:
            return Style()
        return self.get_component_rich_style(component_class(name), partial=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a theme or stylesheet change restyles every line

    def render_lines(self, crop: Region) -> list[Strip]:
        # Style, scroll offset and width are walks over the DOM: looked up once per frame here,
        # not once per line. Lines rendered in another style (focus changes the background) are
        # rendered again.
        base = self.rich_style
        if base != self._base_style:
            self._base_style = base
            self._strips.clear()
        self._frame = (self.scroll_offset.y, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        top, width = self._frame or (self.scroll_offset.y, self.scrollable_content_region.width)
        index = top + y
        strip = self._strips.get(index)
        if strip is None or strip.cell_length != width:
            strip = self._render_line(index, width)
            self._strips.set(index, strip)
        return strip

    def _render_line(self, index: int, width: int) -> Strip:
        base = self._base_style
        if base is None:  # rendered outside a frame (render_lines sets it)
            base = self._base_style = self.rich_style
        lines = self._layout_at(_wrap_width(width)).lines
        if index >= len(lines) or lines[index].block < 0:
            return Strip.blank(width, base)
        line = lines[index]
        block = self._blocks[line.block]
        text = self._line_text(block, line.start, line.end, line.first, width)
        segments = list(text.render(self.app.console, end=""))
        strip = Strip(Segment.apply_style(segments, base))
        return strip.crop_extend(0, width, base)

    def _line_text(self, block: Block, start: int, end: int, first: bool, width: int) -> Text:
        prefix = block.first_prefix if first else block.prefix
        text = Text(no_wrap=True, end="")
        text.append(prefix, style=self.style_of("prefix"))
        if block.kind == "rule":
            text.append("─" * max(0, width), style=self.style_of("rule"))
            return text
        shown = block.text[start:end].rstrip()
        stop = start + len(shown)
        text.append(shown, style=self.style_of(block.kind))
        shift = len(prefix) - start
        for s, e, name in block.styles:
            if s < stop and e > start:
                text.stylize(self.style_of(name), max(s, start) + shift, min(e, stop) + shift)
        for a, b, style in self._marks_in(block, start, stop):
            text.stylize(style, a + shift, b + shift)
        return text

    def _marks_in(self, block: Block, start: int, stop: int) -> list[tuple[int, int, Style]]:
        """Display runs of mentions, then hits (drawn last, on top), within [start, stop)."""
        real = [o for o in block.offsets[start:stop] if o != SYNTHETIC]
        if not real or block.source not in self._hit_marks:
            return []
        low, high = min(real), max(real) + 1
        runs: list[tuple[int, int, Style]] = []
        layers: list[tuple[Marks, int | None, str]] = []
        if block.source == "body":
            layers.append((self._passage_marks, None, "passage"))
            layers.append((self._highlight_marks, None, "highlight"))
            layers.append((self._mention_marks, self.current_mention, "mention"))
        current_hit = self._current_span_index(block.source)
        layers.append((self._hit_marks[block.source], current_hit, "hit"))
        for marks, current, name in layers:
            for index, (s, e) in marks.touching(low, high):
                style = self.style_of(f"{name}_current" if index == current else name)
                runs.extend(_display_runs(block.offsets, start, stop, s, e, style))
        return runs

    def _current_span_index(self, source: str) -> int | None:
        """The index, within one source's marks, of the current hit."""
        current = self._current_mark
        if current is None or current[0] != source:
            return None
        return current[1]


def _display_runs(
    offsets: list[int], start: int, stop: int, low: int, high: int, style: Style
) -> list[tuple[int, int, Style]]:
    runs = []
    run_start = None
    for position in range(start, stop):
        inside = low <= offsets[position] < high
        if inside and run_start is None:
            run_start = position
        elif not inside and run_start is not None:
            runs.append((run_start, position, style))
            run_start = None
    if run_start is not None:
        runs.append((run_start, stop, style))
    return runs


def _wrap_width(width: int) -> int:
    """Wrap at the width shown, however narrow (80 only before the widget has a size)."""
    return width if width > 0 else 80


def _step(current: int | None, step: int, total: int) -> int:
    if current is None:
        return 0 if step > 0 else total - 1
    return (current + step) % total
