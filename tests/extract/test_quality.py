"""The extractor's quality on the held-out demo corpus may not drop below its recorded floor.

The demo reports were annotated by hand, independently of the extractor, so
this measures how well the rules generalize beyond the texts they were tuned
on. The floors in ``fixtures/quality_floor.json`` sit a little below what the
extractor achieved when they were set: raise them when extraction improves,
and never lower them to make a change pass.
"""

from __future__ import annotations

import json
from importlib.resources import as_file, files
from pathlib import Path

from rich.console import Console

from yalu.cli.evaluate import render_report
from yalu.extract import extract_document
from yalu.extract.batch import read_documents
from yalu.extract.evaluate import evaluate, read_claims
from yalu.model import Claim, Document

FIXTURES = Path(__file__).parent / "fixtures"


def extract_demo_corpus() -> list[Claim]:
    with as_file(files("yalu.demo").joinpath("corpus.jsonl")) as corpus:
        records = list(read_documents(corpus))
    documents = [record for record in records if isinstance(record, Document)]
    assert len(documents) == len(records), "every demo record reads as a document"
    return [claim for document in documents for claim in extract_document(document)]


def test_demo_corpus_quality_stays_above_its_floor() -> None:
    report = evaluate(read_claims(FIXTURES / "demo_gold.jsonl"), extract_demo_corpus())
    Console(width=100).print(render_report(report))  # shown by `pytest -s` or when the test fails
    floor = json.loads((FIXTURES / "quality_floor.json").read_text())
    assert report.micro.f1 >= floor["detection_f1"], (
        f"detection F1 {report.micro.f1:.3f} fell below its floor"
    )
    assert report.score >= floor["score"], f"score {report.score:.3f} fell below its floor"
