"""Every analysis data file loads and passes its schema; a broken one fails naming the file."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from yalu.analysis.assumptions import assumptions
from yalu.analysis.catalog import CREDIBILITY_LEVELS, RELIABILITY_LEVELS, source_catalog
from yalu.analysis.datafiles import load_data_file
from yalu.analysis.rates import exchange_rates
from yalu.errors import ConfigError


def test_source_catalogue_defines_both_scales_and_valid_outlets_and_patterns() -> None:
    catalog = source_catalog()
    assert list(catalog.reliability) == list(RELIABILITY_LEVELS)
    assert sorted(catalog.credibility) == list(CREDIBILITY_LEVELS)
    assert {"Daily NK", "Radio Free Asia", "ASIAPRESS"} <= {outlet.name for outlet in catalog.outlets}
    assert all(kind.credibility != 1 for kind in catalog.descriptions), "defaults never claim confirmation"


def test_exchange_rates_are_positive_and_include_the_currencies_reports_use() -> None:
    rates = exchange_rates().root
    assert {"USD", "CNY", "RUB", "KPW"} <= set(rates)
    assert all(rate > 0 for by_year in rates.values() for rate in by_year.values())


def test_assumptions_load() -> None:
    assert assumptions().open_bound_factor > 1


def test_a_file_that_does_not_fit_its_schema_is_reported_with_its_name() -> None:
    class NeedsAField(BaseModel):
        missing_field: int

    with pytest.raises(ConfigError, match=r"analysis/data/assumptions.yaml: missing_field"):
        load_data_file("assumptions", NeedsAField)
