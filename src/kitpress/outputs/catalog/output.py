"""The line-up catalogue PDFs: a catalogue-level output, made once per catalogue build from
every title's press document (`Lineup`), after the kits themselves are built.

It takes its pictures from the stills engine (each title's cover picture, cropped or whole
as its page shows it, and the company's logo) through the same shared cache as the kits, and
its PDF profile from the press kit's: fonts embedded, PDF/A-1b for the screen, PDF/X-1a with
every colour and picture in the printer's CMYK for print, checked as the print PDF is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from kitpress.document.lineup import Lineup
from kitpress.errors import BuildError, Issue, KitError, Severity
from kitpress.stills.cache import StillCache
from kitpress.stills.cmyk import load_cmyk_profile
from kitpress.stills.metadata import StillMetadata
from kitpress.stills.renditions import Target
from kitpress.stills.stage import StillJob, run_jobs

from ..base import Made, OutputOptions, Product
from ..pdf.pdf_metadata import described
from ..pdf.pdfx import make_pdfx
from ..pdf.post import finish_pdf
from ..pdf.preflight import preflight_print
from ..pdf.profiles import Profile, make_profile
from ..pdf.render.fonts import font_name, register_layout_fonts
from .pages import Box, Pages, Picture, picture_box

LOGO_HEIGHT = 44  # points: the tallest the logo is shown
LOGO = "logo"


@dataclass(frozen=True)
class LineupContext:
    lineup: Lineup
    options: OutputOptions
    work: Path  # written here only; the caller commits the products
    cache: StillCache


class LineupPdf:
    """The line-up catalogue in one profile."""

    name: ClassVar[str]
    label: ClassVar[str]
    profile_name: ClassVar[str]
    suffix: ClassVar[str]
    role: ClassVar[str]

    def unavailable(self, options: OutputOptions) -> str | None:
        return None

    def file_name(self, lineup: Lineup) -> str:
        return f"{lineup.name}{self.suffix}.pdf"

    def make(self, ctx: LineupContext) -> Made:
        lineup = ctx.lineup
        profile = make_profile(self.profile_name, lineup.layout, ctx.options.print)
        pictures, logo = _pictures(ctx, profile)
        layout = profile.layout
        register_layout_fonts(layout)
        raw = ctx.work / f"line-up-{profile.name}.pdf"
        first = next(iter(layout.fonts))  # never ReportLab's Helvetica: PDF/A embeds every font
        canvas = Canvas(
            str(raw),
            pagesize=layout.page.media,
            invariant=1,
            pageCompression=1,
            initialFontName=font_name(first),
            lang="en",
        )
        pages = Pages(canvas, lineup, layout, pictures, logo).draw()
        canvas.save()
        finished = ctx.work / f"line-up-{profile.name}-finished.pdf"
        titles = ", ".join(t.document.kit.title for t in lineup.titles)
        labels = lineup.titles[0].document.labels
        name = labels.line_up_of.format(company=lineup.company.name, market=lineup.market)
        info = described(name, lineup.company.name, titles, f"line-up, {titles}", lineup.dated)
        cmyk = profile.cmyk
        if cmyk is None:
            finish_pdf(raw, finished, None, "screen", dated=lineup.dated, info=info)
        else:
            page = layout.page
            finish_pdf(
                raw,
                finished,
                None,
                "print",
                lambda w: make_pdfx(w, cmyk, page),
                dated=lineup.dated,
                info=info,
            )
            problems = preflight_print(finished, page.bleed)
            if problems:
                raise BuildError(f"the print line-up fails its preflight: {'; '.join(problems)}")
        product = Product(
            self.role, self.file_name(lineup), finished.read_bytes(), label=self.label
        )
        return Made((product,), pages)


class ScreenLineup(LineupPdf):
    name = "screen-catalog"
    label = "catalogue"
    profile_name = "screen"
    suffix = ""
    role = "catalog"


class PrintLineup(LineupPdf):
    name = "print-catalog"
    label = "print catalogue"
    profile_name = "print"
    suffix = "_print"
    role = "print_catalog"

    def unavailable(self, options: OutputOptions) -> str | None:
        if options.print.icc is not None or options.profile == self.profile_name:
            return None
        try:
            load_cmyk_profile(None)
        except KitError as exc:
            return exc.issues[0].message
        return None


def _pictures(ctx: LineupContext, profile: Profile) -> tuple[dict[int, Picture], Picture | None]:
    """Each title's picture for its page (by its place in the line-up) and the logo, made by
    the stills engine for ``profile``: its ppi, quality and CMYK."""
    layout, kind = profile.layout, f"line-up-{profile.name}"
    quality = layout.stills.pdf_quality
    jobs: list[StillJob] = []
    for number, title in enumerate(ctx.lineup.titles):
        cover = title.document.cover
        if cover is None:
            continue
        box, fill = picture_box(cover.pixels, layout)
        target = Target(
            kind,
            None,
            _pixels(box, profile.ppi),
            quality,
            ctx.work / kind / f"{number:03d}-{title.document.slug}.jpg",
            embed=False,
            cmyk=profile.cmyk,
            own_decode=True,
            fill=fill,
        )
        jobs.append(
            StillJob(
                str(number),
                cover.source,
                cover.pixels,
                (target,),
                StillMetadata(caption=""),
                layout.stills.background,
                None,
                cover.issue,
            )
        )
    company = ctx.lineup.company
    if company.logo is not None:
        jobs.append(_logo_job(ctx, profile, kind, quality))
    done = run_jobs(jobs, ctx.cache)
    made = {key: next(iter(result.renditions.values())) for key, result in done.items()}
    pictures = {int(k): Picture(r.path.read_bytes(), r.size) for k, r in made.items() if k != LOGO}
    logo = made.get(LOGO)
    return pictures, (Picture(logo.path.read_bytes(), logo.size) if logo else None)


def _logo_job(ctx: LineupContext, profile: Profile, kind: str, quality: int) -> StillJob:
    logo = ctx.lineup.company.logo
    assert logo is not None
    with Image.open(logo) as image:
        pixels = image.size
    box = Box(0, 0, LOGO_HEIGHT * pixels[0] / pixels[1], LOGO_HEIGHT)

    def located(message: str, severity: Severity) -> Issue:
        return Issue(ctx.lineup.source_label, None, "logo", f"{logo.name}: {message}", severity)

    target = Target(
        kind,
        None,
        _pixels(box, max(profile.ppi, 300)),
        max(quality, 92),
        ctx.work / kind / "logo.jpg",
        embed=False,
        cmyk=profile.cmyk,
        own_decode=True,
    )
    return StillJob(
        LOGO,
        logo,
        pixels,
        (target,),
        StillMetadata(caption=""),
        ctx.lineup.layout.colour("paper"),
        None,
        located,
    )


def _pixels(box: Box, ppi: int) -> tuple[int, int]:
    return max(1, round(box.width / 72 * ppi)), max(1, round(box.height / 72 * ppi))
