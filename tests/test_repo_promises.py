"""The README's promises: its two set-up commands, CI running the same test command, and a
kit.yaml reference that covers every key the validator accepts."""

from __future__ import annotations

import re

from kitpress.kit import fields

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block, "README has no set-up block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_exactly_two_setup_commands() -> None:
    commands = setup_commands()
    assert len(commands) == 2
    assert "kitpress build" in commands[0]
    assert "pytest" in commands[1]
    assert README.index("```sh") < README.index("## ")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert setup_commands()[1] in ci.splitlines()


def test_readme_documents_every_kit_key() -> None:
    tables = (
        fields.TOP,
        fields.RELEASE,
        fields.CAST,
        fields.FILMMAKER,
        fields.FILM,
        fields.CREDIT,
        fields.FESTIVAL,
        fields.QUOTE,
        fields.CONTACT,
        fields.RIGHTS,
        fields.STILL,
        fields.STILL_PERSON,
        fields.RENDITIONS,
        fields.TITLE_ART,
    )
    missing = [key for table in tables for key in table if f"| `{key}` |" not in README]
    assert missing == []
