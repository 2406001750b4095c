"""Run the stages in order: load, validate, plan, stills, render, post, bundle.

`build()` is the library entry point; the CLI is a thin shell around it.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .commit import (
    WORK_PREFIX,
    atomic_write,
    committed_together,
    describe,
    output_folder,
    remove_stale_temporaries,
)
from .errors import BuildError, Issue, KitError, StillError
from .kit.files import unlisted_note
from .kit.load import load_kit
from .kit.model import Kit
from .layout.load import load_layout
from .layout.model import Layout
from .naming import slugify
from .outputs.pdf.documents import fit_budget, profile_names, profiles_for, render_document
from .outputs.pdf.glyphs import check_caption_glyphs, check_glyphs
from .outputs.pdf.impose import impose_booklet, impose_two_up
from .outputs.pdf.plan import DocumentPlan, plan_document
from .outputs.pdf.profiles import PrintOptions, Profile
from .outputs.pdf.resolution import EVERYTHING, Wanted, resolution_warnings
from .outputs.zip.bundle import (
    Entry,
    caption_sheet_csv,
    caption_sheet_text,
    manifest,
    manifest_bytes,
    write_zip,
)
from .stills.cache import StillCache, default_folder
from .stills.decode import DecodeProblem, Probe, probe
from .stills.stage import StillOutput, make_stills, metadata_issues

FORMATS = ("pdf", "zip", "all", "booklet", "2up")
LOCK_WAIT = 120.0  # a second build into the same folder waits this long for the first
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
    profile: str = "screen"  # the PDF for `pdf` and the one in the ZIP: screen or print
    max_size: int | None = None  # bytes the screen PDF may take (it is made to fit)
    print: PrintOptions = field(default_factory=PrintOptions)
    lock_wait: float = LOCK_WAIT  # seconds to wait for another build writing in the same folder
    notice: Callable[[str], None] | None = None  # told when the build waits for another


@dataclass
class BuildResult:
    kit: Kit
    out_dir: Path
    pdf: Path | None = None
    print_pdf: Path | None = None
    zip: Path | None = None
    imposed: Path | None = None  # the booklet or 2-up PDF (--format booklet|2up)
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


def check(
    target: Path,
    layout_name: str = "default",
    strict: bool = False,
    wanted: Wanted = EVERYTHING,
) -> Checked:
    """Everything that can be known without writing: kit, layout, glyphs, stills' headers, and
    how sharp the pictures will be in what ``wanted`` says is made (by default everything)."""
    kit, warnings = load_kit(target)  # strict applies below, once every warning is known
    layout = with_kit_renditions(load_layout(layout_name), kit)
    check_glyphs(kit, layout)
    probes, key_art_size = _probe(kit)
    plan = plan_document(kit, layout, probes)
    check_caption_glyphs(kit, layout, plan)  # captions found inside stills, the layout's words
    warnings = warnings + _header_warnings(kit, probes) + list(plan.notes)
    warnings += _rights_warnings(kit, plan)
    embedded = metadata_issues(kit, plan.slots)  # too large to embed: an error before the build
    if too_large := [issue for issue in embedded if issue.severity == "error"]:
        raise KitError(too_large)
    warnings += embedded
    warnings += resolution_warnings(kit, layout, plan, key_art_size, wanted)
    unlisted = unlisted_note(kit)
    warnings += [unlisted] if unlisted else []
    if strict and _serious(warnings):
        raise KitError([w.as_error() for w in _serious(warnings)])
    return Checked(kit, layout, plan, warnings)


def build(target: Path, options: BuildOptions) -> BuildResult:
    clock = _Clock()
    made = profile_names(options.format, options.profile)
    wanted = Wanted(options.format in ("zip", "all"), "print" in made, options.print)
    checked = check(target, options.layout, options.strict, wanted)
    kit = checked.kit
    slug = slugify(kit.title)
    out_dir = options.out or Path("output") / slug
    result = BuildResult(kit, out_dir, warnings=list(checked.warnings))
    result.timings["check"] = clock.lap()
    cache = StillCache((options.cache_dir or default_folder()) if options.use_cache else None)
    try:
        # made, and locked against another build writing there; removed if the build fails
        with output_folder(out_dir, options.lock_wait, options.notice):
            remove_stale_temporaries(out_dir)  # none of them a live build's: we hold the lock
            _make_outputs(checked, options, cache, slug, result, clock)
    except OSError as exc:  # a full disk, a folder that cannot be written: no bug of kitpress
        if exc.errno is None:  # Pillow's and others' own errors are no system's refusal
            raise
        raise BuildError(describe(exc, out_dir)) from None
    cache.prune()
    result.warnings += cache.notes()
    return result


def _make_outputs(
    checked: Checked,
    options: BuildOptions,
    cache: StillCache,
    slug: str,
    result: BuildResult,
    clock: _Clock,
) -> None:
    kit, layout, plan, out_dir = checked.kit, checked.layout, checked.plan, result.out_dir
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=out_dir) as work_name:
        work = Path(work_name)
        want_zip = options.format in ("zip", "all")
        profiles, skipped = profiles_for(options.format, options.profile, layout, options.print)
        result.warnings += skipped
        result.stills = make_stills(
            kit, layout, plan.slots, work, want_zip, cache, options.progress, profiles
        )
        result.cache_hits, result.cache_misses = cache.hits, cache.misses
        result.timings["stills"] = clock.lap()
        for still in result.stills:  # check() already gave the IPTC cuts: each told once
            result.warnings += [w for w in still.warnings if w not in result.warnings]
        if options.strict and _serious(result.warnings):
            raise StillError([w.as_error() for w in _serious(result.warnings)])
        pdfs = {p.name: render_document(kit, p, plan, result.stills, work) for p in profiles}
        screen = next((p for p in profiles if p.name == "screen"), None)
        if screen and options.max_size and len(pdfs["screen"][0]) > options.max_size:
            pdfs["screen"] = _fit(kit, layout, plan, screen, work, cache, options, result, pdfs)
        main = options.profile if options.profile in pdfs else next(iter(pdfs))
        pdf_bytes, result.pages = pdfs[main]
        result.timings["render"] = clock.lap()
        name = f"{slug}_press-kit"
        with committed_together():  # renamed into place together: never a new PDF, old ZIP
            if options.format in ("pdf", "all"):
                _write_pdfs(result, pdfs, name)
            if want_zip:
                result.zip, result.manifest = _bundle(kit, out_dir, name, pdf_bytes, result.stills)
            if options.format in ("booklet", "2up"):
                result.imposed = _impose(options.format, pdfs["print"][0], out_dir, name)
        result.timings["bundle"] = clock.lap()


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


def _fit(
    kit: Kit,
    layout: Layout,
    plan: DocumentPlan,
    screen: Profile,
    work: Path,
    cache: StillCache,
    options: BuildOptions,
    result: BuildResult,
    pdfs: dict[str, tuple[bytes, int]],
) -> tuple[bytes, int]:
    """The screen PDF made again with smaller pictures until it fits --max-size."""
    assert options.max_size is not None

    def images(step: Profile) -> list[StillOutput]:
        return make_stills(kit, layout, plan.slots, work, False, cache, None, (step,))

    size = len(pdfs["screen"][0])
    pdf, pages, note = fit_budget(kit, screen, plan, images, work, options.max_size, size)
    result.warnings.append(note)
    return pdf, pages


def _write_pdfs(result: BuildResult, pdfs: dict[str, tuple[bytes, int]], name: str) -> None:
    if "screen" in pdfs:
        result.pdf = _write_bytes(result.out_dir / f"{name}.pdf", pdfs["screen"][0])
    if "print" in pdfs:
        result.print_pdf = _write_bytes(result.out_dir / f"{name}_print.pdf", pdfs["print"][0])


def _bundle(
    kit: Kit, out_dir: Path, name: str, pdf: bytes, stills: list[StillOutput]
) -> tuple[Path, Path]:
    entries = [Entry(f"{name}.pdf", pdf)]
    for still in stills:
        for kind, rendition in sorted(still.files.items()):
            entries.append(Entry(f"stills-{kind}/{rendition.path.name}", path=rendition.path))
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


def _impose(fmt: str, pdf: bytes, out_dir: Path, name: str) -> Path:
    """Write ``<name>_booklet.pdf`` or ``<name>_2up.pdf``: ``pdf`` imposed for office printing.

    For the lead: once the print profile lands, pass the print PDF here (TrimBox + BleedBox);
    impose.py places every page at its TrimBox and clips the bleed away.
    """
    imposed = impose_booklet(pdf) if fmt == "booklet" else impose_two_up(pdf)
    return _write_bytes(out_dir / f"{name}_{fmt}.pdf", imposed)


def _write_bytes(target: Path, data: bytes) -> Path:
    with atomic_write(target) as handle:
        handle.write(data)
    return target


def _serious(issues: list[Issue]) -> list[Issue]:
    """What --strict refuses: warnings, not notes."""
    return [i for i in issues if i.severity == "warning"]


def _probe(kit: Kit) -> tuple[dict[str, Probe], tuple[int, int] | None]:
    """Every still's header, and the key art's upright size."""
    probes: dict[str, Probe] = {}
    key_art_size = None
    problems: list[Issue] = []
    label = kit.source.name
    for still in kit.stills:
        try:
            probes[still.id] = probe(still.file)
        except DecodeProblem as exc:
            where = f"stills[{still.number - 1}].file"
            problems.append(Issue(label, still.line, where, f"{still.file.name}: {exc}"))
    if kit.key_art is not None:
        try:
            key_art_size = probe(kit.key_art).size
        except DecodeProblem as exc:
            line = kit.line_of("key_art")
            problems.append(Issue(label, line, "key_art", f"{kit.key_art.name}: {exc}"))
    if problems:
        raise StillError(problems)
    return probes, key_art_size


def _header_warnings(kit: Kit, probes: dict[str, Probe]) -> list[Issue]:
    """What the stills' headers say is worth knowing: animation, damaged EXIF, huge size."""
    found = []
    for still in kit.stills:
        where = f"stills[{still.number - 1}].file"
        for note in probes[still.id].notes:
            message = f"{still.file.name}: {note}"
            found.append(Issue(kit.source.name, still.line, where, message, "warning"))
    return found


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
