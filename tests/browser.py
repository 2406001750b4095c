"""Headless Chromium for the web page's tests, through Selenium and the system's chromedriver
(Debian's chromium and chromium-driver; `.ci/run` installs them). Tests skip with the reason
when either, or axe-core (from npm, in .ci/node), is missing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"


def chromium_driver() -> Any:
    """A headless Chromium session, or a skip naming what is missing."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if browser is None or driver_path is None:
        pytest.skip("chromium and chromium-driver not installed (.ci/run installs them)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--disable-dev-shm-usage",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(driver_path))


def open_page(driver: Any, page: Path, width: int, height: int = 900) -> None:
    """``page`` in a window of ``width`` × ``height``; the log then holds only its messages."""
    driver.get_log("browser")  # what earlier pages (and axe-core's own requests) logged
    driver.set_window_size(width, height)
    chrome = driver.execute_script("return outerHeight - innerHeight")  # the window's own bars
    if chrome > 0:
        driver.set_window_size(width, height + chrome)
    driver.get(page.as_uri())
    driver.execute_script("return document.fonts.ready")


def load_every_image(driver: Any) -> None:
    """Scroll the page through so every lazy image loads, then wait until each has."""
    driver.execute_script("for (const img of document.images) img.loading = 'eager';")
    driver.set_script_timeout(20)
    driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        Promise.all([...document.images].map(img => img.decode().catch(() => null)))
          .then(() => done(true));"""
    )


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the open page."""
    if not AXE.is_file():
        pytest.skip("axe-core not installed in .ci/node (.ci/run installs it)")
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r)));"""
    )
    violations = json.loads(result)["violations"]
    return [v for v in violations if v["impact"] in ("serious", "critical")]
