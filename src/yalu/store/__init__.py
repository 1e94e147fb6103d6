"""The evidence store: documents with their originals, claims with their quotes, full-text search.

Open it with :func:`open_store` (any SQLAlchemy URL; SQLite and PostgreSQL are
supported) and work in ``store.session()`` or ``store.transaction()``.
"""

from yalu.store.claims import SavedClaims, load_claims, save_claims
from yalu.store.convert import claim_from_model, claim_to_model, document_to_model
from yalu.store.database import Store, open_store
from yalu.store.documents import add_document, find_same, get_document, list_documents
from yalu.store.search import MARK_END, MARK_START, SearchHit, search_documents
from yalu.store.stats import StoreStats, store_stats
from yalu.store.tables import (
    CLAIM_STATUSES,
    ClaimPlaceRow,
    ClaimRow,
    DocumentRow,
    EvidenceRow,
    OriginalRow,
)

__all__ = [
    "CLAIM_STATUSES",
    "MARK_END",
    "MARK_START",
    "ClaimPlaceRow",
    "ClaimRow",
    "DocumentRow",
    "EvidenceRow",
    "OriginalRow",
    "SavedClaims",
    "SearchHit",
    "Store",
    "StoreStats",
    "add_document",
    "claim_from_model",
    "claim_to_model",
    "document_to_model",
    "find_same",
    "get_document",
    "list_documents",
    "load_claims",
    "open_store",
    "save_claims",
    "search_documents",
    "store_stats",
]
