"""The exceptions Yalu raises for problems a user can fix.

Every user-facing error derives from :class:`YaluError`, so the command line can
print one clear line and carry on with the rest of a batch.
"""

from __future__ import annotations


class YaluError(Exception):
    """Root of every error that should reach the user as one line, not a traceback."""


class InputError(YaluError):
    """A file or record could not be read; names where the problem is."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class ConfigError(YaluError):
    """A setting is missing or invalid."""


class NotFoundError(YaluError):
    """A requested document, claim, place or user does not exist."""


class InsufficientEvidenceError(YaluError):
    """The evidence cannot support what was asked, e.g. an estimate with no presence claim."""


class AccessError(YaluError):
    """An account change, login or action was refused: unknown role, weak password, missing right."""
