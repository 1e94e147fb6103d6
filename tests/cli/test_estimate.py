"""`yalu estimate workers|revenue`: tables per period, the claims behind them, JSON, and refusals."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import Result

from yalu.analysis.inputs import load_inputs
from yalu.store import Store

Invoke = Callable[..., Result]


def _claim_ids(store: Store, *document_ids: str) -> set[str]:
    with store.session() as session:
        return {c.id for c in load_inputs(session).claims if c.document_id in document_ids}


def test_workers_by_year_with_intervals_and_the_claims_they_rest_on(
    on_evidence: Invoke, evidence_store: Store
) -> None:
    result = on_evidence("estimate", "workers", "--country", "CN")
    assert result.exit_code == 0, result.output
    assert "DPRK workers present in CN" in result.stdout
    assert "│ 2019   │" in result.stdout and "90 % interval" in result.stdout
    for claim_id in _claim_ids(evidence_store, "cn-2", "cn-3"):
        assert claim_id in result.stdout
    assert "Radio Free Asia" in result.stdout and "at least 100,000 workers" in result.stdout


def test_json_gives_the_periods_and_every_claim_in_full(on_evidence: Invoke) -> None:
    result = on_evidence("estimate", "workers", "--country", "cn", "--from", "2018", "--to", "2020", "--json")
    assert result.exit_code == 0, result.output
    estimate = json.loads(result.stdout)
    assert [p["period"] for p in estimate["periods"]] == ["2018", "2019", "2020"]
    assert all(p["low"] <= p["central"] <= p["high"] for p in estimate["periods"])
    assert {c["id"] for c in estimate["claims"]} == set(estimate["claim_ids"])
    assert {c["outlet"] for c in estimate["claims"]} == {"Daily NK", "Radio Free Asia", "Yonhap"}


def test_revenue_by_quarter_and_the_payment_per_worker(on_evidence: Invoke) -> None:
    result = on_evidence("estimate", "revenue", "--country", "CN", "--by", "quarter")
    assert result.exit_code == 0, result.output
    assert "2019-Q1" in result.stdout and "2019-Q4" in result.stdout
    assert "Average payment per worker per month:" in result.stdout
    assert "300 USD a month (paid to the state)" in result.stdout


def test_missing_evidence_is_one_line_and_a_failure(on_evidence: Invoke) -> None:
    result = on_evidence("estimate", "workers", "--country", "RU")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: no dated presence claim with a count for RU: an estimate needs at least one"
    )
    assert on_evidence("estimate", "revenue", "--country", "XX").exit_code == 1
    assert on_evidence("estimate", "workers", "--country", "CN", "--by", "week").exit_code == 2
