"""The web press page in a real browser (headless Chromium): every picture loads, every
local link resolves, nothing logs an error, nothing scrolls sideways on a phone, axe-core
finds no serious accessibility fault, the first view stays light, and a hostile kit runs no
script. One browser session for the module; it skips without Chromium (see tests/browser.py)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from PIL import Image

from kitpress.pipeline import BuildOptions, build

from .browser import axe_violations, chromium_driver, console_errors, load_every_image, open_page
from .conftest import EXAMPLE_KIT, REPO, SMALL_KIT, SYNOPSIS, make_still

LAST_LOCK = REPO / "assets" / "the-last-lock"  # every section of press notes, and artwork

FIRST_VIEW_BUDGET = 1_500_000  # bytes a visitor loads before scrolling
README_SHOTS = "KITPRESS_README_SHOTS"  # set to write the README's screenshots into docs/

HOSTILE = """\
title: "Dogtooth </title><script>alert('title')</script> \\"q\\" 'a'"
original_title: "<b onmouseover=alert(1)>bold</b>"
year: 2009
countries: "<script>alert('country')</script>"
languages: "\\"><img src=x onerror=alert('language')>"
genres: ["<svg onload=alert('genre')>"]
runtime: 97
logline: "</script><script>alert('logline')</script>"
synopsis: "[click](javascript:alert('synopsis')) <script>alert('md')</script> *ok*"
cast:
  - {id: a, actor: "<script>alert('actor')</script>", character: "\\" onfocus=\\"alert(1)"}
crew:
  Director: "<iframe src=javascript:alert('director')>"
quotes:
  - {text: "<script>alert('quote')</script>", source: "' onclick='alert(1)"}
contacts:
  - {role: press, name: "<script>alert('contact')</script>", email: press@example.com,
     phone: "+1 <b>555</b>"}
festivals:
  - {name: "<script>alert('festival')</script>", year: 2009, award: "<i>x</i>"}
rights:
  copyright: "<script>alert('rights')</script>"
stills:
  - file: stills/one.jpg
    alt: "\\"><script>alert('alt')</script>"
    description: "<script>alert('description')</script>"
    people: [a]
presented_by: "<script>alert('presenter')</script>"
"""


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    session = chromium_driver()
    yield session
    session.quit()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example kits' pages (The Last Lock with every section of press notes) and the small
    test kit's (Greek, Polish, a trailer, contacts)."""
    root = tmp_path_factory.mktemp("sites")
    small = root / "small-kit"
    small.mkdir()
    (small / "kit.yaml").write_text(SMALL_KIT, encoding="utf-8")
    (small / "synopsis.md").write_text(SYNOPSIS, encoding="utf-8")
    make_still(small / "stills" / "one.jpg", (1200, 800), 1)
    make_still(small / "stills" / "Two Still.JPG", (600, 900), 2)
    make_still(small / "stills" / "three.jpg", (1000, 700), 3)
    hostile = root / "hostile-kit"
    hostile.mkdir()
    (hostile / "kit.yaml").write_text(HOSTILE, encoding="utf-8")
    make_still(hostile / "stills" / "one.jpg", (900, 600), 4)
    pages = {}
    kits = (("example", EXAMPLE_KIT), ("last-lock", LAST_LOCK), ("small", small))
    for name, kit in (*kits, ("hostile", hostile)):
        out = root / f"out-{name}"
        build(kit, BuildOptions(format="html", out=out))
        pages[name] = out / "site" / "index.html"
    return pages


@pytest.mark.parametrize("kit", ["example", "last-lock", "small"])
def test_every_picture_and_link_works_with_no_error_and_no_accessibility_fault(
    driver: Any, sites: dict[str, Path], kit: str
) -> None:
    page = sites[kit]
    open_page(driver, page, 1280)
    load_every_image(driver)
    sizes = driver.execute_script(
        "return [...document.images].map(i => [i.currentSrc, i.naturalWidth, i.complete])"
    )
    assert len(sizes) >= 4
    assert [s for s in sizes if not (s[1] > 0 and s[2])] == []
    local = driver.execute_script(
        """return [...document.querySelectorAll('a[href], link[href], img, source')]
          .flatMap(e => e.srcset ? e.srcset.split(',').map(s => new URL(s.trim().split(' ')[0],
             document.baseURI).href) : [e.href || e.src])
          .filter(u => u.startsWith('file:'))"""
    )
    files = {Path(unquote(urlparse(u).path)) for u in local}
    assert len(files) > 10
    assert [f for f in files if not f.is_file()] == []
    assert all(f.is_relative_to(page.parent) for f in files)  # the site carries everything
    assert console_errors(driver) == []
    assert axe_violations(driver) == []


@pytest.mark.parametrize("kit", ["example", "last-lock", "small"])
def test_nothing_scrolls_sideways_on_a_phone_and_screenshots(
    driver: Any, sites: dict[str, Path], kit: str, tmp_path: Path
) -> None:
    shots = {}
    for width, height in ((360, 740), (1280, 960)):
        open_page(driver, sites[kit], width, height)
        wide = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert wide[0] <= wide[1], f"{wide[0]} px of page in a {wide[1]} px window"
        shot = tmp_path / f"{kit}-{width}.png"
        driver.save_screenshot(str(shot))
        with Image.open(shot) as image:
            assert image.size == (width, height)
            assert len(image.getcolors(1 << 20) or range(1000)) > 200  # a page, not a blank
        shots[width] = shot
    if os.environ.get(README_SHOTS) and kit != "small":
        for width, shot in shots.items():
            with Image.open(shot) as image:
                small = image.convert("RGB").quantize(128, dither=Image.Dither.NONE)
                small.save(REPO / "docs" / f"web-page-{kit}-{width}.png", optimize=True)


NAV_LINES = """const list = document.querySelector('nav .nav');
  const links = [...list.querySelectorAll('a')];
  const rows = {};
  for (const a of links) {
    const top = Math.round(a.getBoundingClientRect().top);
    rows[top] = (rows[top] || 0) + 1;
  }
  return {rows: Object.values(rows), height: list.getBoundingClientRect().height,
          link: Math.max(...links.map(a => a.getBoundingClientRect().height)),
          size: parseFloat(getComputedStyle(links[0]).fontSize)};"""


@pytest.mark.parametrize("kit", ["example", "last-lock", "small"])
def test_on_a_phone_the_sections_take_one_line_and_each_is_reached_from_it(
    driver: Any, sites: dict[str, Path], kit: str
) -> None:
    """At 360 px the section links stay on one line (a row that scrolls sideways, no
    script), not a dozen lines before the film; every link can be scrolled to and lands
    on its section below the row, which stays at the top of the window."""
    open_page(driver, sites[kit], 360, 740)
    nav = driver.execute_script(NAV_LINES)
    assert len(nav["rows"]) <= 2, nav
    assert nav["height"] <= 2 * nav["link"], nav
    assert nav["size"] >= 12
    links = driver.find_elements("css selector", "nav .nav a")
    assert len(links) >= 4
    for link in links:
        box = driver.execute_script(
            """const a = arguments[0]; a.scrollIntoView({block: "nearest", inline: "nearest"});
            const r = a.getBoundingClientRect(), target = document.querySelector(a.hash);
            return [r.left, r.right, innerWidth, target !== null];""",
            link,
        )
        assert box[0] >= 0 and box[1] <= box[2] and box[3], (link.text, box)
    links[-1].click()
    landed = driver.execute_script(
        """const nav = document.querySelector('nav .nav').closest('nav').getBoundingClientRect();
        const target = document.querySelector(location.hash).getBoundingClientRect();
        return [nav.top, nav.bottom, target.top, innerHeight,
                document.documentElement.scrollWidth, scrollY];"""
    )
    nav_top, nav_bottom, target_top, window_height, scroll_width, scrolled = landed
    assert scrolled > 0 and nav_top == 0, landed
    assert nav_bottom <= target_top < window_height, landed
    assert scroll_width <= 360


@pytest.mark.parametrize("kit", ["example", "last-lock", "small", "hostile"])
def test_on_a_phone_everything_fits_the_window_and_reads_at_16_px(
    driver: Any, sites: dict[str, Path], kit: str
) -> None:
    """At 360 px no picture, table row or line of text reaches past the window's edges
    (only the row of section links runs on, inside its own scroller), and the text that is
    read (prose, technical details, cast, crew, contacts) is set at 16 px or more."""
    open_page(driver, sites[kit], 360, 740)
    load_every_image(driver)
    outside = driver.execute_script(
        """return [...document.body.querySelectorAll('*')]
          .filter(e => !e.closest('.nav, .skip'))
          .filter(e => { const r = e.getBoundingClientRect();
                         return r.width && (r.left < -0.5 || r.right > innerWidth + 0.5); })
          .map(e => e.tagName + '.' + e.className)"""
    )
    assert outside == []
    pictures = driver.execute_script(
        """return [...document.images].map(i => [i.getBoundingClientRect().width,
                                                i.parentElement.getBoundingClientRect().width])"""
    )
    assert pictures and all(0 < width <= box + 0.5 for width, box in pictures), pictures
    sizes = driver.execute_script(
        """return [...document.querySelectorAll('body, .prose p, .row dt, .row dd, .contact p')]
          .filter(e => !e.matches('.t-label'))
          .map(e => parseFloat(getComputedStyle(e).fontSize))"""
    )
    assert len(sizes) > 5 and min(sizes) >= 16, sizes


@pytest.mark.parametrize("kit", ["example", "last-lock"])
def test_on_a_desktop_the_sections_wrap_into_even_lines(
    driver: Any, sites: dict[str, Path], kit: str
) -> None:
    """At 1280 px every section link shows at once, on no more than three lines and with no
    link left alone on a line of its own."""
    open_page(driver, sites[kit], 1280)
    nav = driver.execute_script(NAV_LINES)
    assert len(nav["rows"]) <= 3 and min(nav["rows"]) >= 2, nav


def test_the_first_view_loads_little_more_than_a_megabyte(
    driver: Any, sites: dict[str, Path]
) -> None:
    """HTML, CSS, the fonts in use and the pictures loaded before scrolling, on a desktop
    window and on a phone: no more than FIRST_VIEW_BUDGET."""
    page = sites["example"]
    for width, height in ((1280, 800), (360, 740)):
        open_page(driver, page, width, height)
        driver.execute_async_script(
            "const done = arguments[arguments.length - 1]; setTimeout(() => done(1), 300)"
        )
        fonts, pictures, sheet = driver.execute_script(
            """return [[...document.fonts].filter(f => f.status === 'loaded')
                         .map(f => [f.family, f.weight, f.style]),
                       [...document.images].filter(i => i.complete && i.naturalWidth)
                         .map(i => i.currentSrc),
                       document.styleSheets[0].href]"""
        )
        stylesheet = Path(unquote(urlparse(sheet).path))
        faces = _font_faces(stylesheet)
        loaded = [sheet, *pictures] + [faces[tuple(map(str, f))].as_uri() for f in fonts]
        files = {Path(unquote(urlparse(u).path)) for u in loaded} | {page}
        weight = sum(f.stat().st_size for f in files)
        print(f"first view at {width} px: {weight} bytes in {len(files)} files")
        assert any(f.suffix == ".woff2" for f in files)
        assert weight <= FIRST_VIEW_BUDGET, sorted((f.stat().st_size, f.name) for f in files)


def _font_faces(stylesheet: Path) -> dict[tuple[str, str, str], Path]:
    """(family, weight, style) -> the WOFF2 file of each @font-face in ``stylesheet``."""
    faces = {}
    for rule in re.findall(r"@font-face\{([^}]*)\}", stylesheet.read_text(encoding="utf-8")):
        found = dict(re.findall(r"([a-z-]+):([^;]+)", rule))
        href = re.match(r"url\(([^)]+)\)", found["src"])
        assert href is not None
        key = (found["font-family"], found["font-weight"], found["font-style"])
        faces[key] = stylesheet.parent / href.group(1)
    return faces


def test_search_and_link_previews_read_the_film(driver: Any, sites: dict[str, Path]) -> None:
    open_page(driver, sites["small"], 1280)
    scripts = driver.execute_script(
        "return [...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map(s => s.textContent)"
    )
    assert len(scripts) == 1
    movie = json.loads(scripts[0])
    assert movie["@type"] == "Movie" and movie["name"] == "Dogtooth & <Friends>"
    assert movie["director"] == [{"@type": "Person", "name": "Giorgos Lanthimos"}]
    assert [a["name"] for a in movie["actor"]] == [
        "Christos Stergioglou",
        "Aggeliki Papoulia",
        "Zofia Łęcka-Wróblewská",
    ]
    tags = driver.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]"
        ".map(m => [m.getAttribute('property') || m.name, m.content]))"
    )
    assert tags["og:title"] == "Dogtooth & <Friends> — Press kit"
    assert tags["og:type"] == "video.movie"
    assert tags["og:image"].startswith("assets/cover.")
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["description"] == "A family keeps its children inside the garden walls."
    assert driver.execute_script("return document.documentElement.lang") == "en"


def test_a_hostile_kit_renders_literally_and_runs_no_script(
    driver: Any, sites: dict[str, Path]
) -> None:
    open_page(driver, sites["hostile"], 1280)
    load_every_image(driver)
    for element in driver.find_elements("css selector", "a, button, [tabindex]"):
        driver.execute_script(
            "arguments[0].focus(); arguments[0].dispatchEvent("
            "new MouseEvent('mouseover', {bubbles: true}))",
            element,
        )
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 (reading it is the check)
    scripts = driver.execute_script("return [...document.scripts].map(s => s.type)")
    assert scripts == ["application/ld+json"]
    assert (
        driver.execute_script(
            "return document.querySelectorAll('iframe, svg, [onerror], [onload], [onmouseover],"
            ' [onclick], [onfocus], a[href^="javascript"]\').length'
        )
        == 0
    )
    text = driver.find_element("tag name", "body").text
    assert "<script>alert('actor')</script>" in text
    assert "[click](javascript:alert('synopsis'))" in text  # as typed: no link
    assert driver.title == "Dogtooth </title><script>alert('title')</script> \"q\" 'a' — Press kit"
    alt = driver.execute_script("return document.querySelector('.still img').alt")
    assert alt == "\"><script>alert('alt')</script>"
