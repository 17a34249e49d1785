"""The real app in a real headless Chromium (Debian's, driven by Playwright).

Skipped when /usr/bin/chromium is absent, unless PLOTWATCH_REQUIRE_BROWSER is set (then it
fails). Screenshots of each view go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from plotwatch.web.bench import _free_port, start_server, stop_server
from tests.web.webdb import PASSWORD, build

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def _need_browser() -> None:
    if not CHROMIUM.exists():
        msg = "Debian's chromium is not installed at /usr/bin/chromium (run scripts/ensure-chromium.sh)"
        if os.environ.get("PLOTWATCH_REQUIRE_BROWSER"):
            pytest.fail(msg)
        pytest.skip(msg)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.fail("the playwright Python package is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _need_browser()
    db = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'web.db'}"
    build(db)
    port = _free_port()
    proc = start_server(db, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


def _browser(playwright: Any, tmp_path: Path, name: str) -> Any:
    return playwright.chromium.launch_persistent_context(
        str(tmp_path / f"profile-{name}"),
        executable_path=str(CHROMIUM),
        headless=True,
        args=ARGS,
        viewport={"width": 1400, "height": 1000},
    )


def _login(page: Any, base: str, user: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_url(f"{base}/")


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_web_browser_analyst_workflow(server: str, playwright: Any, tmp_path: Path) -> None:
    ctx = _browser(playwright, tmp_path, "analyst")
    page = ctx.new_page()
    dialogs: list[str] = []
    problems: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        _login(page, server, "analyst")
        page.wait_for_selector(".chart svg rect.bar")
        _shot(page, "dashboard")

        page.goto(f"{server}/incidents")
        page.select_option("#filters select[name=type]", "bombing")
        page.click("#filters button[type=submit]")
        page.wait_for_url("**/incidents?*type=bombing*")
        ids = page.locator("tr.incident-row").evaluate_all("rows => rows.map(r => r.dataset.id)")
        assert sorted(ids) == ["inc-villepinte", "inc-villepinte-2"]
        _shot(page, "incident-list")

        page.click("tr.incident-row[data-id=inc-villepinte] a")
        page.wait_for_url("**/incidents/inc-villepinte*")
        marks = page.locator("#evidence mark.evidence")
        assert marks.count() == 2
        assert "A bomb plot against the rally in Villepinte was foiled." in marks.all_inner_texts()
        assert page.locator("#contradictions").is_visible()
        page.wait_for_selector("#pin-map svg circle.pin")
        _shot(page, "incident")

        page.goto(f"{server}/timeline")
        page.wait_for_selector("#timeline svg circle.dot")
        assert page.locator("#timeline svg circle.dot").count() == 5
        _shot(page, "timeline")

        page.goto(f"{server}/map")
        page.wait_for_selector("#map svg path.land")
        assert page.locator("#map svg path.land").count() > 100
        assert page.locator("#map svg circle.pin").count() >= 2
        _shot(page, "map")

        page.goto(f"{server}/network?entity=ir-mois&hops=2")
        page.wait_for_selector("#network svg g.node")
        nodes = page.locator("#network svg g.node")
        before = nodes.count()
        assert before >= 8 and page.locator("#network svg line.link").count() >= 7
        assert page.locator('#network g.node[data-id="i:inc-arrest-de"]').count() == 0
        page.locator('#network g.node[data-id="e:p-assadi"]').dispatch_event("click")  # expand one hop
        page.wait_for_selector('#network g.node[data-id="i:inc-arrest-de"]')
        assert nodes.count() > before
        page.wait_for_timeout(800)
        _shot(page, "network")
        page.check("#network-form input[name=types][value=target]")
        page.click("#network-form button[type=submit]")
        page.wait_for_url("**/network?*types=target*")
        kinds = page.locator("#network-edges td:nth-child(2)").all_inner_texts()
        assert kinds and set(kinds) == {"target"}
        page.wait_for_selector("#network svg g.node")

        page.goto(f"{server}/articles/xss-001")
        text = page.locator("#article-text").inner_text()
        assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
        assert page.locator("#article-text img, #article-text script").count() == 0
        _shot(page, "article-xss")
        for url in (
            "/incidents/inc-surveillance-us",
            "/incidents?q=watched",
            "/entities/p-xss",
            "/search?q=watched",
            "/network?entity=p-xss&hops=2",
        ):
            page.goto(server + url)
            page.wait_for_load_state("load")
            injected = page.evaluate(
                """() => document.querySelectorAll('img, [onerror], [onload], iframe, object').length
                   + [...document.scripts].filter(s => !s.src && s.type !== 'application/json').length"""
            )
            assert injected == 0, url
        page.wait_for_selector("#network svg g.node text")
        labels = page.locator("#network svg g.node text").all_text_contents()
        assert "<svg onload=alert(2)>Eve" in labels  # shown as text, not parsed as markup
        page.wait_for_timeout(500)
        _shot(page, "network-untrusted-names")

        page.goto(f"{server}/incidents/inc-villepinte-2")
        page.fill("#merge-form input[name=into]", "inc-villepinte")
        page.click("#merge-form button[type=submit]")
        page.wait_for_url("**/incidents/inc-villepinte?done=merged")
        assert page.locator("#done").inner_text() == "Done: merged."
        assert "absorb" in page.locator("#audit").inner_text()
        assert page.locator("#evidence mark.evidence").count() == 3
        _shot(page, "after-merge")

        page.goto(f"{server}/audit")
        assert page.locator("tr.audit-entry").count() >= 2
        _shot(page, "audit")
        assert dialogs == []  # the <script> and onerror= payloads stayed inert
        assert problems == [], problems  # no script errors, no CSP violations
    finally:
        ctx.close()


def test_web_browser_viewer_cannot_edit(server: str, playwright: Any, tmp_path: Path) -> None:
    ctx = _browser(playwright, tmp_path, "viewer")
    page = ctx.new_page()
    try:
        _login(page, server, "viewer")
        page.goto(f"{server}/incidents/inc-arrest-de")
        assert page.locator("#merge-form, #review-form, #edit-form, #split-form").count() == 0
        csrf = page.evaluate("() => document.querySelector('input[name=csrf_token]').value")
        r = page.request.post(
            f"{server}/api/v1/incidents/inc-arrest-de/review",
            data={"decision": "rejected"},
            headers={"X-CSRF-Token": csrf},
        )
        assert r.status == 403 and r.headers["content-type"].startswith("application/problem+json")
        _shot(page, "viewer-incident")
    finally:
        ctx.close()
