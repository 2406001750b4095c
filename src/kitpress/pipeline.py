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
    flush_to_disk,
    output_folder,
    place,
    remove_stale_temporaries,
)
from .document.compose import compose_document, document_warnings, unlisted_stills
from .document.dates import SOURCE_DATE_EPOCH, source_date
from .document.languages import with_translations
from .document.model import KEY_ART, CoverPicture, PortraitEntry, PressDocument, StillEntry
from .errors import BuildError, Issue, KitError, StillError
from .kit.load import load_kit
from .kit.model import Kit
from .kit.translations import check_translations, chosen_languages, in_language
from .layout.load import load_layout
from .layout.model import Layout
from .memory import give_back
from .naming import slugify
from .output_cache import OutputCache
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
from .stills.engine import chosen, version
from .stills.metadata import StillMetadata
from .stills.renditions import Rendition, Target
from .stills.stage import StillJob, run_jobs

DEFAULT_OUTPUT = Path("output")  # each kit's outputs go in a folder of its own under it
LOCK_WAIT = 120.0  # a second build into the same folder waits this long for the first
Progress = Callable[[str, int, int], None]  # (stage, done, total): "stills", 3, 12


@dataclass(frozen=True)
class BuildOptions:
    format: str = "all"  # output names, comma-separated (`pdf,zip`); `all`: both PDFs, the ZIP
    out: Path | None = None  # None: out_root / the film's slug
    out_root: Path = DEFAULT_OUTPUT  # where each kit's own folder is made when out is None
    layout: str = "default"
    strict: bool = False
    progress: Progress | None = None  # told as each long stage goes: stills, each output
    use_cache: bool = True
    cache_dir: Path | None = None  # None: KITPRESS_CACHE_DIR or the user's cache folder
    profile: str = "screen"  # the PDF for `pdf` and the one in the ZIP: screen or print
    max_size: int | None = None  # bytes the screen PDF may take (it is made to fit)
    print: PrintOptions = field(default_factory=PrintOptions)
    lock_wait: float = LOCK_WAIT  # seconds to wait for another build writing in the same folder
    notice: Callable[[str], None] | None = None  # told when the build waits for another
    preview_dpi: float = 60
    engine: str | None = None  # the image engine, "pillow" or "vips"; None: vips where it works
    language: str | None = None  # `--lang`: a declared tag or `all`; None: the kit's own only

    @property
    def formats(self) -> tuple[str, ...]:
        return parse_formats(self.format)

    def for_outputs(self) -> OutputOptions:
        named = {name.strip() for name in self.format.split(",")}  # not checked yet: check does
        printed = replace(self.print, booklet="booklet" in named)
        return OutputOptions(self.profile, self.max_size, self.preview_dpi, printed)


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
    outputs_reused: list[str] = field(default_factory=list)  # outputs taken from the cache
    cache_hits: int = 0  # renditions found in the stills cache
    cache_misses: int = 0  # renditions not found there, made again
    stills_redone: int = 0  # stills decoded again for those
    engine: str = ""  # the image engine that made the stills, with its version

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
    documents: tuple[PressDocument, ...] = ()  # one per language built; the first is `document`

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(d.language for d in self.documents) or (self.document.language,)


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
    language: str | None = None,
) -> Checked:
    """Everything that can be known without writing: the kit and its translations, the
    layout, the stills' headers and credits, and what each output asked for (by default
    everything a kit is sent with) would warn about or refuse, in each language asked for
    (``language``: a tag, ``all``, or None for the kit's own)."""
    options = options or OutputOptions()
    dated = source_date(os.environ.get(SOURCE_DATE_EPOCH))  # read here only, passed on as data
    kit, warnings = load_kit(target)  # strict applies below, once every warning is known
    warnings = warnings + check_translations(kit)
    tags = chosen_languages(kit, language)
    layout = with_kit_renditions(load_layout(layout_name), kit)
    slug = slugify(kit.title)  # every language's files under the kit's own name
    documents = tuple(
        replace(
            compose_document(in_language(kit, tag), layout, source_date=dated, slug=slug),
            file_language=tag if language is not None else "",  # `--lang`: names say which
        )
        for tag in tags
    )
    document = documents[0]
    selected, skipped = registry.selected(parse_formats(formats), options)
    made = registry.with_dependencies(selected, options)
    found: list[Issue] = []
    registered = registry.outputs()
    for each in documents:
        by_outputs: list[Issue] = []
        said = [w for w in document_warnings(each) if w not in found]
        for name in made:
            more = registered[name].warnings(each, options)
            by_outputs += [w for w in more if w not in found and w not in said]
        found += said + _stills_first(by_outputs)
    found += unlisted_stills(document)
    warnings = warnings + skipped + found
    if strict and _serious(warnings):
        raise KitError([w.as_error() for w in _serious(warnings)])
    return Checked(kit, layout, document, warnings, selected, made, documents)


def build(target: Path, options: BuildOptions) -> BuildResult:
    clock = _Clock()
    out_options = options.for_outputs()
    checked = check(
        target, options.layout, options.strict, options.format, out_options, options.language
    )
    out_dir = options.out or options.out_root / checked.document.slug
    engine = chosen(options.engine)
    result = BuildResult(checked.kit, out_dir, warnings=list(checked.warnings))
    result.engine = version(engine)
    result.timings["check"] = clock.lap()
    cache = StillCache((options.cache_dir or default_folder()) if options.use_cache else None)
    try:
        # made, and locked against another build writing there; removed if the build fails
        with output_folder(out_dir, options.lock_wait, options.notice):
            remove_stale_temporaries(out_dir)  # none of them a live build's: we hold the lock
            _make_outputs(checked, options, out_options, cache, result, clock, engine)
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
    engine: str,
) -> None:
    registered = registry.outputs()
    documents = checked.documents or (checked.document,)
    document = _stills_document(documents)
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=result.out_dir) as work_name:
        work = Path(work_name)
        stills = _StillsPass(document, out_options, cache, engine)
        wanted: Requests = {}
        for name in checked.outputs:
            for still, targets in registered[name].requests(document, out_options, work).items():
                wanted.setdefault(still, []).extend(targets)
        progress = options.progress or _silent
        made_before = OutputCache(cache.store, options.use_cache, cache.source_digest)
        languages = checked.languages
        keys: dict[str, str] = {}

        def key_of(name: str, each: PressDocument) -> str:
            """``fr:screen-pdf``: an output made per language by its language; one made once
            for all (the ZIP) by the first."""
            made_for = each if registered[name].per_language else document
            return f"{made_for.language}:{name}"

        for name in checked.outputs:
            output = registered[name]
            for each in documents if output.per_language else documents[:1]:
                carried = (each,) if output.per_language else documents  # the ZIP: every PDF
                needs = {
                    f"{d.language}:{need}": keys[key_of(need, d)]
                    for need in output.builds_on(out_options)
                    for d in carried
                }
                if len(languages) > 1:
                    needs["languages"] = ",".join(languages)  # the site's links to the others
                keys[key_of(name, each)] = made_before.key(
                    output, each, out_options, result.engine, needs
                )
        result.stills = [BuiltStill(e, {}) for e in document.stills]

        def make_stills() -> Renditions:
            renditions, warnings = stills.run(
                wanted, lambda done, total: progress("stills", done, total)
            )
            result.stills = [BuiltStill(e, renditions.get(e.still.id, {})) for e in document.stills]
            made_before.put_notes(keys, warnings)
            _add_still_warnings(result, warnings, options.strict)
            give_back()  # what the image engine's threads freed, before the PDFs are made
            return renditions

        # Every output unchanged: no still is needed, only what their embedding warned about.
        earlier = made_before.notes(keys)
        renditions = make_stills() if earlier is None else None
        if earlier is not None:
            _add_still_warnings(result, earlier, options.strict)
        result.timings["stills"] = clock.lap()

        def render(more: Requests) -> Renditions:
            return stills.run(more)[0]

        contexts = [
            BuildContext(
                each,
                out_options,
                _edition_work(work, each, index),
                renditions or {},
                {},
                render,
                cache.folder,
                languages,
            )
            for index, each in enumerate(documents)
        ]
        contexts[0].editions = contexts[1:]
        for name in checked.outputs:
            output = registered[name]
            progress(output.label, 0, 1)
            for ctx in contexts if output.per_language else contexts[:1]:
                key = keys[key_of(name, ctx.document)]
                several = len(languages) > 1 and output.per_language
                shown = f"{name} ({ctx.document.language})" if several else name
                made = made_before.get(shown, key, ctx.work)
                if made is None:
                    if renditions is None:  # a stored output was damaged: make the stills
                        renditions = make_stills()
                        for each_ctx in contexts:
                            each_ctx.renditions = renditions
                    made = _make(output, ctx)
                    made_before.put(key, made)
                    give_back()  # the PDF readers' and writers' cycles, before the next output
                for other in contexts if not output.per_language else [ctx]:
                    other.made[name] = made
                result.warnings += [w for w in made.warnings if w not in result.warnings]
            progress(output.label, 1, 1)
            result.timings[name] = clock.lap()
        result.cache_hits, result.cache_misses = cache.hits, cache.misses
        result.stills_redone = len(cache.redone)
        result.outputs_reused = made_before.reused
        kept = [
            (name, ctx.made[name])
            for ctx in contexts
            for name in checked.selected
            if registered[name].per_language or ctx is contexts[0]
        ]
        result.pages = next((m.pages for _, m in kept if m.pages), 0)
        # the web page's stills are work files, written without it; the PDFs and ZIP were not
        flush_to_disk(
            [p.path for _, m in kept for p in m.products if p.path and p.role == "site-file"]
        )
        with committed_together():  # renamed into place together: never a new PDF, old ZIP
            for _, made in kept:
                result.written += [_commit(p, result.out_dir) for p in made.products]
        for name in checked.selected:
            _clear_earlier(registered[name].owns(), result.out_dir, result.written)
        result.timings["commit"] = clock.lap()


class _StillsPass:
    """The stills engine over a build's requests: each still decoded once, at the largest size
    any registered output asks of it, so no output's pictures depend on what else is made."""

    def __init__(
        self, document: PressDocument, options: OutputOptions, cache: StillCache, engine: str
    ):
        self.document, self.cache, self.engine = document, cache, engine
        self.decode: dict[str, tuple[int, int]] = {}
        for output in registry.outputs().values():
            for still, sizes in output.picture_sizes(document, options).items():
                self.decode[still] = max([*sizes, self.decode.get(still, (0, 0))], key=max)

    def run(
        self, wanted: Requests, progress: Callable[[int, int], None] | None = None
    ) -> tuple[Renditions, list[Issue]]:
        jobs = [
            self._job(e, wanted[e.still.id]) for e in self.document.stills if wanted.get(e.still.id)
        ]
        cover = self.document.cover
        if cover is not None and cover.key == KEY_ART and wanted.get(KEY_ART):
            jobs.append(self._key_art_job(cover, wanted[KEY_ART]))
        jobs += [
            self._portrait_job(p, wanted[p.key])
            for p in self.document.portraits
            if wanted.get(p.key)
        ]
        done = run_jobs(jobs, self.cache, progress, self.engine)
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

    def _portrait_job(self, portrait: PortraitEntry, targets: list[Target]) -> StillJob:
        """A person's portrait: through the stills' decode, cache and colour conversion."""
        return StillJob(
            portrait.key,
            portrait.source,
            portrait.pixels,
            _unique(targets),
            StillMetadata(caption=""),
            self.document.layout.stills.background,
            self.decode.get(portrait.key),
            portrait.issue,
        )


def _edition_work(work: Path, document: PressDocument, index: int) -> Path:
    """Where one language's outputs are made: the first language's in the work folder, each
    other's in a folder of its own, so two languages' PDFs never share a file name there."""
    if index == 0:
        return work
    folder = work / f"edition-{document.language}"
    folder.mkdir(exist_ok=True)
    return folder


def _stills_document(documents: tuple[PressDocument, ...]) -> PressDocument:
    """The document the stills are made from, once for every language built: the first
    language's, with every other language's captions, titles and rights laid on its stills'
    metadata, so one set of files carries them all."""
    return with_translations(documents[0], documents[1:])


def _add_still_warnings(result: BuildResult, warnings: list[Issue], strict: bool) -> None:
    result.warnings += [w for w in warnings if w not in result.warnings]  # each told once
    if strict and _serious(result.warnings):
        raise StillError([w.as_error() for w in _serious(result.warnings)])


def _silent(stage: str, done: int, total: int) -> None:
    pass


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
