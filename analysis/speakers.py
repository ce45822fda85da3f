"""The people a report names, to turn a speaker as written ("Kim", "Mr. Ban", "UNHCR
spokesman Adrian Edwards") into the full name the report gives (quotes' speakers).

Names are compared with `analysis.names` (one home for name keys and short forms).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache

from kimreader.analysis.attribution import BODY_HEADS
from kimreader.analysis.entity import Entity
from kimreader.analysis.mentions import bare_uses
from kimreader.analysis.names import (
    CLAUSE_OPENERS,
    PREPOSITIONS,
    FullNames,
    abbreviates,
    canonical_key,
)
from kimreader.corpus.span import TextSpan

# Words that title a name rather than belong to it ("President", "Mr", "Chinese").
TITLE_WORDS = frozenset(
    "president vice prime minister foreign ministry spokesman spokeswoman chairman leader mr mrs "
    "ms dr prof professor gen general secretary chinese us u.s. american korean north south "
    "former senator sen rep governor gov king queen premier state the a an".split()
)


# Capitalised words that open a sentence before a run of capitals and belong to no name ("On
# Tuesday", "In February", "By Monday": a time, nobody who speaks).
_OPENING_WORDS = PREPOSITIONS | CLAUSE_OPENERS | frozenset("and or during until".split())
# Words a name run may open with that name no one: titles and the opening words above.
_NOT_A_NAME_START = TITLE_WORDS | _OPENING_WORDS


# Of those, the words of a role: a name written after one starts after it.
_ROLES = frozenset(
    "president minister spokesman spokeswoman chairman leader secretary senator governor "
    "premier king queen prof professor gen general".split()
)

_NAME_RUN = re.compile(
    r"\b[A-Z][\w’'\-]*(?:(?:(?:(?<=\b[A-Z])|(?<=\bM[rs])|(?<=\bMrs)|(?<=\bDr))\.)?"
    r"[ \t]+[A-Z][\w’'\-]*){1,5}"
)


@lru_cache(maxsize=8192)
def _person_key(name: str) -> str:
    return canonical_key(name, "person")


def words_before(body: str, start: int) -> tuple[int, str]:
    """The words written right before a name, up to four, no punctuation between ("United
    Nations Secretary-General" before "Ban Ki-moon"), as written, and where they start."""
    prefix = re.search(r"(?:[\w\-]+[ \t]+){1,4}$", body[max(0, start - 60) : start])
    return (start - len(prefix.group()), prefix.group()) if prefix else (start, "")


def title_before(body: str, start: int) -> str:
    """words_before, lowercased: the title a name may be written with."""
    return words_before(body, start)[1].lower()


# Head nouns of a role only a person has ("the doctor", "a senior official"): quotes use them
# for described speakers, and a single word introduced with one is a person's name.
PERSON_HEADS = frozenset(
    "official doctor spokesman spokeswoman spokesperson minister president leader chief director "
    "professor analyst secretary-general secretary ambassador envoy governor senator commander "
    "chairman chairwoman mayor premier officer diplomat lawyer attorney father mother resident "
    "witness star actress actor singer publicist councillor councilor lawmaker legislator member "
    "employee teacher nurse engineer scientist researcher expert volunteer organiser organizer "
    "deputy pope archbishop bishop cardinal eyewitness judge head".split()
)
# Words for whom a person is to someone ("the wife of", "his colleague").
RELATIONS = frozenset(
    "journalist reporter colleague friend wife husband son daughter brother sister partner "
    "co-star fiancé fiancée boyfriend girlfriend".split()
)
# A person the report names by one word and introduces with a role: "Fauzi, an official from
# the local disaster agency" (many Indonesians use a single name; the entity model misses such
# names). Only "a"/"an": "On Tuesday, the official said" must not make Tuesday a person.
_ONE_NAME_WITH_ROLE = re.compile(
    r"\b(?P<name>[A-Z][a-z]{2,}),[ \t]+an?[ \t]+(?:[\w\-]+[ \t]+){0,3}?"
    rf"(?:{'|'.join(sorted(PERSON_HEADS, key=len, reverse=True))})\b"
)
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)

# A person entity that is only initials ("U. N.", "U.S."): the small model's misreading of a
# body's abbreviation; no report names a speaker that way.
_INITIALS = re.compile(r"(?:[A-Z]\.?[ \t]*){1,4}")
# A person entity over a comma ("People, Reid" in "an interview with People, Reid claimed"):
# two names, neither a speaker's as a whole ("King, Jr." is one).
_TWO_BY_A_COMMA = re.compile(r",\s*(?!(?:Jr|Sr|II|III|IV)\b)")
# Ranks and titles that come between a role and a name without being part of the name.
_RANKS = TITLE_WORDS | frozenset(
    "captain capt lieutenant lt colonel col major maj sergeant sgt brigadier admiral commander "
    "corporal private judge justice father sister brother".split()
)
# A lowercase role right before capitalised words and the name the entity model found:
# "Sudan Armed Forces spokesman Sawarmi Khaled Saad" where the model found "Khaled Saad".
# The words between the role and the found name are the name's first words.
_ROLE_THEN_CAPITALS = re.compile(
    rf"\b(?:{'|'.join(sorted(PERSON_HEADS, key=len, reverse=True))})[ \t]+"
    r"(?P<words>(?:[A-Z][a-z][\w’'\-]*[ \t]+){1,2})$"
)

# A word that makes the name after it the object of a preposition, not a sentence's subject
# ("the character of Anya Jenkins", "Speaking to Martin Smith"); titles may come between.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_COMMON_NOUN_AFTER = re.compile(r"\s+[a-z]{3,}")
# A name used as a modifier of the role of someone named next ("Nixon press secretary Ron
# Ziegler", "Oscar producer Laurence Mark", "Colts coach Tony Dungy"): that one acts, not it.
_NAMED_ROLE_AFTER = re.compile(
    r"\s+(?:(?:press|vice|deputy|assistant|head|chief|interim|executive|senior|campaign|"
    r"communications)\s+)?(?:spokesman|spokeswoman|spokesperson|secretary|minister|producer|"
    r"producers|coach|director|manager|president|chairman|chairwoman|executive|official|"
    r"officer|writer|editor|lawyer|attorney|adviser|advisor|aide|CEO)\s+[A-Z][\w’'\-]*\s+[A-Z]"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|(?<![Aa]ccording )to|with|by|for|about|from|at|on|in|into|against|than|like|as|"
    r"between|among|toward|towards|under|over|after|before|behind|beside|besides|without|via|"
    r"around|across|through|throughout|during|following|including|involving|amid|near|upon|"
    r"within)\s+"
    r"(?:(?:the|a|an|both|either)\s+)?(?:(?:[A-Z][\w.\-’']*|"
    + "|".join(sorted(PERSON_HEADS | RELATIONS))
    + r")\s+){0,3}$"
)
# "of"/"for" inside a body's or a title's name, not governing the person after it: "Florida
# Department of Transportation official Troy Roberts", "Secretary of State Mike Pompeo", "Minister
# for Health Ann Lee" (a capitalised word right before the preposition).
# Not "As for Trump, “…”": "As" opens a topic, whose name is the preposition's object.
_NAME_OF_BEFORE = re.compile(r"(?!As\s)[A-Z][\w.\-’']*\s+(?:of|for)\s")
# Someone who speaks for a person named right after ("Friends of Kathryn Jenkin … have described
# her as", "the family of", "a lawyer for"): they act, not the one named.
_SOMEONE_OF_BEFORE = re.compile(
    r"\b(?i:"
    + "|".join(
        sorted(
            RELATIONS
            | {"family", "relative", "neighbour", "neighbor", "supporter", "lawyer", "attorney"}
            | {"parent", "spokesman", "spokeswoman", "spokesperson", "representative"}
        )
    )
    + r")s?\s+(?:of|for)\s+$"
    r"|\bknown\s+as\s+$"  # … and a name the one named before is known by (", known as Katie,")
)
# The capitalised word right before a name ("Sadiq " before "Khan").
_WORD_BEFORE = re.compile(r"(?<![\w’'\-])(?P<word>[A-Z][a-z][\w’'\-]*)[ \t]+$")
# Capitalised words before a surname that are no given name: titles, roles, ranks, parties.
_NOT_GIVEN = (
    TITLE_WORDS
    | _RANKS
    | PERSON_HEADS
    | RELATIONS
    | frozenset(
        "mayor sheriff coach detective officer inspector chancellor lord lady sir dame rev "
        "reverend pastor rabbi imam chief commissioner councilman councilwoman congressman "
        "congresswoman representative delegate mp mep democrat democrats republican "
        "republicans labour tory conservative liberal socialist president-elect "
        "ceo chair chairwoman pope saint st speaker whip nominee candidate emperor empress "
        "prince princess duke duchess sultan sheikh ayatollah miss madam sen rep gov hon".split()
    )
)
# A sentence's or a paragraph's end ("Staffordshire. "; not "Mr. ", "Dr. ").
_SENTENCE_END = re.compile(r"[a-z]{3}\.\s|\n")
# "… a surprise to Matthew O'Connor, who produced …": a relative clause makes the person after
# a preposition the one the sentence is about.
_WHO_AFTER = re.compile(r",?\s+who\b")
_PLACE_AFTER = re.compile(
    r"\s+(?:village|town|city|district|province|county|camp|street|airport|region|state)\b"
)
# Between two people listed ("John Bolton and Mike Pompeo"; not a comma alone, which may close
# a clause: "… with Mr. Kim, Mr. Trump repeated").
_LISTED_AFTER = re.compile(r",?\s+(?:and|or)\s+(?:[A-Z][\w.’'\-]*\s+){0,3}")
# Words ending in "-ing" that are no participle with an object of its own.
_NOT_PARTICIPLES = frozenset(
    "during according nothing something everything anything morning evening sterling".split()
)
# A present participle opening its sentence, then titles before a name ("Hosting President
# Emmanuel Macron of France at the White House, Mr. Trump …"): the name is the participle's
# object; the main clause's subject comes after the comma.
_OPENING_PARTICIPLE_BEFORE = re.compile(
    r"(?:^|[.!?][”\"’']?\s+|\n\s*)(?P<word>[A-Z][a-z]{2,}ing)[ \t]+"
    r"(?:(?:[A-Z][\w.’'\-]*|the|a|an)[ \t]+){0,4}$"
)


class People:
    """Person mentions of one report, to resolve a name as written to a canonical name."""

    def __init__(self, body: str, entities: Sequence[Entity], quotes: list[TextSpan]) -> None:
        self.body = body
        self._resolved: dict[tuple[str, int], str] = {}
        self.quotes = sorted(quotes, key=lambda span: span.start)  # they do not overlap
        self._quote_starts = [span.start for span in self.quotes]
        # (start, end, canonical) for full-name mentions outside quotes, in text order.
        self.full_names: list[tuple[int, int, str]] = []
        self.by_span: dict[tuple[int, int], str] = {}
        people = [
            entity
            for entity in entities
            if entity.type == "person"
            and not _INITIALS.fullmatch(entity.name)
            and not _TWO_BY_A_COMMA.search(entity.name)
        ]
        for entity in people:
            name = self._name_with_first_words(entity)
            for start, end in entity.mentions:
                start = self._first_words_start(start)
                self.by_span[(start, end)] = name
                if len(body[start:end].split()) >= 2 and not self._inside_quote(start):
                    self.full_names.append((start, end, name))
        if not people:
            named_otherwise = [span for entity in entities for span in entity.mentions]
            self.full_names = self._names_from_text(named_otherwise)
        self.full_names.extend(self._one_word_names(entities))
        self.full_names.sort()
        self._short_forms: dict[str, bool] = {}
        self._sorted_mentions: list[tuple[int, int]] | None = None
        self._full_names: FullNames | None = None  # names.resolve_short_name's index
        self._names_by_word: dict[str, list[str]] = {}
        # Person keys of each full name as written and as named (names.canonical_key).
        self.folded = [
            (_person_key(body[start:end]), _person_key(canonical))
            for start, end, canonical in self.full_names
        ]
        # For names.resolve_short_name: where each key is first named, and every (offset, key).
        self.key_mentions = [(start, key) for start, _n, keys in self._keyed() for key in keys]
        self.first_key_offsets: dict[str, int] = {}
        for start, key in self.key_mentions:
            self.first_key_offsets.setdefault(key, start)
        # Indexes for `_resolve`, which read every mention or full name per name resolved
        # (quadratic on hostile text): mentions of two words or more by start (with their order
        # in by_span, the first containing an offset wins), the first canonical name of each key,
        # and the (start, canonical) full names of each key in text order.
        self._long_spans = sorted(
            (start, end, order)
            for order, (start, end) in enumerate(self.by_span)
            if len(body[start:end].split()) >= 2
        )
        self._long_starts = [start for start, _end, _order in self._long_spans]
        self._longest = max((end - start for start, end, _o in self._long_spans), default=0)
        self._canonical_by_key: dict[str, str] = {}
        self._named_by_key: dict[str, list[tuple[int, str]]] = {}
        for start, canonical, keys in self._keyed():
            for key in dict.fromkeys(keys):
                self._canonical_by_key.setdefault(key, canonical)
                self._named_by_key.setdefault(key, []).append((start, canonical))

    def _first_words_start(self, start: int) -> int:
        """Where a person's name starts when the entity model left out its first words (between
        a lowercase role and the name: "spokesman Sawarmi Khaled Saad"); else `start`."""
        found = _ROLE_THEN_CAPITALS.search(self.body, max(0, start - 80), start)
        if not found or any(w.lower() in _RANKS for w in found.group("words").split()):
            return start
        return found.start("words")

    def _name_with_first_words(self, entity: Entity) -> str:
        """The entity's name with the first words a mention shows it lacks."""
        for start, end in entity.mentions:
            full_start = self._first_words_start(start)
            if full_start < start and self.body[start:end] == entity.name:
                return " ".join(self.body[full_start:end].split())
        return entity.name

    def _inside_quote(self, offset: int) -> bool:
        at = bisect_right(self._quote_starts, offset) - 1  # the last quote starting at or before
        return at >= 0 and offset < self.quotes[at].end

    def _one_word_names(self, entities: Sequence[Entity]) -> list[tuple[int, int, str]]:
        """People named by one word and introduced with a person's role ("Fauzi, an official
        from the agency"), unless a person or organisation entity or a known full name already
        covers the word. The role outweighs a place tag (the small model tags "Fauzi" a place)
        but not a place the gazetteer knows ("Egypt, a leader in the region")."""
        from kimreader.analysis.gazetteer import is_place

        covered = [
            span for entity in entities if entity.type != "place" for span in entity.mentions
        ]
        covered += [(start, end) for start, end, _name in self.full_names]
        found: list[tuple[int, int, str]] = []
        for match in _ONE_NAME_WITH_ROLE.finditer(self.body):
            start, end = match.span("name")
            word_before = re.search(r"(\S+)[ \t]+$", self.body[max(0, start - 40) : start])
            if (
                match.group("name").lower() not in _NOT_NAMES
                and not is_place(match.group("name"))
                and not (word_before and word_before.group(1)[0].isupper())  # "Banda Aceh, a"
                and not any(s <= start < e for s, e in covered)
                and not self._inside_quote(start)
            ):
                found.append((start, end, match.group("name")))
        return found

    def _names_from_text(
        self, named_otherwise: list[tuple[int, int]]
    ) -> list[tuple[int, int, str]]:
        """Without person entities: runs of two to four capitalised words, titles and opening
        words dropped ("On Tuesday" is a time, no one), none that an entity of another type
        covers ("the US Coast Guard") or that ends in a body's head word ("Health Ministry")."""
        found: list[tuple[int, int, str]] = []
        pattern = _NAME_RUN
        for match in pattern.finditer(self.body):
            tokens = match.group().split()
            owners = [i for i, token in enumerate(tokens[:-1]) if re.search(r"[’']s$", token)]
            if owners:  # "South Korea’s Yonhap News Agency" names the agency
                tokens = tokens[owners[-1] + 1 :]
            while tokens and tokens[0].lower().strip(".") in _NOT_A_NAME_START:
                tokens.pop(0)
            titled = [i for i, token in enumerate(tokens) if token.lower().strip(".") in _ROLES]
            if titled and len(tokens) - titled[-1] > 2:  # "Israeli Prime Minister Benjamin X"
                tokens = tokens[titled[-1] + 1 :]
            end = match.end()
            start = end - len(" ".join(tokens))
            if any(s <= start < e for s, e in named_otherwise) or (
                tokens and tokens[-1].lower() in BODY_HEADS  # "the Kessick Ministry"
            ):
                continue
            if len(tokens) >= 2 and not self._inside_quote(match.start()):
                found.append((start, end, re.sub(r"[’']s$", "", " ".join(tokens))))
        return found

    def resolve(self, written: str, offset: int) -> str:
        """Canonical name for a name as written at offset (titles dropped, surnames expanded;
        remembered: a mention is asked about for each pronoun near it)."""
        key = (written, offset)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(written, offset)
        return self._resolved[key]

    def _resolve(self, written: str, offset: int) -> str:
        possessive = re.match(r"^(.*?)[’']s\s+(\w+)$", written)
        if possessive:
            return f"{self.resolve(possessive.group(1), offset)}’s {possessive.group(2)}"
        tokens = written.split()
        while len(tokens) > 1 and tokens[0].lower().strip(".") in TITLE_WORDS:
            tokens.pop(0)
        name = " ".join(tokens)
        spans = self._long_spans[
            bisect_left(self._long_starts, offset - self._longest + 1) : bisect_right(
                self._long_starts, offset
            )
        ]
        containing = [(order, start, end) for start, end, order in spans if offset < end]
        if containing:
            _order, start, end = min(containing)
            return self.by_span[(start, end)]
        if len(tokens) >= 2:
            return self._canonical_of_full(name)
        return self._expand_surname(name, offset)

    def _canonical_of_full(self, name: str) -> str:
        return self._canonical_by_key.get(_person_key(name), name)

    def _expand_surname(self, surname: str, offset: int) -> str:
        """The full name a short one written at offset stands for (`names.resolve_short_name`,
        as a quote attribution: the full name mentioned most recently before it, else the
        first one named after it); the short name itself when none fits."""
        if self._full_names is None:
            self._full_names = FullNames(
                self.first_key_offsets, self.key_mentions, self._bare_uses(), self.body
            )
        full_key = self._full_names.resolve(_person_key(surname), offset, attribution=True)
        if full_key is None:
            return surname
        named = self._named_by_key.get(full_key, [])
        earlier = bisect_left(named, offset, key=lambda item: item[0])
        return named[earlier - 1][1] if earlier else named[0][1]

    def _bare_uses(self) -> dict[str, list[int]]:
        """`mentions.bare_uses` of the report's one-word names."""
        return bare_uses(
            self.body,
            (
                (start, end, _person_key(self.body[start:end]))
                for start, end in self.by_span
                if " " not in self.body[start:end].strip()
            ),
        )

    def _keyed(self) -> Iterator[tuple[int, str, tuple[str, str]]]:
        """(start, canonical, its keys as written and as named) of each full-name mention."""
        for (start, _end, canonical), keys in zip(self.full_names, self.folded, strict=True):
            yield start, canonical, keys

    def _mentions(self, start: int, end: int) -> list[tuple[int, int]]:
        """Person mentions starting in body[start:end], not counting a name that is a place's
        ("In Suka Makmur village": the small model tags such names as people)."""
        if self._sorted_mentions is None:
            spans = set(self.by_span) | {(s, e) for s, e, _canonical in self.full_names}
            self._sorted_mentions = sorted(
                span for span in spans if not _PLACE_AFTER.match(self.body, span[1])
            )
        mentions = self._sorted_mentions
        return mentions[bisect_left(mentions, (start, -1)) : bisect_left(mentions, (end, -1))]

    def last_in(self, start: int, end: int) -> str:
        """The last person named in body[start:end] (a speaker phrase), resolved; "" if none."""
        mentions = self._mentions(start, end)
        if not mentions:
            return ""
        mention_start, mention_end = mentions[-1]
        name = self.resolve(self.body[mention_start:mention_end], mention_start)
        return self._with_another_given_name(start, mention_start, mention_end, name) or name

    def _with_another_given_name(self, start: int, mention_start: int, end: int, name: str) -> str:
        """ "Mayor of London Sadiq Khan" where the entities took "Khan" for Usman Khan: a
        surname mention written after a given name that is not the person's is someone else,
        named by both words ("Sadiq Khan"); "" when the surname is not written so ("President
        Trump", "Donald Trump", "Historian Smith" opening a sentence: a role)."""
        surname = self.body[mention_start:end]
        before = _WORD_BEFORE.search(self.body, max(start, mention_start - 40), mention_start)
        if " " in surname.strip() or not before:
            return ""
        word = before.group("word")
        if word.lower().strip(".") in _NOT_GIVEN or word in name.split():
            return ""
        opening = self.body[max(0, before.start() - 8) : before.start()]
        if not opening.strip() or re.search(r"(?:[.!?:][^\w\s]*|\n)\s*$", opening):
            return ""  # "Historian Smith said": a role capitalised to open the sentence
        return self._canonical_of_full(f"{word} {surname}")

    def acting_in(
        self, start: int, end: int, subject: bool = False, clause: bool = False
    ) -> list[str]:
        """The people named in body[start:end] outside quotes who may act there, resolved, in
        order, once each: not a possessive ("Abed Sultan's father"), and with `subject` not the
        object of a preposition; with `clause`, body[start:end] is a clause of its own, so a
        preposition before it ("…, with" Steve Scalise calling …) is none of its names'."""
        acting: list[str] = []
        object_end = -1  # where the last person read as a preposition's object ends
        for mention_start, mention_end in self._mentions(start, end):
            reach = max(start if clause else 0, mention_start - 40)
            possessive = (
                self.body.startswith(("'s", "’s"), mention_end)
                or (
                    _THE_BEFORE.search(self.body, max(0, mention_start - 4), mention_start)
                    and _COMMON_NOUN_AFTER.match(self.body, mention_end)
                )
                or bool(  # "the Biden campaign", "the Trump administration": a name as a modifier
                    _NAMED_ROLE_AFTER.match(self.body, mention_end)
                )
                or bool(_SOMEONE_OF_BEFORE.search(self.body, reach, mention_start))
            )
            preposition = (
                _PREPOSITION_BEFORE.search(self.body, reach, mention_start) if subject else None
            )  # not one ending the sentence before ("… living in Staffordshire.\n\nLucy Fischer")
            after_preposition = (
                preposition is not None
                and not _SENTENCE_END.search(preposition.group())
                and not _NAME_OF_BEFORE.match(
                    self.body, self._word_start(preposition.start()), preposition.end()
                )
                and not _WHO_AFTER.match(self.body, mention_end)
            )
            # "interventionists like John Bolton and Mike Pompeo": the preposition's object too
            listed = (
                subject
                and object_end >= 0
                and bool(_LISTED_AFTER.fullmatch(self.body, object_end, mention_start))
            )
            after_preposition = after_preposition or listed
            if after_preposition:
                object_end = mention_end
            if not (
                possessive
                or after_preposition
                or self._inside_quote(mention_start)
                or self._object_of_an_opening_participle(mention_start)
            ):
                name = self.resolve(self.body[mention_start:mention_end], mention_start)
                if name not in acting:
                    acting.append(name)
        return acting

    def _object_of_an_opening_participle(self, start: int) -> bool:
        """Whether the person named at `start` is the object of a present participle opening the
        sentence ("Hosting President Emmanuel Macron …, Mr. Trump assailed"): no one acting in
        the main clause. Not a place or a name ending in "-ing" ("Beijing Mayor …", "Boeing")."""
        from kimreader.analysis.gazetteer import is_place

        found = _OPENING_PARTICIPLE_BEFORE.search(self.body, max(0, start - 80), start)
        if found is None:
            return False
        word = found.group("word")
        at = found.start("word")
        named = any(s <= at < e for s, e in self.by_span)
        return not named and not is_place(word) and word.lower() not in _NOT_PARTICIPLES

    def _word_start(self, offset: int) -> int:
        """Where the word before body[offset] starts (offset itself when none is right there)."""
        found = re.search(r"[\w.\-’']+\s+$", self.body[max(0, offset - 40) : offset])
        return offset - len(found.group()) if found else offset

    def first_in(self, start: int, end: int, subject: bool = False) -> str:
        """The first person named in body[start:end] outside quotes, resolved. A possessive
        names whose someone is ("Abed Sultan's father, Samir, said"), not who acts; with
        `subject`, nor does the object of a preposition ("Speaking to Ann Lee of PBS, he …")."""
        acting = self.acting_in(start, end, subject)
        if acting:
            return acting[0]
        if self.by_span:
            return ""
        for match in re.finditer(r"\b[A-Z][\w’'\-]+", self.body[start:end]):
            at = start + match.start()
            if re.search(r"[’']s$", match.group()) or re.search(
                r"\b(?:[Tt]he|an?)\s+$", self.body[max(0, at - 5) : at]
            ):
                continue  # "Netanyahu’s Likud party", "the Israeli election": no one acting
            word = match.group()
            if self._shortens_a_full_name(_person_key(word)) and not self._inside_quote(at):
                return self.resolve(word, at)
        return ""

    def shortens_a_full_name(self, word: str) -> bool:
        """Whether a word is a short form of a full name the report gives ("May" of "Theresa
        May")."""
        return self._shortens_a_full_name(_person_key(word))

    def _shortens_a_full_name(self, key: str) -> bool:
        """Whether a word's person key is a short form of a full name the report gives
        (remembered: a report asks for the same capitalised words sentence after sentence)."""
        known = self._short_forms.get(key)
        if known is None:
            if not self._names_by_word:  # a short form starts with a word of the full name
                for _written, named in self.folded:
                    for word in set(named.split()):
                        self._names_by_word.setdefault(word, []).append(named)
            first = key.split()[0] if key.strip() else ""
            known = any(abbreviates(named, key) for named in self._names_by_word.get(first, ()))
            self._short_forms[key] = known
        return known
