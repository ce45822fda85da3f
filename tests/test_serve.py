"""`kimreader serve` for real: the server on loopback, the app in headless Chromium, a search typed.

Chromium draws the terminal on a canvas, so what the page shows is read from the terminal
output the browser receives over its websocket (escape sequences removed), and a screenshot
must show more than a blank page.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kimreader.tui.serve import app_command, is_loopback

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
# Flags a closed network needs: no background requests to anybody's servers.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_loopback_is_recognised() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")


def test_the_app_command_quotes_the_library(tmp_path: Path) -> None:
    command = app_command(tmp_path / "my news")
    assert command.endswith(f"--library '{tmp_path / 'my news'}'")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"kimreader serve exited: {process.stderr.read()!r}")  # type: ignore[union-attr]
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("kimreader serve never listened")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    if shutil.which("kimreader") is None:
        pytest.skip("kimreader is not installed")
    port = _free_port()
    env = {**os.environ, "KIMREADER_HOME": str(tmp_path / "lib"), "KIMREADER_CONFIG": "/x"}
    # A library with the two shipped reports: only init/add create one.
    subprocess.run(["kimreader", "init"], env=env, capture_output=True, check=True)
    process = subprocess.Popen(
        ["kimreader", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_bad_port_or_a_missing_library_is_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "KIMREADER_HOME": str(tmp_path / "lib"), "KIMREADER_CONFIG": "/x"}
    result = subprocess.run(
        ["kimreader", "serve", "--port", "0"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 2 and "not a port number" in result.stderr
    missing = subprocess.run(["kimreader", "serve"], env=env, capture_output=True, text=True)
    assert missing.returncode == 2 and "no library here" in missing.stderr
    assert missing.stderr.count("\n") == 1


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_a_search_in_the_browser_shows_its_hits(server: str, tmp_path: Path) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    received: list[str] = []
    requested: list[str] = []

    def on_websocket(websocket: object) -> None:
        def on_frame(payload: str | bytes) -> None:
            text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
            received.append(text)

        websocket.on("framereceived", on_frame)  # type: ignore[attr-defined]

    def shown() -> str:
        return ANSI.sub("", "".join(received))

    def wait_for(text: str) -> None:
        for _ in range(600):
            if text in shown():
                return
            page.wait_for_timeout(100)
        raise AssertionError(f"{text!r} never appeared; the page showed: {shown()[-2000:]!r}")

    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 700})
        page.on("request", lambda request: requested.append(request.url))
        page.on("websocket", on_websocket)
        page.goto(server)
        wait_for("Kim Returns to China")  # the list drew the shipped library
        page.click("#terminal")
        page.keyboard.type("/leverage")
        page.keyboard.press("Enter")
        wait_for("found for leverage")
        screenshot = tmp_path / "serve.png"
        page.screenshot(path=str(screenshot))
        browser.close()
    assert screenshot.stat().st_size > 10_000  # a drawn terminal, not a blank page
    assert requested and all(url.startswith(server.rstrip("/")) for url in requested), requested
