"""Layouts: discovery, `extends`, units, validation and the typed model."""
