"""Every key kimreader binds, in one registry: bindings, the help screen and user keymaps.

Each binding has a stable id ("list.down", "main.next_hit", ...). A user keymap maps ids to keys,
e.g. ~/.config/kimreader/keymap.json: {"main.next_hit": "ctrl+n", "list.down": "j,down"}; the app
hands it to `App.set_keymap`, and the help screen shows the keys in force.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.binding import Binding, BindingType

GROUP_TITLES = {
    "app": "Anywhere",
    "main": "Main screen",
    "list": "Article list",
    "reader": "Reader",
    "sidebar": "Entity sidebar",
    "search": "Search bar",
    "compare": "Compare screen",
    "track": "Keeping track (pop-ups: note, notes, saved searches)",
    "modal": "Pop-up screens (help, mentions, related)",
}


@dataclass(frozen=True)
class KeySpec:
    """One binding: `keys` is Textual's comma-separated key list."""

    id: str
    keys: str
    action: str
    description: str
    group: str
    show: bool = False
    priority: bool = False
    key_display: str | None = None
    needs: str = ""  # an optional module; the binding exists only when it can be imported
    footer: str = ""  # a short label for the footer (default: the description)

    def binding(self) -> Binding:
        from textual.binding import Binding  # not on the command line's path

        return Binding(
            self.keys,
            self.action,
            self.footer or self.description,
            show=self.show,
            priority=self.priority,
            key_display=self.key_display,
            id=self.id,
        )


def _moves(group: str, what: str) -> tuple[KeySpec, ...]:
    """The vim-style and arrow movement keys every pane has."""
    return (
        KeySpec(f"{group}.down", "j,down", "cursor_down", f"{what}: down", group),
        KeySpec(f"{group}.up", "k,up", "cursor_up", f"{what}: up", group),
        KeySpec(f"{group}.first", "g,home", "first", f"{what}: to the top", group),
        KeySpec(f"{group}.last", "G,end", "last", f"{what}: to the bottom", group),
        KeySpec(f"{group}.page_down", "pagedown", "page_down", f"{what}: page down", group),
        KeySpec(f"{group}.page_up", "pageup", "page_up", f"{what}: page up", group),
    )


REGISTRY: tuple[KeySpec, ...] = (
    KeySpec(
        "app.search",
        "slash",
        "focus_search",
        "Search",
        "app",
        show=True,
        priority=True,
        key_display="/",
    ),
    KeySpec(
        "app.help", "question_mark", "help", "Help: every key", "app", show=True, footer="Help"
    ),
    KeySpec("app.quit", "q", "quit", "Quit", "app", show=True),
    KeySpec(
        "app.palette",
        "ctrl+p",
        "command_palette",
        "Command palette",
        "app",
        priority=True,
    ),
    KeySpec("main.pane_next", "l,tab", "pane(1)", "Next pane", "main"),
    KeySpec("main.pane_prev", "h,shift+tab", "pane(-1)", "Previous pane", "main"),
    KeySpec("main.next_hit", "n", "next_hit", "Next hit", "main", show=True, footer="Hit"),
    KeySpec("main.prev_hit", "N", "previous_hit", "Previous hit", "main", show=True, footer="Hit"),
    KeySpec(
        "main.next_mention",
        "right_square_bracket",
        "next_mention",
        "Next mention of the selected entity",
        "main",
        show=True,
        footer="Mention",
    ),
    KeySpec(
        "main.prev_mention",
        "left_square_bracket",
        "previous_mention",
        "Previous mention of the selected entity",
        "main",
        show=True,
        footer="Mention",
    ),
    KeySpec(
        "main.sort",
        "s",
        "cycle_sort",
        "Sort: date, title, source",
        "main",
        show=True,
        footer="Sort",
    ),
    KeySpec("main.sidebar", "e", "toggle_sidebar", "Show/hide the entity sidebar", "main"),
    KeySpec(
        "main.refresh",
        "ctrl+r",
        "refresh",
        "Refresh: show articles added meanwhile (also checked every 3 s)",
        "main",
    ),
    KeySpec(
        "main.fetch_feeds",
        "R",
        "fetch_feeds",
        "Fetch feeds: new articles from every feed followed, in the background",
        "main",
    ),
    KeySpec(
        "main.related", "r", "related", "Related articles", "main", show=True, footer="Related"
    ),
    KeySpec(
        "main.wide_list",
        "w",
        "wide_list",
        "Wide list: whole headlines (until an article is opened; w again: back)",
        "main",
        show=True,
        footer="Wide",
    ),
    KeySpec(
        "main.reading",
        "z",
        "reading",
        "Full-width reading: the reader alone (z again: back)",
        "main",
        show=True,
        footer="Full",
    ),
    KeySpec(
        "main.compare",
        "c",
        "compare",
        "Compare the open article with the list's",
        "main",
        show=True,
        footer="Compare",
        needs="kimreader.tui.screens.compare",
    ),
    # Keeping track (tui/screens/track.py): read state, stars, tags, notes, saved searches.
    KeySpec(
        "main.toggle_read",
        "u",
        "toggle_read",
        "Mark read / unread",
        "main",
        show=True,
        footer="Read",
    ),
    KeySpec(
        "main.next_unread",
        "greater_than_sign",
        "next_unread",
        "Next unread article in the list",
        "main",
        key_display=">",
    ),
    KeySpec(
        "main.unread_only", "U", "unread_only", "Show only unread (adds/removes is:unread)", "main"
    ),
    KeySpec(
        "main.star",
        "asterisk",
        "toggle_star",
        "Star / unstar",
        "main",
        show=True,
        key_display="*",
        footer="Star",
    ),
    KeySpec(
        "main.tags",
        "t",
        "edit_tags",
        "Tags (completed from the tags in use)",
        "main",
        show=True,
        footer="Tags",
    ),
    KeySpec(
        "main.note",
        "a",
        "add_note",
        "Mark the sentence being read (or the current hit) with an optional note",
        "main",
        show=True,
        footer="Note",
    ),
    KeySpec("main.notes", "A", "list_notes", "The article's notes: jump to one", "main"),
    KeySpec("main.save_search", "b", "save_search", "Save the current search", "main"),
    KeySpec("main.saved", "B", "saved_searches", "Saved searches, with counts and new", "main"),
    KeySpec("main.export", "x", "export", "Export the article (Markdown, with its notes)", "main"),
    KeySpec(
        "track.earlier",
        "up",
        "step_sentence(-1)",
        "Note: the sentence before",
        "track",
        show=True,
        footer="Earlier",
    ),
    KeySpec(
        "track.later",
        "down",
        "step_sentence(1)",
        "Note: the sentence after",
        "track",
        show=True,
        footer="Later",
    ),
    KeySpec(
        "track.delete",
        "d",
        "delete",
        "Notes, saved searches: delete (press twice)",
        "track",
        show=True,
        footer="Delete",
    ),
    KeySpec(
        "track.cancel",
        "escape",
        "cancel",
        "Close without saving",
        "track",
        show=True,
        footer="Cancel",
    ),
    *_moves("list", "List"),
    KeySpec("list.open", "enter", "open", "Open the article", "list", show=True, footer="Open"),
    *_moves("reader", "Reader"),
    *_moves("sidebar", "Sidebar"),
    KeySpec(
        "sidebar.select",
        "enter",
        "select",
        "Highlight its mentions",
        "sidebar",
        show=True,
        footer="Mark",
    ),
    KeySpec(
        "sidebar.filter",
        "f",
        "filter",
        "List articles naming it",
        "sidebar",
        show=True,
        footer="Filter",
    ),
    KeySpec(
        "sidebar.mentions",
        "m",
        "mentions",
        "Mentions in context",
        "sidebar",
        show=True,
        footer="Context",
    ),
    # Entity corrections: upper case, so the main screen's keys keep working in the sidebar.
    KeySpec("sidebar.hide", "X", "hide", "Hide this entity everywhere", "sidebar"),
    KeySpec("sidebar.retype", "T", "retype", "Change its type (person, org, place)", "sidebar"),
    KeySpec("sidebar.rename", "E", "rename", "Rename it everywhere", "sidebar"),
    KeySpec("sidebar.join", "M", "join", "Merge: M here, then M on the one it joins", "sidebar"),
    KeySpec("sidebar.undo", "Z", "undo_correction", "Undo the last entity correction", "sidebar"),
    # Not priority: the bar handles them in typing order (tui/widgets/search_bar.py).
    KeySpec(
        "search.submit",
        "enter",
        "submit",
        "Search now and go to the list",
        "search",
        show=True,
        footer="List",
    ),
    KeySpec(
        "search.leave",
        "escape",
        "leave",
        "Leave the search bar",
        "search",
        show=True,
        footer="Leave",
    ),
    # The compare screen (tui/screens/compare.py): tabs, lead, threshold, candidates, opening.
    *(
        KeySpec(f"compare.tab_{name}", key, f"tab('{name}')", f"Tab: {title}", "compare")
        for key, name, title in (
            ("1", "aligned", "aligned passages"),
            ("2", "entities", "entities in both, only in A, only in B"),
            ("3", "quotes", "quotes and speakers"),
            ("4", "differences", "possible differences"),
            ("5", "timeline", "timeline"),
            ("6", "words", "distinctive words"),
        )
    ),
    KeySpec("compare.next_tab", "l,tab,right", "step_tab(1)", "Next tab", "compare"),
    KeySpec("compare.prev_tab", "h,shift+tab,left", "step_tab(-1)", "Previous tab", "compare"),
    *_moves("compare", "Comparison"),
    KeySpec(
        "compare.swap", "s", "swap", "Swap which report leads", "compare", show=True, footer="Swap"
    ),
    KeySpec(
        "compare.threshold_up",
        "plus,equals_sign",
        "threshold(1)",
        "Raise the counterpart threshold",
        "compare",
        show=True,
        key_display="+",
        footer="Stricter",
    ),
    KeySpec(
        "compare.threshold_down",
        "minus,underscore",
        "threshold(-1)",
        "Lower the counterpart threshold",
        "compare",
        show=True,
        key_display="-",
        footer="Looser",
    ),
    KeySpec(
        "compare.candidates",
        "enter",
        "candidates",
        "The row's three closest passages in B, with scores",
        "compare",
        show=True,
        footer="Candidates",
    ),
    KeySpec(
        "compare.open_a",
        "o",
        "open_passage('a')",
        "Open A in the reader at this row (passage, quote, sentence)",
        "compare",
        show=True,
        footer="Open A",
    ),
    KeySpec(
        "compare.open_b",
        "O",
        "open_passage('b')",
        "Open B in the reader at this row (counterpart, quote, sentence)",
        "compare",
        footer="Open B",
    ),
    KeySpec(
        "compare.export",
        "x",
        "export",
        "Export the comparison (.md, .html or .json)",
        "compare",
        footer="Export",
    ),
    KeySpec(
        "compare.close",
        "escape,q",
        "close",
        "Back to the reader",
        "compare",
        show=True,
        footer="Close",
    ),
    *_moves("picker", "Pop-up list"),
    KeySpec("picker.select", "enter", "select", "Choose", "modal", show=True),
    KeySpec("modal.close", "escape,q", "close", "Close", "modal", show=True),
)


def available(spec: KeySpec) -> bool:
    return not spec.needs or importlib.util.find_spec(spec.needs) is not None


def specs(group: str | None = None) -> list[KeySpec]:
    """The bindings in force (optional ones only when their module exists)."""
    return [s for s in REGISTRY if (group is None or s.group == group) and available(s)]


def bindings(group: str) -> list[BindingType]:
    return [spec.binding() for spec in specs(group)]


def keymap_path() -> Path:
    from kimreader.tui.config import old_keymap_path

    return old_keymap_path()


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """A user keymap {binding id: keys} from keymap.json and one line per problem found in it."""
    path = path or keymap_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, []
    except (OSError, ValueError) as error:
        return {}, [f"{path}: ignored, not readable JSON ({error})"]
    if not isinstance(data, dict):
        return {}, [f"{path}: ignored, expected an object of binding id to keys"]
    return check_keymap(data, str(path))


def check_keymap(data: Mapping[str, object], origin: str) -> tuple[dict[str, str], list[str]]:
    """The valid entries of a keymap {binding id: keys}, and one line per invalid one."""
    known = {s.id for s in REGISTRY}
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in data.items():
        if binding_id not in known:
            problems.append(f"{origin}: unknown binding id {binding_id!r}")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f"{origin}: {binding_id}: keys must be a non-empty string")
        else:
            keymap[binding_id] = keys.replace(" ", "")
    return keymap, problems


def display_keys(keys: str) -> str:
    """ "j,down" -> "j ↓" for the help screen."""
    from textual.keys import format_key

    names = {"slash": "/", "question_mark": "?", "left_square_bracket": "[",
             "right_square_bracket": "]", "pagedown": "PgDn", "pageup": "PgUp",
             "shift+tab": "Shift+Tab", "tab": "Tab", "enter": "Enter", "escape": "Esc",
             "home": "Home", "end": "End"}  # fmt: skip
    return " ".join(names.get(k, format_key(k)) for k in keys.split(","))


def help_rows(keymap: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    """(group title, keys in force, description, binding id) for every binding."""
    rows = []
    for group, title in GROUP_TITLES.items():
        members = specs(group) + (specs("picker") if group == "modal" else [])
        for spec in members:
            keys = display_keys(keymap.get(spec.id, spec.keys))
            rows.append((title, keys, spec.description, spec.id))
    return rows
