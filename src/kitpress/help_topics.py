"""What `kitpress help TOPIC` prints beyond the commands' own help: the kit.yaml reference.

The reference is a Markdown file shipped inside the package, so a pip-installed user has it;
the README's "kit.yaml reference" section is a copy of it (scripts/sync_kit_reference.py
writes it, and a test holds the two equal).
"""

from __future__ import annotations

import difflib
from importlib.resources import files

from .errors import InputError, single

TOPICS = {"kit": "kit-reference.md"}  # topic -> file in kitpress/docs/


def topic_text(topic: str, commands: list[str]) -> str | None:
    """The text of ``topic``; None when it is one of ``commands`` (its help is the command's
    own); a located error naming the nearest topic otherwise."""
    if topic in TOPICS:
        return files("kitpress").joinpath("docs", TOPICS[topic]).read_text(encoding="utf-8")
    if topic in commands:
        return None
    known = [*TOPICS, *commands]
    hint = difflib.get_close_matches(topic, known, n=1, cutoff=0.6)
    tip = f" (did you mean '{hint[0]}'?)" if hint else ""
    listed = ", ".join(sorted(known))
    raise InputError([single("help", f"no help on '{topic}'{tip}; there is help on: {listed}")])
