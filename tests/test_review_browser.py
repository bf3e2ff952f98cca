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
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
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
