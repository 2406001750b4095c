"""The words a press page is written in, per language: its headings, its crew roles and the
labels of its film details, as `kitpress import --language` reads them.

A French page is laid out as French distributors do: SYNOPSIS, FICHE TECHNIQUE (the film's
details, and often its crew), LISTE ARTISTIQUE (the cast), LISTE TECHNIQUE (the crew,
'Rôle : noms' a line), NOTE D'INTENTION, ENTRETIEN AVEC …, NOTES DE PRODUCTION,
BIOGRAPHIES; a Spanish page likewise (SINOPSIS, FICHA TÉCNICA, FICHA ARTÍSTICA, …). Crew
roles are kept in the page's language, in the form the credits print them ("Réalisation",
"Image", "Montage"), since that is the language the kit is written in.

Keys are folded as `press_page` folds a line: casefolded, typographic apostrophes as ',
spaces collapsed, a final colon dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

# Section kinds a 'Rôle : noms' list is read in: crew lines, with film details among them.
CREW_LIST = "crew_list"
# Sections a page has that the import does not read yet: kept as comments, said so.
FESTIVALS, CONTACTS = "festivals", "contacts"


@dataclass(frozen=True)
class PageWords:
    language: str  # the BCP 47 tag written into kit.yaml
    prose: Mapping[str, str]  # heading -> prose field
    sections: Mapping[str, str]  # heading -> section kind
    crew: Mapping[str, str]  # crew heading or role -> the role as the kit names it
    details: Mapping[str, str]  # detail label -> kit.yaml key
    # A heading that starts with one of these ("Entretien avec Hester Vale") is that section.
    openings: tuple[tuple[str, str], ...] = ()
    # 'Actor <sep> Character' in the cast list; each a regular expression.
    cast_separators: tuple[str, ...] = field(default_factory=tuple)
    # A heading that starts with one of these is a release date's ("Sortie en salles").
    releases: tuple[str, ...] = ()
    months: tuple[str, ...] = ()  # January to December, as dates on the page spell them


FRENCH = PageWords(
    language="fr",
    prose={
        "synopsis": "synopsis",
        "synopsis court": "synopsis",
        "résumé": "synopsis",
        "synopsis long": "long_synopsis",
        "synopsis détaillé": "long_synopsis",
        "logline": "logline",
        "pitch": "logline",
        "note d'intention": "directors_statement",
        "note d'intention du réalisateur": "directors_statement",
        "note d'intention de la réalisatrice": "directors_statement",
        "note du réalisateur": "directors_statement",
        "note de la réalisatrice": "directors_statement",
        "mot du réalisateur": "directors_statement",
        "mot de la réalisatrice": "directors_statement",
    },
    sections={
        "fiche technique": CREW_LIST,
        "liste technique": CREW_LIST,
        "équipe technique": CREW_LIST,
        "générique": CREW_LIST,
        "liste artistique": "cast",
        "fiche artistique": "cast",
        "interprétation": "cast",
        "avec": "cast",
        "bande-annonce": "trailer",
        "photos": "photos",
        "photographies": "photos",
        "entretien": "interview",
        "notes de production": "production_notes",
        "la production": "production_notes",
        "biographies": "about_cast",
        "les comédiens": "about_cast",
        "les interprètes": "about_cast",
        "devant la caméra": "about_cast",
        "biographies des comédiens": "about_cast",
        "derrière la caméra": "about_filmmakers",
        "l'équipe": "about_filmmakers",
        "biographie du réalisateur": "about_filmmakers",
        "biographie de la réalisatrice": "about_filmmakers",
        "générique complet": "end_credits",
        "générique de fin": "end_credits",
        "festivals": FESTIVALS,
        "festivals et prix": FESTIVALS,
        "sélections": FESTIVALS,
        "contacts": CONTACTS,
        "contacts presse": CONTACTS,
        "contact presse": CONTACTS,
        "relations presse": CONTACTS,
        "presse": CONTACTS,
        "distribution france": CONTACTS,
        "ventes internationales": CONTACTS,
    },
    crew={
        "réalisation": "Réalisation",
        "réalisé par": "Réalisation",
        "un film de": "Réalisation",
        "scénario": "Scénario",
        "scénario et dialogues": "Scénario",
        "scénario de": "Scénario",
        "image": "Image",
        "directeur de la photographie": "Image",
        "directrice de la photographie": "Image",
        "photographie": "Image",
        "montage": "Montage",
        "musique": "Musique originale",
        "musique originale": "Musique originale",
        "décors": "Décors",
        "chef décorateur": "Décors",
        "cheffe décoratrice": "Décors",
        "costumes": "Costumes",
        "son": "Son",
        "casting": "Casting",
        "production": "Production",
        "produit par": "Production",
        "producteurs": "Production",
        "productrices": "Production",
        "coproduction": "Coproduction",
    },
    details={
        "titre original": "original_title",
        "durée": "runtime",
        "pays": "countries",
        "pays de production": "countries",
        "nationalité": "countries",
        "langue": "languages",
        "langues": "languages",
        "langue originale": "languages",
        "version originale": "languages",
        "sous-titres": "subtitles",
        "genre": "genres",
        "année": "year",
        "année de production": "year",
        "format": "aspect_ratio",
        "format image": "aspect_ratio",
        "format de projection": "aspect_ratio",
        "son": "sound",
        "format son": "sound",
        "couleur": "colour",
        "société de production": "production_companies",
        "sociétés de production": "production_companies",
        "bande-annonce": "trailer",
        "copyright": "copyright_line",
    },
    openings=(
        ("entretien avec ", "interview"),
        ("conversation avec ", "interview"),
        ("biographie de ", "about_filmmakers"),
        ("note d'intention de ", "directors_statement"),
    ),
    cast_separators=(r"\.\.\.+", "…", "–", "—", ":", r"dans le rôle de", r"\t+", r"\s{2,}"),
    releases=("sortie", "date de sortie"),
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
)

SPANISH = PageWords(
    language="es",
    prose={
        "sinopsis": "synopsis",
        "sinopsis corta": "synopsis",
        "sinopsis larga": "long_synopsis",
        "logline": "logline",
        "nota del director": "directors_statement",
        "nota de la directora": "directors_statement",
        "nota de intenciones": "directors_statement",
        "declaración del director": "directors_statement",
        "declaración de la directora": "directors_statement",
    },
    sections={
        "ficha técnica": CREW_LIST,
        "equipo técnico": CREW_LIST,
        "ficha artística": "cast",
        "reparto": "cast",
        "tráiler": "trailer",
        "fotos": "photos",
        "fotografías": "photos",
        "entrevista": "interview",
        "notas de producción": "production_notes",
        "biografías": "about_cast",
        "el reparto": "about_cast",
        "biografía del director": "about_filmmakers",
        "biografía de la directora": "about_filmmakers",
        "créditos completos": "end_credits",
        "festivales": FESTIVALS,
        "festivales y premios": FESTIVALS,
        "contacto": CONTACTS,
        "contactos": CONTACTS,
        "contacto de prensa": CONTACTS,
        "prensa": CONTACTS,
        "ventas internacionales": CONTACTS,
    },
    crew={
        "dirección": "Dirección",
        "dirigida por": "Dirección",
        "director": "Dirección",
        "directora": "Dirección",
        "guion": "Guion",
        "guión": "Guion",
        "fotografía": "Dirección de fotografía",
        "dirección de fotografía": "Dirección de fotografía",
        "montaje": "Montaje",
        "música": "Música",
        "música original": "Música",
        "dirección de arte": "Dirección de arte",
        "vestuario": "Vestuario",
        "sonido": "Sonido",
        "casting": "Casting",
        "producción": "Producción",
        "producida por": "Producción",
        "productores": "Producción",
    },
    details={
        "título original": "original_title",
        "duración": "runtime",
        "país": "countries",
        "países": "countries",
        "nacionalidad": "countries",
        "idioma": "languages",
        "idiomas": "languages",
        "idioma original": "languages",
        "versión original": "languages",
        "subtítulos": "subtitles",
        "género": "genres",
        "año": "year",
        "año de producción": "year",
        "formato": "aspect_ratio",
        "formato de imagen": "aspect_ratio",
        "sonido": "sound",
        "color": "colour",
        "productora": "production_companies",
        "productoras": "production_companies",
        "tráiler": "trailer",
        "copyright": "copyright_line",
    },
    openings=(
        ("entrevista con ", "interview"),
        ("conversación con ", "interview"),
        ("biografía de ", "about_filmmakers"),
    ),
    cast_separators=(r"\.\.\.+", "…", "–", "—", ":", r"\bcomo\b", r"\t+", r"\s{2,}"),
    releases=("estreno", "fecha de estreno"),
    months=(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
)

PAGE_LANGUAGES = {"fr": FRENCH, "es": SPANISH}  # English is `press_page`'s own words


def page_words(tag: str) -> PageWords | None:
    """The words of pages in ``tag`` (its language: ``fr-CA`` reads as ``fr``, the kit says
    ``fr-CA``); None for English and for a language the import does not read."""
    words = PAGE_LANGUAGES.get(tag.split("-")[0].lower())
    if words is None:
        return None
    return replace(words, language=tag)
