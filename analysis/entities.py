"""Named entities of Markdown articles: people, organisations, places, dates and events.

spaCy's small English NER proposes spans; this module fixes the model's known slips (names cut at
hyphens, possessives, outlets tagged as places, section words and credit lines tagged as anything),
then merges every form that names one real-world thing into one Entity, within an article
(`extract_entities`) and across the library (`merge_library`). A decision learned from the
development gold (analysis/entity_model.py) has the last word on each sidebar entity: kept or
dropped, and its type.

Offsets always point into the original Markdown body: the model reads the prose with Markdown
syntax removed, and every character keeps its body offset, so body[start:end] is the mention.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kimreader.analysis import gazetteer, junk
from kimreader.analysis.entity import Entity, EntityType
from kimreader.analysis.entity_model import EntityModel, opens_sentence, shipped_model
from kimreader.analysis.library_entities import LibraryEntity as LibraryEntity
from kimreader.analysis.library_entities import UnionFind
from kimreader.analysis.library_entities import group_library as group_library
from kimreader.analysis.library_entities import merge_library as merge_library
from kimreader.analysis.mention_spans import LabelledSpan
from kimreader.analysis.mention_types import (
    ORG_HEADS,
    a_country,
    is_person_word,
    places_by_where,
    speaks_or_acts_as_person,
    storms_named_alone,
    type_by_list,
    type_by_membership,
    unexplained_single_names,
)
from kimreader.analysis.mentions import (
    _UPPER,
    LABEL_TYPES,
    Mention,
    apply_table,
    bare_uses,
    find_mentions,
    is_attribution,
    is_speaker_introduction,
)
from kimreader.analysis.names import (
    ACRONYM,
    FUNCTION_WORDS,
    FullNames,
    abbreviates,
    alias_table,
    base_key,
    blends,
    canonical_key,
    clips_given_name,
    display_name,
    facility_key,
    initials,
    is_title,
    listed,
    org_forms,
    place_forms,
    short_org_forms,
    sole_owner,
    surnames_before_particles,
)
from kimreader.analysis.prose import Prose
from kimreader.analysis.prose import markdown_prose as markdown_prose
from kimreader.corpus.article import Article
from kimreader.corpus.language import is_english

if TYPE_CHECKING:
    from spacy.language import Language

# Below this many texts a second process costs more to start than it saves.
PARALLEL_THRESHOLD = 64
DEFAULT_BATCH_SIZE = 32
# Bodies longer than this go to the model in paragraph-aligned pieces (bounded memory).
CHUNK_CHARS = 50_000


def entities_from_spans(
    body: str,
    spans: Sequence[LabelledSpan],
    prose: Prose | None = None,
    model: EntityModel | None = None,
) -> list[Entity]:
    """Entities of one body from the model's spans (start, end, label) over its prose text;
    `model`: the learned keep-and-type decision (analysis/entity_model.json when None)."""
    prose = markdown_prose(body) if prose is None else prose
    return build_entities(prose, entity_groups(prose, spans, body), model or shipped_model())


def entity_groups(prose: Prose, spans: Sequence[LabelledSpan], body: str) -> list[list[Mention]]:
    """The mentions of each real-world thing the rules find, before the learned decision: one
    list per entity, in text order (bench/train_entity_types.py learns from these)."""
    text = prose.text
    mentions = _bodies_after_their_country(
        text, _outside_wiki_tags(text, find_mentions(body, prose, spans))
    )
    _without_sentence_openers(text, mentions)
    full_names = _full_person_names(mentions)
    person_words = _person_name_words(mentions, full_names)
    mentions[:] = [part for m in mentions for part in _people_read_as_one(text, m, person_words)]
    apply_table(mentions, person_words)
    type_by_list(text, mentions)
    type_by_membership(text, mentions)
    full_names = _full_person_names(mentions)
    _juniors_apart(text, mentions, full_names)
    _vote_types(text, mentions, person_words)
    unexplained_single_names(text, mentions, person_words)
    places_by_where(text, mentions, person_words)
    storms_named_alone(mentions)
    clusters = UnionFind()
    for mention in mentions:
        mention.cluster = f"{mention.type}:{mention.key}"
        clusters.find(mention.cluster)
    _join_person_names(text, mentions, full_names, clusters)
    _join_bare_titles(mentions, clusters)
    mentions.extend(_join_acronyms(text, mentions, clusters))
    _join_spelled_acronyms(mentions, clusters)
    _join_place_acronyms(mentions, clusters)
    _join_org_short_forms(text, mentions, full_names, clusters)
    _join_place_forms(mentions, clusters)
    _join_spelling_slips(mentions, clusters)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[clusters.find(mention.cluster)].append(mention)
    kept = []
    for members in groups.values():
        if all(m.in_heading for m in members) and not any(map(_introduced_person, members)):
            continue  # named only in a heading or label line: section words, not content
        if _only_a_sentences_capital(text, members) or _names_a_role(members):
            continue
        if all(map(_a_peoples_word, members)):
            continue  # "Hongkongers", "Middle Eastern disputes": a people's word names nothing
        kept.append(sorted(members, key=lambda m: m.start))
    return kept


_ONE_SPACE = re.compile(r"[ \t]")


def _bodies_after_their_country(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "the United States House of Representatives seat": the model's "the United States"
    and the listed "House of Representatives" right after it are one name, a country's
    institution (the shorter name elsewhere joins it: `_without_country`). Only a body named
    with an organisation's head word or listed under a name of several words ("In Russia
    Gazprom said" stays two), one space between
    (not "the United States' National Science Foundation")."""
    joined: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        country = joined[-1] if joined else None
        if (
            country is not None
            and country.type in ("place", "org")
            and _names_a_country(country.surface)
            and mention.type == "org"
            and mention.table_name is None
            and (
                " " in mention.surface
                and gazetteer.is_organisation(mention.surface)
                or any(word in ORG_HEADS for word in base_key(mention.surface).split())
            )
            and _ONE_SPACE.fullmatch(text, country.end, mention.start)
        ):
            surface = " ".join(text[country.start : mention.end].split())
            key = canonical_key(surface, "org")
            joined[-1] = Mention(
                country.start, mention.end, surface, "ORG", "org", key, country.in_heading,
                evidence=mention.evidence, described=mention.described,
            )  # fmt: skip
            continue
        joined.append(mention)
    return joined


def _names_a_country(surface: str) -> bool:
    """ "United States", and its short forms the alias table has ("U.S.", "US", "UK")."""
    found = listed(surface)
    return gazetteer.is_country(surface) or found is not None and gazetteer.is_country(found[0])


# Wikinews marks an interviewer's turn "((WN))" and gives a quote's original after its
# translation: '((es))Spanish language: <original>'. The original runs to a quote mark, a line's
# end or its first sentence's end.
_WIKI_TAG = re.compile(
    r"\(\([\w .'-]{1,40}\)\)(?:[A-Z][a-z]+[ \t]+language:[^\"“”\n]*?(?=[\"“”\n]|[.!?][ \t]|\Z))?"
)


def _outside_wiki_tags(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions outside Wikinews's tags: "((WN))  What got you into cosplay?" names no
    organisation "WN", and the English model reads a Spanish or Polish original ("En el siglo
    XXI", "Prawo i Sprawiedliwość") as names of nothing; a name the shipped data has stays."""
    if "((" not in text:
        return mentions
    tags = [m.span() for m in _WIKI_TAG.finditer(text)]  # in order, none inside another
    starts = [start for start, _end in tags]

    def tagged(mention: Mention) -> bool:
        index = bisect.bisect_right(starts, mention.start) - 1
        return index >= 0 and mention.start < tags[index][1]

    return [m for m in mentions if not tagged(m) or _known_in_any_language(m.surface)]


def _known_in_any_language(name: str) -> bool:
    """A name the shipped data has is one in any language ("Puerto Rico", and "YouTube" where
    the original's end is not marked: "((pl))Polish language: Tylko nie mów nikomu was released
    on YouTube")."""
    return gazetteer.is_place(name) or gazetteer.is_organisation(name) or listed(name) is not None


_NAME_WORD = re.compile(rf"[{_UPPER}][\w'’-]*")  # capitals beyond ASCII too ("Żelazny")
_BETWEEN_LISTED_NAMES = re.compile(r",[ \t]+(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+")


def _people_read_as_one(text: str, mention: Mention, person_words: set[str]) -> list[Mention]:
    """ "The case revolved around Kelly and Baroni's convictions", "My heart breaks for
    Deirdre, Wyatt & Zach": people named one word each and listed, which the model read as one
    organisation, are each a person when every word is a name of the article's people (a
    given name or surname of its full names) or a given name, one at least the article's. A
    listed name stays whole ("Ben & Jerry's")."""
    if mention.label != "ORG" or mention.evidence or mention.table_name is not None:
        return [mention]
    words = list(_NAME_WORD.finditer(text, mention.start, mention.end))
    if len(words) < 2 or words[0].start() != mention.start or words[-1].end() != mention.end:
        return [mention]
    if not all(
        _BETWEEN_LISTED_NAMES.fullmatch(text, a.end(), b.start())
        for a, b in zip(words, words[1:], strict=False)
    ):
        return [mention]
    keys = [base_key(word.group()) for word in words]
    if not any(key in person_words for key in keys) or not all(
        key in person_words or gazetteer.is_given_name(word.group())
        for key, word in zip(keys, words, strict=True)
    ):
        return [mention]
    if gazetteer.is_organisation(mention.surface) or listed(mention.surface) is not None:
        return [mention]
    return [
        Mention(
            word.start(),
            word.end(),
            word.group(),
            "PERSON",
            "person",
            canonical_key(word.group(), "person"),
            mention.in_heading,
        )
        for word in words
    ]


def _without_sentence_openers(text: str, mentions: list[Mention]) -> None:
    """ "Longtime Imus in the Morning writer ..." (the model's "Longtime Imus"), "Remarked
    Center for Biological Diversity scientist Tierra Curry, ...": the word that opens the
    sentence, glued to a name the article writes elsewhere without it, is no part of the name.
    The rest must be a name of two words or more (not "Supreme" + "Court"), or a person of
    the article where the model read no person (its "Taban Deng" is one, though "Taban" is
    in no list of given names); a given name, a title, a place, a listed name or a word that
    is not all letters first stays ("Donald Trump", "President Trump", "North Korea",
    "Al-Sawarmi Khalid")."""
    by_surface: dict[str, Mention] = {}
    for mention in mentions:
        by_surface.setdefault(mention.surface, mention)
    written = Counter(m.surface for m in mentions)
    surnames = {m.surface.rsplit(" ", 1)[-1] for m in mentions if m.type == "person"}
    for mention in mentions:
        first, _, rest = mention.surface.partition(" ")
        other = by_surface.get(rest)
        gerund = None
        if mention.type == "person" and rest in surnames - {mention.surface}:
            gerund = _gerund_before_surname(text, mention, first, rest)
            other = gerund or other
        if other is None or written[mention.surface] > 1 or mention.table_name is not None:
            continue
        if gerund is None and " " not in rest:
            if other.type != "person" or mention.label == "PERSON":
                continue  # the model's "Taban Deng", "Ajmi Lourimi": a given name it knows
        if not opens_sentence(text, mention.start) or _names_first_word(first, mention.surface):
            continue
        mention.start = text.index(rest.split()[0], mention.start + len(first))
        mention.surface, mention.key, mention.label = rest, other.key, other.label
        mention.type, mention.evidence = other.type, other.evidence


def _gerund_before_surname(text: str, mention: Mention, first: str, rest: str) -> Mention | None:
    """ "Losing Thomas means ...", "Following Gigante's death": a sentence's "-ing" word the
    text writes in lower case, glued to the surname of a person of the article, is no given
    name: the surname alone, as a mention of that person."""
    if not (first.endswith("ing") and first.isalpha() and junk.common_word(first, text)):
        return None
    if not opens_sentence(text, mention.start) or gazetteer.is_given_name(first):
        return None
    return replace(mention, surface=rest, key=canonical_key(rest, "person"), label="PERSON")


def _names_first_word(first: str, surface: str) -> bool:
    """A first word that belongs to the name: a given name, a title, a place, a listed name."""
    return (
        not first.isalpha()  # "Al-Sawarmi Khalid"
        or gazetteer.is_given_name(first)
        or is_title(first)
        or gazetteer.is_place(first)
        or gazetteer.is_place(surface)
        or gazetteer.is_organisation(surface)
        or listed(surface) is not None
    )


_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
# A quote mark that opens a quotation right before a word: 'He said "Guardrails can', "said,
# 'Bloody hell".
_QUOTE_OPENS = re.compile(r"(?:^|(?<=[\s(\[—–]))[\"“‘']\Z")
_SAYS_AFTER = re.compile(r"[ \t]+(?:said|says|told|tells|added|adds|wrote|writes|asked|replied)\b")


def _only_a_sentences_capital(text: str, members: list[Mention]) -> bool:
    """ "Offering his condolence, ...", "Amongst reported incidents", "Unlike red algae", 'He
    said "Guardrails can only take so much."': a word whose capital only opens its sentence
    (or a quotation) is no name the model can be trusted on. One
    word in title case, written nowhere but at a sentence's start with a lower-case word
    after, with no cue ("Rice said no.") and no data for it (not a gazetteer place,
    organisation or given name, nor a name of the alias table: "Chicago is", "Reuters
    reported", "Bloomberg too" stay)."""
    surface = members[0].surface
    if " " in surface or not surface.istitle() or any(m.surface != surface for m in members):
        return False
    if any(m.evidence or m.table_name is not None for m in members):
        return False
    if not all(
        (opens_sentence(text, m.start) or _QUOTE_OPENS.search(text, max(0, m.start - 2), m.start))
        and _LOWER_WORD_AFTER.match(text, m.end)
        for m in members
    ):
        return False
    if any(_SAYS_AFTER.match(text, m.end) for m in members):
        return False  # "Rice said no."
    return not (
        gazetteer.is_place(surface)
        or gazetteer.is_organisation(surface)
        or gazetteer.is_given_name(surface)
        or gazetteer.is_cited_outlet(surface)
        or listed(surface) is not None
        or base_key(surface) in alias_table().organisations
    )


def _a_peoples_word(mention: Mention) -> bool:
    return (
        mention.table_name is None
        and mention.type in ("person", "org", "place")
        and gazetteer.is_peoples_word(mention.surface)
        and not gazetteer.is_organisation(mention.surface)
    )


def _names_a_role(members: list[Mention]) -> bool:
    """ "I will be naming a new National Security Advisor", "Republican Representatives
    attacked", "Professor Greg Barton, Chair In Global Islamic Politics", "the Archbishop of
    Gdańsk, Sławoj Leszek Głódź", "Ben Stephenson, Controller, BBC Drama": an office or the
    people holding it, which the model read as an organisation. Its name is or ends in a word
    for a person (no organisation's head word in it: "House of Representatives" stays), or
    starts with one before "of", "in" or "for"."""
    if group_type(members) != "org" or any(m.table_name is not None for m in members):
        return False
    return all(_role_name(m.surface.split()) for m in members)


def _role_name(words: list[str]) -> bool:
    if len(words) == 1:
        return is_person_word(words[0])  # "Ben Stephenson, Controller, BBC Drama Commissioning"
    if _is_person_word(words[0]) and words[1].lower() in ("of", "in", "for"):
        return True
    return _is_person_word(words[-1]) and not any(
        w.lower() in ORG_HEADS or w.lower() in FUNCTION_WORDS for w in words
    )


def _is_person_word(word: str) -> bool:
    """A word for a person, or for people ("Representatives"), or a title ("Archbishop")."""
    return is_person_word(word) or is_person_word(word.removesuffix("s")) or is_title(word)


def _person_name_words(mentions: list[Mention], full_names: dict[str, int]) -> set[str]:
    """Keys of the given names and surnames of the article's full names, a hyphenated surname
    whole ("Mohammad Mir-Mohammadi": "mir mohammadi"), a first surname before a particle's
    ("Lula" of "Luiz Inacio Lula da Silva")."""
    words = {word for key in full_names for word in (key.split()[0], key.split()[-1])}
    words.update(word for key in full_names for word in surnames_before_particles(key.split()))
    for mention in mentions:
        if mention.key in full_names and "-" in mention.surface.split()[-1]:
            words.add(base_key(mention.surface.split()[-1]))
    return words


def _full_person_names(mentions: list[Mention]) -> dict[str, int]:
    """Multi-word person keys -> offset of their first mention.

    Names seen outside headings (none opening like an organisation of several words, but with
    a given name), and a headline's full name that no such name shares a word with: a report
    often names its subject in full only in its headline ("Lindsay Lohan Checks Into Rehab",
    then "Lohan" throughout), and the short name is still that person."""
    first: dict[str, int] = {}
    in_headings: dict[str, int] = {}
    # "Sears Grand" (a store of the "Sears Holdings" article) is no person's name: it opens
    # with the first word of an organisation's name of several, not with a given name.
    people = {m.key for m in mentions if m.type == "person"}  # not one the model also calls org
    opening_organisations = {
        m.key.split()[0]
        for m in mentions
        if m.type == "org" and len(m.key.split()) >= 2 and m.key not in people
    }
    for mention in mentions:
        if mention.type == "person" and len(mention.key.split()) >= 2:
            opener = mention.key.split()[0]
            if opener in opening_organisations and not gazetteer.is_given_name(opener):
                continue
            names = in_headings if mention.in_heading else first
            names.setdefault(mention.key, mention.start)
    words = {word for key in first for word in key.split()}
    for key, start in in_headings.items():
        if not words & set(key.split()):
            first.setdefault(key, start)
    return first


_MODEL_VOTES_AT_MOST = 7  # less than one described mention (8)


def _vote_types(text: str, mentions: list[Mention], person_words: set[str]) -> None:
    """One type per name: a surname tagged ORG is a person; otherwise the majority label wins."""
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    unexplained: dict[str, Counter[EntityType]] = defaultdict(Counter)
    described: set[str] = set()
    for mention in mentions:
        if mention.table_name is None and mention.evidence:
            votes[mention.key][mention.type] += 8 if mention.described else 4
            if mention.described:
                described.add(mention.key)
        elif mention.table_name is None:
            unexplained[mention.key][mention.type] += 2 if mention.type == "person" else 1
    for key, counts in unexplained.items():
        for entity_type, count in counts.items():
            # The model's labels alone, however many, never outweigh what the text says the
            # name is ("the Saturn brand", then "Saturn" seven times read as a person).
            at_most = _MODEL_VOTES_AT_MOST if key in described else count
            votes[key][entity_type] += min(count, at_most)
    for mention in mentions:
        if mention.table_name is not None or mention.type in ("date", "event"):
            continue
        # "Mir-Mohammadi" is one word too
        single = len(mention.key.split()) == 1 or " " not in mention.surface
        # "U.N." is not the "Un" of "Kim Jong Un": only a word written as a name can be a
        # surname ("DeWine", "McCarthy" too).
        surname = mention.label == "PERSON" or (
            mention.label in ("ORG", "GPE", "LOC", "FAC")
            and _written_as_a_surname(mention.surface)
            # "Washington" stays the place, unless it speaks ("Downey said", "said Angers.")
            and (
                not gazetteer.is_place(mention.surface)
                or speaks_or_acts_as_person(text, mention)
                or is_attribution(text, mention)
            )
        )
        evidence_agrees = not mention.evidence or mention.type == "person"  # "Forte said he"
        if single and surname and mention.key in person_words and evidence_agrees:
            mention.type = "person"
            continue
        if mention.evidence and LABEL_TYPES.get(mention.label) == mention.type:
            continue  # the model and the evidence agree: "Flights to Irvine" stays the city
        ranked = [t for t, _ in votes[mention.key].most_common() if t not in ("date", "event")]
        if ranked:
            mention.type = ranked[0]


# Lower-case letters with capitals inside: "DeWine", "McCarthy", "LaRose", "MacKenzie".
_INNER_CAPITALS = re.compile(r"[^\W\d_][^\W\dA-Z_]+(?:[A-Z][^\W\dA-Z_]+)+")


# "Jr." or "Sr." ending a name as written: "Donald Trump Jr.", "Trump Jr.", "Donald Jr."
_JUNIOR = re.compile(r"(?i)[ \t,]+(jr|sr)\.?$")
# ... or written right after the model's span: "Donald Trump, Jr., the president's son"
_JUNIOR_AFTER = re.compile(r",?[ \t]+(Jr|Sr|JR|SR)(\.|(?![\w’'-]))")
# The bare surname of someone else: the office a son does not hold ("President Trump"), or an
# honorific when another bearer of the surname is named ("Eric Trump", "Mr. Trump").
_OFFICE_BEFORE = re.compile(r"\bPresident[ \t]+$")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms)\.?[ \t]+$")


def _juniors_apart(text: str, mentions: list[Mention], full_names: dict[str, int]) -> None:
    """A son named after his father is someone else when the text tells them apart: it names
    "Donald Trump" and "Donald Trump Jr.", and shortens the son with the suffix ("Trump Jr.",
    "Donald Jr."), or writes the bare surname as someone else's ("President Trump"; "Mr.
    Trump" when it also names another bearer of the surname, "Eric Trump"). The suffixed
    mentions then keep the suffix in their key ("donald trump jr", "trump jr"), and the full
    name joins `full_names`. A text that writes "Martin Luther King Jr." and then "King" or
    "Mr. King" never tells him apart: one person, as before. A suffix written after the
    model's span, with or without a comma ("Donald Trump, Jr."), is the name's."""
    # key without the suffix -> its mentions, each with its suffix ("jr", "sr") and its end
    suffixed: dict[str, list[tuple[Mention, str, int]]] = defaultdict(list)
    plain: set[str] = set()
    for mention in mentions:
        if mention.type != "person":
            continue
        found = _JUNIOR.search(mention.surface)
        after = _JUNIOR_AFTER.match(text, mention.end) if " " in mention.key else None
        if found is not None:
            suffixed[mention.key].append((mention, found.group(1).lower(), mention.end))
        elif after is not None:
            suffixed[mention.key].append((mention, after.group(1).lower(), after.end()))
        else:
            plain.add(mention.key)
    if not suffixed:
        return
    others = _bare_surnames_of_others(text, mentions, full_names)
    for full in [k for k in suffixed if len(k.split()) >= 2 and k in full_names]:
        shorts = [k for k in suffixed if k != full and abbreviates(full, k)]
        if not (shorts and full in plain or full.split()[-1] in others):
            continue
        for key in [full, *shorts]:
            for mention, suffix, end in suffixed[key]:
                mention.key = f"{key} {suffix}"
                mention.end = end
                mention.surface = " ".join(text[mention.start : end].split())
                if key == full:
                    full_names.setdefault(mention.key, mention.start)


def _bare_surnames_of_others(
    text: str, mentions: list[Mention], full_names: dict[str, int]
) -> set[str]:
    """Surname keys the text writes alone as someone's who is no son: after "President", or
    after "Mr."/"Mrs."/"Ms." when two full names of different given names share the surname."""
    given_by_surname: dict[str, set[str]] = defaultdict(set)
    for full in full_names:
        words = full.split()
        if len(words) >= 2:
            given_by_surname[words[-1]].add(words[0])
    found = set()
    for mention in mentions:
        if mention.type != "person" or " " in mention.key:
            continue
        before = text[max(0, mention.start - 12) : mention.start]
        words = mention.surface.split()
        titled = " ".join(words[:-1]) + " " if len(words) > 1 else ""
        if _OFFICE_BEFORE.search(before) or _OFFICE_BEFORE.search(titled):
            found.add(mention.key)
        elif len(given_by_surname[mention.key]) >= 2 and (
            _HONORIFIC_BEFORE.search(before) or _HONORIFIC_BEFORE.search(titled)
        ):
            found.add(mention.key)
    return found


def _written_as_a_surname(surface: str) -> bool:
    """Title case ("Sanders", "O'Brien") or a capital inside ("DeWine"); no initials or
    acronym ("U.N.", "UN")."""
    if "." in surface or not surface[:1].isupper():
        return False
    return surface.istitle() or _INNER_CAPITALS.fullmatch(surface) is not None


def _join_person_names(
    text: str, mentions: list[Mention], full_names: dict[str, int], clusters: UnionFind
) -> None:
    """Join "Kim", "Mr. Kim", "Trump" to the full name they abbreviate (names.resolve_short_name).

    Longer names first join longer ones ("Donald Trump" -> "Donald John Trump").
    """
    people = [m for m in mentions if m.type == "person"]
    speakers: list[tuple[int, str]] = [
        (m.start, m.key) for m in people if m.key in full_names and is_speaker_introduction(text, m)
    ]
    uses = bare_uses(text, ((m.start, m.end, m.key) for m in people if m.key not in full_names))
    indexed = FullNames(full_names, speakers, uses, text)
    for key in sorted(full_names, key=lambda k: len(k.split())):
        target = indexed.longer(key) or _with_given_name_in_full(key, full_names)
        if target is not None:
            clusters.union(f"person:{key}", f"person:{target}")
    ends = {m.end: m for m in people}
    for mention in people:
        if mention.key in full_names and _BORN.search(
            text, max(0, mention.start - 8), mention.start
        ):
            mention.birth_name = True
            subject = _SUBJECT_BORN.search(text, max(0, mention.start - 16), mention.start)
            if subject is not None and subject.start() in ends:
                # "Ginger Baker was born Peter Edward Baker": the subject's birth name
                clusters.union(mention.cluster, ends[subject.start()].cluster)
            else:
                _join_birth_name(mention, full_names, clusters)
        if mention.key in full_names or len(mention.key.split()) > 2:
            continue
        target = indexed.resolve(
            mention.key, mention.start, is_attribution(text, mention)
        ) or sole_owner(
            full
            for full in full_names
            if blends(mention.surface, full) or clips_given_name(mention.key, full)
        )
        if target is not None:
            mention.cluster = f"person:{target}"
            clusters.find(mention.cluster)


def _with_given_name_in_full(key: str, full_names: dict[str, int]) -> str | None:
    """ "Don McGahn" is the article's one "Donald F. McGahn II": a given name clipped (three
    letters at least) before the surname of one other full name, whose given name it starts."""
    words = key.split()
    if len(words) != 2 or len(words[0]) < 3:
        return None
    return sole_owner(
        full
        for full in full_names
        if full != key and full.split()[-1] == words[-1] and clips_given_name(words[0], full)
    )


def _join_bare_titles(mentions: list[Mention], clusters: UnionFind) -> None:
    """ "the Queen" is the article's one "Queen Elizabeth II", "the Pope" its one "Pope
    Francis": a title alone the model read as a person joins the one person the article
    names with that title before the name."""
    titled: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        words = mention.surface.split()
        if mention.type == "person" and len(words) >= 2 and is_title(words[0]):
            titled[base_key(words[0])].add(clusters.find(mention.cluster))
    for mention in mentions:
        if mention.type != "person" or " " in mention.surface or not is_title(mention.surface):
            continue
        owner = sole_owner(titled.get(base_key(mention.surface), ()))
        if owner is not None:
            clusters.union(mention.cluster, owner)


_BORN = re.compile(r"(?i)\bborn[ \t]+$")
_SUBJECT_BORN = re.compile(r"[ \t]+(?:was|is)[ \t]+born[ \t]+$")


def _join_birth_name(mention: Mention, full_names: dict[str, int], clusters: UnionFind) -> None:
    """ "Born Robert Burns in 1941, he took his stepfather's name": a name after "born" is the
    birth name of the one other person of the article with that given name, or else with that
    surname ("Ginger Baker was born Peter Edward Baker")."""
    words = mention.key.split()
    others = [k for k in full_names if k != mention.key]
    target = sole_owner(k for k in others if k.split()[0] == words[0]) or sole_owner(
        k for k in others if k.split()[-1] == words[-1]
    )
    if target is not None:
        clusters.union(f"person:{mention.key}", f"person:{target}")


_PAREN = re.compile(r"\(([^()\n]{2,90})\)")
_WORD = re.compile(r"[\w’'.&-]+")


def _acronym_pairs(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(long name span, acronym span) for "Long Name (ACR)" and "ACR (Long Name)"."""
    for paren in _PAREN.finditer(text):
        inner = paren.group(1).strip()
        inner_start = paren.start(1) + paren.group(1).index(inner)
        inner_span = (inner_start, inner_start + len(inner))
        before = list(_WORD.finditer(text, max(0, paren.start() - 120), paren.start()))
        if ACRONYM.match(inner) or _AMPERSAND_ACRONYM.match(inner):
            letters = inner.replace(".", "").replace("&", "")
            for size in range(2, min(len(before), 12) + 1):
                words = before[-size:]
                if words[0].group()[0].isupper() and _spells(letters, [w.group() for w in words]):
                    yield (words[0].start(), words[-1].end()), inner_span
                    break
        else:
            acronym = _acronym_before(text, before, paren.start())
            letters = acronym.group().replace(".", "") if acronym else ""
            if acronym is not None and _stands_for(letters, initials(inner.split())):
                yield inner_span, acronym.span()


# "PG&E": an acronym whose "&" stands for the "and" of its expansion.
_AMPERSAND_ACRONYM = re.compile(r"^[A-Z]{1,4}&[A-Z]{1,4}$")


def _spells(letters: str, words: list[str]) -> bool:
    """Do the words' initials spell the acronym, a company word at the end aside ("Pacific Gas
    and Electric Company (PG&E)")?"""
    if initials(words) == letters:
        return True
    return base_key(words[-1]) in alias_table().org_suffixes and initials(words[:-1]) == letters


def _acronym_before(text: str, before: list[re.Match[str]], end: int) -> re.Match[str] | None:
    """The acronym right before a bracket, or before one lower-case word and the bracket ("the
    RMT union (National Union of Rail, ...)")."""
    for acronym in before[-1:] + before[-2:-1]:
        gap = text[acronym.end() : end].strip()
        if ACRONYM.match(acronym.group()) and (not gap or gap.isalpha() and gap.islower()):
            return acronym
    return None


def _stands_for(letters: str, expansion_initials: str) -> bool:
    """The expansion's initials are the acronym's letters, or hold them in a row when the
    bracket says so ("RMT (National Union of Rail, Maritime and Transport Workers)")."""
    return letters == expansion_initials or (len(letters) >= 3 and letters in expansion_initials)


def _join_acronyms(text: str, mentions: list[Mention], clusters: UnionFind) -> list[Mention]:
    """Join each "Long Name (ACR)" pair; add the side the model missed as a mention. A person's
    initials are the person ("Richard M. Stallman (RMS)", "RMS" the model's organisation)."""
    added: list[Mention] = []
    initials_of_people: set[str] = set()
    for long_span, short_span in _acronym_pairs(text):
        sides = [_mention_at(mentions, span) for span in (long_span, short_span)]
        if sides[0] is not None and not _covers_most(sides[0], long_span):
            sides[0] = None  # "U.N." of "U.N. High Commissioner for Refugees (UNHCR)"
        known = [m for m in sides if m is not None]
        if not known:
            continue
        long_side = sides[0]
        if (  # the whole long name: not "Binary Tag" of "Named Binary Tag (NBT)"
            long_side is not None
            and (long_side.start, long_side.end) == long_span
            and long_side.type == "person"
        ):
            initials_of_people.add(base_key(text[short_span[0] : short_span[1]]))
        anchor = known[0]
        for span, found in zip((long_span, short_span), sides, strict=True):
            if found is not None:
                clusters.union(found.cluster, anchor.cluster)
                continue
            surface = " ".join(text[span[0] : span[1]].split())
            extra = Mention(*span, surface, "ALIAS", anchor.type, base_key(surface), False)
            extra.cluster = anchor.cluster
            added.append(extra)
    # Later bare uses of the acronym (or long name) share the cluster through their key.
    by_key = {m.key: m.cluster for m in added}
    for mention in mentions:
        if mention.key in by_key:
            clusters.union(mention.cluster, by_key[mention.key])
        if base_key(mention.surface) in initials_of_people:
            mention.type = "person"
    for mention in added:
        if mention.key in initials_of_people:
            mention.type = "person"
    return added


def _join_spelled_acronyms(mentions: list[Mention], clusters: UnionFind) -> None:
    """An acronym the article writes with no bracket, whose letters are the initials of one
    organisation of several words it names ("the Government Accountability Office", then "the
    GAO"), is that organisation, whatever the model or a list said ("Gao" is a town in Mali)."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        words = mention.surface.split()
        if mention.type == "org" and len(words) >= 2 and not ACRONYM.match(words[0]):
            by_initials[initials(words)].add(mention.cluster)
    for mention in mentions:
        letters = mention.surface.replace(".", "")
        if not ACRONYM.match(mention.surface) or not 3 <= len(letters) <= 6:
            continue
        if mention.table_name is not None or mention.type == "person":
            continue  # a listed acronym ("US"), a person's initials
        owners = {clusters.find(c) for c in by_initials.get(letters, ())}
        if len(owners) == 1:
            mention.type = "org"
            clusters.union(mention.cluster, owners.pop())


def _covers_most(mention: Mention, span: tuple[int, int]) -> bool:
    shared = min(mention.end, span[1]) - max(mention.start, span[0])
    return shared >= 0.6 * (span[1] - span[0])


def _mention_at(mentions: list[Mention], span: tuple[int, int]) -> Mention | None:
    for mention in mentions:
        if mention.start < span[1] and span[0] < mention.end:
            return mention
    return None


def _join_place_forms(mentions: list[Mention], clusters: UnionFind) -> None:
    """One place however the article names its kind: "Gaza Strip" / "Gaza", "Republic of South
    Sudan" / "South Sudan" (names.place_forms)."""
    places = {m.key: m.cluster for m in mentions if m.type == "place"}
    for key, cluster in places.items():
        for form in place_forms(key):
            if form in places:
                clusters.union(cluster, places[form])


_VOWELS = frozenset("aeiouy")


def _slip_forms(word: str) -> Iterator[str]:
    """What a word becomes by a slip of one vowel or two letters swapped, as one form each of
    two spellings share: a vowel written as another ("Ladin" / "Laden", "Magnitigorsk" /
    "Magnitogorsk") or left out ("Lousiana" / "Louisiana"), two letters swapped ("Dierdre" /
    "Deirdre")."""
    for at, letter in enumerate(word):
        if letter in _VOWELS:
            yield f"{word[:at]}_{word[at + 1 :]}"  # changed
            if 0 < at < len(word) - 1:  # inside the word: "Paula" is not "Paul"
                yield f"{word[:at]}{word[at + 1 :]}"  # left out (the longer spelling's form)
        if at + 1 < len(word) and letter != word[at + 1]:
            yield f"{word[:at]}{''.join(sorted(word[at : at + 2]))}{word[at + 2 :]}~"


def _join_spelling_slips(mentions: list[Mention], clusters: UnionFind) -> None:
    """Two spellings of one place's name, or of one person's full name, in an article are one,
    when all but one word are the same and that word, five letters or more, differs by one vowel
    or two letters swapped ("Hamza bin Ladin" / "Hamza bin Laden", "Magnitigorsk" /
    "Magnitogorsk", "Lousiana" / "Louisiana"); a surname alone never (a family's "Sacoolas" and
    "Socoolas"), nor a person's given name ("Maria Lopez" and "Mario Lopez" are two). Each
    name's forms are indexed once, never compared pairwise."""
    names = {
        (m.type, m.key): m.cluster
        for m in mentions
        if m.type in ("person", "place") and m.table_name is None
    }
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (kind, key), cluster in names.items():
        words = key.split()
        if kind == "person" and len(words) < 2:
            continue  # "Sacoolas" and "Socoolas" may be two of a family
        owner = clusters.find(cluster)
        for at, word in enumerate(words):
            if len(word) < 5 or not word.isalpha():
                continue
            if kind == "person" and at == 0 and len(words) > 1:
                continue  # given names a vowel apart are two people: "Maria" and "Mario Lopez"
            for slip in _slip_forms(word):
                forms[kind, " ".join([*words[:at], slip, *words[at + 1 :]])].add(owner)
        forms[kind, key].add(owner)  # the shorter spelling of a vowel left out
    for owners in forms.values():
        if 1 < len(owners) <= 2:
            first, second = owners
            clusters.union(first, second)


def _join_place_acronyms(mentions: list[Mention], clusters: UnionFind) -> None:
    """An acronym of the one place of the article whose name it spells is that place, whatever
    the model read it as: "NSW" of "New South Wales", "the DRC's" of "the Democratic Republic of
    the Congo"."""
    places: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        words = mention.surface.split()
        if mention.type == "place" and len(words) >= 2:
            places[initials(words)].add(clusters.find(mention.cluster))
    for mention in mentions:
        if mention.table_name is not None or not ACRONYM.match(mention.surface):
            continue
        owners = places.get(mention.surface.replace(".", ""), set())
        if len(owners) == 1 and mention.type in ("org", "place"):
            mention.type = "place"
            clusters.union(mention.cluster, next(iter(owners)))


def _join_org_short_forms(
    text: str, mentions: list[Mention], full_names: dict[str, int], clusters: UnionFind
) -> None:
    """One organisation however the article shortens it.

    "Control Risks" / "Control Risks Group"; "Department of X" / "X Department"; "New Zealand
    Department of Conservation" / "Department of Conservation"; "Harvard" / "Harvard University"
    and "ICC" / "International Criminal Court" when no other name of the article claims them.
    Places and organisations never join by a shared word alone: "Washington" stays out of
    "Washington Post".
    """
    orgs = {m.key: m.cluster for m in mentions if m.type == "org"}
    places = {m.key for m in mentions if m.type == "place"}
    facilities: dict[str, str] = {}
    index = _OrgIndex(orgs, {len(m.key.split()) for m in mentions})
    for key, cluster in orgs.items():
        for other_cluster in index.before_suffix.get(" ".join(key.split()), ()):
            clusters.union(cluster, other_cluster)
        for form in org_forms(key, places) | _without_country(key):
            if form in orgs:
                clusters.union(cluster, orgs[form])
        facility = facility_key(key)
        if facility is not None:
            clusters.union(cluster, facilities.setdefault(facility, cluster))
    _join_bare_heads(orgs, clusters)
    for key, cluster in orgs.items():
        if " " not in key and key.endswith("s") and key[:-1] in orgs and len(key) > 4:
            clusters.union(cluster, orgs[key[:-1]])  # "the Houthis" are the "Houthi" group
    surnames = {word for full in full_names for word in full.split()}
    for mention in mentions:
        if mention.table_name is not None or mention.key in surnames:
            continue
        if mention.type == "place" and gazetteer.is_place(mention.surface):
            continue
        long_form = _long_org_form(mention, index)
        if long_form is None and _facility_named_as_person(text, mention):
            long_form = sole_owner(index.shortened(mention.key))
        if long_form is None:
            long_form = _product_of_maker(mention, index)
        if long_form is not None:
            mention.type = "org"
            clusters.union(mention.cluster, orgs[long_form])


class _OrgIndex:
    """The article's organisations by the forms a mention may shorten them to, each list in
    the article's order: looked up per mention instead of reading every organisation per
    mention (quadratic on a text of thousands of capitalised names)."""

    def __init__(self, orgs: dict[str, str], mention_lengths: set[int]) -> None:
        suffixes = alias_table().org_suffixes
        longest_suffix = max((len(s.split()) for s in suffixes), default=0)
        # "control risks" -> the cluster of "control risks group": a name before a suffix
        self.before_suffix: dict[str, list[str]] = defaultdict(list)
        self.by_short_form: dict[str, list[str]] = defaultdict(list)  # `short_org_forms`
        self.by_initials: dict[str, list[str]] = defaultdict(list)
        self.by_product: dict[str, list[str]] = defaultdict(list)  # "atmos" -> "dolby atmos"
        for key, cluster in orgs.items():
            words = key.split()
            for n in range(max(1, len(words) - longest_suffix), len(words)):
                if " ".join(words[n:]) in suffixes:
                    self.before_suffix[" ".join(words[:n])].append(cluster)
            for form in short_org_forms(key):
                self.by_short_form[form].append(key)
            forms = {key} | _without_country(key)
            # "DOJ" of "Department of Justice", "DOD" of "Department of Defense": an "of" some
            # acronyms keep
            letters_of = {initials(form.split()) for form in forms}
            letters_of |= {initials(["O" if w == "of" else w for w in f.split()]) for f in forms}
            for letters in letters_of:
                self.by_initials[letters].append(key)
            for n in range(1, len(words)):  # the end's length: only those of mentions
                if n in mention_lengths and _maker_word(words[-n - 1]):
                    self.by_product[" ".join(words[-n:])].append(key)

    def shortened(self, short_key: str) -> list[str]:
        """The organisations `short_key` is a `short_org_of`."""
        return self.by_short_form.get(" ".join(short_key.split()), [])


def _join_bare_heads(orgs: dict[str, str], clusters: UnionFind) -> None:
    """ "the House" is the article's one "House of Representatives" (also written "United
    States House of ..."), "Parliament" its "Parliament of New South Wales", "the Port
    Authority" its "Port Authority of New York and New Jersey": a head alone joins the one
    organisation of the article named "<head> of ...", unless another of its
    organisations ends in the head word ("the Court" beside "Supreme Court" and "Court of
    Session" is either: joining it chained the two courts). A head that names an organisation
    by itself only in words like "court", "party", "university" joins the one organisation
    ending in it when none is named "<head> of" ("the Court" of the "US Supreme Court", also
    written "Supreme Court"; not "the House" of the "White House")."""
    named_of: dict[str, list[str]] = defaultdict(list)  # head -> clusters of "<head> of ..."
    for other, other_cluster in orgs.items():
        for form in {other} | _without_country(other):
            head = form.split(" of ", 1)[0]
            if form.startswith(f"{head} of "):
                named_of[head].append(other_cluster)
    # the last words of each name ("court" and "supreme court" of "us supreme court"): one set,
    # so the check stays linear in the article's organisations
    endings = {" ".join(o.split()[n:]) for o in orgs for n in range(1, len(o.split()))}
    ending_in: dict[str, set[str]] = defaultdict(set)  # "court" -> clusters of "... court"
    for other, other_cluster in orgs.items():
        head = other.rpartition(" ")[2]
        if " " in other and head in _HEADS_NAMED_SHORT:
            ending_in[head].add(other_cluster)
    for key, cluster in orgs.items():
        if " of " in key:
            continue
        if key in endings:
            # "the Court" of the article's one court ("US Supreme Court"), not an institution
            # named by its head alone ("the House" beside the "White House")
            owners = {clusters.find(c) for c in ending_in.get(key, ()) if c != cluster}
            if len(owners) == 1 and not named_of.get(key):
                clusters.union(cluster, owners.pop())
            continue
        owners = {clusters.find(other_cluster) for other_cluster in named_of.get(key, [])}
        if len(owners) == 1:
            clusters.union(cluster, owners.pop())


# Head words a report uses alone for the one organisation of the article they end; a
# newspaper's too ("The Times reported" of the one "New York Times" it names).
_HEADS_NAMED_SHORT = frozenset(
    """court department ministry university college committee commission agency institute
    foundation hospital museum society party company corporation bank times post journal""".split()
)


def _without_country(key: str) -> set[str]:
    """ "US Congress" is the article's "Congress", "United States House of Representatives" its
    "House of Representatives": only within an article (across the library "Philippine
    Congress" is another one)."""
    words = key.split()
    if len(words) == 2 and (gazetteer.is_place(words[0]) or _is_listed_place(words[0])):
        return {words[1]}
    if len(words) == 2 and a_country(words[1]) and not gazetteer.is_place(key):
        # "Mazars USA" is the article's "Mazars"; a listed company's branch is a company of
        # its own ("Yahoo Japan", "Ford Australia")
        return set() if gazetteer.is_organisation(words[0]) else {words[0]}
    for size in (1, 2, 3):
        place = " ".join(words[:size])
        if len(words) - size >= 2 and (gazetteer.is_country(place) or _is_listed_place(place)):
            return {" ".join(words[size:])}
    return set()


def _is_listed_place(name: str) -> bool:
    found = listed(name)
    return found is not None and found[1] == "place"


_AT_A_PLACE = re.compile(r"\b(?:at|into|in)[ \t]+$")


def _facility_named_as_person(text: str, mention: Mention) -> bool:
    """ "back at Betty Ford" where the article also says "the Betty Ford Center": a full name
    the model read as a person, written where a place goes, that is the centre's name
    without its head word. A title or a description ("Sen.", ", a lawyer") keeps a person."""
    return (
        mention.type == "person"
        and len(mention.key.split()) >= 2
        and not mention.evidence
        and _AT_A_PLACE.search(text, max(0, mention.start - 8), mention.start) is not None
    )


def _product_of_maker(mention: Mention, index: _OrgIndex) -> str | None:
    """ "Atmos" where the article says "Dolby Atmos", "One S" where it says "Xbox One S": the
    end of a product's name after its maker's, which the model read as a person (or which
    `unexplained_single_names` made an organisation). A name with
    a description stays a person, and so does the end of a name after a given name or a
    word like "of" ("Friends of John Smith", "Friends of Trump"): the word before a product's
    name is its maker's."""
    words = mention.key.split()
    if mention.type not in ("person", "org") or mention.described:
        return None
    if len(words) == 1 and words[0] in _BUILDING_HEADS:
        return None  # "the House" is no product of a "White" (`_join_bare_heads` reads heads)
    return sole_owner(index.by_product.get(" ".join(words), ()))


# Words that end an institution's or a building's name and stand alone for another one: "the
# House" beside the "White House" is the chamber.
_BUILDING_HEADS = frozenset("house hall palace castle tower".split())


def _maker_word(word: str) -> bool:
    return word not in FUNCTION_WORDS and not gazetteer.is_given_name(word)


def _long_org_form(mention: Mention, index: _OrgIndex) -> str | None:
    """The one organisation this short name or acronym stands for, if only one fits."""
    if ACRONYM.match(mention.surface) and len(mention.surface.replace(".", "")) >= 3:
        letters = mention.surface.replace(".", "")
        # "CPD" of "United States Commission on Presidential Debates": the name's initials,
        # or those of the name without the country before it
        return sole_owner(index.by_initials.get(letters, ()))
    if len(mention.key.split()) == 1 and mention.type != "org" or mention.type == "org":
        return sole_owner(index.shortened(mention.key))
    return None


def build_entities(prose: Prose, groups: list[list[Mention]], model: EntityModel) -> list[Entity]:
    """One Entity per group: the rules' type, then the learned decision (entity_model.py) may
    drop a sidebar entity or retype it."""
    entities: list[Entity] = []
    for members in groups:
        rules_type = group_type(members)
        entity_type = model.decide(prose.text, members, rules_type)
        if entity_type is None:
            continue
        name = _group_name(members, entity_type)
        surfaces = [name] + [m.surface for m in members]
        spans = sorted({prose.body_span(m.start, m.end) for m in members})
        entities.append(Entity(name, entity_type, tuple(dict.fromkeys(surfaces)), tuple(spans)))
    entities.sort(key=lambda e: e.mentions[0])
    return entities


def _introduced_person(mention: Mention) -> bool:
    """A full name with a word for a person before it ("Violinist Brigit O'Regan performs"): a
    caption's subject, not section words, though the caption is a line of its own."""
    return mention.type == "person" and mention.evidence and len(mention.key.split()) >= 2


def group_type(members: list[Mention]) -> EntityType:
    """The rules' type of an entity: the alias table's, else its mentions' majority."""
    for mention in members:
        if mention.table_name is not None:
            return mention.type
    return Counter(m.type for m in members).most_common(1)[0][0]


def _group_name(members: list[Mention], entity_type: EntityType) -> str:
    """The fullest name the article writes, not a birth name ("Ginger Baker", not "Peter
    Edward Baker": the article is about the man by the name he is known by)."""
    for mention in members:
        if mention.table_name is not None:
            return mention.table_name
    counts = Counter(m.surface for m in members)
    birth_names = {m.surface for m in members if m.birth_name}

    def rank(surface: str) -> tuple[bool, int, bool, int, int]:
        words = canonical_key(surface, entity_type).split()
        return (
            surface not in birth_names,
            len(words),
            not surface.isupper(),
            counts[surface],
            len(surface.split()),  # "Queen Elizabeth II" (key "elizabeth"), not "Queen"
        )

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
    for body, prose, spans in iter_model_spans(bodies, processes, batch_size, nlp):
        yield entities_from_spans(body, spans, prose)


def iter_model_spans(
    bodies: Iterable[str | Article],
    processes: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Language | None = None,
) -> Iterator[tuple[str, Prose, list[LabelledSpan]]]:
    """(body, its prose, the model's spans over the prose) for each body, in input order."""
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

    spans: list[LabelledSpan] = []
    docs = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=processes)
    for doc, (offset, last) in docs:
        spans.extend(
            (offset + ent.start_char, offset + ent.end_char, ent.label_) for ent in doc.ents
        )
        if last:
            body, prose = bodies_and_proses.popleft()
            yield body, prose, spans
            spans = []
