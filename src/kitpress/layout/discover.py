"""Where layouts live: the working folder's `layouts/`, the layouts shipped with kitpress,
and the built-in default. A layout is a folder holding `layout.yaml`."""

from __future__ import annotations

from pathlib import Path

from ..errors import Issue, LayoutError

LAYOUT_FILE = "layout.yaml"
_PACKAGE = Path(__file__).resolve().parent.parent


def search_path(cwd: Path | None = None) -> list[Path]:
    """Folders searched for layouts, first match wins."""
    here = (cwd or Path.cwd()) / "layouts"
    shipped = _PACKAGE / "_layouts"  # installed wheel
    checkout = _PACKAGE.parent.parent / "layouts"  # running from a source checkout
    builtin = _PACKAGE / "layout" / "builtin"
    found: list[Path] = []
    for folder in (here, shipped, checkout, builtin):
        if folder.is_dir() and folder.resolve() not in found:
            found.append(folder.resolve())
    return found


def available(cwd: Path | None = None) -> dict[str, Path]:
    """Every layout name with its folder, first match on the search path winning."""
    names: dict[str, Path] = {}
    for folder in search_path(cwd):
        for candidate in sorted(folder.iterdir()):
            if (candidate / LAYOUT_FILE).is_file():
                names.setdefault(candidate.name, candidate)
    return names


def find(name: str, cwd: Path | None = None) -> Path:
    """The folder of layout ``name`` (a name, or a path to a layout folder)."""
    as_path = Path(name)
    if (as_path / LAYOUT_FILE).is_file():
        return as_path.resolve()
    known = available(cwd)
    if name in known:
        return known[name]
    listing = ", ".join(sorted(known)) or "none"
    message = f"no layout named '{name}' (available: {listing})"
    raise LayoutError([Issue("--layout", None, "", message)])
