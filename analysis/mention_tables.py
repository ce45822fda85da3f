"""Names in Markdown tables, which the model reads without a sentence around them.

A header cell names a column, not an entity; a name cut short is the whole cell; a cell the
model skipped takes the type of the names in its column. analysis/mentions.py calls this last.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kimreader.analysis import gazetteer
from kimreader.analysis.entity import EntityType
from kimreader.analysis.mention_types import type_like_the_others
from kimreader.analysis.names import canonical_key
from kimreader.analysis.prose import Prose

if TYPE_CHECKING:
    from kimreader.analysis.mentions import Mention

# (text, start, end, spaCy label, in a heading) -> a mention, or None for junk
MakeMention = Callable[[str, int, int, str, bool], "Mention | None"]

# A row, also inside a blockquote ("> | Kay Schenk | 27 |"); group 1 is the row from its first bar.
_TABLE_ROW = re.compile(r"^ {0,3}(?:>[ \t]?)*(\|.*)$", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[\s|:-]*-{3,}[\s|:-]*$")
_CELL_NAME = re.compile(r"(?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w.’'-]*")


@dataclass(frozen=True)
class _Cell:
    start: int  # prose offsets of the cell's text, stripped
    end: int
    column: tuple[int, int]  # (table, column)
    header: bool


def _table_cells(body: str, prose: Prose) -> list[_Cell]:
    """The cells of the body's Markdown tables, in prose offsets."""
    rows = list(_TABLE_ROW.finditer(body))
    rules = {index for index, row in enumerate(rows) if _TABLE_RULE.fullmatch(row.group(1))}
    cells: list[_Cell] = []
    table = 0
    for index, row in enumerate(rows):
        if index and rows[index - 1].end() + 1 != row.start():
            table += 1
        if index in rules:
            continue
        header = index + 1 in rules and rows[index + 1].start() == row.end() + 1
        bars = [m.start() for m in re.finditer(r"\|", row.group(1))]
        for column, (left, right) in enumerate(itertools.pairwise(bars)):
            raw = row.group(1)[left + 1 : right]
            if not raw.strip():
                continue
            start = row.start(1) + left + 1 + len(raw) - len(raw.lstrip())
            end = row.start(1) + right - (len(raw) - len(raw.rstrip()))
            first = bisect.bisect_left(prose.offsets, start)
            last = bisect.bisect_left(prose.offsets, end)
            if first < last:
                cells.append(_Cell(first, last, (table, column), header))
    return cells


def names_in_tables(
    body: str, prose: Prose, mentions: list[Mention], make: MakeMention
) -> list[Mention]:
    """Tables of people and companies, which the model reads without a sentence around them:
    a header cell names a column, not an entity ("Pct"); a name cut short is the whole cell
    ("Carvalho Chehab" in "Mauro Carvalho Chehab"); a cell of capitalised words the model
    skipped is a person when it starts with a given name, or takes the type of the names in
    its column ("Red Hat" among companies). `make` builds a mention (mentions._mention)."""
    if "|" not in body:
        return mentions
    cells = _table_cells(body, prose)
    if not cells:
        return mentions
    text = prose.text
    kept: list[Mention] = []
    owner: dict[_Cell, list[Mention]] = {}
    for mention in mentions:
        cell = next((c for c in cells if c.start <= mention.start and mention.end <= c.end), None)
        if cell is not None and cell.header:
            continue
        if cell is not None:
            owner.setdefault(cell, []).append(mention)
        kept.append(mention)
    headed = _header_types(text, cells)
    for column in {cell.column for cell in cells}:
        named = [m for c, found in owner.items() if c.column == column for m in found]
        if column in headed:
            _take_the_header_type(named, headed[column])
        elif len(named) >= 3:
            type_like_the_others(named)
    columns: dict[tuple[int, int], Counter[EntityType]] = defaultdict(Counter)
    for cell, found in owner.items():
        columns[cell.column].update(m.type for m in found)
    for column, kind in headed.items():
        columns[column] = Counter({kind: 2})
    for cell in cells:
        if cell.header or not _CELL_NAME.fullmatch(text, cell.start, cell.end):
            continue
        found = owner.get(cell, [])
        if found:
            _whole_cell(text, cell, found, kept, make)
            continue
        column_type = _column_type(columns[cell.column])
        words = text[cell.start : cell.end].split()
        given = len(words) >= 2 and gazetteer.is_given_name(words[0])
        label = "ORG" if column_type else "PERSON" if given else None
        added = make(text, cell.start, cell.end, label, False) if label else None
        if added is not None and column_type:
            added.type, added.evidence = column_type, True  # "Red Hat" among companies
            added.key = canonical_key(added.surface, column_type)
        if added is not None:
            kept.append(added)
    return kept


# A header's word for what its column lists: "Companies supporting LibreOffice development".
_HEADER_WORDS: dict[str, EntityType] = {
    **dict.fromkeys(
        """companies company organizations organisations organization organisation employers
        employer firms vendors sponsors affiliation affiliations""".split(),
        "org",
    ),
    **dict.fromkeys("developers contributors authors people players members".split(), "person"),
    **dict.fromkeys("countries country cities city states locations".split(), "place"),
}


def _header_types(text: str, cells: list[_Cell]) -> dict[tuple[int, int], EntityType]:
    """Columns whose header says what they list."""
    found: dict[tuple[int, int], EntityType] = {}
    for cell in cells:
        if cell.header:
            words = re.findall(r"[a-z]+", text[cell.start : cell.end].lower())
            kind = next((_HEADER_WORDS[w] for w in words if w in _HEADER_WORDS), None)
            if kind is not None:
                found[cell.column] = kind
    return found


def _take_the_header_type(named: list[Mention], kind: EntityType) -> None:
    """Names under a header that says what they are take that type, unless shipped data says
    otherwise ("Red Hat", the model's person, in a column of "Companies ...")."""
    for mention in named:
        if mention.type == kind or mention.type not in ("person", "org", "place"):
            continue
        if mention.table_name is not None or gazetteer.is_organisation(mention.surface):
            continue
        mention.type, mention.evidence = kind, True
        mention.key = canonical_key(mention.surface, kind)


def _whole_cell(
    text: str, cell: _Cell, found: list[Mention], kept: list[Mention], make: MakeMention
) -> None:
    """A person's name that the model cut short is the whole cell: of two words or more, or
    one word at an end of the cell ("Matteo" of "Matteo Casalin")."""
    cut = found[0]
    if len(found) != 1 or cut.type != "person":
        return
    if len(cut.surface.split()) < 2 and cut.start != cell.start and cut.end != cell.end:
        return
    if cut.end - cut.start < cell.end - cell.start:
        whole = make(text, cell.start, cell.end, "PERSON", cut.in_heading)
        if whole is not None:
            kept[kept.index(cut)] = whole


def _column_type(column: Counter[EntityType]) -> EntityType | None:
    """The column's one type, when two or more of its names share it."""
    ranked = column.most_common()
    if len(ranked) == 1 and ranked[0][1] >= 2 and ranked[0][0] in ("person", "org", "place"):
        return ranked[0][0]
    return None
