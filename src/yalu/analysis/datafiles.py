"""Loads the analyst-editable data files under ``analysis/data`` and checks them against a schema.

Grades, outlet defaults, exchange rates and the model's assumptions are judgments an
analyst should be able to revise without Python, so they live in YAML. A typo there
must stop the run with one line naming the file, not skew an estimate silently.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from yalu.errors import ConfigError

Schema = TypeVar("Schema", bound=BaseModel)


@cache
def load_data_file(name: str, schema: type[Schema]) -> Schema:
    """``analysis/data/<name>.yaml`` validated by ``schema``; loaded once, never mutated."""
    where = f"analysis/data/{name}.yaml"
    path = resources.files("yalu.analysis").joinpath("data").joinpath(f"{name}.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return schema.model_validate(raw)
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{where}: cannot load: {err}") from err
    except ValidationError as err:
        first = err.errors()[0]
        location = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{where}: {location}: {first['msg']}") from err
