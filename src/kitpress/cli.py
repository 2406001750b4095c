"""The `kitpress` command: parse options, call one library function, report, exit.

Exit status: 0 success, 2 bad input (kit, layout, stills), 1 a failure of the build itself.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from . import __version__
from .errors import KitpressError
from .naming import printable
from .option_values import length_option, size_option
from .outputs import registry
from .outputs.names import PROFILES
from .report import Report, report_for, set_verbosity
from .stills.engine import ENGINES
from .utf8_mode import ensure_utf8_mode

# Each command imports what it runs when it runs: `kitpress --version` and `--help` load
# no pipeline, ReportLab, Pillow or pypdf (tests/test_fast_start.py holds it).

F = TypeVar("F", bound=Callable[..., Any])
EXAMPLE_KIT = Path("assets") / "parallel-mothers"


def reports_errors(command: F) -> F:
    """Give ``command`` -q/-v and its Report; turn kitpress errors into their lines on
    stderr (and the JSON document with --json) and the right exit status."""

    @wraps(command)
    def wrapper(*args: Any, quiet: bool, verbose: bool, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        set_verbosity(ctx, quiet, verbose)
        report = report_for(ctx)
        try:
            return command(*args, report=report, **kwargs)
        except KitpressError as exc:
            report.failed(exc)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted; previous outputs are untouched", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug in kitpress: say so in one line, never a traceback
            what = printable(f"{type(exc).__name__}: {exc}")
            report.failed(None, f"kitpress failed unexpectedly ({what}); please report it")
            sys.exit(1)

    return _verbosity_options(wrapper)  # type: ignore[return-value]


QUIET_OPT = click.option(
    "-q", "--quiet", is_flag=True, help="Print nothing on success (errors still go to stderr)."
)
VERBOSE_OPT = click.option(
    "-v", "--verbose", is_flag=True, help="Say more: each stage's time, cache use, file sizes."
)


def _verbosity_options(command: F) -> F:
    return QUIET_OPT(VERBOSE_OPT(command))


JSON_OPT = click.option(
    "--json",
    "json_output",
    is_flag=True,
    help="Print one JSON document on stdout (every issue; for build, the files written).",
)


def resolve_kit(kit: Path | None, report: Report) -> Path:
    """No KIT: ./kit.yaml, or from the repository root, the example kit."""
    if kit is not None:
        return kit
    if Path("kit.yaml").exists() or not (EXAMPLE_KIT / "kit.yaml").exists():
        return Path("kit.yaml")
    report.notice(f"no kit.yaml here; building the example kit in {EXAMPLE_KIT}/")
    return EXAMPLE_KIT


KIT_ARG = click.argument("kit", required=False, type=click.Path(path_type=Path))
LAYOUT_OPT = click.option(
    "--layout",
    default="default",
    show_default=True,
    help="Layout name (see `kitpress layouts`) or a layout folder.",
)
STRICT_OPT = click.option("--strict", is_flag=True, help="Treat warnings as errors.")
LANG_OPT = click.option(
    "--lang",
    "language",
    metavar="TAG|all",
    help="The language to build, one of the kit's (its `language` or a `translations` tag "
    "with a kit.<tag>.yaml), its files named <film>_press-kit_<tag>; all: every one, one ZIP "
    "for all, a site per language [default: the kit's own, names unchanged].",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kitpress")
@_verbosity_options
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """kitpress: film press kits from one folder.

    A kit is a folder with kit.yaml, optional Markdown prose and a folder of stills.
    kitpress turns it into a designed PDF press kit and a ZIP of captioned, credited stills.

    \b
    Examples:
      kitpress init my-film            # start a new kit
      kitpress check my-film           # every problem at once, nothing written
      kitpress build my-film           # PDF + ZIP in output/<film>/
      kitpress -q build my-film        # the same, silent unless something is wrong
    """
    ensure_utf8_mode()
    set_verbosity(ctx, quiet, verbose)


@main.command("build")
@click.argument("kits", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    callback=lambda ctx, param, value: _formats(value),
    default="all",
    show_default=True,
    help="What to make, comma-separated: pdf (the --profile PDF), zip (stills, captions and "
    "the PDF), all (both PDFs and the ZIP), booklet / 2up (the print PDF imposed two pages to "
    "a sheet side for an office printer: A4 on A3, Letter on Tabloid), screen-pdf, print-pdf.",
)
@click.option(
    "--profile",
    type=click.Choice(PROFILES),
    default="screen",
    show_default=True,
    help="screen: small, sRGB, live links, for e-mail. print: trim + bleed, 300 ppi, CMYK, "
    "for a print shop. The ZIP carries this profile's PDF.",
)
@click.option("--marks/--no-marks", default=False, help="Crop marks outside the bleed (print).")
@click.option(
    "--slug/--no-slug",
    default=None,
    help="A slug line outside the bleed (print): title, date, page, CMYK profile "
    "[default: the layout's print: {slug: ...}, off].",
)
@click.option(
    "--icc",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The printer's CMYK ICC profile [default: the system's Ghostscript CMYK profile].",
)
@click.option(
    "--bleed",
    callback=length_option,
    help="Bleed with its unit, e.g. 5mm [default: 3mm; 0.125in on US paper sizes].",
)
@click.option(
    "--ink-limit",
    type=click.IntRange(200, 400),
    help="Total ink in percent the print PDF's colours may lay down, e.g. 260 for uncoated "
    "paper [default: the layout's ink_limit, 300].",
)
@click.option(
    "--max-size",
    callback=size_option,
    help="Largest the screen PDF may be, e.g. 10MB: its pictures are made smaller to fit.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder [default: output/<film-slug>/].",
)
@LAYOUT_OPT
@STRICT_OPT
@LANG_OPT
@click.option(
    "--no-cache",
    is_flag=True,
    help="Redo every still instead of reusing unchanged renditions from the cache.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    help="The image engine for the stills: vips (libvips, the kitpress[fast] extra; several "
    "times faster) or pillow [default: vips where it is installed, else pillow].",
)
@JSON_OPT
@click.option(
    "--watch",
    "watching",
    is_flag=True,
    help="Build, then build again whenever the kit or the layout changes, one line each time; "
    "an edit that breaks the kit keeps the last good outputs. Ctrl-C stops.",
)
@click.option(
    "--catalog",
    "catalog_file",
    type=click.Path(path_type=Path),
    help="A catalog.yaml: its kits built together, and the line-up catalogue PDF of them.",
)
@click.option(
    "--scheduler",
    envvar="KITPRESS_SCHEDULER",
    help="Build the kits on the Dask cluster of this scheduler, e.g. tcp://10.0.0.5:8786 "
    "[env KITPRESS_SCHEDULER; default: this machine's cores].",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    help="Kits built at once on this machine [default: one per core].",
)
@reports_errors
def build_command(
    report: Report,
    kits: tuple[Path, ...],
    fmt: str,
    out: Path | None,
    layout: str,
    strict: bool,
    no_cache: bool,
    json_output: bool,
    watching: bool,
    catalog_file: Path | None,
    scheduler: str | None,
    workers: int | None,
    engine: str | None,
    language: str | None,
    **print_options: Any,
) -> None:
    """Build the press kit PDF and/or ZIP from KIT (a folder or a kit.yaml).

    \b
    Examples:
      kitpress build                          # ./kit.yaml (or the example kit)
      kitpress build my-film --format pdf
      kitpress build my-film --format booklet  # fold, staple, hand out
      kitpress build my-film --format pdf --profile print --marks --icc printer.icc
      kitpress build my-film/kit.yaml --layout default --out dist/
      kitpress build my-film --json > built.json   # the files written, sizes, hashes
      kitpress build my-film --format pdf --watch   # rebuilt on every save
      kitpress build film-a film-b film-c --out dist/  # each in dist/<film>/, in parallel
      kitpress build --catalog cannes.yaml     # every kit and the line-up catalogue PDF
      kitpress build my-film --lang all        # a PDF and a site per language, one ZIP
    """
    from .outputs.base import PrintOptions
    from .pipeline import BuildOptions, build
    from .watch import Report as WatchReport
    from .watch import watch

    profile = print_options.pop("profile")
    max_size = print_options.pop("max_size")
    options = BuildOptions(
        format=fmt,
        out=out,
        layout=layout,
        strict=strict,
        progress=report.progress(),
        use_cache=not no_cache,
        profile=profile,
        max_size=max_size,
        print=PrintOptions(**print_options),
        notice=report.notice,
        engine=engine,
        language=language,
    )
    if catalog_file is not None or len(kits) > 1 or scheduler:
        if watching:
            raise click.UsageError("--watch follows one kit; build a catalogue without it")
        from .catalog.batch import batch_for, build_batch  # only a catalogue build needs it

        given = click.get_current_context().get_parameter_source("layout")
        batch = batch_for(
            kits,
            catalog_file,
            replace(options, progress=None),
            layout_given=given is not ParameterSource.DEFAULT,
            workers=workers,
            scheduler=scheduler,
        )
        bar = sys.stderr.isatty()
        result = build_batch(
            batch, lambda kit, done, total: report.kit_finished(kit, done, total, bar)
        )
        report.batch_built(result)
        sys.exit(result.exit_code)
    kit = kits[0] if kits else None
    if watching:
        tell = WatchReport(report.built, report.warnings, report.failed, report.say)
        watch(resolve_kit(kit, report), options, tell)
        return
    report.built(build(resolve_kit(kit, report), options))


def _formats(value: str) -> str:
    """``value`` when every comma-separated name is an output's (or `all`, `pdf`)."""
    known = registry.format_names()
    names = [part.strip() for part in value.split(",")]
    if not all(names):
        raise click.BadParameter(f"'{value}' has an empty name between commas; write e.g. pdf,zip")
    wrong = [name for name in names if name not in known]
    if wrong:
        shown = ", ".join(repr(n) for n in wrong)
        raise click.BadParameter(f"{shown}: choose from {', '.join(known)} (e.g. pdf,zip)")
    return value


@main.command("preview")
@KIT_ARG
@LAYOUT_OPT
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder [default: output/<film-slug>/]; pictures go in its preview/ folder.",
)
@click.option("--dpi", type=click.IntRange(20, 300), default=60, show_default=True)
@reports_errors
def preview_command(
    report: Report, kit: Path | None, layout: str, out: Path | None, dpi: int
) -> None:
    """Render every page of KIT's PDF to PNG, plus a contact sheet of all pages.

    Only the preview/ folder is written: the outputs of `kitpress build` stay as they are.

    \b
    Examples:
      kitpress preview my-film
      kitpress preview my-film --layout classic --dpi 100
    """
    from .pipeline import BuildOptions, build

    options = BuildOptions(format="preview", out=out, layout=layout, preview_dpi=dpi)
    result = build(resolve_kit(kit, report), options)
    report.warnings(result.warnings)
    sheet = result.path("sheet")
    assert sheet is not None
    pages = len([p for p, _ in result.written if p.role == "page"])
    report.say(f"pages     {pages} PNG files in {printable(sheet.parent)}")
    report.say(f"sheet     {printable(sheet)}")


@main.command("check")
@KIT_ARG
@LAYOUT_OPT
@STRICT_OPT
@LANG_OPT
@JSON_OPT
@reports_errors
def check_command(
    report: Report,
    kit: Path | None,
    layout: str,
    strict: bool,
    language: str | None,
    json_output: bool,
) -> None:
    """Check KIT and report every problem at once; writes nothing.

    \b
    Example:
      kitpress check my-film
      kitpress check my-film --json   # every issue as one JSON document, for CI or a CMS
      kitpress check my-film --lang all   # its translations too, in every language
    """
    from .pipeline import check

    report.checked(check(resolve_kit(kit, report), layout, strict, language=language))


@main.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@reports_errors
def init_command(report: Report, folder: Path) -> None:
    """Create FOLDER with a commented kit.yaml skeleton to fill in.

    \b
    Example:
      kitpress init my-film && $EDITOR my-film/kit.yaml
    """
    from .scaffold import write_skeleton

    written = write_skeleton(folder)
    stills = printable(folder / "stills")
    report.say(f"wrote {printable(written)}; fill it in, add stills to {stills}/, then:")
    report.say(f"  kitpress check {printable(folder)}")


@main.command("import")
@click.argument("page", type=click.Path(path_type=Path))
@click.option(
    "--stills",
    "stills_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder of stills, paired with the page's captions in file-name order.",
)
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Kit folder to write.")
@click.option("--territory", help="Where the page's release dates apply, e.g. US.")
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="The page's language (en, fr, es, or a tag such as fr-CA): the headings it is"
    " read by, and the kit's language.",
)
@click.option("--force", is_flag=True, help="Replace a kit already in the --out folder.")
@reports_errors
def import_command(
    report: Report,
    page: Path,
    stills_dir: Path,
    out: Path,
    territory: str | None,
    language: str,
    force: bool,
) -> None:
    """Make a kit from PAGE, a press page in plain text, and a folder of stills.

    \b
    Example:
      kitpress import press-page.txt --stills photos/ --out my-film --territory US
      kitpress import dossier-de-presse.txt --language fr --stills photos/ --out mon-film
    """
    from .importing.page_import import ImportOptions, import_page

    options = ImportOptions(stills_dir, out, territory, force, language)
    result = import_page(page, options)
    report.warnings(result.warnings)
    kit_file = printable(result.kit_file)
    report.say(f"wrote {kit_file} ({result.stills} stills, {result.cast} cast); then:")
    report.say(f"  kitpress check {printable(out)}")


@main.command("import-captions")
@click.argument("captions", type=click.Path(path_type=Path))
@click.argument("kit", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace values the kit already has.")
@reports_errors
def import_captions_command(report: Report, captions: Path, kit: Path, force: bool) -> None:
    """Merge CAPTIONS, a spreadsheet (CSV) with one row per still, into KIT's kit.yaml.

    \b
    Example:
      kitpress import-captions captions.csv my-film
    """
    from .importing.captions_import import import_captions

    result = import_captions(captions, kit, force)
    report.warnings(result.warnings)
    if not result.changed:
        report.say(f"{printable(result.kit_file)}: already says all of it; nothing changed")
        return
    changed = ", ".join(result.changed)
    report.say(f"updated {printable(result.kit_file)}: {len(result.changed)} stills ({changed})")


@main.command("layouts")
@reports_errors
def layouts_command(report: Report) -> None:
    """List the layouts kitpress can use.

    \b
    Example:
      kitpress layouts
    """
    from .layout.discover import available
    from .layout.load import load_layout

    for name, folder in available().items():
        description = load_layout(str(folder)).description
        click.echo(f"{name:18} {description}")  # the list asked for, even with -q
        report.detail(f"{'':18} {printable(folder)}")


@main.command("help")
@click.argument("topic", required=False)
@click.pass_context
@reports_errors
def help_command(ctx: click.Context, report: Report, topic: str | None) -> None:
    """Help on TOPIC: `kit` for the kit.yaml reference (every key and what it means), or a
    command's name for its options.

    \b
    Examples:
      kitpress help kit                # the kit.yaml reference
      kitpress help build              # the same as kitpress build --help
    """
    from .help_topics import topic_text

    parent = ctx.parent or ctx
    if topic is None:
        click.echo(main.get_help(parent))
        return
    text = topic_text(topic, sorted(main.commands))
    if text is not None:
        click.echo(text, nl=False)
        return
    command = main.commands[topic]
    with click.Context(command, info_name=topic, parent=parent) as sub:
        click.echo(command.get_help(sub))
