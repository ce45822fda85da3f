"""Make untrusted text safe to keep and to show in a terminal."""

from __future__ import annotations

import re
import unicodedata

# C0 controls except \t and \n, DEL, and C1 (0x80-0x9f): Textual passes ESC sequences
# straight to the terminal, so none of these may ever reach a widget.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# Whole terminal escape sequences: OSC/DCS/APC strings (7- or 8-bit) up to their terminator,
# CSI with parameters, two-byte ESC sequences. sanitize_text removes the control characters
# anyway; removing whole sequences keeps their parameters ("]0;title") out of the text too.
# An 8-bit CSI (0x9b) takes its parameters only: after a bare one, real text may follow.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b[\]P_^X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,1024}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]|\x9b[0-?]{1,32}[ -/]{0,8}[@-~]"
    r"|\x1b[ -/]{0,4}[0-~]"
)


def strip_escape_sequences(text: str) -> str:
    """Remove whole terminal escape sequences, parameters included."""
    return _ESCAPE_SEQUENCE.sub("", text)


# Invisible characters that split words for search and the entity model ("Netan\u00adyahu"):
# soft hyphen, zero-width space, word joiner, a BOM inside the text, Mongolian vowel separator.
# Zero-width (non-)joiners stay: Persian, Indic scripts and emoji need them.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]")
# Spaces of other widths (no-break, thin, ...) are plain spaces (the ideographic space stays:
# CJK text indents with it).
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_LINE_SEPARATOR = re.compile("[\u2028\u2029]")


def sanitize_text(text: str) -> str:
    """Strip terminal control characters and invisible characters; normalise line ends, odd
    spaces and Unicode (NFC).

    Carriage returns become newlines first, so CRLF and old-Mac files keep their lines. Runs
    before an article is stored, so every offset (search hits, mentions) is into the clean text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_SEPARATOR.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def sanitize_line(text: str) -> str:
    """Sanitize a one-line field (title, author, source): no newlines or tabs, single spaces."""
    return " ".join(sanitize_text(text).split())
