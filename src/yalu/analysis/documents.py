"""What analysis needs to know about each document besides its claims.

Corroboration and grading look past a claim to the document it came from: which
outlet published it and when, whether it is a syndicated copy of another
document, and how it describes its sources. The store, the command line and the
tests all build this record the same way, from a :class:`yalu.model.Document`.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field, model_validator

from yalu.analysis.sources import SourceDescription, canonical_outlet, find_source_descriptions
from yalu.model import Document


class DocumentInfo(BaseModel):
    id: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    near_duplicate_of: str | None = Field(
        default=None, description="Id of the document this one is a syndicated or near-identical copy of."
    )
    sources: list[SourceDescription] = Field(default_factory=list)

    @model_validator(mode="after")
    def _name_outlet_as_catalogued(self) -> DocumentInfo:
        """One name per outlet ("RFA" is Radio Free Asia), so support is not counted twice."""
        self.outlet = canonical_outlet(self.outlet, self.url)
        return self

    @classmethod
    def from_document(cls, document: Document, near_duplicate_of: str | None = None) -> DocumentInfo:
        """The record for ``document``, with the source descriptions found in its text."""
        return cls(
            id=document.id,
            outlet=document.outlet,
            published=document.published,
            url=document.url,
            near_duplicate_of=near_duplicate_of,
            sources=find_source_descriptions(document.text),
        )


def index_documents(documents: Iterable[DocumentInfo]) -> dict[str, DocumentInfo]:
    return {document.id: document for document in documents}
