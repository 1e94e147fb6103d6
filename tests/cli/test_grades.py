"""`yalu grades list|set|clear`: analysts' grades in the store, and their effect on estimates."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import Result

from yalu.analysis.inputs import load_inputs
from yalu.store import Store

Invoke = Callable[..., Result]


def _central_2019(on_evidence: Invoke) -> float:
    result = on_evidence("estimate", "workers", "--country", "CN", "--json")
    assert result.exit_code == 0, result.output
    return float(json.loads(result.stdout)["periods"][0]["central"])


def test_set_and_list_outlet_grades(on_evidence: Invoke) -> None:
    result = on_evidence(
        "grades", "set", "RFA", "--reliability", "C", "--credibility", "4", "--note", "unsure"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Radio Free Asia: C4"
    listing = on_evidence("grades", "list").stdout
    rfa = next(line for line in listing.splitlines() if "Radio Free Asia" in line)
    assert [cell.strip() for cell in rfa.strip("│ ").split("│")] == [
        "Radio Free Asia",
        "1",
        "B",
        "C4",
        "unsure",
    ]


def test_claim_grades_are_listed_with_the_grade_used(on_evidence: Invoke, evidence_store: Store) -> None:
    with evidence_store.session() as session:
        claim = next(c for c in load_inputs(session).claims if c.document_id == "ru-1")
    assert on_evidence("grades", "set", "--claim", claim.id, "--credibility", "1").exit_code == 0
    listing = on_evidence("grades", "list").stdout
    assert "Claims graded by an analyst" in listing
    row = next(line for line in listing.splitlines() if claim.id in line)
    assert [cell.strip() for cell in row.strip("│ ").split("│")][:3] == [claim.id, "-1", "B1"]


def test_grades_change_the_weights_of_estimates_until_cleared(on_evidence: Invoke) -> None:
    before = _central_2019(on_evidence)
    for outlet in ("Daily NK", "Yonhap"):
        assert on_evidence("grades", "set", outlet, "--reliability", "E", "--credibility", "5").exit_code == 0
    assert _central_2019(on_evidence) > before * 1.2
    for outlet in ("Daily NK", "Yonhap"):
        assert on_evidence("grades", "clear", outlet).exit_code == 0
    assert _central_2019(on_evidence) == before


def test_mistakes_are_one_line_and_a_failure(on_evidence: Invoke) -> None:
    cases = [
        (("grades", "set", "Daily NK"), "error: an outlet grade needs --reliability (A–F)"),
        (
            ("grades", "set", "Daily NK", "--claim", "x", "--credibility", "2"),
            "error: name an outlet, or give",
        ),
        (("grades", "set", "--claim", "nope", "--credibility", "2"), "error: no claim with id 'nope'"),
        (("grades", "clear", "Yonhap"), "error: no analyst grade for outlet 'Yonhap'"),
    ]
    for args, message in cases:
        result = on_evidence(*args)
        assert result.exit_code == 1 and result.stderr.startswith(message), result.output
    assert on_evidence("grades", "set", "Yonhap", "--reliability", "Q").exit_code == 2
