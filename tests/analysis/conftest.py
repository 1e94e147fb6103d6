"""Claims are written as a document's text plus the quote each one rests on, as extraction makes them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from yalu.analysis.documents import DocumentInfo
from yalu.model import Claim, Document, Evidence


def claim_on(document: Document, quote: str, type: str, **slots: Any) -> Claim:
    start = document.text.index(quote)
    evidence = [Evidence(start=start, end=start + len(quote), quote=quote)]
    return Claim(document_id=document.id, type=type, evidence=evidence, **slots)  # type: ignore[arg-type]


@pytest.fixture
def make_claim() -> Callable[..., Claim]:
    """``make_claim(document, quote, type, **slots)``: a claim on the quote's first occurrence."""
    return claim_on


@pytest.fixture
def info() -> Callable[..., DocumentInfo]:
    """``info(document, near_duplicate_of=None)``: the analysis record of a document."""
    return DocumentInfo.from_document
