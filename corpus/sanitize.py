"""Make untrusted text safe to keep and to show in a terminal."""

from __future__ import annotations

import re
import unicodedata

# C0 controls except \t and \n, DEL, and C1 (0x80-0x9f): Textual passes ESC sequences
# straight to the terminal, so none of these may ever reach a widget.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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
