"""A template's words filled in as the language writes them where a preposition of the
template meets an article of the value: French "dans le rôle de {character}" with "Le
Sacristain" is "dans le rôle du Sacristain", with "Ada Veen" "dans le rôle d’Ada Veen";
"sur le tournage de {title}" with "LE MÉPRIS" is "sur le tournage du MÉPRIS"; Italian "nel
ruolo di {character}" with "Il Sacrestano" is "nel ruolo del Sacrestano".

Only that meeting changes: the template's own words and the value's other words stay as
written. Spanish and Portuguese patterns put no preposition before a field that takes an
article ("como {character}"), and Spanish keeps "de El …" before a title, so only French and
Italian contract."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

APOSTROPHE = "\u2019"
# preposition -> article (as written, any case) -> the contracted form
CONTRACTIONS: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "fr": {
        "de": {"le": "du", "les": "des"},
        "à": {"le": "au", "les": "aux"},
    },
    "it": {
        "di": {
            "il": "del",
            "lo": "dello",
            "la": "della",
            "i": "dei",
            "gli": "degli",
            "le": "delle",
        },
        "a": {"il": "al", "lo": "allo", "la": "alla", "i": "ai", "gli": "agli", "le": "alle"},
    },
}
# Fields whose article a language keeps: Italian writes "sul set de La dolce vita" (a title
# whole), French "sur le tournage du Mépris".
KEEPS_ARTICLE: Mapping[str, frozenset[str]] = {"it": frozenset({"title"})}
# French "de" before a vowel is "d’": "d’Ada Veen", "d’Isla"; not before an h, which a name
# may aspirate ("de Hester Vale").
FRENCH_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")
_ELIDED_ARTICLE = re.compile(r"(?i)^l['’]")  # "L’Inspecteur": de l’Inspecteur
_PREPOSITION = re.compile(r"(?:^|(?<=\s))(\w+) $")


def fill(template: str, language: str, **values: object) -> str:
    """``template`` with its fields filled by ``values`` (as `str.format` does), each
    preposition before a field contracted with the value's article in ``language``."""
    return fill_marking(template, language, "", **values)[0]


def fill_marking(
    template: str, language: str, marked: str, **values: object
) -> tuple[str, tuple[int, int] | None]:
    """`fill`, and where the value of the field ``marked`` stands in the text it returns
    (start, end), as contracted: "du MÉPRIS" marks "MÉPRIS"; None where it is not filled."""
    base = language.replace("_", "-").split("-")[0].lower()
    rules = CONTRACTIONS.get(base)
    out = ""
    span: tuple[int, int] | None = None
    for literal, field, spec, conversion in string.Formatter().parse(template):
        out += literal
        if field is None:
            continue
        one = "{" + field + ("!" + conversion if conversion else "") + ":" + (spec or "") + "}"
        value = one.format(**values)
        if rules is not None and field not in KEEPS_ARTICLE.get(base, ()):
            out, value = _contract(out, value, rules, base == "fr")
        if field == marked and span is None:
            span = (len(out), len(out) + len(value))
        out += value
    return out, span


def _contract(
    before: str, value: str, rules: Mapping[str, Mapping[str, str]], french: bool
) -> tuple[str, str]:
    """``before`` (ending in a preposition and a space) and ``value`` (starting with an
    article) as they join."""
    match = _PREPOSITION.search(before)
    if match is None or match.group(1).casefold() not in rules:
        return before, value
    preposition = match.group(1)
    head = before[: match.start(1)]
    article, _, rest = value.partition(" ")
    contracted = rules[preposition.casefold()].get(article.casefold())
    if contracted is not None and rest:
        return head + _like(contracted, preposition) + " ", rest
    if french and _ELIDED_ARTICLE.match(value) and not value.isupper():
        return before, value[0].lower() + value[1:]  # de L’Inspecteur: de l’Inspecteur
    if french and preposition.casefold() == "de" and value[:1] in FRENCH_VOWELS:
        return head + preposition[0] + APOSTROPHE, value
    return before, value


def _like(word: str, model: str) -> str:
    """``word`` in the case of ``model``: the template's preposition decides, not the
    value's article (which a caption may set in capitals)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
