"""Settings, declared once with a default and a help line each.

Values come from the environment (prefix ``YALU_``) or from command-line flags
that override them; nothing else reads the environment.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    return Path(user_data_dir("yalu", appauthor=False))


class Settings(BaseSettings):
    """Everything an operator can configure."""

    model_config = SettingsConfigDict(env_prefix="YALU_", extra="ignore")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the default SQLite store and the generated secret key.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store; SQLite in the data folder when unset.",
    )
    max_file_size: int = Field(
        default=50 * 1024 * 1024,
        description="Largest file, in bytes, that ingest accepts.",
    )
    secret_key: str | None = Field(
        default=None,
        description="Key that signs workspace cookies; generated and kept in the data folder when unset.",
    )
    tile_url: str | None = Field(
        default=None,
        description="Map tile URL template ({z}/{x}/{y}) drawn under the country outlines, where reachable.",
    )

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'yalu.sqlite'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
