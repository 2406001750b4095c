"""Dates, running times, lists and numbers as the kit's language writes them, through Babel's
CLDR data: "5 avril 2022", "5. April 2022", "1 h 44", "Penélope Cruz et Milena Smit".

A date is CLDR's long form, which carries no weekday ("5 April 2022"; press notes date a
release, they do not announce its weekday). English without a region is written the British
way ("5 April 2022", Babel's ``en_GB``): Babel's plain ``en`` is American, and a kit that
wants "April 5, 2022" says ``language: en-US``. Every date kitpress sets (release dates, the
embargo, the web page's "Updated …", a line-up's date) goes through :func:`long_date`."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, get_decimal_symbol

from .contractions import fill
from .labels import Labels

ENGLISH_WITHOUT_REGION = "en_GB"
MINUTES_IN_HOUR = 60


@functools.cache
def babel_locale(language: str) -> Locale:
    """Babel's locale for a BCP 47 tag: ``en`` is British English, ``pt-BR`` is pt_BR, a
    region Babel does not know falls back to its language, an unknown language to English."""
    tag = language.replace("_", "-")
    if tag.lower() == "en" or not tag:
        return Locale.parse(ENGLISH_WITHOUT_REGION)
    for candidate in (tag, tag.split("-")[0]):
        try:
            return Locale.parse(candidate, sep="-")
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse(ENGLISH_WITHOUT_REGION)


def long_date(day: datetime.date, language: str) -> str:
    """``day`` as ``language`` writes a date in running text, without a weekday."""
    return format_date(day, "long", locale=babel_locale(language))


def running_time(minutes: int, template: str, labels: Labels) -> str:
    """A running time by ``template`` (one of the labels' ``minutes`` forms), which may count
    ``{n}`` minutes or ``{hours}`` and ``{minutes}``; a film under an hour in a form that
    counts hours is written in minutes (``minutes_only``): "45 min", not "0 h 45"."""
    hours, rest = divmod(minutes, MINUTES_IN_HOUR)
    if hours == 0 and "{hours" in template:
        template = labels.minutes_only
    return template.format(n=minutes, hours=hours, minutes=rest)


def names(items: Sequence[str], language: str) -> str:
    """Names joined as ``language`` lists them: "Penélope Cruz et Milena Smit"."""
    return format_list(list(items), locale=babel_locale(language)) if items else ""


def number(value: float, language: str) -> str:
    """A number with ``language``'s digit grouping and decimal mark: 1,234.5 / 1 234,5."""
    return format_decimal(value, locale=babel_locale(language))


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def ratio(written: str, language: str) -> str:
    """An aspect ratio as kit.yaml writes it ('1.85:1') with ``language``'s decimal mark:
    '1,85:1' in French, German, Spanish, Italian and Portuguese; '16:9' as it is."""
    return _DECIMAL_POINT.sub(get_decimal_symbol(babel_locale(language)), written)


def film_by(labels: Labels, directors: Sequence[str]) -> str:
    """ "A film by Pedro Almodóvar": the names joined as the language lists them, its
    preposition contracted with the first name where it says so ("Un film d’Agnès Varda")."""
    return fill(labels.film_by, labels.language, directors=names(directors, labels.language))
