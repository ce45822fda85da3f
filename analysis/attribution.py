"""The words around a quote that say who said it, for quotes.py: attribution patterns
("“…,” said X, role", "X said “…”", "…, he said." before a quote paragraph), the quote's sentence
before and after it, roles, quoted titles, and sentences of reported speech.

English news style; patterns only (who a name or pronoun refers to is speakers.py's).
"""

from __future__ import annotations

import re

from kimreader.analysis.names import CLAUSE_OPENERS, FUNCTION_WORDS
from kimreader.analysis.text import is_abbreviation
from kimreader.analysis.timeline import DAY_NAMES, MONTH_NAMES

# The verbs that attribute speech: the one home of every list of them in quotes.py, quote_marks.py
# and here. A lemma gives every form ("say:said" for an irregular past; "say" -> said, says,
# saying); "emphasise" gives both spellings (-ise and -ize); a phrasal verb keeps its particle
# ("point_out" -> pointed out, points out, pointing out). Grouped by what may follow them.
_IRREGULAR_PAST = {
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "read": "read",
    "go": "went",
    "make": "made",
    "speak": "spoke",
    "swear": "swore",
    "shoot": "shot",
    "hit": "hit",
    "forecast": "forecast",
    "put": "put",
}
_DOUBLED = frozenset("quip admit sum beg brag concur".split())
_NOT_IZE = frozenset("advise promise surprise".split())


def _inflections(lemma: str) -> tuple[str, str, str]:
    """A lemma's past, third person and -ing forms ("reply": replied, replies, replying)."""
    verb, _, particle = lemma.partition(" ")
    tail = f" {particle}" if particle else ""
    if verb in _IRREGULAR_PAST:
        past = _IRREGULAR_PAST[verb]
    elif verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        past = verb[:-1] + "ied"
    elif verb in _DOUBLED:
        past = verb + verb[-1] + "ed"
    else:
        past = verb + "ed"
    if verb == "go":
        third = "goes"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        third = verb[:-1] + "ies"
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        third = verb + "es"
    else:
        third = verb + "s"
    if verb.endswith("e") and not verb.endswith("ee"):
        ing = verb[:-1] + "ing"
    elif verb in _DOUBLED:
        ing = verb + verb[-1] + "ing"
    else:
        ing = verb + "ing"
    return past + tail, third + tail, ing + tail


def _spellings(lemma: str) -> list[str]:
    """Both spellings of a verb in -ise ("emphasise", "emphasize")."""
    verb, _, rest = lemma.partition(" ")
    if verb.endswith("ise") and lemma not in _NOT_IZE:
        return [lemma, verb[:-3] + "ize" + (f" {rest}" if rest else "")]
    return [lemma]


# Verbs of saying, every form after a speaker ("said", "says") and before a quote ("Ann Lee
# quipped: “…”"). A lemma written "-estimate" gives its past alone: its third person is a noun
# as often as a verb ("estimates", "rules", "pledges"); one written "~comment" gives its third
# person after a quote alone ("“…,” he comments"; not "in comments on the site: “…”").
SAY_LEMMAS = """
    say add explain insist warn argue declare state ~claim ~tweet ~post ~reply recall
    concede acknowledge admit announce ~stress ~caution complain ~comment ~remark respond ~urge
    reveal confirm suggest ~joke conclude emphasise observe -vow -promise note write ask read
    ~report elaborate assert reiterate affirm exclaim ~quip ~retort -counter ~lament plead ~boast
    testify predict ~shout ~answer recount opine ~muse ~whisper contend
    point_out make_clear sum_up -shoot_back -fire_back -hit_back -pledge
    -estimate maintain disclose clarify ~mention ~yell ~scream -sigh beg -demand -protest
    interject ~wonder agree disagree allege -hint speculate theorise -reason proclaim recommend
    propose reflect confess -repeat underline underscore summarise mutter ~murmur ~brag ~grumble
    concur -criticise
"""
# Verbs of saying only right after a quote or its speaker ("“…,” he continued", "he went on:",
# "“…,” the judge ruled"), for before a quote they say no speech ("the impasse went on for
# “years.”", "Unrest continued"), or their subject is a court's long name ("The High Court of
# England and Wales also ruled …: “…”", which the sentence's colon gives whole).
AFTER_LEMMAS = "continue go_on -rule"
# Verbs of saying to someone, written with whom they tell ("told reporters", "informed the
# court"): their object is no speaker.
TELL_LEMMAS = "tell inform assure reassure remind"
# The -ing forms that say what a quote says, in a participle after a clause ("…, adding that
# …", "…, pointing out that …"; not "reading", "asking").
PARTICIPLE_LEMMAS = """
    say tell accuse write state add note explain insist argue warn point_out claim urge stress
    emphasise confirm
"""


def speech_forms(lemmas: str, participles: bool = False, before: bool = False) -> list[str]:
    """The finite forms (past, third person) of the lemmas, or their -ing forms; `before`: only
    those that say speech before a quote (no "~" third person)."""
    forms: list[str] = []
    for written in lemmas.split():
        past_only = written.startswith("-") or (before and written.startswith("~"))
        for lemma in _spellings(written.lstrip("-~").replace("_", " ")):
            past, third, ing = _inflections(lemma)
            found = [ing] if participles else [past] if past_only else [past, third]
            forms += [form for form in found if form not in forms]
    return forms


def alternation(forms: list[str]) -> str:
    """Forms as a regular expression's alternatives, the longest first ("pointed out" before
    "pointed"), a phrasal verb's space any space."""
    return "|".join(form.replace(" ", r"\s+") for form in sorted(set(forms), key=len, reverse=True))


SAY_FORMS = speech_forms(SAY_LEMMAS) + speech_forms(AFTER_LEMMAS)
SAY_BEFORE_FORMS = speech_forms(SAY_LEMMAS, before=True)
TELL_FORMS = speech_forms(TELL_LEMMAS)
SPEECH_PARTICIPLES = frozenset(speech_forms(PARTICIPLE_LEMMAS, participles=True))
# The core of them, after which a name is the speaker in reported speech ("…, said Ann Lee.").
CORE_SAY = ["said", "says", "added", "adds"]
_TELL_SOMEONE = rf"(?:{alternation(TELL_FORMS)})\s+\w+(?:\s+\w+)?"
VERBS = rf"{_TELL_SOMEONE}|{alternation(SAY_FORMS)}"
# Those that say speech before a quote too ("Ann Lee and Tom Ward said: “…”").
VERBS_BEFORE = rf"{_TELL_SOMEONE}|{alternation(SAY_BEFORE_FORMS)}"
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
# Head words of a body that speaks ("the ministry", "the Biden campaign").
BODY_HEADS = frozenset(
    "military army government ministry agency committee council police office department "
    "administration campaign company party court commission board union organization "
    "organisation group family club band team charity foundation".split()
)
# A body named by whose it is, a few words between ("Day's animal foundation").
_OWNED_BODY = rf"[A-Z][\w\-]*[’']s\s+(?:[a-z][\w\-]*\s+){{0,2}}(?:{'|'.join(sorted(BODY_HEADS))})\b"
# A relative pronoun opens no group's name: "the fire, which police have said …" is police's.
_NO_RELATIVE = r"\b(?!(?:which|that|who|whom|whose)\s)"
# The words that open a described speaker ("the doctor", "his lawyer"), the indefinite ones
# opening one not yet named ("a senior official", "another aide", "one witness").
INDEFINITE_DETERMINERS = ("a", "an", "another", "one")
SPEAKER_DETERMINERS = ("the", *INDEFINITE_DETERMINERS, "his", "her", "their")


def either_case(words: tuple[str, ...]) -> str:
    """Words as a regular expression's alternatives, each opening in either case ("[Tt]he")."""
    return "|".join(f"[{word[0].upper()}{word[0]}]{word[1:]}" for word in words)


# A subject opens with those or with "its" ("its spokesman said"; a described speaker after
# the verb never took "its").
_SUBJECT_DETERMINERS = either_case((*SPEAKER_DETERMINERS, "its"))
SUBJECT = (
    rf"(?:{PARTITIVE}|{_NAME}|{_OWNED_BODY}|\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Yy]ou)\b|\b(?:{_SUBJECT_DETERMINERS})\s+"
    rf"(?:[\w’'\-]+\s+){{0,3}}[\w\-]+|(?:[A-Z][a-z]+\s+)?(?:{_NO_RELATIVE}[a-z]+\s+)?(?:{_GROUP})\b)"
)
# Attribution after the quote: “…,” said X[, role]  |  “…,” X[, role,] said
# A described speaker: "the doctor", "a senior administration official" (up to a clause).
_DESCRIBED = (
    rf"\b(?:{either_case(SPEAKER_DETERMINERS)})\s+(?:[\w’'\-]+\s+){{0,4}}?[\w\-]+"
    r"(?=\s*(?:[,.;:!?]|$|\s+(?:who|of|at|in|on|for|from)\b))"
)
# Role nouns a person's title opens with ("spokesman for …", "secretary in the Department …"),
# in a role after a name and a comma with no article (_ROLE_HEADS, more of them) and at the
# start of a role kept (_ROLE_START, others). The two keep their own additions: either taking
# the other's changes what quotes give (review pools: "executive director of …", "spokesperson
# for …" kept as roles where none was), a change of quality, not of form.
_ROLE_NOUNS = (
    "spokesman|spokeswoman|secretary|director|minister|chairman|chief|head|president|professor|"
    "analyst|deputy|editor|founder"
)
_ROLE_HEADS = (
    rf"{_ROLE_NOUNS}|spokesperson|chairwoman|official|officer|commander|manager|executive|"
    "leader|ambassador|adviser|advisor|coordinator|lawyer|attorney"
)
# A speaker phrase: a name with up to four words before it ("fisherman's wife Mapahai"), a
# description or a group.
_PHRASE = (
    # (a name is no modifier of a role: "said the Navy chief" is the chief, not the Navy)
    rf"(?:(?:[A-Z][\w’'.\-]*\s+|[a-z][\w\-]*(?:[’']s)?\s+){{0,4}}{_NAME}"
    rf"(?![\w\-]|\s+(?:{_ROLE_HEADS})\b)|{_DESCRIBED}"
    rf"|(?:{_GROUP})\b)"
)
# A title abbreviated before a name: its full stop ends no role ("said the panel’s top
# Democrat, Rep. Tom Lantos of California").
ABBREVIATED_TITLE = (
    r"\b(?:Rep|Reps|Sen|Sens|Gov|Lt|Col|Gen|Capt|Sgt|Adm|Maj|Cpl|Pvt|Cmdr|Insp|Supt|Det|Msgr|Dr|"
    r"Prof|Rev|Mr|Mrs|Ms)\."
)
AFTER_SAID_NAME = re.compile(
    rf"^\W*(?:{VERBS}|according\s+to)\s+(?P<name>{_PHRASE})"
    rf"(?:,\s*(?P<role>(?:{ABBREVIATED_TITLE}|[^.;“”\"])+))?"
)
# A described speaker then their name, closing the sentence: "said a Sudanese government
# spokesman, Rabie A. Atti." (the description is the role; not "said the minister, Monday.").
NO_DAY = rf"(?!(?:{DAY_NAMES}|{MONTH_NAMES})\b)"
AFTER_SAID_ROLE_NAME = re.compile(
    rf"^\W*(?:{VERBS})\s+(?P<role>{_DESCRIBED}"
    # "said the general secretary of the British union Unite, Tony Woodley."
    r"(?:\s+(?:of|at|for|from|in)\s+[^,;.“”\"]{1,60})?),\s*"
    rf"{NO_DAY}(?!{ABBREVIATED_TITLE})(?P<name>{_NAME})"
    r"\s*(?:[.;!?]|$)"
)
# After the verb, an owner's description then the name of the one described ("writes Huber's
# longtime tag team partner Erick Rowan"): the one named speaks, not the owner.
_DESCRIPTION_WORD = (
    rf"(?!(?:{alternation(SAY_FORMS + TELL_FORMS)}|{'|'.join(sorted(FUNCTION_WORDS))})\b)"
    r"[a-z][\w\-]*"
)  # "longtime", "tag", "partner"; not "said", "on" ("said Lee's lawyer on Monday")
OWNER_THEN_NAME = re.compile(
    rf"(?:[A-Z][\w’'.\-]*\s+){{0,3}}[A-Z][\w\-]*[’']s\s+(?:{_DESCRIPTION_WORD}\s+){{1,5}}"
    rf"{NO_DAY}(?P<name>{_NAME})"
)
# Words a thing bears, before the quote ("a banner from People's Vote saying", "People holding a
# banner saying"): the words of whom it is from, when named, else nobody's.
SIGN_SAYING = re.compile(
    r"\b(?:banners?|placards?|posters?|t-shirts?|billboards?|slogans?|signs|(?:an?|the)\s+sign)\b"
    rf"(?:\s+from\s+(?P<name>{_NAME}))?[^,;.:“”\"]{{0,30}}?"
    r"\s+(?:saying|reading|(?:that|which)\s+(?:said|says|read|reads))\s*$"
)
# Before the quote in its sentence: "According to police, the men were “known to us.”"
ACCORDING_TO = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?P<name>{_PHRASE}|[a-z][\w\-]*(?:\s+[a-z][\w\-]*){{0,5}}),"
)  # also a source described in lower case ("according to agreed facts heard in court,")
# An adverb between a speaker or an auxiliary and its verb ("later", "reportedly", "too",
# "further"; not "family").
ADVERB = (
    r"(?:also|later|then|again|even|still|too|further|"
    r"(?!(?:family|ally|assembly|supply|reply|rally|italy|july)\b)[a-z]+ly)"
)
# Passive speech verbs, with the agent before the quote ("has been described by the Daily Hive
# as a “…”") or after it ("was described as “cowardly” by President Dan Cole").
PASSIVE = rf"\b(?:be|been|being|is|are|was|were)\s+(?:{ADVERB}\s+)?"
# Passives that say what someone called a thing, with or without their auxiliary (below).
_NAMING_PASSIVES = (
    r"described|dubbed|labell?ed|branded|hailed|praised|critici[sz]ed|characteri[sz]ed"
)
# "he was told by Emergencies Minister Yevgeny Zinichev of “…”": the minister's words
_PASSIVE_SPEECH = rf"{PASSIVE}(?:{_NAMING_PASSIVES}|called|quoted|told|informed|warned)"
PASSIVE_BEFORE_QUOTE = re.compile(rf"{_PASSIVE_SPEECH}\s+(?:as\s+)?(?:(?:an?|the)\s+)?$")
AGENT_AFTER = re.compile(rf"^\W*by\s+(?P<name>{_PHRASE})(?P<role>)")
# Without its auxiliary, only before the quote's "as" ("a pattern described by Marine Bulletin
# as “…”"): "called by" may be convened, "told by" and "quoted by" report another's words.
_REDUCED_PASSIVE_SPEECH = (
    rf"(?<=[\w,]\s)(?:{_NAMING_PASSIVES})"
    r"(?=\s+by\s+[^.;:!?“”\"]{1,300}?\s+as\s+(?:(?:an?|the)\s+)?$)"
)  # (the agent and its words within 300 characters: on hostile text the lookahead ran to the end)
# "Below is a statement by Francesca Grifo, director of …:" (the quote after it): whose words.
STATEMENT_BY = re.compile(
    rf"\b(?:statement|remarks|comments)\s+(?:(?:issued|released|made)\s+)?by\s+(?P<name>{_PHRASE})"
)
BY_AGENT = re.compile(
    rf"(?:{_PASSIVE_SPEECH}|{_REDUCED_PASSIVE_SPEECH})\s+by\s+(?P<name>{_PHRASE})"
)
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
    rf"^\W*(?:(?:(?:[A-Z][\w.]*(?:[’']s)?|[a-z0-9][\w\-]*(?:[’']s)?)\s+){{0,6}}?"
    # or a longer title, of capitalised words (and "of", "and") and up to two in lower case
    # after them ("California Department of Alcohol and Drug Program deputy director Millicent
    # Tidwell told"; not "Caloundra opened the game with two tries before Wynnum hit back")
    # (perhaps after a role in lower case it is of: "leader of the Pueblo Sin Fronteras caravan
    # Irineo Mujica said")
    rf"|(?:(?:{_ROLE_HEADS})\s+(?=(?:of|for)\s))?"
    rf"(?:(?:[A-Z][\w.]*|of|and|for|the|&)\s+){{2,8}}(?:[a-z][\w\-]*\s+){{0,2}})"
    # "“…,” it said in a statement": a body's words, the one "it" stands for (`SUBJECT` has
    # no "it": before a quote it is as often a thing)
    rf"(?P<name>{SUBJECT}|(?<=\s)it(?=\s))"
    # (a role and the body it serves, each between commas: "Captain Manohar Nambiar, Chief
    # Public Relations Officer, Defence, said")
    rf"(?:(?:,|\s*[—–])\s*(?P<role>[^,;“”\"—–]+(?:,\s*[A-Z][^,;“”\"—–]{{0,40}})?)(?:,|\s*[—–])"
    # "Crystal C'Bearing of the Northern Arapaho tribal historic preservation office told"
    rf"|\s+(?:of|at|from)\s+the\s+(?:[\w’'\-]+\s+){{0,5}}?[a-z][\w\-]*"
    # "Fares Ghanem, a hospital official told the Associated Press": the comma left out
    rf"|,\s*(?:a|an|the)\s+[^,;“”\"—–]+?(?=\s+(?:{VERBS})\b)"
    # … or after a role with no article ("Hakan Sandbladh, spokesman for International
    # Federation of Red Cross and Red Crescent Societies said")
    rf"|,\s*(?:[a-z][\w\-]*\s+)?(?:{_ROLE_HEADS})\b[^,;“”\"—–]{{0,100}}?(?=\s+(?:{VERBS})\b))?"
    # "Gabriela Shalev, Israel's ambassador to the UN, was quoted as saying by Reuters"
    rf"\s+(?:{VERBS}|(?:was|were|is)\s+quoted\s+as\s+saying)\b"
)
# Two speakers at once: "Ann Lee and Tom Ward said", "Ann Lee and her husband issued"; not two
# offices of one person ("PG&E President and CEO Andy Vesey said").
_OFFICE_BEFORE_AND = "".join(
    f"(?<!{office})"
    for office in "President Chairman Chairwoman Chair Founder Director Secretary Chief "
    "Editor Publisher Owner Treasurer Governor Mayor Minister".split()
)
JOINT = re.compile(
    rf"{_NAME}{_OFFICE_BEFORE_AND}\s+(?:and|&)\s+(?:{_NAME}|(?:his|her|their)\s+[a-z]+)"
    rf"(?=\s+(?:{ADVERB}\s+)?(?:{VERBS_BEFORE}|issued|released|signed)\b)"
)
# A dash and a name after the quote, nothing else: “We waited” — Rosa Diaz. Or a post's
# signature, as pages print an embedded tweet: "— Donald J. Trump (@realDonaldTrump) February
# 18, 2018" (the handle and the day after the name).
DASH_NAME = re.compile(
    rf"^\s*[—–\-]+\s*(?P<name>{_NAME})(?P<role>)"
    r"(?:\s*\(@\w+\))?(?:\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$"
)
# Attribution later in the same sentence: “a back door” to economic assistance, said X, role.
LATE_SAID_NAME = re.compile(rf",\s*(?:{VERBS})\s+(?P<name>{_NAME})(?:,\s*(?P<role>[^.;“”\"]+))?")
# "Sales went up in a “sharp increase” last week, according to a Woolworths spokesperson.":
# the source the sentence ends with (its comma may be left out: "suffered “two deep wounds” in
# the attack according to a hospital spokesperson."). The spaces before "according" are taken
# from the first of their run only: a search trying each of a long run of spaces (a hostile page)
# took time quadratic in its length; the match is the same.
LATE_ACCORDING = re.compile(
    rf"(?:,\s*|(?<!\s)\s+)according\s+to\s+(?P<name>{_PHRASE})"
    # "…, according to Ann Lee, an economist at the bank.": her role after her name; "according
    # to the BBC's Tom Gibb in Sao Paulo.": where she reports from
    r"(?:,\s*(?P<role>(?:an?|the)\s+[^.;“”\"]+?)|\s+in\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2})?"
    r"\s*[.;]?\s*$"
)
# ("The border issue is the “main difference” between Greece and Turkey, he added.")
LATE_NAME_SAID = re.compile(
    rf",\s*(?P<name>{_NAME}|\b[Hh]e|\b[Ss]he)(?:,\s*(?P<role>[^,;“”\"]+),)?\s+(?:{VERBS})\b"
)
# An attribution typed inside the closing mark: “…, Graham said.”
INNER_ATTRIBUTION = re.compile(
    rf",\s+(?P<name>{_NAME}|[Hh]e|[Ss]he)\s+(?:{alternation(SAY_FORMS)})\.?\s*$"
)
# The same inside a quote's marks with the quote going on after it, a slip of marks: “He's made
# outrageous comments, Graham said, and I think he has to answer for them.” (a name only: "he
# said" inside a speaker's words is as often someone else's speech they report)
MID_ATTRIBUTION = re.compile(
    rf",\s+(?P<name>{_NAME})\s+(?:{alternation(SAY_FORMS)}),\s+(?=[a-z]|I\b)"
)
# A paragraph of reported speech ending in its attribution ("…, he said, demanding an inquiry.",
# "…, said disaster agency official Fauzi."): a quote paragraph right after it, without an
# attribution of its own, is the same speaker's. `late` is the name closing a role ("Fauzi").
_PARAGRAPH_SAYS = alternation(SAY_FORMS)
PARAGRAPH_SAID = re.compile(
    rf",\s*(?:(?P<name>{_NAME}|he|she)\s+(?:{_PARAGRAPH_SAYS})\b(?:,[^“”\".]*)?"
    rf"|(?:{_PARAGRAPH_SAYS})\s+(?:[a-z][\w\-]*\s+){{0,4}}(?P<late>{_NAME}))\.\s*$"
)
# The subject of a speech verb before the quote, the text up to the verb: "Kim has", "Aleem
# Siddique, a U.N. spokesman in South Sudan," (an appositive role), "the State Department, which".
SUBJECT_BEFORE_VERB = re.compile(
    rf"(?P<name>{SUBJECT})(?:,\s*(?:which|who)\s[^,“”\"]+,|,\s*(?P<role>[^,“”\"]+),|,\s+(?:which|who)"
    # "Richard Ferrand in relaying the news to parliament said": what he did as he spoke
    rf"|\s+(?:in|while|when|upon)\s+[a-z]+ing\b[^,.;:“”\"]{{0,60}}?"
    # "A woman who lives nearby said": a clause with no commas that says who
    rf"|\s+who\s+[^,.;:“”\"]{{1,60}}?)?"
    # "the family would say": a modal before the verb
    rf"\s+(?:(?:has|had|have|can|could|would|will|may|might|must|should|{ADVERB})\s+){{0,2}}$"
)
# A paragraph that ends in its speech verb, with no full stop ("… left a statement for the
# press, he said"): it introduces the quote of the next paragraph.
INTRODUCES_NEXT = re.compile(rf"\b(?:{VERBS_BEFORE})$")
# Words that name what a quote names ("called the plan “…”", "described it as “…”",
# "characterised the deaths as “…”"): the subject's words, as a speech verb's are.
NAMING_FORMS = (
    "called described describes referred refers indicated indicates accused protested "
    "characterised characterized characterises characterizes cited"
).split()
NAMING_PARTICIPLES = frozenset(
    "calling describing labelling labeling branding dubbing terming citing characterising "
    "characterizing".split()
)
BEFORE_VERB = re.compile(
    r"\b(?:(?:issued|released)\s+a\s+(?:statement|letter)|went\s+(?:on|(?:as|so)\s+far(?:\s+as)?)\s+"
    r"to\s+say|"
    + alternation(
        SAY_BEFORE_FORMS
        + TELL_FORMS
        + NAMING_FORMS
        + sorted(SPEECH_PARTICIPLES | NAMING_PARTICIPLES)
        + ["say", "insist", "accusing"]
    )
    + r")\b"
)  # Attribution before the quote in its sentence: X said (that ...) “…”; saying (…) “…”.
_TITLE_CUE = re.compile(
    r"\b(?:book|novel|memoir|film|movie|documentary|song|album|titled|entitled|headlined|"
    r"column|essay|paper|play|series|show)\b[^“”\"]{0,25}$",
    re.IGNORECASE,
)
_ROLE_START = re.compile(
    rf"^(?:a|an|the|former|senior|{_ROLE_NOUNS}|author|expert|researcher|fellow|who"
    # "Maya Rockeymoore Cummings, his wife and the current chairwoman of …, said"
    r"|(?:his|her|their)\s+(?:wife|husband|widow|widower|son|daughter|mother|father|brother|"
    r"sister|partner|lawyer|attorney|spokesman|spokeswoman|spokesperson))\b",
    re.IGNORECASE,
)


# Head nouns of a described speaker: a person with a role (speakers.PERSON_HEADS), an unnamed
# source, or a body that speaks as one ("the army", "the committee").
ANONYMOUS_HEADS = frozenset(
    "source sources official officials aide aides rep representative spokesman spokeswoman friend "
    "friends spokesperson insider insiders person people diplomat diplomats publicist "
    "correspondent reporter journalist husband wife son daughter mother father brother sister "
    "uncle aunt cousin partner fiancee fiancée girlfriend boyfriend nephew niece grandson "
    "granddaughter grandmother grandfather relative relatives neighbour neighbor".split()
)
# Of those, the ones a report never names, so "the source" is as anonymous as "a source".
UNNAMED_HEADS = frozenset("source sources insider insiders".split())
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
    "opinion decision notice notices".split()
)
# A document and who wrote it, after the quote: "according to a tweet on Monday by US Secretary
# of State Mike Pompeo": the one it is by speaks.
DOCUMENT_BY = re.compile(
    rf"(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w\-]*\s+)?(?:{'|'.join(sorted(DOCUMENT_HEADS))})\b"
    rf"[^,.;:“”\"]{{0,40}}?\s+by\s+(?P<name>{_PHRASE})"
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
    r"\b(?:declined|asked|refused|wished|did\s+not\s+want|didn[’']t\s+want)\s+(?:not\s+)?to\s+be"
    r"\s+(?:named|identified)"
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


# Words of a title: each capitalised, a number or a function word.
_TITLE_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


def looks_like_a_name(text: str, max_words: int = NAME_WORDS) -> bool:
    """A short quoted phrase in title case ("American Pie", "Ring of Fire", "Boxing Day"): a
    title or a name set in quote marks, which nobody says; `max_words` for a longer title
    ("Take Your Daughters and Sons to Work Day")."""
    words = _TITLE_WORD.findall(text)
    if not 0 < len(words) <= max_words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in FUNCTION_WORDS for w in words)


def starts_upper(text: str) -> bool:
    letters = re.search(r"[^\W\d_]", text)
    return bool(letters and letters.group().isupper())


# After these verbs a name is who speaks ("said spokesman Ann Lee."); after "told" it is who
# was told ("Stamenković told National Geographic.").
_REPORTED_VERBS = alternation(CORE_SAY + ["reported"])
# Verbs of reported speech after their subject ("Ann Lee warned that …", "Ann Lee pointed out
# …"); after a verb, a name is its speaker only after "said" or "told" ("said spokesman Ann
# Lee."; not "confirmed the death of Ann Lee.").
_REPORTED_AFTER_NAME = alternation(
    CORE_SAY
    + speech_forms(
        "tell report warn argue explain note claim insist state announce confirm "
        "acknowledge admit concede stress emphasise point_out suggest allege reveal disclose "
        "predict estimate write tweet recall complain testify assure inform"
    )
)
# Capitalised words that open a sentence without naming anyone.
STOP_CAPITALS = CLAUSE_OPENERS | frozenset(
    "the a an and for in on at now so it its his her their they he she we essentially however "
    "meanwhile also there".split()
)
REPORTED = re.compile(
    rf"(?:^|,\s+)(?P<name>{_NAME})(?:,\s*(?P<role>[^,]+),)?\s+(?:(?:also|later|further)\s+)?"
    rf"(?:{_REPORTED_AFTER_NAME})\b"  # "Dr. Alsip also said Dr. Benjamin is tenacious."
    rf"|\b(?:{_REPORTED_VERBS})\s+(?:[a-z][\w\-]*\s+){{0,4}}(?P<late>{_NAME})\s*[,.]"
)
