"""The words around a quote that say who said it, for quotes.py: attribution patterns
("“…,” said X, role", "X said “…”", "…, he said." before a quote paragraph), the quote's sentence
before and after it, roles, quoted titles, and sentences of reported speech.

English news style; patterns only (who a name or pronoun refers to is speakers.py's).
"""

from __future__ import annotations

import re

from kimreader.analysis.names import FUNCTION_WORDS
from kimreader.analysis.text import is_abbreviation

# Speech verbs after a speaker, past and present ("said", "says"; "recalled", "recalls").
_SPEECH_VERBS = (
    "added adds explained explains continued continues insisted insists warned warns argued "
    "argues declared declares stated states claimed claims tweeted tweets posted posts replied "
    "replies recalled recalls conceded concedes acknowledged acknowledges admitted admits "
    "announced announces stressed stresses cautioned cautions complained complains commented "
    "comments remarked remarks responded responds urged urges revealed reveals confirmed "
    "confirms suggested suggests joked jokes concluded concludes emphasised emphasized observed "
    "vowed promised noted notes wrote writes asked asks read reads reported reports said says "
    "elaborates asserts reiterates affirms exclaims quips retorts countered laments boasts "
    "testifies predicts shouts answered answers recounts opines muses whispered whispers "
    "contends"
).split()
# Past forms that are speech before a quote too ("Ann Lee quipped: “…”"), in both lists.
_SPEECH_PAST = (
    "elaborated asserted reiterated affirmed exclaimed quipped retorted lamented pleaded boasted "
    "testified predicted shouted recounted opined mused contended"
).split()
_SPEECH_VERBS += _SPEECH_PAST
VERBS = r"told\s+\w+(?:\s+\w+)?|tells\s+\w+(?:\s+\w+)?|" + "|".join(_SPEECH_VERBS)
PRONOUNS = frozenset({"he", "she", "they", "it"})
# A name as written: capitalised words, initials, hyphens ("Lee Sang-sook", "Moon’s office").
_NAME = (
    r"(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*(?<![’']s)(?<![’'])"
    r"(?:[’']s\s+(?:office|spokesman|spokeswoman|spokesperson|ministry|government|aides?|camp|team|"
    r"rep|representative|publicist|lawyer|attorney|agent|manager|family|wife|husband|son|daughter|"
    r"mother|father|brother|sister|statement|letter))?"
)
# Plural nouns for people who speak unnamed ("police said", "Witnesses told reporters"): police
# and authorities speak as a body, the others are anonymous.
GROUP_BODIES = frozenset({"police", "authorities", "media"})
GROUP_PEOPLE = frozenset(
    "officials witnesses residents investigators prosecutors organisers organizers analysts "
    "experts critics scientists researchers officers doctors paramedics rescuers firefighters "
    "fans locals sources protesters activists villagers survivors neighbours neighbors "
    "senators lawmakers legislators ministers politicians".split()
)
_GROUP = "|".join(sorted(GROUP_BODIES | GROUP_PEOPLE))
# Who speaks, as written: a name, a pronoun, a described speaker ("the doctor", "a senior
# official", "the actor's family", "his lawyer") or a group ("police").
# A part of a group, who speaks unnamed: "One of the children", "one of them", "Two of his aides".
PARTITIVE = (
    r"\b(?:[Oo]ne|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ee]ach|"
    r"[Bb]oth|[Aa]nother)\s+of\s+(?:them|those|these|(?:the|his|her|their)\s+"
    r"(?:[\w\-]+\s+){0,2}?[a-z][\w\-]*)"
    # "A number of Senators", "a group of residents": some of a group, a plural noun
    r"|\b[Aa]\s+(?:number|group|handful|majority|couple|few)\s+of\s+(?:the\s+)?"
    r"(?:[\w\-]+\s+){0,2}?[A-Za-z][\w\-]*s\b"
)
SUBJECT = (
    rf"(?:{PARTITIVE}|{_NAME}|\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Yy]ou)\b|\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+"
    rf"(?:[\w’'\-]+\s+){{0,3}}[\w\-]+|(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?(?:{_GROUP})\b)"
)
# Attribution after the quote: “…,” said X[, role]  |  “…,” X[, role,] said
# A described speaker: "the doctor", "a senior administration official" (up to a clause).
_DESCRIBED = (
    r"\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w’'\-]+\s+){0,4}?[\w\-]+"
    r"(?=\s*(?:[,.;:!?]|$|\s+(?:who|of|at|in|for|from)\b))"
)
# A speaker phrase: a name with up to four words before it ("fisherman's wife Mapahai"), a
# description or a group.
_PHRASE = (
    rf"(?:(?:[A-Z][\w’'.\-]*\s+|[a-z][\w\-]*(?:[’']s)?\s+){{0,4}}{_NAME}|{_DESCRIBED}"
    rf"|(?:{_GROUP})\b)"
)
AFTER_SAID_NAME = re.compile(
    rf"^\W*(?:{VERBS}|according\s+to)\s+(?P<name>{_PHRASE})(?:,\s*(?P<role>[^.;“”\"]+))?"
)
# A described speaker then their name, closing the sentence: "said a Sudanese government
# spokesman, Rabie A. Atti." (the description is the role; not "said the minister, Monday.").
NO_DAY = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)"
)
AFTER_SAID_ROLE_NAME = re.compile(
    rf"^\W*(?:{VERBS})\s+(?P<role>{_DESCRIBED}),\s*{NO_DAY}(?P<name>{_NAME})\s*(?:[.;!?]|$)"
)
# Before the quote in its sentence: "According to police, the men were “known to us.”"
ACCORDING_TO = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?P<name>{_PHRASE}|[a-z][\w\-]*(?:\s+[a-z][\w\-]*){{0,5}}),"
)  # also a source described in lower case ("according to agreed facts heard in court,")
# An adverb between a speaker or an auxiliary and its verb ("later", "reportedly"; not "family").
ADVERB = (
    r"(?:also|later|then|again|even|still|"
    r"(?!(?:family|ally|assembly|supply|reply|rally|italy|july)\b)[a-z]+ly)"
)
# Passive speech verbs, with the agent before the quote ("has been described by the Daily Hive
# as a “…”") or after it ("was described as “cowardly” by President Dan Cole").
PASSIVE = rf"\b(?:be|been|being|is|are|was|were)\s+(?:{ADVERB}\s+)?"
_PASSIVE_SPEECH = (
    rf"{PASSIVE}(?:described|called|dubbed|labell?ed|branded|hailed|praised|critici[sz]ed|quoted)"
)
PASSIVE_BEFORE_QUOTE = re.compile(rf"{_PASSIVE_SPEECH}\s+(?:as\s+)?(?:(?:an?|the)\s+)?$")
AGENT_AFTER = re.compile(rf"^\W*by\s+(?P<name>{_PHRASE})(?P<role>)")
BY_AGENT = re.compile(rf"{_PASSIVE_SPEECH}\s+by\s+(?P<name>{_PHRASE})")
# “…,” the Herald quoted (reported) Dan Cole as saying.
QUOTED_AS_SAYING = re.compile(
    rf"^\W*(?:{SUBJECT})\s+(?:quoted|reported)\s+(?P<name>{_PHRASE})(?P<role>)\s+as\s+saying\b"
)
# “…” — as the Supreme Court decision put it —: an aside naming whose words they are.
AS_PUT_IT = re.compile(
    rf"^\W*as\s+(?P<name>{SUBJECT})\s+(?:{ADVERB}\s+)?(?:(?:put|puts|phrased|phrases)\s+it|"
    r"said|says|wrote|writes|noted|notes)\b(?P<role>)"
)
# A nickname or a title in quote marks: "known as “the Iron Lady”", "This is called a “…”".
NAMED_BEFORE = re.compile(
    r"\b(?:known\s+as|nicknamed|dubbed|named|titled|entitled|(?:is|are|was|were|be|been)\s+"
    r"called)\s+(?:(?:an?|the)\s+)?$"
)
# ("the 33-year-old actress's rep Jack Ketsoyan told", "Doctor Sokal Pirg of the unit told")
AFTER_NAME_SAID = re.compile(
    rf"^\W*(?:(?:[A-Z][\w.]*(?:[’']s)?|[a-z0-9][\w\-]*(?:[’']s)?)\s+){{0,6}}?(?P<name>{SUBJECT})"
    rf"(?:(?:,|\s*[—–])\s*(?P<role>[^,;“”\"—–]+)(?:,|\s*[—–])|\s+(?:of|at|from)\s+the\s+[a-z][\w\-]*"
    # "Fares Ghanem, a hospital official told the Associated Press": the comma left out
    rf"|,\s*(?:a|an|the)\s+[^,;“”\"—–]+?(?=\s+(?:{VERBS})\b))?"
    # "Gabriela Shalev, Israel's ambassador to the UN, was quoted as saying by Reuters"
    rf"\s+(?:{VERBS}|(?:was|were|is)\s+quoted\s+as\s+saying)\b"
)
# Two speakers at once: "Ann Lee and Tom Ward said", "Ann Lee and her husband issued".
JOINT = re.compile(
    rf"{_NAME}\s+(?:and|&)\s+(?:{_NAME}|(?:his|her|their)\s+[a-z]+)"
    rf"(?=\s+(?:{ADVERB}\s+)?(?:{VERBS}|issued|released|signed)\b)"
)
# A dash and a name after the quote, nothing else: “We waited” — Rosa Diaz.
DASH_NAME = re.compile(rf"^\s*[—–\-]+\s*(?P<name>{_NAME})(?P<role>)\s*$")
# Attribution later in the same sentence: “a back door” to economic assistance, said X, role.
LATE_SAID_NAME = re.compile(rf",\s*(?:{VERBS})\s+(?P<name>{_NAME})(?:,\s*(?P<role>[^.;“”\"]+))?")
# "Sales went up in a “sharp increase” last week, according to a Woolworths spokesperson.":
# the source the sentence ends with.
LATE_ACCORDING = re.compile(
    rf",\s*according\s+to\s+(?P<name>{_PHRASE})"
    # "…, according to Ann Lee, an economist at the bank.": her role after her name
    r"(?:,\s*(?P<role>(?:an?|the)\s+[^.;“”\"]+?))?\s*[.;]?\s*$"
)
# ("The border issue is the “main difference” between Greece and Turkey, he added.")
LATE_NAME_SAID = re.compile(
    rf",\s*(?P<name>{_NAME}|\b[Hh]e|\b[Ss]he)(?:,\s*(?P<role>[^,;“”\"]+),)?\s+(?:{VERBS})\b"
)
# An attribution typed inside the closing mark: “…, Graham said.”
INNER_ATTRIBUTION = re.compile(
    rf",\s+(?P<name>{_NAME}|[Hh]e|[Ss]he)\s+(?:said|says|added|wrote|tweeted)\.?\s*$"
)
# A paragraph of reported speech ending in its attribution ("…, he said, demanding an inquiry.",
# "…, said disaster agency official Fauzi."): a quote paragraph right after it, without an
# attribution of its own, is the same speaker's. `late` is the name closing a role ("Fauzi").
PARAGRAPH_SAID = re.compile(
    rf",\s*(?:(?P<name>{_NAME}|he|she)\s+(?:said|says|added)\b(?:,[^“”\".]*)?"
    rf"|(?:said|says|added)\s+(?:[a-z][\w\-]*\s+){{0,4}}(?P<late>{_NAME}))\.\s*$"
)
# The subject of a speech verb before the quote, the text up to the verb: "Kim has", "Aleem
# Siddique, a U.N. spokesman in South Sudan," (an appositive role), "the State Department, which".
SUBJECT_BEFORE_VERB = re.compile(
    rf"(?P<name>{SUBJECT})(?:,\s*(?:which|who)\s[^,“”\"]+,|,\s*(?P<role>[^,“”\"]+),|,\s+(?:which|who)"
    # "Richard Ferrand in relaying the news to parliament said": what he did as he spoke
    rf"|\s+(?:in|while|when|upon)\s+[a-z]+ing\b[^,.;:“”\"]{{0,60}}?)?"
    # "the family would say": a modal before the verb
    rf"\s+(?:(?:has|had|have|can|could|would|will|may|might|must|should|{ADVERB})\s+){{0,2}}$"
)
# A paragraph that ends in its speech verb, with no full stop ("… left a statement for the
# press, he said"): it introduces the quote of the next paragraph.
INTRODUCES_NEXT = re.compile(r"\b(?:said|says|added|wrote|stated|declared|told\s+\w+)$")
# Attribution before the quote in its sentence: X said (that ...) “…”; saying (…) “…”.
BEFORE_VERB = re.compile(
    r"\b(?:said|says|say|saying|added|told|asked|wrote|insisted|warned|called|claimed|described|reported|"
    r"tweeted|posted|stated|declared|protested|accused|explained|announced|noted|commented|"
    r"remarked|responded|urged|confirmed|stressed|writes|suggested|revealed|recalled|recalls|"
    r"explains|adds|notes|read|reads|(?:issued|released)\s+a\s+(?:statement|letter)|"
    r"referred|refers|describes|indicated|indicates|telling|accusing|writing|states|stating|adding|"
    r"noting|explaining|insisting|arguing|warning|insist|insists|concluded|concludes|"
    r"calling|describing|labell?ing|branding|dubbing|terming|citing|"
    r"acknowledged|admitted|argued|vowed|promised|conceded|cautioned|complained|replied|"
    + "|".join(_SPEECH_PAST)
    + r"|went\s+(?:on|(?:as|so)\s+far(?:\s+as)?)\s+to\s+say)\b"
)
_TITLE_CUE = re.compile(
    r"\b(?:book|novel|memoir|film|movie|documentary|song|album|titled|entitled|headlined|"
    r"column|essay|paper|play|series|show)\b[^“”\"]{0,25}$",
    re.IGNORECASE,
)
_ROLE_START = re.compile(
    r"^(?:a|an|the|former|director|head|chief|senior|deputy|spokesman|spokeswoman|professor|"
    r"president|chairman|author|editor|founder|analyst|expert|researcher|fellow|minister|"
    r"secretary|who)\b",
    re.IGNORECASE,
)


# Head nouns of a described speaker: a person with a role (speakers.PERSON_HEADS), an unnamed
# source, or a body that speaks as one ("the army", "the committee").
ANONYMOUS_HEADS = frozenset(
    "source sources official officials aide aides rep representative spokesman spokeswoman friend "
    "friends spokesperson insider insiders person people diplomat diplomats publicist "
    "correspondent reporter journalist husband wife son daughter mother father brother sister "
    "uncle aunt cousin partner fiancee fiancée girlfriend boyfriend nephew niece grandson "
    "granddaughter grandmother grandfather relative relatives".split()
)
# Of those, the ones a report never names, so "the source" is as anonymous as "a source".
UNNAMED_HEADS = frozenset("source sources insider insiders".split())
BODY_HEADS = frozenset(
    "military army government ministry agency committee council police office department "
    "administration campaign company party court commission board union organization "
    "organisation group family club band team charity foundation".split()
)
# Who signed or issued a letter: a noun phrase ending in a capitalised word ("the committee's
# nine Republicans", "Senator Ann Lee") or a body's head word ("the city council", "police").
ISSUER = (
    r"(?P<x>(?:[Tt]he\s+)?(?:[\w’'\-]+\s+){0,3}?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*"
    rf"|[Tt]he\s+(?:[\w\-]+\s+){{0,2}}?(?:{'|'.join(sorted(BODY_HEADS))})|police)"
)
DOCUMENT_HEADS = frozenset(
    "letter statement memo report release communique announcement post tweet letters "
    "statements reports posts tweets comments study studies survey findings ruling judgment "
    "judgement verdict decree complaint indictment lawsuit filing filings petition summary "
    "opinion decision".split()
)

_SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]*(?=\s+[A-Z“\"‘(]|\s*$)")
ROLE_PREFIX = re.compile(
    r"((?:[A-Z][\w.]*[ \t]+){0,3}(?:[Ss]pokesman|[Ss]pokeswoman|[Mm]inister|President|Premier|"
    r"[Aa]mbassador|[Ee]nvoy|[Ss]ecretary|[Cc]hairman|[Dd]irector)[ \t]+)$"
)


def _breaks(text: str) -> list[re.Match[str]]:
    """Sentence breaks, not counting "Mr." or the initial in "Robert M. Danin", nor the mark of
    a one-letter name ("E! News")."""
    return [
        found
        for found in _SENTENCE_BREAK.finditer(text)
        if not is_abbreviation(text, max(0, found.start() - 12), found.start())
        and not _ONE_LETTER_NAME.search(text, max(0, found.start() - 2), found.end())
    ]


_ONE_LETTER_NAME = re.compile(r"(?<![\w.])[A-Z]!")
# Words that say a described speaker is not named: "the official, who declined to be named".
ANONYMITY = re.compile(
    r"\b(?:declined|asked|refused|wished)\s+(?:not\s+)?to\s+be\s+(?:named|identified)"
    r"|\bon\s+(?:the\s+)?condition\s+of\s+anonymity|\bnot\s+authori[sz]ed\s+to\b",
    re.I,
)


def before_tail(text: str) -> str:
    """The part of text after its last sentence break: the start of the quote's sentence."""
    breaks = _breaks(text)
    return text[breaks[-1].end() :] if breaks else text


def clause_after(text: str) -> str:
    """Text up to the first sentence break: the rest of the quote's sentence."""
    breaks = _breaks(text)
    return text[: breaks[0].start()] if breaks else text


def clean_role(role: str | None) -> str:
    if not role:
        return ""
    role = " ".join(role.split()).strip(" ,")
    role = re.sub(r",?\s+(?:said|says|added|told)\b.*$", "", role)
    return role if _ROLE_START.match(role) else ""


def is_title(before_tail: str, text: str) -> bool:
    """A quoted book or film title: cued by "book"/"titled" and written in title case."""
    return bool(_TITLE_CUE.search(before_tail)) and title_cased(text)


def title_cased(text: str) -> bool:
    """Whether words are written as a title: most of their long words capitalised."""
    long_words = [word for word in re.findall(r"[A-Za-z]+", text) if len(word) >= 4]
    capitalised = [word for word in long_words if word[0].isupper()]
    return bool(long_words) and len(capitalised) >= 0.8 * len(long_words)


NAME_WORDS = 6


def looks_like_a_name(text: str) -> bool:
    """A short quoted phrase in title case ("American Pie", "Ring of Fire", "Boxing Day"): a
    title or a name set in quote marks, which nobody says."""
    words = re.findall(r"[^\W_]+(?:[’'\-][^\W_]+)*", text)
    if not 0 < len(words) <= NAME_WORDS or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in FUNCTION_WORDS for w in words)


def starts_upper(text: str) -> bool:
    letters = re.search(r"[^\W\d_]", text)
    return bool(letters and letters.group().isupper())


_REPORTED_VERBS = r"said|says|added|told|reported"
# Capitalised words that open a sentence without naming anyone.
STOP_CAPITALS = frozenset(
    "the a an but and for in on at this that these those when while after before since now so "
    "if as it its his her their they he she we essentially however meanwhile also there".split()
)
REPORTED = re.compile(
    rf"(?:^|,\s+)(?P<name>{_NAME})(?:,\s*(?P<role>[^,]+),)?\s+(?:{_REPORTED_VERBS})\b"
    rf"|\b(?:{_REPORTED_VERBS})\s+(?:[a-z][\w\-]*\s+){{0,4}}(?P<late>{_NAME})\s*[,.]"
)
