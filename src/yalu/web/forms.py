"""Validated web input: query strings and form posts, parsed into models before a view runs.

HTML forms send an empty string for a field left blank and for "any" in a
select; :class:`WebInput` reads those as "not given", so a blank filter does
not filter and a blank number is no number. (Blanks inside repeated fields
stay, so parallel lists such as a place and its role keep lining up.) Anything else invalid is a 422
naming the field.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

ClaimStatus = Literal["suggested", "confirmed", "rejected", "corrected"]
# The contract's date forms: a year, a month or a day.
ISO_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
ISO_DATE_PATTERN = re.compile(ISO_DATE)


class WebInput(BaseModel):
    """Base of every query-string and form model: blanks dropped, unknown fields ignored."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return {
            key: value for key, value in data.items() if not (isinstance(value, str) and value.strip() == "")
        }
