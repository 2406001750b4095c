"""A layout's `labels:` section: its own words for any the kit's language would set, by the
catalogue's keys (a section's, a technical detail's, a contact role's or a word's)::

    labels:
      synopsis: Story
      film_by: A {directors} picture

An unknown key is a located error naming the nearest known one; a template may fill only
the fields the English one does."""

from __future__ import annotations

from types import MappingProxyType

from ..reading.checker import Checker, Obj
from ..reading.marked_yaml import Scalar, Sequence
from .label_catalogue import Word, allowed_fields, english_word, label_keys, template_fields


def read_labels(top: Obj, checker: Checker) -> MappingProxyType[str, Word]:
    value = top.get("labels")
    if value is None:
        return MappingProxyType({})
    keys = label_keys()
    obj = checker.obj(value, "labels", dict.fromkeys(keys, ""))
    if obj is None:
        return MappingProxyType({})
    found: dict[str, Word] = {}
    for key in obj.node.order:
        if key not in keys:
            continue  # reported by the checker, with the nearest known key
        word = _word(obj, key, checker)
        if word is not None:
            found[key] = word
    return MappingProxyType(found)


def _word(obj: Obj, key: str, checker: Checker) -> Word | None:
    node, line, path = obj.node.entries[key], obj.line_of(key), obj.sub(key)
    english = english_word(key)
    if isinstance(english, tuple):
        items = node.items if isinstance(node, Sequence) else ()
        texts = tuple(i.text for i in items if isinstance(i, Scalar))
        if len(texts) != len(english) or len(texts) != len(items):
            checker.error(
                line, path, f"expected a list of {len(english)} texts, as {list(english)}"
            )
            return None
        return texts
    if not isinstance(node, Scalar) or node.is_null:
        checker.error(line, path, f"expected a text, such as '{english}'")
        return None
    allowed = allowed_fields(label_keys()[key], key)
    used = template_fields(node.text)
    if not used <= allowed:
        fields = ", ".join("{" + a + "}" for a in sorted(allowed)) or "no fields"
        checker.error(line, path, f"may use only {fields} (as in '{english}')")
        return None
    return node.text
