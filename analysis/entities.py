"""Named entities of Markdown articles: people, organisations, places, dates and events.

spaCy's small English NER proposes spans; this module fixes the model's known slips (names cut at
hyphens, possessives, outlets tagged as places, section words and credit lines tagged as anything),
then merges every form that names one real-world thing into one Entity, within an article
(`extract_entities`) and across the library (`merge_library`).

Offsets always point into the original Markdown body: the model reads the prose with Markdown
syntax removed, and every character keeps its body offset, so body[start:end] is the mention.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kimreader.analysis import gazetteer, junk
from kimreader.analysis.entity import Entity, EntityType
from kimreader.analysis.names import (
    ACRONYM,
    abbreviates,
    alias_table,
    base_key,
    canonical_key,
    display_name,
    entity_keys,
    initials,
    longer_full_name,
    org_forms,
    resolve_short_name,
    short_org_of,
    sole_owner,
)
from kimreader.corpus.article import Article
from kimreader.corpus.language import is_english
from kimreader.corpus.markdown import scan_blocks

if TYPE_CHECKING:
    from spacy.language import Language

# Below this many texts a second process costs more to start than it saves.
PARALLEL_THRESHOLD = 64
DEFAULT_BATCH_SIZE = 32
# Bodies longer than this go to the model in paragraph-aligned pieces (bounded memory).
CHUNK_CHARS = 50_000

_LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "date",
    "EVENT": "event",
}
Span = tuple[int, int, str]  # start, end, spaCy label


@dataclass(frozen=True)
class LibraryEntity:
    """One real-world thing across the library: the articles naming it and its mention count."""

    name: str
    type: EntityType
    aliases: tuple[str, ...]
    article_ids: tuple[str, ...]
    count: int  # mentions over all articles

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "articles": len(self.article_ids),
            "article_ids": list(self.article_ids),
            "count": self.count,
        }


# ---------------------------------------------------------------- Markdown to prose, offsets kept

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# Link text may wrap onto the next line ("[Xbox\nOne S](url)"), never over a blank line.
_LINK = re.compile(r"\[((?:[^\[\]\n]|\n(?!\n))*)\](\([^)\n]*\)|\[[^\]\n]*\])")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>|<https?://[^<>\s]+>")
_INLINE_MARKS = re.compile(r"[*`|~]|(?<!\w)_+|_+(?!\w)|\\(?=[!-/:-@\[-`{-~])")
_SOFT_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")


@dataclass(frozen=True)
class Prose:
    """A body's prose for the model, with the body offset of each of its characters.

    Markdown syntax is removed rather than blanked: long runs of spaces where a link target was
    change what the model tags ("Xinhua" + 30 spaces came out as a PERSON).
    """

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(body)

    def body_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1


def markdown_prose(body: str) -> Prose:
    """The body without Markdown syntax; soft line breaks become spaces."""
    syntax = bytearray(len(body))

    def mark(start: int, end: int) -> None:
        syntax[start:end] = b"\x01" * (end - start)

    _mark_block_syntax(body, mark)
    for pattern in (_IMAGE, _LINK_DEFINITION, _HTML_TAG):
        for match in pattern.finditer(body):
            mark(match.start(), match.end())
    for match in _LINK.finditer(body):
        mark(match.start(), match.start(1))  # "["
        mark(match.end(1), match.end())  # "](url)"
    for match in _INLINE_MARKS.finditer(body):
        mark(match.start(), match.end())
    pieces: list[str] = []
    offsets: list[int] = []
    for kept in re.finditer(rb"\x00+", bytes(syntax)):
        start, end = kept.span()
        if pieces and pieces[-1][-1:].isalnum() and body[start].isalnum():
            pieces.append(" ")  # "word<br>word" must stay two words
            offsets.append(start - 1)
        pieces.append(body[start:end])
        offsets.extend(range(start, end))
    offsets.append(len(body))
    joined = "".join(pieces)
    soft = _soft_breaks(body)
    # A soft line break inside a paragraph must not split "Kim\nJong Un" for the model; a break
    # between blocks, or after a caption-like line, must keep "Congress\n- Syria" apart.
    text = _SOFT_NEWLINE.sub(
        lambda m: (
            " " if offsets[m.start()] in soft and not _after_label(joined, m.start()) else "\n"
        ),
        joined,
    )
    text = _NAME_SLASH.sub("\n", text)  # "Thomas Coex/AFP/Getty Images", "Nintendo/Apple"
    return Prose(text, tuple(offsets))


_NAME_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[A-Z])")
_LABEL_LINE = re.compile(r"(?:^|\n)([^\n]{1,39})$")


def _soft_breaks(body: str) -> set[int]:
    """Body offsets of the line breaks inside one paragraph or quote (not between blocks)."""
    soft: set[int] = set()
    for block in scan_blocks(body):
        if block.kind in ("paragraph", "quote", "item"):
            soft.update(end for _start, end in block.lines[:-1])
    return soft


def _after_label(text: str, newline: int) -> bool:
    """Does a short line ending in a capitalised word end here ("Nintendo/Apple", a credit)?"""
    line = _LABEL_LINE.search(text, max(0, newline - 40), newline)
    if line is None:
        return False
    words = line.group(1).split()
    return bool(words) and words[-1][:1].isupper()


_CREDIT_PARAGRAPH = re.compile(r"(?i)\bcopyright\b|all rights reserved|^\W*©")
_TRAILING_CREDIT = re.compile(r"[—–]\s*(?:[A-Z][\w.&'’-]*[ \t]*){1,4}\s*\Z")
_END_PUNCTUATION = tuple('.!?:;,"”’)…')


def _mark_block_syntax(body: str, mark: Callable[[int, int], None]) -> None:
    """Rules and code entirely; block markers ("> ", "- ", "## ", a setext underline)."""
    for block in scan_blocks(body):
        if block.kind in ("rule", "code"):
            mark(block.start, block.end)
            continue
        position = block.start
        for start, end in block.lines:
            _mark_except_newlines(body, position, start, mark)
            position = end
        _mark_except_newlines(body, position, block.end, mark)


def _mark_except_newlines(
    body: str, start: int, end: int, mark: Callable[[int, int], None]
) -> None:
    for match in re.finditer(r"[^\n]+", body[start:end]):
        mark(start + match.start(), start + match.end())


def _layout(body: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(heading ranges, ignored ranges): headings and subheads; copyright and credit lines."""
    headings: list[tuple[int, int]] = []
    ignored: list[tuple[int, int]] = []
    for block in scan_blocks(body):
        text = body[block.start : block.end].strip()
        # A long heading is a standfirst, not a section label: its names are content.
        short_heading = block.kind == "heading" and len(text.split()) <= 12
        if short_heading or (block.kind == "paragraph" and _is_subhead(text)):
            headings.append((block.start, block.end))
        elif block.is_prose and len(text) < 200 and _CREDIT_PARAGRAPH.search(text):
            ignored.append((block.start, block.end))
    credit = _TRAILING_CREDIT.search(body)
    if credit:
        ignored.append(credit.span())
    return headings, ignored


def _is_subhead(text: str) -> bool:
    """A one-line paragraph of a few words without closing punctuation: a subhead or label."""
    bare = text.strip("*_ ")
    return "\n" not in text and len(bare.split()) <= 8 and not bare.endswith(_END_PUNCTUATION)


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(low <= start and end <= high for low, high in ranges)


# ---------------------------------------------------------------- spans: the model's slips

_LEADING_THE = re.compile(r"(?i)the\s+")
_EDGE_JUNK = " \t\n\"“”‘’'`,;:!?()[]{}<>—–-•*_#|"
_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")
_HYPHEN_TAIL = re.compile(r"[-‐]([a-z]{1,5})\b")
_NOT_NAME_TAILS = frozenset({"style", "led", "era", "like", "type", "based", "run", "born", "made"})
_DATE_WORDS = re.compile(
    r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:1[5-9]|20)\d\d\b|\b\d{1,2}/\d{1,2}\b"
)
_HAS_UPPER_START = re.compile(r"^[^\w]*[A-Z0-9]")


def _fix_span(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Trim "the", possessives and edge punctuation; restore a hyphenated given name."""
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    the = _LEADING_THE.match(text, start, end)
    if the and label != "DATE":
        start = the.end()
    for possessive in _POSSESSIVE.finditer(text, start, end):
        rest = text[possessive.end() : end].strip()
        if not rest or not rest[0].isupper():  # "Kim's", "Kim’s fourth"; not "People's Republic"
            end = possessive.start()
            break
    if label == "PERSON":
        tail = _HYPHEN_TAIL.match(text, end)
        if tail and tail.group(1) not in _NOT_NAME_TAILS and text[start:end].istitle():
            end = tail.end()  # "Moon Jae" + "-in"
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    return (start, end) if end > start and any(ch.isalpha() for ch in text[start:end]) else None


def _keep_date(surface: str) -> bool:
    """Calendar dates only: "March", "Tuesday", "June 12, 2018"; not "months" or "last year"."""
    return bool(_DATE_WORDS.search(surface)) and surface not in ("may", "march")


# ---------------------------------------------------------------- mentions and merging


@dataclass
class _Mention:
    start: int
    end: int
    surface: str  # as written, whitespace folded
    label: str
    type: EntityType
    key: str
    in_heading: bool
    table_name: str | None = None  # canonical name from aliases.json
    cluster: str = ""
    evidence: bool = False  # the type comes from data or a cue in the text, not the model


_ATTRIBUTION_AFTER = re.compile(r"\s+(?:said|says|added|adds|told\s+\w+|wrote|writes)\s*[.,;]")
_ATTRIBUTION_BEFORE = re.compile(r"\b(?:said|says|added|adds|according\s+to)\s+$")
_SPEAKER_AFTER = re.compile(r",?\s+(?:said|says|added)\b|,\s+(?:a|an|the|who)\s")
_CLAUSE_END = re.compile(r"\s*[.,;]")


def _is_attribution(text: str, mention: _Mention) -> bool:
    """ "…, Kim said." or "said Kim." : the mention names the speaker of a quote."""
    if _ATTRIBUTION_AFTER.match(text, mention.end):
        return True
    before = text[max(0, mention.start - 30) : mention.start]
    return bool(_ATTRIBUTION_BEFORE.search(before) and _CLAUSE_END.match(text, mention.end))


def _is_speaker_introduction(text: str, mention: _Mention) -> bool:
    """ "said Kim Byung-yeon, a professor" or "Shi Yinhong, a professor ..., said"."""
    before = text[max(0, mention.start - 30) : mention.start]
    return bool(_ATTRIBUTION_BEFORE.search(before) or _SPEAKER_AFTER.match(text, mention.end))


def _mentions(body: str, prose: Prose, spans: Sequence[Span]) -> list[_Mention]:
    text = prose.text
    headings, ignored = _layout(body)
    mentions: list[_Mention] = []
    # A listed name of several words beats the model's pieces of it ("Cambridge" + "Analytica").
    listed = [m.span() for m in gazetteer.organisation_pattern().finditer(text) if " " in m.group()]
    for raw_start, raw_end, label in sorted(spans):
        if label not in _LABEL_TYPES and label != "NORP":
            continue
        if not 0 <= raw_start < raw_end <= len(text):
            continue  # spans over some other text: nothing to map back
        if any(s <= raw_start and raw_end <= e and e - s > raw_end - raw_start for s, e in listed):
            continue
        for piece_start, piece_end in junk.pieces(text, raw_start, raw_end, label):
            fixed = _fix_span(text, piece_start, piece_end, label)
            if fixed is None or _inside(*prose.body_span(*fixed), ignored):
                continue
            mention = _mention(text, *fixed, label, _inside(*prose.body_span(*fixed), headings))
            if mention is not None:
                mentions.append(mention)
    for start, end, label in _missed_spans(text, mentions):
        mention = _mention(text, start, end, label, _inside(*prose.body_span(start, end), headings))
        if mention is not None:
            mentions.append(mention)
    mentions.sort(key=lambda m: m.start)
    return _without_owners(text, mentions)


def _without_owners(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """ "Netanyahu’s Likud party" names the party: a possessive whose owner the article names
    on its own starts the name after it."""
    known = {m.key for m in mentions} | {m.key.split()[-1] for m in mentions if m.type == "person"}
    kept = []
    for mention in mentions:
        owner = _POSSESSIVE.search(text, mention.start, mention.end)
        if owner is not None and mention.type in ("org", "place"):
            before = canonical_key(text[mention.start : owner.start()])
            rest = mention.end - owner.end()
            if before in known and rest > 1:
                start = (
                    owner.end()
                    + len(text[owner.end() : mention.end])
                    - len(text[owner.end() : mention.end].lstrip())
                )
                replaced = _mention(text, start, mention.end, mention.label, mention.in_heading)
                if replaced is not None:
                    kept.append(replaced)
                continue
        kept.append(mention)
    return kept


_CAPITAL_BEFORE = re.compile(
    r"(?<![\w’'.-])(?!(?:The|A|An|In|On|At|By|For|And|But)\b)[A-Z][\w’'.-]*[ \t]+$"
)
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")


def _missed_spans(text: str, mentions: list[_Mention]) -> Iterator[Span]:
    """Other uses of names the article already has, and listed organisations the model missed.

    The model tags a name in one sentence and misses it in the next ("Facebook" 9 times in a
    piece about Zuckerberg). A match standing next to another capitalised word is left alone:
    "Washington" inside "Washington Post" is not the place.
    """
    forms: dict[str, str] = {}
    for mention in mentions:
        if mention.type in ("person", "org", "place") and len(mention.surface) >= 3:
            forms.setdefault(mention.surface, mention.label)
            words = mention.surface.split()
            if mention.type == "person" and len(words) >= 2 and len(words[-1]) >= 4:
                forms.setdefault(words[-1], "PERSON")  # the surname alone: "Emery"
    taken = sorted((m.start, m.end) for m in mentions)
    patterns = [gazetteer.organisation_pattern()]
    if forms:
        alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
        patterns.append(re.compile(r"(?<![\w@#/.-])(?:" + alternatives + r")(?![\w-])"))
    seen: set[tuple[int, int]] = set()
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if (start, end) in seen or _overlaps(taken, start, end):
                continue
            alone = " " not in match.group()
            if alone and (
                _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
                or _CAPITAL_AFTER.match(text, end)
            ):
                continue
            seen.add((start, end))
            yield start, end, forms.get(match.group(), "ORG")


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect.bisect_left(taken, (end, end))
    return any(s < end and start < e for s, e in taken[max(0, index - 8) : index])


def _mention(text: str, start: int, end: int, label: str, in_heading: bool) -> _Mention | None:
    table = alias_table()
    surface = " ".join(text[start:end].split())
    key = canonical_key(surface, _LABEL_TYPES.get(label))
    if not key or key in table.not_entities or base_key(surface) in table.not_entities:
        return None
    if junk.junk_reason(text, start, end, label) is not None:
        return None
    entity_type = _LABEL_TYPES.get(label, "org")
    mention = _Mention(start, end, surface, label, entity_type, key, in_heading)
    evidence = _type_evidence(text, mention)
    if evidence is not None:
        mention.type, mention.evidence = evidence, True
        mention.key = canonical_key(surface, evidence)
    return mention if _plausible(mention) else None


_STRONG_TITLES = frozenset(
    "mr mrs ms miss dr sen senator rep gov governor president "
    "chancellor pope king queen prince princess judge justice sheikh gen".split()
) | frozenset({"vice president", "prime minister", "president elect", "first lady"})
_ORG_HEADS = frozenset(
    """university college institute council committee commission agency ministry department party
    association foundation corporation company inc corp ltd llc plc group bank court police center
    centre museum school hospital society union federation league authority board bureau network
    magazine journal press club church army navy brotherhood organization organisation fund trust
    labs laboratories studios games media airlines airways motors technologies systems
    parliament assembly congress senate""".split()
)
_PLACE_HEADS = frozenset(
    """island islands beach river mountain mountains sea ocean street avenue square valley lake bay
    county province region district peninsula coast strait gulf desert canyon falls city airport
    bridge road terminal locks passage""".split()
)


def _type_evidence(text: str, mention: _Mention) -> EntityType | None:
    """A type the text or shipped data shows, whatever the model's label.

    A listed organisation or product ("Firefox", "Verizon"); a title before a name ("Sen.",
    "President-elect"); an organisation's head word ("... Institute") or a place's ("... Island");
    a gazetteer place the model also took for a place.
    """
    if mention.type in ("date", "event"):
        return None
    words = base_key(mention.surface).split()
    before = base_key(text[max(0, mention.start - 24) : mention.start]).split()
    titled = any(" ".join(before[-n:]) in _STRONG_TITLES for n in (1, 2) if len(before) >= n)
    if gazetteer.is_organisation(mention.surface):
        return "person" if titled and mention.label == "PERSON" else "org"
    if titled or (len(words) > 1 and words[0] in _STRONG_TITLES and mention.label != "ORG"):
        return "person"
    if words and words[-1] in _PLACE_HEADS and mention.label != "PERSON":
        return "place"
    if any(word in _ORG_HEADS for word in words) and len(words) > 1:
        return "org"
    if (
        len(words) == 2
        and mention.label in ("ORG", "GPE")
        and gazetteer.is_given_name(words[0])
        and not gazetteer.is_place(mention.surface)
    ):
        return "person"  # "Lucas Nolan" tagged as an organisation
    if mention.label in ("GPE", "LOC") and gazetteer.is_place(mention.surface):
        return "place"
    return None


def _plausible(mention: _Mention) -> bool:
    surface = mention.surface
    if mention.type == "date":
        return _keep_date(surface)
    if not _HAS_UPPER_START.match(surface):
        return False  # lower-case "spans" are tagging noise in edited news prose
    if mention.label == "PERSON":
        return not any(ch.isdigit() for ch in surface) and len(surface.split()) <= 6
    return True


def _apply_table(mentions: list[_Mention], person_words: set[str]) -> None:
    """Alias groups and outlets from aliases.json fix the type; NORP survives only as an outlet."""
    table = alias_table()
    kept: list[_Mention] = []
    for mention in mentions:
        base = base_key(mention.surface)
        group = table.canonical.get(mention.key) or table.canonical.get(base)
        if group and not (mention.label == "PERSON" and base in person_words):
            mention.table_name, mention.type = group
            mention.key = canonical_key(group[0], group[1])
        elif base in table.organisations and not (
            mention.label == "PERSON" and base in person_words
        ):
            mention.type = "org"
        elif mention.label == "NORP":
            continue
        kept.append(mention)
    mentions[:] = kept


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: str, second: str) -> None:
        root_a, root_b = self.find(first), self.find(second)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def entities_from_spans(
    body: str, spans: Sequence[Span], prose: Prose | None = None
) -> list[Entity]:
    """Entities of one body from the model's spans (start, end, label) over its prose text."""
    prose = markdown_prose(body) if prose is None else prose
    text = prose.text
    mentions = _mentions(body, prose, spans)
    full_names = _full_person_names(mentions)
    person_words = {word for key in full_names for word in (key.split()[0], key.split()[-1])}
    _apply_table(mentions, person_words)
    full_names = _full_person_names(mentions)
    _vote_types(mentions, person_words)
    clusters = _UnionFind()
    for mention in mentions:
        mention.cluster = f"{mention.type}:{mention.key}"
        clusters.find(mention.cluster)
    _join_person_names(text, mentions, full_names, clusters)
    mentions.extend(_join_acronyms(text, mentions, clusters))
    _join_org_short_forms(mentions, full_names, clusters)
    return _build_entities(mentions, clusters, prose)


def _full_person_names(mentions: list[_Mention]) -> dict[str, int]:
    """Multi-word person keys seen outside headings -> offset of their first mention."""
    first: dict[str, int] = {}
    for mention in mentions:
        if mention.type == "person" and len(mention.key.split()) >= 2 and not mention.in_heading:
            first.setdefault(mention.key, mention.start)
    return first


def _vote_types(mentions: list[_Mention], person_words: set[str]) -> None:
    """One type per name: a surname tagged ORG is a person; otherwise the majority label wins."""
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for mention in mentions:
        if mention.table_name is None:
            weight = 4 if mention.evidence else 2 if mention.type == "person" else 1
            votes[mention.key][mention.type] += weight
    for mention in mentions:
        if mention.table_name is not None or mention.type in ("date", "event"):
            continue
        single = len(mention.key.split()) == 1
        # "U.N." is not the "Un" of "Kim Jong Un": only a title-case word can be a surname.
        surname = mention.label == "PERSON" or (
            mention.label in ("ORG", "GPE", "LOC", "FAC")
            and mention.surface.istitle()
            and "." not in mention.surface
            and not gazetteer.is_place(mention.surface)  # "Washington" stays the place
        )
        if single and surname and mention.key in person_words and not mention.evidence:
            mention.type = "person"
            continue
        ranked = [t for t, _ in votes[mention.key].most_common() if t not in ("date", "event")]
        if ranked:
            mention.type = ranked[0]


def _join_person_names(
    text: str, mentions: list[_Mention], full_names: dict[str, int], clusters: _UnionFind
) -> None:
    """Join "Kim", "Mr. Kim", "Trump" to the full name they abbreviate (names.resolve_short_name).

    Longer names first join longer ones ("Donald Trump" -> "Donald John Trump").
    """
    people = [m for m in mentions if m.type == "person"]
    for key in sorted(full_names, key=lambda k: len(k.split())):
        target = longer_full_name(key, full_names)
        if target is not None:
            clusters.union(f"person:{key}", f"person:{target}")
    speakers: list[tuple[int, str]] = [
        (m.start, m.key)
        for m in people
        if m.key in full_names and _is_speaker_introduction(text, m)
    ]
    for mention in people:
        if mention.key in full_names or len(mention.key.split()) > 2:
            continue
        target = resolve_short_name(
            mention.key, mention.start, full_names, speakers, _is_attribution(text, mention)
        )
        if target is not None:
            mention.cluster = f"person:{target}"
            clusters.find(mention.cluster)


_PAREN = re.compile(r"\(([^()\n]{2,90})\)")
_WORD = re.compile(r"[\w’'.&-]+")


def _acronym_pairs(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(long name span, acronym span) for "Long Name (ACR)" and "ACR (Long Name)"."""
    for paren in _PAREN.finditer(text):
        inner = paren.group(1).strip()
        inner_start = paren.start(1) + paren.group(1).index(inner)
        inner_span = (inner_start, inner_start + len(inner))
        before = list(_WORD.finditer(text, max(0, paren.start() - 120), paren.start()))
        if ACRONYM.match(inner):
            letters = inner.replace(".", "")
            for size in range(2, min(len(before), 12) + 1):
                words = before[-size:]
                if (
                    words[0].group()[0].isupper()
                    and initials([w.group() for w in words]) == letters
                ):
                    yield (words[0].start(), words[-1].end()), inner_span
                    break
        elif before and ACRONYM.match(before[-1].group()):
            acronym = before[-1]
            if text[acronym.end() : paren.start()].strip():
                continue
            if initials(inner.split()) == acronym.group().replace(".", ""):
                yield inner_span, acronym.span()


def _join_acronyms(text: str, mentions: list[_Mention], clusters: _UnionFind) -> list[_Mention]:
    """Join each "Long Name (ACR)" pair; add the side the model missed as a mention."""
    added: list[_Mention] = []
    for long_span, short_span in _acronym_pairs(text):
        sides = [_mention_at(mentions, span) for span in (long_span, short_span)]
        known = [m for m in sides if m is not None]
        if not known:
            continue
        anchor = known[0]
        for span, found in zip((long_span, short_span), sides, strict=True):
            if found is not None:
                clusters.union(found.cluster, anchor.cluster)
                continue
            surface = " ".join(text[span[0] : span[1]].split())
            extra = _Mention(*span, surface, "ALIAS", anchor.type, base_key(surface), False)
            extra.cluster = anchor.cluster
            added.append(extra)
    # Later bare uses of the acronym (or long name) share the cluster through their key.
    by_key = {m.key: m.cluster for m in added}
    for mention in mentions:
        if mention.key in by_key:
            clusters.union(mention.cluster, by_key[mention.key])
    return added


def _mention_at(mentions: list[_Mention], span: tuple[int, int]) -> _Mention | None:
    for mention in mentions:
        if mention.start < span[1] and span[0] < mention.end:
            return mention
    return None


def _join_org_short_forms(
    mentions: list[_Mention], full_names: dict[str, int], clusters: _UnionFind
) -> None:
    """One organisation however the article shortens it.

    "Control Risks" / "Control Risks Group"; "Department of X" / "X Department"; "New Zealand
    Department of Conservation" / "Department of Conservation"; "Harvard" / "Harvard University"
    and "ICC" / "International Criminal Court" when no other name of the article claims them.
    Places and organisations never join by a shared word alone: "Washington" stays out of
    "Washington Post".
    """
    suffixes = alias_table().org_suffixes
    orgs = {m.key: m.cluster for m in mentions if m.type == "org"}
    for key, cluster in orgs.items():
        words = key.split()
        for other, other_cluster in orgs.items():
            rest = other.split()[len(words) :]
            if rest and other.split()[: len(words)] == words and " ".join(rest) in suffixes:
                clusters.union(cluster, other_cluster)
        for form in org_forms(key):
            if form in orgs:
                clusters.union(cluster, orgs[form])
    surnames = {word for full in full_names for word in full.split()}
    for mention in mentions:
        if mention.table_name is not None or mention.key in surnames:
            continue
        if mention.type == "place" and gazetteer.is_place(mention.surface):
            continue
        long_form = _long_org_form(mention, orgs)
        if long_form is not None:
            mention.type = "org"
            clusters.union(mention.cluster, orgs[long_form])


def _long_org_form(mention: _Mention, orgs: dict[str, str]) -> str | None:
    """The one organisation this short name or acronym stands for, if only one fits."""
    if ACRONYM.match(mention.surface) and len(mention.surface.replace(".", "")) >= 3:
        letters = mention.surface.replace(".", "")
        return sole_owner(k for k in orgs if initials(k.split()) == letters)
    if len(mention.key.split()) == 1 and mention.type != "org" or mention.type == "org":
        return sole_owner(k for k in orgs if short_org_of(mention.key, k))
    return None


def _build_entities(mentions: list[_Mention], clusters: _UnionFind, prose: Prose) -> list[Entity]:
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for mention in mentions:
        groups[clusters.find(mention.cluster)].append(mention)
    entities: list[Entity] = []
    for members in groups.values():
        if all(m.in_heading for m in members):
            continue  # named only in a heading or label line: section words, not content
        members.sort(key=lambda m: m.start)
        entity_type = _group_type(members)
        name = _group_name(members, entity_type)
        surfaces = [name] + [m.surface for m in members]
        spans = sorted({prose.body_span(m.start, m.end) for m in members})
        entities.append(Entity(name, entity_type, tuple(dict.fromkeys(surfaces)), tuple(spans)))
    entities.sort(key=lambda e: e.mentions[0])
    return entities


def _group_type(members: list[_Mention]) -> EntityType:
    for mention in members:
        if mention.table_name is not None:
            return mention.type
    return Counter(m.type for m in members).most_common(1)[0][0]


def _group_name(members: list[_Mention], entity_type: EntityType) -> str:
    for mention in members:
        if mention.table_name is not None:
            return mention.table_name
    counts = Counter(m.surface for m in members)

    def rank(surface: str) -> tuple[int, bool, int]:
        words = canonical_key(surface, entity_type).split()
        return (len(words), not surface.isupper(), counts[surface])

    best = max(counts, key=rank)  # Counter keeps first-seen order, so ties go to the earliest
    return display_name(best, entity_type)


# ---------------------------------------------------------------- running the model


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of at most CHUNK_CHARS chars, cut at paragraph or line breaks."""
    limit = CHUNK_CHARS
    offset = 0
    while len(text) - offset > limit:
        window = text[offset : offset + limit]
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut > limit // 2:
                cut += len(separator)
                break
        else:
            cut = limit
        yield offset, window[:cut]
        offset += cut
    yield offset, text[offset:]


def extract_entities(
    bodies: Sequence[str | Article],
    processes: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Language | None = None,
) -> list[list[Entity]]:
    """The entities of each Markdown body, in order of first mention.

    With processes > 1 and at least PARALLEL_THRESHOLD bodies, spaCy runs that many worker
    processes (worth it for large batches only: each worker pays the model's start-up).
    """
    parallel = processes if len(bodies) >= PARALLEL_THRESHOLD else 1
    return list(iter_entities(bodies, parallel, batch_size, nlp))


def not_extracted_reason(article: Article) -> str:
    """Why an article has no entities by design ("" when it is extracted): the model is
    English-only, so other languages get this line in the sidebar and the CLI, not junk."""
    if is_english(article.language):
        return ""
    return f"entities not extracted (language: {article.language})"


def iter_entities(
    bodies: Iterable[str | Article],
    processes: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Language | None = None,
) -> Iterator[list[Entity]]:
    """Stream the entities of each body, in input order, as soon as its last piece is tagged.

    An Article not in English (`not_extracted_reason`) gets none: its text never reaches the
    English model. One `nlp.pipe` call covers the whole stream, so with processes > 1 the
    worker processes start once per import, not once per batch.
    """
    if nlp is None:
        from kimreader.analysis.nlp import load_nlp

        nlp = load_nlp()
    bodies_and_proses: deque[tuple[str, Prose]] = deque()  # waiting for their last piece

    def pieces() -> Iterator[tuple[str, tuple[int, bool]]]:
        for item in bodies:
            if isinstance(item, Article) and not_extracted_reason(item):
                bodies_and_proses.append(("", markdown_prose("")))
                yield "", (0, True)
                continue
            body = item.body if isinstance(item, Article) else item
            prose = markdown_prose(body)
            bodies_and_proses.append((body, prose))
            chunks = [(o, p) for o, p in _chunks(prose.text) if p.strip()] or [(0, "")]
            for number, (offset, piece) in enumerate(chunks, 1):
                yield piece, (offset, number == len(chunks))

    spans: list[Span] = []
    docs = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=processes)
    for doc, (offset, last) in docs:
        spans.extend(
            (offset + ent.start_char, offset + ent.end_char, ent.label_) for ent in doc.ents
        )
        if last:
            body, prose = bodies_and_proses.popleft()
            yield entities_from_spans(body, spans, prose)
            spans = []


# ---------------------------------------------------------------- the library


def merge_library(per_article: Mapping[str, Sequence[Entity]]) -> list[LibraryEntity]:
    """One LibraryEntity per real-world thing over all articles, most articles first."""
    merged = [_library_entity(members) for members in group_library(per_article)]
    merged.sort(key=lambda e: (-len(e.article_ids), -e.count, e.type, e.name.casefold()))
    return merged


def group_library(per_article: Mapping[str, Sequence[Entity]]) -> list[list[tuple[str, Entity]]]:
    """The (article id, entity) pairs of each real-world thing over all articles.

    Entities join when their names, or any unambiguous alias (names.entity_keys), have the same
    key: of the same type, or of any type for a name of several words (the model's type for
    "Lucas Nolan" varies between articles). Then a one-word name with no full name in its
    article ("Lohan", "Morningside") joins the one person or organisation of the library it
    shortens, if only one fits. Dates and day names never join across articles.
    """
    clusters = _UnionFind()
    nodes: list[tuple[str, Entity]] = []
    for article_id, entities in per_article.items():
        for entity in entities:
            node = str(len(nodes))
            nodes.append((article_id, entity))
            clusters.find(node)
            if entity.type in ("date", "event"):
                continue
            for key in _link_keys(entity):
                clusters.union(node, f"key\x00{key}")
    _join_short_names(nodes, clusters)
    groups: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for number, owned in enumerate(nodes):
        groups[clusters.find(str(number))].append(owned)
    return list(groups.values())


def _join_short_names(nodes: list[tuple[str, Entity]], clusters: _UnionFind) -> None:
    people: dict[str, str] = {}  # full person key -> cluster
    orgs: dict[str, str] = {}  # org key -> cluster
    for number, (_article, entity) in enumerate(nodes):
        root = clusters.find(str(number))
        if entity.type == "person":
            for alias in (entity.name, *entity.aliases):
                key = canonical_key(alias, "person")
                if len(key.split()) >= 2:
                    people.setdefault(key, root)
        elif entity.type == "org" and len(entity.name.split()) >= 2:
            orgs.setdefault(canonical_key(entity.name, "org"), root)
    for number, (_article, entity) in enumerate(nodes):
        if len(entity.name.split()) != 1 or entity.type not in ("person", "org", "place"):
            continue
        if gazetteer.is_place(entity.name) or alias_table().canonical.get(base_key(entity.name)):
            continue
        key = canonical_key(entity.name, "person")
        owner = sole_owner(people[f] for f in people if abbreviates(f, key))
        if owner is None:
            owner = sole_owner(orgs[f] for f in orgs if short_org_of(base_key(entity.name), f))
        if owner is not None:
            clusters.union(str(number), owner)


def _link_keys(entity: Entity) -> set[str]:
    keys = entity_keys(entity.name, entity.aliases, entity.type)
    return {f"{entity.type}:{key}" for key in keys} | {k for k in keys if " " in k}


def _library_entity(members: list[tuple[str, Entity]]) -> LibraryEntity:
    names = Counter(entity.name for _, entity in members)
    types: Counter[EntityType] = Counter()
    for _, entity in members:
        types[entity.type] += entity.count  # the library votes on the type
    entity_type = types.most_common(1)[0][0]
    typed = [entity for _, entity in members if entity.type == entity_type]
    listed = alias_table().canonical.get(canonical_key(typed[0].name, entity_type))
    name = (
        listed[0]
        if listed
        else max(
            (entity.name for entity in typed),
            key=lambda n: (names[n], len(n.split()), len(n)),
        )
    )
    aliases = dict.fromkeys([name])
    for _, entity in members:
        aliases.update(dict.fromkeys(entity.aliases))
    article_ids = tuple(dict.fromkeys(article_id for article_id, _ in members))
    return LibraryEntity(
        name=name,
        type=entity_type,
        aliases=tuple(aliases),
        article_ids=article_ids,
        count=sum(entity.count for _, entity in members),
    )
