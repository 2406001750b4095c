"""The stills cache: a warm build decodes nothing and gives the same bytes; a caption change
is embedded without touching pixels; a changed source or setting is redone."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from kitpress.pipeline import BuildOptions, build
from kitpress.stills import renditions
from kitpress.stills.cache import StillCache, default_folder

from .conftest import make_still

KIT = """\
title: Cache Test
cast:
  - {id: ana, actor: Ana Actor, character: Ana}
rights: {copyright: Cache Films, photographer: Pat Photo}
stills:
  - {file: stills/a.jpg, people: [ana]}
  - {file: stills/b.jpg, description: A street at night.}
"""


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "kit.yaml").write_text(KIT, encoding="utf-8")
    make_still(folder / "stills" / "a.jpg", (1200, 800), 1)
    make_still(folder / "stills" / "b.jpg", (900, 600), 2)
    return folder


def _build(kit: Path, out: Path, cache: Path | None) -> object:
    options = BuildOptions(format="all", out=out, cache_dir=cache, use_cache=cache is not None)
    return build(kit, options)


def _count_decodes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []
    real = renditions.decode

    def counting(path: Path, *args: object) -> Image.Image:
        seen.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(renditions, "decode", counting)
    return seen


def test_warm_build_decodes_nothing_and_is_byte_identical(
    kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    uncached = _build(kit, tmp_path / "plain", None)
    decodes = _count_decodes(monkeypatch)
    cold = _build(kit, tmp_path / "cold", cache)
    assert len(decodes) == 2
    per_still = 5 if cold.print_pdf else 4  # type: ignore[attr-defined]  # PDFs' + 3 files
    assert (cold.cache_hits, cold.cache_misses) == (0, 2 * per_still)  # type: ignore[attr-defined]
    warm = _build(kit, tmp_path / "warm", cache)
    assert len(decodes) == 2  # nothing decoded the second time
    assert (warm.cache_hits, warm.cache_misses) == (2 * per_still, 0)  # type: ignore[attr-defined]
    for result in (cold, warm):
        assert result.zip.read_bytes() == uncached.zip.read_bytes()  # type: ignore[attr-defined]
        assert result.pdf.read_bytes() == uncached.pdf.read_bytes()  # type: ignore[attr-defined]


def test_caption_change_is_embedded_without_decoding(
    kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    _build(kit, tmp_path / "first", cache)
    decodes = _count_decodes(monkeypatch)
    text = (kit / "kit.yaml").read_text(encoding="utf-8")
    (kit / "kit.yaml").write_text(text.replace("A street at night.", "Dawn."), encoding="utf-8")
    result = _build(kit, tmp_path / "second", cache)
    assert decodes == []
    with zipfile.ZipFile(result.zip) as archive:  # type: ignore[attr-defined]
        web = archive.read("cache-test_press-kit/stills-web/cache-test_still-02_web.jpg")
    described = Image.open(io.BytesIO(web)).getexif()[0x010E]
    assert described.startswith("Dawn in CACHE TEST.")


def test_changed_source_or_setting_is_redone(
    kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    _build(kit, tmp_path / "first", cache)
    decodes = _count_decodes(monkeypatch)
    make_still(kit / "stills" / "b.jpg", (900, 600), 5)  # new content, same name
    _build(kit, tmp_path / "second", cache)
    assert [p.name for p in decodes] == ["b.jpg"]
    text = (kit / "kit.yaml").read_text(encoding="utf-8")
    (kit / "kit.yaml").write_text(text + "renditions: {web_quality: 70}\n", encoding="utf-8")
    _build(kit, tmp_path / "third", cache)
    assert sorted(p.name for p in decodes) == ["a.jpg", "b.jpg", "b.jpg"]


def test_no_cache_writes_no_cache_folder(kit: Path, tmp_path: Path) -> None:
    result = _build(kit, tmp_path / "out", None)
    assert result.cache_hits == 0 and result.cache_misses in (8, 10)  # type: ignore[attr-defined]
    assert not (tmp_path / "cache").exists()


def test_damaged_entry_is_a_miss_not_a_broken_still(tmp_path: Path) -> None:
    cache = StillCache(tmp_path / "cache")
    key = cache.key(anything=1)
    cache.put(key, b"\xff\xd8 truncated")
    assert cache.get(key) is None
    cache.put(key, b"\xff\xd8 whole \xff\xd9")
    assert cache.get(key) == b"\xff\xd8 whole \xff\xd9"


def test_prune_drops_least_recently_used_first(tmp_path: Path) -> None:
    cache = StillCache(tmp_path / "cache")
    keys = [cache.key(n=n) for n in range(3)]
    for n, key in enumerate(keys):
        cache.put(key, b"\xff\xd8" + bytes(1000) + b"\xff\xd9")
        entry = tmp_path / "cache" / "jpeg" / key[:2] / key
        os.utime(entry, ns=(n * 10**9, n * 10**9))
    assert cache.get(keys[0]) is not None  # used now: the newest
    cache.prune(limit=2100)
    assert cache.get(keys[0]) is not None
    assert cache.get(keys[1]) is None
    assert cache.get(keys[2]) is not None


def test_source_digest_follows_content_not_name(tmp_path: Path) -> None:
    cache = StillCache(tmp_path / "cache")
    a = make_still(tmp_path / "a.jpg", seed=1)
    b = tmp_path / "b.jpg"
    b.write_bytes(a.read_bytes())
    assert cache.source_digest(a) == cache.source_digest(b)
    make_still(a, seed=2)
    assert cache.source_digest(a) != cache.source_digest(b)


def test_default_folder_honours_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KITPRESS_CACHE_DIR", "/somewhere/kp")
    assert default_folder() == Path("/somewhere/kp")
    monkeypatch.delenv("KITPRESS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert default_folder() == Path("/xdg/kitpress")
