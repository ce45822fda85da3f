"""A mention's type from evidence in the text and shipped data, whatever the model's label.

Evidence, strongest first: a description right after the name (", an al-Qaeda-linked
organization", ", which"), a listed organisation or product, a title before the name, a head
word ("... Institute", "... Island"), a word of where before it ("downtown Tunis"), and the
other names of a list it stands in. analysis/mentions.py asks these of each mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kimreader.analysis import gazetteer
from kimreader.analysis.entity import EntityType
from kimreader.analysis.names import (
    COMPANY_FORMS,
    base_key,
    canonical_key,
    is_title,
    listed,
)
from kimreader.analysis.timeline import is_month_or_day

if TYPE_CHECKING:
    from kimreader.analysis.mentions import Mention

_STRONG_TITLES = frozenset(
    "mr mrs ms miss dr sen senator rep gov governor president "
    "chancellor pope king queen prince princess judge justice sheikh gen".split()
) | frozenset({"vice president", "prime minister", "president elect", "first lady"})
ORG_HEADS = frozenset(
    """university college academy institute project council committee commission agency
    ministry department party association foundation corporation company inc corp
    ltd llc plc group bank court police center centre clinic rehab museum school
    hospital library society union federation league authority board bureau network magazine
    journal press club church army navy brotherhood organization organisation fund
    trust labs laboratories studios games media airlines airways motors technologies
    systems parliament assembly congress senate government service force guard office alliance
    express air mosque temple synagogue cathedral
    comics records entertainment pictures productions publishing broadcasting theater gallery
    orchestra partners holdings ventures cooperation herald tribune gazette chronicle inquirer
    courier examiner telecom telecoms communications""".split()
).union(COMPANY_FORMS)  # "Védelmi Ipari Kft": a company form makes an organisation
PLACE_HEADS = frozenset(
    """island islands beach river mountain mountains sea ocean street avenue square valley lake bay
    county province region district peninsula coast strait gulf desert canyon falls city airport
    bridge road terminal locks passage estuary harbour harbor lagoon reef glacier""".split()
)


# A military unit named by its number: "18th Military Police Brigade", "256th Brigade Combat
# Team", "5th Space Launch Squadron", "1st Marine Expeditionary Force", "First Battalion".
# At most five words between (unbounded, a run of "First First …" took quadratic time).
_UNIT_HEADS = (
    "Battalion|Brigade|Squadron|Wing|Division|Regiment|Infantry|Cavalry|Corps|Fleet|Flotilla|"
    "Battery|Combat Team|Expeditionary Force|Task Force|Army|Airborne|Marines|Command"
)
NUMBERED_UNIT = re.compile(
    r"(?<![\w-])(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|"
    r"Ninth|Tenth)(?:[ \t](?:[A-Z][a-z]+|[A-Z]{2,5})){0,5}[ \t](?:" + _UNIT_HEADS + r")(?![\w-])"
)


def is_numbered_unit(name: str) -> bool:
    """ "16th MP Brigade", "307th Psychological Operations Battalion": a unit by its number,
    an organisation though its name has digits; a court by its circuit's number too."""
    return (
        NUMBERED_UNIT.fullmatch(name.strip()) is not None
        or _COURT_OF_A_NUMBERED_CIRCUIT.fullmatch(name.strip()) is not None
    )


# "U.S. Court of Appeals for the 9th Circuit": a court named by its circuit's number.
_COURT_OF_A_NUMBERED_CIRCUIT = re.compile(
    r"[A-Z][\w.'’ \t-]{0,60}\bCourt[\w'’ \t-]{0,40}[ \t]\d{1,2}(?:st|nd|rd|th)[ \t]+Circuit"
)


_SAID_HE_OR_SHE = re.compile(
    r"[ \t]+(?:said|says|told\s+\w+|added|claimed|insisted)[ \t]+(?:that[ \t]+)?(?:he|she)\b"
)
# Words that name a place's kind, even after what the model took for a person's name.
_PLACE_KINDS = frozenset(
    """prefecture province region county district governorate peninsula islands strait oblast
    parish reservation""".split()
)
# Words that name a place's kind before its name: "County Mayo", "Lake Titicaca", "Mount
# Kenya", "Rio Grande".
_PLACE_KINDS_FIRST = frozenset(
    "county lake mount mt rio place avenue rue boulevard cap cape fort port isle".split()
)
# "a 24-year-old man from Penrith": where a person comes from.
_FROM_AFTER_A_RESIDENT = re.compile(
    r"\b(?:m[ae]n|wom[ae]n|boy|girl|residents?|natives?|couple|family|teenager)[ \t]+from[ \t]+$"
)
# "Anna Wintour, editor of Vogue": what a person edits, founds or directs is an organisation
# (or a place the gazetteer has: "mayor of London" is no such word).
_MEMBER_OF_BEFORE = re.compile(
    r"\b(?:editor|publisher|founder|co-founder|ceo|chairman|chairwoman|director|"
    r"secretary-general|spokes(?:man|woman|person)|member|employee)[ \t]+(?:of|at)[ \t]+"
    r"(?:the[ \t]+)?$"
)
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
# A place's office or level of government after its name: "Chelyabinsk regional Deputy
# Governor", "Chelyabinsk's governor", "the Moscow city mayor".
_OFFICE_OF_A_PLACE_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:(?:regional|provincial|municipal|city|oblast)[ \t]+)?"
    r"(?:(?:[Dd]eputy|[Vv]ice|[Aa]cting)[ \t]+)?(?:[Gg]overnor|[Mm]ayor)\b"
    r"|[ \t]+(?:regional|provincial|municipal)\b"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|an?)[ \t]+$")


def _what_a_person_works_for(text: str, mention: Mention) -> bool:
    """ "editor of Vogue"; not "director of North Asia analysis", where the name describes."""
    return (
        mention.label != "PERSON"
        and _MEMBER_OF_BEFORE.search(text, max(0, mention.start - 24), mention.start) is not None
        and _LOWER_WORD_AFTER.match(text, mention.end) is None
    )


_STORMS = frozenset("hurricane typhoon cyclone storm".split())
# A storm's kind may come with a word of its strength: "Tropical Storm Barry", "Super Typhoon".
_STORM_QUALIFIERS = frozenset("tropical subtropical post-tropical super severe".split())
_STORM_QUALIFIER_BEFORE = re.compile(rf"(?i)\b(?:{'|'.join(sorted(_STORM_QUALIFIERS))})[ \t]+\Z")
_POSSESSIVE_IN = re.compile(r"\w['’]s?\b")
_EVENT_ENDS = frozenset(
    "day eve cup championship championships olympics festival summit awards marathon".split()
)


def _given_not_title(word: str) -> bool:
    """ "Gamal" of "Imam Gamal Fouda"; not "General" of "Inspector-General of ..."."""
    return gazetteer.is_given_name(word) and not is_title(word)


def storm_name(words: list[str]) -> str | None:
    """The name of the storm a name's words (base_key's) name: "humberto" of "Tropical Storm
    Humberto", "Hurricane Dorian", "Typhoon Haiyan"; a storm's kind, maybe after a word of its
    strength, and one word."""
    rest = words[1:] if words and words[0] in _STORM_QUALIFIERS else words
    return rest[1] if len(rest) == 2 and rest[0] in _STORMS else None


def _names_a_storm(text: str, mention: Mention, words: list[str]) -> bool:
    """ "Hurricane Dorian", "Tropical Storm Chantal", and "Storm Barry" the model cut from
    "Tropical Storm Barry": a storm, though "Storm" and "Barry" are given names."""
    if storm_name(words) is None:
        return False
    return words[0] != "storm" or (
        _STORM_QUALIFIER_BEFORE.search(text, max(0, mention.start - 16), mention.start) is not None
    )


def storms_named_alone(mentions: list[Mention]) -> None:
    """ "Hurricane Dorian ... Dorian reached the Bahamas", "Hurricane Lorenzo ... Storm
    Lorenzo": the name of a storm the article names by its kind is the storm, an event, also
    alone or with another kind ("Tropical Storm Humberto", then "Hurricane Humberto"): one
    event, not the person or organisation the model reads its given name as."""
    storms: dict[str, str] = {}
    for mention in mentions:
        name = storm_name(base_key(mention.surface).split()) if mention.type == "event" else None
        if name is not None:
            storms.setdefault(name, mention.key)
    if not storms:
        return
    for mention in mentions:
        if mention.table_name is not None:
            continue
        words = base_key(mention.surface).split()
        name = words[0] if len(words) == 1 else storm_name(words)
        if name in storms:
            mention.type, mention.key = "event", storms[name]


def _names_an_event(words: list[str], surface: str) -> bool:
    """ "International Women's Day", "Rugby World Cup", "Typhoon Hagibis", "Valentine's Day",
    "Martin Luther King Jr. Day"; not "Doris Day" (a given name and one word)."""
    if len(words) < 2:
        return False
    if (
        _starts_with_given_name(surface)
        and len(surface.split()) == 2
        and not _POSSESSIVE_IN.search(surface)
    ):
        return False
    return words[-1] in _EVENT_ENDS or words[0] in _STORMS


# Kin after a possessive: "Qandeel Baloch's brother" names a person.
# "the Bush administration", "the Bush and Obama administrations"
_ADMINISTRATION_AFTER = re.compile(
    r"(?:['’]s)?(?:(?:,|[ \t]+and)[ \t]+[A-Z][\w'’-]+(?:['’]s)?)*[ \t]+"
    r"(?:administrations?|presidency|presidencies)\b"
)
_KIN_AFTER = re.compile(
    r"['’]s[ \t]+(?:brother|sister|wife|husband|son|daughter|mother|father|parents|widow|"
    r"widower|girlfriend|boyfriend|fianc[eé]e?|uncle|aunt|cousin|nephew|niece|grandson|"
    r"granddaughter|grandmother|grandfather|stepfather|stepmother|siblings|funeral)\b"
)
# A last word in capitals that is no suffix or credential of a person ("III", "Jr", "MD").
_TITLE_WORDS = frozenset(word for title in _STRONG_TITLES for word in title.split()) | {"the"}
_PRODUCT_CODE = re.compile(r"\s(?!(?:[IVX]+|MD|PHD|JR|SR|QC|KC|MP|CEO)\b)[A-Z]{1,5}$")


# A lower-case word of where before a name makes it a place.
_WHERE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:north|south)(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?|central|downtown|"
    r"rural|suburban|coastal|inland|mainland|upstate|uptown)[ \t]+$"
)

# "the town of Talodi", "the regional capital of Kyzyl", "the provinces of Southern Kordofan and
# Blue Nile": a lower-case word for a place and "of" before a name (or before the name it is
# listed with) make it a place ("the border states of"). Not "state of": "the state of Trump's
# health".
_PLACE_OF = re.compile(
    r"\b(?:provinces?|states|towns?|cit(?:y|ies)|villages?|regions?|capital|districts?|"
    r"count(?:y|ies)|islands?|republic|kingdom|governorate|prefecture|suburbs?|neighbou?rhoods?|"
    r"mayors?|outskirts|inhabitants)"
    r"[ \t]+of[ \t]+"
    r"(?:(?:[A-Z][\w'’-]*[ \t]+)+and[ \t]+)?$"
    r"|\b(?:city|town|village|capital),[ \t]+$"  # "Gaza's second largest city, Khan Younis"
)
# "the remote Russian Tuva region", "Unity state", "the Kīlauea volcano", "the Jabaliya refugee
# camp": a lower-case word for a place right after a name (not "the Kremlin state media", "a Xi
# state visit"; a camp only after one the model did not take for a person: "the Trump camp" is
# his); "area of", "district of", "region of", "province of" too: "the Karol Bagh area of Delhi".
_PLACE_NOUN_AFTER = re.compile(
    r"[ \t]+(?:region|province|state|district|county|village|area|volcano|river|lake|island|"
    r"peninsula|valley|desert|(?:oil|gas)[ \t]+fields?|oilfields?|gasfields?)\b"
    r"(?![ \t]+(?:media|visit|dinner|television|tv|funeral|secrets?|department|of)\b)"
    r"|[ \t]+(?:area|district|region|province)[ \t]+of[ \t]+"  # "the Karol Bagh area of Delhi"
)
# "a 36-year-old Cheltenham man": a gazetteer place before a word for who lives there.
_RESIDENT_AFTER = re.compile(
    r"[ \t]+(?:m[ae]n|wom[ae]n|residents?|natives?|couple|family|teenager|boy|girl)\b"
)
# "A Spiro man", "a 57-year-old Wasilla woman": a small town before a word for one who lives
# there ("the Daya family" is a surname's).
_ONE_RESIDENT_AFTER = re.compile(r"[ \t]+(?:m[ae]n|wom[ae]n|residents?|natives?)\b")
_CAMP_AFTER = re.compile(r"[ \t]+(?:refugee[ \t]+)?camp\b")


def _place_cue(text: str, mention: Mention) -> bool:
    """Words around a name that make it a place: "eastern Northland", "downtown Tunis", "the
    town of Talodi", "the Tuva region"."""
    return _place_cue_at(text, mention.start, mention.end) or (
        mention.label != "PERSON" and _CAMP_AFTER.match(text, mention.end) is not None
    )


# "our biggest island Crete", "the port city Tartus": a lower-case word for a place right before
# a name; "160 km east of Riyadh", "north of Bermuda": a direction and "of".
_PLACE_KIND_BEFORE = re.compile(
    r"(?<![\w-])(?:island|town|village|city|province|region|port)[ \t]+$"
    r"|(?<![\w-])(?:(?:north|south)(?:east|west)?|east|west)[ \t]+of[ \t]+$"
)


def _place_cue_at(text: str, start: int, end: int) -> bool:
    return bool(
        _WHERE_BEFORE.search(text, max(0, start - 16), start)
        or _PLACE_KIND_BEFORE.search(text, max(0, start - 24), start)
        or _PLACE_OF.search(text, max(0, start - 80), start)
        or _PLACE_NOUN_AFTER.match(text, end)
    )


_IN_RIGHT_BEFORE = re.compile(r"\bin[ \t]+$")
_IN_BEFORE = re.compile(r"\b(?:in|at|from|near)[ \t]+$")
_LARGER_PLACE_AFTER = re.compile(
    r",[ \t]+(?:(?:(?:north|south)(?:east|west)?|east|west)(?:ern)?[ \t]+|central[ \t]+)?"
    r"([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
)

_PART_OF_PLACE_AFTER = re.compile(
    r"[ \t]+in[ \t]+the[ \t]+(?:centre|center|heart|middle|outskirts|"
    r"(?:north|south)(?:east|west)?|east|west)[ \t]+of[ \t]+([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)"
)


def _in_a_larger_place(text: str, mention: Mention) -> bool:
    """ "in Gao, northern Mali", "at Multan, Pakistan", "in Maidan Shahr in the centre of
    Afghanistan's ...": a name after "in" and before a gazetteer place it is in is a place (not
    "John Smith" of a given name)."""
    if not _IN_BEFORE.search(text, max(0, mention.start - 8), mention.start):
        return False
    larger = _LARGER_PLACE_AFTER.match(text, mention.end) or _PART_OF_PLACE_AFTER.match(
        text, mention.end
    )
    return (
        larger is not None
        and gazetteer.is_place(larger.group(1))
        and not _starts_with_given_name(mention.surface)
    )


def _written_as_a_place(text: str, surface: str) -> bool:
    """Somewhere in the text, also where the model tagged nothing, the name has a place's cue
    ("over the remote Russian Tuva region")."""
    return any(
        _place_cue_at(text, found.start(), found.end())
        for found in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text)
    )


def type_evidence(text: str, mention: Mention) -> EntityType | None:
    """A type the text or shipped data shows, whatever the model's label: first listed names
    and the words around the name (`_cue_evidence`), then the name's own words and the
    gazetteer (`_name_evidence`)."""
    if mention.type in ("date", "event"):
        return None
    words = base_key(mention.surface).split()
    if _names_a_storm(text, mention, words):
        return "event"
    return _cue_evidence(text, mention, words) or _name_evidence(text, mention, words)


def _title_and_surname_named_in_full(text: str, mention: Mention, words: list[str]) -> bool:
    """A full name and a title before its last word, both in the article: "Yanis Varoufakis"
    and "Professor Varoufakis" are the person, whatever the model read of either; not a
    place's saint or fort, nor a name with an organisation's or a place's head word ("General
    Motors"), nor a listed place or organisation."""
    surfaces = mention.surface.split()
    if len(words) != 2 or len(surfaces) != 2 or words[0] in _PLACE_NAME_TITLES:
        return False
    if any(w in ORG_HEADS or w in PLACE_HEADS for w in words):
        return False
    if gazetteer.is_place(mention.surface) or gazetteer.is_organisation(mention.surface):
        return False
    surname = surfaces[-1]
    if not re.fullmatch(r"[A-Z][\w'’-]+", surname) or gazetteer.is_given_name(surname):
        return False  # "Leader Bill Shorten" says nothing of a "Data Retention Bill"
    titled = is_title(words[0])
    pattern = r"\b([A-Z][\w'’-]*)\.?[ \t]+" + re.escape(surname) + r"\b(?![ \t]+[A-Z])"
    for before in re.finditer(pattern, text):
        word = before.group(1)
        if word.lower() in ("the", "a", "an") or word in surfaces[:-1]:
            continue
        if titled != is_title(word) and word.lower() not in _PLACE_NAME_TITLES:
            return True  # the other form: a full name for a titled one, a title for a full one
    return False


_PLACE_NAME_TITLES = frozenset({"saint", "st", "san", "santa", "sao", "fort", "mount", "lake"})


def _cue_evidence(text: str, mention: Mention, words: list[str]) -> EntityType | None:
    """A listed organisation or product ("Firefox", "Verizon"), a title before a name ("Sen.",
    "President-elect"), kin or "said he" after it, an event's words, a product's model code, a
    word for a person or for an organisation before it."""
    before = base_key(text[max(0, mention.start - 24) : mention.start]).split()
    # "Justice Kennedy", not "the Supreme Court of Justice (Oberster Gerichtshof)"
    titled = _WORD_RIGHT_BEFORE.search(
        text, max(0, mention.start - 24), mention.start
    ) is not None and any(
        " ".join(before[-n:]) in _STRONG_TITLES for n in (1, 2) if len(before) >= n
    )
    if gazetteer.is_organisation(mention.surface):
        return "person" if titled and mention.label == "PERSON" else "org"
    if titled or (len(words) > 1 and words[0] in _STRONG_TITLES and mention.label != "ORG"):
        return "person"
    if len(words) > 2 and is_title(words[0]) and _given_not_title(words[1]):
        return "person"  # "Imam Gamal Fouda" the model read as an organisation
    if _title_and_surname_named_in_full(text, mention, words):
        return "person"  # "Professor Varoufakis" after "Yanis Varoufakis"
    if (
        mention.label == "ORG"
        and gazetteer.is_place(mention.surface)
        and _ARTICLE_BEFORE.search(text, max(0, mention.start - 6), mention.start)
        and _LOWER_WORD_AFTER.match(text, mention.end)
    ):
        return "place"  # "the Christchurch mosque shootings"; not "Downey said"
    if (
        mention.label == "ORG"
        and _OFFICE_OF_A_PLACE_AFTER.match(text, mention.end)
        and gazetteer.is_place(mention.surface)
        and not gazetteer.is_organisation(mention.surface)
    ):
        return "place"  # "Chelyabinsk regional Deputy Governor", "Chelyabinsk's governor"
    if (
        mention.label == "ORG"
        and _IN_RIGHT_BEFORE.search(text, max(0, mention.start - 4), mention.start)
        and gazetteer.is_place(mention.surface)
        and not gazetteer.is_organisation(mention.surface)
    ):
        return "place"  # "an assault in Ghazni in August"
    if _KIN_AFTER.match(text, mention.end) and not gazetteer.is_place(mention.surface):
        return "person"  # "Qandeel Baloch's brother"
    if (
        _ADMINISTRATION_AFTER.match(text, mention.end)
        and len(words) == 1
        and mention.surface.istitle()
        and not gazetteer.is_country(mention.surface)
        and not gazetteer.is_nationality_word(mention.surface)
        and not gazetteer.is_organisation(mention.surface)
    ):
        return "person"  # "the Bush administration", though a gazetteer has a place Bush
    if (
        _SAID_HE_OR_SHE.match(text, mention.end)
        and words[-1].lower() not in ORG_HEADS | PLACE_HEADS
        and not gazetteer.is_place(mention.surface)
    ):
        # "Trump said he could", not "Google said it would"; a place or a body speaking about
        # a man is no person ("Russia said he was a spy", "Downing Street said he was well").
        return "person"
    if _names_an_event(words, mention.surface):
        return "event"
    if (
        mention.label == "PERSON"
        and _PRODUCT_CODE.search(mention.surface)
        and not _given_name_and_initial(mention.surface)
    ):
        return "org"  # "Polaris GPU", "Galaxy S": a product's model code, not a person's name
    if (
        mention.label != "ORG"  # "investor Sequoia Capital"
        and _person_word_before(text, mention.start)
        and not gazetteer.is_place(mention.surface)
    ):
        return "person"  # "said disaster agency official Fauzi"
    if (
        mention.label == "ORG"
        and text.startswith(",", mention.end)
        and _person_described_before(text, mention.start)
        and not any(word in ORG_HEADS for word in words)
        and not gazetteer.is_place(mention.surface)
        and (len(words) > 1 or gazetteer.is_given_name(mention.surface))
    ):
        return "person"  # "The current president of Namibia, Hage Geingob, expressed"
    if _org_word_before(text, mention.start, mention.end) and not (
        gazetteer.is_given_name(words[0]) or gazetteer.is_place(mention.surface)
    ):
        return "org"  # "the Florida company Ridgeback Biotherapeutics" the model read as a person
    return None


_WORD_RIGHT_BEFORE = re.compile(r"\w\.?[ \t]+\Z")
# Plural words that end places' names ("Golan Heights", "Florida Keys", "Palm Springs").
_PLACE_PLURALS = frozenset(
    """heights keys springs hills lakes woods plains highlands lowlands rapids shoals pines
    gardens meadows oaks palms sands narrows fields flats""".split()
)


_CAPITALS_AFTER = re.compile(r"[ \t]+[A-Z]{2,}\b")
_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+\Z")


def _one_word_in_capitals(text: str, mention: Mention) -> bool:
    """One word in capitals the model read as a person, in a line that is not all capitals
    (a byline's or a headline's "OBAMA"), nor next to another word in capitals ("BY MIKE
    WENDLAND"), nor a transcript's speaker ("BOUCHER: Well, ...")."""
    surface = mention.surface
    if mention.label != "PERSON" or " " in surface or len(surface) < 3 or not surface.isalpha():
        return False
    if not surface.isupper() or text.startswith(":", mention.end):
        return False
    if _CAPITALS_AFTER.match(text, mention.end) or _CAPITALS_BEFORE.search(
        text, max(0, mention.start - 30), mention.start
    ):
        return False  # "BY MIKE WENDLAND": a name in capitals
    from kimreader.analysis.junk import line_has_lower_case  # (junk imports this module)

    return line_has_lower_case(text, mention.start)  # one word of its own: one line


def _a_plural_after_the(text: str, surface: str) -> bool:
    """One capitalised plural the text writes after "the" ("the Jaguars", "the Bucs"): a team,
    a band, a family; no person's name."""
    if " " in surface or not _PLURAL.fullmatch(surface):
        return False
    if gazetteer.is_given_name(surface) or gazetteer.is_place(surface):
        return False  # "the Paris agreement"
    for before in re.finditer(
        rf"(?:(?<![\w.])[A-Z]\.|\b([A-Z][a-z]+))[ \t]+{re.escape(surface)}\b", text
    ):
        word = before.group(1)
        if word is None or (word.lower() != "the" and gazetteer.is_given_name(word)):
            return False  # "Phil Collins", then "the Collins campaign": a surname
    return re.search(rf"\b[Tt]he[ \t]+{re.escape(surface)}\b", text) is not None


_PLURAL = re.compile(r"[A-Z][a-z]{2,}(?<![siu])s")


def is_team_name(words: list[str], text: str) -> bool:
    """A place and a capitalised plural: a club or a team ("Kansas City Chiefs", "Philadelphia
    Eagles"); not a place of the gazetteer ("Palm Springs"), nor a place's plural ("Golan
    Heights"). A given name first or a given name's plural ("Dallas Cowboys", "Indianapolis
    Colts"; a person may be "Jordan Peters", "Dallas Hawkins") only when the text writes the
    plural after "the" ("the Colts"): no one writes a person's surname so."""
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].isupper():
        return False
    last = words[-1].lower()
    if not last.endswith("s") or last.endswith(("ss", "us", "is")) or len(last) < 4:
        return False
    if last in _PLACE_PLURALS or last in PLACE_HEADS or last in ORG_HEADS:
        return False
    place = " ".join(words[:-1])
    if not gazetteer.is_place(place) or gazetteer.is_place(" ".join(words)):
        return False
    if gazetteer.is_given_name(words[0]) or gazetteer.is_given_name(words[-1][:-1]):
        return re.search(rf"\b[Tt]he[ \t]+{re.escape(words[-1])}\b", text) is not None
    return True


# The last words of newspapers' and outlets' names ("Washington Post", "Alaska Dispatch").
_OUTLET_HEADS = frozenset(
    """post times news journal daily star sun mail telegraph guardian observer independent
    mirror record globe register standard dispatch bulletin review monitor reporter today
    chronicle herald tribune gazette courier examiner inquirer""".split()
)
_THE_RIGHT_BEFORE = re.compile(r"\b[Tt]he[ \t]+\Z")


def _an_outlet_after_the(text: str, mention: Mention, words: list[str]) -> bool:
    """A name of two or three words after "the", ending in a newspaper's word ("told The
    Christian Post", "the Alaska Dispatch"): no one writes "the" before a person's name, so
    "Post" is the paper's, not Emily Post's surname."""
    return (
        2 <= len(words) <= 3
        and words[-1] in _OUTLET_HEADS
        and mention.surface.split()[-1][:1].isupper()
        and _THE_RIGHT_BEFORE.search(text, max(0, mention.start - 5), mention.start) is not None
    )


def _given_name_and_initial(surface: str) -> bool:
    """ "Stefan W": a given name and its surname's initial (a suspect the press may not name)."""
    words = surface.split()
    return len(words) == 2 and len(words[1].rstrip(".")) == 1 and gazetteer.is_given_name(words[0])


def _name_evidence(text: str, mention: Mention, words: list[str]) -> EntityType | None:
    """A gazetteer place of several words, a place's or an organisation's head word ("...
    Island", "... Institute"), a place's cue around the name, what a person works for, a listed
    company's name first in what the model took for a place ("Yahoo Japan"), a given name
    first, a gazetteer place the model also took for a place, a country whatever its label."""
    if _one_word_in_capitals(text, mention):
        return "org"  # "SEACOM said today", "GAIL" read as people: a company's or a body's name
    if _an_outlet_after_the(text, mention, words):
        return "org"  # "told The Christian Post", read as a person
    if is_team_name(mention.surface.split(), text) or (
        mention.label == "PERSON" and _a_plural_after_the(text, mention.surface)
    ):
        return "org"  # "Jacksonville Jaguars", "Seattle Seahawks", "the Jaguars" read as people
    if (
        len(words) > 1
        and mention.label == "PERSON"
        and gazetteer.is_place(mention.surface)
        and not gazetteer.is_given_name(words[0])
    ):
        return "place"  # "in Banda Aceh"; "Charlotte Church" starts with a given name
    if words and (
        words[-1] in _PLACE_KINDS
        or words[-1] in PLACE_HEADS
        and (mention.label != "PERSON" or len(words) > 1 and not gazetteer.is_given_name(words[0]))
    ):
        return "place"  # "Kanagawa Prefecture", "Mueller Glacier"; not "Ricki Lake", "Michael Bay"
    if (
        len(words) > 1
        and words[0] in _PLACE_KINDS_FIRST
        and not any(word in ORG_HEADS for word in words)
    ):
        return "place"  # "County Mayo" read as a person; not "Mount Sinai Hospital"
    if mention.label == "ORG" and len(words) > 1 and words[-1] in ORG_HEADS:
        return (
            "org"  # "the central Interior Ministry", "in Christchurch District Court, New Zealand"
        )
    if (
        _place_cue(text, mention)
        or (_RESIDENT_AFTER.match(text, mention.end) and gazetteer.is_place(mention.surface))
        or (
            _ONE_RESIDENT_AFTER.match(text, mention.end)
            and gazetteer.is_small_place(mention.surface)
        )
        or _FROM_AFTER_A_RESIDENT.search(text, max(0, mention.start - 24), mention.start)
        or _in_a_larger_place(text, mention)
    ):
        return "place"
    if _what_a_person_works_for(text, mention):
        return "place" if gazetteer.is_place(mention.surface) else "org"  # "editor of Vogue"
    if (
        len(words) > 1
        and mention.label in ("GPE", "LOC")
        and gazetteer.is_organisation(mention.surface.split()[0])
        and not gazetteer.is_place(mention.surface)
    ):
        return "org"  # "Yahoo Japan": a listed company's branch, not a place
    if any(word in ORG_HEADS for word in words) and len(words) > 1:
        return "org"
    if (
        len(words) == 2
        and mention.label in ("ORG", "GPE")
        and gazetteer.is_given_name(words[0])
        and not mention.surface.split()[0].isupper()  # "UH Mānoa": initials, no given name
        and not gazetteer.is_place(mention.surface)
    ):
        return "person"  # "Lucas Nolan" tagged as an organisation
    if mention.label in ("GPE", "LOC") and _company_ina_country(text, mention.surface):
        return "org"  # "his tax preparer Mazars USA", then "Mazars" alone: no place
    if mention.label in ("GPE", "LOC") and gazetteer.is_place(mention.surface):
        return "place"
    if (
        mention.label == "ORG"
        and gazetteer.is_country(mention.surface)
        and not gazetteer.is_organisation(mention.surface)
    ):
        return "place"  # "American Samoa has a delegate", read as an organisation
    return None


def a_country(word: str) -> bool:
    """A country's name or short form: "Australia", "USA", "UK"."""
    found = listed(word)
    return gazetteer.is_country(word) or (
        found is not None and found[1] == "place" and gazetteer.is_country(found[0])
    )


def _company_ina_country(text: str, surface: str) -> bool:
    """A name of one word no list has as a place, written before a country's name and also
    alone in the article ("Mazars USA" and "Mazars", "Ford Australia" and "Ford"): a company
    and its branch in that country, which the model read as places. `surface` is either
    form."""
    words = surface.split()
    if len(words) == 2 and a_country(words[1]) and not gazetteer.is_place(surface):
        first = words[0]  # not "North America", "South Africa"
    elif len(words) == 1:
        first = words[0]
    else:
        return False
    if not re.fullmatch(r"[A-Z][\w&'’-]*", first) or gazetteer.is_place(first):
        return False
    if gazetteer.is_nationality_word(first) or gazetteer.is_given_name(first) or is_title(first):
        return False
    with_country = alone = False
    for found in re.finditer(rf"(?<![\w'’-]){re.escape(first)}(?![\w-])", text):
        after = re.match(r"[ \t]+([A-Z][\w.]*)", text[found.end() : found.end() + 20])
        if after is not None and a_country(after.group(1).rstrip(".") or after.group(1)):
            with_country = True
        elif after is None:
            alone = True
    return with_country and alone


# What a description right after a name says it is: "Ansar al-Sharia, an al-Qaeda-linked
# organization", "Shawn Holley, a lawyer for", "Whangārei, a city in Northland".
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|his|her|their|its)\s+([^,.;:!?()\[\]—–\n]{1,80})")
_DESCRIPTION_ENDS = frozenset(
    "of in for at on with that who whose which where based from to and or by near known".split()
)
_DESCRIBED_AS: dict[str, EntityType] = {
    **dict.fromkeys(
        """organization organisation group company firm agency party movement network newspaper
        broadcaster charity nonprofit startup start-up bank university college school union
        association outlet publisher manufacturer maker retailer chain militia faction coalition
        band label team club insurer lender airline carrier automaker studio brokerage
        utility supermarket grocer carmaker consultancy
        conglomerate regulator watchdog ministry department institute foundation hospital
        website site service platform app magazine tabloid newsletter podcast blog channel
        publication journal game console brand product""".split(),
        "org",
    ),
    **dict.fromkeys(
        """spokesman spokeswoman spokesperson professor lawyer attorney analyst director
        executive official minister senator congressman congresswoman lawmaker legislator
        journalist reporter correspondent editor columnist author writer novelist poet actor
        actress singer rapper musician artist player coach student researcher scientist doctor
        physician surgeon nurse economist expert founder co-founder ceo chairman chairwoman
        chief president leader resident woman man girl boy mother father son daughter
        wife husband brother sister widow teacher officer soldier general activist
        campaigner candidate politician diplomat ambassador judge businessman businesswoman
        entrepreneur investor engineer designer photographer filmmaker director producer
        veteran survivor victim suspect witness priest bishop imam rabbi composer guitarist
        drummer bassist pianist violinist vocalist songwriter singer-songwriter frontman comedian
        cartoonist illustrator painter sculptor dancer choreographer host presenter detective
        inspector constable sergeant sheriff prosecutor mayor governor secretary chancellor
        envoy rapporteur adviser advisor aide fiancee fiancée fiance girlfriend boyfriend nephew
        niece cousin relative uncle aunt grandson granddaughter grandmother grandfather
        stepfather stepmother toddler performer cosplayer nominee challenger incumbent contender
        billionaire millionaire tycoon magnate chair chairperson representative controller
        undersecretary commissioner deputy treasurer superintendent
        """.split(),
        "person",
    ),
    **dict.fromkeys(
        """city town village country state province region island suburb neighborhood
        neighbourhood district county capital port nation republic kingdom crossing camp
        settlement enclave territory municipality township hamlet""".split(),
        "place",
    ),
}


def appositive_type(text: str, end: int) -> EntityType | None:
    """The type a description right after a name gives it: the head noun of ", a/an/the/his ..."
    up to "of", "in", "who" ... ("Ansar al-Sharia, an al-Qaeda-linked organization" is an
    organisation; "Paris, the capital of France" a place)."""
    found = _APPOSITIVE.match(text, end)
    if found is None:
        return None
    words = found.group(1).split()
    for index, word in enumerate(words[:8]):
        if word in _DESCRIPTION_ENDS:
            words = words[:index]
            break
    else:
        words = words[:8]
    if words and words[-1].istitle() and all(w.istitle() for w in words):
        # an office in capitals ("Jim Press, the Vice Chairman of Chrysler"); no other kind:
        # "Trump, the White House" is a name, not a description
        return "person" if is_person_word(words[-1]) else None
    if not words or not words[-1].islower():
        return None
    return _DESCRIBED_AS.get(words[-1])


_WHICH = re.compile(r",\s+which\s")
# "by" and the names before this one: "a documentary by Tomasz and ", "a film by "
_BY_NAMES_BEFORE = re.compile(r"\bby[ \t]+(?:[A-Z][\w'’-]*[ \t]+(?:and|&)[ \t]+)?\Z")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
# a noun and "of" before a name, with lower-case words between: "the death of dictator "
_NOUN_OF_BEFORE = re.compile(r"\b[a-z]{3,}[ \t]+of[ \t]+(?:[a-z]+[ \t]+){0,3}\Z")


def described_type(text: str, mention: Mention) -> EntityType | None:
    """What the words right after a name say it is: the strongest evidence of its type."""
    if mention.type in ("date", "event") or _names_a_storm(
        text, mention, base_key(mention.surface).split()
    ):
        return None  # "Typhoon Haiyan, which killed": a storm, whatever "which" says
    return appositive_type(text, mention.end) or _type_after(text, mention)


def _type_after(text: str, mention: Mention) -> EntityType | None:
    """ "Con Edison, which maintains ..." is no person (people are "who"); "the Likud party"
    and "Vulture magazine" name organisations. A place before such a noun is where it is
    ("a Texas company"), so places are left alone."""
    if _WHICH.match(text, mention.end):
        if gazetteer.is_place(mention.surface) or _place_cue(text, mention):
            return "place"  # "the northern town of Jabaliya, which"
        if _BY_NAMES_BEFORE.search(text, max(0, mention.start - 60), mention.start):
            return None  # "a documentary by Tomasz and Marek Sekielski, which is about": the work
        if _person_word_before(text, mention.start) or _office_of_before(text, mention.start):
            one_word = " " not in mention.surface.strip()
            if not one_word or gazetteer.is_given_name(mention.surface.strip()):
                return None  # "nominee Joe Biden, which had been scheduled": the event, not Biden
            return "org"  # "steel producer Bluescope, which supplies": no person, a company
        if (
            mention.label == "PERSON"
            and " " in mention.surface.strip()
            and _NOUN_OF_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        ):
            return None  # "the death of dictator Saparmurat Niyazov, which kindled": the death
        return "org" if mention.label in ("PERSON", "ORG") else None
    noun = _NOUN_AFTER.match(text, mention.end)
    if noun is None or gazetteer.is_place(mention.surface):
        return None
    if base_key(mention.surface).rpartition(" ")[2] in PLACE_HEADS:
        return None  # "the Aleutian Islands chain" is no retail chain
    return "org" if _DESCRIBED_AS.get(noun.group(1)) == "org" else None


_LIST_JOINER = re.compile(r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+")


_CLOSING_JOINER = re.compile(r"\b(?:and|or)\b|&")


def type_by_list(text: str, mentions: list[Mention]) -> None:
    """A name in a list of three or more whose other names all share one type takes that type
    when nothing else speaks for its own ("owns Instagram, Atlas, WhatsApp": the model's person
    "Atlas" is a company like its neighbours). Listed data and cues in the text still win.
    Before that, the names of a list of places after "in", "at" or "near" are places
    (`places_listed_after_where`)."""
    for run in _lists(text, mentions, 2):
        places_listed_after_where(text, run)
    for run in _lists(text, mentions):
        type_like_the_others(run)


# "in ", "at ", "near " right before a list, maybe past a place in lower case: "sites at ",
# "started at the park, ".
_WHERE_LIST_BEFORE = re.compile(r"\b(?:in|at|near|from)[ \t]+(?:the[ \t]+[a-z]+,[ \t]+)?\Z")
_LOCATED_AFTER = re.compile(r"[ \t]+(?:in|at)[ \t]+[A-Z]")


def places_listed_after_where(text: str, run: list[Mention]) -> None:
    """ "sites at Abydos, Saqqara, and Tuna el-Gebel", "catacombs in Saqqara and Tuna
    el-Gebel", "started at the park, Causeway Bay, and Tin Hau": names listed after a word of
    where, one of them a place (the gazetteer's, the model's or by its head word, "... Bay"),
    none an organisation, are places, though the model read some as people. A name with its own
    cue stays ("Sen. ...", "... said"), and so does a person placed somewhere ("Cape
    Canaveral, Florida, and Vladimir Isachenkov in Moscow"). Two names with only a comma
    between are no list but a name and what it is ("director of operations in Gaza, John
    Ging")."""
    if not _WHERE_LIST_BEFORE.search(text, max(0, run[0].start - 24), run[0].start):
        return
    if len(run) == 2 and not _CLOSING_JOINER.search(text, run[0].end, run[1].start):
        return  # two names and a comma: "the prime minister in Gaza, Ismail Haniyeh, said"
    if any(m.type == "org" and m.evidence or gazetteer.is_organisation(m.surface) for m in run):
        return
    if not any(_a_place(m) for m in run):
        return
    for mention in run:
        if mention.type == "place" or mention.evidence or mention.table_name is not None:
            continue
        if _LOCATED_AFTER.match(text, mention.end) or speaks_or_acts_as_person(text, mention):
            continue
        mention.type, mention.evidence = "place", True
        mention.key = canonical_key(mention.surface, "place")


def _a_place(mention: Mention) -> bool:
    """A place by the model's label or a cue, by the gazetteer or by its head word."""
    if mention.type == "place" and (mention.evidence or mention.label in ("GPE", "LOC")):
        return True
    head = base_key(mention.surface).rpartition(" ")[2]
    return gazetteer.is_place(mention.surface) or head in PLACE_HEADS


def type_like_the_others(run: list[Mention]) -> None:
    """In a list or a table column of three or more names, the one name whose type differs
    from all the others' one type takes theirs, unless data or a cue speaks for its own."""
    for odd in run:
        others = {m.type for m in run if m is not odd}
        if len(others) != 1 or odd.evidence or odd.table_name is not None:
            continue
        kind = others.pop()
        if kind == odd.type or kind not in ("person", "org", "place"):
            continue
        if gazetteer.is_place(odd.surface) or gazetteer.is_organisation(odd.surface):
            continue
        if odd.label == "PERSON" and _starts_with_given_name(odd.surface):
            continue  # "Cape Canaveral, Florida, and Vladimir Isachenkov in Moscow"
        odd.type, odd.evidence = kind, True
        odd.key = canonical_key(odd.surface, kind)


_OF_BETWEEN = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")


def type_by_membership(text: str, mentions: list[Mention]) -> None:
    """ "Mike McCready of Pearl Jam": a name right after a person and "of" is where the person
    belongs, a band, a company or a place, not a second person (the model reads both as
    people)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for person, other in zip(ordered, ordered[1:], strict=False):
        if (
            person.type == "person"
            and other.label == "PERSON"
            and not other.evidence
            and _OF_BETWEEN.fullmatch(text, person.end, other.start)
        ):
            town = gazetteer.is_place(other.surface) or gazetteer.is_small_place(other.surface)
            kind: EntityType = "place" if town else "org"  # "Warren Gotcher of McAlester"
            other.type, other.evidence = kind, True
            other.key = canonical_key(other.surface, kind)


def _starts_with_given_name(surface: str) -> bool:
    words = surface.split()
    return len(words) >= 2 and gazetteer.is_given_name(words[0])


def _lists(text: str, mentions: list[Mention], shortest: int = 3) -> Iterator[list[Mention]]:
    """Runs of three (`shortest`) or more mentions joined only by commas, "and", "or", "&". A
    list ends at its "and": "According to Reuters and NBC, Mohammad bin Salman is" lists two
    names. Dates and events are in no list of names."""
    run: list[Mention] = []
    closed = False
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.type in ("date", "event"):
            # "On September 19, 2018, Cyprus and Egypt had signed": a date before the names is
            # no item of their list
            if len(run) >= shortest:
                yield run
            run, closed = [], False
            continue
        joiner = _LIST_JOINER.fullmatch(text, run[-1].end, mention.start) if run else None
        if joiner is not None and not closed:
            run.append(mention)
            closed = _CLOSING_JOINER.search(joiner.group()) is not None
            continue
        closed = False
        if len(run) >= shortest:
            yield run
        run = [mention]
    if len(run) >= shortest:
        yield run


# What people do in news prose, right after their name: they speak, and pronouns follow them.
_PERSON_AFTER = re.compile(
    r"[ \t]+(?:said|says|told|tells|added|asked|wrote|writes|argued|explained|insisted|"
    r"claimed|noted|testified|declined|admitted|denied|replied|recalled)\b|,[ \t]+who\b"
)
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b", re.IGNORECASE)
# a word of its own, not the end of a hyphenated one ("a three-man LeFlore County jury")
_WORD_BEFORE_NAME = re.compile(r"(?<![\w-])([A-Za-z][a-z]+)[ \t]+$")


def is_person_word(word: str) -> bool:
    """A word for a person: "lawyer", "Violinist", "fiancée"."""
    return _DESCRIBED_AS.get(word.lower()) == "person"


# A description of a person and a comma before a name set off by commas: "his wife, Amanda,",
# "The current president of Namibia, Hage Geingob,".
_DESCRIBED_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Ii]ts)(?:[ \t]+[a-z-]+){0,2}?[ \t]+([a-z]+)"
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})?,[ \t]+\Z"
)


def _person_described_before(text: str, start: int) -> bool:
    before = _DESCRIBED_BEFORE.search(text, max(0, start - 80), start)
    return before is not None and _DESCRIBED_AS.get(before.group(1)) == "person"


def _person_word_before(text: str, start: int) -> bool:
    """A word for a person right before a name: "lawyer Heller", "agency official Fauzi"."""
    before = _WORD_BEFORE_NAME.search(text, max(0, start - 24), start)
    return before is not None and _DESCRIBED_AS.get(before.group(1).lower()) == "person"


# "the President of the United States Donald Trump": an office of a place or a body, then a name.
_OFFICE_OF_BEFORE = re.compile(
    r"\b([A-Z][a-z]+)[ \t]+of[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+){1,3}\Z"
)


def _office_of_before(text: str, start: int) -> bool:
    office = _OFFICE_OF_BEFORE.search(text, max(0, start - 60), start)
    return office is not None and is_title(office.group(1))


def _org_word_before(text: str, start: int, end: int | None = None) -> bool:
    """A lower-case word for an organisation right before a name: "the company Ridgeback";
    with the name's `end`, also in an apposition between commas ("a plaintiffs' law firm,
    Cohen Milstein, to assemble")."""
    before = _WORD_BEFORE_NAME.search(text, max(0, start - 24), start)
    if before is None and end is not None and text[end : end + 1] == ",":
        before = _WORD_AND_COMMA_BEFORE_NAME.search(text, max(0, start - 24), start)
    word = before.group(1) if before is not None else ""
    return word.islower() and _DESCRIBED_AS.get(word) == "org"


_WORD_AND_COMMA_BEFORE_NAME = re.compile(r"(?<![\w-])([a-z]+),[ \t]+$")


_CAPITALISED_AFTER = re.compile(
    r"[ \t]+([A-Z][a-z]+(?:[A-Z][a-z]+)?)((?:[ \t]+[A-Z][\w'’-]*[a-z][\w'’-]*){1,2})"
)  # a given name ("MacKenzie") and one or two capitalised words
_LOWER_WORD = re.compile(r"(?<![\w’'-])([A-Za-z][a-z-]+)(?=[ \t]+[A-Z])")


_NAME_AFTER_KIND = re.compile(
    r"[ \t]+([A-Z][\w'’&-]*[a-zA-Z](?:[ \t]+[A-Z][\w'’&-]*[a-zA-Z]){0,2})\b"
)


def names_after_kind_words(text: str) -> Iterator[tuple[int, int, str]]:
    """Names the model may have missed after a word for what they are: a person after a word
    for a person and with a given name first ("Violinist Brigit O'Regan performs", "said
    lawyer Ann Lowe"); an organisation after a lower-case word for one and with no given name
    or title first ("the trade union Aslef", "the charity Sea-Eye"). (start, end, label)."""
    for word in _LOWER_WORD.finditer(text):
        kind = _DESCRIBED_AS.get(word.group(1).lower())
        if kind == "person":
            name = _CAPITALISED_AFTER.match(text, word.end())
            if name is not None and gazetteer.is_given_name(name.group(1)):
                yield name.start(1), name.end(2), "PERSON"
        elif kind == "org" and word.group(1).islower():
            name = _NAME_AFTER_KIND.match(text, word.end())
            if name is not None and _may_name_an_organisation(name.group(1)):
                yield *name.span(1), "ORG"
            elif name is not None and name.group(1).startswith("The "):
                # "newspaper The Hindu", "the band The Beatles": "The" starts the name
                after = _NAME_AFTER_KIND.match(text, name.start(1) + 3)
                if after is not None and _may_name_an_organisation(after.group(1)):
                    yield name.start(1), after.end(1), "ORG"


def _may_name_an_organisation(name: str) -> bool:
    first = name.split()[0]
    return not (
        gazetteer.is_given_name(first)
        or first.lower() in _TITLE_WORDS
        or is_month_or_day(first)
        or gazetteer.is_place(name)
    )


def speaks_or_acts_as_person(text: str, mention: Mention, nearest: bool = False) -> bool:
    """A cue in the words around a name that it is a person: a verb of saying after it ("Heller
    told a judge"), ", who", a word for a person before it ("lawyer Heller", "the prophet
    Muhammad"), or a personal pronoun later in its sentence; with `nearest`, not a pronoun
    after another person named between ("Ryanair CEO, Michael O'Leary, justified his")."""
    if _PERSON_AFTER.match(text, mention.end):
        return True
    if _person_word_before(text, mention.start):
        return True
    sentence_end = re.compile(r"[.!?\n]").search(text, mention.end, mention.end + 120)
    rest = text[mention.end : sentence_end.start() if sentence_end else mention.end + 120]
    pronoun = _PRONOUN.search(rest)
    if nearest and pronoun is not None and _someone_named_before(rest, pronoun.start()):
        return False  # the pronoun is the nearer person's
    return pronoun is not None


# A given name or a title, then a capitalised word: someone named ("Michael O'Leary", "Mr.
# Smith", "President Obama").
_SOMEONE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)\.?[ \t]+[A-Z][\w'’-]")


def _someone_named_before(rest: str, end: int) -> bool:
    """A person named between a name and the pronoun after it, whom the pronoun is more likely
    to mean: "Ryanair CEO, Michael O'Leary, justified his choice" says nothing of Ryanair."""
    return any(
        gazetteer.is_given_name(found.group(1)) or is_title(found.group(1))
        for found in _SOMEONE.finditer(rest, 0, end)
    )


def unexplained_single_names(text: str, mentions: list[Mention], person_words: set[str]) -> None:
    """A one-word "person" the article never names in full, never titles and never shows
    speaking or as "he"/"she" is no person: news introduces people. Such names are products,
    projects and places the model took for people ("Edgestore", "Skylab", "Scrubs"): they
    count as organisations, as products do, or as places when the gazetteer has them ("#Hamilton
    Chicago show": Chicago), the model reads another of their mentions as a place ("province of
    Papua", then "Papua" twice as a person) or the text has a place's cue around the name
    ("the Tuva region"). A given name ("Grace") stays a person."""
    places_named = {m.key for m in mentions if m.label in ("GPE", "LOC")}
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.type == "person" and " " not in mention.key:
            by_key.setdefault(mention.key, []).append(mention)
    for key, named in by_key.items():
        if key in person_words or gazetteer.is_given_name(key):
            continue
        if any(m.evidence or m.table_name is not None for m in named):
            continue
        if any(speaks_or_acts_as_person(text, m, nearest=True) for m in named):
            continue
        place = (
            key in places_named
            or gazetteer.is_place(named[0].surface)
            or _written_as_a_place(text, named[0].surface)
        )
        kind: EntityType = "place" if place else "org"
        for mention in named:
            mention.type = kind
            mention.key = canonical_key(mention.surface, kind)


# A word of where right before a name: "a plant at Abqaiq", "printed in Darwin", "in nearby
# Hiko", "outside Bala"; not after a verb that aims at someone ("looked at", "angry at").
_WHERE_WORD_BEFORE = re.compile(
    r"(?<!\blooked[ \t])(?<!\bangry[ \t])(?<!\bshot[ \t])(?<!\baimed[ \t])(?<!\bout[ \t])"
    r"(?<!\blaughed[ \t])(?<!\byelled[ \t])(?<!\bpointed[ \t])(?<!\bmad[ \t])"
    r"\b([Ii]n|at|on|near|nearby|outside)(?:[ \t]+nearby)?[ \t]+$"
)
# After the name: a possessive or another capitalised word makes it part of something else
# ("in Garcia's home", "at Campbell Soup").
_NOT_ALONE_AFTER = re.compile(r"['’]s?\b|[ \t]+[A-Z]|-[A-Za-z]")


def where_it_is(text: str, mention: Mention, at: bool = True) -> bool:
    """A word of where right before the mention ("at" only with `at`; "on" only where the model
    read no person: "the store on Westlake", "a meeting on Crete", not "pressure on Johnson"),
    nothing after it that makes the name part of a longer one."""
    where = _WHERE_WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    return (
        where is not None
        and (at or where.group(1) != "at")
        and (mention.label != "PERSON" or where.group(1) != "on")
        and _NOT_ALONE_AFTER.match(text, mention.end) is None
    )


def places_by_where(text: str, mentions: list[Mention], person_words: set[str]) -> None:
    """A name the rules left a person or an organisation is a place when the words around its
    mentions say so and nothing says otherwise. Every mention of the name votes, not only the
    first: a place's cue ("north of Bermuda", "the
    town of Talodi", "our biggest island Crete") is enough; a word of where before it ("a plant
    at Abqaiq", "printed in Darwin") is enough for a name the place lists have, the small
    towns' one too ("Harlech", "Abqaiq"). Nothing may say person or organisation: no cue or
    description of another type, not a name of the article's people, no given name first, no
    organisation's head word, no listed organisation, no word for a person before it, never
    speaking ("Darwin said"). The small towns' list alone is no evidence: its names are also
    surnames, words and sports teams ("Garcia", "March", "Caloundra defeated Wynnum"). "At" the
    first words of a longer name of the article is at what that names ("Lohan's placement at
    Morningside": the article's "Morningside Recovery" clinic)."""
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_key.setdefault(mention.key, []).append(mention)
    starts = {  # "morningside" of "morningside recovery"
        " ".join(words[:n])
        for m in mentions
        for words in [m.key.split()]
        for n in range(1, len(words))
    }
    for key, named in by_key.items():
        if not key or key in person_words or any(m.type not in ("person", "org") for m in named):
            continue
        if any(m.described or m.table_name is not None for m in named):
            continue
        if any(m.evidence and type_evidence(text, m) != "place" for m in named):
            continue  # a cue of its own for another type: "Sen. ...", "... Institute"
        surface = named[0].surface
        if _starts_with_given_name(surface) or gazetteer.is_organisation(surface):
            continue
        if any(word in ORG_HEADS for word in key.split()):
            continue
        if any(
            _PERSON_AFTER.match(text, m.end) or _person_word_before(text, m.start) for m in named
        ):
            continue
        if any(_place_cue_at(text, m.start, m.end) for m in named) or (
            (gazetteer.is_place(surface) or gazetteer.is_small_place(surface))
            and any(where_it_is(text, m, key not in starts) for m in named)
        ):
            for mention in named:
                mention.type = "place"
                mention.key = canonical_key(mention.surface, "place")
