"""The comparison screen: two reports side by side, and what they share, where they differ.

Opened from the main screen with `c`. The comparison is computed in a thread worker (pure
functions over the two stored articles and their stored entities; spaCy is never loaded here),
so the screen draws at once and says "comparing…" until it arrives. Tabs: aligned passages,
entities, quotes, possible differences, timeline, distinctive words. The screen dismisses with
(article id, body offset) when the user asks to read a passage in full, or None.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static, TabbedContent, TabPane, Tabs
from textual.widgets.option_list import Option

from kimreader.analysis.align import DEFAULT_THRESHOLD
from kimreader.analysis.compare import Comparison, at_threshold
from kimreader.corpus.article import Article
from kimreader.corpus.library import CatalogEntry
from kimreader.index.workspace import Workspace
from kimreader.tui import actions, jobs
from kimreader.tui.compare_pieces import body_text, score_bar
from kimreader.tui.compare_render import SECTIONS, AlignedRow, aligned_rows
from kimreader.tui.screens.modal import PickerScreen
from kimreader.tui.widgets.compare_view import AlignedView, SectionView
from kimreader.tui.widgets.footer import KeysFooter
from kimreader.tui.widgets.picker import FilterLine, Picker, matches
from kimreader.tui.widgets.status_line import StatusLine

TABS = (
    ("aligned", "Aligned"),
    ("entities", "Entities"),
    ("quotes", "Quotes"),
    ("differences", "Differences"),
    ("timeline", "Timeline"),
    ("words", "Words"),
)
TAB_PREFIX = "compare-tab-"  # pane ids: the main screen's #entities etc. must not match them
THRESHOLD_STEP = 0.02
THRESHOLD_RANGE = (0.0, 0.6)
CANDIDATE_CHARS = 600  # a candidate longer than this is cut in the pop-up; `O` opens it in full

Target = tuple[str, int, int]  # (article id, start, end): the text to show in the reader
# Shorter tab titles where the full ones do not fit: every tab stays in view at 60 columns.
SHORT_TITLES = {"aligned": "Align", "differences": "Diffs", "timeline": "Time"}
SHORT_BELOW = 72


def tab_id(name: str) -> str:
    return TAB_PREFIX + name


def report_line(label: str, article: Article, leads: bool) -> Text:
    """ "A  title  source  date" on one line; the title is article text, so Text, not markup."""
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append(f"{label} ", style="bold magenta" if label == "A" else "bold blue")
    line.append("leads  " if leads else "       ", style="dim")
    line.append(article.title or "(untitled)", style="bold")
    meta = "  ".join(x for x in (article.source, article.published_iso or "undated") if x)
    line.append(f"  {meta}", style="dim")
    return line


def alignment_summary(cmp: Comparison) -> str:
    matched = sum(1 for row in cmp.aligned if row.best is not None)
    return (
        f"threshold {cmp.threshold:.2f} (+/-) · {matched} of {len(cmp.aligned)} passages of A "
        f"have a close counterpart in B · {len(cmp.only_b)} of B's are no A passage's counterpart"
    )


class CandidatesScreen(PickerScreen[int]):
    """A passage of A and its three closest passages in B; Enter opens B at the chosen one."""

    def __init__(self, row: AlignedRow, body_a: str, body_b: str, threshold: float) -> None:
        title = Text(f"Passage {row.number} of A", style="bold")
        title.append(" and its closest passages in B (Enter opens B there)\n", style="dim")
        title.append_text(_clipped(body_text(body_a, row.passage.a_start, row.passage.a_end)))
        super().__init__(title)
        self.row = row
        self.body_b = body_b
        self.threshold = threshold

    def on_mount(self) -> None:
        super().on_mount()
        options = []
        for rank, candidate in enumerate(self.row.passage.candidates, 1):
            prompt = Text(f"{rank}  ", style="bold", end="")
            prompt.append_text(score_bar(candidate.score, self.threshold, cells=10))
            if candidate.score < self.threshold:
                prompt.append("  under the threshold", style="dim italic")
            prompt.append("\n")
            prompt.append_text(_clipped(body_text(self.body_b, candidate.b_start, candidate.b_end)))
            options.append(Option(prompt, id=str(candidate.b_start)))
        if not options:
            options = [Option(Text("no passage of B shares a word with it"), disabled=True)]
        self.picker.set_options(options)
        self.picker.highlighted = 0 if self.row.passage.candidates else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))


def _clipped(text: Text, limit: int = CANDIDATE_CHARS) -> Text:
    if len(text.plain) <= limit:
        return text
    clipped = text[: limit - 1]
    clipped.append("…")
    return clipped


class Ranked(Message):
    """The articles to compare with, most related first."""

    def __init__(self, entries: list[CatalogEntry]) -> None:
        super().__init__()
        self.entries = entries


class Compared(Message):
    """A comparison, and why its entities are without the user's corrections ("" if not)."""

    def __init__(self, comparison: Comparison, a: Article, b: Article, note: str = "") -> None:
        super().__init__()
        self.comparison, self.a, self.b, self.note = comparison, a, b, note


def rank_entries(workspace: Workspace, article: Article, entries: list[CatalogEntry]) -> Ranked:
    """`entries` most related to `article` first, the rest in library order (a thread job)."""
    ranking = workspace.related(article, limit=None)
    order = {item.article.id: rank for rank, item in enumerate(ranking)}
    return Ranked(sorted(entries, key=lambda e: order.get(e.id, len(order))))


def compare_reports(
    workspace: Workspace, a_id: str, b_id: str, threshold: float | None
) -> Compared:
    """The comparison of two library articles (a thread job)."""
    a, b = workspace.get(a_id), workspace.get(b_id)
    comparison, note = workspace.compare_with_note(a, b, threshold)
    return Compared(comparison, a, b, note)


class SecondReportScreen(jobs.JobRunner, PickerScreen[str]):
    """Which report to compare the open one with: type to filter; the most related first.

    The articles come in library order at once; the related-article ranking (meaning and
    words, `Workspace.related`) reorders them when it arrives (a thread worker), the rest
    following in library order.
    """

    def __init__(self, article: Article, entries: list[CatalogEntry]) -> None:
        title = Text("Compare ", style="dim")
        title.append(article.title or "(untitled)", style="bold")
        title.append(" with… (type to filter)", style="dim")
        super().__init__(title)
        self.article = article
        self.entries = [entry for entry in entries if entry.id != article.id]
        self.ranked = False  # the related-article order has arrived (or cannot)

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.title_text, classes="modal-title")
            picker = Picker(classes="modal-picker")
            yield FilterLine(picker, placeholder="filter: words of the title, source or date")
            yield picker
        yield KeysFooter()

    def on_mount(self) -> None:
        # After PickerScreen's own mount handler, which focuses the list: typing filters.
        self.call_after_refresh(self.set_focus, self.query_one(FilterLine))
        self.show_entries()
        workspace: Workspace = self.app.workspace  # type: ignore[attr-defined]
        self.run_job(jobs.RANK, partial(rank_entries, workspace, self.article, self.entries))

    @on(Ranked)
    def _ranked(self, event: Ranked) -> None:
        self.entries, self.ranked = event.entries, True
        self.show_entries()

    def job_failed(self, name: str, message: str) -> None:
        self.ranked = True  # no ranking (engine without it, index fault): library order stays

    @on(Input.Changed)
    def show_entries(self) -> None:
        typed = self.query_one(FilterLine).value
        shown = [entry for entry in self.entries if matches(typed, _entry_words(entry))]
        options = [Option(_entry_prompt(entry), id=entry.id) for entry in shown]
        if not options:
            message = f"no article matches “{typed}”" if typed else "no other article"
            options = [Option(Text(message), disabled=True)]
        self.picker.set_options(options)
        self.picker.highlighted = 0 if shown else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(event.option.id)


def _entry_words(entry: CatalogEntry) -> str:
    return " ".join(x for x in (entry.title, entry.source, entry.published) if x)


def _entry_prompt(entry: CatalogEntry) -> Text:
    prompt = Text(entry.title or "(untitled)", style="bold", end="")
    meta = " · ".join(x for x in (entry.published, entry.source) if x)
    if meta:
        prompt.append(f"\n{meta}", style="dim")
    return prompt


class CompareScreen(jobs.JobRunner, Screen[Target | None], inherit_bindings=False):
    """Report A (leading) against report B; `s` swaps them."""

    BINDINGS: ClassVar = actions.bindings("compare")
    HELP_GROUP = "compare"  # help opened here starts at the compare keys

    def __init__(self, workspace: Workspace, a_id: str, b_id: str) -> None:
        super().__init__(id="compare")
        self.workspace = workspace
        self.lead = (a_id, b_id)
        self.threshold = DEFAULT_THRESHOLD
        # Until the user or the config file picks one, each comparison brings the threshold
        # calibrated for its method (meaning or words).
        self.threshold_chosen = False
        self.comparison: Comparison | None = None
        self.article_a: Article | None = None
        self.article_b: Article | None = None
        # Why the comparison's entities are without the user's corrections ("" when they have
        # them): said on the status line, and in an export.
        self.note = ""
        self.computing = False

    def compose(self) -> ComposeResult:
        yield Static(Text("comparing…", style="dim"), id="compare-header")
        with TabbedContent(id="compare-tabs", initial=tab_id("aligned")):
            for number, (name, title) in enumerate(TABS, 1):
                with TabPane(f"{number} {title}", id=tab_id(name)):
                    if name == "aligned":
                        yield AlignedView(id="compare-aligned")
                    else:
                        yield SectionView(id=f"compare-{name}")
        yield StatusLine(id="compare-status")
        yield KeysFooter()

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    @property
    def aligned(self) -> AlignedView:
        return self.query_one(AlignedView)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def section(self, name: str) -> SectionView:
        return self.query_one(f"#compare-{name}", SectionView)

    @property
    def active_tab(self) -> str:
        """The active tab's name ("aligned", "quotes", ...)."""
        return (self.tabs.active or tab_id("aligned")).removeprefix(TAB_PREFIX)

    @property
    def active_view(self) -> AlignedView | SectionView:
        name = self.active_tab
        return self.aligned if name == "aligned" else self.section(name)

    def on_resize(self) -> None:
        short = self.size.width < SHORT_BELOW
        for number, (name, title) in enumerate(TABS, 1):
            label = f"{number} {SHORT_TITLES.get(name, title) if short else title}"
            tab = self.tabs.get_tab(tab_id(name))
            if tab.label_text != label:
                tab.label = label

    def on_mount(self) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is not None and settings.compare_threshold is not None:
            self.threshold = settings.compare_threshold  # from the config file
            self.threshold_chosen = True
        for tabs in self.query(Tabs):
            tabs.can_focus = False  # keys switch tabs; focus stays on the content
        self.set_focus(self.aligned)
        self.start_comparing("comparing…")

    # -- computing --------------------------------------------------------------------------

    def start_comparing(self, message: str) -> None:
        self.computing = True
        self.status.say(message)
        threshold = self.threshold if self.threshold_chosen else None
        self.run_job(jobs.COMPARE, partial(compare_reports, self.workspace, *self.lead, threshold))

    @on(Compared)
    def compared(self, event: Compared) -> None:
        self.show_comparison(event.comparison, event.a, event.b)
        if (event.a.id, event.b.id) == self.lead:
            self.note = event.note
        if event.note and (event.a.id, event.b.id) == self.lead:
            # A damaged corrections file: the entities are as extracted; say why (Workspace).
            self.status.say(event.note, "error")

    def job_failed(self, name: str, message: str) -> None:
        """A comparison that fails (a missing article, an analysis fault) is a message."""
        self.computing = False
        self.aligned.empty_message = message
        self.aligned.refresh()
        self.status.say(message, "error")

    def show_comparison(self, comparison: Comparison, a: Article, b: Article) -> None:
        if (a.id, b.id) != self.lead:
            return  # swapped since: a newer comparison is coming
        if not self.threshold_chosen:
            self.threshold = comparison.threshold
        if comparison.threshold != self.threshold:
            comparison = at_threshold(comparison, a.body, self.threshold)
        same_lead = self.article_a is not None and self.article_a.id == a.id
        self.comparison, self.article_a, self.article_b = comparison, a, b
        self.computing = False
        lines = [report_line("A", a, True), report_line("B", b, False)]
        if comparison.verdict is not None:  # same event, a related one, or unrelated: and why
            lines.insert(0, Text(comparison.verdict.summary(), style="bold"))
        header = Text("\n", no_wrap=True, overflow="ellipsis", end="").join(lines)
        self.query_one("#compare-header", Static).update(header)
        self.aligned.set_rows(aligned_rows(comparison, a.body, b.body), self.threshold, same_lead)
        for name, build in SECTIONS.items():
            self.section(name).show(build(comparison, a.body, b.body))
        self.status.say(alignment_summary(comparison))
        self.refresh_bindings()

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Row keys only on the aligned tab, once the comparison is there (the footer follows)."""
        if action == "candidates":
            return self.active_tab == "aligned" and self.comparison is not None
        if action == "open_passage":
            return self.comparison is not None
        return True

    def action_tab(self, name: str) -> None:
        self.tabs.active = tab_id(name)

    def action_step_tab(self, step: int) -> None:
        names = [name for name, _ in TABS]
        index = names.index(self.active_tab) if self.active_tab in names else 0
        self.tabs.active = tab_id(names[(index + step) % len(names)])

    @on(TabbedContent.TabActivated)
    def tab_activated(self) -> None:
        self.set_focus(self.active_view)
        self.refresh_bindings()

    def action_cursor_down(self) -> None:
        self.active_view.cursor_down()

    def action_cursor_up(self) -> None:
        self.active_view.cursor_up()

    def action_first(self) -> None:
        self.active_view.first()

    def action_last(self) -> None:
        self.active_view.last()

    def action_page_down(self) -> None:
        self.active_view.page_down()

    def action_page_up(self) -> None:
        self.active_view.page_up()

    def action_swap(self) -> None:
        self.lead = (self.lead[1], self.lead[0])
        self.start_comparing("swapping which report leads…")

    def action_threshold(self, step: int) -> None:
        low, high = THRESHOLD_RANGE
        self.threshold_chosen = True
        self.threshold = round(min(high, max(low, self.threshold + step * THRESHOLD_STEP)), 2)
        if self.comparison is None or self.article_a is None or self.article_b is None:
            self.status.say(f"threshold {self.threshold:.2f}")
            return
        comparison = at_threshold(self.comparison, self.article_a.body, self.threshold)
        self.comparison = comparison
        rows = aligned_rows(
            comparison, self.article_a.body, self.article_b.body, reuse=self.aligned.rows
        )
        self.aligned.set_rows(rows, self.threshold, keep_cursor=True)
        self.status.say(alignment_summary(comparison))

    def action_candidates(self) -> None:
        row = self.aligned.current
        if row is None or self.article_a is None or self.article_b is None:
            return
        b_id = self.article_b.id

        ends = {candidate.b_start: candidate.b_end for candidate in row.passage.candidates}

        def opened(offset: int | None) -> None:
            if offset is not None:
                self.dismiss((b_id, offset, ends.get(offset, offset)))

        screen = CandidatesScreen(row, self.article_a.body, self.article_b.body, self.threshold)
        self.app.push_screen(screen, opened)

    def action_open_passage(self, report: str) -> None:
        """`o`/`O`: leave for the reader, A or B shown at this row's text, highlighted."""
        if self.article_a is None or self.article_b is None:
            return
        article = self.article_a if report == "a" else self.article_b
        if self.active_tab == "aligned":
            row = self.aligned.current
            if row is None:
                return
            best = row.passage.best
            where = (
                (row.passage.a_start, row.passage.a_end)
                if report == "a"
                else (best.b_start, best.b_end)
                if best
                else None
            )
            missing = "no close counterpart in B here: Enter lists the candidates"
        else:
            current = self.section(self.active_tab).current
            where = None if current is None else current.a if report == "a" else current.b
            other = "B" if report == "a" else "A"
            missing = f"this row is only in {other}: {'O' if report == 'a' else 'o'} opens it"
            if current is None:
                missing = "nothing here to open"
        if where is None:
            self.status.say(missing, "hint")
            return
        self.dismiss((article.id, *where))

    def action_export(self) -> None:
        from kimreader.tui.screens.track import ask_comparison_export

        if self.comparison is None or self.article_a is None or self.article_b is None:
            self.status.say("comparing… export once the comparison is shown", "hint")
            return
        ask_comparison_export(
            self, self.status, self.comparison, self.article_a, self.article_b, self.note
        )

    def action_close(self) -> None:
        self.dismiss(None)
