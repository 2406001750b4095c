"""`kitpress import PAGE --stills DIR --out KIT`: a press page and a folder of stills become
a kit folder that `kitpress build` accepts as is.

Everything is made in a temporary folder first and checked (kit.yaml re-loads with the values
written and passes kitpress's own validation); only then does it move into place. A failed
import leaves nothing behind, and an existing kit is never replaced without ``force``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import ImportProblem, Issue
from ..kit.languages import language_tag, tag_of_name
from ..kit.load import load_kit
from ..naming import printable
from .assemble import KitPlan, plan_kit
from .facts import read_facts
from .kit_writer import kit_text, read_back
from .page_words import PAGE_LANGUAGES, PageWords, page_words
from .press_page import read_page
from .stills_folder import copy_into, list_stills

KIT_FILE = "kit.yaml"


@dataclass(frozen=True)
class ImportOptions:
    stills: Path
    out: Path
    territory: str | None = None
    force: bool = False
    language: str = "en"  # the page's language, a BCP 47 tag: its headings, kit.yaml's language


@dataclass(frozen=True)
class ImportResult:
    kit_file: Path
    stills: int
    cast: int
    warnings: list[Issue]


def import_page(page_path: Path, options: ImportOptions) -> ImportResult:
    tag, words = page_language(options.language)
    page = read_page(page_path, words)
    images = list_stills(options.stills)
    plan = plan_kit(page, read_facts(page), images, options.stills, options.territory)
    if tag != "en":
        plan.data = {"language": tag, **plan.data}
    folder = printable(options.stills.name)  # a name that is not UTF-8, as \\xNN
    header = [
        f"Imported by `kitpress import` from {page.label} (a press page) and",
        f"{folder}/ (its stills). Above each still is its caption as the page had it;",
        "captions are now composed from the cast ids and rights below.",
        "Check the import's warnings, then: kitpress build",
    ]
    footer = []
    if plan.footer:
        footer = ["Not imported from the page (as written there; move what you need above):"]
        footer += plan.footer
    text = kit_text(plan.data, header, footer)
    targets = [KIT_FILE, *plan.files, *(f"stills/{image.name}" for image in images)]
    refuse_overwrite(options.out, targets, images, options.force)
    warnings = plan.warnings + install(options.out, text, plan, images)
    return ImportResult(options.out / KIT_FILE, len(images), plan.cast, warnings)


def page_language(written: str) -> tuple[str, PageWords | None]:
    """The page's language tag as kit.yaml writes it, and the words its headings are in
    (None: English); a tag that is none, or a language whose pages kitpress cannot read, is
    a located error."""
    tag = language_tag(written)
    if tag is None:
        named = tag_of_name(written)
        hint = f"did you mean '{named}'?" if named else "e.g. en, fr, es, fr-CA"
        message = f"'{written}' is not a language tag ({hint})"
        raise ImportProblem([Issue("--language", None, "", message)])
    words = page_words(tag)
    if words is None and tag.split("-")[0] != "en":
        readable = ", ".join(["en", *sorted(PAGE_LANGUAGES)])
        message = f"kitpress reads press pages in {readable}, not '{tag}'"
        raise ImportProblem([Issue("--language", None, "", message)])
    return tag, words


def refuse_overwrite(out: Path, targets: list[str], images: list[Path], force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ImportProblem([Issue(str(out), None, "--out", "exists and is not a folder")])
    if force:
        return
    if (out / KIT_FILE).exists():
        message = "a kit is already there; import with --force to replace it"
        raise ImportProblem([Issue(str(out / KIT_FILE), None, "", message)])
    sources = {f"stills/{image.name}": image for image in images}
    problems = []
    for name in targets[1:]:
        target = out / name
        if target.exists() and not _same_file(target, sources.get(name)):
            message = "already there; import with --force to replace it"
            problems.append(Issue(str(target), None, "", message))
    if problems:
        raise ImportProblem(problems)


def install(out: Path, text: str, plan: KitPlan, images: list[Path]) -> list[Issue]:
    """Make the kit in a temporary folder, check it, then move it into ``out``."""
    parent = out.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(prefix=".kitpress-import-", dir=out if out.is_dir() else parent)
    )
    try:
        (staging / KIT_FILE).write_bytes(text.encode("utf-8"))
        for name, content in plan.files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(content.encode("utf-8"))
        copy_into(images, staging / "stills")
        read_back(staging / KIT_FILE, plan.data)
        _, warnings = load_kit(staging / KIT_FILE)
        _move_into_place(staging, out, images, list(plan.files))
        return warnings
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into_place(staging: Path, out: Path, images: list[Path], files: list[str]) -> None:
    if not out.exists():
        staging.chmod(0o777 & ~_umask())
        staging.rename(out)
        return
    sources = {image.name: image for image in images}
    for still in sorted((staging / "stills").iterdir()):
        target = out / "stills" / still.name
        if not _same_file(target, sources.get(still.name)):
            target.parent.mkdir(exist_ok=True)
            still.replace(target)
    for name in sorted(files):  # the prose files, some in folders of their own (bios/)
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).replace(out / name)
    (staging / KIT_FILE).replace(out / KIT_FILE)


def _same_file(target: Path, source: Path | None) -> bool:
    try:
        return source is not None and target.exists() and target.samefile(source)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
