"""The key that signs workspace cookies and CSRF tokens.

An operator may set ``YALU_SECRET_KEY``; otherwise a random key is made on
first run and kept (readable by its owner only) in the data folder, so
logins survive a restart. Keys that look like a placeholder are refused:
a guessable key lets anyone forge a login.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from yalu.config import Settings
from yalu.errors import ConfigError

MIN_LENGTH = 32
MIN_DISTINCT_CHARACTERS = 12
PLACEHOLDER = re.compile(
    r"change|replace|example|placeholder|your|secret|password|default|xxxx", re.IGNORECASE
)
KEY_FILE = "secret_key"


def load_secret_key(settings: Settings) -> str:
    """The configured key, else the one stored in the data folder, made there on first use."""
    if settings.secret_key is not None:
        return _checked(settings.secret_key, "YALU_SECRET_KEY")
    path = settings.data_dir / KEY_FILE
    if not path.exists():
        _write_new_key(path)
    return _checked(path.read_text(encoding="utf-8").strip(), str(path))


def _checked(key: str, where: str) -> str:
    if len(key) < MIN_LENGTH or len(set(key)) < MIN_DISTINCT_CHARACTERS or PLACEHOLDER.search(key):
        raise ConfigError(
            f"{where}: the secret key looks like a placeholder or is too short; "
            f"use a random value of at least {MIN_LENGTH} characters, "
            'e.g. python -c "import secrets; print(secrets.token_hex(32))"'
        )
    return key


def _write_new_key(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker made it first; use theirs
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(secrets.token_hex(32))  # hex never spells a placeholder word
