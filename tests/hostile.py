"""A corpus of hostile and broken article files, written into a folder by `write_corpus`.

Every payload that could act on a terminal carries the marker PWN, so a test can look for it in
raw terminal output, in stored files and in what the app shows. `CASES` says, per file name,
whether it must import ("ok") or fail with one clear line ("fail"); "either" means both are
acceptable as long as nothing crashes (e.g. a truncated page that may or may not keep text).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ESC, BEL, CSI, OSC = "\x1b", "\x07", "\x9b", "\x9d"
MARKER = "PWN"
TITLE_SET = f"{ESC}]0;{MARKER}-title{BEL}"  # xterm: set icon name and window title
TITLE_SET_ST = f"{ESC}]2;{MARKER}-title2{ESC}\\"  # window title, ST-terminated
CLEAR = f"{ESC}[2J{ESC}[H"  # clear the screen, cursor home
CURSOR = f"{ESC}[10;10H{ESC}[5A{ESC}7{ESC}8"  # cursor moves, save/restore
HYPERLINK = f"{ESC}]8;;file:///etc/passwd{BEL}{MARKER}-link{ESC}]8;;{BEL}"
C1_CSI = f"{CSI}2J{OSC}0;{MARKER}-c1{BEL}"  # 8-bit forms of CSI and OSC
ALL_ESCAPES = TITLE_SET + TITLE_SET_ST + CLEAR + CURSOR + HYPERLINK + C1_CSI
# Rich console markup and Textual content markup: must be shown as the literal text.
MARKUP = "[bold]B[/bold] [@click=app.quit]QUIT-PWN[/] [link=file:///etc/passwd]LINK-PWN[/link] [/]"
MARKUP_TITLE = "[@click=app.quit]Click-PWN[/] [bold]Bold-PWN"
MD_LINKS = (
    "[local file](file:///etc/passwd) and [script](javascript:alert('PWN')) and "
    "<file:///etc/shadow> and [data](data:text/html,<script>alert(1)</script>)"
)
PROSE = (
    "Kim Jong-un met Moon Jae-in in Pyongyang on Tuesday, according to Yonhap News Agency. "
    "The two leaders discussed the Korean peninsula and sanctions with officials from Seoul. "
)

OK, FAIL, EITHER = "ok", "fail", "either"


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # OK, FAIL or EITHER
    make: Callable[[], bytes]
    why: str = ""


def _md(title: str, body: str, **fields: str) -> bytes:
    lines = ["---", f"title: {_yaml_str(title)}"]
    lines += [f"{key}: {_yaml_str(value)}" for key, value in fields.items()]
    return ("\n".join(lines) + "\n---\n" + body).encode("utf-8")


def _yaml_str(text: str) -> str:
    """A YAML double-quoted scalar; control characters as YAML escapes (\\e, \\a, \\x9b)."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _html(title: str, body_html: str, head: str = "") -> bytes:
    page = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}</head><body><article><h1>{title}</h1>{body_html}</article></body></html>"
    )
    return page.encode("utf-8")


def _paragraphs(text: str, count: int = 4) -> str:
    return "".join(f"<p>{text} {i}.</p>" for i in range(count))


def _escapes_md() -> bytes:
    body = f"{PROSE}\n\n{ALL_ESCAPES} Body after escapes.\n\n{PROSE}{TITLE_SET}\n"
    return _md(
        f"Escapes {TITLE_SET}{CLEAR}in title",
        body,
        source=f"Wire{HYPERLINK}",
        author=f"Jane {CURSOR}Doe; Bob {TITLE_SET_ST}Roe",
        summary=f"Summary {C1_CSI}here",
    )


def _escapes_txt() -> bytes:
    return (f"Plain {TITLE_SET}title {CLEAR}\n\n{PROSE}{ALL_ESCAPES}\n{PROSE}\n").encode()


def _escapes_in_entities() -> bytes:
    # Entity-like names with escapes inside: the NER model sees the text after sanitizing.
    body = (
        f"President Kim{TITLE_SET} Jong-un met Moon{CLEAR} Jae-in and Donald{HYPERLINK} Trump "
        f"at the United{CURSOR} Nations in New{C1_CSI} York. {PROSE}\n"
    )
    return _md("Entities with escapes", body)


def _escapes_html() -> bytes:
    body = _paragraphs(f"{PROSE} {ALL_ESCAPES}")
    head = (
        f"<meta name='author' content='Ann {TITLE_SET}Lee'>"
        f"<meta property='og:site_name' content='Site{CLEAR}'>"
        f"<meta name='description' content='desc {HYPERLINK}'>"
    )
    return _html(f"HTML escapes {TITLE_SET}", body, head)


def _escapes_as_html_entities() -> bytes:
    # Numeric character references decode to control characters after parsing.
    body = _paragraphs(f"{PROSE} &#27;]0;{MARKER}-ref&#7; &#x1b;[2J &#155;2J &#x9d;0;x&#7;")
    return _html("Entity refs &#27;]0;PWN-ref&#7;", body)


def _markup_md() -> bytes:
    body = f"{PROSE}\n\n{MARKUP}\n\n[bold red]unclosed {MARKER} and [/] stray [/bold]\n"
    return _md(MARKUP_TITLE, body, author="[@click=app.quit]Mallory[/]", source="[i]Src[/i]")


def _markup_html() -> bytes:
    body = _paragraphs(f"{PROSE} {MARKUP}")
    return _html("[@click=app.quit]Html-PWN[/]", body)


def _md_links() -> bytes:
    return _md("Links to file and javascript", f"{PROSE}\n\n{MD_LINKS}\n\n{PROSE}\n")


def _html_links() -> bytes:
    links = (
        "<p><a href='file:///etc/passwd'>local file</a> <a href='javascript:alert(1)'>script</a> "
        "<a href='JaVaScRiPt:alert(2)'>mixed case</a> <a href=' javascript:alert(3)'>space</a> "
        "<a href='data:text/html,x'>data</a> <a href='https://example.com/ok'>fine</a></p>"
    )
    return _html("Links in HTML", _paragraphs(PROSE) + links)


def _scripts_and_styles() -> bytes:
    head = (
        "<style>body{display:none} p::after{content:'STYLE-PWN'}</style>"
        "<script>document.title='SCRIPT-PWN';</script>"
    )
    body = (
        _paragraphs(PROSE)
        + "<script>alert('SCRIPT-PWN')</script><noscript>NOSCRIPT-PWN</noscript>"
        + "<style>.x{color:red}/*STYLE-PWN*/</style><iframe src='javascript:1'>IFRAME</iframe>"
        + "<p onclick=\"alert('ONCLICK-PWN')\">Clickable paragraph.</p>"
        + "<svg><script>alert('SVG-PWN')</script></svg>"
        + _paragraphs(PROSE, 2)
    )
    return _html("Scripts and styles", body, head)


def _deeply_nested(depth: int) -> Callable[[], bytes]:
    def make() -> bytes:
        inner = f"<p>Nested {depth} levels deep. {PROSE * 3}</p>"
        return _html(f"Nested {depth} deep", "<div>" * depth + inner + "</div>" * depth)

    return make


def _deep_unclosed() -> bytes:
    return _html("Unclosed nesting", "<div><span><b><i>" * 20_000 + PROSE)


def _big_article() -> bytes:
    paragraph = PROSE * 6 + "\n\n"
    body = paragraph * (10 * 1024 * 1024 // len(paragraph) + 1)
    return _md("A ten megabyte article", body)


def _big_html() -> bytes:
    return _html("A big HTML page", _paragraphs(PROSE * 4, 2_500))


def _one_long_line() -> bytes:
    words = ("Pyongyang Seoul sanctions talks " * (1024 * 1024 // 32 + 1))[: 1024 * 1024]
    return ("One long line\n\n" + words + "\n").encode()


def _one_long_word() -> bytes:
    return ("One long word\n\n" + "x" * (1024 * 1024) + "\n").encode()


def _truncated_html() -> bytes:
    page = _html("Truncated page", _paragraphs(PROSE, 12))
    return page[: len(page) // 2]


def _cut_mid_character() -> bytes:
    data = ("Cut mid-character\n\n" + PROSE + "北京" * 50).encode("utf-8")
    return data[:-1]  # the last 3-byte character loses its final byte


def _invalid_utf8() -> bytes:
    return b"Invalid UTF-8 \xff\xfe\xc3\x28\n\n" + PROSE.encode() + b"\xed\xa0\x80\xc0\xaf\n"


def _utf16(bom: bool, endian: str) -> Callable[[], bytes]:
    def make() -> bytes:
        text = f"UTF-16 {endian} {'with' if bom else 'no'} BOM\n\n{PROSE}Москва 北京 café\n"
        data = text.encode(f"utf-16-{endian}")
        return (
            ((codecs.BOM_UTF16_LE if endian == "le" else codecs.BOM_UTF16_BE) + data)
            if bom
            else data
        )

    return make


def _utf16_cut() -> bytes:
    data = codecs.BOM_UTF16_LE + f"UTF-16 cut short\n\n{PROSE}北京😀".encode("utf-16-le")
    return data[:-3]  # half of the emoji's surrogate pair and one odd byte


def _utf16_html() -> bytes:
    page = _html("UTF-16 page", _paragraphs(PROSE)).decode().replace("utf-8", "utf-16")
    return codecs.BOM_UTF16_LE + page.encode("utf-16-le")


def _yaml_bomb() -> bytes:
    # Exponential aliases: a reader that str()s the value would build 9**9 list items.
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        ref = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{','.join([ref] * 9)}]")
    lines.append("title: *a8")
    lines.append("author: *a8")
    lines.append("summary: *a8")
    return ("---\n" + "\n".join(lines) + "\n---\nAn alias bomb. " + PROSE + "\n").encode()


def _front_matter_odd_types() -> bytes:
    front = (
        "title: {nested: [1, 2, {deep: true}]}\nauthors: [[a, b], {c: d}, 7, null]\n"
        "published: not-a-date\nurl: [http://x]\nsummary: 12\nid: ../../etc/passwd\n"
    )
    return ("---\n" + front + "---\nOdd types. " + PROSE + "\n").encode()


def _broken_front_matter() -> bytes:
    return ("---\ntitle: [unclosed\n  : : :\n---\n" + PROSE).encode()


def _controls_only() -> bytes:
    return bytes([0x1B, 0x5B, 0x32, 0x4A, 0x07, 0x9B]) * 50


def _nul_in_text() -> bytes:
    return ("NUL inside text\n\n" + PROSE).encode().replace(b" ", b"\x00", 3)


CASES: tuple[Case, ...] = (
    Case("escapes.md", OK, _escapes_md),
    Case("escapes.txt", OK, _escapes_txt),
    Case("escapes-entities.md", OK, _escapes_in_entities),
    Case("escapes.html", OK, _escapes_html),
    Case("escape-refs.html", OK, _escapes_as_html_entities),
    Case("markup.md", OK, _markup_md),
    Case("markup.html", OK, _markup_html),
    Case("links.md", OK, _md_links),
    Case("links.html", OK, _html_links),
    Case("scripts.html", OK, _scripts_and_styles),
    Case("nested-500.html", OK, _deeply_nested(500)),
    Case("nested-5000.html", OK, _deeply_nested(5000)),
    Case("nested-unclosed.html", OK, _deep_unclosed),
    Case("big-10mb.md", OK, _big_article),
    Case("big.html", OK, _big_html),
    Case("long-line.txt", OK, _one_long_line),
    Case("long-word.txt", OK, _one_long_word),
    Case("empty.md", FAIL, lambda: b""),
    Case("empty.html", FAIL, lambda: b""),
    Case("whitespace.txt", FAIL, lambda: b" \n\t\n  \n"),
    Case("binary.md", FAIL, lambda: bytes(range(256)) * 64),
    Case("png.html", FAIL, lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(4000)),
    Case("controls-only.txt", FAIL, _controls_only),
    Case("truncated.html", EITHER, _truncated_html),
    Case("truncated-tag.html", EITHER, lambda: b"<html><body><p>Half a tag <a href='x"),
    Case("cut-mid-char.txt", OK, _cut_mid_character),
    Case("invalid-utf8.txt", OK, _invalid_utf8),
    Case("nul-inside.txt", OK, _nul_in_text),
    Case("utf16le-bom.txt", OK, _utf16(True, "le")),
    Case("utf16be-bom.txt", OK, _utf16(True, "be")),
    Case("utf16le-nobom.txt", OK, _utf16(False, "le")),
    Case("utf16be-nobom.txt", OK, _utf16(False, "be")),
    Case("utf16-cut.txt", OK, _utf16_cut),
    Case("utf16.html", OK, _utf16_html),
    Case("yaml-bomb.md", OK, _yaml_bomb),
    Case("odd-front-matter.md", OK, _front_matter_odd_types),
    Case("broken-front-matter.md", FAIL, _broken_front_matter),
)

BY_NAME = {case.name: case for case in CASES}


def write_corpus(folder: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Write the cases (all, or those named) into `folder`; returns name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for case in CASES:
        if names is None or case.name in names:
            path = folder / case.name
            path.write_bytes(case.make())
            written[case.name] = path
    return written
