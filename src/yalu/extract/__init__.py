"""Extraction: documents in, evidence-linked claims out (see ``pipeline`` for the stages)."""

from yalu.extract.pipeline import extract_document

__all__ = ["extract_document"]
