"""A catalogue build: every kit built on the local pool or a Dask cluster, one kit's trouble
never stopping the others; then, when every kit built, the line-up catalogue from their press
documents; and `catalog-report.json` in the output folder saying what happened to each."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import __version__
from ..commit import WORK_PREFIX, atomic_write, committed_together, output_folder
from ..document.lineup import Company, Lineup, Title
from ..errors import Issue, KitError, issue_record
from ..layout.load import load_layout
from ..naming import slugify
from ..outputs import registry
from ..pipeline import BuildOptions, check, parse_formats
from ..stills.cache import StillCache, default_folder
from .engines import Task, local_workers, run_dask, run_local, stills_threads
from .file import CatalogEntry, CatalogFile, load_catalog
from .task import KitJob, KitReport, Written, build_kit, portable, written_file

REPORT_FILE = "catalog-report.json"
Finished = Callable[[KitReport, int, int], None]  # a kit's report, how many done, of how many


@dataclass(frozen=True)
class Batch:
    kits: tuple[CatalogEntry, ...]
    options: BuildOptions  # what every kit is built with (its format may name line-up outputs)
    catalog: CatalogFile | None = None  # the market and company, for the line-up catalogue
    workers: int | None = None  # local processes [default: one per core]
    scheduler: str | None = None  # a Dask scheduler's address: build there instead
    task: Task = build_kit  # what each worker runs on a kit (tests replace it)


@dataclass
class BatchResult:
    reports: list[KitReport]
    out_root: Path
    engine: str  # where the kits were built, as the summary says it
    seconds: float = 0.0
    lineup: list[Written] = field(default_factory=list)
    lineup_labels: dict[str, str] = field(default_factory=dict)  # role -> how the CLI names it
    lineup_pages: int = 0
    warnings: list[Issue] = field(default_factory=list)  # about the catalogue, not one kit
    report_file: Path | None = None

    @property
    def exit_code(self) -> int:
        """1 when any build failed (editing a kit will not fix it), else 2 when any kit had
        bad input, else 0."""
        codes = {r.exit_code for r in self.reports}
        return 1 if 1 in codes else 2 if 2 in codes else 0


def build_batch(batch: Batch, finished: Finished | None = None) -> BatchResult:
    started = time.perf_counter()
    options = batch.options
    out_options = options.for_outputs()
    formats = parse_formats(options.format)
    kit_formats, lineups, skipped = registry.split_lineup(
        formats, out_options, batch.catalog is not None
    )
    if lineups and batch.catalog is None:
        message = "the line-up catalogue is made from a catalogue file: add --catalog catalog.yaml"
        raise KitError([Issue("--format", None, "", message)])
    kit_options = portable(replace(options, format=",".join(kit_formats)))
    engine, reports = _run(batch, kit_options, finished)
    result = BatchResult(reports, options.out_root, engine, warnings=skipped)
    if lineups and batch.catalog is not None:
        _lineup(batch.catalog, batch.kits, lineups, kit_options, result)
    result.seconds = time.perf_counter() - started
    result.report_file = _write_report(result)
    return result


def _run(
    batch: Batch, options: BuildOptions, finished: Finished | None
) -> tuple[str, list[KitReport]]:
    total = len(batch.kits)
    count = 0

    def done(report: KitReport) -> None:
        nonlocal count
        count += 1
        if finished is not None:
            finished(report, count, total)

    if batch.scheduler:
        jobs = [KitJob(entry.kit, options, 0) for entry in batch.kits]  # a worker's own cores
        return f"Dask scheduler {batch.scheduler}", run_dask(
            jobs, batch.scheduler, done, batch.task
        )
    workers = batch.workers or local_workers(total)
    threads = stills_threads(workers)
    jobs = [KitJob(entry.kit, options, threads) for entry in batch.kits]
    noun = "process" if workers == 1 else "processes"
    return f"{workers} local {noun}", run_local(jobs, workers, done, batch.task)


def _lineup(
    catalog: CatalogFile,
    entries: tuple[CatalogEntry, ...],
    names: tuple[str, ...],
    options: BuildOptions,
    result: BatchResult,
) -> None:
    """The line-up catalogue, written beside the kits' folders, when every kit built: a
    catalogue missing a title is not the line-up, and is never handed to a printer."""
    missing = [r for r in result.reports if r.exit_code != 0]
    if missing:
        message = (
            f"line-up catalogue not made: {len(missing)} of {len(result.reports)} kits did not "
            "build; it is made when every title is"
        )
        result.warnings.append(Issue(catalog.source.name, None, "", message, "warning"))
        return
    from ..outputs.catalog.output import LineupContext  # its PDF machinery: only when made

    out_options = options.for_outputs()
    kit_formats = options.format or "screen-pdf"
    titles = tuple(
        Title(check(e.kit, options.layout, False, kit_formats, out_options).document, e.status)
        for e in entries
    )
    company = catalog.company
    lineup = Lineup(
        catalog.market,
        catalog.market_date,
        Company(company.name, company.logo, company.contacts, company.url),
        titles,
        load_layout(options.layout),
        slugify(f"{company.name} {catalog.market}", "catalogue"),
        catalog.source.name,
    )
    cache = StillCache((options.cache_dir or default_folder()) if options.use_cache else None)
    outputs = registry.lineup_outputs()
    out_root = options.out_root
    with (
        output_folder(out_root, options.lock_wait),
        tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=out_root) as work,
    ):
        made = [
            outputs[name].make(LineupContext(lineup, out_options, Path(work), cache))
            for name in names
        ]
        placed: list[tuple[str, Path]] = []
        with committed_together():  # renamed into place together: never a new screen, old print
            for output in made:
                for product in output.products:
                    target = out_root / product.name
                    with atomic_write(target) as handle:
                        handle.write(product.read())
                    placed.append((product.role, target))
                    result.lineup_labels[product.role] = product.label or product.role
                result.lineup_pages = result.lineup_pages or output.pages
        result.lineup = [written_file(role, target) for role, target in placed]
    result.warnings += cache.notes()


def _write_report(result: BatchResult) -> Path:
    """`catalog-report.json` (schemas/catalog-report.schema.json), written atomically."""
    target = result.out_root / REPORT_FILE
    with atomic_write(target) as handle:
        handle.write(json.dumps(report_document(result), indent=2, ensure_ascii=False).encode())
    return target


def report_document(result: BatchResult) -> dict[str, Any]:
    """What happened to every kit, and the line-up catalogue: the file and `--json`."""
    return {
        "kitpress": __version__,
        "ok": result.exit_code == 0,
        "exit_status": result.exit_code,
        "engine": result.engine,
        "seconds": round(result.seconds, 2),
        "kits": [
            {
                "kit": r.kit,
                "title": r.title,
                "result": r.result,
                "exit_status": r.exit_code,
                "pages": r.pages,
                "stills": r.stills,
                "seconds": round(r.seconds, 2),
                "peak_memory_mib": r.peak_memory_mib,
                "output_folder": r.out_dir,
                "outputs": [_written_record(w) for w in r.written],
                "warnings": [issue_record(i) for i in r.warnings],
                "errors": list(r.errors),
                "issues": [issue_record(i) for i in r.issues],
            }
            for r in result.reports
        ],
        "catalogue": {
            "pages": result.lineup_pages,
            "outputs": [_written_record(w) for w in result.lineup],
            "warnings": [issue_record(i) for i in result.warnings],
        },
    }


def _written_record(written: Written) -> dict[str, Any]:
    return {
        "path": written.path,
        "role": written.role,
        "bytes": written.bytes,
        "sha256": written.sha256,
    }


def batch_for(
    kits: tuple[Path, ...],
    catalog_file: Path | None,
    options: BuildOptions,
    *,
    layout_given: bool,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Batch:
    """The batch a command line asks for: the kits named, then the catalogue's; its layout
    and output folder unless the command line gives its own (``options.out`` is then the
    folder every kit's own folder goes in)."""
    catalog = load_catalog(catalog_file) if catalog_file is not None else None
    entries = tuple(CatalogEntry(kit) for kit in kits)
    if catalog is not None:
        entries += catalog.entries
        if not layout_given:
            options = replace(options, layout=catalog.layout)
    root = options.out or (catalog.out if catalog is not None else options.out_root)
    options = replace(options, out=None, out_root=root)
    return Batch(entries, options, catalog, workers, scheduler)
