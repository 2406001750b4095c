"""Run the stages in order: load, validate, plan, stills, render, post, bundle.

`build()` is the library entry point; the CLI is a thin shell around it.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .bundle import (
    Entry,
    caption_sheet_csv,
    caption_sheet_text,
    manifest,
    manifest_bytes,
    write_zip,
)
from .errors import Issue, KitError, StillError
from .glyphs import check_glyphs
from .kit.load import load_kit
from .kit.model import Kit
from .layout.load import load_layout
from .layout.model import Layout
from .naming import slugify
from .output import atomic_write, remove_stale_temporaries
from .plan import DocumentPlan, plan_document
from .post import finish_pdf
from .render.cover_art import make_cover_art
from .render.pdf import render_pdf
from .stills.cache import StillCache, default_folder
from .stills.decode import DecodeProblem, Probe, probe
from .stills.stage import StillOutput, make_stills

FORMATS = ("pdf", "zip", "all")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BuildOptions:
    format: str = "all"
    out: Path | None = None
    layout: str = "default"
    strict: bool = False
    progress: Progress | None = None
    use_cache: bool = True
    cache_dir: Path | None = None  # None: KITPRESS_CACHE_DIR or the user's cache folder


@dataclass
class BuildResult:
    kit: Kit
    out_dir: Path
    pdf: Path | None = None
    zip: Path | None = None
    manifest: Path | None = None
    pages: int = 0
    stills: list[StillOutput] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds by stage
    cache_hits: int = 0
    cache_misses: int = 0


@dataclass(frozen=True)
class Checked:
    kit: Kit
    layout: Layout
    plan: DocumentPlan
    warnings: list[Issue]


def check(target: Path, layout_name: str = "default", strict: bool = False) -> Checked:
    """Everything that can be known without writing: kit, layout, glyphs, stills' headers."""
    kit, warnings = load_kit(target)  # strict applies below, once every warning is known
    layout = with_kit_renditions(load_layout(layout_name), kit)
    check_glyphs(kit, layout)
    plan = plan_document(kit, layout, _probe(kit))
    warnings = warnings + list(plan.notes) + _rights_warnings(kit, plan)
    if strict and _serious(warnings):
        raise KitError([w.as_error() for w in _serious(warnings)])
    return Checked(kit, layout, plan, warnings)


def build(target: Path, options: BuildOptions) -> BuildResult:
    clock = _Clock()
    checked = check(target, options.layout, options.strict)
    kit, layout, plan = checked.kit, checked.layout, checked.plan
    slug = slugify(kit.title)
    out_dir = options.out or Path("output") / slug
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out_dir)
    result = BuildResult(kit, out_dir, warnings=list(checked.warnings))
    result.timings["check"] = clock.lap()
    cache = StillCache((options.cache_dir or default_folder()) if options.use_cache else None)
    with tempfile.TemporaryDirectory(prefix=".kitpress-work-", dir=out_dir) as work_name:
        work = Path(work_name)
        want_zip = options.format in ("zip", "all")
        result.stills = make_stills(
            kit, layout, plan.slots, work, want_zip, cache, options.progress
        )
        result.cache_hits, result.cache_misses = cache.hits, cache.misses
        result.timings["stills"] = clock.lap()
        for still in result.stills:
            result.warnings += still.warnings
        if options.strict and _serious(result.warnings):
            raise StillError([w.as_error() for w in _serious(result.warnings)])
        pdf_bytes, result.pages = _render(kit, layout, plan, result.stills, work)
        result.timings["render"] = clock.lap()
        name = f"{slug}_press-kit"
        if options.format in ("pdf", "all"):
            result.pdf = _write_bytes(out_dir / f"{name}.pdf", pdf_bytes)
        if want_zip:
            result.zip, result.manifest = _bundle(kit, out_dir, name, pdf_bytes, result.stills)
        result.timings["bundle"] = clock.lap()
    cache.prune()
    return result


def with_kit_renditions(layout: Layout, kit: Kit) -> Layout:
    """The layout with the kit's own rendition sizes and qualities, where it gives any."""
    if not kit.renditions:
        return layout
    settings = replace(layout.stills, **dict(kit.renditions))  # type: ignore[arg-type]
    return replace(layout, stills=settings)


class _Clock:
    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self) -> float:
        now = time.perf_counter()
        spent, self.last = now - self.last, now
        return spent


def _render(
    kit: Kit, layout: Layout, plan: DocumentPlan, stills: list[StillOutput], work: Path
) -> tuple[bytes, int]:
    images = {s.slot.still.id: s.pdf_image.read_bytes() for s in stills}
    cover = make_cover_art(kit, layout, plan)
    raw = work / "rendered.pdf"
    pages = render_pdf(raw, kit, layout, plan, images, cover)
    finished = work / "finished.pdf"
    finish_pdf(raw, finished, kit)
    return finished.read_bytes(), pages


def _bundle(
    kit: Kit, out_dir: Path, name: str, pdf: bytes, stills: list[StillOutput]
) -> tuple[Path, Path]:
    entries = [Entry(f"{name}.pdf", pdf)]
    for still in stills:
        for kind, rendition in sorted(still.files.items()):
            entries.append(
                Entry(f"stills-{kind}/{rendition.path.name}", rendition.path.read_bytes())
            )
    entries.append(Entry("captions.csv", caption_sheet_csv(stills)))
    entries.append(Entry("captions.txt", caption_sheet_text(kit.title, stills)))
    listing = manifest(entries)
    entries.append(Entry("manifest.json", manifest_bytes(listing)))
    zip_path = out_dir / f"{name}.zip"
    write_zip(zip_path, name, entries)
    beside = dict(listing)
    beside["zip"] = zip_path.name
    manifest_path = _write_bytes(out_dir / "manifest.json", manifest_bytes(beside))
    return zip_path, manifest_path


def _write_bytes(target: Path, data: bytes) -> Path:
    with atomic_write(target) as handle:
        handle.write(data)
    return target


def _serious(issues: list[Issue]) -> list[Issue]:
    """What --strict refuses: warnings, not notes."""
    return [i for i in issues if i.severity == "warning"]


def _probe(kit: Kit) -> dict[str, Probe]:
    probes: dict[str, Probe] = {}
    problems: list[Issue] = []
    label = kit.source.name
    for still in kit.stills:
        try:
            probes[still.id] = probe(still.file)
        except DecodeProblem as exc:
            where = f"stills[{still.number - 1}].file"
            problems.append(Issue(label, still.line, where, f"{still.file.name}: {exc}"))
    if problems:
        raise StillError(problems)
    return probes


def _rights_warnings(kit: Kit, plan: DocumentPlan) -> list[Issue]:
    warnings = []
    for slot in plan.slots:
        rights = slot.caption.effective_rights
        missing = [
            n
            for n, v in (("photographer", rights.photographer), ("copyright", rights.copyright))
            if not v
        ]
        if missing:
            where = f"stills[{slot.still.number - 1}]"
            message = (
                f"no {' or '.join(missing)} for {slot.still.file.name} (set rights: at kit level)"
            )
            warnings.append(Issue(kit.source.name, slot.still.line, where, message, "warning"))
    return warnings
