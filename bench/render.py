"""The reader with a long article: opening it with hits highlighted, and keystrokes in it.

    python bench/render.py [--words 5000] [--hits 200] [--repeat 30]

A minimal Textual app holding only kimreader's ReaderView (tui/widgets/reader.py) runs under
Pilot (`run_test`, 120x40, headless). Two figures per action:
  redraw ms   the action plus rendering every visible line of the reader (render_line), timed
              directly: the widget's own cost of a keystroke (wrapping, highlighting, strips);
  pilot ms    from the action to Pilot's return once the app is idle again (message handling,
              compositor, repaint); "no-op key" presses an unbound key: Pilot's own overhead.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import time

from _common import median, ms, p95, print_table, source_dir


def long_article(words: int, hits: int) -> tuple[object, list[tuple[int, int]]]:
    """An article of about `words` words (synthetic reports joined) and `hits` spans of "the"."""
    from kimreader.corpus.article import Article
    from kimreader.corpus.frontmatter import parse_front_matter

    parts: list[str] = []
    count = 0
    for path in sorted(source_dir(2000).glob("*.md")):
        _meta, body = parse_front_matter(path.read_text(encoding="utf-8"))
        parts.append(body)
        count += len(body.split())
        if count >= words:
            break
    body = "\n\n".join(parts)
    spans = [m.span() for m in re.finditer(r"\bthe\b", body)][:hits]
    return Article.create("A long report on the economy", body, source="Bench"), spans


async def measure(words: int, hits: int, repeat: int) -> list[list[object]]:
    from textual.app import App, ComposeResult

    from kimreader.tui.widgets.reader import ReaderView

    article, spans = long_article(words, hits)

    class ReaderApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ReaderView(id="reader")

    names = ("open", "scroll (page down)", "scroll (line)", "n (next hit)", "no-op key")
    redraw: dict[str, list[float]] = {name: [] for name in names}
    pilot_times: dict[str, list[float]] = {name: [] for name in names}
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.query_one(ReaderView)
        reader.focus()
        await pilot.pause()
        actions = {
            "open": lambda: reader.show_article(article, spans),  # type: ignore[arg-type]
            "scroll (page down)": reader.action_page_down,
            "scroll (line)": reader.action_cursor_down,
            "n (next hit)": reader.next_hit,
        }
        for _ in range(repeat):
            for name, action in actions.items():
                start = time.perf_counter()
                action()
                for y in range(reader.size.height):
                    reader.render_line(y)
                redraw[name].append(time.perf_counter() - start)
                await pilot.pause()
                start = time.perf_counter()
                action()
                await pilot.pause()
                pilot_times[name].append(time.perf_counter() - start)
            start = time.perf_counter()
            await pilot.press("f12")
            pilot_times["no-op key"].append(time.perf_counter() - start)
    rows: list[list[object]] = []
    for name in names:
        direct = [ms(median(redraw[name])), ms(p95(redraw[name]))] if redraw[name] else ["", ""]
        rows.append([name, *direct, ms(median(pilot_times[name])), ms(p95(pilot_times[name]))])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--hits", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    rows = asyncio.run(measure(args.words, args.hits, args.repeat))
    print_table(
        ["action", "redraw median ms", "redraw p95 ms", "pilot median ms", "pilot p95 ms"],
        rows,
        title=f"Reader, {args.words:,}-word article with {args.hits} hits, {args.repeat} times "
        "(target: a keystroke redraws in < 16 ms)",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
