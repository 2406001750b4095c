"""Render one PDF per profile from the same plan and pictures: rendered, finished and (for
print) given its PDF/X structure and checked; and the screen PDF made to fit a size budget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kitpress.document.model import PressDocument
from kitpress.errors import BuildError, Issue, KitError

from .pdf_metadata import document_info
from .pdfx import make_pdfx
from .plan import DocumentPlan
from .post import finish_pdf
from .preflight import preflight_print
from .profiles import Profile
from .render.cover import CoverArt
from .render.pdf import render_pdf
from .stand_ins import stand_ins

V4_OUTPUT_INTENT = (
    "an ICC version 4 profile: the print PDF's colours and pictures go through it, but "
    "PDF/X-1a expects a version 2 profile in its output intent; ask the print shop "
    "for a version 2 profile if their preflight objects"
)


def render_document(
    document: PressDocument,
    profile: Profile,
    plan: DocumentPlan,
    images: dict[str, Path],
    cover: CoverArt | None,
    work: Path,
) -> tuple[Path, int]:
    """The finished PDF of ``profile`` (a file in ``work``) and its page count; ``images``:
    each still's picture file for this profile, by still id; ``cover``: the cover's picture.
    The stills go through ReportLab and pypdf as stand-ins (stand_ins.py), their files
    written in only as the finished PDF is."""
    kit = document.kit
    files, pictures = stand_ins(images, work / f"stand-ins-{profile.name}")
    raw = work / f"rendered-{profile.name}.pdf"
    pages = render_pdf(raw, document, profile.layout, plan, files, cover, profile.cmyk)
    finished = work / f"finished-{profile.name}.pdf"
    cmyk = profile.cmyk
    info = document_info(kit, document.dated, document.labels)
    if cmyk is None:
        finish_pdf(
            raw, finished, kit, profile.name, dated=document.dated, info=info, pictures=pictures
        )
    else:
        page = profile.layout.page
        checked = stand_in_pdf(work, profile.name)
        finish_pdf(
            raw,
            finished,
            kit,
            profile.name,
            lambda w: make_pdfx(w, cmyk, page),
            dated=document.dated,
            info=info,
            pictures=pictures,
            stand_in=checked,
        )
        # the same structure, without the pictures' bytes
        _preflight(checked, page.bleed, cmyk.ink_limit)
    return finished, pages


def stand_in_pdf(work: Path, profile: str) -> Path:
    """Where a build writes the finished PDF of ``profile`` with its stills' stand-ins."""
    return work / f"stand-in-{profile}.pdf"


def _preflight(pdf: Path, bleed: float, ink_limit: float) -> None:
    """A print PDF that would not pass a print shop's preflight is a failure of kitpress,
    never handed to a print shop."""
    problems = preflight_print(pdf, bleed, ink_limit)
    if problems:
        raise BuildError(f"the print PDF fails its preflight: {'; '.join(problems)}")


# Screen pictures tried in turn when the PDF is over its size budget: (ppi, JPEG quality).
BUDGET_STEPS = ((200, 85), (170, 82), (150, 80), (130, 76), (110, 72), (96, 68), (80, 62))


def fit_budget(
    document: PressDocument,
    screen: Profile,
    plan: DocumentPlan,
    make_images: Callable[[Profile], tuple[dict[str, Path], CoverArt | None]],
    work: Path,
    budget: int,
    size: int,
) -> tuple[Path, int, Issue]:
    """The screen PDF at the sharpest step that fits ``budget`` bytes, and a note saying
    which; a located error naming the budget and the best size reached when none fits."""
    settings = screen.layout.stills
    tried = size
    for ppi, quality in BUDGET_STEPS:
        if ppi > settings.pdf_ppi or (ppi == settings.pdf_ppi and quality >= settings.pdf_quality):
            continue
        stills = replace(settings, pdf_ppi=ppi, pdf_quality=quality)
        step = replace(screen, layout=replace(screen.layout, stills=stills))
        images, cover = make_images(step)
        pdf, pages = render_document(document, step, plan, images, cover, work)
        tried = pdf.stat().st_size
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
