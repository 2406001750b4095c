"""The image engine: decode, colour, renditions, embedded metadata, cache. It knows nothing of
kits, layouts, documents or pages: it takes rendition requests and makes files."""
