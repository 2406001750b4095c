"""Every key kit.yaml accepts, with what it means.

The validator uses these tables to spot unknown keys (and suggest the nearest known one);
the README's kit.yaml reference is checked against them by the tests.
"""

from __future__ import annotations

from ..layout.stills_spec import KIT_KEYS

TOP = {
    "language": "The language the kit is written in, as a BCP 47 tag (en, en-GB, fr, es, "
    "de, it, pt-BR): the words kitpress sets, the dates, the quotation marks and the "
    "hyphenation follow it. Default: en.",
    "translations": "The other languages the kit's text is translated into, e.g. [fr, es].",
    "title": "The film's title as marketed (required). Captions set it as the language's press "
    "does: in capitals in English, in italics in French, Spanish, Italian, Portuguese and German.",
    "original_title": "Title in the original language, in any script.",
    "year": "Year of production, e.g. 2021.",
    "countries": "Production countries: one name or a list.",
    "languages": "Original languages: one or a list.",
    "subtitles": "Subtitle languages available: one or a list.",
    "genres": "Genres: one or a list.",
    "runtime": "Running time in whole minutes, e.g. 120.",
    "aspect_ratio": "Aspect ratio as written, e.g. '1.85:1' or '16:9'.",
    "sound": "Sound format, e.g. '5.1' or 'Dolby Atmos'.",
    "colour": "Colour or black and white.",
    "rating": "Rating and its body, e.g. 'R (MPAA)'.",
    "production_companies": "Production companies: one or a list.",
    "release_dates": "Release dates: a list of {territory, window, date}.",
    "logline": "One sentence that sells the film.",
    "synopsis": "Short synopsis (about a quarter page): text, or {file: short.md}.",
    "long_synopsis": "Long synopsis (half a page to a page): text, or {file: long.md}.",
    "directors_statement": "Director's statement: text, or {file: statement.md}.",
    "cast": "Principal cast, in billing order: a list of {id, actor, character, bio, "
    "filmography, photo}.",
    "crew": "Crew by role, in credit order: a mapping of role to a name or a list of names.",
    "festivals": "Festivals and awards: a list of {name, year, section, award, laurel}.",
    "quotes": "Press quotes, best first: a list of {text, source, author, stars, hero}.",
    "contacts": "Contacts: a list of {role, name, company, email, phone, url, address}.",
    "trailer": "Trailer URL (http or https).",
    "key_art": "Poster or key art image file, relative to kit.yaml.",
    "rights": "Kit-wide rights defaults for stills: {copyright, photographer, courtesy, usage}.",
    "copyright_line": "The film's own copyright line, e.g. '© 2021 El Deseo D.A. S.L.U.', "
    "printed on the back cover (on the last page when there is none).",
    "presented_by": "Who presents the film, e.g. 'Sony Pictures Classics': printed on the "
    "cover as 'Presented by …' (unless the distributor's logo stands there), on the back "
    "cover, and the PDF's author; left out when not given.",
    "title_art": "The title treatment (logotype) as an SVG or transparent PNG file: set on the "
    "cover instead of the typeset title, and small on the back cover. Or {file: …, on_dark: …}: "
    "the version for light grounds and the light version for dark ones; each page takes the "
    "one that stands out from its ground.",
    "logos": "Logos, in order: a list of {file, name, role} (distributor, sales, producers, "
    "funders); all on the back cover, and the distributor's and sales company's at the "
    "cover's foot, in the cover's ink.",
    "billing_block": "The billing block printed on the back cover: text, or {file: billing.png} "
    "(SVG or PNG).",
    "website": "The film's web site (http or https), printed on the back cover.",
    "press_materials": "Where the press downloads stills and screeners (http or https): printed "
    "with the contacts and on the back cover.",
    "embargo": "Reviews embargoed until: {until: 2021-09-01T19:00:00+02:00, text: …}; printed on "
    "the cover and with the contacts, and embedded in the stills' usage terms.",
    "cover": "The cover's picture when not the key art: {still: 3, focus: [0.5, 0.3]}, the "
    "still's number and the point a crop to the cover's shape keeps (shares across and down "
    "the picture; focus alone applies to the key art or the still chosen).",
    "stills": "Press stills in order: a list of {file, people, description, alt, rights}.",
    "renditions": "Sizes and JPEG qualities of the ZIP's still files, overriding the layout's.",
    "filmmakers": "The director and key crew, as press notes tell of them: a list of {name, "
    "role, bio, filmography, photo}; the director comes first.",
    "interview": "An interview with the director: text, or {file: interview.md}. A paragraph "
    "in bold, or one starting with 'Q:' or the interviewer's initials ('JD:'), is a question; "
    "'A:' before an answer is dropped.",
    "interviewer": "Who asked the interview's questions: printed as 'Interview by …'.",
    "production_notes": "Production notes: text, or {file: notes.md}; '## …' lines are chapter "
    "headings and '> …' paragraphs pull quotes.",
    "credits": "The full end credits, in order: a list of {role, names}; separate from the "
    "short crew list.",
    "updated": "When the kit last changed, as YYYY-MM-DD: the date its PDFs and ZIP entries "
    "carry; when not given, the newest of the kit's files.",
}

RELEASE = {
    "territory": "Where, e.g. 'US' or 'France'.",
    "window": "Which release: theatrical, home entertainment, streaming…",
    "date": "The date as YYYY-MM-DD.",
}

CAST = {
    "id": "A short id that stills use to name who is in them, e.g. 'janis'.",
    "actor": "The actor's name as credited.",
    "character": "The character's name.",
    "bio": "A biography: text, or {file: bios/name.md}.",
    "filmography": "Selected filmography: a list of {year, title, director, role}, or text, "
    "or {file: …}.",
    "photo": "A portrait, an image file relative to kit.yaml.",
}

FILMMAKER = {
    "name": "The name as credited.",
    "role": "What they did, e.g. 'Director' or 'Producer'; when not given, their role in "
    "crew (required for anyone not in crew).",
    "bio": CAST["bio"],
    "filmography": CAST["filmography"],
    "photo": CAST["photo"],
}

FILM = {
    "year": "Year of the film.",
    "title": "The film's title (required).",
    "director": "Who directed it, when it is not this person.",
    "role": "The person's part: the character they played, or what they did.",
}

CREDIT = {
    "role": "The credit as it reads on screen, e.g. 'Directed by' or 'Director of Photography'.",
    "names": "One name or a list of names.",
}

FESTIVAL = {
    "name": "Festival name.",
    "year": "Edition year.",
    "section": "Section or selection, e.g. 'Official Selection – In Competition'.",
    "award": "Award won, if any (absent means a selection).",
    "laurel": "The festival's own laurel artwork (SVG or transparent PNG), drawn instead of "
    "kitpress's wreath.",
}

QUOTE = {
    "text": "The quote itself; quotation marks typed around it are dropped (the layout adds "
    "its own).",
    "source": "Publication (a quote without one is a warning).",
    "author": "Critic's name.",
    "stars": "The critic's rating in stars, 0 to 5.",
    "hero": "true for the quote that leads, set larger (else the first one leads).",
}

CONTACT = {
    "role": "Whose contact this is, as it should be printed ('World Sales', 'UK Press'); "
    "us_press, international_press, world_sales, distributor, press, sales and other are "
    "printed in their usual form and come first, in that order.",
    "name": "Person.",
    "company": "Agency or company.",
    "email": "E-mail address (printed as a live link).",
    "phone": "Telephone number.",
    "url": "Web site (http or https).",
    "address": "Postal address.",
}

RIGHTS = {
    "copyright": "Copyright holder, printed after ©.",
    "photographer": "Photographer, printed as 'photo by …'.",
    "courtesy": "Who supplies the still, printed as 'Courtesy of …'.",
    "usage": "Usage terms or embargo, embedded in the files (e.g. 'Editorial use only').",
}

STILL = {
    "id": "Optional id; defaults to still-01, still-02… by position.",
    "file": "Image file, relative to kit.yaml.",
    "people": "Who is in the still, left to right: cast ids; {crew: Director} for crew; "
    "{name, role} for anyone else; {cast, in_character: false} for an actor as themselves.",
    "description": "Where or what, e.g. 'at the lock gates': read after the people's names, "
    "before the title; the whole caption when no people are named.",
    "alt": "Alternative text describing the picture for screen readers.",
    "rights": "Overrides of the kit's rights for this still.",
}

STILL_PERSON = {
    "cast": "A cast id.",
    "in_character": "false for an actor as themselves: the caption reads as behind the scenes.",
    "crew": "A crew role, e.g. 'Director': the caption reads as behind the scenes ('Penélope "
    "Cruz and director Pedro Almodóvar on the set of PARALLEL MOTHERS.').",
    "name": "Name of someone outside the cast.",
    "role": "Their role, printed in brackets, e.g. 'director'.",
}

RENDITIONS = KIT_KEYS

PROSE_FILE = {"file": "A Markdown file beside kit.yaml."}

ART_FILE = {"file": "An SVG or PNG file beside kit.yaml."}

TITLE_ART = {
    "file": "The title treatment for light grounds (dark ink), SVG or transparent PNG.",
    "on_dark": "Its light version, for dark grounds (a dark cover band, a dark picture).",
}

LOGO = {
    "file": "The logo as an SVG or transparent PNG file, relative to kit.yaml.",
    "name": "Whose logo it is (its alternative text).",
    "role": "What they are, e.g. distributor, sales, production, funding.",
}

COVER = {
    "still": "The number of the still (1 for the first) the cover shows instead of the key art.",
    "focus": "[across, down]: shares of the picture from 0 to 1 that the cover's crop keeps in "
    "view, e.g. [0.5, 0.3] for faces in the upper middle.",
}

EMBARGO = {
    "until": "The moment the embargo lifts, with its offset: 2021-09-01T19:00:00+02:00.",
    "text": "The line printed, e.g. 'Reviews embargoed until 1 September 2021, 19:00 CEST'.",
}

CONTACT_ROLES = (
    "us_press",
    "international_press",
    "world_sales",
    "distributor",
    "press",
    "sales",
    "other",
)


def known_contact_role(role: str) -> str | None:
    """The known contact role ``role`` names ('World Sales' is world_sales), or None."""
    key = "_".join(role.casefold().replace("-", " ").split())
    return key if key in CONTACT_ROLES else None
