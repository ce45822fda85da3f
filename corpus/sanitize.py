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


def sanitize_text(text: str) -> str:
    """Strip terminal control characters; normalise line ends and Unicode to NFC.

    Carriage returns become newlines first, so CRLF and old-Mac files keep their lines.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def sanitize_line(text: str) -> str:
    """Sanitize a one-line field (title, author, source): no newlines or tabs, single spaces."""
    return " ".join(sanitize_text(text).split())
