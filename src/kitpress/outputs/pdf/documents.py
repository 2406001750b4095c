"""Render one PDF per profile from the same plan and stills: which profiles a format needs, and
each profile's PDF rendered, finished and (for print) given its PDF/X structure and checked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kitpress.errors import BuildError, Issue, KitError
from kitpress.kit.model import Kit
from kitpress.layout.model import Layout
from kitpress.stills.stage import StillOutput

from .pdfx import make_pdfx
from .plan import DocumentPlan
from .post import finish_pdf
from .preflight import preflight_print
from .profiles import PrintOptions, Profile, make_profile
from .render.cover_art import make_cover_art
from .render.pdf import render_pdf


def profiles_for(
    fmt: str, chosen: str, layout: Layout, options: PrintOptions
) -> tuple[tuple[Profile, ...], list[Issue]]:
    """The profiles a format needs. `all` makes both PDFs, but when no CMYK profile is at hand
    (none given and none installed) it makes the screen one with a warning instead of failing."""
    profiles, warnings = [], []
    for name in profile_names(fmt, chosen):
        try:
            profiles.append(make_profile(name, layout, options))
        except KitError as exc:
            if fmt != "all" or chosen == name or options.icc is not None:
                raise
            message = f"print PDF not made: {exc.issues[0].message}"
            warnings.append(Issue("--format all", None, "", message, "warning"))
    cmyk = next((p.cmyk for p in profiles if p.cmyk is not None), None)
    if cmyk is not None and cmyk.version > 2 and options.icc is not None:
        warnings.append(Issue(str(options.icc), None, "", V4_OUTPUT_INTENT, "warning"))
    return tuple(profiles), warnings


def profile_names(fmt: str, chosen: str) -> tuple[str, ...]:
    """The PDFs a format makes: booklet and 2-up are imposed from the print PDF."""
    if fmt in ("booklet", "2up"):
        return ("print",)
    if fmt == "all":
        return ("screen", "print")
    return (chosen,)


V4_OUTPUT_INTENT = (
    "an ICC version 4 profile: the print PDF's colours and pictures go through it, but "
    "PDF/X-1a expects a version 2 profile in its output intent; ask the print shop "
    "for a version 2 profile if their preflight objects"
)


def render_document(
    kit: Kit, profile: Profile, plan: DocumentPlan, stills: list[StillOutput], work: Path
) -> tuple[bytes, int]:
    """The finished PDF of ``profile`` and its page count."""
    images = {s.slot.still.id: s.pdf_images[profile.name].read_bytes() for s in stills}
    cover = make_cover_art(kit, profile.layout, plan, profile.cmyk)
    raw = work / f"rendered-{profile.name}.pdf"
    pages = render_pdf(raw, kit, profile.layout, plan, images, cover)
    finished = work / f"finished-{profile.name}.pdf"
    cmyk = profile.cmyk
    if cmyk is None:
        finish_pdf(raw, finished, kit, profile.name)
    else:
        page = profile.layout.page
        finish_pdf(raw, finished, kit, profile.name, lambda w: make_pdfx(w, cmyk, page))
        _preflight(finished, page.bleed)
    return finished.read_bytes(), pages


def _preflight(pdf: Path, bleed: float) -> None:
    """A print PDF that would not pass a print shop's preflight is a failure of kitpress,
    never handed to a print shop."""
    problems = preflight_print(pdf, bleed)
    if problems:
        raise BuildError(f"the print PDF fails its preflight: {'; '.join(problems)}")


# Screen pictures tried in turn when the PDF is over its size budget: (ppi, JPEG quality).
BUDGET_STEPS = ((200, 85), (170, 82), (150, 80), (130, 76), (110, 72), (96, 68), (80, 62))


def fit_budget(
    kit: Kit,
    screen: Profile,
    plan: DocumentPlan,
    make_images: Callable[[Profile], list[StillOutput]],
    work: Path,
    budget: int,
    size: int,
) -> tuple[bytes, int, Issue]:
    """The screen PDF at the sharpest step that fits ``budget`` bytes, and a note saying
    which; a located error naming the budget and the best size reached when none fits."""
    settings = screen.layout.stills
    tried = size
    for ppi, quality in BUDGET_STEPS:
        if ppi > settings.pdf_ppi or (ppi == settings.pdf_ppi and quality >= settings.pdf_quality):
            continue
        stills = replace(settings, pdf_ppi=ppi, pdf_quality=quality)
        step = replace(screen, layout=replace(screen.layout, stills=stills))
        pdf, pages = render_document(kit, step, plan, make_images(step), work)
        tried = len(pdf)
        if tried <= budget:
            message = (
                f"screen PDF fitted to {_megabytes(budget)}: pictures at {ppi} ppi, "
                f"JPEG quality {quality} ({_megabytes(tried)})"
            )
            return pdf, pages, Issue("--max-size", None, "", message, "note")
    message = (
        f"the screen PDF is {_megabytes(tried)} even with pictures at {BUDGET_STEPS[-1][0]} ppi, "
        f"over the {_megabytes(budget)} budget: use fewer stills or a larger --max-size"
    )
    raise KitError([Issue("--max-size", None, "", message)])


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} KB"
