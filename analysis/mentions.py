"""Mentions: the model's spans fixed, junk dropped, types weighed by evidence, misses found.

Each span the model proposes over the prose is trimmed ("the", possessives, edge punctuation),
cut or dropped by analysis/junk.py, typed by the evidence of analysis/mention_types.py (the
words around a name, analysis/gazetteer.py's data), and completed by the uses of names the
model missed and the names in tables (analysis/mention_tables.py). analysis/entities.py merges
the mentions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kimreader.analysis import gazetteer, junk
from kimreader.analysis.entity import EntityType
from kimreader.analysis.mention_spans import (
    LabelledSpan,
    NamesAlone,
    capitalised_after,
    capitalised_before,
    fuller_name,
    given_name_before,
    glued_names,
    head_of_start,
    maker_only,
    named_alone,
    names_used_alone,
    people_in_title_case_lines,
    places_apart,
    product_after,
    sentence_end,
    titles_as_works,
    without_common_nouns,
    without_headline_verb,
)
from kimreader.analysis.mention_tables import names_in_tables
from kimreader.analysis.mention_types import (
    NUMBERED_UNIT,
    ORG_HEADS,
    PLACE_HEADS,
    described_type,
    is_person_word,
    names_after_kind_words,
    type_evidence,
)
from kimreader.analysis.names import (
    FACILITY_TAILS,
    FUNCTION_WORDS,
    WORD_PARTICLES,
    alias_table,
    base_key,
    canonical_key,
    is_title,
    particle_alternatives,
    short_org_of,
)
from kimreader.analysis.prose import Prose, inside, layout, lower_case_words

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "date",
    "EVENT": "event",
}


_LEADING_THE = re.compile(r"(?i)the\s+")
# Words that open a sentence before a name and are never part of one.
_NOT_A_NAME_OPENER = re.compile(r"(?:Born|Dear|Meanwhile|Unlike|Thanks[ \t]+to)[ \t]+(?=[A-Z])")
_EDGE_JUNK = " \t\n\"“”‘’'`,;:!?()[]{}<>—–-•*_#|"
_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")
_DAY_AFTER = re.compile(r"(?:['’]s)?[ \t]+Day\b")
_LOWER_TAIL = re.compile(r"(?<=\w)\s+[a-z]+$")
_HYPHEN_TAIL = re.compile(r"[-‐]([a-z]{1,5})\b")
_NOT_NAME_TAILS = frozenset(
    """style led era like type based run born made owned backed funded linked affiliated
    controlled sponsored""".split()
)
_WORD_TAIL = re.compile(r"[-‐]([a-z]+)$")
# A span cut inside a hyphenated name after a short lower-case piece ("Mar-a" of "Mar-a-Lago",
# "Stratford-upon" of "Stratford-upon-Avon"), and the rest of the compound.
_PARTICLE_END = re.compile(r"\w[-‐][a-z]{1,4}$")
_COMPOUND_GOES_ON = re.compile(r"[-‐][A-Z][\w’']*(?:[-‐][\w’']+)*")
_SCORE_TAIL = re.compile(r"[ \t]+\d{1,3}[-–]\d{1,3}$")
_DATE_WORDS = re.compile(
    r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:1[5-9]|20)\d\d\b|\b\d{1,2}/\d{1,2}\b"
)
# A name starts with a capital, or with a particle before one ("al-Qaeda", "de Blasio", "bin
# Laden"), or is a brand's camel case ("iPhone", "eBay").
# Capitals beyond ASCII count: "Łukasz Szumowski", "Ángel", "Özil".
_UPPER = "A-Z" + "".join(
    sorted({ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper() and ch.isalpha()})
)
_HAS_UPPER_START = re.compile(
    rf"^[^\w]*(?:[{_UPPER}0-9]|(?:al|el|ad|ar|as|ash|at|az|ul)[-‐][A-Z]|"
    # a particle before a capital (not "dos", "das", "ten": words of their own as often)
    rf"(?:{particle_alternatives(WORD_PARTICLES - {'dos', 'das', 'ten'})})\s+[A-Z]|[ie][A-Z])"
)


def _fix_span(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Trim "the", possessives and edge punctuation; restore a hyphenated given name."""
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    end = _trim_end(text, start, end)
    the = _LEADING_THE.match(text, start, end)
    if the and label != "DATE":
        start = the.end()
    opener = _NOT_A_NAME_OPENER.match(text, start, end)
    if opener is not None:
        start = opener.end()  # "Born Robert Burns in 1941, he ..." names Robert Burns
    if label == "PERSON":
        start = _after_person_word(text, start, end)  # "Lawyer Sardar Mehboob said"
    if label != "DATE":
        start = _after_cited_outlet(text, start, end)  # "an interview with People, Reid said"
    for possessive in _POSSESSIVE.finditer(text, start, end):
        rest = text[possessive.end() : end].strip()
        if not rest or not rest[0].isupper():  # "Kim's", "Kim’s fourth"; not "People's Republic"
            end = possessive.start()
            break
    end = sentence_end(text, start, end) or end  # "One S. The company's app" ends at "."
    score = _SCORE_TAIL.search(text, start, end)
    if score is not None:
        end = score.start()  # "Maroochydore 3-1"
    if label != "DATE":
        # "the Likud party" names Likud: a lower-case word after a name is not part of it.
        while (lower := _LOWER_TAIL.search(text, start, end)) is not None:
            end = lower.start()
    rank = _RANK_TAIL.search(text, start, end)
    if rank is not None and text[end : end + 1] == ".":
        end = rank.start()  # "U.S. Army Spc. Erin Robicheaux": the rank is the next name's
    if label == "PERSON":
        tail = _HYPHEN_TAIL.match(text, end)
        if tail and tail.group(1) not in _NOT_NAME_TAILS and text[start:end].istitle():
            end = tail.end()  # "Moon Jae" + "-in"
    compound = (
        _COMPOUND_GOES_ON.match(text, end) if _PARTICLE_END.search(text, start, end) else None
    )
    if compound is not None:
        end = compound.end()  # "Mar-a" + "-Lago": the name is the whole compound
    tail = _WORD_TAIL.search(text, start, end)
    if tail and tail.group(1) in _NOT_NAME_TAILS:
        end = tail.start()  # "Kroger-owned" names Kroger
    end = _trim_end(text, start, _before_unmatched(text, start, end))
    acronym = _BRACKETED_ACRONYM.search(text, start, end)
    if acronym is not None and label != "DATE":
        end = acronym.start()  # "the Indian National Congress (INC) party"
    end = without_common_nouns(text, start, end, label)  # "James Comey Memos just out"
    end = without_headline_verb(text, start, end, label)  # "Jane Roe Slams Budget"
    return (start, end) if end > start and any(ch.isalpha() for ch in text[start:end]) else None


# A rank or title abbreviated, ending a span before its full stop: it stands before the next
# name ("U.S. Army Staff Sgt. Jason Escoyne", "a photo by Erin Robicheaux Sgt. Jeanne Crochet").
# Each is a title of aliases.json too, but not read from there: its short titles include "St",
# "Det", "Mr" and football's "QB", "WR", which a span may end in before a full stop that ends
# a sentence or a street's name ("Penn St."), not a title: taking them would cut such spans.
_RANK_TAIL = re.compile(
    r"(?:[ \t]+(?:Staff|Master|First))?[ \t]+"
    r"(?:Sgt|Spc|Maj|Lt|Col|Gen|Capt|Cpl|Pvt|Pfc|Adm|Cmdr|Sen|Rep|Gov|Dr|Prof|Rev)\Z"
)
# An acronym in brackets inside a span, with more words after it: the name ends before it.
_BRACKETED_ACRONYM = re.compile(r"[ \t]+\([A-Z][A-Z&.]{1,9}\)(?=[ \t]+\S)")


def _after_cited_outlet(text: str, start: int, end: int) -> int:
    """The model's "People, Reid" (an outlet named by a common word, cited, then the subject of
    the next clause) names Reid; the outlet is found on its own (gazetteer.cited_outlets)."""
    comma = text.find(", ", start, end)
    if comma == -1 or not text[comma + 2 : comma + 3].isupper():
        return start
    return comma + 2 if gazetteer.is_cited_outlet(text[start:comma]) else start


_FIRST_WORD = re.compile(r"([A-Z][a-z-]+)[ \t]+(?=[A-Z])")


def _after_person_word(text: str, start: int, end: int) -> int:
    """Where a person's name starts after a capitalised word for a person the model took in
    ("Lawyer Sardar Mehboob", "Violinist Brigit O'Regan"), or after a word with an agent's
    ending or one the article writes in lower case before a given name ("Landowner Jim Irvine",
    "Lead Paul Sun-Hyung Lee"); titles and given names stay ("Judge",
    "Pope"; "Man Haron Monis")."""
    first = _FIRST_WORD.match(text, start, end)
    word = first.group(1) if first is not None else ""
    if first is None or is_title(word) or gazetteer.is_given_name(word):
        return start
    inner = _title_inside(text, first.end(1), end)
    if inner is not None:
        return inner
    rest = text[first.end() : end].split()
    # An agent's ending, or a word the article writes in lower case too ("Lead Paul Sun-Hyung
    # Lee" of a cast list, "the lead actor"), before a given name and a surname.
    agent = (
        _AGENT_ENDING.search(word) is not None
        or (len(rest) >= 2 and word.lower() in lower_case_words(text))
    ) and gazetteer.is_given_name(rest[0])
    return first.end() if is_person_word(word) or agent else start


_AGENT_ENDING = re.compile(r"(?:er|or|ist|ian)$")
_PLACE_NAME_TITLES = frozenset({"saint", "st", "san", "santa", "sao", "fort"})
_WORD_AT = re.compile(r"[ \t]+([A-Za-z][\w’'-]*)\.?")


def _title_inside(text: str, position: int, end: int) -> int | None:
    """Where the name starts after a title inside the span, before a given name: the words
    before it are the team's or the outfit's ("Colts QB Andrew Luck", "Chiefs DT Tyson
    Jackson"), the name is after it."""
    words = list(_WORD_AT.finditer(text, position, end))
    for word, following in zip(words, words[1:], strict=False):
        title = word.group(1)
        if title.lower() in _PLACE_NAME_TITLES:
            continue  # "Saint Vincent" names a place
        if is_title(title) and gazetteer.is_given_name(following.group(1)):
            return following.start(1)
    return None


_CLOSERS = {")": "(", "]": "[", "”": "“"}


def _trim_end(text: str, start: int, end: int) -> int:
    """Edge punctuation off a span's end, but not an editor's square bracket that closes one
    inside it ("Jerry [O'Connell]")."""
    while end > start and text[end - 1] in _EDGE_JUNK:
        if text[end - 1] == "]" and "[" in text[start : end - 1]:
            break
        end -= 1
    return end


def _before_unmatched(text: str, start: int, end: int) -> int:
    """A bracket or quote mark the span does not close ends it: "Asynchronous Task Framework
    (ATF", "LTR)—which", 'Pacific "Ring of Fire'."""
    opened: list[tuple[str, int]] = []
    for index in range(start, end):
        char = text[index]
        if char in "([“" or (char == '"' and not (opened and opened[-1][0] == '"')):
            opened.append((char, index))
        elif char in _CLOSERS or char == '"':
            if not opened or opened[-1][0] != _CLOSERS.get(char, '"'):
                return index
            opened.pop()
    return opened[0][1] if opened else end


def _keep_date(surface: str) -> bool:
    """Calendar dates only: "March", "Tuesday", "June 12, 2018"; not "months" or "last year"."""
    return bool(_DATE_WORDS.search(surface)) and surface not in ("may", "march")


@dataclass
class Mention:
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
    described: bool = False  # the text around it says what it is ("Con Edison, which ...")
    birth_name: bool = False  # written after "born": the person is known by another name


_ATTRIBUTION_AFTER = re.compile(r"\s+(?:said|says|added|adds|told\s+\w+|wrote|writes)\s*[.,;]")
_ATTRIBUTION_BEFORE = re.compile(r"\b(?:said|says|added|adds|according\s+to)\s+$")
_SPEAKER_AFTER = re.compile(r",?\s+(?:said|says|added)\b|,\s+(?:a|an|the|who)\s")
_CLAUSE_END = re.compile(r"\s*[.,;]")


def is_attribution(text: str, mention: Mention) -> bool:
    """ "…, Kim said." or "said Kim." : the mention names the speaker of a quote."""
    return is_attribution_at(text, mention.start, mention.end)


def is_attribution_at(text: str, start: int, end: int) -> bool:
    """`is_attribution` of the name at text[start:end]."""
    if _ATTRIBUTION_AFTER.match(text, end):
        return True
    before = text[max(0, start - 30) : start]
    return bool(_ATTRIBUTION_BEFORE.search(before) and _CLAUSE_END.match(text, end))


def bare_uses(text: str, names: Iterable[tuple[int, int, str]]) -> dict[str, list[int]]:
    """Where text uses each of `names` ((start, end, key) of short person names) alone, outside
    an attribution (`is_attribution_at`): key -> starts, in order. After such a use, an
    attribution by that name is no longer the last full name's (names.FullNames)."""
    uses: dict[str, list[int]] = {}
    for start, end, key in sorted(names):
        if not is_attribution_at(text, start, end):
            uses.setdefault(key, []).append(start)
    return uses


def is_speaker_introduction(text: str, mention: Mention) -> bool:
    """ "said Kim Byung-yeon, a professor" or "Shi Yinhong, a professor ..., said"."""
    before = text[max(0, mention.start - 30) : mention.start]
    return bool(_ATTRIBUTION_BEFORE.search(before) or _SPEAKER_AFTER.match(text, mention.end))


def find_mentions(body: str, prose: Prose, spans: Sequence[LabelledSpan]) -> list[Mention]:
    text = prose.text
    headings, ignored = layout(body)
    cut_out = _sentences_pieces(body, headings)
    headings = [h for h in headings if h not in cut_out]
    mentions: list[Mention] = []
    # A listed name of several words beats the model's pieces of it ("Cambridge" + "Analytica"),
    # and so do the names `_whole_names` finds.
    aged = _whole_names(text)
    preferred = [
        m.span() for m in gazetteer.organisation_pattern().finditer(text) if " " in m.group()
    ] + [(s, e) for s, e, _label in aged]
    whole = {(start, end) for start, end, _label in aged}
    model = _names_started_after_the(
        text, _names_with_a_capital_the(text, [s for s in spans if (s[0], s[1]) not in whole])
    )
    extended_to = 0
    alone = names_used_alone(text, spans)
    for raw_start, raw_end, model_label in _join_split_names(
        text,
        _split_located(
            text,
            _people_after_office_of_country(
                text, _given_name_before(text, sorted([*model, *aged]))
            ),
        ),
        alone,
    ):
        model_label = _misread_place(text, raw_start, raw_end, model_label)
        if model_label not in LABEL_TYPES and model_label != "NORP":
            continue
        if not 0 <= raw_start < raw_end <= len(text):
            continue  # spans over some other text: nothing to map back
        if any(
            s <= raw_start and raw_end <= e and e - s > raw_end - raw_start for s, e in preferred
        ):
            continue
        glued = (raw_start, raw_end) not in whole  # a name found whole: "MV Captain Leo Hart"
        pieces = _pieces(text, raw_start, raw_end, model_label, alone if glued else None)
        for piece_start, piece_end, label in pieces:
            if piece_start < extended_to:
                continue  # the words of a name cut short and taken whole before
            fixed = _fix_span(text, piece_start, piece_end, label)
            if fixed is None or inside(*prose.body_span(*fixed), ignored):
                continue
            if fixed[0] and text[fixed[0] - 1].isalnum():
                continue  # starts inside a word: "K Blu" of "4K Blu-rays"
            start, end = maker_only(text, *fixed, label)
            whole_start, whole_end = fuller_name(text, start, end, label)
            whole_end = without_common_nouns(text, whole_start, whole_end, label)
            whole_end = max(end, without_headline_verb(text, whole_start, whole_end, label))
            if (whole_start, whole_end) != (start, end) and _joined_as_written(
                prose, (whole_start, whole_end), (start, end)
            ):
                start, end, extended_to = whole_start, whole_end, whole_end
                mentions = [m for m in mentions if m.end <= start]
            head = head_of_start(text, start) if label in _CUT_NAME_LABELS else None
            if head is not None:  # "Library of Congress" given as "Congress"
                start, label = head, "ORG"
                mentions = [m for m in mentions if m.end <= start]
            if any(s < end and start < e and (s, e) != (start, end) for s, e, _l in aged):
                continue
            in_heading = inside(*prose.body_span(start, end), headings)
            mention = _mention(text, start, end, label, in_heading)
            if mention is not None:
                mentions.append(mention)
    mentions = titles_as_works(body, prose, mentions, headings, _mention)
    for start, end, label in _missed_spans(text, mentions):
        mention = _mention(text, start, end, label, inside(*prose.body_span(start, end), headings))
        if mention is not None:
            mentions.append(mention)
    mentions = names_in_tables(body, prose, mentions, _mention)
    mentions.sort(key=lambda m: m.start)
    return _without_owners(text, mentions)


# A paragraph's start that opens no sentence: lower case, a comma or stop, a dash.
_CONTINUED_START = re.compile(r"\s*(?:[a-z]|[,.;:)](?=\s|$)|[–—-]\s)")


def _stops_mid_sentence(paragraph: str) -> bool:
    """A paragraph that stops inside a sentence: no closing punctuation, and its end in lower
    case ("including the now-infamous", "chairman, and"), a title ("Attorney General",
    "Deputy Attorney Gen.") or the end of a clause with commas ("related to Flynn, Sessions,
    fired FBI Director"); not a caption's or a heading's name ("Characters from Disney
    Fairies")."""
    words = paragraph.split()
    if not words:
        return False
    if is_title(words[-1]) and not paragraph.rstrip(".").endswith(_CLOSING):
        return True
    if paragraph.endswith(_CLOSING):
        return False
    return words[-1][:1].islower() or paragraph[-1] == "," or ", " in paragraph


_CLOSING = tuple('.!?:;"”’)]*_')


def _sentences_pieces(body: str, headings: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The short lines read as subheads that are the middle of a sentence a page's links cut
    into paragraphs ("Attorney General" / "Jeff Sessions" / "had already recused himself"):
    the paragraph before closes no sentence (or ends in a title's abbreviation, "Deputy
    Attorney Gen."), and the one after goes on in lower case or is such a piece itself ("FBI
    Director" / "James Comey, former deputy FBI director" / "Andrew McCabe" / "and his")."""
    pieces: set[tuple[int, int]] = set()
    starts = {start: (start, end) for start, end in headings}
    for start, end in sorted(headings, reverse=True):
        before = body.rfind("\n\n", 0, start)
        if before < 0:
            continue
        previous = body[body.rfind("\n\n", 0, before) + 2 : before].strip()
        if not _stops_mid_sentence(previous):
            continue
        following_start = end + len(body[end:]) - len(body[end:].lstrip("\n"))
        following = body[following_start : following_start + 80]
        if _CONTINUED_START.match(following) or starts.get(following_start) in pieces:
            pieces.add((start, end))
    return pieces


# A given name right before a span, one space between, at a paragraph's or sentence's start
# or after a word in lower case or a comma ("Russian lawyer Natalia Veselnitskaya").
_GIVEN_NAME_BEFORE = re.compile(r"(?:^|(?<=[\n.,;:] )|(?<=[a-z,] )|(?<=\n))([A-Z][a-z]+)[ \t]$")


def _given_name_before(text: str, spans: list[LabelledSpan]) -> list[LabelledSpan]:
    """A surname the model read as a place without the given name before it, or with the
    given name read as a place of its own ("Natalia" + "Veselnitskaya"): one capitalised word,
    no gazetteer place, after a given name that is no place and no other span's part, is a
    person's name with that given name."""
    fixed: list[LabelledSpan] = []
    for start, end, label in spans:
        surface = text[start:end]
        given = (
            _GIVEN_NAME_BEFORE.search(text, max(0, start - 24), start)
            if label in ("GPE", "LOC") and surface.istitle() and surface.isalpha()
            else None
        )
        if (
            given is not None
            and gazetteer.is_given_name(given.group(1))
            and given.group(1).lower() not in FUNCTION_WORDS
            and not gazetteer.is_place(surface)
            and not gazetteer.is_place(given.group(1))
        ):
            if fixed and fixed[-1][:2] == given.span(1) and fixed[-1][2] in ("GPE", "LOC"):
                fixed.pop()  # the given name read as a place of its own
            if not fixed or fixed[-1][1] <= given.start(1):
                fixed.append((given.start(1), end, "PERSON"))
                continue
        fixed.append((start, end, label))
    return fixed


def _joined_as_written(prose: Prose, whole: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether the words a name is taken whole with (mention_spans.fuller_name) join it in the
    body with no markup between: not across a link's or an emphasis' end ("[Valéry
    Giscard](…) d'Estaing", "*Gertrude* Vanderbilt Whitney"), where the mention's offsets in
    the body would hold the markup."""
    joins = [(whole[0], span[0] + 1)] if whole[0] < span[0] else []
    joins += [(span[1] - 1, whole[1])] if whole[1] > span[1] else []
    for start, end in joins:
        body_start, body_end = prose.body_span(start, end)
        if body_end - body_start != end - start:
            return False
    return True


def _pieces(
    text: str, start: int, end: int, label: str, alone: NamesAlone | None
) -> Iterator[LabelledSpan]:
    """The pieces of a span worth keeping (junk.pieces), each with its label; a model's span
    (`alone` given: names_used_alone) also cut where it glued two names
    (mention_spans.glued_names)."""
    for piece_start, piece_end in junk.pieces(text, start, end, label):
        places = places_apart(text, piece_start, piece_end)
        if places:  # "U.S.-Mexico border": two places, neither an organisation
            yield from ((place_start, place_end, "GPE") for place_start, place_end in places)
            continue
        people = _people_apart(text, piece_start, piece_end)
        if people:  # "the Trump-Abe summit": two people, no organisation
            yield from ((person_start, person_end, "PERSON") for person_start, person_end in people)
            continue
        if alone is not None:
            yield from glued_names(text, piece_start, piece_end, label, alone)
        else:
            yield piece_start, piece_end, label


_TWO_SURNAMES = re.compile(r"([A-Z][a-z]+)[-–]([A-Z][a-z]+)")


def _people_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The two people of a span that joins their surnames with a hyphen as a modifier ("the
    Trump-Abe summit"): each surname is written elsewhere in the text after a capitalised
    given name or title ("Donald Trump", "Prime Minister Shinzo Abe") and is no place or
    organisation of the gazetteer. [] for any other span ("Coca-Cola", "Rolls-Royce")."""
    found = _TWO_SURNAMES.fullmatch(text, start, end)
    if found is None or all(map(gazetteer.is_given_name, found.groups())):
        return []  # "Jean-Pierre", "Mary-Kate": a given name
    for surname in found.groups():
        if gazetteer.is_place(surname) or gazetteer.is_organisation(surname):
            return []
        if surname.lower() in FUNCTION_WORDS:
            return []
        full = re.search(rf"\b[A-Z][a-z]+\.?[ \t]+{surname}\b(?![-–])", text)
        if full is None:
            return []
    return [found.span(1), found.span(2)]


_CUT_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PERSON"})
_NUMBER_LABELS = frozenset({"PERCENT", "QUANTITY", "CARDINAL"})
_CAPITALISED_WORDS = re.compile(r"(?:[A-Z][\w’'-]*[ \t]+)+[A-Z][\w’'-]*")


def _misread_place(text: str, start: int, end: int, label: str) -> str:
    """A place or an institution the model gave a label of no kind we show: a city read as a
    language ("downtown Tunis" as LANGUAGE), a place named with a number word ("Ninety Mile
    Beach" as PERCENT), "<head> of <Name>" or a name ending in an organisation's or a clinic's
    head word read as a work ("the Library of Congress", "Morningside Recovery")."""
    surface = text[start:end].strip()
    if label == "LANGUAGE" and gazetteer.is_place(surface):
        return "GPE"
    if label == "WORK_OF_ART" and _CAPITALISED_WORDS.fullmatch(surface):
        words = base_key(surface).split()
        if words[-1] in ORG_HEADS or words[-1] in FACILITY_TAILS:
            return "ORG"
    institution = _INSTITUTION.fullmatch(surface) if label == "WORK_OF_ART" else None
    if institution is not None and base_key(institution.group(1)) in ORG_HEADS:
        return "ORG"
    if (
        label in _NUMBER_LABELS
        and _CAPITALISED_WORDS.fullmatch(surface)
        and base_key(surface).split()[-1] in PLACE_HEADS
    ):
        return "LOC"
    if label == "PERSON" and _CAPITALISED_WORDS.fullmatch(surface):
        words = base_key(surface).split()
        if len(words) >= 2 and words[-1] in _TOWERS and not gazetteer.is_given_name(words[0]):
            return "FAC"  # "Trump Tower": a building, its owner's name is no given name
    return label


# A building's last word, never a surname after a name not given ("Trump Tower"; not "John Tower").
_TOWERS = frozenset("tower towers plaza building".split())


_INSTITUTION = re.compile(r"(?:[Tt]he\s+)?([A-Z][a-z]+)\s+of\s+(?:the\s+)?[A-Z][\w'’ -]*")
# ", " or "and" between two pieces of one name, also past a listed word the model left out
# ("National Union of Rail" + ", Maritime and " + "Transport Workers").
_NAME_JOINER = re.compile(r"(?:,\s+[A-Z][\w'’-]*)*(?:,\s+|,?\s+and\s+|\s+&\s+)")
_OF_SOMETHING = re.compile(r"\s(?:of|on|for)\s+[A-Z]")
_IN_PLACE = re.compile(r"\s+in\s+(?=[A-Z])")


_CAPITALISED_RUN_AFTER_THE = re.compile(r"\b[Tt]he[ \t]+((?:[A-Z][\w'’&-]*[ \t]+)+)$")


def _names_started_after_the(text: str, spans: list[LabelledSpan]) -> list[LabelledSpan]:
    """ "the Metro Toronto Convention Centre" the model read as "Convention Centre": an
    organisation or a facility starts after "the", over capitalised words no other span has."""
    starts = sorted(spans)
    fixed: list[LabelledSpan] = []
    for index, (start, end, label) in enumerate(starts):
        run = (
            _CAPITALISED_RUN_AFTER_THE.search(text, max(0, start - 60), start)
            if label in ("ORG", "FAC")
            else None
        )
        previous_end = starts[index - 1][1] if index else 0
        if run is not None and run.start(1) >= previous_end:
            start = run.start(1)
        fixed.append((start, end, label))
    return fixed


# "The" with its capital inside a sentence, right before a span.
_CAPITAL_THE_BEFORE = re.compile(r"(?<![.!?:\n\"“‘'(][ \t])(?<![.!?:\n\"“‘'(])\bThe[ \t]+\Z")
_NOT_ORG_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def _names_with_a_capital_the(text: str, spans: list[LabelledSpan]) -> list[LabelledSpan]:
    """ "a recent report by The Atlantic", "spokesperson for The Greens": "The" written with
    its capital inside a sentence starts the name of an outlet, a party or a band, which the
    model read as a place or a people's word. A place the gazetteer has stays one ("in The
    Hague")."""
    fixed: list[LabelledSpan] = []
    for start, end, label in spans:
        if (
            label in _NOT_ORG_LABELS
            and start >= 5
            and _CAPITAL_THE_BEFORE.search(text, max(0, start - 8), start)
            and not gazetteer.is_place(text[start:end])
        ):
            fixed.append((start, end, "ORG"))
        else:
            fixed.append((start, end, label))
    return fixed


# "<Title> of (the) " right before a span: "Prime Minister of India Narendra Modi",
# "Senator from Vermont Bernie Sanders".
_OFFICE_OF_END = re.compile(r"\b([A-Z][a-z]+)[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?\Z")


def _people_after_office_of_country(text: str, spans: list[LabelledSpan]) -> list[LabelledSpan]:
    """ "Prime Minister of India Narendra Modi", read as one organisation, is a country and the
    person who holds its office: after a title or a word for a person and "of" or "from", a
    span starting with a country and going on with two or more capitalised words ("Senator from
    Vermont Bernie Sanders" read as an organisation, "Chief Executive of Hong Kong Carrie Lam"
    as a place)."""
    fixed: list[LabelledSpan] = []
    for raw_start, end, label in spans:
        start = raw_start
        if text.startswith("the ", start) and label == "ORG":
            start += 4  # "the Air Force for Acquisition Darleen Druyun", as the model gives it
        office = _OFFICE_OF_END.search(text, max(0, start - 40), start)
        words = text[start:end].split()
        if (
            office is not None
            and (is_title(office.group(1)) or is_person_word(office.group(1)))
            and label in ("ORG", "PERSON", "GPE")
            and not gazetteer.is_place(text[start:end])  # "Papua New Guinea" stays whole
        ):
            # the longest place first: "Hong Kong", not "Hong" before a given name "Kong"
            places = [n for n in (3, 2, 1) if gazetteer.is_place(" ".join(words[:n]))]
            # "Undersecretary of the Air Force for Acquisition Darleen Druyun": a body's name
            # with lower-case words inside, then a given name and a surname
            longer = [n for n in range(4, len(words) - 1) if len(words) - n in (2, 3)]
            for size in places[:1] or [1, 2, 3, *longer]:
                rest = words[size:]
                office_of = " ".join(words[:size])
                if (
                    len(rest) >= 2
                    and all(w[:1].isupper() for w in rest)
                    and (gazetteer.is_country(office_of) or gazetteer.is_given_name(rest[0]))
                    and words[0][:1].isupper()
                    and words[size - 1][:1].isupper()
                    and (size > 3 or all(w[:1].isupper() for w in words[:size]))
                ):
                    # "Mayor of Koszalin Piotr Jedlinski": a given name starts the person
                    place_end = start + len(office_of)
                    person_start = text.index(rest[0], place_end)
                    kind = "GPE" if gazetteer.is_place(office_of) else "ORG"
                    fixed += [(start, place_end, kind), (person_start, end, "PERSON")]
                    break
            else:
                fixed.append((raw_start, end, label))
            continue
        fixed.append((raw_start, end, label))
    return fixed


def _split_located(text: str, spans: list[LabelledSpan]) -> list[LabelledSpan]:
    """ "Hihiaua Cultural Centre in Whangārei" is an organisation and the place it is in, when
    the name before "in" ends in an organisation's head word ("Centre", "Museum")."""
    split: list[LabelledSpan] = []
    for start, end, label in spans:
        located = _IN_PLACE.search(text, start, end) if label in ("ORG", "FAC") else None
        head = base_key(text[start : located.start()]).split()[-1:] if located else []
        if located and head and head[0] in ORG_HEADS:
            split += [(start, located.start(), label), (located.end(), end, "GPE")]
        else:
            split.append((start, end, label))
    return split


def _join_split_names(
    text: str, spans: list[LabelledSpan], alone: NamesAlone
) -> list[LabelledSpan]:
    """One organisation's name written with "and" that the model cut in two: "World Travel" +
    "Tourism Council", "Center on Poverty" + "Inequality", "American Academy of Allergy" +
    "Asthma and Immunology", "United Nations Educational," + "Cultural Organization"; or with
    "for the" after its head word ("Tunisian League" + "Defence of Human Rights"). Two
    organisations stay two: "Apple and Google", "Harvard and Yale University", and so does a second
    name with its own "the" ("the Federal Aviation Administration and the National Transportation
    Safety Board"). A person's name
    the model cut where nothing stands between the pieces is one ("Zine El Abidine" + "Ben
    Ali"; a title and the name: "Monsenor" + "Jorge Eduardo Scheinig"), as is a place's when
    the whole is a gazetteer place ("Sultan" + "Kudarat"). A name the article also writes
    alone is no piece of one ("the FSF Board of Directors, FSF's Voting Membership"). A court's
    judicial district is named with its state ("the Western District" + " of Texas"), an
    organisation, no place, and is its court's after "for" ("U.S. District Court for Northern
    District of California")."""
    joined: list[LabelledSpan] = []
    swallowed = 0  # the end of a judicial district taken whole: the place in it is no name
    for span in _names_past_and(text, spans):
        if span[0] < swallowed:
            continue
        district = _JUDICIAL_DISTRICT.fullmatch(text, span[0], span[1])
        of_place = _OF_PLACE_AFTER.match(text, span[1]) if district is not None else None
        if of_place is not None:  # "the Western District" + " of Virginia"
            span = (span[0], of_place.end(), "ORG")
            swallowed = span[1]
        if joined and span[2] == "PERSON" and _ONE_SPACE.fullmatch(text, joined[-1][1], span[0]):
            if joined[-1][2] == "PERSON" or is_title(text[joined[-1][0] : joined[-1][1]]):
                # "archbishop Monsenor Jorge Eduardo Scheinig": the title the model read apart
                joined[-1] = (joined[-1][0], span[1], "PERSON")
                continue
        if joined and span[2] in _PLACE_LABELS and joined[-1][2] in _PLACE_LABELS:
            start = joined[-1][0]
            if _ONE_SPACE.fullmatch(text, joined[-1][1], span[0]) and gazetteer.is_place(
                text[start : span[1]]
            ):
                joined[-1] = (start, span[1], "GPE")
                continue
        if (
            joined
            and joined[-1][2] == "ORG"
            and span[2] == "ORG"
            and _CHAMBER.fullmatch(text, joined[-1][0], joined[-1][1])
            and _ONE_SPACE.fullmatch(text, joined[-1][1], span[0])
            and _COMMITTEE_END.search(text, span[0], span[1])
        ):  # "House" + "Ways and Means Committee": the chamber's committee
            joined[-1] = (joined[-1][0], span[1], "ORG")
            continue
        if (
            joined
            and joined[-1][2] == "ORG"
            and span[2] in ("ORG", *_PLACE_LABELS)
            and _COURT_END.search(text, joined[-1][0], joined[-1][1])
            and _FOR_THE.fullmatch(text, joined[-1][1], span[0])
        ):  # "the Federal District Court" for "the District of Columbia": the court's name
            joined[-1] = (joined[-1][0], span[1], "ORG")
            continue
        if joined and joined[-1][2] == "ORG" and _of_name_goes_on(text, joined[-1], span):
            joined[-1] = (joined[-1][0], span[1], "ORG")
            continue
        if joined and span[2] == "ORG" and joined[-1][2] in ("ORG", "PERSON"):
            start, end, _label = joined[-1]
            end -= text[end - 1] == ","  # "United Nations Educational," + ", Scientific and"
            first, second = text[start:end], text[span[0] : span[1]]
            if (
                (
                    _label == "ORG"
                    and _NAME_JOINER.fullmatch(text, end, span[0])
                    and not _LEADING_THE.match(second)  # "the FAA and the NTSB": its own "the"
                    and _one_name(first, second)
                    and not _apposition_after_comma(text[end : span[0]], second)
                    and named_alone(second, alone, (start, span[1])) is None  # "..., FSF's Voting"
                )
                or (_FOR_THE.fullmatch(text, end, span[0]) and _cause_after_head(first, second))
            ):
                joined[-1] = (start, span[1], "ORG")
                continue
        joined.append(span)
    return joined


_ONE_SPACE = re.compile(r"[ \t]")
# A court's judicial district, named with a compass word and the state or country it lies in:
# "the Northern District of California", "the Western District of Texas".
_JUDICIAL_DISTRICT = re.compile(
    r"(?:[Tt]he[ \t]+)?(?:Northern|Southern|Eastern|Western|Middle|Central)[ \t]+District"
)
_OF_PLACE_AFTER = re.compile(
    r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}"
)
# An organisation's name ending in "of" and one word: "the Islamic State of Iraq"; or a place
# of up to three: "the Port Authority of New York".
_OF_ONE_WORD_END = re.compile(r"[ \t]of[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]*)\Z")
_OF_PLACE_END = re.compile(
    r"[ \t]of[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){1,2})\Z"
)
_AND_THE = re.compile(r"[ \t]+and[ \t]+(?:the[ \t]+)?")


def _of_name_goes_on(text: str, first: LabelledSpan, second: LabelledSpan) -> bool:
    """ "the Islamic State of Iraq" + "and the Levant", "the Port Authority of New York" + "and
    New Jersey", "the Rosenstiel School of Marine" + "and Atmospheric Science": an
    organisation's "of" phrase the model ended at its "and",
    reading the rest as a place or a person. The two sides are alike: two places (not "the
    Ministry of Defence and Russia"), or two words of no place, the second no person's name
    (not "the Bank of England and Andrew Bailey", nor "the Office of Budget and Ann Lee")."""
    of_word = _OF_ONE_WORD_END.search(text, first[0], first[1])
    of_place = _OF_PLACE_END.search(text, first[0], first[1])
    if of_word is None and of_place is None or not _AND_THE.fullmatch(text, first[1], second[0]):
        return False
    words = text[second[0] : second[1]].split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if second[2] in _PLACE_LABELS:
        return any(m is not None and gazetteer.is_place(m.group(1)) for m in (of_word, of_place))
    if of_word is None:
        return False
    return (
        second[2] == "PERSON"
        and not gazetteer.is_place(of_word.group(1))
        and not gazetteer.is_given_name(words[0])
        and len(words) >= 2
    )


_PLACE_LABELS = ("GPE", "LOC")
_FOR_THE = re.compile(r"[ \t]+for[ \t]+(?:the[ \t]+)?")  # the next span may hold its "the"
# Capitalised words (at most four) after or before "and", on one line.
_AND_RUN_AFTER = re.compile(r"[ \t]+and[ \t]+((?:[A-Z][\w'’-]*)(?:[ \t]+[A-Z][\w'’-]*){0,3})\b")
_RUN_AND_BEFORE = re.compile(r"\b[Tt]he[ \t]+((?:[A-Z][\w'’-]*[ \t]+){1,3})and[ \t]+\Z")
_ENDS_IN_AND = re.compile(r"[ \t]+and[ \t]*\Z")


def _names_past_and(text: str, spans: list[LabelledSpan]) -> list[LabelledSpan]:
    """An organisation's name the model ended at or before its "and", where no other span
    takes the words after it: "Operation Fast and" + "Furious", "National Institute of
    Allergy" + "and Infectious Diseases"; or ended with its "and" right before the rest:
    "the Army’s Research and" + "Referral Hospital"; or started after it: "the House Oversight
    and" + "Reform Committee" (a name ending in a head word, the words before "and" no
    span's, or one span's whole: "the Bill and Melinda Gates Foundation", "Bill" read as a
    person)."""
    ordered = sorted(spans)
    fixed: list[LabelledSpan] = []
    for index, (start, end, label) in enumerate(ordered):
        if label == "ORG":
            if fixed and fixed[-1][2] == "ORG" and fixed[-1][1] == start:
                fixed[-1] = (fixed[-1][0], end, "ORG")  # the name its "and" ran into
                continue
            previous_end = ordered[index - 1][1] if index else 0
            following = ordered[index + 1] if index + 1 < len(ordered) else None
            if (
                following is not None
                and following[2] == "ORG"
                and _ENDS_IN_AND.search(text[start:end])
                and not text[end : following[0]].strip()
            ):
                fixed.append((_before_and(text, start, end, previous_end), following[0], label))
                continue
            end = _past_and(text, start, end, following[0] if following else len(text))
            start = _before_and(text, start, end, previous_end)
            previous_start = fixed[-1][0] if fixed and fixed[-1][2] == "PERSON" else -1
            if previous_start < start and _before_and(text, start, end, previous_start) == (
                previous_start
            ):
                # "the Bill and" + "Melinda Gates Foundation", the model's person "Bill" the
                # first words of the name: one foundation. Not "the Democratic and" +
                # "Republican Party's" (a nationality or party word: two parties).
                start = fixed.pop()[0]
        fixed.append((start, end, label))
    return fixed


def _past_and(text: str, start: int, end: int, next_start: int) -> int:
    name = text[start:end]
    cut_at_and = _ENDS_IN_AND.search(name)
    if cut_at_and is None and not (
        _OF_SOMETHING.search(name) and any(w in ORG_HEADS for w in base_key(name).split())
    ):
        return end
    end = start + cut_at_and.start() if cut_at_and is not None else end
    run = _AND_RUN_AFTER.match(text, end)
    return end if run is None or run.end() > next_start else run.end()


def _before_and(text: str, start: int, end: int, previous_end: int) -> int:
    words = base_key(text[start:end]).split()
    if not words or words[-1] not in ORG_HEADS:
        return start
    run = _RUN_AND_BEFORE.search(text, max(0, start - 60), start)
    if run is None or run.start(1) < previous_end:
        return start
    if any(w in ORG_HEADS for w in base_key(run.group(1)).split()):
        return start  # "the Senate Committee and Finance Committee": two
    return run.start(1)


def _cause_after_head(first: str, second: str) -> bool:
    """ "Tunisian League" for the "Defence of Human Rights" is one name, and so is "the Court of
    Appeals" for "the Third Circuit" (the head before its "of" phrase); "the Labour Party" for
    "the Conservative Party" (the second with its own head word) two."""
    first_words, second_words = base_key(first).split(), base_key(second).split()
    # the head right before the "of" too: "the U.S. Court of Appeals" for "the Ninth Circuit"
    head_of = _OF_ONE_WORD_END.search(first) is not None and (
        first_words[0] in ORG_HEADS or len(first_words) >= 3 and first_words[-3] in ORG_HEADS
    )
    return (
        bool(first_words)
        and (first_words[-1] in ORG_HEADS or head_of)
        and not any(w in ORG_HEADS for w in second_words)
    )


def _apposition_after_comma(joiner: str, second: str) -> bool:
    """ "the University of Athens, Yanis Varoufakis,": a comma alone before a piece with no
    "and" and no organisation's head word is a name set beside the first, not the rest of it
    ("United Nations Educational," + "Scientific and Cultural Organization" goes on)."""
    words = base_key(second).split()
    return (
        "and" not in joiner.split()
        and "&" not in joiner
        and "and" not in words
        and "&" not in second
        and not any(w in ORG_HEADS for w in words)
    )


# A legislature's chamber, and a committee's name ending a span ("Ways and Means Committee").
_CHAMBER = re.compile(r"(?:[Tt]he[ \t]+)?(?:House|Senate)")
_COMMITTEE_END = re.compile(r"\b(?:Committee|Subcommittee)\Z")
_COURT_END = re.compile(r"\bCourt\Z")


def _one_name(first: str, second: str) -> bool:
    """ "Center on Poverty" goes on past "and"; so does "World Travel" before "Tourism Council"."""
    first_words, second_words = base_key(first).split(), base_key(second).split()
    if _OF_SOMETHING.search(first) and any(w in ORG_HEADS for w in first_words):
        return True
    return (
        len(first_words) >= 2
        and bool(second_words)
        and second_words[-1] in ORG_HEADS
        and not any(w in ORG_HEADS for w in first_words)
    )


def _without_owners(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Netanyahu’s Likud party" names the party: a possessive whose owner the article names
    on its own, or whose owner is an organisation ("Stanford University’s Center on Poverty",
    "Parliament’s Joint Committee"), starts the name after it; the organisation owning it is
    a mention of its own."""
    known = {m.key for m in mentions} | {m.key.split()[-1] for m in mentions if m.type == "person"}
    kept = []
    for mention in mentions:
        owner = _POSSESSIVE.search(text, mention.start, mention.end)
        if owner is not None and mention.type in ("org", "place"):
            before = canonical_key(text[mention.start : owner.start()])
            rest = mention.end - owner.end()
            owning_org = before not in known and any(w in ORG_HEADS for w in before.split())
            if owning_org and rest > 1:
                owning = _mention(text, mention.start, owner.start(), "ORG", mention.in_heading)
                if owning is not None:
                    kept.append(owning)
            if (before in known or owning_org) and rest > 1:
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


# News style gives a person's age after the name: "Eloise Parry, 21, was taken to hospital".
_NAME_WITH_AGE = re.compile(
    r"(?<![\w.])((?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?[ \t]+){1,2}[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)"
    r", \d{1,3},"
)


# A nickname in quotes inside a full name: 'Edward Lodewijk "Eddie" Van Halen'.
_NAME_WITH_NICKNAME = re.compile(
    r"(?<![\w.])([A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+[\"“][A-Z][\w.'’-]*[\"”][ \t]+"
    r"(?:(?:van|von|de|del|da|di|le|la|al|bin|ibn)[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?"
    r"(?![\w-])"
)


# A ship's name after its prefix: "MV Sea Watch 3", "HMS Belfast" (a vessel counts as an
# organisation, as products do; its name is no person).
_SHIP = re.compile(
    r"(?<![\w.])(?:MV|MS|MY|SS|RMS|HMS|HMAS|HMCS|HMNZS|USS|USNS|INS)[ \t]+[A-Z][\w'’-]*"
    r"(?:[ \t]+(?:[A-Z][\w'’-]*|\d+))*"
)


# A quoted given name an editor completed in brackets: "Jerry [O'Connell] and I are talking".
_NAME_WITH_EDITORS_SURNAME = re.compile(r"(?<![\w.])[A-Z][a-z]+[ \t]+\[[A-Z][\w'’-]+\]")


# A byline in capitals opening a line: "By REIJI YOSHIDA", "By RAVI NESSMAN Associated Press
# Writer" (the model reads a surname in capitals as an organisation).
_BYLINE_IN_CAPITALS = re.compile(
    r"(?:^|(?<=\n))By[ \t]+([A-Z][A-Z'’-]+(?:[ \t][A-Z]\.)?(?:[ \t][A-Z][A-Z'’-]+){1,2})"
    r"(?=[ \t]*(?:$|\n|,|[ \t][A-Z][a-z]))"
)


def _whole_names(text: str) -> list[LabelledSpan]:
    """Names the model often cuts, found whole: a person named with an age ("Eloise Parry,
    21,"), a nickname in quotes or a surname in an editor's brackets, a ship after its
    prefix, a military unit by its number ("18th Military Police Brigade"), a byline's name in
    capitals."""
    found = [(*m.span(1), "PERSON") for m in _NAME_WITH_AGE.finditer(text)]
    found += _names_with_nicknames(text)
    found += [(*m.span(), "ORG") for m in _SHIP.finditer(text)]
    found += [(*m.span(), "PERSON") for m in _NAME_WITH_EDITORS_SURNAME.finditer(text)]
    found += [(*m.span(), "ORG") for m in NUMBERED_UNIT.finditer(text)]
    found += [(start, end, "PERSON") for start, end in _bylines_in_capitals(text)]
    return found


@lru_cache(maxsize=4)
def _bylines_in_capitals(text: str) -> frozenset[tuple[int, int]]:
    return frozenset(m.span(1) for m in _BYLINE_IN_CAPITALS.finditer(text))


def _names_with_nicknames(text: str) -> list[LabelledSpan]:
    """A person named with a nickname in quotes is one person, whatever the model cut: the
    name starts with a given name (not 'The "Boss" Bruce')."""
    return [
        (found.start(), found.end(), "PERSON")
        for found in _NAME_WITH_NICKNAME.finditer(text)
        if gazetteer.is_given_name(found.group(1))
    ]


def _missed_spans(text: str, mentions: list[Mention]) -> Iterator[LabelledSpan]:
    """Other uses of names the article already has, and listed organisations the model missed.

    The model tags a name in one sentence and misses it in the next ("Facebook" 9 times in a
    piece about Zuckerberg). A match standing next to another capitalised word is left alone:
    "Washington" inside "Washington Post" is not the place.
    """
    forms: dict[str, str] = {}
    for mention in mentions:
        if gazetteer.is_cited_outlet(mention.surface):
            continue  # "People": only where a report cites it
        if mention.type in ("person", "org", "place") and len(mention.surface) >= 3:
            forms.setdefault(mention.surface, mention.label)
            words = mention.surface.split()
            if mention.type == "person" and len(words) >= 2 and len(words[-1]) >= 4:
                forms.setdefault(words[-1], "PERSON")  # the surname alone: "Emery"
            short = _short_org_form(mention)
            if short is not None:
                forms.setdefault(short, "ORG")  # "Promises" of "Promises Treatment Center"
    taken = sorted((m.start, m.end) for m in mentions)
    patterns = [gazetteer.organisation_pattern()]
    if forms:
        alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
        patterns.append(re.compile(r"(?<![\w@#/.-])(?:" + alternatives + r")(?![\w-])"))
    seen: set[tuple[int, int]] = set()
    missed = [(s, e, "PERSON") for s, e in people_in_title_case_lines(text)]
    missed += [(s, e, "GPE") for s, e in sorted(junk.dateline_places(text))]
    missed += [(s, e, "GPE") for s, ((_, e), _state, _key) in _states_abbreviated(text).items()]
    # A people's word the model saw inside a name after a word for its kind is no mention:
    # "newspaper The Hindu" (apply_table drops NORP mentions that are no outlet).
    named = sorted((m.start, m.end) for m in mentions if m.label != "NORP")
    for start, end, label in missed:
        if not overlaps_taken(taken, start, end):
            seen.add((start, end))
            yield start, end, label
    for start, end, label in names_after_kind_words(text):
        if not overlaps_taken(named, start, end):
            seen.add((start, end))
            yield start, end, label
    for start, end in gazetteer.cited_outlets(text):
        if not overlaps_taken(taken, start, end):
            yield start, end, "ORG"  # "told People"
    for pattern in patterns:
        listed = pattern is patterns[0]
        for match in pattern.finditer(text):
            start, end = match.span()
            if (start, end) in seen or overlaps_taken(taken, start, end):
                continue
            if _DAY_AFTER.match(text, end):
                continue  # "the Labor Day holiday": a holiday's name, not the party
            alone = " " not in match.group()
            person_like = alone and not listed and forms.get(match.group()) != "ORG"
            given = given_name_before(text, start) if person_like else None
            if given is not None and not overlaps_taken(taken, given, end):
                seen.add((given, end))
                yield given, end, "PERSON"  # "Lindsay Lohan" in a title-case headline
                continue
            if alone and (
                capitalised_before(text, start)
                or (capitalised_after(text, end) and not (listed and product_after(text, end)))
            ):
                continue
            seen.add((start, end))
            yield start, end, forms.get(match.group(), "ORG")


def _short_org_form(mention: Mention) -> str | None:
    """The first word of an organisation named by it and words like Center, University
    ("Promises Treatment Center" -> "Promises"), unless that word is a place ("Washington")."""
    words = mention.surface.split()
    if mention.type != "org" or len(words) < 2 or len(words[0]) < 4:
        return None
    if not short_org_of(base_key(words[0]), base_key(mention.surface)):
        return None
    return None if gazetteer.is_place(words[0]) else words[0]


def overlaps_taken(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of `taken`, sorted spans that do not nest (a mention
    each)? By bisection: only the spans just before `end` can."""
    index = bisect.bisect_left(taken, (end, end))
    return any(s < end and start < e for s, e in taken[max(0, index - 8) : index])


def _mention(text: str, start: int, end: int, label: str, in_heading: bool) -> Mention | None:
    table = alias_table()
    surface = " ".join(text[start:end].split())
    key = canonical_key(surface, LABEL_TYPES.get(label))
    if not key or key in table.not_entities or base_key(surface) in table.not_entities:
        return None
    state = _states_abbreviated(text).get(start)
    if state is not None and end in state[0]:
        end = state[0][-1]
        mention = Mention(start, end, text[start:end], "GPE", "place", "", in_heading)
        mention.table_name, mention.key, mention.evidence = state[1], state[2], True
        return mention  # "Lafayette, La.": Louisiana, whatever the model says
    if (start, end) in junk.dateline_places(text):
        label = "GPE"  # "WASHINGTON (AP) --", which the model may read as an organisation
    elif junk.junk_reason(text, start, end, label) is not None:
        return None
    entity_type = LABEL_TYPES.get(label, "org")
    mention = Mention(start, end, surface, label, entity_type, key, in_heading)
    described = described_type(text, mention)
    evidence = described or type_evidence(text, mention)
    if (start, end) in _bylines_in_capitals(text):
        evidence = "person"  # "By REIJI YOSHIDA": capitals, but a person's name
    if evidence is not None:
        mention.type, mention.evidence = evidence, True
        mention.described = described is not None
        mention.key = canonical_key(surface, evidence)
    return mention if _plausible(mention) else None


@lru_cache(maxsize=4)
def _states_abbreviated(text: str) -> dict[int, tuple[tuple[int, int], str, str]]:
    """start -> ((end without its full stop, end), state, its key) of the US states a text
    writes abbreviated (gazetteer.state_abbreviations), read once per text."""
    return {
        start: ((end - 1, end), state, canonical_key(state, "place"))
        for start, end, state in gazetteer.state_abbreviations(text)
    }


def _plausible(mention: Mention) -> bool:
    surface = mention.surface
    if mention.type == "date":
        return _keep_date(surface)
    if not _HAS_UPPER_START.match(surface):
        return False  # lower-case "spans" are tagging noise in edited news prose
    if mention.label == "PERSON":
        return not any(ch.isdigit() for ch in surface) and len(surface.split()) <= 6
    return True


def apply_table(mentions: list[Mention], person_words: set[str]) -> None:
    """Alias groups and outlets from aliases.json fix the type; NORP survives only as an outlet,
    and a lone word the model also reads as a people's adjective is one ("Roman mosaics",
    "Roman treasures" tagged as a person)."""
    table = alias_table()
    kept: list[Mention] = []
    peoples = {m.key for m in mentions if m.label == "NORP"}
    for mention in mentions:
        if mention.label == "PERSON" and mention.key in peoples and not mention.evidence:
            continue
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
