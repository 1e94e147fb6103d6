"""What every request can reach: the store, settings, signing key, public mode, login throttle, aggregates."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy.orm import Session

from yalu.config import Settings
from yalu.store import Store
from yalu.web.aggregates import ShardedAggregates

T = TypeVar("T")
LOGIN_ATTEMPTS = 5
LOGIN_WINDOW_SECONDS = 300.0


class LoginThrottle:
    """At most ``limit`` failed logins per (name, address) within ``window`` seconds.

    Counted per name and address together, so one attacker cannot lock a
    colleague out from elsewhere. Kept in memory: ``yalu serve`` is one process.
    """

    def __init__(
        self,
        limit: int = LOGIN_ATTEMPTS,
        window: float = LOGIN_WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, key: tuple[str, str]) -> int | None:
        """Seconds until another attempt is allowed, or ``None`` if one is allowed now."""
        with self._lock:
            failures = self._recent(key)
            if len(failures) < self.limit:
                return None
            return max(1, int(failures[0] + self.window - self.clock()) + 1)

    def failed(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._recent(key).append(self.clock())

    def succeeded(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= self.clock() - self.window:
            failures.popleft()
        return failures


class AggregateCache:
    """Results worth keeping until the claims change (place pages' counts, findings, estimates).

    Each is kept with the version of the store it was computed from (e.g.
    ``claims_version``), which costs a few index reads; so a page computes
    again only after an ingest, an extraction or a review, whichever process made it.
    """

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[object, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, version: object, compute: Callable[[], T]) -> T:
        with self._lock:
            cached = self._entries.get(key)
            if cached is not None and cached[0] == version:
                self._entries.move_to_end(key)
                value: T = cached[1]
                return value
        value = compute()
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value


@dataclass
class Workspace:
    """The app's shared state, kept on ``app.state.workspace``."""

    store: Store
    settings: Settings
    secret_key: str
    public: bool
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    aggregates: AggregateCache = field(default_factory=AggregateCache)
    overview: ShardedAggregates = field(default_factory=ShardedAggregates)


def workspace(request: Request) -> Workspace:
    found: Workspace = request.app.state.workspace
    return found


def db(request: Request) -> Iterator[Session]:
    """A read session for one request."""
    with workspace(request).store.session() as session:
        yield session
