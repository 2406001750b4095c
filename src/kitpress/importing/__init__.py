"""Import what users already have into a kit.

- `kitpress import PAGE --stills DIR --out KIT`: a distributor's plain-text press page.
  `press_page` splits it into sections, `facts` reads the film's details and credits,
  `caption_parser` reads each caption, `people` turns caption people into a cast list with
  ids (and spots names spelt two ways), `press_notes` reads the interview, production notes,
  biographies and end credits and `notes_plan` puts them into the kit (Markdown files, bios/),
  `assemble` makes the kit data and reports every
  departure from the house style, `page_words` holds the headings, crew roles and detail
  labels of French and Spanish pages (`--language fr|es`), `stills_folder` pairs and
  copies the stills, `kit_writer` writes kit.yaml, and `page_import` runs them and moves
  the checked kit into place.
- `kitpress import-captions CSV KIT`: a caption spreadsheet merged into an existing kit.yaml.
  `captions_csv` reads the rows, `csv_people` reads a `people` cell against the cast,
  `sheet_caption` reads a composed caption and credits line (the ZIP's own sheet) back,
  `yaml_edit` rewrites only the still entries that change, and `captions_import` runs them.
"""
