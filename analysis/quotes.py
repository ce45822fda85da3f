"""Direct quotes in a report and who said them.

Heuristic, tuned on English news style: “…,” said X / “…,” X said / X said “…” /
X, a professor at Y, said / “…,” he added (pronoun -> the previous speaker) / a quote running
over several sentences (the next quote without attribution continues the last speaker) / a
fragment inside a sentence (“very good diplomat”). Quoted titles (“Unveiling the North Korean
Economy.” after "book") are not quotes. Speakers are resolved to entity names when entities are
given; a bare surname is the most recent full name that contains it ("Kim said" after
"Kim Byung-yeon" is Kim Byung-yeon). A speaker the report only describes stays described, kind
"anonymous" ("a source within the ministry", "One of the children", "The mother" when nobody was
given that role), never the nearest name; a document speaks for its issuer when the report
names one, else as itself ("The study", "Reports", "according to agreed facts"); a body's
words are the body's ("Boeing … telling Wikinews the company “…”").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from kimreader.analysis.attribution import (
    ABBREVIATED_TITLE,
    ACCORDING_TO,
    ADVERB,
    AFTER_NAME_SAID,
    AFTER_SAID_NAME,
    AFTER_SAID_ROLE_NAME,
    AGENT_AFTER,
    ANONYMITY,
    ANONYMOUS_HEADS,
    AS_PUT_IT,
    BEFORE_VERB,
    BODY_HEADS,
    BY_AGENT,
    DASH_NAME,
    DOCUMENT_BY,
    DOCUMENT_HEADS,
    GROUP_BODIES,
    GROUP_PEOPLE,
    INDEFINITE_DETERMINERS,
    INNER_ATTRIBUTION,
    INTRODUCES_NEXT,
    ISSUER,
    JOINT,
    LATE_ACCORDING,
    LATE_NAME_SAID,
    LATE_SAID_NAME,
    MID_ATTRIBUTION,
    NAME_WORDS,
    NAMED_BEFORE,
    NAMING_PARTICIPLES,
    NO_DAY,
    OWNER_THEN_NAME,
    PARAGRAPH_SAID,
    PARTITIVE,
    PASSIVE,
    PASSIVE_BEFORE_QUOTE,
    PRONOUNS,
    QUOTED_AS_SAYING,
    REPORTED,
    ROLE_PREFIX,
    SAY_FORMS,
    SIGN_SAYING,
    SPEAKER_DETERMINERS,
    SPEECH_PARTICIPLES,
    STATEMENT_BY,
    STOP_CAPITALS,
    SUBJECT,
    SUBJECT_BEFORE_VERB,
    TELL_FORMS,
    UNNAMED_HEADS,
    VERBS,
    alternation,
    before_tail,
    clause_after,
    clean_role,
    is_title,
    looks_like_a_name,
    speech_forms,
    starts_upper,
    title_cased,
)
from kimreader.analysis.entity import Entity
from kimreader.analysis.names import (
    FUNCTION_WORDS,
    canonical_key,
    given_name_pronoun,
    particle_alternatives,
    surname,
)
from kimreader.analysis.prose import markdown_prose
from kimreader.analysis.quote_marks import (
    is_headline,
    is_quote_mark,
    quote_pieces,
    with_single_marks,
    with_typed_marks,
)
from kimreader.analysis.quotes_model import Context, SpeakerModel, decide, shipped_model
from kimreader.analysis.speakers import (
    PERSON_HEADS,
    RELATIONS,
    People,
    title_before,
)
from kimreader.analysis.text import ARTICLES_REMEMBERED, all_sentences, paragraphs
from kimreader.analysis.timeline import DAY_NAMES
from kimreader.corpus.span import TextSpan, text_span


@dataclass(frozen=True)
class Quote:
    """A direct quote; body[start:end] == text (inside the quote marks)."""

    speaker: str  # resolved name, "" when no speaker could be found
    role: str  # "a professor at Renmin University", "" when the text gives none
    text: str
    start: int
    end: int
    full: bool  # a whole sentence (or more) rather than a fragment inside one
    cue: str  # how the speaker was found: after, before, late, continuation, subject, previous
    # (the paragraph before ends in an attribution), none; name (a title or a name in quote
    # marks: nobody's words), headline (a quote in a headline without attribution), joint (two
    # speakers at once, "X and Y said": neither alone), thing (words a thing that is no speaker
    # bears: "signs which read “…”"), described (a fragment the sentence's passive verb says of
    # its subject: "was praised as a “great statesman”")
    report: str = ""  # "a" or "b" once placed in a comparison
    speaker_kind: str = ""  # person | body | anonymous ("a senior official"); "" without speaker

    @property
    def kind_shown(self) -> str:
        """The speaker's kind where readers need it beside the name ("The mother" is no one
        named: anonymous; "the study": body), else ""."""
        return self.speaker_kind if self.speaker_kind in ("anonymous", "body") else ""

    def to_json(self) -> dict[str, object]:
        return {
            "report": self.report,
            "speaker": self.speaker,
            "role": self.role,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "full": self.full,
            "speaker_kind": self.speaker_kind,
        }


# Cues of quotes that get no speaker, and give none to the quotes around them.
_NOBODY_S = frozenset({"name", "headline", "joint", "thing", "described"})
# A passive verb right after a subject, or after an aside between commas ("Powell, after
# announcing his resignation, was praised"): the subject is spoken of.
_PASSIVE_AFTER_SUBJECT = re.compile(rf"(?:\s*,[^,;.“”\"]{{0,80}},|,)?\s+{PASSIVE}\w+(?:ed|en)\b")
# Quote marks and punctuation between two quotes ("“A.” “B,” he said"), and an attribution
# ("“igniting,” as Reuters reported, “fears …”").
_MARKS = "[\\s\"“”'‘’.,;:!?…—–\\-]*"
_ONLY_AN_ATTRIBUTION = re.compile(
    rf"{_MARKS}(?:(?:as\s+)?(?:{SUBJECT})\s+(?:{VERBS})|(?:{VERBS})\s+(?:{SUBJECT}))?{_MARKS}"
)
# Quoted words that end their sentence (“No.”, “Why?”), or a clause (“No,” he said).
_ENDS_SENTENCE = re.compile(r"[.!?]\W*$")
# "[,]" and "[.]": punctuation an editor added inside the marks still ends the clause.
_ENDS_CLAUSE = re.compile(r"[.!?,;:…—–\-]\]?\s*$")
# A word or two ending in an exclamation or a question mark ("a-ha!", "eureka!").
_EXCLAIMS = re.compile(r"^[^.!?,;:…]*[!?]\s*$")
# Between a person and the body or place they belong to: "Ann Lee of the Red Cross", "Ann Lee,
# a nurse, from the …", "Tom Ward of worldwide victim group …" (a few words, no clause).
_MEMBER_OF = re.compile(
    r"(?:,[^,;.“”\"]{1,60},|,(?:\s+[\w’'-]+){1,8}?)?\s+(?:of|from|at)\s+(?:[\w.’'-]+\s+){0,5}"
)  # "Ken Boehm, chairman of the National Legal and Policy Center, an independent group …, said"
# A sentence's end between a person and a body: no affiliation ("…, Elizabeth, and Toni, from
# his previous marriage.\n\nThe family's statement read").
_SENTENCE_ENDS_BETWEEN = re.compile(r"\n|\w{3}[.!?]\s")
# A name in marks right after "Ann Lee of": an organisation's, not words she said.
_MEMBER_OF_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+(?:of|from|at)\s+$")
# A sentence opening with a participle and no subject before the quote ("Calling it as").
# Only a speech act's participle: "During …", "Following …", "Using the slogan …" are not.
_OPENING_PARTICIPLE = re.compile(
    r"^\s*(?:Calling|Describing|Labell?ing|Branding|Dubbing|Terming|Saying|Insisting|Warning|"
    r"Arguing|Claiming|Dismissing|Praising|Critici[sz]ing)\b[^,;.]*$"
)
# How far before a body or place its member can be named ("Ann Lee, a nurse, of the …").
_MEMBER_REACH = 120
_COMMA_AFTER = re.compile(r"\s*,\s*")
# A name that ends the clause right after a description ("… Research Fellow Martin How.").
_NAME_ENDING_CLAUSE = re.compile(
    r"\s+(?P<name>(?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)\s*(?:[.,;]|$)"
)
_CLAUSE_BREAK_BEFORE = re.compile(r"[,:;—–(]\s*$")
# After a body: "University of California, San Diego's chancellor, " or "(the Trump) campaign's
# spokesman, " before the person named.
_OWNED_ROLE = re.compile(
    r"(?:,\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*|\s+[a-z][\w-]*)?[’']s\s+(?:[a-z][\w-]*\s+){0,3}"
    r"[a-z][\w-]*,\s+"
)
# A noun for words as a thing right before the marks: what follows is that thing's name.
_NAMING_NOUN_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[a-z]+\s+)?(?:hashtag|slogan|"
    r"motto|banner|caption|nickname|label|chant|catchphrase|tagline)s?\s*$"
)
# Words a speaker in the first person uses of themselves (one list, as a set of lower-case
# words and as a pattern over text, either apostrophe, a capital opening a sentence), and the
# second person: who reports or reads, never a speaker as written ("I said", "you").
_FIRST_PERSON = frozenset(
    "i i'm i've i'd i'll me my mine myself we we've we're us our ours ourselves".split()
)
_SECOND_PERSON = frozenset({"you", "your"})
_FIRST_AND_SECOND_PERSON = _FIRST_PERSON | _SECOND_PERSON
_SPEAKER_HEADS = BODY_HEADS | PERSON_HEADS  # a described speaker's last word
_FIRST_PERSON_IN_TEXT = re.compile(
    r"\b(?:"
    + "|".join(
        ("I" if word[0] == "i" else f"[{word[0].upper()}{word[0]}]") + word[1:].replace("'", "['’]")
        for word in sorted(_FIRST_PERSON, key=len, reverse=True)
    )
    + r")\b"
)
# ", who" right after a subject as read; a person's role up to a body or place it names (", a
# marine ecologist and Regents Professor at ").
_WHO_RIGHT_AFTER = re.compile(r",\s+who\b")
_WHO_CLAUSE_OPENS = re.compile(r",\s+who\s")
# A role set after a name and a comma, not closed before the quote ("Emery, a writer for …").
_OPEN_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[^,;:.“”\"()]|\.(?=\w))*$")
# ", who asked not to be named," or " who did not want to be named said": what the clause says
_WHO_CLAUSE = re.compile(r",?\s+who\s[^,;:.“”\"]+")
_ROLE_UP_TO = re.compile(r",\s+[^,;:.“”\"]{1,100}?\s(?:at|of|for|from|in|with)\s+(?:the\s+)?")
# A title in apposition: after a noun phrase and its comma, before the comma and the verb of the
# clause the noun phrase is the subject of ("his event, “…”, was posted").
_APPOSITION_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he|[Aa]n?)\s+(?:[\w\-]+\s+){0,2}?[a-z][\w\-]*,\s*$"
)
_APPOSITION_AFTER = re.compile(r"\s*,\s+(?:was|is|were|are|has|had|have|will|would|can|could)\b")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Oo]ur)\s*$")
# A word after the closing mark that goes on with a noun phrase ("task", "star's"), not with
# the sentence ("and", "who", "was", "for"), nor a time or an adverb ('Sales went up in a "sharp
# increase" last week, according to a Woolworths spokesperson.': "last" is no noun's).
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:who|which|that|and|or|but|nor|in|of|for|on|at|to|with|from|by|as|than|is|was|are|"
    r"were|has|had|have|be|been|will|would|could|should|can|may|might|not|yet|so|when|where|"
    r"while|because|if|into|over|after|before|since|until|about|against|during|the|an?|this|"
    r"his|her|its|their|last|next|yesterday|today|tonight|tomorrow|earlier|later|again|too|"
    r"also|now|then|instead|here|there|between|among|within|without|across|through|toward|"
    r"towards|under|above|below|beyond|around|behind|near|per|via|amid|despite|like)\b)[a-z]"
)
# A sentence opening with a document as its subject ("The study itself outlined", "Reports on
# the implement used vary"), and a copula or a passive anywhere before the quote (then the
# document is what the sentence is about, not who speaks: "The report was released amid “…”").
_DOCUMENTS = "|".join(sorted(DOCUMENT_HEADS, key=len, reverse=True))
_DOCUMENT_SUBJECT = re.compile(
    r"\s*(?P<name>(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]n?)\s+)?(?:[a-z][\w\-]*\s+){0,2}?"
    rf"(?:{_DOCUMENTS})|(?:{_DOCUMENTS.title()}))\b(?:\s+itself)?\s+[a-z]"
)
_COPULA = re.compile(r"\b(?:is|are|was|were|be|been|being)\b")
# A document's head right after a speaker as written ("Stardom's official" + " statement").
_DOCUMENT_RIGHT_AFTER = re.compile(rf"\s+({_DOCUMENTS})\b")
# A body named by a name used as a modifier: "the Biden campaign", "The Trump administration".
NAMED_BODY = rf"[Tt]he\s+(?:[A-Z][\w\-’']*\s+){{1,3}}(?:{'|'.join(sorted(BODY_HEADS))})\b(?![’'])"
# A sentence's opening subject and the word after it; "X's rep" whole, never "X's" alone.
_HEADS = "|".join(sorted(ANONYMOUS_HEADS | PERSON_HEADS | BODY_HEADS | GROUP_PEOPLE))
# A described speaker opening a sentence ("An eyewitness described"; not "An" as a name).
_DESCRIBED_OPENING = (
    rf"(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{_HEADS})\b(?![’'])"
    r"(?=\s+(?:[a-z]+(?:ed|s)|said|told|wrote|made|gave|spoke|put|sent|read)\b)"
)  # followed by a verb: "an official government Twitter account" is no official
_OPENING_SUBJECT = re.compile(
    rf"\s*(?P<name>{NAMED_BODY}|{_DESCRIBED_OPENING}|{SUBJECT}(?<![’']s)|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){{0,3}}[’']s\s+"
    rf"(?:{'|'.join(sorted(ANONYMOUS_HEADS | PERSON_HEADS | BODY_HEADS))})"
    rf"(?=\s+(?:[a-z]+(?:ed|s)|said|told|wrote|made|gave|spoke|put|sent|read|{_DOCUMENTS})\b))"
    r"\s+[a-z]+"
)  # "X's head" and a verb or a document ("Stardom's official statement"): "Iran's deputy
# foreign minister" is no "Iran's deputy"
_PASSIVE_BEFORE = re.compile(rf"{PASSIVE}$")
# A person's office and the preposition of its complement right before a speaker as written
# ("ambassador to " the United States): the end of a longer subject.
_OFFICE_OF_BEFORE = re.compile(r"\b(?P<head>[a-z][\w\-]*)\s+(?:to|of|for|from|at|in)\s+$")
# The comma closing an aside right after its speech verb ("said Monday, ").
_ASIDE_CLOSES = re.compile(
    rf"(?:\s+(?:on\s+)?(?:{DAY_NAMES}|today|"
    r"yesterday|earlier|later|recently))?\s*,\s"
)
# A paragraph that is only an attribution ("Netanyahu said.", "said Ann Lee.").
_ATTRIBUTION_ALONE = re.compile(
    r"(?P<name>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*|[Hh]e|[Ss]he)\s+"
    r"(?:said|says|added|wrote|tweeted|told\s+[\w\s]{1,30}?)\.?"
    r"|(?:said|says|added)\s+(?P<late>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*)\.?"
)
# "“…,” Ali Akbar Salehi was quoted by Iranian state television as saying": a passive quoting.
_QUOTED_PASSIVE = re.compile(
    r"^\W*(?P<name>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*)\s+(?:was|were|is|has\s+been)\s+"
    r"quoted\s+(?:by\s+[^,.;“”\"]{1,60}?\s+)?as\s+saying\b"
)
# A capitalised word opening a sentence before a verb ("May was", "Khan said").
_SURNAME_OPENING = re.compile(
    r"\s*(?P<word>[A-Z][a-z][\w’'\-]*)\s+(?:(?:also|then|later|again)\s+)?"
    r"(?:was|is|has|had|said|says|told|[a-z]+ed)\b"
)
# A time between a subject and its verb ("Trump late Thursday tweeted", "Ann Lee on Monday said").
_TIME_BEFORE_VERB = re.compile(
    r"\s+(?:(?:late|early|on|last|this|earlier|later|since)\s+)?"
    rf"(?:{DAY_NAMES})(?:\s+(?:morning|afternoon|evening|night))?\s+$"
)
# A verb of reporting: an outlet's account of someone's words, not words of its own.
_REPORTED_VERB = re.compile(r"\b(?:reported|reports|reporting)\b")
# "“very low height” according to The Aviation Herald": a source whatever the punctuation.
_ACCORDING_AFTER = re.compile(r"\W*according\s+to\s")
# "According to …" opening the sentence up to a name, with no comma or stop between.
_OPENS_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b[^,.;:“”\"\n]*$")
# Someone naming a thing with an object between ("referred to the vote as", "described the
# deal as"): active, so the words in marks are the subject's.
_NAMING_ACTIVE = re.compile(
    r"\b(?:referred\s+to|refers\s+to|referring\s+to|described|describes|describing|"
    r"characteri[sz](?:ed|es|ing))\s+"
    r"(?!by\b)(?:[\w’'\-]+\s+){1,5}?as\s+(?:an?\s+|the\s+)?$"
    r"|\b(?:calling|calls)\s+(?:[\w’'\-]+\s+){1,5}?(?:an?\s+|the\s+)?$"
)  # not "called": "a pattern called a “glider”" names the pattern
_ASKED_TO = re.compile(r"\s+(?:[\w’'\-]+\s+){0,3}to\s")
# A capitalised word and a comma right before a place ("University of California, Los Angeles").
_NAME_AND_COMMA = re.compile(r"\b[A-Z][\w\-]*,\s+$")
# A name alone in a role's place ("her mother, Fiona, said").
# ("the panel’s top Democrat, Rep. Tom Lantos of California": a title before it, and the
# place the person is from, after it)
_A_NAME = re.compile(
    rf"\s*{NO_DAY}(?:{ABBREVIATED_TITLE}\s+)?(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){{0,2}})"
    r"(?:\s+of\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)?\s*(?:,|$)"
)
# A party and state tag set after a lawmaker's name ("R-Va.", "D-N.Y."): no one's name.
_PARTY_TAG = re.compile(r"[DIR]-[A-Z][A-Za-z.]{0,5}")
_NAME_BEFORE_TAG = re.compile(r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,2})$")
# The words after the closing mark go on with a new clause (“No”, he said / “No” — he said).
_OPENS_CLAUSE = re.compile(r"\s*[,;:—–\-]")


@dataclass
class _Draft:
    span: TextSpan
    paragraph: int
    full: bool
    written: str = ""  # the speaker as written ("Lankov", "he", "the North Korean leader")
    written_at: int = 0
    role: str = ""
    cue: str = "none"
    speaker: str = ""
    kind: str = ""
    continued: bool = False  # the piece of a quote carried over from the paragraph before
    inside: bool = False  # a fragment inside a sentence of narrative ("shifts approaches from “…”")
    before: str = ""  # its sentence's words before it


class _QuoteFinder:
    def __init__(self, body: str, entities: Sequence[Entity]) -> None:
        self.original = body
        # Double marks typed as two characters ("``…''") read as one (same offsets); the quotes'
        # and sentences' text is the body's as written
        body = with_typed_marks(body)
        self.body = body
        # Where the report quotes with single marks, they are read as quote marks (same offsets).
        self.marked = with_single_marks(body)
        pieces = _split_at_attributions(
            [(text_span(body, s.start, s.end), c) for s, c in quote_pieces(self.marked)]
        )
        self.spans = [span for span, _continued in pieces]
        self.continued = {span.start for span, continued in pieces if continued}
        entities = _with_titled_surnames(body, entities)
        self.people = People(body, entities, self.spans)
        self.bodies = [span for e in entities if e.type == "org" for span in e.mentions]
        self.body_mentions = [(s, e, org.name) for org in entities if org.type == "org"
                              for s, e in org.mentions]  # fmt: skip
        self._bodies_in_order = sorted(self.body_mentions)
        self._body_starts = [start for start, _end, _name in self._bodies_in_order]
        self.places = [span for e in entities if e.type == "place" for span in e.mentions]
        # "he" or "she" stands for no place the report names ("Roads …, including Banstead High
        # Street itself, were closed …. She added: “…”"); organisations are left, as the model
        # types people as organisations ("Al-Sawarmi Khalid") more often than as places
        # (names of one word are left too: the model types people as places, "Fauzi")
        self._place_names = [
            name for e in entities if e.type == "place" for name in e.aliases if " " in name
        ]
        self.person_spans = sorted(
            span for e in entities if e.type == "person" for span in e.mentions
        )
        self._person_starts = [start for start, _end in self.person_spans]
        self.paragraphs = paragraphs(body)
        self.sentences = all_sentences(body)
        # Looked up by bisection: pronouns ask of the sentences and quotes near each quote.
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self._joint_spans: dict[int, list[tuple[int, int]]] = {}  # JOINT in each sentence read
        self._unnamed: list[str] = []  # the unnamed speakers of the quotes resolved so far
        self._spans_by_start = sorted(self.spans, key=lambda span: span.start)
        self._span_starts = [span.start for span in self._spans_by_start]
        self.roles = self._roles()
        # The body with every quote and its marks blanked (same offsets): the words around them.
        blanked = list(self.marked)
        for span in self.spans:
            start, end = max(0, span.start - 1), min(len(body), span.end + 1)
            blanked[start:end] = " " * (end - start)
            if _ENDS_SENTENCE.search(span.text):  # “We won.” Then …: the sentence ended there
                blanked[end - 1] = "."
        self._blanked = "".join(blanked)
        self._genders: dict[str, str] = {}
        self._sexes: dict[str, str] = {}
        self._acting_in_sentence: dict[int, list[str]] = {}
        self._reported: dict[tuple[int, int, bool], str] = {}
        self._titled: dict[str, list[tuple[int, str]]] = {}

    def _roles(self) -> dict[str, str]:
        """The role a report gives each person: appositive after the full name, or a title."""
        roles: dict[str, str] = {}
        for start, end, canonical in self.people.full_names:
            # "According to a memo … by Senator Juan Dalmau, the Senate cancelled …": that
            # comma closes the opening phrase, and the main clause follows, not an appositive.
            opening = _OPENS_ACCORDING.search(self.body, max(0, start - 160), start)
            after = None if opening else re.match(r",\s*([^,.;“”\"]+)", self.body[end : end + 240])
            role = clean_role(after.group(1)) if after else ""
            if not role:
                prefix = ROLE_PREFIX.search(self.body[max(0, start - 60) : start])
                role = prefix.group(1).strip() if prefix else ""
            if role and canonical not in roles:
                roles[canonical] = role
        return roles

    def find(self, model: SpeakerModel | None = None) -> list[Quote]:
        """The quotes with the rules' speakers, and with `model` given the model's say (only
        with the entity model's people or organisations: its evidence is where they are named)."""
        drafts = self.drafts()
        if model is not None and (self.person_spans or self.body_mentions):
            for draft, (speaker, kind, cue) in zip(
                drafts, decide(model, self.model_context(), drafts), strict=True
            ):
                draft.speaker, draft.kind, draft.cue = speaker, kind, cue
        quotes: list[Quote] = []
        for draft in drafts:
            # “…,” said X: the comma belongs to the attribution, not to the words quoted.
            text = draft.span.text.rstrip().rstrip(",").rstrip()
            text = self.original[draft.span.start : draft.span.start + len(text)]
            quotes.append(
                Quote(
                    speaker=draft.speaker,
                    role=draft.role or self.roles.get(draft.speaker, ""),
                    text=text,
                    start=draft.span.start,
                    end=draft.span.start + len(text),
                    full=draft.full,
                    cue=draft.cue,
                    speaker_kind=(draft.kind or "person") if draft.speaker else "",
                )
            )
        return quotes

    def drafts(self) -> list[_Draft]:
        """The quotes as drafts with the rules' speakers, in text order."""
        drafts = [draft for draft in self._drafts() if draft is not None]
        self._resolve(drafts)
        return drafts

    def model_context(self) -> Context:
        """What the speaker model reads of this report."""
        return Context(
            self.body,
            self.sentences,
            [paragraph.start for paragraph in self.paragraphs],
            self.people,
            self.person_spans,
            self.body_mentions,
            self.spans,
        )

    def _drafts(self) -> list[_Draft | None]:
        drafts: list[_Draft | None] = []
        starts = [span.start for span in self.spans]  # in text order
        for number, paragraph in enumerate(self.paragraphs):
            first, last = bisect_left(starts, paragraph.start), bisect_left(starts, paragraph.end)
            inside = self.spans[first:last]
            for index, span in enumerate(inside):
                previous_end = inside[index - 1].end + 1 if index else self._logical_start(number)
                next_start = inside[index + 1].start - 1 if index + 1 < len(inside) else None
                before = before_tail(self.body[previous_end : span.start - 1])
                rest = self.body[span.end + 1 : next_start or paragraph.end]
                # '“It is a big universe.”The next step is up to Congress, Pelosi said.': a
                # sentence quoted whole, its mark closed with no space before the next sentence,
                # which attributes nothing of it
                glued = rest[:1].isupper() and bool(_ENDS_SENTENCE.search(span.text))
                after = "" if glued else clause_after(rest)
                # “…” X said “…”: an attribution running on into the next quote is its own
                leads_on = next_start is not None and after == rest
                leads_on = leads_on and bool(INTRODUCES_NEXT.search(after.rstrip(" ,:")))
                # “Our team” Ann Lee said in a release “has developed …”: the sentence runs on
                # into the next quote, lower case, past the attribution between them
                runs_on = (
                    next_start is not None
                    and after == rest
                    and inside[index + 1].text[:1].islower()
                )
                drafts.append(self._draft(span, number, before, after, leads_on, runs_on))
        return drafts

    def _draft(
        self,
        span: TextSpan,
        paragraph: int,
        before: str,
        after: str,
        leads_on: bool = False,
        runs_on: bool = False,
    ) -> _Draft | None:
        if is_title(before, span.text):
            return None
        lead = before.strip()
        if lead.endswith("(") and after.lstrip().startswith(")") and looks_like_a_name(span.text):
            # "Luiz Inacio Lula da Silva (“Lula”), according to the BBC's Tom Gibb": a name
            # in brackets, nobody's words (the attribution after the brackets is not its)
            return _Draft(span, paragraph, full=False, cue="name")
        opens_sentence = not lead or lead.endswith(":") or bool(re.search(rf"(?:{VERBS}),?$", lead))
        inner = INNER_ATTRIBUTION.search(span.text)
        if inner:  # “He’s made outrageous comments, Graham said.”: the marks hold the attribution
            span = TextSpan(span.start, span.start + inner.start(), span.text[: inner.start()])
        draft = _Draft(span, paragraph, full=opens_sentence and starts_upper(span.text))
        # (not after a full stop read as an abbreviation's: "… at Microsoft Corp. “With …”")
        draft.inside = bool(lead) and not opens_sentence and lead[-1] not in ".!?"
        draft.before = before
        if inner:
            draft.written, draft.cue = inner.group("name"), "after"
            draft.written_at = span.start + inner.start("name")
            draft.continued = span.start in self.continued
            return draft
        draft.continued = span.start in self.continued
        introduced = bool(lead) and opens_sentence  # Smith said: “No.” is speech, not a title
        if not draft.continued and self._names_a_thing(span, before, after):
            draft.cue = "name"  # a “direction discrimination” task: a term, nobody's words
            return draft
        if (
            len(span.text.split()) <= NAME_WORDS
            and NAMED_BEFORE.search(before)
            and not (PASSIVE_BEFORE_QUOTE.search(before) and AGENT_AFTER.match(after))
            and not _ACCORDING_TO_LAST.search(before)
        ):  # not “was called ‘a liar’ by X”: X's words (a passive with its agent); not
            # "according to CNN, was called the “breadbasket”": so called by CNN's account
            draft.cue = "name"  # known as “the Iron Lady”, named “Senator of the Year”
            return draft
        if (
            not draft.continued
            and not introduced
            and _PREPOSITION_TAIL.search(before)
            and not _speech_verbs(before)
            and _a_long_title(span.text)
            and self._marked(span)
        ):  # 'a briefing for "Take Your Daughters and Sons to Work Day,"': an event's name
            draft.cue = "name"
            return draft
        if self._subject_after_participle(draft, before, after):
            return draft
        if not (leads_on and _ENDS_SENTENCE.search(span.text)) and self._speaker_after(
            draft, before, after, introduced, runs_on
        ):  # not “… our time.” Jo Lee said “…”: Jo Lee's sentence introduces the next quote
            return draft
        if (
            not draft.continued
            and not introduced
            and looks_like_a_name(span.text)
            and self._marked(span)
            and not self._named_by_someone(before)
        ):
            draft.cue = "name"  # a title or a name in quote marks ("American Pie"): no speaker
            return draft
        if not introduced and self._closed(span) and is_headline(self.paragraphs[paragraph].text):
            # "Sudan 'bombs refugees'": a headline names no speaker (a quote left open at the
            # paragraph's end runs on over the next: no headline, 'sue:\n\n"This administration
            # has rejected anything with a whiff of science\n\nso before …')
            draft.cue = "headline"
            return draft
        below = self._attributed_below(draft)
        if below:  # '"First, Iran lied …,"\n\nNetanyahu said.': the page broke the sentence
            draft.written, draft.written_at, draft.cue = *below, "after"
            return draft
        signature = self._signed_below(draft)
        if signature:  # the quote closes its paragraph, and the next is its signature:
            # '"… make us all proud!"' then "— Donald J. Trump (@realDonaldTrump) February 18,
            # 2018", as pages print a post
            draft.written, draft.written_at, draft.cue = *signature, "after"
            return draft
        if lead:
            sentence = self._sentence_before(draft, before)
            self._speaker_before(draft, sentence, span.start - 1 - len(sentence))
        elif not draft.continued and not self._speaker_of_sentence_before(draft):
            self._speaker_of_paragraph_before(draft)
        return draft

    def _logical_start(self, number: int) -> int:
        """Where paragraph `number`'s sentence starts: the paragraph's start, or an earlier
        paragraph's when the page broke one sentence over several (the one before ends with a
        comma, or with no punctuation and this one opens in lower case: "Secretary of State Mike
        Pompeo, who met with Netanyahu in Israel on Sunday,\n\naccused Iran of “…”"), over
        at most three paragraphs with no quote marks."""
        at = number
        while at > 0 and number - at < 3:
            previous = self.paragraphs[at - 1].text.rstrip()
            current = self.paragraphs[at].text.lstrip()
            if not previous or any(is_quote_mark(char) for char in previous):
                break
            ended = previous[-1] in ".!?:;…)]\"”’'"
            if not (previous[-1] == "," or (not ended and current[:1].islower())):
                break
            at -= 1
        return self.paragraphs[at].start

    def _attributed_below(self, draft: _Draft) -> tuple[str, int] | None:
        """The speaker of a quote that closes its paragraph with a comma when the next paragraph
        is its attribution alone ("Netanyahu said."), as written and where; else None."""
        paragraph = self.paragraphs[draft.paragraph]
        if draft.paragraph + 1 >= len(self.paragraphs) or not self._closed(draft.span):
            return None
        if not draft.span.text.rstrip().endswith(","):
            return None
        if self.body[draft.span.end + 1 : paragraph.end].strip():
            return None
        below = self.paragraphs[draft.paragraph + 1]
        said = _ATTRIBUTION_ALONE.fullmatch(below.text.strip())
        if not said:
            return None
        group = "name" if said.group("name") else "late"  # "Netanyahu said." / "said Ann Lee."
        at = below.start + below.text.index(below.text.strip()) + said.start(group)
        return said.group(group), at

    def _signed_below(self, draft: _Draft) -> tuple[str, int] | None:
        """The name signing the paragraph after a quote that closes its own (DASH_NAME: "—
        Donald J. Trump (@realDonaldTrump) February 18, 2018"), as written and where; None
        when the quote does not end its paragraph or the next is no signature."""
        paragraph = self.paragraphs[draft.paragraph]
        if draft.paragraph + 1 >= len(self.paragraphs) or not self._closed(draft.span):
            return None
        if self.body[draft.span.end + 1 : paragraph.end].strip():
            return None
        below = self.paragraphs[draft.paragraph + 1]
        signed = DASH_NAME.match(below.text)
        if not signed:
            return None
        return signed.group("name"), below.start + signed.start("name")

    def _speaker_like(self, written: str, at: int) -> bool:
        """Whether words opening a sentence are a speaker's, not any capitalised word ("New
        lower prices", "Application-first"): a pronoun, a person or organisation the entities
        name there, a body named by its head ("the Biden campaign"), or a described speaker
        ("An eyewitness", "the ministry")."""
        words = written.lower().split()
        if words[0] in PRONOUNS:
            return True
        if self._person_end(at) is not None or any(s == at for s, _e in self.bodies):
            return True
        heads = _SPEAKING_HEADS | BODY_HEADS | DOCUMENT_HEADS
        return words[0] in _DETERMINERS and len(words) > 1 and words[-1] in heads

    @staticmethod
    def _named_by_someone(before: str) -> bool:
        """ "Trump … referred to the vote as “The Impeachment Hoax”": what someone calls a thing,
        their words even in title case (not "was referred to as", "a man described as")."""
        naming = _NAMING_ACTIVE.search(before)
        return naming is not None and not _PASSIVE_BEFORE.search(before, 0, naming.start())

    def _opens_with_a_speaker(self, written: str, at: int) -> bool:
        """Whether a sentence's first words can be who speaks ("He", "Ana Ruiz", "The Met
        Office" when a body; not "In", "Explaining", "The Obama administration's comments")."""
        words = written.lower().split()
        if words[0] in ("a", "an"):  # "An eyewitness described …, stating"
            return len(words) > 1 and words[-1] in _SPEAKING_HEADS
        if words[0] == "the":  # "The ministry", "The governor" (a person the report titles so)
            end = at + len(written)
            return len(words) > 1 and (
                words[-1] in _SPEAKER_HEADS or any(at <= s and e <= end for s, e in self.bodies)
            )
        first = words[0]
        named = self._person_end(at) is not None or any(s == at for s, _e in self.bodies)
        return first in PRONOUNS or (
            first not in STOP_CAPITALS and (named or not first.endswith("ing"))
        )  # "Explaining" opens with a participle; "Boeing" (a body named) is a subject

    def _joint(self, at: int) -> bool:
        """Whether the speaker written at `at` is one of two said to speak together."""
        index = bisect_right(self._sentence_starts, at) - 1  # sentences are in order
        sentence = self.sentences[index] if index >= 0 else None
        if sentence is None or at >= sentence.end:
            return False
        if index not in self._joint_spans:  # once per sentence: a long one has many speakers
            self._joint_spans[index] = [found.span() for found in JOINT.finditer(sentence.text)]
        spans = self._joint_spans[index]  # in order, not overlapping
        offset = at - sentence.start
        last = bisect_right(spans, offset, key=lambda span: span[0]) - 1
        return last >= 0 and offset < spans[last][1]

    def _attributed_unread(self, draft: _Draft) -> bool:
        """Whether a quote ending in a comma is attributed right after its mark by a verb the
        rules do not read and a person named next ("“…,” enthused Scott Fancher, 787 project
        manager"): someone else's words, not the last speaker's going on."""
        if not draft.span.text.rstrip().endswith(","):
            return False
        found = _UNREAD_VERB_AFTER.match(self.body, draft.span.end + 1)
        return found is not None and self._person_end(found.end()) is not None

    def _joint_span(self, at: int) -> tuple[int, int]:
        """The span of the two speakers joined by "and" (JOINT) that holds `at` (see _joint)."""
        index = bisect_right(self._sentence_starts, at) - 1
        sentence = self.sentences[index]
        offset = at - sentence.start
        spans = self._joint_spans[index]
        start, end = spans[bisect_right(spans, offset, key=lambda span: span[0]) - 1]
        return sentence.start + start, sentence.start + end

    def _first_of_joint(self, start: int, end: int) -> str:
        """The first person named among speakers who speak together ("Goodlatte, Gowdy and Nunes
        said in a statement", "House Judiciary Committee Chairman Bob Goodlatte, House Oversight
        Committee Chairman Trey Gowdy and …"): the first person mention in body[start:end] and,
        back from it, each one before it that a comma and title words alone part from it; ""
        when no person is named there."""
        first = bisect_left(self._person_starts, start)
        if first >= len(self.person_spans) or self.person_spans[first][0] >= end:
            return ""
        at = first
        while at > 0 and _LISTED_BEFORE.fullmatch(
            self.body, self.person_spans[at - 1][1], self.person_spans[at][0]
        ):
            at -= 1
        person_start, person_end = self.person_spans[at]
        # the list is the clause's subject: nothing but title words after the sentence's or a
        # clause's start ("Trump fired Comey and Rosenstein said" lists no speakers)
        if not _LIST_OPENS.search(self.body, max(0, person_start - 80), person_start):
            return ""
        return self.people.resolve(self.body[person_start:person_end], person_start)

    def _first_of_a_list(self, at: int, written: str) -> str:
        """When the person written at `at` is the last of people listed with "and" (titles
        between: "Chairman Trey Gowdy and House Intelligence Committee Chairman Devin Nunes"),
        the first person of the list (_first_of_joint); "" otherwise."""
        first = bisect_left(self._person_starts, at)
        last = bisect_left(self._person_starts, at + len(written)) - 1
        if last < 1 or last < first:
            return ""
        before_end = self.person_spans[last - 1][1]
        if not _AND_BEFORE.fullmatch(self.body, before_end, self.person_spans[last][0]):
            return ""
        start = self.person_spans[last - 1][0]
        return self._first_of_joint(start, start + 1)

    def _sentence_before(self, draft: _Draft, before: str) -> str:
        """The quote's sentence up to it: `before`, or when an earlier quote is in the same
        sentence, read back past it with the quotes blanked ("X, who was named “…” in 2010,
        said “…”"; "X said the plan was “…” and that Y “…”": X's words, not Y's)."""
        # Read at most MAX_SENTENCE characters back: a "sentence" longer than that is no
        # sentence (markup, a list), and reading it for every quote would be slow.
        end = draft.span.start - 1
        start = max(self._logical_start(draft.paragraph), end - MAX_SENTENCE - 1)
        sentence = before_tail(self._blanked[start:end])
        return sentence if len(before) < len(sentence) <= MAX_SENTENCE else before

    def _speaker_of_sentence_before(self, draft: _Draft) -> bool:
        """A quote that opens a sentence without attribution, right after a sentence of
        reported speech in its paragraph ("X revealed that a reboot is planned. “We are
        talking to NBC.”"): the speaker of that sentence (then set on the draft)."""
        paragraph = self.paragraphs[draft.paragraph]
        # The last sentence ending before the quote (sentences are in order, found by bisection)
        index = bisect_right(self._sentence_starts, draft.span.start) - 1
        while index >= 0 and self.sentences[index].end > draft.span.start:
            index -= 1
        if index < 0:
            return False
        sentence = self.sentences[index]
        # or the paragraph before when it is that one sentence, in a report written a sentence a
        # paragraph ('Dorsey said the shooting was going to be hard on everyone.\n\n"We're
        # like family here."'): its speech's subject, not whom it is about
        alone = (
            draft.paragraph > 0
            and not self.body[paragraph.start : draft.span.start - 1].strip()
            and self.paragraphs[draft.paragraph - 1].text.strip() == sentence.text.strip()
            and sentence.text.rstrip()[-1:] not in (":", ",")  # introducing it: as before
        )
        if sentence.start < paragraph.start and not alone:
            return False
        if any(is_quote_mark(char) for char in sentence.text):
            return False
        if sentence.start < paragraph.start:  # only a person the report names in full, or
            # one the entities give as a person where the sentence names them ("Comey said his
            # firing was related to the Russia investigation." then '"I was fired …"')
            speaker = self._reported_speaker(sentence.text, sentence.start, mention=True)
            if speaker:
                draft.speaker, draft.kind, draft.cue = speaker, "person", "previous"
            return bool(speaker)
        subject = _speech_subject(sentence.text)
        if subject is not None:
            draft.written, draft.cue = subject.group("name"), "previous"
            draft.written_at = sentence.start + subject.start("name")
            return True
        return self._first_person_after_one(draft, sentence)

    def _first_person_after_one(self, draft: _Draft, sentence: TextSpan) -> bool:
        """A quote in the first person opening a sentence with no attribution, after a sentence
        of its paragraph that is about one person ("Ann Lee left the band in May. “I wanted a
        quieter life.”", "Underwhelmed with her role, she left the series. “This is not what I
        wanted …”"): that person speaks (then set on the draft)."""
        if not starts_upper(draft.span.text) or not _FIRST_PERSON_IN_TEXT.search(draft.span.text):
            return False
        if title_cased(draft.span.text):
            return False  # a title in a list of references ("Bellware, Kim (2014). “… 'We Wish
            # Them Nothing But Failure'”"), not the words of the entry before's author
        acting = self.people.acting_in(sentence.start, sentence.end, subject=True)
        if len(acting) == 1:
            draft.speaker, draft.kind, draft.cue = acting[0], "person", "previous"
            return True
        opening = _PRONOUN_OPENING.match(sentence.text)
        if acting or not opening:
            return False
        draft.written, draft.cue = opening.group("name"), "previous"
        draft.written_at = sentence.start + opening.start("name")
        return True

    def _speaker_after(
        self, draft: _Draft, before: str, after: str, introduced: bool, runs_on: bool = False
    ) -> bool:
        """“…,” said X / “…,” X said / “…,” the Herald quoted X as saying / described as “…” by
        X / “…” to economic assistance, said X: whether the rest of the quote's sentence names
        its speaker (then set on the draft). Not the last when a speech verb comes before the
        quote: "X said that the “…” as prices fell, Yahoo Finance reported" is X's."""
        late = not _speech_verbs(before)
        if not late and _CONJUNCTION_AFTER.match(after):
            return False  # "Schumer … told MSNBC Cummings “was a great man,” while Republican
            # President Trump noted his “…”": the conjunction opens another speaker's clause
        text = draft.span.text
        # … is “in the midst of a crisis.” Ann Lee said …: a quote running on from its
        # sentence's speech verb, with no comma before it, ends that sentence
        embedded = not late and not _CLAUSE_BREAK_BEFORE.search(before)
        if (introduced or embedded) and _ENDS_SENTENCE.search(text):
            return False  # Smith said: “No.” Jones said …: the next sentence is Jones's own
        if not late and _ENDS_WITH_FULL_STOP.search(text) and _NEW_SENTENCE.match(after):
            # "The president also disclosed that, amid planning …, “we have had direct talks
            # … with North Korea.” Aides said Trump himself has not spoken with Kim": the
            # quote's own speech verb came before it and its full stop ended the sentence (a
            # question or exclamation mark does not: 'When a reporter asked him, "Why would
            # I?" Donald Trump replied.')
            return False
        # Right after the marks only when a clause ends there: in 'the “American Pie” star's
        # rep said' the marks hold a name.
        joined = bool(_ENDS_CLAUSE.search(text) or _OPENS_CLAUSE.match(after) or runs_on)
        # A fragment that ends its sentence inside the marks: a speech verb after it that goes on
        # with a clause of its own opens the next sentence, whose speaker is not this quote's
        ends_a_fragment = bool(before.strip()) and bool(_ENDS_SENTENCE.search(text))
        # … or a sentence quoted whole with its full stop: '“I think he can win.” Barghouti's
        # wife, Fadwa, said she was unaware of his plans' (not “Why?” she asked the officer)
        ends_a_fragment = ends_a_fragment or text.rstrip().endswith(".")
        passive = _QUOTED_PASSIVE.match(after)
        if passive and joined:
            draft.written, draft.cue = passive.group("name"), "after"
            draft.written_at = draft.span.end + 1 + passive.start("name")
            return True
        agent = AGENT_AFTER if PASSIVE_BEFORE_QUOTE.search(before) else None
        for pattern, cue in (
            (QUOTED_AS_SAYING, "after"),
            (AS_PUT_IT, "after"),
            (AFTER_SAID_ROLE_NAME, "after"),
            (AFTER_SAID_NAME, "after"),
            (AFTER_NAME_SAID, "after"),
            (DASH_NAME, "after"),
            (agent, "agent"),
            (LATE_SAID_NAME, "late"),
            (LATE_NAME_SAID, "late"),
            (LATE_ACCORDING, "late"),
        ):
            if pattern is None:
                continue
            found = pattern.search(after) if cue == "late" else pattern.match(after)
            if (
                found
                and ends_a_fragment
                and _REPORTED_CLAUSE.match(after, found.end())
                and not _TOLD_OR_ASKED.search(after, 0, found.end())
            ):
                continue  # … referred to him as “Chinese-American.” Japanese officials said the …
            if found and _HEAD_AFTER_NAME.match(after, found.end("name")):
                continue  # "…, says Trump lawyer": a role the name qualifies speaks, unnamed
            according = cue == "after" and bool(_ACCORDING_AFTER.match(after))
            if found and according and not late:
                continue  # Pelosi called it a “…,” according to NBC: Pelosi's words, NBC's report
            if found and not late and _REPORTED_VERB.search(after, 0, found.end()):
                continue  # "Araghchi … said the evidence was “fake and fabricated,” the Associated
                # Press reported": his words, the agency's report of them
            # “I am in awe of the people who ran towards danger” tweeted Mayor Sadiq Khan: a
            # sentence quoted whole, then its speech verb (or its speaker and the verb: “…” Smith
            # told Wikinews), needs no comma (no title: “American Pie” said nothing)
            whole = (
                pattern in (AFTER_SAID_NAME, AFTER_SAID_ROLE_NAME, AFTER_NAME_SAID)
                and draft.full
                and not looks_like_a_name(text)
                and not _VERB_NOT_SPEECH.match(after)
            )
            attributed = joined or cue == "agent" or according or whole
            if found and (late if cue == "late" else attributed):
                self._written_with_role(draft, found, draft.span.end + 1)
                draft.cue = "after" if cue == "agent" else cue
                return True
        return False

    @staticmethod
    def _written_with_role(draft: _Draft, found: re.Match[str], offset: int) -> None:
        """The speaker and role an attribution gives; "her mother, Fiona," and "Tom Ward's
        spokesman, Ian Holt," are the one named after."""
        owner = OWNER_THEN_NAME.match(found.string, found.start("name")) or DOCUMENT_BY.match(
            found.string, found.start("name")
        )  # “…,” writes Huber's tag team partner Erick Rowan: Rowan, not Huber; “…,”
        # according to a tweet on Monday by Mike Pompeo: Pompeo, not the tweet
        if owner:
            draft.written = owner.group("name")
            draft.written_at = offset + owner.start("name")
            return
        role = found.group("role") or ""
        named = _A_NAME.match(role)
        name = found.group("name")
        # "said Airbus President and Chief Executive Officer, Tom Enders": an office, then the
        # name of who holds it
        described = (
            name.split()[0].lower() in _DETERMINERS
            or bool(re.search(r"[’']s\s+\w+$", name))
            or name.split()[-1].lower() in _OFFICE_WORDS
        )
        tagged = _NAME_BEFORE_TAG.search(role) if _PARTY_TAG.fullmatch(name) else None
        if tagged:  # "said a statement from Judiciary Chairman Bob Goodlatte, R-Va.": the
            # party and state tag follows the lawmaker's name, no name of its own
            draft.written = tagged.group("name")
            draft.written_at = offset + found.start("role") + tagged.start("name")
            return
        if described and named:
            draft.written = named.group("name")
            draft.written_at = offset + found.start("role") + named.start("name")
            return
        draft.written = found.group("name")
        draft.written_at = offset + found.start("name")
        draft.role = clean_role(role)

    def _names_a_thing(self, span: TextSpan, before: str, after: str) -> bool:
        """A few words in marks inside a noun phrase ("a “direction discrimination” task",
        "the “American Pie” star"): a term or a title, not speech (but "which said the
        “unacceptable” attacks" quotes what was said)."""
        if _NAMING_NOUN_BEFORE.search(before) and len(span.text.split()) <= NAME_WORDS:
            return True  # 'The hashtag “#we want freedom of speech#” quickly reached': its name
        if (
            _APPOSITION_BEFORE.search(before)
            and _APPOSITION_AFTER.match(after)
            and title_cased(span.text)
            and self._marked(span)
        ):  # 'Roberts says his event, “Storm Area 51, They Can't Stop All of Us”, was posted
            # as a joke': the event's name, set between commas after it
            return True
        short = not _ENDS_CLAUSE.search(span.text) and len(span.text.split()) <= NAME_WORDS
        if short and _MEMBER_OF_BEFORE.search(before) and starts_upper(span.text):
            return self._marked(span)  # 'Ann Lee of “Have no fear”, a charity': its name
        # 'that “a-ha!” moment', 'our “eureka!” moments': an exclamation a lower-case noun
        # goes on from is that noun's modifier (its mark ends no clause), even after a verb of
        # saying ("Neuroscience tells us … when does that “a-ha!” moment occur?")
        exclaimed = bool(_EXCLAIMS.search(span.text)) and len(span.text.split()) <= NAME_WORDS
        return (
            bool(_DETERMINER_BEFORE.search(before))
            and (
                exclaimed or (short and (looks_like_a_name(span.text) or not _speech_verbs(before)))
            )
            and bool(_NOUN_AFTER.match(after))
            and self._marked(span)
        )

    def _subject_after_participle(self, draft: _Draft, before: str, after: str) -> bool:
        """'Calling it “just another apology”, Ann Lee told Reuters': a sentence that opens
        with a participle has the subject after it, the person named right after the comma
        (then set on the draft)."""
        comma = _COMMA_AFTER.match(after)
        if not comma or not _OPENING_PARTICIPLE.match(before):
            return False
        at = draft.span.end + 1 + comma.end()
        end = self._person_end(at)
        if end is None:
            return False
        draft.written, draft.written_at, draft.cue = self.body[at:end], at, "after"
        return True

    def _names_a_person(self, start: int, end: int) -> bool:
        """Whether a person mention lies inside body[start:end] (found by bisection)."""
        first = bisect_left(self._person_starts, start)
        last = bisect_left(self._person_starts, end)
        return any(e <= end for _s, e in self.person_spans[first:last])

    def _person_end(self, start: int) -> int | None:
        """Where the person mention starting at `start` ends; None when none starts there."""
        index = bisect_left(self._person_starts, start)
        found = index < len(self.person_spans) and self._person_starts[index] == start
        return self.person_spans[index][1] if found else None

    def _closed(self, span: TextSpan) -> bool:
        """Whether a quote mark closes this span (not one left open at its paragraph's end)."""
        return is_quote_mark(self.marked[span.end : span.end + 1])

    def _marked(self, span: TextSpan) -> bool:
        """Whether quote marks hold exactly this span (not a piece of a longer quote)."""
        opening = self.marked[span.start - 1 : span.start] if span.start else ""
        return is_quote_mark(opening) and is_quote_mark(self.marked[span.end : span.end + 1])

    def _speaker_of_paragraph_before(self, draft: _Draft) -> None:
        """A quote that is its own paragraph, after a paragraph of reported speech without quote
        marks ending "…, he said.": its speaker is the one that paragraph names."""
        if draft.paragraph == 0 or not starts_upper(draft.span.text):
            return
        before = self.paragraphs[draft.paragraph - 1]
        joined = self._logical_start(draft.paragraph - 1)
        if joined < before.start:  # "Earlier in the day, Iran's deputy foreign minister,\n\n
            # Abbas Araghchi, reportedly\n\nsaid:": one sentence the page broke into paragraphs
            before = text_span(self.body, joined, before.end)
        text = before.text.rstrip()
        paragraph_start = self.paragraphs[draft.paragraph].start
        opens_paragraph = not self.body[paragraph_start : draft.span.start - 1]
        quoted = any(
            before.start <= span.start < before.end
            for span in self._spans_from(before.start, before.end)
        )
        if quoted and not (opens_paragraph and text.endswith(":")):
            return  # a quote there: `_continued` carries its speaker on
        if opens_paragraph and (text.endswith(":") or INTRODUCES_NEXT.search(text.rstrip(","))):
            # "Mr Gunness denied militants were at the school:" / "…, he said" and the quote
            # as the next paragraph: read as if the quote came on in that sentence (its quotes
            # blanked: 'The reports use “research services”. Seidenberg defended them:')
            tail = before_tail(
                self._blanked[before.start : before.start + len(text)] if quoted else text
            )
            self._speaker_before(draft, tail, before.start + len(text) - len(tail))
            return
        said = PARAGRAPH_SAID.search(before.text)
        if said:
            group = "name" if said.group("name") else "late"
            draft.written, draft.cue = said.group(group), "previous"
            draft.written_at = before.start + said.start(group)

    def _speaker_before(self, draft: _Draft, before: str, before_start: int) -> None:
        """X said (that) … “…”, or the sentence's subject for a fragment without a verb."""
        # An aside between dashes closed right before the quote is no attribution of it ("Terry
        # White told The Post … — where Lohan's lawyer Mark Heller said she was “…” — “I hear …”":
        # White's); one before the verb is its subject's ("Her lawyer — Mark Heller — said")
        before = _DASH_ASIDE.sub(lambda aside: " " * len(aside.group()), before)
        sign = SIGN_SAYING.search(before)
        if sign:  # "People holding a banner saying “…”": the banner's words, not the people's
            if sign.group("name"):
                draft.written, draft.cue = sign.group("name"), "before"
                draft.written_at = before_start + sign.start("name")
            else:
                draft.cue = "thing"
            return
        verbs = _speech_verbs(before)
        owned = _OWNED_WORDS_THAT.search(before)
        if owned and not any(verb.start() > owned.start("owner") for verb in verbs):
            # "Comey recounted having crossed Trump when he challenged the president's comments
            # to Fox News that both harbored “killers.”": the words are the owner's of the
            # comments the clause gives, not the sentence subject's
            draft.written, draft.cue = owned.group("owner"), "before"
            draft.written_at = before_start + owned.start("owner")
            return
        # "… confirmed that the files that, Netanyahu said Monday, document … are “authentic”":
        # an aside after an earlier speech verb; that verb says the quote
        verbs = [
            verb for at, verb in enumerate(verbs) if not (at and self._parenthetical(before, verb))
        ]
        for source in (
            ACCORDING_TO.search(before),
            BY_AGENT.search(before),
            STATEMENT_BY.search(before),
        ):
            if source and not any(verb.start() > source.end() for verb in verbs):
                if source.re is not ACCORDING_TO and any(
                    verb.end() <= source.start() for verb in verbs
                ):
                    # "An official played down the report, saying it was too soon to tell what
                    # a joint statement by Mr. Moon would contain, other than “abstract”
                    # statements": a statement named after the speech verb is what was said,
                    # not who says the quote; the verb's subject does
                    continue
                draft.written, draft.cue = source.group("name"), "before"
                draft.written_at = before_start + source.start("name")
                return
        # The last speech verb with a subject ("the army claimed that …, and it responded with
        # …"); "saying" has none of its own.
        for verb in reversed(verbs):
            if verb.group() in PARTICIPLES:
                with_subject = _WITH_SUBJECT.search(before, 0, verb.start())
                if with_subject:  # "with the EU warning Israel it was “destroying”"
                    draft.written, draft.cue = with_subject.group("name"), "before"
                    draft.written_at = before_start + with_subject.start("name")
                    return
                opening = self._opening_subject_of_first_verb(before, verbs[0], verb)
                if opening:  # "The prime minister's office confirmed that …, but did not
                    # elaborate …, saying only that “…”": the participle's subject is the
                    # sentence's, the subject it opens with before its first speech verb
                    draft.written, draft.cue = opening.group("name"), "before"
                    draft.written_at = before_start + opening.start("name")
                    return
                break
            head = before[: verb.start()]
            time = _TIME_BEFORE_VERB.search(head)
            if time:  # "President Trump late Thursday tweeted": a time, no subject
                head = head[: time.start()] + " "
            subject = SUBJECT_BEFORE_VERB.search(head)
            role = subject.group("role") if subject else None
            if (
                role
                and not clean_role(role)
                and not _PARTICIPLE_PHRASE.match(role.strip())
                and not _MEDIUM_ASIDE.match(role.strip())
                and not _SUBJECTS_ASIDE.fullmatch(role.strip())
            ):
                subject = None  # "In Gaza, Kim, said": no role between, not an appositive
                # ("The opinion of the Court, released on Wednesday, read" has its subject)
            if subject and _ENDS_IN_CONJUNCTION.search(subject.group("name")):
                subject = None  # "Duda also characterised the deaths as “…” and wrote": the
                # verb shares the sentence's subject; "the deaths as … and" is none
            if subject and self._place_of_a_name(subject, before, before_start):
                # "Jo Lee of the University of California, Los Angeles disagreed": the place
                # is the university's, the subject the one before it
                subject = SUBJECT_BEFORE_VERB.search(
                    before[: subject.start("name")].rstrip(", ") + " "
                )
            body_of_place = self._body_in_place(subject, before_start) if subject else None
            if body_of_place:  # "The Aam Aadmi Party in Goa, in its statement,
                # said": the party speaks, Goa is where it is
                draft.written, draft.written_at = body_of_place
                draft.cue = "before"
                return
            if subject and self._object_of_a_preposition(subject, before, before_start):
                subject = None  # "… and on Twitter referred to": an object; the verb's subject
                # is an earlier one's ("Trump repeatedly called …, and on Twitter referred")
            if subject:
                draft.written = subject.group("name")
                draft.written_at = before_start + subject.start("name")
                draft.role = clean_role(subject.group("role"))
                draft.cue = "before"
                if _WHO_RIGHT_AFTER.match(before, subject.end("name")):
                    self._who_of_an_appositive(draft, before_start)
                return
            if _RELATIVE_BEFORE.search(before, 0, verb.start()):
                draft.cue = "thing"  # "holding signs which read “…”": the signs', nobody's
                return
        calling = _WITH_CALLING.search(before) if not verbs else None
        if calling:  # "with the EU calling it “completely unacceptable.”" (a body or a person)
            draft.written, draft.cue = calling.group("name"), "before"
            draft.written_at = before_start + calling.start("name")
            return
        charge = _CHARGED_FOR.search(before)
        if charge and not verbs:  # "Police detained eight people for “spreading rumors,”"
            subject = SUBJECT_BEFORE_VERB.search(before[: charge.start()])
            if subject and not subject.group("role"):
                draft.written, draft.cue = subject.group("name"), "before"
                draft.written_at = before_start + subject.start("name")
                return
        # Names after the speech verb are what was said ("… by saying that Arab Israeli voters
        # were “…”"), not who said it.
        said_end = verbs[-1].start() if verbs else len(before)
        joint = JOINT.search(before[:said_end])
        if joint:  # "Ann Lee and Tom Ward issued a joint statement: “…”": the first named
            draft.speaker = self._first_of_joint(
                before_start + joint.start(), before_start + joint.end()
            )
            draft.cue, draft.kind = ("before", "person") if draft.speaker else ("joint", "")
            return
        # not a person of a clause put before the main one ("After … Richard Sulík failed to
        # procure …, the Prime Minister apologised … for “…”": the Prime Minister's words)
        subordinate = _SUBORDINATE_OPENING.match(before, 0, said_end)
        main = subordinate.end() if subordinate else 0
        draft.speaker = (
            self._acting_in_last_clause(before[main:], before_start + main) if not verbs else ""
        )
        antecedent = self._who_after(before, before_start, said_end) if verbs else None
        if antecedent:  # "Other Republicans have … urged him to …, such as former New Jersey
            # governor Chris Christie, who denounced the Trump legal team's claims as a “…”":
            # the quote is in the clause of "who", past the speech verb's
            draft.written, draft.written_at = antecedent
            draft.cue = "before"
            return
        if not draft.speaker and (not verbs or verbs[-1].group() in PARTICIPLES):
            unnamed = self._unnamed_clause_subject(before, before_start, main, said_end)
            if unnamed:  # "The president has previously denounced Mr. Kim as a “madman”",
                # "The president …, saying that the lawyer handled a “…”": the clause's
                # subject (a role, a body or a pronoun) speaks, not the person it names after
                draft.written, draft.written_at = unnamed
                draft.cue = "subject"
                return
        draft.speaker = draft.speaker or self.people.first_in(
            before_start + main, before_start + said_end, subject=not verbs
        )  # a fragment with no speech verb is its subject's, not a preposition's object's
        if draft.speaker and not verbs and self._in_open_apposition(before, before_start):
            # "Emery, a writer for partisan “fact-checking” website Snopes.com which soon will be
            # in charge of labelling “fake news”": words of the role the report gives him, its
            # own, not his
            draft.speaker, draft.cue = "", "described"
            return
        if (
            draft.speaker
            and not verbs
            and self._spoken_of(before_start + main, before_start + said_end)
        ):
            # "Powell … was praised Monday as a “great statesman”", "Frank Corrente was
            # convicted of serving as Cianci's “bag man”": words about the subject, not theirs
            draft.speaker, draft.cue = "", "described"
            return
        if draft.speaker:
            draft.cue = "subject"
            return
        pronoun = None if verbs else _PRONOUN_OPENING.match(before)
        if pronoun and not _COPULA.search(before, pronoun.end("name")):
            # "Then just 19 years old, she looked at the role as a “chance to face my demons,”":
            # a fragment in a sentence without a speech verb is its subject's, as a name's is
            draft.written, draft.cue = pronoun.group("name"), "subject"
            draft.written_at = before_start + pronoun.start("name")
            return
        if verbs:  # “…”, saying “…” and no person named: the sentence's subject speaks
            fronted = _FRONTED.match(before)  # "In late June, the Court ruled …, saying"
            subject = _OPENING_SUBJECT.match(before, fronted.end() if fronted else 0)
            at = before_start + subject.start("name") if subject else 0
            named = subject is not None and (
                verbs[-1].group() not in _NEWER_PARTICIPLES
                or self._speaker_like(subject.group("name"), at)
            )  # after a newer participle ("warning") only a speaker's words, not "Pressure …"
            if subject and named and self._opens_with_a_speaker(subject.group("name"), at):
                draft.written, draft.written_at, draft.cue = subject.group("name"), at, "before"
                return
        fronted = _FRONTED.match(before)
        if before.rstrip().endswith(":"):
            # "In his message, he appreciated Soleimani's lifepath: “…”": the clause the colon
            # ends introduces the quote, and its subject speaks (not after a copula or passive)
            subject = _OPENING_SUBJECT.match(before, fronted.end() if fronted else 0)
            at = before_start + subject.start("name") if subject else 0
            if (
                subject
                and not _COPULA.match(before, subject.end() - len(subject.group().split()[-1]))
                and self._speaker_like(subject.group("name"), at)
            ):
                draft.written, draft.written_at, draft.cue = subject.group("name"), at, "before"
                return
        document = _DOCUMENT_SUBJECT.match(before, fronted.end() if fronted else 0)
        if document and not _COPULA.search(before):
            # "The study itself outlined …: “…”", "Reports on … vary between a knife and a “…”":
            # a document the sentence is about, with no one named acting, says what it quotes
            draft.written, draft.cue = document.group("name"), "before"
            draft.written_at = before_start + document.start("name")
            return
        draft.cue = "none"

    @staticmethod
    def _opening_subject_of_first_verb(
        before: str, first: re.Match[str], participle: re.Match[str]
    ) -> re.Match[str] | None:
        """The subject a sentence opens with (after a time or place put first) right before its
        first speech verb, when that verb comes before the participle and is no participle itself
        and no role is set between; None otherwise ("After Ann said …, Tom left, saying": Ann is
        no subject of the main clause, whose opening words are a subordinate clause's)."""
        if first is participle or first.group() in PARTICIPLES:
            return None
        subject = SUBJECT_BEFORE_VERB.search(before[: first.start()])
        if subject is None or subject.group("role"):
            return None
        fronted = _FRONTED.match(before)
        opens = fronted.end() if fronted else 0
        if before[opens : subject.start("name")].strip():
            return None
        return subject

    @staticmethod
    def _parenthetical(before: str, verb: re.Match[str]) -> bool:
        """Whether a speech verb and its subject are an aside set off by commas inside a clause
        that goes on after them ("files that, Israeli Prime Minister Benjamin Netanyahu said
        Monday, document Iran's program are"): a comma before the subject and one after the
        verb (and a time), with words of the clause after it."""
        after = _ASIDE_CLOSES.match(before, verb.end())
        if after is None or not before[after.end() :].strip():
            return False
        subject = SUBJECT_BEFORE_VERB.search(before[: verb.start()])
        return subject is not None and bool(
            re.search(r",\s*(?:[A-Z][\w.\-’']*\s+)*$", before[: subject.start("name")])
        )

    def _unnamed_clause_subject(
        self, before: str, before_start: int, main: int, said_end: int
    ) -> tuple[str, int] | None:
        """The subject opening a quote's clause (after a time or place put first) when it is a
        pronoun ("He"), a role or a body named by its head ("The president", "The ministry")
        and no person mention, with a person named later in the clause before the quote (that
        one is then an object: "… denounced Mr. Kim as a “madman”"), as written and where; None
        otherwise, or when a copula, a passive or a clause of "who" comes between (the subject
        spoken of, or another subject)."""
        fronted = _FRONTED.match(before, main)
        opening = _CLAUSE_SUBJECT.match(before, fronted.end() if fronted else main)
        if opening is None or opening.end("name") > said_end:
            return None
        name, at = opening.group("name"), before_start + opening.start("name")
        words = name.lower().split()
        described = (
            len(words) == 2
            and words[0] == "the"
            and words[1] in PERSON_HEADS | BODY_HEADS
            and not any(at <= s < at + len(name) for s, _e in self.bodies)
        )
        if not (words[0] in ("he", "she") and len(words) == 1) and not described:
            return None
        if self._person_end(at) is not None:
            return None
        rest = before[opening.end("name") : said_end]
        aside = re.match(r"\s*,\s*([^,]+),", rest)
        if aside and not _SUBJECTS_ASIDE.fullmatch(aside.group(1).strip()):
            return None  # "The president, a Republican who …," is read by the rules below
        if _COPULA.search(rest) or _PASSIVE_AFTER_SUBJECT.match(rest) or _WHO_CLAUSE.search(rest):
            return None
        if not self.people.acting_in(at + len(name), before_start + said_end):
            return None  # no one named after it: the rules below read the clause as before
        return name, at

    def _in_open_apposition(self, before: str, before_start: int) -> bool:
        """Whether the quote stands inside a role set after a person's name and a comma that
        runs on to it unclosed ("Emery, a writer for partisan “…”")."""
        found = _OPEN_APPOSITION.search(before)
        if found is None:
            return False
        end = before_start + found.start()
        index = bisect_left(self._person_starts, end) - 1
        return index >= 0 and self.person_spans[index][1] == end

    def _who_after(self, before: str, before_start: int, verb: int) -> tuple[str, int] | None:
        """The person named right before the last ", who" after the speech verb at before[verb]
        (the quote then stands in the clause "who" opens, not in the verb's), as written and
        where; None when there is none."""
        whos = list(_WHO_CLAUSE_OPENS.finditer(before, verb))
        if not whos:
            return None
        end = before_start + whos[-1].start()
        index = bisect_left(self._person_starts, end) - 1
        if index < 0 or self.person_spans[index][1] != end:
            return None
        start = self.person_spans[index][0]
        return self.body[start:end], start

    def _who_of_an_appositive(self, draft: _Draft, before_start: int) -> None:
        """ "Mark Hay, a marine ecologist and Regents Professor at GT, who said “…”": "who"
        stands for a person, so a subject read before it that names no person (a body, an
        acronym, a place: the end of the person's role) gives way to the person the role is of
        (then set on the draft)."""
        start, end = draft.written_at, draft.written_at + len(draft.written)
        if self._names_a_person(start, end):
            return
        first = bisect_left(self._person_starts, before_start)
        last = bisect_left(self._person_starts, start)
        for person_start, person_end in reversed(self.person_spans[first:last]):
            if person_end <= start and _ROLE_UP_TO.fullmatch(self.body, person_end, start):
                draft.written = self.body[person_start:person_end]
                draft.written_at, draft.role = person_start, ""
                return

    def _place_of_a_name(self, subject: re.Match[str], before: str, before_start: int) -> bool:
        """Whether the subject found before a speech verb is a place set off by a comma after
        a name ("the University of California, Los Angeles"): the name's place, no subject (a
        place found there gives no speaker, see _people_of_a_place)."""
        start = before_start + subject.start("name")
        end = start + len(subject.group("name"))
        return (
            bool(_NAME_AND_COMMA.search(before, 0, subject.start("name")))
            and any(s <= start and end <= e for s, e in self.places)
            and not _speaks_as_a_government(subject.group("name"))
        )  # not "After the attack on Paris, France said": a country speaks

    def _body_in_place(self, subject: re.Match[str], before_start: int) -> tuple[str, int] | None:
        """The body named right before "in" and a place read as a speech verb's subject ("The
        Aam Aadmi Party in Goa"): the body as written and where; None otherwise."""
        start = before_start + subject.start("name")
        end = start + len(subject.group("name"))
        if not any(s <= start and end <= e for s, e in self.places):
            return None
        found = _IN_BEFORE.search(self.body, max(0, start - 8), start)
        if not found:
            return None
        for body_start, body_end, _name in self._bodies_in_order[
            bisect_left(self._body_starts, start - 120) : bisect_left(self._body_starts, start)
        ]:
            if body_end == found.start():
                return self.body[body_start:body_end], body_start
        return None

    def _object_of_a_preposition(
        self, subject: re.Match[str], before: str, before_start: int
    ) -> bool:
        """Whether a name found before a speech verb is a preposition's object, naming no one
        ("… and on Twitter referred to"); not a description ("from a sign that reads") nor a
        person named there ("of Scotland Nicola Sturgeon said")."""
        name = subject.group("name")
        start = before_start + subject.start("name")
        return (
            bool(_PREPOSITION_LAST.search(before, 0, subject.start()))
            and name[0].isupper()
            and name.split()[0].lower() not in _DETERMINERS
            and not self._names_a_person(start, start + len(name))
        )

    def _acting_in_last_clause(self, before: str, before_start: int) -> str:
        """The one person acting in the last clause before a quote with no speech verb that
        names anyone, when a clause joined on names them ("…, which Ross has referred to as “…”
        and a “…”", "with Tom Ward calling it “…” and Ann Lee calling it “…”"): not the
        sentence's first subject."""
        ends = [found.end() for found in _JOINED_CLAUSE.finditer(before)]
        limit = len(before)
        for start in reversed(ends):
            acting = self.people.acting_in(
                before_start + start, before_start + limit, subject=True, clause=True
            )
            if acting:
                return acting[0] if len(acting) == 1 else ""
            limit = start
        return ""

    def _resolve(self, drafts: list[_Draft]) -> None:
        last: _Draft | None = None  # the last quote with a speaker
        self._unnamed.clear()
        for index, draft in enumerate(drafts):
            if draft.cue in _NOBODY_S:
                continue
            if draft.written and self._joint(draft.written_at):
                # “…,” Ann Lee and Tom Ward said: the first named of them, a person (no one of
                # them when the first is no person the entities name)
                draft.speaker = self._first_of_joint(*self._joint_span(draft.written_at))
                draft.cue, draft.kind = ("after", "person") if draft.speaker else ("joint", "")
            elif draft.written and self._first_of_a_list(draft.written_at, draft.written):
                # "Chairman Bob Goodlatte, … Trey Gowdy and House Intelligence Committee
                # Chairman Devin Nunes said": the first named, not the last
                draft.speaker = self._first_of_a_list(draft.written_at, draft.written)
                draft.kind = "person"
            elif draft.written:
                draft.speaker, draft.kind = self._resolve_written(draft, last)
            elif draft.continued or (
                draft.cue == "none"
                and (not draft.inside or self._carries_on(drafts, index))
                and not self._attributed_unread(draft)
            ):
                draft.speaker = self._continued(drafts, index)
                if draft.speaker:
                    draft.cue, draft.kind = "continuation", last.kind if last else "person"
            if draft.speaker:
                last = draft
                if draft.kind == "anonymous" and draft.speaker not in self._unnamed:
                    self._unnamed.append(draft.speaker)
        # “A.” “B,” he said: A borrows B's speaker (from the last back, so that a quote over
        # three paragraphs attributed at its end is one speaker's throughout)
        for index in reversed(range(len(drafts))):
            draft = drafts[index]
            following = drafts[index + 1] if index + 1 < len(drafts) else None
            if draft.speaker or not following or not following.speaker or draft.cue in _NOBODY_S:
                continue
            between = self.body[draft.span.end : following.span.start]
            if following.continued or (
                following.paragraph == draft.paragraph and _only_an_attribution(between)
            ):  # not over a sentence of narrative between them
                draft.speaker, draft.kind = following.speaker, following.kind
                draft.cue = "continuation"

    def _resolve_written(self, draft: _Draft, last: _Draft | None) -> tuple[str, str]:
        """(speaker, kind) for a speaker as written: a name, a pronoun or a description."""
        pointer = _LATTER.match(draft.written)
        if pointer:  # "… by the FAA and the NTSB, with the latter … confirming": the NTSB
            return self._one_of_two_before(draft.written_at, pointer.group(1).lower())
        longer = _DESCRIBED_OF_BEFORE.search(
            self.body, max(0, draft.written_at - 80), draft.written_at
        )  # "A source within the central Interior Ministry said": the source, not the ministry
        if longer and longer.group("head").lower() in _SPEAKING_HEADS:
            draft.written_at, draft.written = (
                longer.start(),
                self.body[longer.start() : draft.written_at + len(draft.written)],
            )
        office = _OFFICE_OF_BEFORE.search(
            self.body, max(0, draft.written_at - 40), draft.written_at
        )
        if (
            office
            and not longer
            and office.group("head").lower() in PERSON_HEADS
            and not self._names_a_person(draft.written_at, draft.written_at + len(draft.written))
        ):  # "Israel's ambassador to the United States said": the ambassador speaks, not the
            # country; the one the report titles so, else no one named
            holders = {who for _where, who in self._titled_people(office.group("head").lower())}
            return (holders.pop(), "person") if len(holders) == 1 else ("", "")
        document = _DOCUMENT_ABOUT_BEFORE.search(
            self.body, max(0, draft.written_at - 80), draft.written_at
        )  # "The family's statement on the death read": the statement speaks, not the death
        if document and not longer:
            draft.written_at, draft.written = document.start(), document.group("document")
        crowd = _CROWD_OF_BEFORE.search(self.body, max(0, draft.written_at - 40), draft.written_at)
        if crowd and crowd.group("head").lower() in _CROWD_HEADS | GROUP_PEOPLE:
            # "Members of the House of Commons protested": members, unnamed, not the House
            written = self.body[crowd.start() : draft.written_at + len(draft.written)]
            return " ".join(written.split()), "anonymous"
        draft.written, draft.written_at = _subject_alone(
            draft.written,
            draft.written_at,
            # the words before it in its own paragraph ("… they used to\n\nThe report also")
            self.body[max(0, draft.written_at - 12) : draft.written_at].rsplit("\n", 1)[-1],
        )
        written = " ".join(draft.written.split()).strip(" ,")
        # "According to him": an object pronoun stands for whom its subject form would
        pronoun = _SUBJECT_FORM.get(written.lower(), written.lower())
        if pronoun in ("it", "they"):
            return self._group_pronoun(pronoun, draft.written_at, last)
        if pronoun in PRONOUNS:
            return self._pronoun(pronoun, draft.written_at, last)
        if _names_nobody(written):
            return "", ""  # "I said", "That said", "Because …, says the study": no name
        if PARTITIVE_SPEAKER.fullmatch(written):
            named = self._named_in_apposition(draft.written_at + len(draft.written))
            if named:  # "One of these groups, the Syrian Democratic Forces (SDF), … said"
                return self._speaker_as_written(*named)
            return written, "anonymous"  # "One of the children said": one of a group, unnamed
        who = _WHO_CLAUSE.match(self.body, draft.written_at + len(draft.written))
        if written.split()[0].lower() in _DETERMINERS and ANONYMITY.search(
            draft.role + (who.group() if who else "")
        ):  # "the official, who declined to be named, said"; "a woman, who did not want to
            return written, "anonymous"  # be named, said" (no role: the clause says it)
        unnamed_last = last.speaker if last and last.kind == "anonymous" else ""
        same = _the_same_unnamed(written, unnamed_last)
        if not same[0]:  # "The friend said" after other speakers than "a close friend of …"
            earlier = {_the_same_unnamed(written, unnamed) for unnamed in self._unnamed} - {
                ("", "", "")
            }
            same = earlier.pop() if len(earlier) == 1 else same
        if same[0] and not any(
            where < draft.written_at for where, _who in self._titled_people(same[2])
        ):  # "“…,” the senior official said" right after quotes of "a senior State Department
            # official": that speaker, not the last subject, when the report titles no one so
            return same[:2]
        speaker = self._speaker_as_written(written, draft.written_at)
        return speaker if speaker[0] else same[:2]

    def _one_of_two_before(self, at: int, which: str) -> tuple[str, str]:
        """(speaker, kind) for "the latter" or "the former" written at `at`: the second or first
        of two people or bodies joined by "and" earlier in its sentence; ("", "") otherwise."""
        index = bisect_right(self._sentence_starts, at) - 1
        start = self.sentences[index].start if index >= 0 else 0
        named = sorted(
            [(s, e, "person") for s, e in self.person_spans if start <= s and e <= at]
            + [(s, e, "body") for s, e, _name in self.body_mentions if start <= s and e <= at]
        )
        if len(named) < 2:
            return "", ""
        (first_start, first_end, _k), (second_start, second_end, _kind) = named[-2:]
        if not _JOINED_BY_AND.fullmatch(self.body, first_end, second_start):
            return "", ""
        chosen = named[-1] if which == "latter" else named[-2]
        return self._speaker_as_written(self.body[chosen[0] : chosen[1]], chosen[0])

    def _named_in_apposition(self, end: int) -> tuple[str, int] | None:
        """The person or body named between commas right after a speaker written up to `end`
        ("One of these groups, the Syrian Democratic Forces (SDF), …"), as written and where;
        None when the apposition names neither."""
        comma = _APPOSITION_OPENS.match(self.body, end)
        if not comma:
            return None
        at = comma.end()
        close = self.body.find(",", at, at + 100)
        if close < 0:
            return None
        person_end = self._person_end(at)
        if person_end is not None and person_end <= close:
            return self.body[at:person_end], at
        for start, body_end, _name in self._bodies_in_order[
            bisect_left(self._body_starts, at) : bisect_left(self._body_starts, at + 5)
        ]:
            if body_end <= close:
                return self.body[start:body_end], start
        return None

    def _speaker_as_written(self, written: str, at: int) -> tuple[str, str]:
        """(speaker, kind) for a name or a description written at `at` (no pronoun)."""
        member = self._member_named_with(at, at + len(written))
        if member:  # "Ann Lee of the Red Cross said": the person speaks, not her body
            return member, "person"
        cut = self._body_cut_short(written, at)
        if cut:  # "the United States Department" of "… Department of Defense justified …:"
            return cut, "body"
        whole = self._body_cut_short(written, at, whole=True)
        if whole and " of " in written:  # "according to the Ministry of Trade": the body
            return whole, "body"
        tail = self._body_ending_with(written, at)
        if tail:  # "Parliament’s Joint Committee on Intelligence and Security has pointed out"
            return tail, "body"
        named_after = _NAME_ENDING_CLAUSE.match(self.body, at + len(written))
        if named_after and written[0].islower():  # "said study co-author … Fellow Martin How."
            return self.people.resolve(
                named_after.group("name"), named_after.start("name")
            ), "person"
        group = _group_of(written)
        if group:  # "police said", "Witnesses in Rafah said", "Israeli officials said"
            return written, "body" if group in GROUP_BODIES else "anonymous"
        possessive = re.match(r"^(.*?)[’']s\s+(\w+)$", written)
        if possessive:
            # "Stardom's official statement read": the head is the document the word qualifies
            document = _DOCUMENT_RIGHT_AFTER.match(self.body, at + len(written))
            head = document.group(1) if document else possessive.group(2)
            owned = self._owned(possessive.group(1), head.lower(), at)
            if owned is not None:
                return owned
        if _head_of_someone(written):  # "a lawyer for Tom Baker": the lawyer speaks
            return self._described(written, at)
        end = at + len(written)
        if not self._names_a_person(at, end):
            where = self._people_of_a_place(written, at)
            if where is not None:
                return where
        if re.fullmatch(NAMED_BODY, written):  # "the Biden campaign": not Biden
            return self._described(written, at)
        if written.split()[-1].lower() in DOCUMENT_HEADS and not self._names_a_person(at, end):
            return self._described(written, at)  # "Reports", "The study": who issued it, or it
        named = self.people.last_in(at, end)
        if named:
            return named, "person"
        if written.split()[0].lower() in _DETERMINERS:
            return self._described(written, at)
        if written.isupper() and len(written) >= 2:
            return written, "body"  # "UNHCR", "NATO": an acronym names a body, not a person
        if written[0].islower():  # "according to agreed facts heard in court": described
            return written, "anonymous"
        resolved = self.people.resolve(written, at)
        if resolved == written and (
            written.split()[-1].lower() in BODY_HEADS
            or any(start <= at and end <= stop for start, stop in self.bodies)
        ):
            return written, "body"  # "the U.S. State Department, which said", "as Reuters reported"
        return resolved, "person"

    def _body_cut_short(self, written: str, at: int, whole: bool = False) -> str:
        """The organisation whose mention `written` (perhaps after "the") is the start of and
        stops short of (a subject read up to "of": "the United States Department" of "the
        United States Department of Defense"), else ""; `whole`: or is all of."""
        start = at + len(written) - len(written.removeprefix("the ").removeprefix("The "))
        index = bisect_left(self._body_starts, start)
        if index < len(self._body_starts) and self._body_starts[index] == start:
            _start, end, name = self._bodies_in_order[index]
            if end > at + len(written) or (whole and end == at + len(written)):
                return name
        return ""

    def _body_ending_with(self, written: str, at: int) -> str:
        """The organisation whose mention `written` is the last words of (a subject read back
        from its verb only as far as "on" or "and": "Security" of "Joint Committee on
        Intelligence and Security"), else ""."""
        end = at + len(written)
        index = bisect_left(self._body_starts, at)
        for start, stop, name in reversed(self._bodies_in_order[max(0, index - 3) : index]):
            if (
                start < at
                and stop == end
                and not _SENTENCE_ENDS_BETWEEN.search(self.body, start, at)
            ):
                return name
        return ""

    def _member_named_with(self, start: int, end: int) -> str:
        """The person a body or place written at body[start:end] is the affiliation of: "Ann
        Lee of (the) …", "Ann Lee, a nurse, of …" before it, or "…'s chancellor, Ann Lee"
        after it; "" when none."""
        owned = _OWNED_ROLE.match(self.body, end)
        named_end = self._person_end(owned.end()) if owned else None
        if owned and named_end is not None:  # "the Trump campaign's spokesman, Tim Murtaugh"
            return self.people.resolve(self.body[owned.end() : named_end], owned.end())
        if self._names_a_person(start, end):
            return ""  # a person is written: nobody else's affiliation
        first = bisect_left(self._person_starts, start - _MEMBER_REACH)
        last = bisect_left(self._person_starts, start)
        for person_start, person_end in reversed(self.person_spans[first:last]):
            if (
                person_end <= start
                and _MEMBER_OF.fullmatch(self.body, person_end, start)
                and not _SENTENCE_ENDS_BETWEEN.search(self.body, person_end, start)
            ):
                # the one acting, not "a letter to Ann Lee from the ministry"
                acting = self.people.acting_in(person_start, person_end, subject=True)
                return acting[0] if acting else ""
        return ""

    def _owned(self, owner: str, head: str, at: int) -> tuple[str, str] | None:
        """ "Reid's rep", "Moon's office": someone speaking for the owner, not the owner; "Tom
        Baker's statement": the owner's words. None for another possessive."""
        if head in DOCUMENT_HEADS:
            return self._speaker_as_written(owner, at) if owner.lower() not in PRONOUNS else None
        if head not in ANONYMOUS_HEADS | BODY_HEADS | PERSON_HEADS:
            return None  # "Dan Cole's lawyer", not Dan Cole
        if owner.split()[0].lower() in _DETERMINERS:  # "the actor's family"
            return f"{owner}’s {head}", "body" if head in BODY_HEADS else "anonymous"
        owner = self.people.resolve(owner, at)
        return f"{owner}’s {head}", "body" if head in BODY_HEADS else "anonymous"

    def _people_of_a_place(self, written: str, at: int) -> tuple[str, str] | None:
        """A place is no speaker: "Residents of Rafah said" are residents (anonymous), and a
        place named where the speaker should be ("… in Khartoum said") gives no speaker rather
        than a wrong one. None when `written` is no place."""
        end = at + len(written)
        head = _HEAD_BEFORE_PLACE.search(self.body[max(0, at - 60) : at])
        crowd = head is not None and head.group("head").lower() in _CROWD_HEADS
        if not crowd and not any(s <= at and end <= e for s, e in self.places):
            return None
        after_preposition = _PREPOSITION_RIGHT_BEFORE.search(self.body, max(0, at - 20), at)
        if not crowd and _speaks_as_a_government(written) and not after_preposition:
            return written, "body"  # "China said", "Northern Ireland has suggested" (not "Israel's
            # ambassador to the United States said": the end of a longer subject)
        if crowd and head is not None:
            start = at - 60 + head.start("head") if at >= 60 else head.start("head")
            return " ".join(self.body[start:end].split()), "anonymous"
        return "", ""

    def _described(self, written: str, at: int) -> tuple[str, str]:
        """ "the doctor" (a person named before), "a senior official" (anonymous), "the army",
        "a spokesman for the ministry" (the head noun before "of"/"for" decides)."""
        words = written.split()
        of_someone = _head_of_someone(written)
        head = of_someone or words[-1].lower().strip(".,")
        if len(words) == 2 and words[-1].isupper() and len(words[-1]) >= 2:
            return words[-1], "body"  # "the UN", "the EU": an acronym names a body
        other = [word.lower() for word in words[1:-1] if word.lower() in _OTHER_ROLE]
        if words[0].lower() == "the" and head in PERSON_HEADS and not of_someone and other:
            # "The vice minister called the incident “regrettable”": whom the report titled
            # "Vice Foreign Minister", else nobody named (not the last subject, a minister)
            holders = self._titled_people(f"{other[0]} {head}")
            index = bisect_left(holders, (at, "")) - 1
            return (holders[index][1], "person") if index >= 0 else (written, "anonymous")
        if words[0].lower() == "the" and head in PERSON_HEADS and not of_someone:
            # the person the report gave that role; else the description itself: "The mother
            # said" after a sentence about the father is not his. Not one titled for another
            # office of that head: "The local health minister said" after "Civil Aviation
            # Minister Hardeep Singh Puri" is someone else, named by no one
            qualifiers = {word.lower() for word in words[1:-1]} - _ANY_OFFICE
            if qualifiers and self._titled_otherwise(head, qualifiers, at):
                return written, "anonymous"
            most = self._most_titled(head, at)
            if most is not None:  # "The president" after President Trump and President Macron
                return (most, "person") if most else ("", "")
            titled = self._described_person(head, at)
            return (titled, "person") if titled else (written, "anonymous")
        if words[0].lower() == "the" and all(word[0].isupper() for word in words[1:]):
            return " ".join(words[1:]), "body"  # "the Daily Hive", "the White House"
        if head in UNNAMED_HEADS | GROUP_PEOPLE:  # "the source told us": a source is never named
            return written, "anonymous"
        if words[0].lower() == "the" and of_someone and head in PERSON_HEADS:
            holder = self._holder_of_office(written, head)
            if holder:  # "The secretary of homeland security" and, in the report, "Homeland
                return holder, "person"  # Security Secretary Kirstjen Nielsen"
        if head in ANONYMOUS_HEADS or head in PERSON_HEADS:
            return (written, "anonymous") if words[0].lower() != "the" or of_someone else ("", "")
        if head in DOCUMENT_HEADS:  # who issued it, else the document itself ("The study")
            issuer = self._issuer_before_head(written, at) or self._issuer(head, at)
            return issuer if issuer[0] else (written, "anonymous")
        if head in BODY_HEADS:  # "the army"; "the Cole family" is the Cole family
            named = len(words) > 2 and words[0].lower() == "the" and words[1][0].isupper()
            return " ".join(words[1:]) if named else written, "body"
        if words[0].lower() != "the" or of_someone or head in _BEARERS:
            return "", ""  # "The sign read": words a thing bears are nobody's
        if head in ("which", "that", "who"):
            return "", ""  # "the team that wrote": the subject of a relative clause
        if head in _NOBODY_WORDS:
            return "", ""  # "how people used the web to read news": a function word heads nothing
        if _may_name_a_person(head):
            # "AU trade and industry commissioner Albert Muchanga announced …. The
            # commissioner said": whom the report gave that role, else no one
            holders = self._titled_people(head)
            index = bisect_left(holders, (at, "")) - 1
            return (holders[index][1], "person") if index >= 0 else ("", "")
        if self._says(written, at):
            # "The event description read", "The 14th Amendment states", "…, read the
            # warning": a thing that says the words, named by no one, as the report describes it
            return written, "anonymous"
        return "", ""

    def _holder_of_office(self, written: str, head: str) -> str:
        """The one person the report titles with an office written out ("the secretary of
        homeland security": "Homeland Security Secretary Kirstjen Nielsen", before or after
        it), "" when none or several are."""
        office = re.search(r"\s(?:of|for)\s+(?:the\s+)?(?P<words>[^,;:.“”\"]+)$", written)
        if office is None:
            return ""
        wanted = set(office.group("words").lower().split())
        holders = set()
        for start, who in self._titled_people(head):
            title = title_before(self.body, start).split() + self.roles.get(who, "").lower().split()
            if wanted <= set(title):
                holders.add(who)
        return holders.pop() if len(holders) == 1 else ""

    def _says(self, written: str, at: int) -> bool:
        """Whether a speaker as written at `at` is the subject of a verb of saying right after
        it, or comes right after one ("…,” read the warning"), and is no preposition's object
        ("speaking to the Atlantic Council think tank called")."""
        end = at + len(written)
        return not _PREPOSITION_RIGHT_BEFORE.search(self.body, max(0, at - 20), at) and bool(
            _SAYS_AFTER.match(self.body, end) or _SAYS_BEFORE.search(self.body, max(0, at - 20), at)
        )

    def _issuer_before_head(self, written: str, at: int) -> tuple[str, str] | None:
        """ "the Supreme Court decision", "the White House statement": the body or person
        named between the determiner and the document's head issued it; None when no
        organisation or person the entities name stands there ("the Monday statement")."""
        found = _ISSUER_BEFORE_HEAD.fullmatch(written)
        if not found:
            return None
        start, end = at + found.start("issuer"), at + found.end("issuer")
        named = self._person_end(start) == end or any(
            s == start and e == end for s, e in self.bodies
        )
        return self._speaker_as_written(found.group("issuer"), start) if named else None

    def _issuer(self, head: str, at: int) -> tuple[str, str]:
        """ "the letter said": who signed or issued it, as an earlier sentence says; else nobody."""
        # the sentences up to the one holding `at` ("According to a memo posted online by
        # Senator Juan Dalmau, …")
        until = bisect_right(self._sentence_starts, at)
        earlier = self.sentences[max(0, until - 7) : until]
        # "the press release" after "In a press statement released Monday, the White House …"
        words = next((f"(?:{kin})" for kin in _KINDRED_DOCUMENTS if head in kin.split("|")), head)
        patterns = [pattern.replace("HEAD", words) for pattern in _ISSUED]
        for sentence in reversed(earlier):
            for pattern in patterns:
                signed = re.search(pattern, sentence.text)
                if signed:
                    return self._issuer_named(
                        signed.group("x").strip(), sentence.start + signed.start("x")
                    )
        return "", ""

    def _issuer_named(self, phrase: str, at: int) -> tuple[str, str]:
        """(speaker, kind) of a letter's or a statement's issuer as written ("They released a
        statement": the body "they" stands for)."""
        if phrase.lower() in ("it", "they"):
            return self._group_pronoun(phrase.lower(), at, None)
        named = self.people.last_in(at, at + len(phrase))
        if named and not re.search(r"\b(?:and|Republicans|Democrats|members)\b", phrase):
            return named, "person"
        return re.sub(r"^(?:[Tt]he)\s+", "", phrase), "body"

    def _titled_otherwise(self, head: str, qualifiers: set[str], at: int) -> bool:
        """Whether the latest person before `at` the report titles with `head` has a title
        whose words before the head share none of `qualifiers` while having some of their own
        ("civil aviation minister" for "the local health minister")."""
        titled = self._titled_people(head)
        index = bisect_left(titled, (at, "")) - 1
        if index < 0:
            return False
        start, canonical = titled[index]
        title = title_before(self.body, start).split() or self.roles.get(canonical, "").split()
        own = set(title[: title.index(head)] if head in title else ()) - _ANY_OFFICE
        return bool(own) and not own & qualifiers

    def _most_titled(self, head: str, at: int) -> str | None:
        """When the report titles two people or more with `head` before `at` ("President
        Trump", "President Emmanuel Macron of France"), the one it titles so most often (whom
        "the president" means: the latest named is no better a guess than the one the report
        is about), "" when two are titled so equally often; None when at most one is."""
        titled = self._titled_people(head)
        counts: dict[str, int] = {}
        for _where, who in sorted(set(titled[: bisect_left(titled, (at, ""))])):
            counts[who] = counts.get(who, 0) + 1
        if len(counts) < 2:
            return None
        top = max(counts.values())
        most = [who for who, count in counts.items() if count == top]
        if len(most) > 1:
            # "Still, Mr. Trump welcomed what Mr. Kim said. “…,” the president said" after
            # President Moon and President Trump: the sentence before is about one of them
            # (not when it has both act: "Trump signaled …, and Macron agreed")
            start, subject = self._previous_subject_at(at)
            sentence = next((s for s in self._window(at) if s.start == start), None)
            if subject not in most or sentence is None:
                return ""
            acting = self.people.acting_in(start, min(sentence.end, at))
            return subject if len(set(acting) & set(most)) == 1 else ""
        return most[0]

    def _described_person(self, head: str, at: int) -> str:
        """ "the doctor": the latest person the report gave that role, else the last subject
        ("the star" after Tara Reid); "" for a relation ("The mother said" is someone's mother,
        not the father named in the sentence before) when nobody was given it."""
        titled = self._titled_people(head)
        index = bisect_left(titled, (at, "")) - 1
        if index >= 0:
            return titled[index][1]
        if head in _KIN or head in _TITLED_ONLY or head in _AGENT_HEADS:
            return ""
        subject = self._previous_subject(at)
        gender = "she" if head in _FEMALE_HEADS else "he" if head in _MALE_HEADS else ""
        # "the spokeswoman said" is not the man the sentence before is about
        return "" if gender and self._gender(subject) not in ("", gender) else subject

    def _titled_people(self, head: str) -> list[tuple[int, str]]:
        """(where, who) of every person the report gives the role `head`, in text order
        (remembered per role: reports say "the president said" again and again)."""
        if head not in self._titled:
            titled = [
                (start, canonical)
                for start, _end, canonical in self.people.full_names
                if _titled(self.roles.get(canonical, "").lower(), head)
                or _titled(title_before(self.body, start), head)
            ]
            titled += [  # "President Trump" without a full name: the title before a surname;
                # "Pope Francis" as one mention: the title inside it
                (start, self.people.resolve(self.body[start:end], start))
                for start, end in self.person_spans
                if _titled(title_before(self.body, start), head)
                or self.body[start:end].split()[0].lower() == head
            ]
            self._titled[head] = sorted(titled)
        return self._titled[head]

    def _pronoun(self, pronoun: str, at: int, last: _Draft | None) -> tuple[str, str]:
        """ "he said": whoever was named last, the last quote's speaker or a sentence's subject,
        if `pronoun` may stand for them (`_fits_pronoun`); nobody when that sentence names two
        such people who may act ("Ann met Tom. “…,” he said")."""
        own = self._own_sentence_opening(at)
        if own and self._fits_pronoun(own, pronoun):
            # "May was similarly glowing in her praise of what she called a “…”": the surname
            # opening the pronoun's own sentence (one the entities did not give as a person)
            return own, "person"
        described = self._described_before(at, last)
        if described and _plural(described):  # "Many of the bodies were …. “…,” she said"
            return "", ""
        if described:  # "One of the victims decided …. She said …": that one, unnamed
            return described, "anonymous"
        subject_at, subject = self._previous_subject_at(at)
        for _step in range(PRONOUN_REACH):
            # "In between, she testified, she was raped by Quirin, Redouane. … She told a guard
            # “…”": a sentence whose subject is the same pronoun goes on about whom that one
            # stands for; the people it names after it are no subject of it
            opening = _PRONOUN_OPENING.match(self.body, max(subject_at, 0))
            if (
                not subject
                or not opening
                or opening.group("name").lower() != pronoun
                or self.people.acting_in(subject_at, opening.start("name"), True)
            ):
                break
            subject_at, subject = self._previous_subject_at(subject_at)
        window = self._window(at)
        recent = last is not None and bool(window) and last.span.start >= window[-1].start
        if last is not None and recent and (not subject or last.span.start > subject_at):
            # "he" is no body ("… described as “…” by the police. He told her: “…”")
            kind = last.kind or "person"  # a "subject" speaker is a person found as such
            fits = (kind == "anonymous" and not _plural(last.speaker)) or (
                kind == "person" and self._fits_pronoun(last.speaker, pronoun)
            )  # not "Many of the displaced" for "he" (the report's unnamed minister)
            if fits:
                return last.speaker, last.kind
            if not subject or kind != "person":
                return "", ""
            # "“…,” said Tom Ward. “…,” she said": not him; whom the sentences before are about
        # the walk back past "she …" sentences may leave the pronoun's reach: nobody then
        sentence = next((s for s in window if s.start == subject_at), None)
        if not subject or sentence is None:
            return "", ""
        if self._reported_speaker(sentence.text, sentence.start) == subject:
            # "…, said hospital director Hengky Tewu. “…,” he said"
            return (subject, "person") if self._fits_pronoun(subject, pronoun) else ("", "")
        acting = self.people.acting_in(subject_at, min(sentence.end, at), True) or [subject]
        fitting = [name for name in acting if self._fits_pronoun(name, pronoun)]
        if len(fitting) > 1 and (
            self._subject_called(sentence, fitting, pronoun, at)
            or (
                self._gender(fitting[0]) == pronoun
                and self._opens_main_clause(sentence, fitting[0])
            )
        ):
            # "Refusing to give up power, Mugabe agreed to power-sharing in which Tsvangirai
            # became prime minister. “…,” he declared.": the subject the report calls "he",
            # over others it never calls anything; "Wednesday, the same day that he dropped
            # out, Bloomberg endorsed his former rival, Joe Biden. “…,” he said": the main
            # clause's subject the report calls "he", over its object
            return fitting[0], "person"
        return (fitting[0], "person") if len(fitting) == 1 else ("", "")

    def _own_sentence_opening(self, at: int) -> str:
        """The person whose surname alone opens the sentence of a pronoun at `at` as its subject
        (a verb after it) when the entities name no one acting before the pronoun there and the
        word shortens a full name the report gives ("May" of "Theresa May"), resolved; else ""."""
        index = bisect_right(self._sentence_starts, at) - 1
        if index < 0:
            return ""
        start = self.sentences[index].start
        if self.people.acting_in(start, at):
            return ""
        found = _SURNAME_OPENING.match(self.body, start, at)
        if not found or found.group("word").lower() in STOP_CAPITALS:
            return ""
        word = found.group("word")
        if not self.people.shortens_a_full_name(word):
            return ""
        resolved = self.people.resolve(word, start + found.start("word"))
        return resolved if resolved != word else ""

    def _fits_pronoun(self, name: str, pronoun: str) -> bool:
        """Whether "he" or "she" may stand for a person named `name`: the report never calls
        them by the other pronoun (`_sex`), and the name is no place of the report's of two
        words or more, nor a part of one ("High Street" of "Banstead High Street")."""
        return self._sex(name) in ("", pronoun) and not any(
            f" {name} " in f" {place} " for place in self._place_names
        )

    def _opens_main_clause(self, sentence: TextSpan, name: str) -> bool:
        """Whether `name` is the subject of a sentence's main clause: its first person, after
        nothing but phrases closed by commas ("Wednesday, the same day that he dropped out, "),
        with a verb right after it or after a role set off by commas."""
        first = bisect_left(self._person_starts, sentence.start)
        if first == len(self.person_spans) or self._person_starts[first] >= sentence.end:
            return False
        start, end = self.person_spans[first]
        return (
            self.people.resolve(self.body[start:end], start) == name
            and _OPENING_PHRASES.fullmatch(self.body, sentence.start, start) is not None
            and _VERB_AFTER_SUBJECT.match(self.body, end, sentence.end) is not None
        )

    def _subject_called(
        self, sentence: TextSpan, fitting: list[str], pronoun: str, at: int
    ) -> bool:
        """Whether the first of `fitting` opens `sentence` as its subject (after at most a
        phrase set off by a comma: "Another voice actor, Lauren Landa, would list …") and the
        report calls them `pronoun` (elsewhere, or as the next sentence's subject: "She was
        given a chance"), while it calls none of the others anything."""
        if any(self._gender(other) for other in fitting[1:]):
            return False
        first = bisect_left(self._person_starts, sentence.start)
        if first == len(self.person_spans) or self._person_starts[first] >= sentence.end:
            return False
        start, end = self.person_spans[first]
        if self.people.resolve(self.body[start:end], start) != fitting[0]:
            return False
        if not _OPENING_PHRASE.fullmatch(self.body, sentence.start, start):
            return False
        gender = self._gender(fitting[0])
        index = bisect_right(self._sentence_starts, sentence.start) - 1
        if not gender and index + 1 < len(self.sentences) and self.sentences[index + 1].end <= at:
            # the sentence after, before the pronoun's own (which is no evidence of itself)
            following = self._next_subject_pronoun(index)
            gender = following[0] if following else ""
        return gender == pronoun

    def _outside_quotes(self, sentence: TextSpan) -> str:
        """A sentence's text without what it quotes ("“I love her,” he said": no "her" of his)."""
        chars = list(sentence.text)
        for span in self._spans_from(sentence.start, sentence.end):
            for index in range(max(span.start, sentence.start), min(span.end, sentence.end)):
                chars[index - sentence.start] = " "
        return "".join(chars)

    def _spans_from(self, start: int, end: int) -> list[TextSpan]:
        """The quotes that may overlap [start, end): those starting before `end`, from the last
        one starting at or before `start` (quotes do not nest)."""
        first = max(0, bisect_right(self._span_starts, start) - 1)
        last = bisect_left(self._span_starts, end)
        return self._spans_by_start[first:last]

    def _gender(self, name: str) -> str:
        """ "he" or "she" when the report calls a person so: the pronoun that follows their
        name in a sentence naming no one else, or opens the next sentence (quotes left out);
        "" when it does not tell."""
        if name not in self._genders:
            counts = {"he": 0, "she": 0}
            for index, sentence in enumerate(self.sentences):
                if self._acting(index) != [name]:
                    continue
                after = self._outside_quotes(sentence)[self._named_at(name, sentence) :]
                # the first pronoun after the name only: a later one may be someone else's
                # ("Dominic Mangoni, …, said he asked how she felt")
                words = _PRONOUN_OF_ONESELF.findall(after.lower())[:1]
                for word in words + self._next_subject_pronoun(index):
                    counts["he" if word in _HE else "she"] += 1
            he, she = counts["he"], counts["she"]
            self._genders[name] = "he" if he > she else "she" if she > he else ""
        return self._genders[name]

    def _sex(self, name: str) -> str:
        """ "he" or "she" for a person as a careful reader knows it: the pronoun the report
        calls them by (`_gender`), else an honorific the report writes before their surname
        ("Ms Sacoolas"), else their given name's ("Anne Sacoolas"); "" when none tells."""
        if name not in self._sexes:  # remembered: asked for each pronoun near the name
            self._sexes[name] = self._gender(name) or self._sex_as_named(name)
        return self._sexes[name]

    def _sex_as_named(self, name: str) -> str:
        """The honorific before the surname's, else the given name's "he" or "she"."""
        words = name.split()
        if len(words) < 2:
            return ""
        titled = re.search(
            rf"\b(?:(?P<he>Mr)|(?P<she>Mrs|Ms|Miss))\.?\s+{re.escape(words[-1])}\b", self.body
        )
        if titled:
            return "he" if titled.group("he") else "she"
        return given_name_pronoun(words[0])

    def _next_subject_pronoun(self, index: int) -> list[str]:
        """ "he" or "she" as the first pronoun of the sentence after sentence `index`, when that
        one names nobody ("Rothman recalls. “…,” he said.")."""
        following = self.sentences[index + 1 : index + 2]
        if not following or self._acting(index + 1):
            return []
        found = re.search(r"\b(?:[Hh]e|[Ss]he)\b", self._outside_quotes(following[0]))
        return [found.group().lower()] if found else []

    def _acting(self, index: int) -> list[str]:
        """The people who may act in sentence `index` (remembered: read for every pronoun)."""
        if index not in self._acting_in_sentence:
            sentence = self.sentences[index]
            self._acting_in_sentence[index] = self.people.acting_in(sentence.start, sentence.end)
        return self._acting_in_sentence[index]

    def _named_at(self, name: str, sentence: TextSpan) -> int:
        """Where in a sentence its one person is first named (0 if not found as written)."""
        words = name.split()
        found = re.search(rf"\b(?:{re.escape(words[-1])}|{re.escape(words[0])})\b", sentence.text)
        return found.end() if found else 0

    def _group_pronoun(self, pronoun: str, at: int, last: _Draft | None) -> tuple[str, str]:
        """ "it said" (a body), "they said" (a body or a group): the last speaker of that kind
        in the nearest sentences, quoted or reported ("The ministry said … It added: “…”");
        nobody when the nearest speaker is of another kind ("Tim and Ann spoke. “…,” they
        said")."""
        kinds = {"body"} if pronoun == "it" else {"body", "anonymous"}
        for sentence in self._window(at):
            if last is not None and last.span.start >= sentence.start:
                return (last.speaker, last.kind) if last.kind in kinds else ("", "")
            reported = _speech_subject(self.body[sentence.start : min(sentence.end, at)])
            if reported and reported.group("name").lower() not in PRONOUNS:
                written_at = sentence.start + reported.start("name")
                speaker, kind = self._speaker_as_written(reported.group("name"), written_at)
                return (speaker, kind) if kind in kinds else ("", "")
            if self.people.acting_in(sentence.start, min(sentence.end, at), True):
                return "", ""  # a person acts there: "they" may be that person and another
            acting_body = self._body_opening(sentence.start, min(sentence.end, at))
            if acting_body:  # "The commission criticized the move. They released a statement"
                return acting_body, "body"
        return "", ""

    def _body_opening(self, start: int, end: int) -> str:
        """The organisation a sentence body[start:end] opens with as its subject ("This
        Thursday the Commission on … criticized"; not "In an interview with Sputnik"), else ""."""
        index = bisect_left(self._body_starts, start)
        if index == len(self._body_starts):
            return ""
        body_start, _end, name = self._bodies_in_order[index]
        opening = self.body[start:body_start]
        if body_start >= min(end, start + _OPENING_REACH) or _PREPOSITION_IN.search(opening):
            return ""
        if self._quoted(body_start):
            return ""  # "“The EU should be exempted,” it said": a body the quote names
        return name

    def _previous_subject(self, offset: int) -> str:
        return self._previous_subject_at(offset)[1]

    def _previous_subject_at(self, offset: int) -> tuple[int, str]:
        """Who the nearest earlier sentence that names a person is about (and where it starts):
        the speaker its reported speech names, else the first person who may act there."""
        for sentence in self._window(offset):
            end = min(sentence.end, offset)
            # not a person of a clause put after the main one ("It's reminiscent of 1996, when
            # Microsoft Chairman Bill Gates ordered …": about it, not Gates)
            later = _SUBORDINATE_AFTER_MAIN.search(self.body, sentence.start, end)
            subject = self._reported_speaker(
                self.body[sentence.start : end], sentence.start
            ) or self.people.first_in(sentence.start, later.start() if later else end, True)
            if later and not subject:  # past that clause's subject, "according to John Ging"
                subject = self.people.first_in(min(later.end(), end), end, subject=True)
            if subject:
                return sentence.start, subject
        return -1, ""

    def _described_before(self, offset: int, last: _Draft | None) -> str:
        """One of a group, unnamed, opening the nearest earlier sentence that is about someone,
        after the last quote ("One of the victims decided to allow her name to be made public.
        She said …"): whom a pronoun after it stands for, not a name further back; else ""."""
        for sentence in self._window(offset):
            if last is not None and sentence.start < last.span.end:
                return ""
            if self._quoted(sentence.start):
                continue  # a sentence of a quote ("… One of the musicians turned round …")
            end = min(sentence.end, offset)
            if self._reported_speaker(
                self.body[sentence.start : end], sentence.start
            ) or self.people.first_in(sentence.start, end, subject=True):
                return ""
            opening = PARTITIVE_SPEAKER.match(self.body, sentence.start, end)
            if opening:
                return opening.group()
        return ""

    def _window(self, offset: int) -> list[TextSpan]:
        """The sentences a pronoun at offset may look back on, nearest first: up to
        PRONOUN_REACH sentences of narrative and the quoted ones among them."""
        window: list[TextSpan] = []
        narrative = 0
        for sentence in reversed(self.sentences[: bisect_left(self._sentence_starts, offset)]):
            if narrative == PRONOUN_REACH or len(window) == PRONOUN_WINDOW:
                break
            window.append(sentence)
            quoted = is_quote_mark(sentence.text.lstrip()[:1]) or self._quoted(sentence.start)
            narrative += not quoted
        return window

    def _quoted(self, offset: int) -> bool:
        return any(span.start <= offset < span.end for span in self._spans_from(offset, offset + 1))

    def _reported_speaker(self, text: str, start: int, mention: bool = False) -> str:
        """Who a sentence of reported speech gives it to ("Al-Sawarmi Khalid, spokesman for
        Sudan's armed forces, said …"), when the report names them in full (or, `mention`, when
        a person mention stands there); else "" (remembered: pronouns ask of the same sentences
        again and again)."""
        key = (start, len(text), mention)
        if key not in self._reported:
            self._reported[key] = self._reported_speaker_of(text, start, mention)
        return self._reported[key]

    def _reported_speaker_of(self, text: str, start: int, mention: bool = False) -> str:
        match = REPORTED.search(text)
        if not match:
            return ""
        group = "name" if match.group("name") else "late"
        named = _A_NAME.match(match.group("role") or "")
        if named and re.search(r"[’']s\s+\w+$", match.group(group)):
            # "Abed Sultan's father, Samir, said": Samir
            written, at = named.group("name"), start + match.start("role") + named.start("name")
        else:
            written, at = match.group(group), start + match.start(group)
        if written.split()[0].lower() in STOP_CAPITALS:
            return ""
        mentioned = self.people.last_in(at, at + len(written))
        if (
            not mentioned
            and _REPORTED_VERB.search(match.group())
            and any(at <= s < at + len(written) for s, _e in self.bodies)
        ):
            return ""  # "Breitbart London reported … on Khan's remarks": an outlet, no person
        speaker = mentioned or self.people.resolve(written, at)
        # "Analysts said": not a name the report gives in full
        return speaker if len(speaker.split()) >= 2 or (mention and bool(mentioned)) else ""

    def _spoken_of(self, start: int, end: int) -> bool:
        """Whether a person named in body[start:end] is the subject of a passive verb there
        ("Frank Corrente, was convicted of serving as Cianci's “bag man”")."""
        first = bisect_left(self._person_starts, start)
        return any(
            stop <= end and _PASSIVE_AFTER_SUBJECT.match(self.body, stop, end)
            for _begin, stop in self.person_spans[first : bisect_left(self._person_starts, end)]
        )

    def _carries_on(self, drafts: list[_Draft], index: int) -> bool:
        """Whether a fragment inside a sentence with no speaker found goes on with the quote
        before it: that quote is in its sentence or the one before ("“…,” writes Martin, “a
        natural born …”"; "she was directing the committees to “proceed …”"), and a speech verb
        before the fragment is that quote's attribution or has its speaker for subject. Not a
        term sentences later ("The mantra shifts approaches from “advice from on high …”", a
        Guardian report: Reid's words), nor one after another speaker's verb ("Ash said Dr Reid
        had made a “ridiculous bodge”" right after Tim Lord's quote)."""
        previous = drafts[index - 1] if index else None
        if previous is None:
            return False
        draft = drafts[index]
        starts = self._sentence_starts
        gap = bisect_right(starts, draft.span.start) - bisect_right(starts, previous.span.end - 1)
        verbs = _speech_verbs(draft.before)
        if gap == 0 or not verbs:
            return gap <= 1  # "“…,” wrote Trump on Twitter, “and therefore …”"
        # the verb's subject names that quote's speaker: "In the filing Ford made this point,
        # writing “…”" after Ford's quote
        surname = previous.speaker.split()[-1] if previous.speaker else ""
        return gap == 1 and bool(surname) and surname in draft.before[: verbs[0].start()]

    def _continued(self, drafts: list[_Draft], index: int) -> str:
        """A quote opening a sentence with no attribution continues the last quote's speaker:
        the one before it in its paragraph, or, when it opens its paragraph, the last of the
        paragraph before (`drafts` are in text order)."""
        draft, previous = drafts[index], drafts[index - 1] if index else None
        if previous is None:
            return ""
        if draft.continued or previous.paragraph == draft.paragraph:
            return previous.speaker
        first_in_paragraph = self.paragraphs[draft.paragraph].start == draft.span.start - 1
        return (
            previous.speaker
            if first_in_paragraph and previous.paragraph == draft.paragraph - 1
            else ""
        )

    def reported(self) -> list[ReportedSpeech]:
        found: list[ReportedSpeech] = []
        for sentence in self.sentences:
            if any(mark in sentence.text for mark in '“”"'):
                continue
            speaker = self._reported_speaker(sentence.text, sentence.start)
            if speaker:
                written = self.original[sentence.start : sentence.end]
                found.append(ReportedSpeech(speaker, written, sentence.start, sentence.end))
        return found


_DETERMINERS = frozenset(SPEAKER_DETERMINERS)
# Verbs of saying a thing is the subject of ("The event description read", "The 14th Amendment
# states"), after it or, in an attribution after the quote, before it ("…,” read the warning").
_SAY = alternation(speech_forms("say read state write declare announce note warn add tell"))
_SAYS_AFTER = re.compile(rf"\s+(?:{ADVERB}\s+)?(?:{_SAY})\b")
_SAYS_BEFORE = re.compile(rf"(?<!\bto )\b(?:{_SAY})\s+$")  # "to read" is no verb of saying
_PREPOSITION_RIGHT_BEFORE = re.compile(
    r"\b(?:to|of|for|with|by|at|in|from|on|about|into|against)\s+$", re.IGNORECASE
)
# Head nouns that name a person by their form ("commissioner", "actor", "scientist", "candidate",
# "chairman", "resident", "executive"; not "amendment"), and people the form does not show.
_PERSON_FORM = re.compile(r"(?:er|or|ist|ian|ant|ee|man|men|ess|ate|ive|(?<!m)ent)s?$")
# Things that bear words nobody is said to say ("The sign read", as "signs which read").
_BEARERS = frozenset(
    "sign signs banner banners placard placards plaque inscription graffiti shirt t-shirt "
    "caption label sticker billboard headline slogan writing".split()
)
# People by what they are or what befell them, not by a role they speak in (no word of
# speakers.PERSON_HEADS, whose holders speak even unnamed, "the official said"): "the victim
# said" is the person the report called the victim, or no one.
_PERSON_KINDS = frozenset(
    "victim victims boy boys girl girls child children kid kids suspect suspects pilot chef "
    "guide nun monk cop cops spouse bride groom athlete mp youth teen adult patient couple pair "
    "duo trio man woman people person".split()
)


def _may_name_a_person(head: str) -> bool:
    """Whether a described speaker's head noun may be a person's role or kind ("the
    commissioner", "the victim"): then the report's named holder of it speaks, or no one."""
    return head in _PERSON_KINDS or bool(_PERSON_FORM.search(head))


# Object pronouns as a speaker is written ("According to him, …"): the subject pronoun's person.
_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}
# One word that names no speaker when a pattern takes it for one: the reporter or the reader
# ("I said", "we", "you"), and words that open a sentence or a clause ("That said, …", "To
# Democrats …, I say", "Because …, says the study").
_OPENERS = STOP_CAPITALS | frozenset("had did do does would could should were yet then".split())
_NOBODY_WORDS = (
    _FIRST_AND_SECOND_PERSON
    | STOP_CAPITALS
    | FUNCTION_WORDS
    | frozenset("because although though whether unless until then here yet nor".split())
    | frozenset("some most many several few all both each other others another".split())
)


def _names_nobody(written: str) -> bool:
    """Whether a speaker as written names no one: a first- or second-person pronoun or a
    function word, alone or after a word opening its clause ("So I", "Had I"); he, she, it and
    they are resolved before this is asked."""
    words = written.lower().replace("’", "'").split()
    return bool(words) and (
        " ".join(words) in _NOBODY_WORDS
        or (len(words) == 2 and words[-1] in _FIRST_AND_SECOND_PERSON and words[0] in _OPENERS)
    )  # "So I would say", "Had I said", "And we"


# Speech verbs with no subject of their own: the clause's subject speaks ("Boeing did not
# release any information, telling Wikinews the company “…”").
_COMMA_BEFORE = re.compile(r",\s*$")
# Participles of speech ("…, adding that …") and of naming, which speak for the subject of the
# clause they are set after with a comma ("the Ministry denounced the conclusions, calling the
# agreements “legitimate”").
PARTICIPLES = SPEECH_PARTICIPLES | NAMING_PARTICIPLES
# A phrase set off by commas after a document that says when or how it was issued.
_NEWER_PARTICIPLES = PARTICIPLES - {"saying"}
# A verb of charging, blaming or thanking someone for the words quoted right after it: the
# charge is the subject's words ("Police detained eight people for “spreading rumors,”").
_CHARGED_FOR = re.compile(
    r"\b(?:detained|arrested|charged|fined|punished|jailed|blamed|sued|condemned|critici[sz]ed|"
    r"praised|thanked)\s+(?:[\w’'\-]+\s+){0,6}?(?:for|with)\s+$"
)
# "with X calling it “…”": X names the thing so (the quote closes that clause).
_WITH_CALLING = re.compile(
    rf"\bwith\s+(?P<name>{SUBJECT})\s+(?:calling|describing|labell?ing|branding|dubbing|"
    r"terming)\s+[^,;:“”\"]{0,60}$"
)
# Speech verbs right after a quote that do not say it ("reads like", "says a lot about").
_VERB_NOT_SPEECH = re.compile(r"\W*\w+\s+(?:like|as|to|a\s+lot|much|more|nothing|something)\b")
# A subordinate clause opening a sentence, up to its comma ("After Ann Lee failed to …, ").
_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:After|When|While|Although|Though|Because|If|Since|Before|Until|Once|Whereas|"
    r"Unless)\b[^,;:“”\"]*,\s*"
)
# "according to X," in the quote's own clause, with no other clause begun between.
_ACCORDING_TO_LAST = re.compile(r"\b[Aa]ccording\s+to\s[^,;:.“”\"]{1,60},[^,;:.“”\"]*$")
# A would-be subject ending in a conjunction: a second verb of an earlier subject.
_ENDS_IN_CONJUNCTION = re.compile(r"\s(?:and|but|or|then)$")
# A speech verb whose subject is a relative pronoun: its antecedent speaks, not an earlier subject.
# The comma opening an apposition after a partitive speaker, its noun between ("One of these
# groups, "), and a "the" the name may open with.
_APPOSITION_OPENS = re.compile(r"(?:\s+[a-z][\w\-]*)?,\s*(?:the\s+)?")
# "the latter" / "the former" as a speaker, and what joins the two it chooses between.
# (not "the former official": a former one, an unnamed speaker again; "the latter yesterday")
_LATTER = re.compile(r"[Tt]he\s+(latter\b|former\b(?!\s+[a-z]))")
_JOINED_BY_AND = re.compile(r",?\s+and\s+(?:the\s+)?")
_IN_BEFORE = re.compile(r"\s+in\s+$")
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that)\s+$")
# The subject of a participle set after "with" ("with the EU warning …", "with Ann saying").
_WITH_SUBJECT = re.compile(rf"\bwith\s+(?P<name>{SUBJECT})\s+$")
# An aside set off by dashes that closes right before the quote: " — where X said she was — “…”"
# (not one before the verb, the subject's own: "Her lawyer — Mark Heller — said “…”").
_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–\n]+?\s[—–](?=[\s,:]*$)")
# Where a subject said it, set off by commas ("Coles, in its March 8 media release, reported",
# "ALDI, in a Facebook post on Tuesday, called it"): no role, and the subject still speaks.
_MEDIUM_ASIDE = re.compile(r"(?:in|on|via|through)\s+(?:its|his|her|their|a|an)\s")
_PARTICIPLE_PHRASE = re.compile(r"(?:released|published|issued|posted|signed|written|sent|dated)\b")
# A pronoun or a role opening a clause, before its verb or an aside of the subject's.
_CLAUSE_SUBJECT = re.compile(
    r"\s*(?P<name>[Hh]e|[Ss]he|[Tt]he\s+[a-z][\w\-]*)(?=(?:\s*,\s*[^,;:“”\"]{1,80},)?\s+"
    r"(?!(?:of|for|at|in|on|from|to|with|by|who|which|that|and|or)\b)[a-z])"
)  # not "The leader of Ennahda, Rachid Ghannouchi, condemned": he is named
# What the subject did as it spoke, or a linking adverb, set off by commas ("The president,
# sitting next to Japanese Prime Minister Shinzo Abe, said"; "The president, however, has"): no
# role, and the subject still speaks.
_SUBJECTS_ASIDE = re.compile(
    r"(?:[a-z]+ing\b(?<!\bking)[^,;:“”\"]*|however|meanwhile|though|too|also|again|instead|"
    r"in\s+turn|for\s+(?:his|her|its|their)\s+part|at\s+the\s+time)"
)
# A described speaker of a body or a place, longer than SUBJECT reads ("A source within the
# central Interior Ministry"): the words before the body's name.
_DESCRIBED_OF_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w\-]+\s+){0,2}?(?P<head>[a-z][\w\-]*)\s+"
    r"(?:of|for|within|inside|from|at|in|close\s+to)\s+$"
)
# A document and what it is about, before the speaker as written ("The family's statement on
# the death read", "A report into the crash said"): the document is the subject.
_DOCUMENT_ABOUT_BEFORE = re.compile(
    r"(?P<document>\b(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?(?:[\w’'\-]+\s+){0,3}?"
    rf"(?:{_DOCUMENTS}))\s+(?:on|about|into|regarding|concerning|over)\s+$"
)
# A document with its issuer's name before its head: "the Supreme Court decision".
_ISSUER_BEFORE_HEAD = re.compile(
    rf"(?:[Tt]he|[Aa]n?)\s+(?P<issuer>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){{0,3}})\s+(?:{_DOCUMENTS})"
)
# A plural head without a determiner before a body's name ("Members of the House of Commons").
_CROWD_OF_BEFORE = re.compile(r"(?<![\w’'\-])(?P<head>[A-Za-z][a-z]+s)\s+(?:of|from|at|in)\s+$")
_SPEAKING_HEADS = ANONYMOUS_HEADS | PERSON_HEADS | GROUP_PEOPLE
PARTITIVE_SPEAKER = re.compile(PARTITIVE)
# A preposition right before a would-be subject ("on Twitter"): its object, nobody acting
# (not "of": "First Minister of Scotland Nicola Sturgeon said" goes on with a title).
_PREPOSITION_LAST = re.compile(
    r"(?:^|[,;]|\b(?:and|but|or|then|also))\s*"
    r"(?:[Oo]n|[Ii]n|[Aa]t|[Bb]y|[Ww]ith|[Ff]or|[Ff]rom|[Tt]o|[Vv]ia|[Tt]hrough|[Dd]uring|"
    r"[Oo]ver|[Uu]nder)\s+$"
)  # opening a clause: an adverbial ("and on Twitter"), not a subject's ("Officials in Khartoum")
# Heads that say a person's sex, against the pronouns a report uses for the last subject.
_FEMALE_HEADS = frozenset("spokeswoman chairwoman actress businesswoman congresswoman".split())
_MALE_HEADS = frozenset("spokesman chairman actor businessman congressman".split())
# Heads that name a person by their relation to someone else ("the mother", "the son"): never
# the last person named by default.
_KIN = (
    frozenset(
        "mother father parent son daughter child wife husband brother sister uncle aunt cousin "
        "nephew niece grandmother grandfather grandson granddaughter widow widower".split()
    )
    | RELATIONS
)
# Roles of someone other than whom a report is about: "the judge" is one the report called a
# judge, never the last person named (the defendant) by default.
_TITLED_ONLY = frozenset({"judge"})
# Roles of one who speaks for someone else: "Paul Manafort was indicted on Monday. “…,” the
# lawyer said" is his lawyer, unnamed, never the last person named.
_AGENT_HEADS = frozenset(
    "spokesman spokeswoman spokesperson lawyer attorney publicist aide adviser advisor agent "
    "representative".split()
)
# A described speaker and whom it speaks for: "a lawyer for Tom Baker", "the family of the
# victim", "a source within the ministry" (the lawyer, the family, the source).
_HEAD_OF_SOMEONE = re.compile(
    r"^(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w\-]+\s+){0,2}?(?P<head>[a-z][\w\-]*)"
    r"\s+(?:of|for|from|by|within|inside|close\s+to)\s+\S"
)  # "The tweet from Vulture magazine", "a doctor from the hospital"
# How a report says who issued a letter or a statement (HEAD: its head word) and names them (x).
_ISSUED = (
    # "In a statement published by the state-run Korean Central News Agency, North Korean
    # dictator Kim Jong Un promised": the main clause's subject issued it; the agency published
    # it (read first: what the phrase says of the statement is no issuer over the subject)
    rf"\b[Ii]n\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}HEAD\b[^,]{{0,80}},\s+{ISSUER}\s+"
    r"[a-z]+(?:ed|s)\b",
    rf"\bHEAD\b[^.;]*?\b(?:signed|sent|issued|released|written|posted|published)\s+"
    rf"(?:online\s+|[a-z]+ly\s+)?by\s+{ISSUER}",
    rf"\bHEAD\s+(?:from|by)\s+{ISSUER}",
    # "A tweet sent from Biden's Twitter account": the account's owner
    r"\bHEAD\b[^.;]*?\b(?:sent|posted|published|made)\s+(?:from|on|to|via)\s+"
    r"(?P<x>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})[’']s\s+(?:official\s+)?(?:[A-Z]\w+\s+)?"
    r"account\b",
    rf"{ISSUER}\s+(?:wrote|sent|signed|issued|released|published|posted|put\s+out|"
    r"to\s+(?:write|send|sign|issue|release|publish|post))\s+"
    r"(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}HEAD\b",  # "prompted Trump to send a … tweet"
    rf"{ISSUER}(?:,[^,]{{1,80}},)?\s+(?:said|says|wrote|announced|added)\s+in\s+(?:a|an|the)\s+"
    r"(?:[\w\-]+\s+){0,2}HEAD\b",
    # "Powell's resignation letter to Bush was dated …. “…,” the letter reads": the owner's
    r"(?P<x>\b[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})[’']s\s+(?:[a-z][\w\-]*\s+){0,2}HEAD\b",
)
# Words for one kind of document: "the release" may be the statement named before.
_KINDRED_DOCUMENTS = ("statement|release|communique|announcement", "post|tweet")
# Nations that are no sovereign country and have a government of their own.
_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})


# Words before an office's head that say nothing of which office it is ("the local health
# minister" and "Health Minister Ann Lee" share "health").
_ANY_OFFICE = frozenset({"local", "top", "senior", "new", "current", "then", "country's", "the"})
# Words that make a title another role: "Vice President Pence" is not "the president".
_OTHER_ROLE = frozenset({"vice", "former", "deputy", "ex", "late", "assistant"})


def _titled(title: str, head: str) -> bool:
    """Whether a name written after `title` ("us president ") or given that role holds the
    role `head` ("president"; not a vice president; "vice minister": a vice minister). The
    words before a verb are no title ("the spokesperson said the Migration Act", "a senior
    official characterized Powell's")."""
    words = title.split()
    verbs = [index for index, word in enumerate(words) if _a_verb(word)]
    if verbs:
        words = words[verbs[-1] + 1 :]
    # nor the words before a conjunction: "President Donald Trump and" titles Trump, not "Kim"
    joins = [index for index, word in enumerate(words) if word in ("and", "or", "with", "&")]
    if joins:
        words = words[joins[-1] + 1 :]
    wanted = head.split()  # "vice minister": a vice minister only
    return wanted[-1] in words and _OTHER_ROLE.intersection(words) == _OTHER_ROLE.intersection(
        wanted
    )


_SAYING = frozenset(form for form in (*SAY_FORMS, *TELL_FORMS) if " " not in form)


def _a_verb(word: str) -> bool:
    """A verb of saying or a past form ("characterized"; "united" of a title is cut before
    its head, which stays)."""
    return word in _SAYING or (len(word) > 4 and word.endswith("ed"))


def _speaks_as_a_government(place: str) -> bool:
    """A country (or a nation with a government) said to speak: its government did."""
    from kimreader.analysis.gazetteer import is_country

    return is_country(place) or place.lower() in _NATIONS


# "Residents of", "officials in", "witnesses from": who speaks when a place follows.
_HEAD_BEFORE_PLACE = re.compile(
    r"\b(?P<head>[A-Za-z][a-z\-]+)\s+(?:of|in|from|at|near)\s+(?:the\s+)?$"
)
_CROWD_HEADS = frozenset(
    "members supporters official officials source sources aide aides people person resident "
    "residents witness witnesses villager villagers survivor survivors local locals relative "
    "relatives worker workers student students refugee refugees doctor doctors medic medics "
    "activist activists diplomat diplomats".split()
)


# The longest sentence read back past an earlier quote, in characters.
MAX_SENTENCE = 600
# How many sentences back a pronoun looks for whom it stands for.
PRONOUN_REACH = 4
# ... and at most this many sentences in all, quoted ones included (a run of quotes is long).
PRONOUN_WINDOW = 12
# A pronoun that may stand for the person named before it in its sentence: not "her" in "X is
# her deputy" (a role or a relation of someone else's).
_PRONOUN_OF_ONESELF = re.compile(
    r"\b(?:he|she|him|his|her|himself|herself)\b(?!\s+(?:[a-z\-]+\s+)?(?:"
    + "|".join(sorted(PERSON_HEADS | RELATIONS))
    + r")\b)"
)
_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})


# What may come before a sentence's subject: nothing, or one phrase set off by a comma
# ("Refusing to give up power, ", "Another voice actor, ").
_OPENING = r"\s*(?:[^,;:“”\"]*,\s*)?"
_OPENING_PHRASE = re.compile(_OPENING)
# Phrases closed by commas before a main clause's subject, up to three.
_OPENING_PHRASES = re.compile(r"\s*(?:[^,;:“”\"]*,\s*){0,3}")
# A verb right after a subject, or after a role set off by commas ("Ann Lee, the mayor, said").
_VERB_AFTER_SUBJECT = re.compile(
    rf"(?:,[^,;:“”\"]{{1,80}},)?\s+(?:(?:has|had|have|was|is|{ADVERB})\s+)?"
    r"(?!(?:and|or|but|of|in|at|for|from|with|to|who|which|that|is|was|has|his|its)\b)"
    r"(?:[a-z]+(?:ed|s)|said|told|met|won|made|gave|took|led|spoke|wrote|went|came|became|left|"
    r"sent|thought|held|saw|found|lost|put|set|ran|began|chose|got|knew|felt|heard|paid|sold)\b"
)
# "he" or "she" as the subject of a sentence's main clause, after at most one phrase set off by
# a comma ("Then just 19 years old, she looked at …").
_PRONOUN_OPENING = re.compile(rf"{_OPENING}(?P<name>[Hh]e|[Ss]he)\s+[a-z]")
# A time or place put before a sentence's subject ("In late June, ", "On Monday, ").
_FRONTED = re.compile(
    r"\s*(?:In|On|At|During|After|Before|Earlier|Later|Last|This|Since)\b[^,;:“”\"]{0,60},\s*"
)
# How far into its sentence an organisation may open it as the subject, in characters.
_OPENING_REACH = 60
_PREPOSITION_IN = re.compile(
    r"\b(?:[Ii]n|[Oo]n|[Aa]t|[Bb]y|[Ww]ith|[Ff]or|[Ff]rom|[Tt]o|[Oo]f|[Aa]gainst|[Aa]bout)\s"
)
# What a speech verb says when it goes on with a clause ("said the man …", "said that …").
# A verb whose object comes next ("“We won.” Smith told the crowd"): no reported clause after it.
_TOLD_OR_ASKED = re.compile(rf"\b(?:{alternation(speech_forms('tell ask'))}|tell|ask)$")
_NEW_SENTENCE = re.compile(r"\s+[A-Z]")
_ENDS_WITH_FULL_STOP = re.compile(r"\.\W*$")
_REPORTED_CLAUSE = re.compile(
    r"\s+(?:that|the|a|an|he|she|it|they|we|his|her|its|their|this|these|those|there)\s"
)
# Where a clause is joined on with a subject of its own ("…, which Ross has referred to as",
# "… and Ann Lee calling it"); not "who" (its clause may close before the quote).
_JOINED_CLAUSE = re.compile(
    r",\s*(?:which|and|but|while|with)\s+|\s(?:and|but|while|whereas|with)\s+"
)
# What a described subject caught beyond its noun phrase: a blanked quote before it ("a “…” the
# archbishop said"), the noun phrase of an adverbial before a pronoun ("On the live television
# he said"), an auxiliary or an adverb after it ("The president had previously called it").
_BLANKED_BEFORE = re.compile(r"^.*\S\s{3,}(?=\S)")
_PRONOUN_LAST = re.compile(r"^.*\s(?=(?:he|she|they|it)$)")
# Past a blanked quote, a second verb of the same subject ("Duda characterised the deaths as
# “…” and wrote"): what follows is no subject of its own.
_CONJUNCTION_FIRST = re.compile(r"(?:and|but|or|then|also|yet|so)\b")
# A person's role in lower case right after a name, which qualifies it ("Trump lawyer").
_HEAD_AFTER_NAME = re.compile(rf"\s+(?:{'|'.join(sorted(PERSON_HEADS | RELATIONS))})\b")
# A conjunction opening a clause right after a quote ("…,” while Trump noted …").
_CONJUNCTION_AFTER = re.compile(
    r"\W*(?:while|whilst|whereas|although|though|but|and|when|because|since)\s"
)
# A conjunction or linking adverb opening a sentence, before its subject ("But critics said").
_OPENING_CONJUNCTION = re.compile(
    r"(?:But|And|Yet|So|Still|Meanwhile|However|Instead|Also)\s+(?=\S)"
)
# The last word of an office written in capitals before its holder's name.
_OFFICE_WORDS = frozenset(
    "officer president chairman chairwoman chair minister secretary director executive "
    "spokesman spokeswoman spokesperson ceo governor mayor senator representative leader "
    "commissioner ambassador".split()
)
# A past form right after a quote's closing mark, before a name ("…,” enthused Scott Fancher).
_UNREAD_VERB_AFTER = re.compile(r"\s*[a-z]+ed\s+(?=[A-Z])")
# An article and a description in lower case before a name ("an attendee Om Prakash").
_DESCRIBED_THEN_NAME = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:(?!(?:of|for|from|by|at|with|in|on|to)\s)[a-z][\w\-]*\s+){1,4}"
    r"(?=[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*$)"
)
# Between two people listed as speakers: a comma (after a bracketed party and state) and the
# next one's title words ("Bob Goodlatte (R-Va.), House Oversight Committee Chairman Trey Gowdy").
_AND_BEFORE = re.compile(r"(?:\s*\([^()\n]{1,20}\))?,?\s+(?:and|&)\s+(?:[A-Z][\w.’'\-]*\s+){0,6}")
_LIST_OPENS = re.compile(r"(?:^|[,:;.!?“”\"(])\s*(?:[A-Z][\w.’'\-]*\s+){0,6}$", re.MULTILINE)
_LISTED_BEFORE = re.compile(r"(?:\s*\([^()\n]{1,20}\))?,\s+(?:[A-Z][\w.’'\-]*\s+){0,6}")
# A clause put after the main one, opening with a conjunction after a comma ("…, when X …").
_SUBORDINATE_AFTER_MAIN = re.compile(
    r"(?<=\w),\s+(?:when|while|as|after|before|because|since|until|although|though|whereas)\s+"
    r"(?:[A-Z][\w.’'\-]*\s+)*"
)
_AUXILIARY_AFTER = re.compile(
    rf"\s+(?:has|had|have|is|was|were|are|will|would|could|may|might|{ADVERB})\b.*$"
)


def _subject_alone(written: str, at: int, preceding: str) -> tuple[str, int]:
    """The subject a speaker as written names, without what the pattern caught around it;
    (written, at) moved to it. Not when `preceding` (the words before it) ends in a
    preposition: then it is the end of a longer subject ("A source within the ministry
    reportedly said"), which names no one."""
    for before in (_BLANKED_BEFORE, _PRONOUN_LAST):
        found = before.match(written)
        if found and not _CONJUNCTION_FIRST.match(written, found.end()):
            written, at = written[found.end() :], at + found.end()
    # "But critics said", "But Conway said" (a name the entities do not give as a person): the
    # conjunction opening the sentence is no part of who speaks
    conjunction = _OPENING_CONJUNCTION.match(written)
    if conjunction:
        written, at = written[conjunction.end() :], at + conjunction.end()
    # "an attendee Om Prakash said": a description in lower case, then the name it gives
    described = _DESCRIBED_THEN_NAME.match(written)
    if described:
        written, at = written[described.end() :], at + described.end()
    document = re.match(r"^(.*\s(\w+))\s+(?:which|that)$", written)  # "a statement which said"
    if document and document.group(2).lower() in DOCUMENT_HEADS:
        written = document.group(1)
    words = written.split()
    after_preposition = re.search(r"\b(?:of|for|in|within|at|from|with|to|by)\s+$", preceding)
    if len(words) > 1 and words[0].lower() in _DETERMINERS and not after_preposition:
        written = _AUXILIARY_AFTER.sub("", written) or written
    return written, at


# A preposition and perhaps a determiner right before a quote's opening mark.
_PREPOSITION_TAIL = re.compile(
    r"\b(?:for|at|of|in|on|during|to|from|about)\s+(?:(?:the|a|an|its|their|this)\s+)?$"
)


def _a_long_title(text: str) -> bool:
    """Whether quoted words are a title up to twelve words long, every word capitalised but
    function words ("Take Your Daughters and Sons to Work Day"), no sentence ended in them."""
    return not _ENDS_SENTENCE.search(text) and looks_like_a_name(text, max_words=12)


def _speech_subject(sentence: str) -> re.Match[str] | None:
    """The subject of a sentence's first speech verb as written, with no role between ("Ann
    revealed that …", "The ministry said …")."""
    verbs = _speech_verbs(sentence)
    if not verbs or verbs[0].group() in PARTICIPLES:
        return None
    subject = SUBJECT_BEFORE_VERB.search(sentence[: verbs[0].start()])
    return subject if subject and not subject.group("role") else None


def _group_of(written: str) -> str:
    """The group noun of "police", "Israeli officials", "state media", "Witnesses in Rafah";
    "" for any other speaker."""
    words = written.lower().split()
    at = next((i for i, w in enumerate(words[:3]) if w in GROUP_BODIES | GROUP_PEOPLE), None)
    if at is None or (at and words[0] in _DETERMINERS):
        return ""  # "the police" is a described body (see _described)
    return words[at]


# An attribution between two quotes is a few words; a longer stretch is narrative, and is not
# matched (the pattern's marks on both sides would try every split of it: quadratic).
ATTRIBUTION_CHARS = 200


def _only_an_attribution(between: str) -> bool:
    if len(between) > ATTRIBUTION_CHARS:
        return False
    return _ONLY_AN_ATTRIBUTION.fullmatch(" ".join(between.split())) is not None


# Someone's words named as a thing, then what they said ("the president's comments to Fox News
# that …", "Smith's claim that …"), up to the quote.
_OWNED_WORDS_THAT = re.compile(
    r"(?P<owner>\b(?:[Tt]he\s+[a-z][\w\-]*|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}))[’']s\s+"
    r"(?:comments?|remarks?|claims?|statements?|words|assertions?|suggestions?|accusations?)\s+"
    r"(?:[^.;:“”\"]{0,60}?\s)?that\s[^.;:“”\"]*$"
)
# A speech verb in its progressive form, a finite verb of its own ("The DNC is alleging, in a
# complaint …, that officials “conspired”"): not "was reading", "is writing" (a book).
_PROGRESSIVE_SPEECH = re.compile(
    rf"\b(?:is|are|was|were|been)\s+(?:{ADVERB}\s+)?"
    rf"(?:{alternation(speech_forms('say claim allege argue insist warn accuse contend', True))})\b"
)


def _speech_verbs(before: str) -> list[re.Match[str]]:
    """The speech verbs in a quote's sentence before it; "asked five people to" is a request,
    "a date would be announced" a passive (no speaker of its own)."""
    progressive = list(_PROGRESSIVE_SPEECH.finditer(before))
    found = sorted(
        (
            *progressive,
            *(
                verb  # "is saying" once, not "saying" again inside it
                for verb in BEFORE_VERB.finditer(before)
                if not any(p.start() <= verb.start() < p.end() for p in progressive)
            ),
        ),
        key=lambda verb: verb.start(),
    )
    return [
        verb
        for verb in found
        if not (verb.group() == "asked" and _ASKED_TO.match(before, verb.end()))
        and not _PASSIVE_BEFORE.search(before, max(0, verb.start() - 40), verb.start())
        and not (
            verb.group() in NAMING_PARTICIPLES
            and not _COMMA_BEFORE.search(before, max(0, verb.start() - 4), verb.start())
        )  # "with Ann Lee calling it": a clause of its own (not "…, calling it")
    ]


_SPEAKER_HEADS_OF_SOMEONE = (
    ANONYMOUS_HEADS | PERSON_HEADS | BODY_HEADS | DOCUMENT_HEADS | GROUP_PEOPLE
)


def _head_of_someone(written: str) -> str:
    """The head noun of "a lawyer for Tom Baker", "the family of the victim" (lawyer, family)
    when it is one of a speaker; else ""."""
    found = _HEAD_OF_SOMEONE.match(written)
    head = found.group("head").lower() if found else ""
    return head if head in _SPEAKER_HEADS_OF_SOMEONE else ""


_PLURAL_OPENING = frozenset("many some several most all both few two three four five".split())


def _plural(described: str) -> bool:
    """Whether an unnamed speaker as written is more than one ("Many of the bodies", "Several
    officials", "the sources"; not "one of the witnesses", "a police official", "the Red
    Cross")."""
    words = described.lower().split()
    if not words or words[0] in INDEFINITE_DETERMINERS:
        return False
    head = _head_of_someone(described) or words[-1]
    return words[0] in _PLURAL_OPENING or (
        head.endswith("s") and not head.endswith(("ss", "us", "is"))
    )


def _the_same_unnamed(written: str, unnamed: str) -> tuple[str, str, str]:
    """ "The friend added" after quotes of "a friend of the family", "the senior official"
    after those of "a senior State Department official": that unnamed speaker again (speaker,
    kind and the head noun), when `unnamed` (an earlier unnamed speaker) is theirs."""
    words = written.lower().split()
    if not 2 <= len(words) <= 3 or words[0] != "the" or not unnamed:
        return "", "", ""
    said = unnamed.lower().split()
    head = _head_of_someone(unnamed) or said[-1]
    if (
        # not "one": "the officials" after "one of the officials" are more than that one
        said[0] in INDEFINITE_DETERMINERS
        and said[0] != "one"
        and head == words[-1]
        and head in ANONYMOUS_HEADS
        and all(word in said for word in words[1:-1])  # "the senior official": a senior one
    ):
        return unnamed, "anonymous", head
    return "", "", ""


def _split_at_attributions(
    pieces: list[tuple[TextSpan, bool]],
) -> list[tuple[TextSpan, bool]]:
    """Each quote whose marks hold its attribution in the middle (MID_ATTRIBUTION: “…
    comments, Graham said, and I think …”) as two: the words up to the attribution with it (read
    as an attribution at the quote's end, INNER_ATTRIBUTION) and the rest, which goes on with
    the first (as a quote continued)."""
    split: list[tuple[TextSpan, bool]] = []
    for span, continued in pieces:
        inner = MID_ATTRIBUTION.search(span.text)
        if inner is None:
            split.append((span, continued))
            continue
        said = span.start + inner.start() + len(inner.group().rstrip().rstrip(","))
        rest = span.start + inner.end()
        split.append((TextSpan(span.start, said, span.text[: said - span.start]), continued))
        split.append((TextSpan(rest, span.end, span.text[rest - span.start :]), True))
    return split


def extract_quotes(body: str, entities: Sequence[Entity] = ()) -> list[Quote]:
    """Every direct quote in a report's body with its speaker, role and offsets (the rules'
    speakers, with the shipped speaker model's say)."""
    return list(_quotes_of_report(body, tuple(entities))[0])


def people_quoted_in_both(quotes_a: Sequence[Quote], quotes_b: Sequence[Quote]) -> list[str]:
    """Speakers quoted in both reports (names compared with spelling folded), as named in A.
    Not an anonymous one: "a senior official" in each report is no one person."""
    keys_b = {
        canonical_key(quote.speaker, "person")
        for quote in quotes_b
        if quote.speaker and quote.speaker_kind != "anonymous"
    }
    names: list[str] = []
    for quote in quotes_a:
        if (
            quote.speaker
            and quote.speaker_kind != "anonymous"
            and canonical_key(quote.speaker, "person") in keys_b
            and quote.speaker not in names
        ):
            names.append(quote.speaker)
    return names


@dataclass(frozen=True)
class ReportedSpeech:
    """Indirect speech: a sentence without quote marks attributed to someone ("…, Kim said.")."""

    speaker: str
    text: str  # the whole sentence; body[start:end] == text
    start: int
    end: int
    report: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "report": self.report,
            "speaker": self.speaker,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


def extract_reported_speech(body: str, entities: Sequence[Entity] = ()) -> list[ReportedSpeech]:
    """Sentences outside quotes attributed to a named speaker (pronouns and "analysts" left out)."""
    return list(_quotes_of_report(body, tuple(entities))[1])


def quotes_and_reported_speech(
    body: str, entities: Sequence[Entity] = ()
) -> tuple[list[Quote], list[ReportedSpeech]]:
    """Both at once, sharing the work of reading the report (remembered per report: comparing
    one report with several others reads it once)."""
    quotes, reported = _quotes_of_report(body, tuple(entities))
    return list(quotes), list(reported)


@lru_cache(maxsize=ARTICLES_REMEMBERED)
def _quotes_of_report(
    body: str, entities: tuple[Entity, ...]
) -> tuple[tuple[Quote, ...], tuple[ReportedSpeech, ...]]:
    if not _MARKDOWN_LINK.search(body):
        finder = _QuoteFinder(body, entities)
        return tuple(finder.find(shipped_model())), tuple(finder.reported())
    # 'said [Mar Hicks](http://…), a historian': read the prose the entity model read, the
    # links' syntax removed, and give the offsets back in the body
    prose = markdown_prose(body)
    offsets = prose.offsets

    def to_prose(start: int, end: int) -> tuple[int, int]:
        return bisect_left(offsets, start), bisect_left(offsets, end)

    mapped = tuple(
        replace(entity, mentions=tuple(to_prose(*span) for span in entity.mentions))
        for entity in entities
    )
    finder = _QuoteFinder(prose.text, mapped)
    quotes = []
    for quote in finder.find(shipped_model()):
        start, end = prose.body_span(quote.start, quote.end)
        quotes.append(replace(quote, text=body[start:end], start=start, end=end))
    reported = []
    for sentence in finder.reported():
        start, end = prose.body_span(sentence.start, sentence.end)
        reported.append(replace(sentence, text=body[start:end], start=start, end=end))
    return tuple(quotes), tuple(reported)


def _with_titled_surnames(body: str, entities: Sequence[Entity]) -> Sequence[Entity]:
    """The entities with "Mr Gunness", "Ms Livni" added to the person whose full name ends in
    that surname, where the entity model left such a mention out ("The UN's Mr Gunness disagreed
    with the minister:"), when exactly one person has that surname and no mention covers it."""
    by_surname: dict[str, list[int]] = {}
    for index, entity in enumerate(entities):
        key = canonical_key(entity.name, "person")
        if entity.type == "person" and len(key.split()) >= 2:
            by_surname.setdefault(surname(key), []).append(index)
    if not by_surname:
        return entities
    covered = sorted(span for entity in entities for span in entity.mentions)
    starts = [start for start, _end in covered]
    added: dict[int, list[tuple[int, int]]] = {}
    for found in _HONORIFIC_SURNAME.finditer(body):
        # the whole name after the title: "Dr. Tristan Smith" is no "Dr. Tristan"
        owners = by_surname.get(canonical_key(found.group("surname"), "person"), [])
        before = bisect_left(starts, found.end())  # mentions starting before its end
        overlaps = before > 0 and any(
            end > found.start() for _start, end in covered[max(0, before - 3) : before]
        )
        if len(owners) == 1 and not overlaps:
            added.setdefault(owners[0], []).append(found.span())
    return tuple(
        replace(entity, mentions=tuple(sorted((*entity.mentions, *added[index]))))
        if index in added
        else entity
        for index, entity in enumerate(entities)
    )


# An honorific and the name after it: "Mr Gunness", "Ms. Livni", "Mr al-Bashir", "Dr. Tristan
# Smith" (a surname only when the name is one).
_PARTICLE = particle_alternatives()
_HONORIFIC_SURNAME = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?P<surname>(?:(?:{_PARTICLE})[ \-])*"
    rf"[A-Z][\w’'\-]+(?:[ \t]+(?:(?:{_PARTICLE})[ \-])*[A-Z][\w’'\-]+)*)\b"
)
# A Markdown link in a body: "[Mar Hicks](http://mariehicks.net/)".
_MARKDOWN_LINK = re.compile(r"\]\([^)\n]*\)")
