"""The registry: every output by name, in the order they are made, and what `--format` means.

Adding an output is a module of its own plus one line in ``_builtin()``; a test or a plugin
may `register` one at run time.
"""

from __future__ import annotations

from ..errors import Issue, KitError
from .base import Output, OutputOptions

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
    """What `--format` takes: each output's name, its aliases, and `all`."""
    return (*ALIASES, *(n for n in outputs() if n not in ALIASES), ALL)


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
