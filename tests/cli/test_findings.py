"""`yalu findings`: support by independent outlets, conflicting figures side by side, filters, JSON."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import Result

Invoke = Callable[..., Result]


def test_conflicts_show_each_figure_with_its_outlets_and_dates(on_evidence: Invoke) -> None:
    result = on_evidence("findings", "--conflicts-only")
    assert result.exit_code == 0, result.output
    assert "3: Daily NK, Radio Free Asia, Yonhap" in result.stdout
    assert "conflict: 50,000 workers (Daily NK, Yonhap; 2019, 2019)" in result.stdout
    assert "vs at least 100,000 workers (Radio Free Asia; 2019)" in result.stdout
    assert (
        "1 findings; 1 stated by more than one independent outlet; 1 with conflicting figures."
        in result.stdout
    )


def test_filters_by_type_place_and_dates(on_evidence: Invoke) -> None:
    def types(*args: str) -> list[str]:
        result = on_evidence("findings", "--json", *args)
        assert result.exit_code == 0, result.output
        return sorted(finding["type"] for finding in json.loads(result.stdout))

    assert types() == ["condition", "condition", "dispatch", "presence", "presence", "wage"]
    assert types("--type", "condition", "--type", "dispatch") == ["condition", "condition", "dispatch"]
    assert types("--place", "Dandong") == ["condition", "presence"]
    assert types("--from", "2023", "--to", "2024") == ["dispatch"]


def test_json_carries_support_conflict_and_claims(on_evidence: Invoke) -> None:
    findings = json.loads(on_evidence("findings", "--json", "--conflicts-only").stdout)
    [finding] = findings
    assert finding["support"] == 3 and finding["conflict"] is True
    assert len(finding["claims"]) == 3 and finding["claims"][0]["evidence"][0]["quote"]


def test_an_unknown_type_or_place_is_one_line_and_a_failure(on_evidence: Invoke) -> None:
    result = on_evidence("findings", "--type", "weather")
    assert result.exit_code == 1 and result.stderr.startswith("error: unknown claim type weather")
    result = on_evidence("findings", "--place", "Xyzzyville")
    assert result.exit_code == 1 and "no place named 'Xyzzyville'" in result.stderr
