"""The library's entities: one LibraryEntity per real-world thing over all articles.

The same name rules as within an article (analysis/names.py) join the articles' entities; a lone
name joins the one person or organisation it shortens (its own article's first); a body every
country has ("Senate", "Parliament") joins by its bare name only within one country; the library
votes the type; dates and day names stay in their article. The comparison lists as shared exactly
what this merge joins.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kimreader.analysis import gazetteer
from kimreader.analysis.entity import Entity, EntityType
from kimreader.analysis.names import (
    ACRONYM,
    FullNames,
    alias_table,
    base_key,
    blends,
    canonical_key,
    could_blend,
    entity_keys,
    facility_key,
    initials,
    listed,
    org_forms,
    short_org_of,
    sole_owner,
    surname,
)


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


class UnionFind:
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
    shortens, if only one fits. Dates and day names never join across articles. A body every
    country has ("Senate", "Parliament", "Supreme Court", "Health Ministry") joins by its bare
    name only where the articles agree on whose it is (`_body_keys`).
    """
    clusters = UnionFind()
    nodes: list[tuple[str, Entity]] = []
    library_home = _library_country(per_article)
    for article_id, entities in per_article.items():
        home = _chamber_homes(entities, _home_country(entities), library_home)
        for entity in entities:
            node = str(len(nodes))
            nodes.append((article_id, entity))
            clusters.find(node)
            if entity.type in ("date", "event"):
                continue
            for key in _link_keys(entity):
                clusters.union(node, f"key\x00{key}")
            for key in _body_keys(entity, home):
                clusters.union(node, f"body\x00{key}")
    _join_short_names(nodes, clusters)
    _join_place_prefixed_orgs(nodes, clusters)
    groups: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for number, owned in enumerate(nodes):
        groups[clusters.find(str(number))].append(owned)
    return list(groups.values())


def _join_short_names(nodes: list[tuple[str, Entity]], clusters: UnionFind) -> None:
    """A one-word name joins the one person or organisation it shortens: a surname ("Lohan"), a
    blended nickname ("LiLo"), an organisation's first word ("Harvard") or its acronym ("ICC").
    Its own article first: a name that shortens a full name there ("Ford" beside "Ford Motor
    Company") is that one's, or nobody's if it shortens several there or begins one's name there;
    only a name that shortens none of its article's joins the one of the library. A place joins
    only a clinic of the library ("Cliffside", "Cliffside Rehab Center"), no person or other
    organisation: "Atlantic" is not the "Atlantic Council" of another article."""
    library = _FullNames()
    own: dict[str, _FullNames] = defaultdict(_FullNames)
    for number, (article, entity) in enumerate(nodes):
        root = clusters.find(str(number))
        if entity.type == "person":
            for alias in (entity.name, *entity.aliases):
                key = canonical_key(alias, "person")
                if len(key.split()) >= 2:
                    library.add_person(key, root, article)
                    own[article].add_person(key, root, article)
        elif entity.type == "org" and len(entity.name.split()) >= 2:
            key = canonical_key(entity.name, "org")
            library.add_org(key, root)
            own[article].add_org(key, root)
    for number, (article, entity) in enumerate(nodes):
        if len(entity.name.split()) != 1 or entity.type not in ("person", "org", "place"):
            continue
        if _generic_body(canonical_key(entity.name, "org")) is not None:
            continue  # "House" is no "House Judiciary Committee": see _body_keys
        if gazetteer.is_place(entity.name) or alias_table().canonical.get(base_key(entity.name)):
            continue
        mine = own[article]
        if mine.fits(entity.name):
            owner = mine.owner_of(entity.name)
        elif mine.starts_a_name(entity.name):
            owner = None  # "Ford" beside "Ford Motor Company": its article's, not Gerald Ford
        else:
            owner = library.owner_of(
                entity.name, facility_only=entity.type == "place", most_named=True
            )
        if owner is not None:
            clusters.union(str(number), owner)


class _FullNames:
    """The library's full person names and organisations of several words (key -> cluster);
    people indexed by the short forms they have (`names.FullNames`), organisations by first
    word and initials (each short name read every full name of the library: quadratic in the
    library's size)."""

    def __init__(self) -> None:
        self.people: dict[str, str] = {}
        self.orgs: dict[str, str] = {}
        self._people_index: FullNames | None = None  # built at the first question
        self._orgs_by_first_word: dict[str, list[str]] = defaultdict(list)
        self._orgs_by_initials: dict[str, list[str]] = defaultdict(list)
        self._articles: dict[str, set[str]] = defaultdict(set)  # person cluster -> articles

    def add_person(self, key: str, cluster: str, article: str) -> None:
        if key not in self.people:
            self.people[key] = cluster
            self._people_index = None
        self._articles[self.people[key]].add(article)

    def add_org(self, key: str, cluster: str) -> None:
        if key not in self.orgs:
            self.orgs[key] = cluster
            self._orgs_by_first_word[key.split()[0]].append(key)
            self._orgs_by_initials[initials(key.split())].append(key)

    def owner_of(
        self, name: str, facility_only: bool = False, most_named: bool = False
    ) -> str | None:
        """The cluster of the one person or organisation the one-word `name` shortens (with
        `facility_only`, of the one clinic or centre). With `most_named`, a surname several
        people share is the one's the library names in more than twice as many articles as all
        the others together ("Clinton" alone: the Hillary Clinton of four reports, not the Bill
        Clinton of one); else nobody's."""
        people, orgs, acronyms = self._fits(name, facility_only)
        if most_named and len(people) > 1:
            return self._most_named(people)
        return sole_owner(people) or sole_owner(orgs) or sole_owner(acronyms)

    def _most_named(self, people: set[str]) -> str | None:
        ranked = sorted(people, key=lambda cluster: -len(self._articles[cluster]))
        top = len(self._articles[ranked[0]])
        others = sum(len(self._articles[cluster]) for cluster in ranked[1:])
        return ranked[0] if top > 2 * others else None

    def starts_a_name(self, name: str) -> bool:
        """Whether the one-word `name` is the first word of an organisation's name here."""
        return bool(self._orgs_by_first_word.get(base_key(name)))

    def fits(self, name: str) -> bool:
        """Whether the one-word `name` shortens any person or organisation here."""
        return any(self._fits(name))

    def _fits(self, name: str, facility_only: bool = False) -> tuple[set[str], set[str], set[str]]:
        """The clusters of the people, the organisations (by first word) and the organisations
        (by initials) the one-word `name` could shorten (only clinics with `facility_only`)."""
        short = base_key(name)
        firsts = self._orgs_by_first_word.get(short.split()[0], []) if short else []
        if facility_only:
            return (
                set(),
                {self.orgs[f] for f in firsts if short_org_of(short, f) and facility_key(f)},
                set(),
            )
        key = canonical_key(name, "person")
        if self._people_index is None:
            self._people_index = FullNames(dict.fromkeys(self.people, 0))
        fits = [f for f in self._people_index.abbreviated_by(key) if not _given_name_alone(f, key)]
        if could_blend(name):
            fits += [f for f in self.people if blends(name, f)]
        orgs = {self.orgs[f] for f in firsts if short_org_of(short, f)}
        acronyms: set[str] = set()
        if ACRONYM.match(name) and len(name.replace(".", "")) >= 3:
            letters = name.replace(".", "")
            acronyms = {self.orgs[f] for f in self._orgs_by_initials.get(letters, [])}
        return {self.people[f] for f in fits}, orgs, acronyms


def _given_name_alone(full_key: str, key: str) -> bool:
    """ "Jerry" in one report is not the "Jerry Garcia" of another: across the library a lone
    name joins by the surname only (a given name is as common as it is short)."""
    return full_key.split()[0] == key and surname(full_key) != key and gazetteer.is_given_name(key)


def _join_place_prefixed_orgs(nodes: list[tuple[str, Entity]], clusters: UnionFind) -> None:
    """An organisation named with a place first joins the one named without it: the place is
    one the articles name as a place, or any first word of a clinic's name ("Malibu Promises
    Treatment Center" / "Promises Treatment Center"). One way only: the shorter name must be an
    organisation's own name, so two that differ only by their places never meet."""
    places = {canonical_key(e.name, "place") for _a, e in nodes if e.type == "place"}
    named = {canonical_key(e.name, "org"): str(n) for n, (_a, e) in enumerate(nodes)
             if e.type == "org"}  # fmt: skip
    for number, (_article, entity) in enumerate(nodes):
        if entity.type != "org":
            continue
        key = canonical_key(entity.name, "org")
        for form in org_forms(key, places) | _facility_without_place(key):
            if form in named and _generic_body(form) is None:  # whose: see _body_keys
                clusters.union(str(number), named[form])


# Bodies of a county or a city as well ("Court", "Police", the National Guard of each US state):
# by the bare name, not even two articles about one country name the same one.
_LOCAL_BODIES = frozenset(
    name.strip()
    for name in """court|district court|superior court|police|police department|police service|
    state police|fire department|fire service|national guard""".split("|")
)
# Bodies every country (or state) has one of, named alike: by the bare name, one article's is
# not another's ("Parliament" of the UK, of Serbia, of New South Wales). The local ones too.
_BODIES = _LOCAL_BODIES | frozenset(
    name.strip()
    for name in """senate|house|house of representatives|house of commons|house of lords|
    house of assembly|house of delegates|parliament|congress|national congress|national assembly|
    assembly|legislative assembly|legislative council|legislature|state senate|state assembly|
    state legislature|cabinet|government|federal government|national government|supreme court|
    high court|constitutional court|court of appeals|court of appeal|appeals court|
    federal court|national police|army|navy|air force|coast guard|military|armed forces|
    central bank|election commission|electoral commission""".split("|")
)


def _generic_body(key: str) -> str | None:
    """The bare name of a body every country has ("senate", "health ministry", "ministry of
    foreign affairs"), or None."""
    key = key.removeprefix("the ")
    if key in _BODIES:
        return key
    words = key.split()
    if len(words) >= 2 and (words[-1] == "ministry" or words[:2] == ["ministry", "of"]):
        if not any(gazetteer.is_place(w) or gazetteer.is_nationality_word(w) for w in words):
            return key
    return None


def _body_keys(entity: Entity, home: str | None | Mapping[str, str | None]) -> set[str]:
    """Keys of a body every country has ("Senate"), qualified by whose it is: the place its own
    name says ("U.S. Senate", "Parliament of Serbia", "Tunisian Parliament"), or else the
    country its article is about (`_home_country`); none when neither says ("Senate" in an article
    naming Puerto Rico and the United States as often) or for a local body ("Court", "Police").
    A "Senate" of one article then joins the "Senate" of another about the same country and
    that country's "United States Senate", never the Senate of Puerto Rico or of the
    Philippines."""
    if entity.type not in ("org", "place"):
        return set()
    bare: set[str] = set()
    keys: set[str] = set()
    whose: set[str] = set()
    for alias in dict.fromkeys((entity.name, *entity.aliases)):
        key = canonical_key(alias, "org")
        body = _generic_body(key)
        if body is not None:
            bare.add(body)
            continue
        for qualifier, rest in _qualified(key):
            body = _generic_body(rest)
            if body is not None:
                keys.add(f"{body}@{qualifier}")
                whose.add(qualifier)
                break
    for body in bare:
        owner = home.get(body, home.get("")) if isinstance(home, Mapping) else home
        if whose:  # "U.S. Senate" also written "Senate" in its article
            keys.update(f"{body}@{place}" for place in whose)
        elif owner is not None and body not in _LOCAL_BODIES:
            keys.add(f"{body}@{owner}")
    lower = _chamber_countries()["house of representatives"]
    return keys | {  # "the House" of the United States is its House of Representatives
        f"house of representatives@{key.partition('@')[2]}"
        for key in keys
        if key.partition("@")[0] == "house" and key.partition("@")[2] in lower
    }


# The countries with a chamber English reports call "the Senate", "the House" or "Congress" (and
# India, whose "Congress" is a party): a bare "Senate" in a report about a country without one
# ("Senate" beside "Saudi Arabia" in an American paper) is another country's.
_CHAMBER_COUNTRIES = {
    "senate": """united states|philippines|australia|canada|mexico|brazil|argentina|chile|
    colombia|italy|france|spain|poland|czech republic|romania|belgium|netherlands|ireland|
    nigeria|kenya|liberia|pakistan|thailand|cambodia|kazakhstan|jordan|egypt|haiti|
    dominican republic|paraguay|uruguay|bolivia|zimbabwe|burundi|cameroon|gabon|madagascar|
    rwanda|democratic republic of the congo|republic of the congo|ivory coast|jamaica|bahamas|
    barbados|belize|trinidad and tobago|antigua and barbuda|grenada|saint lucia|fiji|palau|
    puerto rico|japan|malaysia|switzerland|austria|slovenia|bosnia and herzegovina|india""",
    "congress": """united states|philippines|argentina|brazil|chile|colombia|peru|mexico|
    guatemala|honduras|paraguay|spain|micronesia|bolivia|dominican republic|ecuador|venezuela|
    india|puerto rico""",
    "house": """united states|australia|philippines|nigeria|japan|new zealand|libya|colombia|
    belgium|thailand|malta|fiji|jamaica|bahamas|barbados|belize|trinidad and tobago|cyprus|
    liberia|indonesia|egypt|jordan|morocco|ethiopia|uruguay|bosnia and herzegovina|
    united kingdom|canada|ireland|india|puerto rico|malaysia|iraq|yemen|bahrain|lebanon""",
}
# Those whose "House" is a House of Representatives (not the UK's, Canada's or India's Commons).
_CHAMBER_COUNTRIES["house of representatives"] = "|".join(
    country
    for country in _CHAMBER_COUNTRIES["house"].split("|")
    if country.strip() not in {"united kingdom", "canada", "ireland", "india", "lebanon", "bahrain"}
)


@lru_cache(maxsize=1)
def _chamber_countries() -> dict[str, frozenset[str]]:
    return {
        body: frozenset(_place_key(n.strip()) or n.strip() for n in names.split("|"))
        for body, names in _CHAMBER_COUNTRIES.items()
    }


def _countries_named(entities: Sequence[Entity]) -> set[str]:
    named = {_place_key(e.name) for e in entities if e.type == "place"}
    return {place for place in named if place is not None and gazetteer.is_country(place)}


def _library_country(per_article: Mapping[str, Sequence[Entity]]) -> str | None:
    """The country most of the library's articles name, if one is named in more than any other."""
    counts = Counter(c for entities in per_article.values() for c in _countries_named(entities))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _chamber_homes(
    entities: Sequence[Entity], home: str | None, library_home: str | None
) -> dict[str, str | None]:
    """Whose each bare chamber ("senate", "house", "congress") of an article is ("" for any other
    body: its home country): the home country's if it has one; else the one country the article
    names that has one ("Senate" beside Libya and the United States); else, in an article about a
    country without one, the library's country if it has one (American reports about Russia or
    Saudi Arabia: "the Senate", "Congress"). An article naming no country ("Senate" beside
    "Maine" alone: the state's) has none."""
    homes: dict[str, str | None] = {"": home}
    named = _countries_named(entities)
    for body, countries in _chamber_countries().items():
        having = named & countries
        if home is not None and home in countries:
            homes[body] = home
        elif len(having) == 1:
            homes[body] = having.pop()
        elif not having and home is not None and library_home in countries:
            homes[body] = library_home
        else:
            homes[body] = None
    return homes


def _qualified(key: str) -> list[tuple[str, str]]:
    """(whose, body) readings of an organisation's key: a place or a people's word first ("us
    senate", "tunisian parliament"), or "of" a place last ("parliament of serbia")."""
    words = key.split()
    readings: list[tuple[str, str]] = []
    for size in (1, 2, 3):
        if len(words) > size:
            first, rest = " ".join(words[:size]), " ".join(words[size:])
            if size == 1 and gazetteer.is_nationality_word(first):
                readings.append((first, rest))
            elif (place := _place_key(first)) is not None:
                readings.append((place, rest))
    if " of " in key:
        body, _of, place_name = key.rpartition(" of ")
        if (place := _place_key(place_name)) is not None:
            readings.append((place, body))
    return readings


def _place_key(name: str) -> str | None:
    """A place's key, written short or long ("u.s.", "us" and "united states" are one), if
    `name` is a place the gazetteer or the alias table knows."""
    found = listed(name)
    if found is not None:
        return canonical_key(found[0], "place") if found[1] == "place" else None
    return canonical_key(name, "place") if gazetteer.is_place(name) else None


def _home_country(entities: Sequence[Entity]) -> str | None:
    """The country an article is about: the place it names most often if that is a country (a
    country before a place named as often: "Nevada" twice and the United States twice), else
    the one country it names ("Texas" most often, and the United States: its House of
    Representatives is the country's); one naming no country, the one country its bodies'
    names say ("U.S. Senate"); else none (two countries tie)."""
    counts: Counter[str] = Counter()
    for entity in entities:
        if entity.type == "place":
            counts[_place_key(entity.name) or canonical_key(entity.name, "place")] += entity.count
    countries = {place: count for place, count in counts.items() if gazetteer.is_country(place)}
    if not countries:  # no country named: the one its bodies' names say ("U.S. Senate")
        said = {
            place
            for entity in entities
            if entity.type == "org"
            for alias in (entity.name, *entity.aliases)
            for place, rest in _qualified(canonical_key(alias, "org"))
            if _generic_body(rest) is not None and gazetteer.is_country(place)
        }
        return said.pop() if len(said) == 1 else None
    most = max(counts.values())
    first = [place for place, count in countries.items() if count == most]
    if len(first) == 1:
        return first[0]
    return next(iter(countries)) if len(countries) == 1 else None


def _facility_without_place(key: str) -> set[str]:
    """A clinic or centre is often named with its town first ("Malibu Promises Treatment
    Center"), a town too small for the gazetteer: its name without the first word, if that is
    still a facility's name of three words or more."""
    rest = key.split()[1:]
    return {" ".join(rest)} if len(rest) >= 3 and facility_key(" ".join(rest)) else set()


def _link_keys(entity: Entity) -> frozenset[str]:
    return _link_keys_of(entity.name, tuple(entity.aliases), entity.type)


@lru_cache(maxsize=16384)  # a comparison groups the same reports' entities three times
def _link_keys_of(name: str, aliases: tuple[str, ...], type: EntityType) -> frozenset[str]:
    """The keys an entity joins others by; none for a body every country has: it joins by
    `_body_keys` alone."""
    keys = entity_keys(name, aliases, type)
    linked = {f"{type}:{key}" for key in keys} | {k for k in keys if " " in k}
    if type in ("person", "place", "org") and _untyped_word(name):
        linked.add(f"word:{canonical_key(name, type)}")
    return frozenset(k for k in linked if _generic_body(k.split(":", 1)[-1]) is None)


def _untyped_word(name: str) -> bool:
    """A one-word name the model types now as a person, now as a place or an organisation
    ("Lohan", "Morningside"): the same thing in each, unless a gazetteer place or a listed name
    says which ("Jordan", "Ford")."""
    return (
        len(name.split()) == 1
        and not gazetteer.is_place(name)
        and not gazetteer.is_organisation(name)
        and listed(name) is None
    )


def voted_type(members: Sequence[tuple[str, Entity]]) -> EntityType:
    """The type of one real-world thing: its mentions vote ("Betty Ford" read once as a person
    is the Betty Ford Center the other mentions call an organisation)."""
    types: Counter[EntityType] = Counter()
    for _, entity in members:
        types[entity.type] += entity.count
    return types.most_common(1)[0][0]


def _library_entity(members: list[tuple[str, Entity]]) -> LibraryEntity:
    names = Counter(entity.name for _, entity in members)
    entity_type = voted_type(members)
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
