"""Scoring claims against gold: detection by quote overlap, slot rules, score, and ``yalu evaluate``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from yalu.cli import app
from yalu.extract.evaluate import evaluate
from yalu.model import Claim

TEXT = (
    "About 150 North Korean women were sent to seafood plants in Dandong, Liaoning Province, in May 2024. "
    "They were recruited by the Kangseong Trading Company and paid 500 yuan a month. "
    "Minders keep their passports and watch them day and night."
)
SENT = TEXT.split(". ")[0] + "."
RECRUITED = "They were recruited by the Kangseong Trading Company and paid 500 yuan a month."
MINDERS = "Minders keep their passports and watch them day and night."


def claim(kind: str, quote: str, **slots: Any) -> Claim:
    """A claim on TEXT whose evidence is ``quote`` (any substring of TEXT)."""
    start = TEXT.index(quote)
    evidence = [{"start": start, "end": start + len(quote), "quote": quote}]
    return Claim.model_validate({"document_id": "doc", "type": kind, "evidence": evidence, **slots})


def slot_of(gold: Claim, pred: Claim, slot: str) -> float:
    return evaluate([gold], [pred]).slots[slot].accuracy


def test_identical_claims_score_one() -> None:
    gold = [
        claim(
            "dispatch",
            SENT,
            count={"min": 150, "max": 150},
            places=[{"name": "Dandong"}],
            sectors=["seafood"],
        ),
        claim("organization", RECRUITED, organizations=["Kangseong Trading Company"]),
        claim("condition", MINDERS, indicators=["retention_of_documents", "restriction_of_movement"]),
    ]
    report = evaluate(gold, gold)
    assert (report.micro.precision, report.micro.recall, report.score) == (1.0, 1.0, 1.0)
    assert set(report.slots) == {"count", "places", "sectors", "organizations", "indicators", "modality"}
    assert report.missed == report.spurious == []


def test_quotes_must_share_half_the_gold_words_and_a_third_of_the_predicted() -> None:
    gold = claim("dispatch", SENT)  # 16 distinct words
    half = claim("dispatch", "About 150 North Korean women were sent to")  # 8 of them
    too_short = claim("dispatch", "About 150 North Korean women were sent")  # 7
    too_long = claim("dispatch", "Liaoning Province, in May 2024. " + RECRUITED)  # 5 of 21 predicted words
    assert evaluate([gold], [half]).micro.matched == 1
    assert evaluate([gold], [too_short]).micro.matched == 0
    assert evaluate([claim("dispatch", "Liaoning Province, in May 2024.")], [too_long]).micro.matched == 0


def test_a_pair_needs_the_same_type_and_document() -> None:
    gold = claim("dispatch", SENT)
    other_document = claim("dispatch", SENT).model_copy(update={"document_id": "elsewhere"})
    report = evaluate([gold], [claim("presence", SENT), other_document])
    assert report.micro.matched == 0
    assert report.by_type["presence"].predicted == 1
    assert report.micro.predicted == 1, "a document the gold does not annotate is not judged"


def test_matching_is_one_to_one_best_overlap_first() -> None:
    gold = [
        claim("dispatch", SENT),
        claim("dispatch", "sent to seafood plants in Dandong", modality="expected"),
    ]
    close = claim("dispatch", SENT)
    loose = claim("dispatch", "women were sent to seafood plants in Dandong, Liaoning", modality="expected")
    report = evaluate(gold, [loose, close, claim("dispatch", SENT)])
    assert report.micro.matched == 2
    assert report.slots["modality"].accuracy == 1.0, "each gold claim gets the prediction closest to it"
    assert len(report.spurious) == 1


def test_count_exact_overlapping_or_wrong() -> None:
    gold = claim("dispatch", SENT, count={"min": 100, "max": 200})
    assert slot_of(gold, claim("dispatch", SENT, count={"min": 100, "max": 200}), "count") == 1.0
    assert slot_of(gold, claim("dispatch", SENT, count={"min": 150, "max": 150}), "count") == 0.5
    assert slot_of(gold, claim("dispatch", SENT, count={"min": 180, "max": None}), "count") == 0.5
    assert slot_of(gold, claim("dispatch", SENT, count={"min": 300, "max": 300}), "count") == 0.0
    assert slot_of(gold, claim("dispatch", SENT), "count") == 0.0


def test_slots_are_judged_only_where_the_gold_fills_them() -> None:
    report = evaluate([claim("dispatch", SENT)], [claim("dispatch", SENT, count={"min": 5, "max": 5})])
    assert set(report.slots) == {"modality"}
    assert report.score == 1.0


@pytest.mark.parametrize(
    ("gold", "pred", "agreement"),
    [
        (("2024-05", "2024-05"), ("2024-05-18", "2024-05-20"), 1.0),
        (("2024-05", "2024-05"), ("2024-05", None), 1.0),  # no end: a single month
        (("2024-05", "2024-05"), ("2024", None), 0.0),
        (("2024-05", "2024-05"), ("2024-05", "2024-06"), 0.0),
        (("2024", None), ("2024-05", "2024-09"), 1.0),  # the gold leaves the end open
    ],
)
def test_dates_agree_to_the_gold_precision(
    gold: tuple[str, str | None], pred: tuple[str, str | None], agreement: float
) -> None:
    def dated(start_end: tuple[str, str | None]) -> Claim:
        return claim("dispatch", SENT, date={"start": start_end[0], "end": start_end[1]})

    assert slot_of(dated(gold), dated(pred), "date") == agreement


def test_places_compare_folded_names_as_sets() -> None:
    gold = claim("dispatch", SENT, places=[{"name": "Dandong"}, {"name": "Liaoning"}, {"name": "Sinŭiju"}])
    folded = claim(
        "dispatch",
        SENT,
        places=[
            {"name": "DANDONG CITY", "role": "route"},
            {"name": "Liaoning Province"},
            {"name": "Sinuiju"},
        ],
    )
    assert slot_of(gold, folded, "places") == 1.0
    partial = claim("dispatch", SENT, places=[{"name": "Dandong"}, {"name": "Shenyang"}])
    assert slot_of(gold, partial, "places") == pytest.approx(0.4)  # precision 1/2, recall 1/3


def test_organizations_fold_generic_words_and_north_korean() -> None:
    gold = claim("organization", RECRUITED, organizations=["Kangseong Trading Company"])
    variant = claim("organization", RECRUITED, organizations=["North Korean kangseong trading co."])
    assert slot_of(gold, variant, "organizations") == 1.0
    other = claim("organization", RECRUITED, organizations=["Kangseong Trading", "Cabinet"])
    assert slot_of(gold, other, "organizations") == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("amount", "currency", "agreement"),
    [(500, "CNY", 1.0), (504.9, "cny", 1.0), (510, "CNY", 0.0), (500, "USD", 0.0)],
)
def test_money_within_one_percent_and_same_currency(amount: float, currency: str, agreement: float) -> None:
    gold = claim("wage", RECRUITED, money={"min": 500, "max": 500, "currency": "CNY", "per": "month"})
    pred = claim("wage", RECRUITED, money={"min": amount, "max": amount, "currency": currency, "per": "year"})
    assert slot_of(gold, pred, "money") == agreement


def test_sets_and_exact_slots() -> None:
    gold = claim("condition", MINDERS, indicators=["retention_of_documents", "restriction_of_movement"])
    pred = claim("condition", MINDERS, indicators=["retention_of_documents"], modality="expected")
    assert slot_of(gold, pred, "indicators") == pytest.approx(2 / 3)
    assert slot_of(gold, pred, "modality") == 0.0


def test_score_is_detection_f1_times_mean_slot_accuracy() -> None:
    gold = [claim("dispatch", SENT, count={"min": 150, "max": 150}), claim("condition", MINDERS)]
    pred = [claim("dispatch", SENT, count={"min": 100, "max": 200}), claim("wage", RECRUITED)]
    report = evaluate(gold, pred)
    assert report.micro.f1 == 0.5
    assert report.slot_mean == pytest.approx((0.5 + 1.0) / 2)  # count half right, modality right
    assert report.score == pytest.approx(0.375)
    assert [c.type for c in report.missed] == ["condition"]
    assert [c.type for c in report.spurious] == ["wage"]


def write_claims(path: Path, claims: list[Claim]) -> Path:
    path.write_text("".join(json.dumps(c.to_export()) + "\n" for c in claims))
    return path


def test_command_prints_figures_as_json_and_misses(tmp_path: Path) -> None:
    gold = write_claims(tmp_path / "gold.jsonl", [claim("dispatch", SENT), claim("condition", MINDERS)])
    pred = write_claims(tmp_path / "pred.jsonl", [claim("dispatch", SENT), claim("wage", RECRUITED)])
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0
    figures = json.loads(result.stdout)
    assert figures["detection"]["f1"] == 0.5 and figures["by_type"]["dispatch"]["matched"] == 1
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--misses"])
    assert result.exit_code == 0
    assert "score 0.500" in result.stdout
    assert f"doc condition: {MINDERS}" in result.stdout and f"doc wage: {RECRUITED}" in result.stdout


def test_command_names_the_bad_line(tmp_path: Path) -> None:
    gold = write_claims(tmp_path / "gold.jsonl", [claim("dispatch", SENT)])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(claim("dispatch", SENT).to_export()) + "\n{oops\n")
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {pred}:2: not JSON")
    pred.write_text(json.dumps({"document_id": "doc", "type": "rumour"}) + "\n")
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 1 and f"{pred}:1: not a claim: type" in result.stderr
