"""kitpress: film press kits from one folder."""

__version__ = "0.1.0"
