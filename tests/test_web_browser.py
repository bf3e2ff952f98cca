"""The web app in a real browser (headless Chromium): search, evidence, corrections, script safety.

Needs the Debian packages chromium and chromium-driver (apt-get install -y chromium chromium-driver).
Re-extraction is simulated with Store.replace_extraction + apply_corrections on the synthetic document;
in the product the same two steps run inside Project.reextract.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from diplomap.store.corrections import apply_corrections
from diplomap.store.db import Store
from diplomap.web.app import create_app
from tests import webdata

pytestmark = pytest.mark.browser

CHROMEDRIVER = "/usr/bin/chromedriver"
TOKEN = "browser-token-456"

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
if not Path(CHROMEDRIVER).exists() or not (shutil.which("chromium") or shutil.which("chromium-browser")):
    pytest.skip("headless Chromium is not installed: apt-get install -y chromium chromium-driver",
                allow_module_level=True)

from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path, dict[str, str]]]:
    import uvicorn

    path = tmp_path / "browser.db"
    ids = webdata.build(path)
    app = create_app(path, token=TOKEN, knowledge=webdata.knowledge())
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 10 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", path, ids
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    driver.implicitly_wait(5)  # after a form post the next page may still be loading on a busy machine
    yield driver
    driver.quit()


def test_search_then_event_shows_highlighted_evidence(server: tuple[str, Path, dict[str, str]],
                                                      browser: WebDriver) -> None:
    base, _, ids = server
    browser.get(base + "/events")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("transit")
    box.submit()
    assert "/events?q=transit" in browser.current_url
    links = browser.find_elements(By.CSS_SELECTOR, "a.event-link")
    assert [a.get_attribute("href").rsplit("/", 1)[-1] for a in links] == [ids["accord"]]
    links[0].click()
    marks = browser.find_elements(By.CSS_SELECTOR, "figure.evidence mark")
    assert [m.text for m in marks] == ["signed a transit accord"]
    assert marks[0].is_displayed()
    assert marks[0].value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"  # the stylesheet loaded


def edit_type(browser: WebDriver, new_type: str, author: str, token: str | None) -> None:
    form = browser.find_element(By.ID, "edit-form")
    form.find_element(By.NAME, "author").send_keys(author)
    field = form.find_element(By.NAME, "token")
    if token is None:  # an empty token: drop the `required` the browser would enforce before posting
        browser.execute_script("arguments[0].removeAttribute('required')", field)
    else:
        field.send_keys(token)
    Select(form.find_element(By.NAME, "type")).select_by_value(new_type)
    page = browser.find_element(By.TAG_NAME, "html")
    form.find_element(By.ID, "save-edit").click()
    # the click returns before the answer's page is in: on a busy machine the old page was still read
    WebDriverWait(browser, 20).until(_gone(page))


def _gone(element: WebElement) -> Callable[[WebDriver], bool]:
    """Selenium's staleness_of, for chromium too: asked about an element of a page it has left, chromium answers
    either "stale element" or, mid-navigation, "Node with given id does not belong to the document", which
    staleness_of let through as an error (a test failed on a busy machine, its page already gone)."""
    def gone(_: WebDriver) -> bool:
        try:
            element.is_enabled()
        except WebDriverException:  # (StaleElementReferenceException is one)
            return True
        return False
    return gone


def test_correction_with_token_persists_after_reextraction(server: tuple[str, Path, dict[str, str]],
                                                           browser: WebDriver) -> None:
    base, path, ids = server
    browser.get(f"{base}/events/{ids['accord']}")
    edit_type(browser, "COOPERATE", "Ana", TOKEN)
    assert browser.current_url.endswith(f"/events/{ids['accord']}#history")
    assert browser.find_element(By.ID, "event-status").text == "edited"
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("COOPERATE")

    doc = webdata.document(webdata.TEXT_ONE, "Talks and an accord")
    with Store(path) as store:  # what Project.reextract does: replace, then re-apply corrections
        store.replace_extraction(doc, webdata.sentences(doc), [], webdata.events_one(doc))
        assert store.event(ids["accord"]).type == "AGREE"  # type: ignore[union-attr]
        apply_corrections(store, doc.id)
    browser.refresh()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("COOPERATE")
    rows = browser.find_elements(By.CSS_SELECTOR, "#history-table tbody tr")
    assert [r.text.split()[1:] for r in rows] == [["Ana", "type", "AGREE", "COOPERATE"]]


@pytest.mark.parametrize("token", [None, "not-the-token"])
def test_the_same_edit_without_the_token_is_refused(server: tuple[str, Path, dict[str, str]], browser: WebDriver,
                                                    token: str | None) -> None:
    base, path, ids = server
    browser.get(f"{base}/events/{ids['accord']}")
    edit_type(browser, "COOPERATE", "Mallory", token)
    assert "write token" in browser.find_element(By.ID, "error-message").text
    with Store(path) as store:
        assert store.event(ids["accord"]).type == "AGREE"  # type: ignore[union-attr]
        assert store.event_status(ids["accord"]) == "auto"


def test_ingested_script_shows_as_text_and_never_runs(server: tuple[str, Path, dict[str, str]],
                                                      browser: WebDriver) -> None:
    base, _, ids = server
    for url in (f"/documents/{ids['evil']}", f"/events/{ids['aid']}", "/events?q=floods"):
        browser.get(base + url)
        assert "pwned" not in browser.title
        assert browser.execute_script("return window.pwned === undefined") is True
    browser.get(f"{base}/documents/{ids['evil']}")
    text = browser.find_element(By.ID, "document-text").text
    assert "<script>document.title='pwned';window.pwned=true</script>" in text
    assert browser.find_elements(By.CSS_SELECTOR, "#document-text script, #document-text img") == []


def test_facet_counts_stay_on_one_line_beside_long_titles(server: tuple[str, Path, dict[str, str]],
                                                          browser: WebDriver) -> None:
    """#9/15: a long document title squeezed its count, which wrapped digit by digit ("12" over "5")."""
    base, path, _ = server
    title = "Azerbaijani Foreign Policy in 2025: Key Highlights of a Year of Corridors and Courts"
    text = " ".join(f"Aldoria and Borvia met in round {i}." for i in range(125))
    doc = webdata.document(text, title)
    from datetime import date

    with Store(path) as store:
        store.add_document(doc, webdata.sentences(doc), [], [
            webdata.event(doc, f"met in round {i}.", "CONSULT", ("ALD",), ("BRV",), date(2025, 5, 1 + i % 28))
            for i in range(125)])
    browser.set_window_size(1300, 1000)  # the two-column layout, facets in a 15rem column
    browser.get(base + "/events")
    counts = browser.find_elements(By.CSS_SELECTOR, "#facet-doc .n")
    assert "125" in [c.text for c in counts]
    for count in counts:
        line = float(count.value_of_css_property("line-height").removesuffix("px"))
        assert count.size["height"] < 1.5 * line, f"count {count.text!r} wraps"
    link = browser.find_element(By.CSS_SELECTOR, "#facet-doc li a")
    assert link.size["height"] > 1.5 * line, (link.text, link.size)  # the title wraps instead, inside the column


def test_pages_load_without_console_errors(server: tuple[str, Path, dict[str, str]], browser: WebDriver) -> None:
    """#9/15: every page logged a 404 for /favicon.ico; the API docs page must run under the CSP."""
    base, _, _ = server
    for url in ("/events", "/docs", "/actors/ALD", "/map"):
        browser.get(base + url)
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == [], (url, errors)
    browser.get(base + "/docs")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("diplomap API")
    browser.find_element(By.LINK_TEXT, "/api/events").click()
    assert browser.current_url.endswith("/api/events")
