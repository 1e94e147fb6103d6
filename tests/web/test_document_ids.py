"""Documents whose ids hold "/" and other URL punctuation open by URL, with their JSON twin and original."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from fastapi.testclient import TestClient

from yalu.model import Claim, Count, Evidence
from yalu.store import DocumentRow, Store, add_document, save_claims

Login = Callable[..., str]
PATH_LIKE_ID = "rfa/2019/05 workers?#1.txt"
TEXT = "Some 300 North Korean workers arrived in Tumen."


def add_path_like_document(store: Store) -> None:
    with store.transaction() as session:
        document = DocumentRow(
            external_id=PATH_LIKE_ID, text=TEXT, title="Path-like id", outlet="RFA", media_type="text/plain"
        )
        add_document(session, document, TEXT.encode())
        claim = Claim(
            document_id=PATH_LIKE_ID,
            type="presence",
            count=Count(min=300, max=300),
            evidence=[Evidence(start=0, end=len(TEXT), quote=TEXT)],
            rule="arrived",
        )
        save_claims(session, PATH_LIKE_ID, [claim])


def document_link(html: str) -> str:
    """The href of the first link to a document on a page, as a browser would request it."""
    found = re.search(r'href="(/documents/[^"?]+)', html)
    assert found, "no document link on the page"
    return unescape(found.group(1))


def test_a_document_whose_id_holds_slashes_opens_from_its_link(
    client: TestClient, login: Login, workspace_store: Store
) -> None:
    add_path_like_document(workspace_store)
    login(client, "vera")
    link = document_link(client.get("/claims?q=Tumen").text)
    assert link == "/documents/rfa/2019/05%20workers%3F%231.txt"
    page = client.get(link)
    assert page.status_code == 200
    assert "Path-like id" in page.text
    assert client.get(link + ".json").json()["document"]["id"] == PATH_LIKE_ID
    original = client.get(link + "/original")
    assert original.status_code == 200
    assert original.content == TEXT.encode()
    assert f'href="{link}/original"' in page.text


def test_an_unknown_path_like_id_is_not_found(client: TestClient, login: Login) -> None:
    login(client, "vera")
    assert client.get("/documents/no/such/document").status_code == 404
    assert client.get("/documents/no/such/document.json").json()["detail"].startswith("no document")
