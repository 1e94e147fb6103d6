"""End to end in headless Chromium: log in, filter, read a document, correct a claim, see map and chart.

The workspace runs under uvicorn on a free loopback port; the browser is
Debian's chromium, driven by Playwright. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from yalu.config import Settings
from yalu.store import Store
from yalu.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PASSWORD = "correct horse battery staple"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="needs Playwright for Python (pip install playwright)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def base_url(sqlite_workspace_store: Store, tmp_path: Path) -> Iterator[str]:
    settings = Settings(data_dir=tmp_path, secret_key="5e8a1c9d3f7b2e6a0c4d8f1b5e9a3c7d2f6b0e4a8c1d5f9b")
    app = create_app(settings, store=sqlite_workspace_store)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the workspace server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: sync_api.Browser, base_url: str) -> Iterator[sync_api.Page]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()
    assert dialogs == [], "a script from a document ran"


def log_in(page: sync_api.Page, name: str, then: str = "/overview") -> None:
    page.goto(f"/login?next={then}")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**{then}")


def screenshot(page: sync_api.Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_overview_draws_the_map_and_the_chart(page: sync_api.Page) -> None:
    log_in(page, "vera")
    page.wait_for_selector("#map[data-ready=true]")
    markers = page.locator("#map path.leaflet-interactive")
    assert markers.count() == 3
    assert page.locator("#map svg path").count() > 100  # country outlines from world-atlas
    painted = page.evaluate(
        """() => {
            const canvas = document.querySelector('#timeline');
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            return pixels.some((value) => value !== 0);
        }"""
    )
    assert painted, "the timeline canvas is empty"
    screenshot(page, "overview")


def test_filtering_claims_updates_the_table(page: sync_api.Page) -> None:
    log_in(page, "vera", then="/claims")
    sync_api.expect(page.locator("tr.claim-row")).to_have_count(5)
    page.check("input[name=type][value=dispatch]")
    page.wait_for_url("**/claims?*type=dispatch*")
    sync_api.expect(page.locator("tr.claim-row")).to_have_count(2)
    page.fill("input[name=place]", "Jilin")
    page.press("input[name=place]", "Enter")
    sync_api.expect(page.locator("tr.claim-row")).to_have_count(1)
    assert "Hunchun" in page.locator("tr.claim-row").inner_text()
    screenshot(page, "claims-filtered")


def test_document_shows_the_chosen_claims_quote_highlighted(page: sync_api.Page) -> None:
    log_in(page, "vera", then="/claims")
    page.check("input[name=type][value=wage]")
    sync_api.expect(page.locator("tr.claim-row")).to_have_count(1)
    page.click("td.document a")
    page.wait_for_url("**/documents/dandong?claim=*")
    active = page.locator("mark.active")
    assert active.inner_text() == "They are paid $300 a month"
    assert active.is_visible()
    page.click(".claim-pick >> text=condition")
    assert page.locator("mark.active").inner_text() == "minders keep their passports"
    screenshot(page, "document")


def test_markup_in_a_document_stays_text(page: sync_api.Page) -> None:
    log_in(page, "vera", then="/documents/hostile")
    assert page.title().startswith("<script>alert('title')</script>")
    assert "<img src=x" in page.locator("#document-text").inner_text()
    assert page.locator("#document-text img, #document-text script").count() == 0
    screenshot(page, "hostile-document")


def test_analyst_corrects_a_claim_and_sees_it_in_the_history(page: sync_api.Page) -> None:
    log_in(page, "anna", then="/claims")
    page.check("input[name=type][value=dispatch]")
    page.fill("input[name=place]", "Dandong")
    page.press("input[name=place]", "Enter")
    sync_api.expect(page.locator("tr.claim-row")).to_have_count(1)
    page.click("td.quote a")
    page.wait_for_url("**/claims/*")
    assert "machine suggestion" in page.locator("h1").inner_text()
    page.click("summary:has-text('Correct this claim')")
    page.fill("input[name=count_min]", "120")
    page.locator("input[name=place]").nth(1).fill("Sinuiju")
    page.locator("input[name=place]").nth(1).press("Tab")
    page.locator(".place-row").nth(1).locator("select").select_option("origin")
    page.wait_for_selector(".lookup >> text=North Pyongan")
    page.fill(".correction input[name=note]", "range from the second paragraph")
    page.click("button:has-text('Save correction')")
    page.wait_for_selector(".history")
    history = page.locator(".history").inner_text()
    assert "correct by anna" in history
    assert "range from the second paragraph" in history
    assert "120" in history
    assert "corrected" in page.locator("h1").inner_text()
    screenshot(page, "claim-corrected")


def test_findings_list_each_fact_with_its_support(page: sync_api.Page) -> None:
    log_in(page, "vera", then="/findings")
    sync_api.expect(page.locator("article.finding")).to_have_count(5)
    page.check("input[name=type][value=dispatch]")
    page.click("button:has-text('Filter')")
    page.wait_for_url("**/findings?*type=dispatch*")
    sync_api.expect(page.locator("article.finding")).to_have_count(2)
    assert "1 independent outlet" in page.locator("article.finding").first.inner_text()
    screenshot(page, "findings")


def test_estimates_draw_the_interval_chart(page: sync_api.Page) -> None:
    log_in(page, "vera", then="/estimates")
    page.fill("input[name=country]", "RU")
    page.fill("input[name=place]", "Vladivostok")
    page.click("button:has-text('Estimate')")
    page.wait_for_selector("#workers-chart[data-ready=true]")
    painted = page.evaluate(
        """() => {
            const canvas = document.querySelector('#workers-chart');
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            return pixels.some((value) => value !== 0);
        }"""
    )
    assert painted, "the estimate chart is empty"
    assert "Not estimated: no reported state payment" in page.locator(".notice.refused").inner_text()
    assert page.locator("table.periods tbody tr").count() == 1
    screenshot(page, "estimates")
