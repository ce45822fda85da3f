"""A pytest plugin: with KIMREADER_REQUIRE_SHARED=1 (as `.ci/run` sets it), a test skipped
because ../shared is missing fails the run instead of passing quietly.

Every test that needs ../shared skips with a reason that names it ("../shared is not
present"); this plugin collects those skips and, at the end, lists them and sets a failing
exit status. Outside CI they stay skips (shown by `pytest -rs`).
"""

from __future__ import annotations

import os

import pytest

_skipped_for_shared: list[str] = []


def _required() -> bool:
    return os.environ.get("KIMREADER_REQUIRE_SHARED", "") not in ("", "0")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "shared" in str(report.longrepr):
        _skipped_for_shared.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped_for_shared and _required() and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _skipped_for_shared:
        return
    verdict = "FAILED: CI needs ../shared" if _required() else "skipped"
    terminalreporter.write_line(
        f"{len(_skipped_for_shared)} tests {verdict} (../shared is not present; see README, "
        "Development):",
        red=_required(),
        yellow=not _required(),
    )
    for nodeid in _skipped_for_shared:
        terminalreporter.write_line(f"  {nodeid}")
