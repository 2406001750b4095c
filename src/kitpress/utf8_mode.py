"""kitpress runs in Python's UTF-8 mode, whatever the locale says.

kit.yaml is UTF-8 and names its files in it ('stills/café.jpg'). Under a C or POSIX locale
with the UTF-8 mode turned off (`LC_ALL=C PYTHONUTF8=0`, as some servers and CI images run),
Python would encode file names as ASCII and could open no file whose name is not ASCII. The
command then runs itself again in UTF-8 mode, once, with the same arguments.
"""

from __future__ import annotations

import codecs
import os
import sys

UTF8 = codecs.lookup("utf-8").name


def ensure_utf8_mode() -> None:
    """Run this command again in UTF-8 mode when file names are not UTF-8 here."""
    if codecs.lookup(sys.getfilesystemencoding()).name == UTF8 or not sys.executable:
        return
    if os.environ.get("PYTHONUTF8") == "1":  # asked for, not given: never loop
        return
    environment = dict(os.environ, PYTHONUTF8="1")
    os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], environment)
