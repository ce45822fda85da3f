"""Turn the bytes of an article file into text without mojibake or replacement characters."""

from __future__ import annotations

import codecs
import re

from kimreader.corpus.readers import ReadError

BINARY = "binary file, not text"

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels pages declare, mapped as browsers (WHATWG Encoding) map them: the declared charset is
# usually a subset of what the page really uses.
_DECLARED_ALIASES = {
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "euc-kr": "cp949",
    "tis-620": "cp874",
}

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_DETECT_BYTES = 256 * 1024  # charset-normalizer gets a prefix: enough to decide, fast on 10 MB
_SNIFF_BYTES = 4096
_CUT_REASONS = ("unexpected end of data", "truncated data")
_MAX_STRAY_NULS = 0.01  # share of NUL bytes a narrow-encoded text file may carry
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML <meta> or XML declaration names near the start of the file."""
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode file bytes: BOM, UTF-8, BOM-less UTF-16/32, declared charset, detection, cp1252.

    Raises ReadError (without an origin) for binary data.
    """
    text = _decode_bom(data)
    if text is None:
        if b"\x00" in data:
            text = _decode_wide(data)
            if text is None:
                text = _decode_with_stray_nuls(data, declared)
        else:
            text = _decode_narrow(data, declared)
    if _looks_binary(text):
        raise ReadError("", BINARY)
    return text


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _unicode_maybe_cut(data: bytes, encoding: str = "utf-8") -> str | None:
    """A Unicode encoding, also when the file was cut inside its last character (a half-written
    download): that character is dropped rather than the whole file read as something else."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.reason in _CUT_REASONS and len(data) - error.start < 4:
            return _strict(data[: error.start], encoding)
        return None
    except LookupError:
        return None


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _unicode_maybe_cut(data[len(bom) :], encoding)
    return None


def _decode_with_stray_nuls(data: bytes, declared: str | None) -> str:
    """Text with a few NUL bytes (a damaged download) is still text; many NULs is binary."""
    if data.count(0) > max(16, _MAX_STRAY_NULS * len(data)):
        raise ReadError("", BINARY)
    return _decode_narrow(data.replace(b"\x00", b""), declared)


def _nul_share(sample: bytes, start: int, step: int) -> float:
    positions = sample[start::step]
    return positions.count(0) / max(1, len(positions))


def _decode_wide(data: bytes) -> str | None:
    """UTF-32/16 without a BOM, told apart by where mostly-ASCII text puts its NUL bytes."""
    sample = data[:_SNIFF_BYTES]
    # UTF-32 puts a NUL in the top two bytes of every character of the Basic Multilingual Plane.
    share = [_nul_share(sample, offset, 4) for offset in range(4)]
    if min(share[2:]) > 0.9 and share[0] < 0.5:
        return _unicode_maybe_cut(data, "utf-32-le")
    if min(share[:2]) > 0.9 and share[3] < 0.5:
        return _unicode_maybe_cut(data, "utf-32-be")
    even, odd = _nul_share(sample, 0, 2), _nul_share(sample, 1, 2)
    if odd > 0.4 and even < 0.1:
        return _unicode_maybe_cut(data, "utf-16-le")
    if even > 0.4 and odd < 0.1:
        return _unicode_maybe_cut(data, "utf-16-be")
    return None


def _decode_narrow(data: bytes, declared: str | None) -> str:
    text = _unicode_maybe_cut(data)
    if text is not None:
        return text
    if declared:
        encoding = _DECLARED_ALIASES.get(declared.lower(), declared)
        # A page that declares UTF-16 but has no NUL bytes is not UTF-16 (browsers agree).
        if not encoding.lower().startswith(("utf-16", "utf-32", "utf16", "utf32")):
            text = _strict(data, encoding)
            if text is not None:
                return text
    guess = _detect(data)
    if guess:
        text = _strict(data, guess)
        if text is not None:
            return text
    return _strict(data, "cp1252") or data.decode("latin-1")


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # lazy: only needed for legacy encodings

    best = from_bytes(data[:_DETECT_BYTES]).best()
    return best.encoding if best is not None else None


def _looks_binary(text: str) -> bool:
    """Mostly control characters (other than tabs, newlines, form feeds) is not an article."""
    sample = text[:65536]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > 0.1 * len(sample)
