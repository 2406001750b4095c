"""The stills cache: a warm build decodes nothing and gives the same bytes; a caption change
is embedded without touching pixels; a changed source or setting is redone."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

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
    """The sources the image engine (either) decodes: one call of its encoder each."""
    seen: list[Path] = []
    real = renditions.encoder

    def engine(name: str) -> Any:
        encode = real(name)

        def counting(source: Path, *args: Any) -> list[bytes]:
            seen.append(source)
            return encode(source, *args)

        return counting

    monkeypatch.setattr(renditions, "encoder", engine)
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
    covers = 2 if cold.print_pdf else 1  # type: ignore[attr-defined]  # cut from a.jpg's decode
    covers += 2  # the web page's banner, wide and narrow
    entries = 2 * per_still + covers
    assert (cold.cache_hits, cold.cache_misses) == (0, entries)  # type: ignore[attr-defined]
    warm = _build(kit, tmp_path / "warm", cache)
    assert len(decodes) == 2  # nothing decoded the second time
    assert (warm.cache_hits, warm.cache_misses) == (entries, 0)  # type: ignore[attr-defined]
    assert (cold.stills_redone, warm.stills_redone) == (2, 0)  # type: ignore[attr-defined]
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
    misses = (11, 14)  # PDFs' pictures, 3 files a still, covers: the PDFs' and the web page's
    assert result.cache_hits == 0 and result.cache_misses in misses  # type: ignore[attr-defined]
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


def _entries(cache: Path, kind: str) -> list[Path]:
    return sorted(p for p in (cache / kind).glob("*/*") if p.is_file())


def _flip_byte_in_the_middle(entry: Path) -> None:
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0x5A
    entry.write_bytes(bytes(data))


def test_an_entry_damaged_mid_file_is_made_again_not_shipped(kit: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    uncached = _build(kit, tmp_path / "plain", None)
    cold = _build(kit, tmp_path / "cold", cache)
    entries = _entries(cache, "jpeg")
    assert len(entries) == cold.cache_misses  # type: ignore[attr-defined]
    for entry in entries:  # still starts with SOI and ends with EOI: looks whole
        _flip_byte_in_the_middle(entry)
    damaged = _build(kit, tmp_path / "damaged", cache)
    assert (damaged.cache_hits, damaged.cache_misses) == (0, len(entries))  # type: ignore[attr-defined]
    assert damaged.zip.read_bytes() == uncached.zip.read_bytes()  # type: ignore[attr-defined]
    assert damaged.pdf.read_bytes() == uncached.pdf.read_bytes()  # type: ignore[attr-defined]
    warm = _build(kit, tmp_path / "warm", cache)  # the damaged entries were rewritten
    assert (warm.cache_hits, warm.cache_misses) == (len(entries), 0)  # type: ignore[attr-defined]
    assert warm.zip.read_bytes() == uncached.zip.read_bytes()  # type: ignore[attr-defined]


def test_a_damaged_memo_is_read_again_from_the_still(kit: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    uncached = _build(kit, tmp_path / "plain", None)
    _build(kit, tmp_path / "cold", cache)
    memos = _entries(cache, "stat")
    assert len(memos) == 2
    for memo in memos:
        memo.write_bytes(b"\xff\xfe not a digest \x80\x81")
    again = _build(kit, tmp_path / "again", cache)
    assert again.zip.read_bytes() == uncached.zip.read_bytes()  # type: ignore[attr-defined]
    assert again.cache_misses == 0  # type: ignore[attr-defined]  # the renditions still hit


def test_a_still_rewritten_in_place_with_its_old_size_and_time_is_redone(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kit"
    (folder / "stills").mkdir(parents=True)
    (folder / "kit.yaml").write_text(
        "title: In Place\nstills:\n  - {file: stills/a.tif, description: A wall.}\n",
        encoding="utf-8",
    )
    still = folder / "stills" / "a.tif"
    Image.new("RGB", (300, 200), (200, 30, 30)).save(still)
    cache = tmp_path / "cache"
    _build(kit=folder, out=tmp_path / "first", cache=cache)
    before = still.stat()
    with still.open("r+b") as handle:  # same file, same size: only the pixels change
        handle.write(_tiff_bytes((30, 30, 200)))
    os.utime(still, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = still.stat()
    assert (after.st_size, after.st_ino, after.st_mtime_ns) == (
        before.st_size,
        before.st_ino,
        before.st_mtime_ns,
    )
    result = _build(kit=folder, out=tmp_path / "second", cache=cache)
    with zipfile.ZipFile(result.zip) as archive:  # type: ignore[attr-defined]
        name = next(n for n in archive.namelist() if n.endswith("_web.jpg"))
        web = Image.open(io.BytesIO(archive.read(name))).convert("RGB")
    red, _, blue = web.getpixel((150, 100))  # type: ignore[misc]
    assert blue > 150 and red < 80


def _tiff_bytes(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), colour).save(buffer, "TIFF")
    return buffer.getvalue()


def _refuse_cache_io(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    """What a shared cache another user made looks like: its files and folders are theirs."""
    denied = PermissionError(13, "Permission denied")
    real_open, real_mkstemp, real_unlink = Path.open, tempfile.mkstemp, Path.unlink

    def open_file(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.is_relative_to(cache):
            raise denied
        return real_open(self, *args, **kwargs)

    def mkstemp(*args: object, dir: object = None, **kwargs: object) -> tuple[int, str]:
        if dir is not None and Path(str(dir)).is_relative_to(cache):
            raise denied
        return real_mkstemp(*args, dir=dir, **kwargs)  # type: ignore[no-any-return]

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.is_relative_to(cache):
            raise denied
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "open", open_file)
    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr("kitpress.commit.tempfile.mkstemp", mkstemp)


def test_an_unreadable_unwritable_cache_builds_without_it_and_says_so_once(
    kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    uncached = _build(kit, tmp_path / "plain", None)
    _build(kit, tmp_path / "cold", cache)  # someone else filled it
    _refuse_cache_io(monkeypatch, cache)
    result = _build(kit, tmp_path / "shared", cache)
    assert result.zip.read_bytes() == uncached.zip.read_bytes()  # type: ignore[attr-defined]
    notes = [str(w) for w in result.warnings if "cache" in w.message]  # type: ignore[attr-defined]
    assert notes == [
        f"{cache}: note: the kitpress cache cannot be written to (permission denied); built "
        "without storing renditions or outputs in it (set KITPRESS_CACHE_DIR to a folder of "
        "your own, or pass --no-cache)"
    ]
    StillCache(cache).prune(limit=0)  # nothing of theirs can be removed: no error either


def test_key_art_goes_through_the_stills_engine_and_its_cache(
    kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cover's picture is one more rendition: decoded once, cached, never decoded again."""
    text = (kit / "kit.yaml").read_text(encoding="utf-8")
    (kit / "kit.yaml").write_text(text + "key_art: poster.jpg\n", encoding="utf-8")
    make_still(kit / "poster.jpg", (800, 1200), 3)
    cache = tmp_path / "cache"
    decodes = _count_decodes(monkeypatch)
    cold = _build(kit, tmp_path / "cold", cache)
    assert sorted(p.name for p in decodes) == ["a.jpg", "b.jpg", "poster.jpg"]
    warm = _build(kit, tmp_path / "warm", cache)
    assert len(decodes) == 3 and warm.cache_misses == 0  # type: ignore[attr-defined]
    assert warm.pdf.read_bytes() == cold.pdf.read_bytes()  # type: ignore[attr-defined]
    cover = PdfReader(cold.pdf).pages[0].images  # type: ignore[attr-defined]
    assert len(cover) == 1 and cover[0].image.size[1] > cover[0].image.size[0] * 0.3
