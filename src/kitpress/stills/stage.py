"""The stills stage: every still's renditions, made in parallel, with its caption embedded."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..errors import Issue, StillError
from ..kit.model import Kit
from ..layout.model import Layout
from ..naming import slugify
from ..outputs.pdf.arrange import image_pixels
from ..outputs.pdf.plan import StillSlot
from ..outputs.pdf.profiles import PRINT_PPI, Profile
from .cache import StillCache
from .decode import DecodeProblem
from .metadata import StillMetadata, record_fit
from .renditions import Rendition, Target, fit, make_renditions

KINDS = ("print", "web", "thumb")


@dataclass(frozen=True)
class StillOutput:
    slot: StillSlot
    pdf_images: dict[str, Path]  # profile name ("screen", "print") -> the PDF's image
    files: dict[str, Rendition]  # "print" / "web" / "thumb" -> rendition
    warnings: tuple[Issue, ...]

    def name(self, kind: str) -> str:
        return self.files[kind].path.name


def still_metadata(slot: StillSlot, kit: Kit) -> StillMetadata:
    rights = slot.caption.effective_rights
    return StillMetadata(
        caption=slot.caption.full,
        title=f"{kit.title} – still {slot.still.number:02d}",
        photographer=rights.photographer or "",
        credit=rights.courtesy or "",
        copyright=f"© {rights.copyright}" if rights.copyright else "",
        source=rights.courtesy or "",
        people=slot.caption.people,
        alt_text=slot.still.alt or "",
        usage_terms=rights.usage or "",
    )


def make_stills(
    kit: Kit,
    layout: Layout,
    slots: tuple[StillSlot, ...],
    work: Path,
    with_files: bool,
    cache: StillCache,
    progress: Callable[[int, int], None] | None = None,
    profiles: tuple[Profile, ...] = (),
) -> list[StillOutput]:
    """Renditions for every slot, with a PDF image for each profile (the layout's own when
    none is given); a still that cannot be decoded is a located error."""
    film = slugify(kit.title)
    profiles = profiles or (Profile("screen", layout),)
    jobs = [(slot, _targets(film, slot, layout, work, with_files, profiles)) for slot in slots]
    workers = min(len(jobs), os.cpu_count() or 1) or 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_one, kit, layout, slot, t, cache) for slot, t in jobs]
        for done, _ in enumerate(as_completed(futures), 1):
            if progress:
                progress(done, len(futures))
    results = [future.result() for future in futures]
    problems = [r for r in results if isinstance(r, Issue)]
    if problems:
        raise StillError(problems)
    return [r for r in results if isinstance(r, StillOutput)]


def metadata_issues(kit: Kit, slots: tuple[StillSlot, ...]) -> list[Issue]:
    """What each still's embedded caption and credits run into, known before any still is
    made: an IPTC value cut to its dataset's limit (a warning: XMP keeps it whole), or a
    record too large for its JPEG segment (an error naming the still)."""
    found: list[Issue] = []
    for slot in slots:
        fit = record_fit(still_metadata(slot, kit))
        name, line = slot.still.file.name, slot.still.line
        where = f"stills[{slot.still.number - 1}]"
        if fit.too_large is not None:
            found.append(Issue(kit.source.name, line, where, f"{name}: {fit.too_large}"))
        else:
            found += [_named(kit, slot, note) for note in fit.cut]
    return found


def _named(kit: Kit, slot: StillSlot, note: str) -> Issue:
    where = f"stills[{slot.still.number - 1}].file"
    message = f"{slot.still.file.name}: {note}"
    return Issue(kit.source.name, slot.still.line, where, message, "warning")


def _targets(
    film: str,
    slot: StillSlot,
    layout: Layout,
    work: Path,
    files: bool,
    profiles: tuple[Profile, ...],
) -> list[Target]:
    settings = layout.stills
    stem = f"{film}_{slugify(slot.still.id, 'still')}"
    pdf = [
        Target(
            f"pdf-{p.name}",
            None,
            image_pixels(slot.box, slot.source_pixels, p.ppi),
            p.layout.stills.pdf_quality,
            work / f"pdf-{p.name}" / f"{stem}.jpg",
            embed=False,
            cmyk=p.cmyk,
            own_decode=True,  # the same PDF whether the ZIP is made too or not
        )
        for p in profiles
    ]
    if not files:
        return pdf
    sized = (
        ("print", settings.print_long_edge, settings.print_quality, settings.print_ppi),
        ("web", settings.web_long_edge, settings.web_quality, settings.web_ppi),
        ("thumb", settings.thumb_long_edge, settings.thumb_quality, settings.thumb_ppi),
    )
    return pdf + [
        Target(kind, edge, None, quality, work / kind / f"{stem}_{kind}.jpg", ppi=ppi)
        for kind, edge, quality, ppi in sized
    ]


def decode_size(slot: StillSlot, layout: Layout) -> tuple[int, int]:
    """The pixels the largest rendition of this still needs in any build (either PDF, the
    ZIP's print file): its one decode is sized by it whatever this build makes, so each PDF's
    pictures are the same bytes for every --format."""
    settings = layout.stills
    ppis = (settings.pdf_ppi, max(PRINT_PPI, settings.pdf_ppi))
    sizes = [image_pixels(slot.box, slot.source_pixels, ppi) for ppi in ppis]
    for edge in (settings.print_long_edge, settings.web_long_edge, settings.thumb_long_edge):
        sizes.append(fit(slot.source_pixels, Target("size", edge, None, 0, Path())))
    return max(sizes, key=max)


def _one(
    kit: Kit, layout: Layout, slot: StillSlot, targets: list[Target], cache: StillCache
) -> StillOutput | Issue:
    where = f"stills[{slot.still.number - 1}].file"
    label = kit.source.name
    meta = still_metadata(slot, kit)
    if any(t.embed for t in targets) and not record_fit(meta).fits:
        return next(i for i in metadata_issues(kit, (slot,)) if i.severity == "error")
    try:
        made, notes = make_renditions(
            slot.still.file,
            slot.source_pixels,
            targets,
            meta,
            layout.stills.background,
            cache,
            decode_size(slot, layout),
        )
    except DecodeProblem as exc:
        return Issue(label, slot.still.line, where, f"{slot.still.file.name}: {exc}")
    warnings = [_named(kit, slot, note) for note in notes]
    by_kind = {r.kind: r for r in made}  # how sharp each will be: resolution.py, at check
    images = {r.kind.removeprefix("pdf-"): r.path for r in made if r.kind.startswith("pdf-")}
    files = {k: by_kind[k] for k in KINDS if k in by_kind}
    return StillOutput(slot, images, files, tuple(warnings))
