"""Extraction: documents in, evidence-linked claims out."""
