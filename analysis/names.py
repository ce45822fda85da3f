"""Names: the one place that decides when two ways of writing a name name the same thing.

Everything that compares names calls this module: entity extraction and the library merge
(`entities.py`), quote speakers (`quotes.py`), the comparison's entity lists (`compare.py`),
the index terms and the sidebar. Rules, in the order a careful reader applies them:

- Spelling never counts: case, accents, dots, apostrophes, possessives, hyphens, soft hyphens and
  zero-width characters, a leading "the" ("José Martí" == "Jose Marti", "U.N." == "UN").
- A person keeps no honorifics or titles ("President", "Sen.", "Mr."), no generational suffix
  ("Jr.", "III") and no middle initials ("Robert S. Mueller III" == "Robert Mueller").
- A person's surname keeps its particles ("al-Bashir", "bin Laden", "van Gogh"); "Omar Hassan
  al-Bashir" and "Omar al-Bashir" share first name and surname, so they are one person.
- A short form ("Mueller", "Mr. Kim", "Barack") names the full name it abbreviates; when several
  full names fit, `resolve_short_name` picks the one a reader would (see there).
- Acronyms are the initials of their expansion, function words skipped ("ICC" ==
  "International Criminal Court"); curated aliases come from analysis/aliases.json.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from kimreader.analysis.entity import EntityType

T = TypeVar("T")

# ---------------------------------------------------------------- spelling


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
# Invisible characters that split a word for a computer and not for a reader.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_POSSESSIVE_END = re.compile(r"(?:'s|(?<=s)')$")
_WEB_DOMAIN = re.compile(r"(?i)\.(?:com|org|net|co\.uk|com\.au)$")  # "Snopes.com" is Snopes
# British and American spellings of the words organisations are named with.
_SPELLINGS = {"centre": "center", "organisation": "organization", "defence": "defense",
              "programme": "program", "labour": "labor", "theatre": "theater"}  # fmt: skip
_KEY_DROP = re.compile(r"['.]")
_KEY_SPACE = re.compile(r"[^\w&]+")
# An acronym's letters written with spaces: "U. N.", "U. S. State Department" ("u n" -> "un").
_SPACED_LETTERS = re.compile(r"\b\w(?: \w\b)+")


@lru_cache(maxsize=65536)
def base_key(name: str) -> str:
    """Lower case, no accents, dots, apostrophes, possessive or leading 'the'; hyphens as spaces;
    an acronym's spaced letters together."""
    name = _WEB_DOMAIN.sub("", name.strip())
    text = unicodedata.normalize("NFKD", name.translate(_INVISIBLE).translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().strip()
    text = _POSSESSIVE_END.sub("", text)
    text = _KEY_SPACE.sub(" ", _KEY_DROP.sub("", text)).replace("_", " ").strip()
    if text.startswith("the "):
        text = text[4:]
    words = text.split()
    if any(word in _SPELLINGS for word in words):
        text = " ".join(_SPELLINGS.get(word, word) for word in words)
    if _SPACED_LETTERS.search(text):
        text = _SPACED_LETTERS.sub(lambda found: found.group().replace(" ", ""), text)
    return text


def clean_surface(surface: str) -> str:
    """A name as written, for display: invisible characters gone, whitespace folded."""
    return " ".join(surface.translate(_INVISIBLE).split())


# ---------------------------------------------------------------- curated data


@dataclass(frozen=True)
class AliasTable:
    """analysis/aliases.json: alias groups, outlets, titles and known non-entities, by key."""

    canonical: Mapping[str, tuple[str, EntityType]]  # key of any alias -> (name, type)
    organisations: frozenset[str]
    org_suffixes: frozenset[str]
    titles: tuple[tuple[str, ...], ...]  # longest first
    not_entities: frozenset[str]


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    raw = json.loads(
        resources.files("kimreader.analysis").joinpath("aliases.json").read_text("utf-8")
    )
    canonical: dict[str, tuple[str, EntityType]] = {}
    for group in raw["entities"]:
        for alias in (group["name"], *group["aliases"]):
            canonical[base_key(alias)] = (group["name"], group["type"])
    titles = sorted((tuple(base_key(t).split()) for t in raw["titles"]), key=len, reverse=True)
    return AliasTable(
        canonical=canonical,
        organisations=frozenset(base_key(name) for name in raw["organisations"]),
        org_suffixes=_with_maker_words(
            {base_key(s) for s in raw["organisation_suffixes"]} | COMPANY_FORMS
        ),
        titles=tuple(titles),
        not_entities=frozenset(base_key(name) for name in raw["not_entities"]),
    )


# Company forms that end a firm's name in other countries ("Védelmi Ipari Kft", "Siemens GmbH",
# "Arduino SRL"): an organisation whatever the words before, and the same firm as its name alone.
COMPANY_FORMS = frozenset("gmbh kft llp pty bhd sarl srl oyj".split())


# a maker's trade word before a company word is part of the suffix: "Ford" is the "Ford Motor
# Company" ("Motor Co.", "Motor Corporation"); never the trade word alone ("General" of
# "General Motors")
_MAKER_WORDS = ("motor",)
_COMPANY_WORDS = ("company", "co", "corp", "corporation")


def _with_maker_words(suffixes: set[str]) -> frozenset[str]:
    makers = {f"{maker} {word}" for maker in _MAKER_WORDS for word in _COMPANY_WORDS}
    return frozenset(suffixes | makers)


def listed(name: str) -> tuple[str, EntityType] | None:
    """(canonical name, type) when aliases.json lists this name or one of its aliases."""
    table = alias_table().canonical
    return table.get(base_key(name)) or table.get(canonical_key(name))


# ---------------------------------------------------------------- people's names

# Generational and honorific suffixes: "Robert S. Mueller III", "Martin Luther King Jr."
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "esq", "phd", "md"})
# Lower-case words that belong to the surname that follows: "al-Bashir", "bin Laden", "van Gogh".
PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "de", "da", "di", "du",
     "del", "dela", "della", "dos", "das", "la", "le", "ter", "ten", "st", "mac"}
)  # fmt: skip
# The particles written as a word of their own before the surname ("de Blasio", "dela Vega";
# "al" and "el" take a hyphen, "al-Bashir"; "st" and "mac" are written with the name).
WORD_PARTICLES = PARTICLES - {"al", "el", "st", "mac"}


def particle_alternatives(particles: Iterable[str] = PARTICLES) -> str:
    """Particles as a regular expression's alternatives ("al|bin|da|…"): each pattern that
    reads a particle before a surname builds its group here."""
    return "|".join(sorted(particles))


def strip_titles(words: list[str]) -> list[str]:
    """Key words without leading titles: ["president", "xi", "jinping"] -> ["xi", "jinping"]."""
    titles = _titles_by_first_word()
    stripped = True
    while stripped and words:
        stripped = False
        # Only the titles that start with this word can match (quotes ask this very often).
        for title in titles.get(words[0], ()):
            if len(words) > len(title) and tuple(words[: len(title)]) == title:
                words = words[len(title) :]
                stripped = True
                break
    return words


def is_title(word: str) -> bool:
    """A title of one word that may stand before a name: "Judge", "Pope", "Sen."."""
    return (base_key(word),) in _titles_by_first_word().get(base_key(word), ())


@lru_cache(maxsize=1)
def _titles_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The alias table's titles grouped by their first word, in the table's order."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for title in alias_table().titles:
        grouped.setdefault(title[0], []).append(title)
    return {first: tuple(group) for first, group in grouped.items()}


def _person_words(words: list[str]) -> list[str]:
    """Key words of a person's name without suffixes and middle initials."""
    while len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    if len(words) > 2:
        # Middle initials go; a leading initial goes too when a given name follows
        # ("K. Michael Conaway" is Michael Conaway); "J. K. Rowling" keeps hers.
        kept = [w for i, w in enumerate(words) if len(w) > 1 or i == len(words) - 1]
        if len(kept) >= 2:
            words = kept
    return words


def canonical_key(name: str, type: EntityType | None = None) -> str:
    """The comparison key of a name, also used for index terms: ("Mr. Kim's", "person") -> "kim".

    Spelling never counts (see `base_key`). Leading titles (President, Mr., Dr., ...) are dropped
    for people; with no type, only when two words remain, so "General Motors" stays itself.
    People also lose suffixes (Jr., III) and middle initials.
    """
    words = base_key(name).split()
    if type == "person" or type is None:
        without = strip_titles(words)
        if type == "person" or len(without) >= 2:
            words = without
    if type == "person":
        words = _person_words(words)
    return " ".join(words)


def surname(key: str) -> str:
    """The family-name part of a person key, particles included: "omar al bashir" -> "al bashir"."""
    words = key.split()
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    return " ".join(words[start:])


def given_and_surname(key: str) -> str:
    """First given name and surname of a person key: "omar hassan al bashir" -> "omar al bashir"."""
    words = key.split()
    last = surname(key)
    # Only a surname with particles marks where the given names end: "Moon Jae-in" is not
    # "Moon In", and "Moon Chung-in" is someone else.
    if len(words) < 3 or " " not in last or len(last.split()) >= len(words) - 1:
        return key
    return f"{words[0]} {last}"


def person_keys(name: str) -> set[str]:
    """Keys under which a person's full name meets its other full spellings.

    Middle names go ("Mark Jay Heller" is Mark Heller) unless the name is hyphenated: Korean given
    names are ("Moon Jae-in" is not "Moon In").
    """
    key = canonical_key(name, "person")
    words = key.split()
    if len(words) < 2:
        return {key}
    keys = {key, given_and_surname(key)}
    if len(words) > 2 and not re.search(r"[-‐]", name):
        keys.add(f"{words[0]} {words[-1]}")
    return keys


def abbreviates(full_key: str, short_key: str) -> bool:
    """Is `short_key` a shorter way of writing the person `full_key`?

    The first or last word(s) of the name ("Kim" of Kim Jong Un, "Mueller"), the surname with its
    particles ("al Bashir", "bin Laden") or without them ("Bashir"), or first and last words.
    """
    full, short = full_key.split(), short_key.split()
    n = len(short)
    if not short or n >= len(full):
        return False
    if full[:n] == short or full[-n:] == short or short_key == surname(full_key):
        return True
    return n == 2 and short == [full[0], full[-1]] or short_key in surnames_before_particles(full)


# Particles of Portuguese, Spanish and Italian names, between two surnames ("Lula da Silva").
_BETWEEN_SURNAMES = frozenset({"da", "das", "de", "dos", "del", "della", "di"})


def surnames_before_particles(words: Sequence[str]) -> set[str]:
    """The words of a full name of four words or more that stand before a particle and its
    surname: a first surname, which names the person alone ("Lula" of "Luiz Inacio Lula da
    Silva"); never the given name."""
    return {
        words[-n]
        for n in range(3, len(words))
        if words[-n + 1] in _BETWEEN_SURNAMES and words[-n] not in PARTICLES
    }


# ---------------------------------------------------------------- resolving a mention


def resolve_short_name(
    short_key: str,
    at: int,
    full_names: Mapping[str, int],
    recent_speakers: Iterable[tuple[int, str]] = (),
    attribution: bool = False,
) -> str | None:
    """The full person key that a short name written at offset `at` refers to, if any.

    `full_names` maps full person keys to the offset of their first mention. A short name shared
    by several people ("Kim") goes to the person introduced first (the article's subject), except
    in a quote attribution ("..., Kim said."), which goes to the speaker named Kim introduced
    most recently (`recent_speakers`: (offset, full key)): news style names a source in full once,
    then by family name. For many short names of one text, `FullNames(...).resolve`.
    """
    return FullNames(full_names, recent_speakers).resolve(short_key, at, attribution)


class FullNames:
    """An article's full person keys (key -> offset of its first mention) indexed by the short
    forms `abbreviates` accepts and by given name and surname, and the offsets of `recent_speakers`
    by key: `resolve_short_name` and `longer` (the first-introduced longer full name a key
    abbreviates or spells differently) for many names of one text (each read
    every full name: quadratic, 2,000 names joined by "and" took 7 s to extract)."""

    def __init__(
        self,
        full_names: Mapping[str, int],
        recent_speakers: Iterable[tuple[int, str]] = (),
        bare_uses: Mapping[str, Sequence[int]] | None = None,
        text: str = "",
    ) -> None:
        self.offsets = full_names
        # The text the offsets are in, for the honorifics written with its short names.
        self._text = text
        self._honorifics: dict[str, set[str]] | None = None  # short key -> "he"/"she" written
        # short key -> sorted offsets where the text uses it outside an attribution
        self._bare_uses = bare_uses or {}
        self._order = {full: index for index, full in enumerate(full_names)}
        # first or last words (the surname, particles included, among them), first and last word
        self._by_form: dict[str, list[str]] = {}
        self._by_given_and_surname: dict[str, list[str]] = {}
        for full in full_names:
            self._by_given_and_surname.setdefault(given_and_surname(full), []).append(full)
            words = full.split()
            if len(words) < 2:
                continue  # abbreviated by nothing
            if words[-1] in ("jr", "sr") and len(words) > 2:
                # a son told apart from his father (entities._juniors_apart): shortened only
                # with the suffix ("trump jr", "donald jr"), never as "donald trump" or "trump"
                forms = {" ".join(words[-n:]) for n in range(2, len(words))}
                forms.add(f"{words[0]} {words[-1]}")
            else:
                forms = {" ".join(words[:n]) for n in range(1, len(words))}
                forms |= {" ".join(words[-n:]) for n in range(1, len(words))}
                if len(words) > 2:
                    forms.add(f"{words[0]} {words[-1]}")
                forms |= surnames_before_particles(words)
            for form in forms:
                self._by_form.setdefault(form, []).append(full)
        self._spoken: dict[str, list[int]] = {}
        for offset, key in recent_speakers:
            self._spoken.setdefault(key, []).append(offset)
        for offsets in self._spoken.values():
            offsets.sort()

    def _in_order(self, keys: set[str]) -> list[str]:
        return sorted(keys, key=self._order.__getitem__)

    def abbreviated_by(self, short_key: str) -> list[str]:
        """The full keys `short_key` abbreviates (`abbreviates(full, short_key)`), in order."""
        found = set(self._by_form.get(" ".join(short_key.split()), ()))
        return self._in_order(found)

    def resolve(self, short_key: str, at: int, attribution: bool = False) -> str | None:
        """`resolve_short_name` of `short_key` written at `at`."""
        full_names = self.offsets
        candidates = self.abbreviated_by(short_key)
        if self._text:
            candidates = self._by_honorifics(candidates, short_key, at)
        if not candidates:
            return None
        earlier = [c for c in candidates if full_names[c] < at]
        if not earlier:
            return min(candidates, key=lambda c: full_names[c])
        if len(earlier) > 1 and attribution:
            recent = []  # the last time before `at` each one was introduced speaking
            uses = self._bare_uses.get(short_key, ())
            for key in earlier:
                offsets = self._spoken.get(key, [])
                before = bisect_left(offsets, at)
                # unless the text went on using the short name alone since: then it means the
                # one it names first ("McDermott had told his father, Creighton coach Greg
                # McDermott, …", then "McDermott let the news slip", then "…," McDermott said:
                # the son)
                if before and bisect_left(uses, at) == bisect_left(uses, offsets[before - 1]):
                    recent.append((offsets[before - 1], key))
            if recent:
                return max(recent)[1]
        return min(earlier, key=lambda c: full_names[c])

    def _by_honorifics(self, candidates: list[str], short_key: str, at: int) -> list[str]:
        """The candidates the honorifics leave: "Mrs. Clinton" is not Bill Clinton when the
        text names Hillary Clinton too; "Mr. Trump", a bare "Trump" or "President Trump" is not
        "Melania Trump" in a report that calls the president "President Trump" before it names
        "Melania Trump, the first lady" and calls him "Mr. Trump" throughout. A candidate of the
        other sex goes only when another one fits or when the short name was written before the
        candidate's full name (a surname written first, then a woman's full name, is not hers;
        "Salva Kiir", then "Mr. Kiir", is him, whatever the name dictionary says of "Salva"). A
        given name the dictionary does not give as male or female ("Kim", "Xi") decides
        nothing."""
        written = _honorific_at(self._text, at)
        if written:
            said = {written}
        else:
            if self._honorifics is None:
                self._honorifics = _honorific_uses(self._text)
            said = self._honorifics.get(short_key, set())
        if len(said) != 1:
            return candidates
        sexes = {c: given_name_pronoun(c.split()[0]) for c in candidates}
        fitting = [c for c in candidates if sexes[c] in ("", *said)]
        return [
            c
            for c in candidates
            if c in fitting or not fitting and not self._written_before(short_key, c, at)
        ]

    def _written_before(self, short_key: str, full_key: str, at: int) -> bool:
        """Whether the text writes the short name, as a name, before the full name's first
        mention (at `at` or earlier)."""
        first = self.offsets[full_key]
        if at < first:
            return True
        words = r"[\W_]+".join(map(re.escape, short_key.split()))
        return any(
            found.group()[:1].isupper()
            for found in re.finditer(rf"(?i)(?<!\w){words}(?!\w)", self._text[:first])
        )

    def longer(self, key: str) -> str | None:
        """The first-introduced longer full name that `key` abbreviates or spells differently:
        "Donald Trump" -> "Donald John Trump"; "Omar al-Bashir" -> "Omar Hassan al-Bashir"."""
        short_form = given_and_surname(key)
        found = set(self._by_form.get(" ".join(key.split()), ()))
        found.update(
            full for full in self._by_given_and_surname.get(short_form, ()) if short_form != full
        )
        longer = [
            full
            for full in self._in_order(found)
            if full != key and len(full.split()) >= len(key.split())
        ]
        return min(longer, key=lambda f: self.offsets[f]) if longer else None


# Honorifics that say a person's sex, written before a name: "Mr. Trump", "Mrs. May".
_HONORIFIC_SEX = {"mr": "he", "mister": "he", "mrs": "she", "ms": "she", "miss": "she",
                  "mme": "she", "madam": "she", "madame": "she"}  # fmt: skip
_HONORIFIC = r"\b(?P<honorific>Mr|Mister|Mrs|Ms|Miss|Mme|Madam|Madame)\b\.?[ \t]+"
_HONORIFIC_BEFORE = re.compile(_HONORIFIC + r"$")
_HONORIFIC_NAME = re.compile(_HONORIFIC + r"(?P<name>[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,2})")


def _honorific_at(text: str, at: int) -> str:
    """ "he" or "she" for a name at `at` written with an honorific that says so (the mention
    starting with it or right after it); "" otherwise."""
    found = _HONORIFIC_BEFORE.search(text, max(0, at - 10), at) or _HONORIFIC_NAME.match(text, at)
    return _HONORIFIC_SEX[found.group("honorific").lower()] if found else ""


def _honorific_uses(text: str) -> dict[str, set[str]]:
    """Short person key -> the sexes its honorifics say in the text ("Mr. Trump": "trump" ->
    {"he"}); a name of several words counts by its first words too ("Mr. Kim Jong Un")."""
    uses: dict[str, set[str]] = {}
    for found in _HONORIFIC_NAME.finditer(text):
        words = base_key(found.group("name")).split()
        for n in range(1, len(words) + 1):
            uses.setdefault(" ".join(words[:n]), set()).add(
                _HONORIFIC_SEX[found.group("honorific").lower()]
            )
    return uses


@lru_cache(maxsize=1)
def _name_genders() -> Callable[[str], str]:
    """gender-guesser's reading of a given name (its shipped name dictionary)."""
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False).get_gender


@lru_cache(maxsize=4096)
def given_name_pronoun(word: str) -> str:
    """ "he" or "she" for a given name the name dictionary gives as male or as female
    ("Melania", "Donald"); "" for one it gives as mostly one, as both, or does not know ("Kim",
    "Xi")."""
    gender = _name_genders()(word.strip(".,"))
    return "he" if gender == "male" else "she" if gender == "female" else ""


def display_name(surface: str, entity_type: EntityType) -> str:
    """A name as written, for display; a person's without titles or suffix commas.

    "President Xi Jinping" -> "Xi Jinping".
    """
    surface = clean_surface(surface)
    if entity_type != "person":
        return surface
    surface = surface.replace("[", "").replace("]", "")  # an editor's "Jerry [O'Connell]"
    words = surface.split()
    kept = strip_titles([base_key(word) for word in words])
    return " ".join(words[len(words) - len(kept) :]).rstrip(",")


# ---------------------------------------------------------------- acronyms

ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,10}$")
# The prepositions of FUNCTION_WORDS: "Ring of Fire", "On Tuesday".
PREPOSITIONS = frozenset("at by for from in of on to with".split())
# The small words a name or a title in title case leaves in lower case, an acronym skips and no
# maker's name ends with: "Ring of Fire", "Friends of Trump", "International Criminal Court".
FUNCTION_WORDS = (
    frozenset("a an and or the vs &".split())
    | PREPOSITIONS
    | frozenset("de des du da di von van der del la le".split())
)
# Conjunctions and demonstratives that open a sentence or a clause, no part of a name after them
# ("When Kim arrived", "But Kim said", "This Monday"): speakers' and attribution's openers.
CLAUSE_OPENERS = frozenset("but as after before since when while if this that these those".split())


def initials(words: Iterable[str]) -> str:
    """Upper-case initials of words, function words skipped, hyphenated parts counted; an
    acronym written with dots, or of two or three capitals, gives all its letters ("U.N. High
    Commissioner for Refugees": UNHCR; "U.S. Agency for International Development": USAID; "UN
    Relief and Works Agency": UNRWA)."""
    letters: list[str] = []
    for word in words:
        if word.lower() in FUNCTION_WORDS:
            continue
        if ACRONYM.match(word) and ("." in word or len(word) <= 3):
            letters.extend(ch for ch in word if ch.isalpha())
            continue
        letters.extend(part[0] for part in re.split(r"[-‐]", word) if part)
    return "".join(letters).upper()


def is_acronym_of(acronym: str, name: str) -> bool:
    """ "ICC" and "International Criminal Court"; "U.N." and "United Nations"."""
    letters = acronym.replace(".", "")
    return (
        bool(ACRONYM.match(acronym))
        and len(name.split()) >= 2
        and initials(clean_surface(name).split()) == letters
    )


# ---------------------------------------------------------------- organisations

# Words that make a name an organisation's full name: "Harvard" is short for "Harvard University".
ORG_TAILS = frozenset(
    """university college institute center clinic hospital school foundation group company corp
    inc co ltd llc plc agency news recovery museum council party magazine airlines
    airways""".split()
)


def org_forms(key: str, places: Container[str] = frozenset()) -> set[str]:
    """Other keys of one organisation: "department of x" <-> "x department"; the form without a
    leading place ("new zealand department of conservation"), a gazetteer place or one of
    `places` (the place keys the articles at hand name: "Malibu" is too small for the gazetteer),
    or without a leading listed organisation that runs it when three words or more are left ("UN
    Relief and Works Agency").
    """
    from kimreader.analysis.gazetteer import is_place  # data lookups live there

    words = key.split()
    forms = set()
    if len(words) >= 3 and words[1] == "of" and words[0] in ("department", "ministry", "office"):
        forms.add(" ".join([*words[2:], words[0]]))
    if len(words) >= 2 and words[-1] in ("department", "ministry", "office"):
        forms.add(" ".join([words[-1], "of", *words[:-1]]))
    for size in (1, 2):
        prefix = " ".join(words[:size])
        if len(words) > size + 1 and (prefix in places or is_place(prefix)):
            forms.add(" ".join(words[size:]))
        elif len(words) >= size + 3 and _owner(prefix):  # not "security council": too common
            forms.add(" ".join(words[size:]))
    forms.update(_with_country_spelled_out(words))
    return forms


def _owner(prefix: str) -> bool:
    """Whether a name's first words are a listed organisation ("un", "united nations")."""
    table = listed(prefix)
    return table is not None and table[1] == "org"


def _with_country_spelled_out(words: list[str]) -> set[str]:
    """A leading country or organisation written short is the one written out: "U.S. Geological
    Survey" and "US Geological Survey" are the "United States Geological Survey", "UN Relief and
    Works Agency" the "United Nations Relief and Works Agency" (aliases.json)."""
    for size in (1, 2):
        if len(words) > size:
            table = listed(" ".join(words[:size]))
            if table is not None and table[1] in ("place", "org"):
                spelled = base_key(table[0])
                if spelled != " ".join(words[:size]):
                    return {" ".join([spelled, *words[size:]])}
    return set()


# ---------------------------------------------------------------- places

# Words that name a place's kind around its name: "Gaza Strip" is Gaza, "Republic of South Sudan"
# is South Sudan. Not "state" or "city": "Washington state" is not Washington, D.C.
_PLACE_KIND_AFTER = frozenset(
    "strip province region governorate prefecture territory island islands sea ocean".split()
)
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
# Words that tell two parts of one place apart: "North Darfur" is not "South Darfur".
COMPASS_WORDS = frozenset(
    [*_COMPASS, *_COMPASS.values(), "northeast", "northwest", "southeast", "southwest",
     "northeastern", "northwestern", "southeastern", "southwestern", "central", "upper", "lower"]
)  # fmt: skip
_PLACE_KIND_BEFORE = ("republic of", "islamic republic of", "kingdom of", "province of")


def place_forms(key: str) -> set[str]:
    """Other keys of one place: its name without the word for its kind ("Sumatra Island"), and
    "South Kordofan" for "Southern Kordofan"."""
    words = key.split()
    forms = set()
    if len(words) >= 2 and words[0] in _COMPASS:
        forms.add(" ".join([_COMPASS[words[0]], *words[1:]]))
    if len(words) >= 2 and words[-1] in _PLACE_KIND_AFTER:
        forms.add(" ".join(words[:-1]))
    for before in _PLACE_KIND_BEFORE:
        if key.startswith(before + " "):
            forms.add(key[len(before) + 1 :])
    return forms


# Words a clinic or centre is named with, which reports vary freely: "Betty Ford Center", "Betty
# Ford Clinic" and "Betty Ford Treatment Center" are one clinic; "Morningside Recovery" is
# "Morningside Recovery Center".
FACILITY_TAILS = frozenset(
    "center clinic hospital facility rehab rehabilitation treatment recovery".split()
)


def facility_key(key: str) -> str | None:
    """The name of a clinic or centre without its facility words, keeping two words at least
    ("betty ford treatment center" -> "betty ford"; "morningside recovery center" ->
    "morningside recovery"), or None for a name that does not end in one."""
    words = key.split()
    if len(words) < 2 or words[-1] not in FACILITY_TAILS:
        return None
    while len(words) > 2 and words[-1] in FACILITY_TAILS:
        words = words[:-1]
    return " ".join(words)


def blends(surface: str, full_key: str) -> bool:
    """Is `surface` a nickname blended from the person's given name and surname ("LiLo" of
    Lindsay Lohan, "J.Lo" of Jennifer Lopez, "A-Rod" of Alex Rodriguez)?

    Only a written blend counts: a capital (or dot, or hyphen) inside the word marks where the
    surname's part starts, so a plain word ("Lilo") is never taken for one.
    """
    parts = _blend_parts(surface)
    words = full_key.split()
    if not could_blend(surface) or len(words) < 2:
        return False
    first, last = base_key(parts[0]), base_key(parts[1])
    family = surname(full_key).replace(" ", "")
    # Clipped, not whole: "DeSantis" is a surname with a particle, not "De(nnis) Santis".
    return (
        len(first + last) >= 3
        and words[0].startswith(first)
        and family.startswith(last)
        and len(last) < len(family)
    )


def could_blend(surface: str) -> bool:
    """Is `surface` written like a blended nickname (two parts, short): is `blends` worth asking?"""
    return len(_blend_parts(surface)) == 2 and len(surface) <= 12


def _blend_parts(surface: str) -> list[str]:
    return [p for p in re.split(r"[.\-‐]|(?<=[a-z])(?=[A-Z])", surface.strip()) if p]


def clips_given_name(short_key: str, full_key: str) -> bool:
    """Is `short_key` the person's given name clipped ("Chad" of Chadwick Boseman, "Alex" of
    Alexandra Ruiz)? Three letters at least; a whole given name is `abbreviates`'s."""
    words = full_key.split()
    return (
        len(words) >= 2
        and " " not in short_key
        and len(short_key) >= 3
        and words[0] != short_key
        and words[0].startswith(short_key)
    )


def short_org_of(short_key: str, full_key: str) -> bool:
    """Is `short_key` ("harvard", "morningside") the first word(s) of the organisation
    `full_key` ("harvard university", "morningside recovery") before a word like University?"""
    return " ".join(short_key.split()) in short_org_forms(full_key)


def short_org_forms(full_key: str) -> list[str]:
    """Every `short_org_of` the organisation `full_key`: its first word(s) before words like
    University only, longest first ("morningside recovery", "morningside" of "morningside
    recovery center")."""
    full = full_key.split()
    tails = ORG_TAILS | FACILITY_TAILS
    forms: list[str] = []
    for n in range(len(full) - 1, 0, -1):
        if full[n] not in tails:
            break
        forms.append(" ".join(full[:n]))
    return forms


def sole_owner(matches: Iterable[T]) -> T | None:
    """The one owner of all matches (a short name is resolved only when unambiguous)."""
    owners = set(matches)
    return owners.pop() if len(owners) == 1 else None


# ---------------------------------------------------------------- matching entities


def entity_keys(name: str, aliases: Iterable[str], type: EntityType) -> set[str]:
    """Keys that identify an entity across articles: its name and its unambiguous aliases.

    A one-word person alias ("Kim") is left out: it would join Kim Jong Un and Kim Byung-yeon.
    A curated alias counts under its canonical name, so "UN" meets "United Nations".
    """
    keys: set[str] = set()
    for alias in (name, *aliases):
        table = listed(alias)
        key = canonical_key(table[0], type) if table else canonical_key(alias, type)
        if not key:
            continue
        if type == "person":
            if len(key.split()) >= 2:
                keys.update(person_keys(alias))
            elif alias == name:
                keys.add(key)
        else:
            keys.add(key)
            if type == "place":
                keys.update(place_forms(key))
            if type == "org":
                keys.update(org_forms(key))
                facility = facility_key(key)
                if facility is not None:
                    keys.add(f"{facility} (facility)")
    return keys


def same_entity(
    a_name: str, a_aliases: Iterable[str], b_name: str, b_aliases: Iterable[str], type: EntityType
) -> bool:
    """Do two entities of one type name the same thing (by name or an unambiguous alias)?"""
    return bool(entity_keys(a_name, a_aliases, type) & entity_keys(b_name, b_aliases, type))
