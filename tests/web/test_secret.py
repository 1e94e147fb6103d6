"""The signing key: generated once and kept, or given by the operator but never a placeholder."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from yalu.config import Settings
from yalu.errors import ConfigError
from yalu.web.secret import load_secret_key


def test_a_key_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    key = load_secret_key(settings)
    assert len(key) >= 32
    assert load_secret_key(settings) == key
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "key",
    [
        "changeme",
        "please-change-this-secret-key-in-production",
        "x" * 64,
        "your-secret-key-goes-here-123456789",
    ],
)
def test_placeholder_keys_are_refused(tmp_path: Path, key: str) -> None:
    with pytest.raises(ConfigError, match="YALU_SECRET_KEY"):
        load_secret_key(Settings(data_dir=tmp_path, secret_key=key))


def test_an_operator_key_is_used_as_given(tmp_path: Path) -> None:
    key = "9d2f4b7c1e8a3065f1d7c2b9e4a8f0135c6d9e2b7a4f8c1d"
    assert load_secret_key(Settings(data_dir=tmp_path, secret_key=key)) == key
    assert not (tmp_path / "secret_key").exists()
