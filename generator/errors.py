"""Errors that end a command with a message for the user (never a traceback)."""

from __future__ import annotations

from generator.diagnostics import Diagnostics

EXIT_OK = 0
EXIT_DATA = 1
"""Data, template or output problems: the user can fix them."""
EXIT_USAGE = 2
"""Wrong command-line usage (click's own code)."""


class BaocaoError(Exception):
    """A problem to report in Vietnamese; `exit_code` is what the command returns."""

    exit_code = EXIT_DATA

    def __init__(self, message: str, diagnostics: Diagnostics | None = None):
        super().__init__(message)
        self.message = message
        self.diagnostics = diagnostics or Diagnostics()


class DataError(BaocaoError):
    """The report's YAML has errors; they are in `diagnostics`."""


class TemplateError(BaocaoError):
    """The Word template is missing or broken."""


class OutputError(BaocaoError):
    """The result could not be written."""
