"""The schema of ``analysis/data/sources.yaml``: grading scales, outlets, source patterns.

Checking the file against a schema when it is loaded means an analyst's edit that
breaks a pattern or skips a grade fails at once, naming the file.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from yalu.analysis.datafiles import load_data_file

Reliability = Literal["A", "B", "C", "D", "E", "F"]
Credibility = Literal[1, 2, 3, 4, 5, 6]
RELIABILITY_LEVELS: tuple[str, ...] = Reliability.__args__  # type: ignore[attr-defined]
CREDIBILITY_LEVELS: tuple[int, ...] = Credibility.__args__  # type: ignore[attr-defined]


class ScaleLevel(BaseModel):
    label: str
    weight: float = Field(gt=0, le=1)


class Outlet(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    reliability: Reliability
    note: str | None = None

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class DescriptionKind(BaseModel):
    kind: str
    label: str
    credibility: Credibility
    patterns: list[str] = Field(min_length=1)


class SourceCatalog(BaseModel):
    reliability: dict[Reliability, ScaleLevel]
    credibility: dict[Credibility, ScaleLevel]
    unknown_outlet: Reliability
    unattributed: Credibility
    outlets: list[Outlet]
    placeholders: dict[str, str]
    descriptions: list[DescriptionKind]
    citations: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete_and_compilable(self) -> SourceCatalog:
        if set(self.reliability) != set(RELIABILITY_LEVELS):
            raise ValueError(f"reliability must define exactly {', '.join(RELIABILITY_LEVELS)}")
        if set(self.credibility) != set(CREDIBILITY_LEVELS):
            raise ValueError("credibility must define exactly 1 to 6")
        seen: set[str] = set()
        for outlet in self.outlets:
            for name in outlet.names:
                if name.casefold() in seen:
                    raise ValueError(f"outlet name or alias {name!r} is listed twice")
                seen.add(name.casefold())
        for kind in self.descriptions:
            for pattern in kind.patterns:
                _compile(self.expand(pattern), f"descriptions.{kind.kind}")
        for cue in self.citations:
            if "{outlet}" not in cue:
                raise ValueError(f"citation cue {cue!r} has no {{outlet}}")
            _compile(cue.replace("{outlet}", "X"), "citations")
        return self

    def expand(self, pattern: str) -> str:
        """The pattern with each ``{placeholder}`` replaced by its definition."""
        for key, value in self.placeholders.items():
            pattern = pattern.replace("{" + key + "}", value)
        return pattern


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as err:
        raise ValueError(f"{where}: bad regular expression {pattern!r}: {err}") from err


def source_catalog() -> SourceCatalog:
    return load_data_file("sources", SourceCatalog)
