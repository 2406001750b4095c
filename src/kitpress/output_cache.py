"""The outputs' cache: what an output made, stored under a key of everything that went into
it, so a rebuild with nothing changed checks and copies instead of rendering again.

The key of one output is a hash of: its name; the press document (every word, setting and
date in it) and the content of every file it names (kit.yaml, prose, stills, fonts); the
output options and the content of the ICC profile they name or this system's default; the
image engine and its version; the keys of the outputs it builds on (the ZIP carries the
PDF); and the versions of kitpress, of its code as installed and of the libraries that
write PDFs and images. The renditions an output asks for follow from the document and the
options, and their pixels from the stills' content and the engine, so the key is known
before any still is made: when every output of a build is stored, no still is made at all
(what embedding their captions warned about is stored with them). A caption change makes
every output that shows it again, while the stills' pixels come from the stills cache.

Products are stored by content in the shared, checked cache folder (`cache_store.py`) and
streamed out into the build's work folder; a missing or damaged entry is a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import json
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__
from .cache_store import CacheStore, digest_file
from .errors import Issue
from .outputs.base import Made, Output, OutputOptions, Product
from .stills.system_profiles import system_cmyk_profile

FORMAT = 1  # bump when what a key describes, or how a Made is stored, changes
USE = True  # False: every output is made anew (the test suite's faults are met that way)
_LIBRARIES = ("reportlab", "pypdf", "pillow", "pypdfium2", "pyvips")


class OutputCache:
    """Made outputs by key; one that is not ``enabled`` finds and stores nothing."""

    def __init__(self, store: CacheStore, enabled: bool, digest: Callable[[Path], str]) -> None:
        self.store, self.enabled, self.digest = store, enabled and USE, digest
        self.reused: list[str] = []  # the outputs this build took from the cache

    def key(
        self,
        output: Output,
        document: object,
        options: OutputOptions,
        engine: str,
        needs: Mapping[str, str],
    ) -> str:
        """What ``output`` makes depends on: the renditions it asks for follow from the
        document and the options, their pixels from the stills' content and the engine."""
        if not self.enabled:
            return ""  # nothing is looked up or stored: no file is read for a key
        files = {str(p): self.digest(p) for p in sorted(set(_paths((document, options))))}
        profile = system_cmyk_profile()
        described = {
            "format": FORMAT,
            "output": output.name,
            "made_by": _maker(type(output)),
            "code": code_fingerprint(),
            "document": repr(document),
            "options": repr(options),
            "files": files,
            "system_cmyk": self.digest(profile) if profile is not None else None,
            "engine": engine,
            "needs": dict(sorted(needs.items())),
        }
        return _hash(json.dumps(described, sort_keys=True).encode())

    def notes(self, keys: Mapping[str, str]) -> list[Issue] | None:
        """When every output of ``keys`` is stored: what making their stills warned about
        (a caption cut to a field's limit where it was embedded); None when any must be made."""
        if not self.enabled:
            return None
        for key in keys.values():
            record = self._record(key)
            if record is None:
                return None
            if not all(self.store.has("file", p["sha256"]) for p in record["products"]):
                return None
        stored = self.store.read("notes", _combined(keys))
        if stored is None:
            return None
        try:
            return [Issue(**issue) for issue in json.loads(stored)]
        except (ValueError, TypeError):
            return None

    def put_notes(self, keys: Mapping[str, str], warnings: list[Issue]) -> None:
        if self.enabled:
            data = json.dumps([dataclasses.asdict(w) for w in warnings], sort_keys=True)
            self.store.write("notes", _combined(keys), data.encode())

    def _record(self, key: str) -> dict[str, Any] | None:
        stored = self.store.read("made", key)
        try:
            record = json.loads(stored) if stored is not None else None
        except ValueError:
            return None
        return record if isinstance(record, dict) else None

    def get(self, name: str, key: str, work: Path) -> Made | None:
        """What ``name`` made under ``key``, its files copied into ``work``; None if not there."""
        if not self.enabled:
            return None
        record = self._record(key)
        if record is None:
            return None
        try:
            folder = work / "from-cache" / name
            products = []
            for product in record["products"]:
                path = folder / product["name"]
                if not self.store.copy_out("file", product["sha256"], path):
                    return None
                products.append(
                    Product(product["role"], product["name"], None, path, product["label"])
                )
            warnings = tuple(Issue(**issue) for issue in record["warnings"])
            made = Made(tuple(products), int(record["pages"]), warnings)
        except (ValueError, KeyError, TypeError):
            return None
        self.reused.append(name)
        return made

    def put(self, key: str, made: Made) -> None:
        if not self.enabled:
            return
        products = []
        for product in made.products:
            if product.data is not None:
                digest = self.store.put_bytes("file", product.data)
            else:
                assert product.path is not None
                digest = self.store.put_file("file", product.path)
            products.append(
                {
                    "role": product.role,
                    "name": product.name,
                    "label": product.label,
                    "sha256": digest,
                }
            )
        record = {
            "products": products,
            "pages": made.pages,
            "warnings": [dataclasses.asdict(w) for w in made.warnings],
        }
        self.store.write("made", key, json.dumps(record, sort_keys=True).encode())


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _combined(keys: Mapping[str, str]) -> str:
    return _hash(json.dumps(dict(sorted(keys.items()))).encode())


def _maker(kind: type) -> str:
    """The output's class, and where it does not come with kitpress (a plugin's, a test's),
    the content of its module, so an edit to it is a new key."""
    where = Path(inspect.getfile(kind)).resolve()
    inside = where.is_relative_to(Path(__file__).resolve().parent)
    return f"{kind.__module__}.{kind.__qualname__}" + ("" if inside else f" {digest_file(where)}")


def _paths(value: object) -> Iterator[Path]:
    """Every file a value names, however deep in dataclasses and containers."""
    if isinstance(value, Path):
        if value.is_file():
            yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _paths(getattr(value, field.name))
    elif isinstance(value, Mapping):
        for item in value.items():
            yield from _paths(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _paths(item)


@cache
def code_fingerprint() -> dict[str, Any]:
    """kitpress's version and its installed files (name, size, time), and the versions of
    the libraries whose output ends up in the files: a new release or an edit is a new key."""
    package = Path(__file__).resolve().parent
    files = sorted(
        (str(p.relative_to(package)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    versions: dict[str, str | None] = {}
    for library in _LIBRARIES:
        try:
            versions[library] = metadata.version(library)
        except metadata.PackageNotFoundError:
            versions[library] = None
    code = hashlib.sha256(json.dumps(files).encode()).hexdigest()
    return {"kitpress": __version__, "code": code, "libraries": versions}
