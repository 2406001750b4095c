"""-q, -v and --json: how much a command says, and the one JSON document for CI and CMSs."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result
from PIL import Image

from kitpress import __version__
from kitpress.cli import main

KIT_YAML = """\
title: Quiet Film
rights: {photographer: Ana Ruiz}
stills:
  - file: stills/a.jpg
"""
NO_COPYRIGHT = "no copyright for a.jpg (set rights: at kit level)"
SMALL = (
    "a.jpg is 8×6 px, smaller than the 3508 px print rendition; delivered at its own size "
    "(never upsampled), 1 ppi on a full A4 page"
)
LOW_PPI = "a.jpg prints at 1 ppi in the print PDF (300 wanted); a larger source would print sharper"
WARNING_LINES = [
    f"kit.yaml:4: stills[0]: warning: {NO_COPYRIGHT}",
    f"kit.yaml:4: stills[0].file: warning: {SMALL}",
    f"kit.yaml:4: stills[0].file: warning: {LOW_PPI}",
]


def warning(field: str, message: str) -> dict[str, Any]:
    return {
        "file": "kit.yaml",
        "line": 4,
        "column": None,
        "field": field,
        "severity": "warning",
        "message": message,
    }


WARNINGS = [
    warning("stills[0]", NO_COPYRIGHT),
    warning("stills[0].file", SMALL),
    warning("stills[0].file", LOW_PPI),
]


@pytest.fixture
def kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-still kit with three known warnings, in an otherwise empty working folder."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "film"
    (folder / "stills").mkdir(parents=True)
    (folder / "kit.yaml").write_text(KIT_YAML, encoding="utf-8")
    Image.new("RGB", (8, 6), (40, 80, 120)).save(folder / "stills" / "a.jpg", "JPEG")
    return folder


@pytest.fixture
def broken(kit: Path) -> Path:
    (kit / "kit.yaml").write_text(KIT_YAML + "runtime: long\nyear: soon\n", encoding="utf-8")
    return kit


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def schema() -> dict[str, Any]:
    text = (files("kitpress") / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def test_check_json_is_exact_for_a_kit_with_known_warnings(kit: Path) -> None:
    result = run("check", "film", "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout) == {
        "kitpress": __version__,
        "command": "check",
        "ok": True,
        "issues": WARNINGS,
        "stills": 1,
    }


def test_check_json_on_errors_prints_the_document_and_exits_2(broken: Path) -> None:
    result = run("check", "film", "--json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)  # stdout is the document and nothing else
    assert document["ok"] is False
    assert [(i["line"], i["field"], i["severity"]) for i in document["issues"]] == [
        (5, "runtime", "error"),
        (6, "year", "error"),
    ]
    errors = [
        f"error: kit.yaml:{i['line']}: {i['field']}: {i['message']}" for i in document["issues"]
    ]
    assert result.stderr.splitlines() == errors


def test_strict_check_json_lists_the_warnings_as_errors(kit: Path) -> None:
    result = run("check", "film", "--json", "--strict")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["issues"] == [dict(w, severity="error") for w in WARNINGS]


def test_build_json_gives_every_output_with_its_size_and_hash(kit: Path) -> None:
    result = run("build", "film", "--format", "pdf,zip", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["issues"] == WARNINGS[:2]  # no print PDF, so no print resolution warning
    assert (document["pages"], document["stills"]) == (2, 1)
    written = sorted(p for p in Path("output").rglob("*") if p.is_file())
    assert sorted(Path(o["path"]) for o in document["outputs"]) == written
    for output in document["outputs"]:
        data = Path(output["path"]).read_bytes()
        assert output["bytes"] == len(data)
        assert output["sha256"] == hashlib.sha256(data).hexdigest()
    assert {o["role"] for o in document["outputs"]} == {"pdf", "zip", "manifest"}


def test_json_documents_validate_against_the_shipped_schema(kit: Path) -> None:
    documents = [json.loads(run("check", "film", "--json").stdout)]
    documents.append(json.loads(run("build", "film", "--format", "pdf", "--json").stdout))
    (kit / "kit.yaml").write_text("title: [\n", encoding="utf-8")  # a YAML syntax error
    documents.append(json.loads(run("check", "film", "--json").stdout))
    documents.append(json.loads(run("build", "film", "--json").stdout))
    assert documents[2]["issues"][0]["column"] is not None
    validator = jsonschema.Draft202012Validator(schema())
    for document in documents:
        validator.validate(document)
    with pytest.raises(jsonschema.ValidationError):  # the schema does hold something
        validator.validate({**documents[1], "outputs": [{"path": "x", "role": "pdf"}]})


@pytest.mark.parametrize(
    "args",
    [("-q", "check", "film"), ("check", "-q", "film"), ("--quiet", "check", "film")],
)
def test_quiet_prints_nothing_on_success(kit: Path, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", "")


def test_quiet_build_prints_nothing_and_still_writes(kit: Path) -> None:
    result = run("-q", "build", "film", "--format", "pdf")
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", "")
    assert Path("output/quiet-film/quiet-film_press-kit.pdf").is_file()


def test_quiet_still_prints_the_error_line(broken: Path) -> None:
    result = run("-q", "check", "film")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: kit.yaml:5: runtime: expected a whole number from 1 to 6000, e.g. 120 (got 'long')",
        "error: kit.yaml:6: year: expected a whole number from 1870 to 2100, e.g. 2021 "
        "(got 'soon')",
    ]


def test_quiet_hides_warnings_but_strict_still_refuses_them(kit: Path) -> None:
    result = run("-q", "check", "film", "--strict")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: " + line.replace(" warning: ", " ") for line in WARNING_LINES
    ]


def test_warnings_are_printed_without_quiet(kit: Path) -> None:
    result = run("check", "film")
    assert result.stdout == "kit.yaml: OK (1 still)\n"
    assert result.stderr.splitlines() == WARNING_LINES


def test_verbose_build_shows_sizes_timings_and_cache(kit: Path) -> None:
    result = run("build", "film", "--format", "pdf", "-v")
    assert result.exit_code == 0
    pdf = Path("output/quiet-film/quiet-film_press-kit.pdf")
    size = pdf.stat().st_size / 1000
    assert result.stdout.splitlines() == [f"PDF       {pdf}  {size:.1f} KB", "2 pages, 1 still"]
    timings, cache = result.stderr.splitlines()[-2:]
    assert timings.startswith("timings   check ")
    for stage in ("stills", "screen-pdf", "commit", "total"):
        assert f"{stage} " in timings
    # the still's picture and the cover's (cut from the same decode), from the cache or not
    assert cache in ("cache     0 hits, 2 misses", "cache     2 hits, 0 misses")


def test_verbose_on_the_group_works_too(kit: Path) -> None:
    assert "timings   check " in run("-v", "build", "film", "--format", "pdf").stderr


def test_a_command_level_flag_wins_over_the_group(kit: Path) -> None:
    result = run("-v", "check", "-q", "film")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_quiet_and_verbose_together_are_refused(kit: Path) -> None:
    result = run("check", "-q", "-v", "film")
    assert result.exit_code == 2
    assert "-q/--quiet and -v/--verbose cannot be used together" in result.stderr
    assert result.stdout == ""
