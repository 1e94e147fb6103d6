"""A small workspace built from code: three documents, their claims, and one account per role.

``hostile`` holds markup and script in its title, text and URL, to prove
pages show it as text. ``notes`` is sensitive (unpublished), to prove public
readers never see it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from yalu import accounts
from yalu.accounts import users
from yalu.config import Settings
from yalu.extract.places import load_gazetteer
from yalu.model import Claim, Count, DateRange, Evidence, Money, PlaceRef
from yalu.store import DocumentRow, Store, add_document, open_store, save_claims
from yalu.web import create_app

PASSWORD = "correct horse battery staple"
SECRET_KEY = "0f3c9a7be15d4e2b8c6a9d0e1f2a3b4c5d6e7f8091a2b3c4"
ROLES = {"vera": "viewer", "anna": "analyst", "adam": "admin"}

DANDONG_TEXT = (
    "About 150 workers crossed to Dandong in September 2025 to work in seafood plants. "
    "They are paid $300 a month, and minders keep their passports."
)
NOTES_TEXT = "A source in Vladivostok says 40 North Korean builders live on the site."
HOSTILE_TEXT = (
    "Report <script>document.title='pwned'</script> says 20 workers went to Hunchun in 2024. "
    '<img src=x onerror="alert(1)"> ends here.'
)


def place(name: str, role: str) -> PlaceRef:
    gazetteer = load_gazetteer()
    found = gazetteer.lookup(name)
    assert found is not None, name
    return gazetteer.place_ref(found, role)  # type: ignore[arg-type]


def quote(text: str, fragment: str) -> Evidence:
    start = text.index(fragment)
    return Evidence(start=start, end=start + len(fragment), quote=fragment)


def fixture_claims() -> dict[str, list[Claim]]:
    dandong_sentence = DANDONG_TEXT.split(". ")[0] + "."
    return {
        "dandong": [
            Claim(
                document_id="dandong",
                type="dispatch",
                count=Count(min=150, max=150, text="About 150"),
                date=DateRange(start="2025-09", end="2025-09", precision="month", text="September 2025"),
                places=[place("Dandong", "destination")],
                sectors=["seafood"],
                evidence=[quote(DANDONG_TEXT, dandong_sentence)],
                rule="crossed-to",
            ),
            Claim(
                document_id="dandong",
                type="wage",
                money=Money(min=300, max=300, currency="USD", per="month", flow="worker_pay"),
                evidence=[quote(DANDONG_TEXT, "They are paid $300 a month")],
                rule="pay",
            ),
            Claim(
                document_id="dandong",
                type="condition",
                indicators=["retention_of_documents"],
                evidence=[quote(DANDONG_TEXT, "minders keep their passports")],
                rule="passports",
            ),
        ],
        "notes": [
            Claim(
                document_id="notes",
                type="presence",
                count=Count(min=40, max=40),
                date=DateRange(start="2025-06-14", end="2025-06-14", precision="day"),
                places=[place("Vladivostok", "location")],
                sectors=["construction"],
                evidence=[quote(NOTES_TEXT, NOTES_TEXT)],
                rule="live-on-site",
            )
        ],
        "hostile": [
            Claim(
                document_id="hostile",
                type="dispatch",
                count=Count(min=20, max=20),
                date=DateRange(start="2024", precision="year"),
                places=[place("Hunchun", "destination")],
                evidence=[quote(HOSTILE_TEXT, "<script>document.title='pwned'</script> says 20 workers")],
                rule="went-to",
            )
        ],
    }


def fill(store: Store) -> None:
    documents = [
        DocumentRow(
            external_id="dandong",
            text=DANDONG_TEXT,
            title="Workers cross to Dandong",
            outlet="Daily NK",
            published="2025-10-01",
            url="https://example.org/dandong",
            author="A. Reporter",
            source_path="/home/analyst/inbox/dandong.txt",
            media_type="text/plain",
        ),
        DocumentRow(
            external_id="notes",
            text=NOTES_TEXT,
            title="Unpublished field notes",
            outlet="Field notes",
            media_type="text/plain",
            sensitive=True,
        ),
        DocumentRow(
            external_id="hostile",
            text=HOSTILE_TEXT,
            title="<script>alert('title')</script> Hunchun",
            outlet="<b>Bold outlet</b>",
            url="javascript:alert('url')",
            media_type="text/html",
        ),
    ]
    with store.transaction() as session:
        for document in documents:
            add_document(session, document, document.text.encode())
        for document_id, claims in fixture_claims().items():
            save_claims(session, document_id, claims)
    add_accounts(store)


def add_accounts(store: Store) -> None:
    """One account per role, named in ``ROLES``."""
    with store.transaction() as session:
        for name, role in ROLES.items():
            accounts.add_user(session, name, role, PASSWORD)


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at its lightest: these tests check who gets in, not how hard hashes are to crack."""
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def workspace_store(store: Store) -> Store:
    fill(store)
    return store


@pytest.fixture
def sqlite_workspace_store(tmp_path: Path) -> Iterator[Store]:
    """The fixture workspace on SQLite only, for tests that drive a browser (once is enough)."""
    store = open_store(f"sqlite:///{tmp_path / 'browser.sqlite'}")
    fill(store)
    yield store
    store.close()


ClientFactory = Callable[..., TestClient]


def client_factory(store: Store, tmp_path: Path) -> Iterator[ClientFactory]:
    """Makes clients of fresh apps over ``store``; ``public=True`` for a public instance."""
    clients: list[TestClient] = []

    def make(public: bool = False, **settings: object) -> TestClient:
        config = Settings(data_dir=tmp_path, secret_key=SECRET_KEY, **settings)  # type: ignore[arg-type]
        app = create_app(config, public=public, store=store)
        client = TestClient(app, base_url="https://testserver")
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client_for(workspace_store: Store, tmp_path: Path) -> Iterator[ClientFactory]:
    yield from client_factory(workspace_store, tmp_path)


@pytest.fixture
def evidence_client_for(evidence_store: Store, tmp_path: Path) -> Iterator[ClientFactory]:
    """Clients over tests/data/evidence (three outlets on one fact, conflicting figures, a payment to the
    state, a sensitive document, a hostile one), with the same accounts as the fixture workspace."""
    add_accounts(evidence_store)
    yield from client_factory(evidence_store, tmp_path)


@pytest.fixture
def client(client_for: ClientFactory) -> TestClient:
    return client_for()


Login = Callable[..., str]


@pytest.fixture
def login() -> Login:
    """``login(client, name, password=...)`` logs in through the form; returns the session's CSRF token."""

    def log_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
        form_token = client.get("/login.json").json()["csrf_token"]
        response = client.post(
            "/login",
            data={"name": name, "password": password, "csrf_token": form_token},
            headers={"Accept": "application/json"},
        )
        assert response.status_code == 200, response.text
        token: str = response.json()["csrf_token"]
        return token

    return log_in


@pytest.fixture
def viewer(evidence_client_for: ClientFactory, login: Login) -> TestClient:
    """A viewer signed in to the evidence corpus; test_pages keeps its own, over the plain store."""
    client = evidence_client_for()
    login(client, "vera")
    return client


@pytest.fixture
def claim_ids() -> dict[str, str]:
    """Ids of the fixture claims, by "document/type"."""
    return {f"{c.document_id}/{c.type}": c.id for claims in fixture_claims().values() for c in claims}
