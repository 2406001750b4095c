"""Property-based tests: whatever a kit file or a text holds, kitpress answers with its own
errors (located lines, exit 2) or a result, never another exception; user text never becomes
markup, an image or a live link outside http, https and mailto.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _wsc

from kitpress.errors import InputError, KitError
from kitpress.kit import fields
from kitpress.kit.load import load_kit
from kitpress.layout.load import load_layout
from kitpress.naming import slugify
from kitpress.outputs.pdf.render.fonts import register_layout_fonts
from kitpress.outputs.pdf.render.styles import paragraph_styles
from kitpress.outputs.pdf.render.text import SAFE_SCHEMES, escape, markdown_blocks, safe_href
from kitpress.pipeline import check
from kitpress.reading.marked_yaml import load as load_yaml

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
PIECES = [*"ab <>&\"'=/*_[]()!#-.:\n\t", "href", "img", "src", "javascript:", "https://e.com"]
PIECES += ["mailto:a@b.c", "<a ", "</a>", "<img ", "&amp;", "&#65;", "<br/>", "<para>", "file:"]
MARKUPISH = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
KEYS = st.sampled_from([*fields.TOP, *fields.CAST, *fields.STILL, "file", "x", "<<"])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 3000), st.floats(allow_nan=True), TEXT
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=6)),
    max_leaves=25,
)


@pytest.fixture(scope="module")
def body_style() -> Any:
    layout = load_layout("default")
    register_layout_fonts(layout)
    return paragraph_styles(layout)["body"]


def _kit(tmp_path: Path, data: bytes) -> Path:
    (tmp_path / "kit.yaml").write_bytes(data)
    return tmp_path


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_as_yaml_load_or_fail_cleanly(tmp_path: Path, data: bytes) -> None:
    try:
        load_yaml(_kit(tmp_path, data) / "kit.yaml", "kit.yaml", KitError)
    except KitError as exc:
        assert all(line.startswith("kit.yaml") and "\n" not in line for line in exc.lines())


@SETTINGS
@given(text=TEXT)
def test_any_text_as_kit_yaml_loads_or_fails_cleanly(tmp_path: Path, text: str) -> None:
    try:
        load_kit(_kit(tmp_path, text.encode("utf-8")))
    except KitError as exc:
        assert exc.exit_code == 2 and exc.lines()


@SETTINGS
@given(document=st.dictionaries(KEYS, DOCUMENTS, max_size=8))
def test_any_structured_document_loads_or_fails_cleanly(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    try:
        kit, _ = load_kit(_kit(tmp_path, text.encode("utf-8")))
    except KitError as exc:
        lines = exc.lines()
        assert lines and all(re.match(r"^kit\.yaml(:\d+)?: ", line) for line in lines), lines
        assert all("\n" not in line for line in lines)
    else:
        assert kit.title


@SETTINGS
@given(document=st.dictionaries(KEYS, DOCUMENTS, max_size=8), title=TEXT)
def test_titled_documents_fail_only_with_located_lines(
    tmp_path: Path, document: dict[str, Any], title: str
) -> None:
    """Through everything `kitpress check` does: the kit, the fonts' glyphs, the stills."""
    document["title"] = title
    text = yaml.safe_dump(document, allow_unicode=True)
    try:
        check(_kit(tmp_path, text.encode("utf-8")))
    except InputError as exc:
        assert all(re.match(r"^kit\.yaml(:\d+)?: ", line) for line in exc.lines())


def _visible(text: str) -> str:
    """What ReportLab prints for plain text: its whitespace runs collapse to one space."""
    text = text.replace("\xad", "")  # a soft hyphen only marks where a word may break
    return " ".join(part for part in re.split(f"[{re.escape(_wsc)}]+", text) if part)


@SETTINGS
@given(text=TEXT)
def test_escaped_text_prints_exactly_what_was_typed(body_style: Any, text: str) -> None:
    paragraph = Paragraph(escape(text), body_style)
    paragraph.wrap(300, 10_000)
    assert _visible(paragraph.getPlainText()) == _visible(text)
    assert not any(getattr(f, "cbDefn", None) or getattr(f, "link", None) for f in paragraph.frags)


@SETTINGS
@given(source=st.one_of(MARKUPISH, TEXT))
def test_markdown_subset_never_yields_images_or_unsafe_links(body_style: Any, source: str) -> None:
    for block in markdown_blocks(source, "#9b2226"):
        paragraph = Paragraph(block.markup, body_style)
        paragraph.wrap(300, 10_000)
        for frag in paragraph.frags:
            assert getattr(frag, "cbDefn", None) is None  # no <img>, no callbacks
            for _, href in getattr(frag, "link", None) or []:
                assert href.split(":", 1)[0].lower() in SAFE_SCHEMES, href


@SETTINGS
@given(source=MARKUPISH)
def test_plain_markup_characters_survive_the_markdown_subset(body_style: Any, source: str) -> None:
    """No emphasis, link or list syntax: the paragraph prints the source's visible text."""
    if re.search(r"[*_\[\]()!#`\\-]|^\s*\d+[.)]|https?:|mailto:|<[a-z]+:", source, re.M):
        return
    printed = " ".join(
        Paragraph(block.markup, body_style).getPlainText() for block in markdown_blocks(source)
    )
    assert _visible(printed) == _visible(source)


@SETTINGS
@given(url=st.one_of(TEXT, MARKUPISH))
def test_safe_href_keeps_only_safe_schemes(url: str) -> None:
    href = safe_href(url)
    assert href is None or href.split(":", 1)[0].lower() in SAFE_SCHEMES


@SETTINGS
@given(title=TEXT)
def test_slugs_are_always_safe_file_names(title: str) -> None:
    slug = slugify(title)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
    assert len(slug) <= 65 and slug not in {"con", "nul", "prn", "aux"}
