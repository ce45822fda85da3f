"""Where quotes are: the text inside quote marks, curly or straight, and how a quote runs on
from one paragraph to the next."""

from __future__ import annotations

import re

from kimreader.analysis.attribution import alternation, speech_forms
from kimreader.analysis.text import paragraphs
from kimreader.corpus.span import TextSpan, text_span

OPEN_QUOTES = "“"
CLOSE_QUOTES = "”"
_QUOTE_MARK = re.compile('[“”"]')


def is_quote_mark(char: str) -> bool:
    return bool(char) and _QUOTE_MARK.fullmatch(char) is not None


# The edges of a quote mark, for every shape below. An opening mark stands at a word's start:
# at the line's start or after a space, a bracket or a dash. A closing mark stands after a word
# or its punctuation (a closing double mark also after ;:…% and brackets: _AFTER_WORD_OR_SIGN;
# a closing single mark keeps the narrower class it was written and measured with) and before a
# space, punctuation, a dash or the line's end.
_AT_WORD_START = r"(?:^|(?<=[\s(\[—–]))"
_AFTER_WORD = r"(?<=[\w.,!?])"
_AFTER_WORD_OR_SIGN = r"(?<=[\w.,!?;:…%)\]])"
_BEFORE_SPACE_OR_SIGN = r"(?=[\s.,;:!?)\]—–]|$)"


# Single marks as a report's quote marks: an opening one at a word's start, a closing one after
# a word or its punctuation ("Reid's" and "I've" are neither).
_SINGLE_OPEN = re.compile(rf"{_AT_WORD_START}['‘](?=[^\W_])", re.MULTILINE)
_SINGLE_CLOSE = re.compile(rf"{_AFTER_WORD}['’]{_BEFORE_SPACE_OR_SIGN}", re.MULTILINE)
# A single-quoted sentence followed by its attribution: the report quotes with single marks.
_SINGLE_SPEECH = re.compile(
    r"[,.!?]['’]\s+(?:he|she|they|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}"
    r"|(?:a|an|the)(?:\s+[\w\-]+){1,3}?)\s+"
    rf"(?:{alternation(speech_forms('say tell add'))})\b"
)


def is_headline(text: str) -> bool:
    """A headline or a subheading: a short paragraph that ends with no sentence's punctuation
    ("Sudan 'bombs refugees' in South Sudan's Unity state", "'Completely false'")."""
    stripped = text.rstrip()
    return (
        len(stripped) <= HEADLINE_CHARS  # first: a long paragraph is not split into words
        and 0 < len(stripped.split()) <= HEADLINE_WORDS
        and not re.search(r"[.!?:;,。！？：；，…][\"”’'」]?$|[\"”」]$", stripped)
    )


HEADLINE_WORDS = 14
HEADLINE_CHARS = 120


# Double marks typed as two characters, as wire copy writes them: "``" or "''" opening a quote
# (at a word's start), "''" closing one (after a word or its punctuation; not the inches of
# 5'10'').
_TYPED_OPEN = re.compile(rf"{_AT_WORD_START}(?:``|'')(?=[^\W_])", re.MULTILINE)
_TYPED_CLOSE = re.compile(
    rf"(?<![\d]'\d)(?<![\d]'\d\d){_AFTER_WORD_OR_SIGN}''{_BEFORE_SPACE_OR_SIGN}", re.MULTILINE
)


# An opening curly mark in a closing mark's place.
_SLIPPED_OPEN = re.compile(
    rf"{_AFTER_WORD_OR_SIGN}{OPEN_QUOTES}{_BEFORE_SPACE_OR_SIGN}", re.MULTILINE
)


def _write_typed_close(chars: list[str], at: int) -> None:
    """A closing double mark typed as two characters at AT written as one and a space."""
    chars[at], chars[at + 1] = '"', " "


# Typed double marks as a tokenised text spaces them off its words ("said `` Everyone told us
# we were crazy. ''"): backticks and a space before a word, a space and two apostrophes after
# a word or its punctuation.
_SPACED_OPEN = re.compile(r"(?:^|(?<=\s))``[ \t](?=[^\W_])", re.MULTILINE)
_SPACED_CLOSE = re.compile(rf"(?<=[\w.,!?;:…%)\]])[ \t]''{_BEFORE_SPACE_OR_SIGN}", re.MULTILINE)


def _with_spaced_typed_marks(body: str) -> str:
    """The body with typed marks spaced off their words written as one mark against the word
    (same offsets: "`` Everyone" reads '  "Everyone', "run. ''" reads 'run."  '), where a
    spaced opening pair comes before a spaced closing one."""
    opens = list(_SPACED_OPEN.finditer(body))
    closes = list(_SPACED_CLOSE.finditer(body))
    if not opens or not any(close.start() > opens[0].end() for close in closes):
        return body
    chars = list(body)
    for found in opens:
        chars[found.start() : found.end()] = [" ", " ", '"']
    for found in closes:
        chars[found.start() : found.end()] = ['"', " ", " "]
    return "".join(chars)


def with_typed_marks(body: str) -> str:
    """The body with double marks typed as two characters written as one and a space (same
    offsets): "``When he decides, we will support him,'' said Ahmed Ghneim" reads as
    ' "When he decides, we will support him," said …'. Only where the body closes a quote so
    after opening one so (a pair at least), or opens so and closes only with straight marks:
    else two apostrophes are something else. An opening curly mark typed where a quote closes,
    right after a word or its punctuation and before a space ('“It is a good plan,“ Ryan told
    reporters'), is read as the closing mark (an opening one stands at a word's start)."""
    body = _SLIPPED_OPEN.sub(CLOSE_QUOTES, body)
    body = _with_spaced_typed_marks(body)
    opens = list(_TYPED_OPEN.finditer(body))
    closes = list(_TYPED_CLOSE.finditer(body))
    paired = bool(opens) and any(close.start() > opens[0].end() for close in closes)
    # never closed so, but by straight marks: a curly opening mark written as two apostrophes
    # ("''The fall was unsurvivable," Inspector Gaskin said.)
    straight = bool(opens) and not closes and bool(_CLOSING_SHAPE.search(body, opens[0].end()))
    if not (paired or straight):
        return body
    chars = list(body)
    for found in opens:
        chars[found.start()], chars[found.start() + 1] = " ", '"'
    for found in closes:
        _write_typed_close(chars, found.start())
    return "".join(chars)


def _two_apostrophes_closing(body: str, chars: list[str]) -> None:
    """Write each pair of apostrophes that closes a straight double mark as that mark and a
    space (same offsets): a careful reader's reading where the paragraph's straight marks are odd
    and the pair comes while a quote is open ('"American Pie" and … "Scrubs,'' has entered').
    The pair is shaped as a typed closing mark (_TYPED_CLOSE: not the inches of 5'10'')."""
    for paragraph in paragraphs(body):
        if paragraph.text.count('"') % 2 == 0 or "''" not in paragraph.text:
            continue
        marks = [(m.start(), m.group()) for m in re.finditer('"', paragraph.text)]
        marks += [(m.start(), "''") for m in _TYPED_CLOSE.finditer(paragraph.text)]
        opened = False
        for index, mark in sorted(marks):
            if mark == '"':
                opened = not opened
            elif opened:
                _write_typed_close(chars, paragraph.start + index)
                opened = False


def with_single_marks(body: str) -> str:
    """The body with the single marks it quotes with written as straight double marks (same
    offsets), and two apostrophes that close a straight double mark written as one
    (_two_apostrophes_closing). Single marks: in every paragraph when it quotes speech with
    single marks ("'I partied,' she told the magazine"), else in its headlines, which quote with
    single marks whatever the body does ("Sudan 'bombs refugees'"). Only in paragraphs without
    double marks (there, single marks are nested quotes or apostrophes), and only marks that pair
    up, a quote running on over paragraphs included; an opening mark left unclosed stays as
    written."""
    speech = bool(_SINGLE_SPEECH.search(body))
    chars = list(body)
    _two_apostrophes_closing(body, chars)
    opened: int | None = None
    for paragraph in paragraphs(body):
        if _QUOTE_MARK.search(paragraph.text) or not (speech or is_headline(paragraph.text)):
            opened = None
            continue
        opens = {m.start() for m in _SINGLE_OPEN.finditer(body, paragraph.start, paragraph.end)}
        closes = {m.start() for m in _SINGLE_CLOSE.finditer(body, paragraph.start, paragraph.end)}
        for index in sorted(opens | closes):
            if opened is None and index in opens:
                opened = index
            elif opened is not None and index in closes:
                chars[opened] = chars[index] = '"'
                opened = None
    return "".join(chars)


def quote_spans(body: str) -> list[TextSpan]:
    """The text inside each pair of quote marks, curly or straight, per paragraph.

    A quote left open at the end of a paragraph ends there (news style reopens it in the next
    paragraph). Single quotes are nested quotes or apostrophes and are left alone.
    """
    return [span for span, _continued in quote_pieces(body)]


MAX_CARRIED_PARAGRAPHS = 12

# A straight mark shaped as an opening one (after a space, before a word) and one shaped as a
# closing one (after a word or its punctuation, before a space or punctuation).
_OPENING_SHAPE = re.compile(rf'{_AT_WORD_START}"(?=[^\W_])', re.MULTILINE)
_CLOSING_SHAPE = re.compile(rf'{_AFTER_WORD_OR_SIGN}"{_BEFORE_SPACE_OR_SIGN}', re.MULTILINE)
# A quoted term: one to five words, no sentence ending inside.
_TERM = re.compile(r"[^\W_][^.!?\s]*(?:\s+[^.!?\s]+){0,4}[.,!?]?")
NESTED_TERM_CHARS = 60


def _nested_terms(body: str, marks: list[re.Match[str]]) -> set[int]:
    """Offsets of the straight marks around terms quoted inside a quote written with the same
    marks ("The WH statement … The "United States" is not holding any ISIS detainees …"): read
    in pairs, the marks would close the quote on an opening-shaped mark and reopen it on a
    closing-shaped one, cutting the quote in two. Only where the paragraph's straight marks pair
    up (a slip leaves them odd), each term is short with no sentence ending in it and words
    follow it, and a closing-shaped mark closes the quote after the last term."""
    nested: set[int] = set()
    if sum(1 for mark in marks if mark.group() == '"') % 2:
        return nested
    opened = False
    index = 0
    while index < len(marks):
        after = index
        while opened and after + 2 < len(marks) and _is_term(body, marks[after : after + 3]):
            after += 2
        if after > index and _closes(body, marks[after]):
            nested.update(mark.start() for mark in marks[index:after])
            index = after
            continue
        char = marks[index].group()
        if not opened and char != CLOSE_QUOTES:
            opened = True
        elif opened and char != OPEN_QUOTES:
            opened = False
        index += 1
    return nested


def _is_term(body: str, marks: list[re.Match[str]]) -> bool:
    """Whether the first two marks quote a term and words follow it before the third."""
    term_open, term_close, following = marks
    term = body[term_open.end() : term_close.start()]
    return (
        term_open.group() == term_close.group() == '"'
        and _OPENING_SHAPE.match(body, term_open.start()) is not None
        and _CLOSING_SHAPE.match(body, term_close.start()) is not None
        and len(term) <= NESTED_TERM_CHARS
        and _TERM.fullmatch(term) is not None
        and bool(body[term_close.end() : following.start()].strip())
    )


def _closes(body: str, mark: re.Match[str]) -> bool:
    return mark.group() == CLOSE_QUOTES or (
        mark.group() == '"' and _CLOSING_SHAPE.match(body, mark.start()) is not None
    )


def quote_pieces(body: str) -> list[tuple[TextSpan, bool]]:
    """Quote spans, each with whether it continues the quote of the paragraph before.

    News style reopens a quote that runs on in each new paragraph (“… / “…”); texts split one
    sentence a paragraph leave the paragraphs in between unmarked and close the quote later
    (“We hoped. / We were 20. / They were cut.”). A quote left open is carried through unmarked
    paragraphs only when a closing mark comes before any opening one (at most
    MAX_CARRIED_PARAGRAPHS); otherwise it ends with its paragraph.
    """
    pieces: list[tuple[TextSpan, bool]] = []
    pending: list[TextSpan] = []  # unmarked paragraphs after a quote left open
    carrying = False
    for paragraph in paragraphs(body):
        marks = list(_QUOTE_MARK.finditer(body, paragraph.start, paragraph.end))
        if carrying and not marks and len(pending) < MAX_CARRIED_PARAGRAPHS:
            pending.append(paragraph)
            continue
        if carrying and marks:
            first = marks[0]
            at_start = not body[paragraph.start : first.start()].strip()
            straight = sum(1 for mark in marks if mark.group() == '"')
            # A straight mark closes when the paragraph's straight marks are odd (“… / …,” he said)
            closes = first.group() == CLOSE_QUOTES or (
                first.group() == '"' and not at_start and straight % 2 == 1
            )
            # Closed here, or reopened and left open again: the quote ran on till here. A
            # paragraph that opens and closes a quote of its own says the mark left open before
            # the unmarked paragraphs was a slip: those paragraphs were no quote.
            reopened = at_start and (not pending or len(marks) % 2 == 1)
            if closes or reopened:
                pieces.extend((p, True) for p in pending)
            if closes:
                pieces.append((text_span(body, paragraph.start, first.start()), True))
                marks = marks[1:]
        pending, carrying = [], False
        unopened = _closed_without_opening(body, paragraph, marks)
        if unopened is not None:
            pieces.append((unopened, False))
            continue
        opened: int | None = None
        nested = _nested_terms(body, marks)
        for number, mark in enumerate(marks):
            index, char = mark.start(), mark.group()
            if index in nested:  # a term quoted inside the open quote: the quote runs on
                continue
            if opened is not None and _curly_inside_straight(body, marks, number, opened):
                continue  # '"… these large “Caravans” of people …," he tweeted': nested
            if opened is None and char != CLOSE_QUOTES:
                opened = index + 1
            elif opened is not None and char != OPEN_QUOTES:
                if index > opened:
                    pieces.append((text_span(body, opened, index), False))
                opened = None
        if opened is not None and paragraph.end > opened:
            pieces.append((text_span(body, opened, paragraph.end), False))
            carrying = True
    return [(span, continued) for span, continued in pieces if span.text.strip()]


# Two to six capitalised words; a full stop only after an initial or Mr/Ms/Mrs/Dr.


# A paragraph's end that is only an attribution ("he said.", "Ann Lee told reporters.").
_ATTRIBUTION_TO_THE_END = re.compile(
    r"\s*(?:he|she|they|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s+"
    rf"(?:{alternation(speech_forms('say tell add write tweet'))})\b[^.!?\n\"“”]{{0,40}}\.\s*$"
)


def _closed_without_opening(
    body: str, paragraph: TextSpan, marks: list[re.Match[str]]
) -> TextSpan | None:
    """The quote of a paragraph whose one mark, a straight one after the quote's punctuation,
    closes it before its attribution, the opening mark left out ('Over the past 24-hours …
    on either side of the San Ysidro Port of Entry, "he said.'): from the paragraph's start to
    that mark; None for any other paragraph."""
    if len(marks) != 1 or marks[0].group() != '"':
        return None
    mark = marks[0].start()
    if not re.search(r"[\w][,.!?]\s*$", body[paragraph.start : mark]):
        return None
    if not _ATTRIBUTION_TO_THE_END.fullmatch(body, mark + 1, paragraph.end):
        return None
    return text_span(body, paragraph.start, mark)


def _curly_inside_straight(body: str, marks: list[re.Match[str]], number: int, opened: int) -> bool:
    """Whether marks[number] is a curly mark of a quote nested in one opened by a straight mark
    (at `opened` - 1) that a straight mark closes later in the paragraph ('"Mexico has the
    absolute power not to let these large “Caravans” of people enter …," he tweeted'): the
    outer quote runs on over it."""
    if body[opened - 1] != '"' or marks[number].group() == '"':
        return False
    return any(mark.group() == '"' for mark in marks[number + 1 :])
