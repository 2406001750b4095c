"""The stages in order: load, check, compose, requests, stills, outputs, commit.

`build()` is the library entry point; the CLI is a thin shell around it. Which outputs a
build makes, what they need and in which order, is the registry's business
(`outputs/registry.py`): nothing here knows a format by name.
"""

from __future__ import annotations

import os
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
    place,
    remove_stale_temporaries,
)
from .document.compose import compose_document, document_warnings, unlisted_stills
from .document.dates import SOURCE_DATE_EPOCH, source_date
from .document.model import KEY_ART, CoverPicture, PressDocument, StillEntry
from .errors import BuildError, Issue, KitError, StillError
from .kit.load import load_kit
from .kit.model import Kit
from .layout.load import load_layout
from .layout.model import Layout
from .outputs import registry
from .outputs.base import (
    BuildContext,
    Made,
    Output,
    OutputOptions,
    PrintOptions,
    Product,
    Renditions,
    Requests,
)
from .stills.cache import StillCache, default_folder
from .stills.metadata import StillMetadata
from .stills.renditions import Rendition, Target
from .stills.stage import StillJob, run_jobs

DEFAULT_OUTPUT = Path("output")  # each kit's outputs go in a folder of its own under it
LOCK_WAIT = 120.0  # a second build into the same folder waits this long for the first
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BuildOptions:
    format: str = "all"  # output names, comma-separated (`pdf,zip`); `all`: both PDFs, the ZIP
    out: Path | None = None  # None: DEFAULT_OUTPUT / the film's slug
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
    preview_dpi: float = 60

    @property
    def formats(self) -> tuple[str, ...]:
        return parse_formats(self.format)

    def for_outputs(self) -> OutputOptions:
        return OutputOptions(self.profile, self.max_size, self.preview_dpi, self.print)


@dataclass(frozen=True)
class BuiltStill:
    entry: StillEntry
    files: dict[str, Rendition]  # rendition kind ("print", "web", "pdf-screen"…) -> file

    def name(self, kind: str) -> str:
        return self.files[kind].path.name


@dataclass
class BuildResult:
    kit: Kit
    out_dir: Path
    written: list[tuple[Product, Path]] = field(default_factory=list)  # kept, where
    pages: int = 0
    stills: list[BuiltStill] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds by stage and output
    cache_hits: int = 0  # renditions found in the stills cache
    cache_misses: int = 0  # renditions not found there, made again
    stills_redone: int = 0  # stills decoded again for those

    def path(self, role: str) -> Path | None:
        """Where the product of ``role`` ("pdf", "print_pdf", "zip", "manifest"…) was written."""
        return next((where for product, where in self.written if product.role == role), None)

    @property
    def pdf(self) -> Path | None:
        return self.path("pdf")

    @property
    def print_pdf(self) -> Path | None:
        return self.path("print_pdf")

    @property
    def zip(self) -> Path | None:
        return self.path("zip")

    @property
    def manifest(self) -> Path | None:
        return self.path("manifest")

    @property
    def imposed(self) -> Path | None:
        return self.path("imposed")


@dataclass(frozen=True)
class Checked:
    kit: Kit
    layout: Layout
    document: PressDocument
    warnings: list[Issue]
    selected: tuple[str, ...] = ()  # the outputs asked for, whose products are kept
    outputs: tuple[str, ...] = ()  # those and what they build on, in the order they are made


def parse_formats(text: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in text.split(","))
    if not all(names):
        message = f"expected output names separated by commas, such as pdf,zip (got '{text}')"
        raise KitError([Issue("--format", None, "", message)])
    return names


def check(
    target: Path,
    layout_name: str = "default",
    strict: bool = False,
    formats: str = "all",
    options: OutputOptions | None = None,
) -> Checked:
    """Everything that can be known without writing: the kit, the layout, the stills' headers
    and credits, and what each output asked for (by default everything a kit is sent with)
    would warn about or refuse."""
    options = options or OutputOptions()
    dated = source_date(os.environ.get(SOURCE_DATE_EPOCH))  # read here only, passed on as data
    kit, warnings = load_kit(target)  # strict applies below, once every warning is known
    layout = with_kit_renditions(load_layout(layout_name), kit)
    document = compose_document(kit, layout, source_date=dated)
    selected, skipped = registry.selected(parse_formats(formats), options)
    made = registry.with_dependencies(selected, options)
    found = document_warnings(document)
    registered = registry.outputs()
    by_outputs: list[Issue] = []
    for name in made:
        by_outputs += [w for w in registered[name].warnings(document, options) if w not in found]
    found += _stills_first(by_outputs) + unlisted_stills(document)
    warnings = warnings + skipped + found
    if strict and _serious(warnings):
        raise KitError([w.as_error() for w in _serious(warnings)])
    return Checked(kit, layout, document, warnings, selected, made)


def build(target: Path, options: BuildOptions) -> BuildResult:
    clock = _Clock()
    out_options = options.for_outputs()
    checked = check(target, options.layout, options.strict, options.format, out_options)
    out_dir = options.out or DEFAULT_OUTPUT / checked.document.slug
    result = BuildResult(checked.kit, out_dir, warnings=list(checked.warnings))
    result.timings["check"] = clock.lap()
    cache = StillCache((options.cache_dir or default_folder()) if options.use_cache else None)
    try:
        # made, and locked against another build writing there; removed if the build fails
        with output_folder(out_dir, options.lock_wait, options.notice):
            remove_stale_temporaries(out_dir)  # none of them a live build's: we hold the lock
            _make_outputs(checked, options, out_options, cache, result, clock)
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
    out_options: OutputOptions,
    cache: StillCache,
    result: BuildResult,
    clock: _Clock,
) -> None:
    document, registered = checked.document, registry.outputs()
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=result.out_dir) as work_name:
        work = Path(work_name)
        stills = _StillsPass(document, out_options, cache)
        wanted: Requests = {}
        for name in checked.outputs:
            for still, targets in registered[name].requests(document, out_options, work).items():
                wanted.setdefault(still, []).extend(targets)
        renditions, warnings = stills.run(wanted, options.progress)
        result.stills = [BuiltStill(e, renditions.get(e.still.id, {})) for e in document.stills]
        result.warnings += [w for w in warnings if w not in result.warnings]  # each told once
        result.timings["stills"] = clock.lap()
        if options.strict and _serious(result.warnings):
            raise StillError([w.as_error() for w in _serious(result.warnings)])

        def render(more: Requests) -> Renditions:
            return stills.run(more)[0]

        ctx = BuildContext(document, out_options, work, renditions, {}, render, cache.folder)
        for name in checked.outputs:
            made = _make(registered[name], ctx)
            ctx.made[name] = made
            result.warnings += made.warnings
            result.timings[name] = clock.lap()
        result.cache_hits, result.cache_misses = cache.hits, cache.misses
        result.stills_redone = len(cache.redone)
        kept = [(name, ctx.made[name]) for name in checked.selected]
        result.pages = next((m.pages for _, m in kept if m.pages), 0)
        with committed_together():  # renamed into place together: never a new PDF, old ZIP
            for _, made in kept:
                result.written += [_commit(p, result.out_dir) for p in made.products]
        for name, _ in kept:
            _clear_earlier(registered[name].owns(), result.out_dir, result.written)
        result.timings["commit"] = clock.lap()


class _StillsPass:
    """The stills engine over a build's requests: each still decoded once, at the largest size
    any registered output asks of it, so no output's pictures depend on what else is made."""

    def __init__(self, document: PressDocument, options: OutputOptions, cache: StillCache):
        self.document, self.cache = document, cache
        self.decode: dict[str, tuple[int, int]] = {}
        for output in registry.outputs().values():
            for still, sizes in output.picture_sizes(document, options).items():
                self.decode[still] = max([*sizes, self.decode.get(still, (0, 0))], key=max)

    def run(
        self, wanted: Requests, progress: Progress | None = None
    ) -> tuple[Renditions, list[Issue]]:
        jobs = [
            self._job(e, wanted[e.still.id]) for e in self.document.stills if wanted.get(e.still.id)
        ]
        cover = self.document.cover
        if cover is not None and cover.key == KEY_ART and wanted.get(KEY_ART):
            jobs.append(self._key_art_job(cover, wanted[KEY_ART]))
        done = run_jobs(jobs, self.cache, progress)
        warnings = [w for result in done.values() for w in result.warnings]
        return {still: result.renditions for still, result in done.items()}, warnings

    def _job(self, entry: StillEntry, targets: list[Target]) -> StillJob:
        return StillJob(
            entry.still.id,
            entry.still.file,
            entry.pixels,
            _unique(targets),
            entry.metadata,
            self.document.layout.stills.background,
            self.decode.get(entry.still.id),
            entry.issue,
        )

    def _key_art_job(self, cover: CoverPicture, targets: list[Target]) -> StillJob:
        """The key art: only the cover's picture, with no caption to embed."""
        return StillJob(
            KEY_ART,
            cover.source,
            cover.pixels,
            _unique(targets),
            StillMetadata(caption=""),
            self.document.layout.stills.background,
            self.decode.get(KEY_ART),
            cover.issue,
        )


def _make(output: Output, ctx: BuildContext) -> Made:
    """``output``'s products; a system's refusal names the file by its place in the output
    folder, not in the work folder (whose name means nothing to the user)."""
    try:
        return output.make(ctx)
    except OSError as exc:
        if exc.filename and Path(exc.filename).is_relative_to(ctx.work):
            inside = Path(exc.filename).relative_to(ctx.work)
            exc.filename = str(ctx.work.parent / inside)
        raise


def _unique(targets: list[Target]) -> tuple[Target, ...]:
    return tuple({t.kind: t for t in targets}.values())  # two outputs may ask the same


def _commit(product: Product, out_dir: Path) -> tuple[Product, Path]:
    target = out_dir / product.name
    if product.path is not None:
        target.parent.mkdir(parents=True, exist_ok=True)  # a product in a folder (the site's)
        place(product.path, target)
    else:
        with atomic_write(target) as handle:
            handle.write(product.read())
    return product, target


def _clear_earlier(
    patterns: tuple[str, ...], out_dir: Path, written: list[tuple[Product, Path]]
) -> None:
    """Remove what an earlier build of an output wrote that this one did not write again."""
    now = {where for _, where in written}
    for pattern in patterns:
        for earlier in out_dir.glob(pattern):
            if earlier.is_file() and earlier not in now:
                earlier.unlink(missing_ok=True)


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


def _stills_first(issues: list[Issue]) -> list[Issue]:
    """Warnings about stills in the order the kit lists them (stable: several about one still
    keep their order), then the rest (the key art)."""
    return sorted(issues, key=lambda i: (not i.path.startswith("stills["), i.line or 0))


def _serious(issues: list[Issue]) -> list[Issue]:
    """What --strict refuses: warnings, not notes."""
    return [i for i in issues if i.severity == "warning"]
