"""Currency conversion to US dollars, from the analyst-editable table in ``data/exchange_rates.yaml``.

Payments are reported in yuan, roubles, dollars and won; they can only be compared
and combined on one scale. Rates move (the DPRK won's market rate tripled in
2024), so each amount converts at the rate of its own year.
"""

from __future__ import annotations

from pydantic import Field, RootModel

from yalu.analysis.datafiles import load_data_file
from yalu.errors import YaluError


class ExchangeRates(RootModel[dict[str, dict[int, float]]]):
    """Units of each currency per US dollar, by year."""

    root: dict[str, dict[int, float]] = Field(min_length=1)

    def per_dollar(self, currency: str, year: int) -> float:
        """Units of ``currency`` per US dollar in ``year``, or the nearest year listed."""
        by_year = self.root.get(currency.upper())
        if not by_year:
            raise YaluError(
                f"no exchange rate for {currency!r} in analysis/data/exchange_rates.yaml: add one to use it"
            )
        nearest = min(by_year, key=lambda listed: (abs(listed - year), listed))
        return by_year[nearest]


def exchange_rates() -> ExchangeRates:
    return load_data_file("exchange_rates", ExchangeRates)


def to_usd(amount: float, currency: str, year: int) -> float:
    return amount / exchange_rates().per_dollar(currency, year)


def has_rate(currency: str) -> bool:
    return currency.upper() in exchange_rates().root
