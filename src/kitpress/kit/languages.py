"""The kit's own language and the languages it is translated into, as BCP 47 tags.

`language:` is the language the kit's text is written in (`en`, `en-GB`, `fr`, `pt-BR`); it
decides the words kitpress sets, the dates' form, the quotation marks and the hyphenation.
`translations:` names the other languages the kit's text is translated into. A tag is
written back in its usual case (`en-gb` is `en-GB`, `zh-hant` is `zh-Hant`)."""

from __future__ import annotations

import re

from babel import Locale

from ..reading.checker import Obj

DEFAULT_LANGUAGE = "en"
_TAG = re.compile(r"^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?$", re.IGNORECASE)
EXAMPLE = "e.g. en, en-GB, fr, pt-BR"
_SELF_NAMED = ("en", "fr", "es", "de", "it", "pt")  # the press languages, by their own names


def tag_of_name(name: str) -> str | None:
    """The tag of a language written by its name, in English or (for the languages kitpress
    has words for) in itself: 'French' and 'français' are ``fr``; None for any other text."""
    wanted = name.strip().casefold()
    named = [(code, said) for code, said in Locale("en").languages.items() if "_" not in code]
    named += [(code, Locale(code).languages[code]) for code in _SELF_NAMED]
    return next((code for code, said in named if said.casefold() == wanted), None)


def language_tag(text: str) -> str | None:
    """``text`` as a BCP 47 tag of language, optional script and optional region, in its
    usual case; None when it is not one."""
    match = _TAG.match(text.strip().replace("_", "-"))
    if match is None:
        return None
    language, script, region = match.groups()
    tag = language.lower()
    if script:
        tag += "-" + script.title()
    if region:
        tag += "-" + region.upper()
    return tag


def read_languages(top: Obj) -> tuple[str, tuple[str, ...]]:
    """The kit's language (``en`` when not given) and its translations, each checked."""
    checker = top.checker
    language = DEFAULT_LANGUAGE
    own: str | None = language  # None when `language:` is no tag: no translation is it
    written = top.text("language")
    if written is not None:
        tag = language_tag(written)
        if tag is None:
            message = _not_a_tag(written)
            checker.error(top.line_of("language"), top.sub("language"), message)
            own = None
        else:
            language = own = tag
    translations: list[str] = []
    for i, text in enumerate(top.texts("translations")):
        tag = language_tag(text)
        path = f"{top.sub('translations')}[{i}]"
        if tag is None:
            checker.error(top.line_of("translations"), path, _not_a_tag(text))
        elif tag == own or tag in translations:
            said = "the kit's own language" if tag == own else "named twice"
            checker.error(top.line_of("translations"), path, f"'{tag}' is {said}")
        else:
            translations.append(tag)
    return language, tuple(translations)


def _not_a_tag(written: str) -> str:
    named = tag_of_name(written)
    return f"'{written}' is not a language tag ({f'did you mean {named!r}?' if named else EXAMPLE})"
