"""The titles two reports give one named person: "The head of the UN refugee agency, John Ging"
in one, "John Ging, UNRWA's Director of Operations" in the other is a possible difference.

A title is read only where it is set against a mention of the person: an appositive after the
name ("X, the agency's director"), one before it ("The head of the agency, X,"), or a title
written before the name ("Foreign Minister X"). What is compared is the title's head word
(director, head, spokesman, minister): "President" and "US President" agree, "spokesman" and
"spokeswoman" are one head. A wrong claim is worse than none, so a person whose titles in one
report share a head with the other's is no difference, and "former" titles are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kimreader.analysis.entity import Entity
from kimreader.analysis.gazetteer import is_nationality_word
from kimreader.analysis.names import canonical_key
from kimreader.analysis.speakers import words_before

# Head words of a title, with the head they count as ("Ambassador Bao Shusheng" and
# "Beijing's newly installed envoy to Port Vila, Bao Shusheng" are one title: an ambassador is
# an envoy; a WikinewsSum review pool pair claimed them as a difference).
TITLE_HEADS = {
    "head": "head", "chief": "head", "director": "director", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "spokesperson": "spokesperson", "minister": "minister",
    "secretary": "secretary", "president": "president", "governor": "governor",
    "mayor": "mayor", "commander": "commander", "ambassador": "envoy", "envoy": "envoy",
    "chairman": "chair", "chairwoman": "chair", "chair": "chair", "coordinator": "coordinator",
    "administrator": "administrator", "professor": "professor", "prosecutor": "lawyer",
    "judge": "judge", "senator": "senator", "lawyer": "lawyer", "attorney": "lawyer",
    "publicist": "publicist", "manager": "manager", "captain": "captain",
}  # fmt: skip
# The head words as one regular-expression alternation, longest first.
TITLE_HEAD_WORDS = "|".join(sorted(TITLE_HEADS, key=len, reverse=True))
# "X, the agency's director," / "X, UNRWA's Director of Operations": the appositive clause.
_AFTER = re.compile(r"^,\s+(?P<title>[^,.;:“”\"()]{2,80})")
# "The head of the UN Palestinian refugee agency, X": a title phrase ending right before it.
_BEFORE = re.compile(r"(?:^|[.;:]\s+|\b[Tt]he\s)(?P<title>[^,.;:“”\"()]{2,80}),\s+$")
# "Foreign Minister X", "UNHCR spokesman X": a title written as part of the name (in the words
# right before it, speakers.words_before).
_PREFIX = re.compile(rf"(?P<title>(?:[A-Z][\w’'\-]*\s+){{0,3}}(?i:{TITLE_HEAD_WORDS}))\s+$")
_TITLE_HEAD = re.compile(rf"\b(?i:{TITLE_HEAD_WORDS})\b")
# A former title is no claim about today; a clause with a verb or a relative is no title
# ("whose head was crushed", "said national disaster agency spokesman X").
_NOT_A_TITLE = re.compile(
    r"\b(?:former|ex|who|whose|which|that|said|says|told|added|was|is|were|are)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Title:
    """A title given to a person: body[start:end] is the title as written."""

    person: str  # the person's key (names.canonical_key)
    head: str  # what is compared: "director", "spokesperson"
    start: int
    end: int


def _head(title: str) -> str:
    """The head of a title phrase: its first head word before "of"/"at" ("head of the agency"
    -> head; "Director of Operations" -> director); "" when it names none or is a former one."""
    if _NOT_A_TITLE.search(title):
        return ""
    main = re.split(r"\s+(?:of|at|for|in|to|from|with|who|and)\s+", title, maxsplit=1)[0]
    found = _TITLE_HEAD.findall(main)
    return TITLE_HEADS[found[-1].lower()] if found else ""


def titles(body: str, entities: Sequence[Entity]) -> list[Title]:
    """Every title the report sets against a mention of a person, in text order."""
    found: list[Title] = []
    for entity in entities:
        if entity.type != "person":
            continue
        key = canonical_key(entity.name, "person")
        for start, end in entity.mentions:
            found.extend(_titles_at(body, key, start, end))
    return sorted(found, key=lambda title: title.start)


def _described(title: str) -> bool:
    """A people's word and a lower-case head before a name describe, they give no office:
    "Iranian commander General Qasem Soleimani" against "head of Iran's Quds Force"."""
    words = title.split()
    return len(words) == 2 and words[1].islower() and is_nationality_word(words[0])


def _titles_at(body: str, key: str, start: int, end: int) -> list[Title]:
    result: list[Title] = []
    before = body[max(0, start - 100) : start]
    for pattern, (offset, text) in (
        (_PREFIX, words_before(body, start)),
        (_BEFORE, (start - len(before), before)),
    ):
        match = pattern.search(text)
        if match and "\n" not in match.group("title") and not _described(match.group("title")):
            head = _head(match.group("title"))
            if head:
                begin = offset + match.start("title")
                result.append(Title(key, head, begin, offset + match.end("title")))
                break
    after = _AFTER.match(body[end : end + 100])
    if after and "\n" not in after.group("title"):
        head = _head(after.group("title"))
        if head:
            result.append(Title(key, head, end + after.start("title"), end + after.end("title")))
    return result


def title_differences(
    titles_a: Sequence[Title], titles_b: Sequence[Title]
) -> list[tuple[Title, Title]]:
    """(A's title, B's title) for each person both reports give titles that share no head."""
    pairs: list[tuple[Title, Title]] = []
    for person in dict.fromkeys(title.person for title in titles_a):
        mine = [title for title in titles_a if title.person == person]
        theirs = [title for title in titles_b if title.person == person]
        if theirs and not {t.head for t in mine} & {t.head for t in theirs}:
            pairs.append((mine[0], theirs[0]))
    return pairs
