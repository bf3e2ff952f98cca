"""The review in a real browser: it renders, its charts and map show, and it requests nothing (#4)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diplomap.report.review import write_review

from .synthetic import YEAR, knowledge, store

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip("chromium and chromedriver are not installed: apt-get install -y chromium chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: pip install selenium")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    drv = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    drv.implicitly_wait(5)  # a loaded machine can be slow to lay the page out
    yield drv
    drv.quit()


def _network(drv: Any) -> tuple[list[str], list[str]]:
    """URLs the page requested, and requests that failed, from the CDP Network events."""
    requested, failed = [], []
    for entry in drv.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
        elif message["method"] == "Network.loadingFailed":
            failed.append(message["params"].get("errorText", "failed"))
    return requested, failed


def test_review_renders_offline_with_charts_and_map(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    with store() as st:
        result = write_review(st, knowledge(), "AZE", YEAR, tmp_path)
    driver.get_log("performance")  # drop what the blank start page logged
    driver.get(result.html.as_uri())
    assert "foreign policy review" in driver.title

    requested, failed = _network(driver)
    external = [url for url in requested if not url.startswith(("file:", "data:", "about:"))]
    assert external == [] and failed == []
    assert requested == [result.html.as_uri()]  # the page itself and nothing else

    for selector in ("svg.dyad-chart", "#balance-chart svg", "#corridor-map svg", "#corridor-map .corridor"):
        element = driver.find_element(By.CSS_SELECTOR, selector)
        assert element.is_displayed(), selector
        assert element.size["width"] > 0 and element.size["height"] > 0, selector

    # a chronology link lands on its quote
    link = driver.find_element(By.CSS_SELECTOR, "li.chrono a.cite")
    target = link.get_attribute("href").split("#")[1]
    link.click()
    quote = driver.find_element(By.ID, target)
    assert quote.is_displayed() and quote.text

    shot = tmp_path / "review.png"
    assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


SHOTS = Path(__file__).resolve().parents[1] / "screenshots"

# Boxes of legend entries and map labels, per SVG, and the pairs that overlap (a few pixels of slack).
_OVERLAPS_JS = """
const out = [];
for (const svg of document.querySelectorAll('svg')) {
  const items = [...svg.querySelectorAll('.legend-item, text.map-label')].map(e => e.getBoundingClientRect());
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
    const a = items[i], b = items[j];
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
      out.push([svg.getAttribute('class'), i, j]);
  }
  const frame = svg.getBoundingClientRect();
  for (const e of svg.querySelectorAll('.legend-item')) {
    const r = e.getBoundingClientRect();
    if (r.right > frame.right + 1) out.push([svg.getAttribute('class'), 'legend outside', r.right - frame.right]);
  }
}
return out;
"""


def _shot(driver: Any, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / name
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000
    return path


def _console_errors(driver: Any) -> list[str]:
    # the favicon is the web app's (issue #9, another branch), not the review's
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]


def test_review_of_the_examples_screens_without_errors_or_overlaps(driver: Any, tmp_path: Path) -> None:
    """The review of an example country, as a reader sees it: top, one section, the map (#11)."""
    from selenium.webdriver.common.by import By

    from diplomap.knowledge import Knowledge
    from diplomap.project import Project

    from .conftest import EXAMPLES

    with Project(tmp_path / "ex.db") as project:
        project.ingest([EXAMPLES / "review-south-caucasus-central-asia-2025.md",
                        EXAMPLES / "news-kazakhstan-china-2025.md", EXAMPLES / "news-india-pakistan-2025.txt"])
        result = write_review(project.store, Knowledge.load(), "KAZ", 2025, tmp_path / "review")
    driver.get_log("browser")
    driver.get(result.html.as_uri())
    assert _console_errors(driver) == []
    _shot(driver, "review-top.png")
    section = driver.find_element(By.CSS_SELECTOR, "section.vector")
    driver.execute_script("arguments[0].scrollIntoView()", section)
    _shot(driver, "review-section.png")
    map_el = driver.find_element(By.CSS_SELECTOR, "#corridor-map svg")
    driver.execute_script("arguments[0].scrollIntoView()", map_el)
    assert driver.find_elements(By.CSS_SELECTOR, "#corridor-map path.country")  # the offline base map
    _shot(driver, "review-map.png")
    assert driver.execute_script(_OVERLAPS_JS) == []


def test_web_review_keeps_its_chart_styles_under_the_csp(driver: Any, tmp_path: Path) -> None:
    """The app's CSP forbids inline styles: the review's charts must need none (#9: 10 console errors before)."""
    import threading
    import time

    import uvicorn

    from diplomap.knowledge import Knowledge
    from diplomap.project import Project
    from diplomap.web.app import create_app

    from .conftest import EXAMPLES

    db = tmp_path / "web.db"
    with Project(db) as project:
        project.ingest([EXAMPLES / "review-south-caucasus-central-asia-2025.md"])
    server = uvicorn.Server(uvicorn.Config(create_app(db, token="t", knowledge=Knowledge.load()), host="127.0.0.1",
                                           port=0, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        driver.get_log("browser")
        driver.get(f"http://127.0.0.1:{port}/review")  # no parameters: the latest year with events that happened
        assert "foreign policy in 2025" in driver.page_source
        assert _console_errors(driver) == []
        assert driver.execute_script(_OVERLAPS_JS) == []
        _shot(driver, "web-review.png")
    finally:
        server.should_exit = True
        thread.join(5)
