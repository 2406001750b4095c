"""The registry: every output by name, in the order they are made, and what `--format` means.

Adding an output is a module of its own plus one line in ``_builtin()``; a test or a plugin
may `register` one at run time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Issue, KitError
from .names import BUILTIN, LINEUP_BUILTIN

if TYPE_CHECKING:  # the outputs' code (ReportLab, Pillow) is imported when first used
    from .base import Output, OutputOptions

if TYPE_CHECKING:
    from .catalog.output import LineupPdf

_OUTPUTS: dict[str, Output] = {}

ALL = "all"  # every output a kit is usually sent with: both PDFs, the ZIP and the web page


def register(output: Output) -> Output:
    """Add ``output`` (replacing one of the same name) after the built-in ones; the order of
    registration is the order outputs are made in, after what they build on."""
    outputs()
    _OUTPUTS[output.name] = output
    return output


def unregister(name: str) -> None:
    _OUTPUTS.pop(name, None)


def outputs() -> dict[str, Output]:
    if not _OUTPUTS:
        _builtin()
    return dict(_OUTPUTS)


def format_names() -> tuple[str, ...]:
    """What `--format` takes: each output's name, its aliases, and `all`; known without
    importing any output's code, so the command line is checked before anything heavy loads."""
    names = dict.fromkeys((*BUILTIN, *_OUTPUTS))
    kits = (*ALIASES, *(n for n in names if n not in ALIASES))
    return (*kits, *LINEUP_ALIASES, *LINEUP_BUILTIN, ALL)


# Catalogue-level outputs: made once for a whole catalogue build, from every title's press
# document (a `Lineup`), after the kits; `catalog` is the line-up of `--profile`.
LINEUP_ALIASES = {"catalog": "{profile}-catalog"}
LINEUP_EVERYTHING = LINEUP_BUILTIN


def lineup_outputs() -> dict[str, LineupPdf]:
    from .catalog.output import PrintLineup, ScreenLineup

    return {output.name: output for output in (ScreenLineup(), PrintLineup())}


def split_lineup(
    formats: tuple[str, ...], options: OutputOptions, catalogue: bool
) -> tuple[tuple[str, ...], tuple[str, ...], list[Issue]]:
    """The kits' formats and the line-up outputs a list of formats asks for; in a catalogue
    build `all` means the line-up too (its print PDF left out, with a warning, where no CMYK
    profile is at hand)."""
    lineups = lineup_outputs()
    kits: list[str] = []
    asked: list[str] = []
    skipped: list[Issue] = []
    for fmt in formats:
        name = LINEUP_ALIASES.get(fmt, fmt).format(profile=options.profile)
        if name in lineups:
            asked.append(name)
            continue
        kits.append(fmt)
        if fmt == ALL and catalogue:
            for everything in LINEUP_EVERYTHING:
                reason = lineups[everything].unavailable(options)
                if reason is not None:
                    message = f"{lineups[everything].label} not made: {reason}"
                    skipped.append(Issue("--format all", None, "", message, "warning"))
                else:
                    asked.append(everything)
    chosen = tuple(n for n in lineups if n in asked)
    return tuple(dict.fromkeys(kits)), chosen, skipped


# `pdf` is the PDF of `--profile`; the others are outputs' own names.
ALIASES = {"pdf": ("{profile}-pdf",)}
EVERYTHING = ("screen-pdf", "zip", "print-pdf", "html")


def selected(
    formats: tuple[str, ...], options: OutputOptions
) -> tuple[tuple[str, ...], list[Issue]]:
    """The outputs a list of formats asks for, in registry order, with what each builds on
    added (made but not kept); for `all`, an output that cannot be made here is left out with
    a warning. Unknown names are a located error with the names there are."""
    registry = outputs()
    asked: list[str] = []
    skipped: list[Issue] = []
    for fmt in formats:
        if fmt == ALL:
            for name in EVERYTHING:
                reason = registry[name].unavailable(options)
                if reason is not None:
                    message = f"{registry[name].label} not made: {reason}"
                    skipped.append(Issue("--format all", None, "", message, "warning"))
                elif name not in asked:
                    asked.append(name)
        else:
            for name in ALIASES.get(fmt, (fmt,)):
                name = name.format(profile=options.profile)
                if name not in registry:
                    known = ", ".join(format_names())
                    message = f"unknown format '{fmt}' (known: {known})"
                    raise KitError([Issue("--format", None, "", message)])
                if name not in asked:
                    asked.append(name)
    return tuple(n for n in registry if n in asked), skipped


def with_dependencies(names: tuple[str, ...], options: OutputOptions) -> tuple[str, ...]:
    """``names`` and everything they build on, in an order where each comes after its needs."""
    registry = outputs()
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        for need in registry[name].builds_on(options):
            visit(need)
        order.append(name)

    for name in names:
        visit(name)
    return tuple(order)


def _builtin() -> None:
    from .html.output import HtmlSite
    from .pdf.outputs import BookletPdf, PreviewPages, PrintPdf, ScreenPdf, TwoUpPdf
    from .zip.output import ZipBundle

    builtin = (ScreenPdf(), ZipBundle(), PrintPdf(), BookletPdf(), TwoUpPdf(), PreviewPages())
    for output in (*builtin, HtmlSite()):
        _OUTPUTS[output.name] = output
