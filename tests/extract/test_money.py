"""Money amounts: currencies, ranges, periods, flows and bracketed conversions."""

from __future__ import annotations

from yalu.extract.money import Amount, find_money


def test_conversion_in_brackets_stays_with_the_first_currency() -> None:
    [money] = find_money("Each worker earns 800 yuan (about $110) a month.")
    assert money.amount == Amount(800, 800, "CNY")
    assert money.text == "800 yuan (about $110"
    assert (money.per, money.flow) == ("month", "worker_pay")


def test_range_with_scale_words_and_revenue() -> None:
    [money] = find_money("The scheme brings in $150 million to $300 million a year for the regime.")
    assert money.amount == Amount(150_000_000, 300_000_000, "USD")
    assert (money.per, money.flow) == ("year", "revenue")


def test_between_and_bribe_is_a_one_off() -> None:
    [money] = find_money("Applicants pay bribes of between USD 100 and 300 to be chosen.")
    assert money.amount == Amount(100, 300, "USD")
    assert (money.per, money.flow) == ("once", "bribe")


def test_open_bounds() -> None:
    assert find_money("He was paid at least 40,000 rubles monthly.")[0].amount == Amount(40000, None, "RUB")
    assert find_money("They earn up to €900 per month.")[0].amount == Amount(None, 900, "EUR")


def test_flows_from_the_clause() -> None:
    assert find_money("Employers pay the North Korean side 3,000 yuan per worker.")[0].flow == "state_payment"
    assert find_money("A doctor in North Korea earns 5,000 won a month.")[0].flow == "domestic_pay"
    assert find_money("An exit permit fee is 200 yuan.")[0].flow == "fee"
    assert find_money("Workers are paid $12 an hour.")[0].per == "hour"


def test_amounts_not_about_labour_are_ignored() -> None:
    assert find_money("The port underwent a $2-billion renovation last year.") == []
    assert find_money("The 2,000 workers left in May.") == []


def test_a_terse_follow_up_carries_the_previous_flow() -> None:
    [money] = find_money("In Sinuiju, it's USD 40.", previous_flow="bribe")
    assert (money.amount, money.flow, money.per) == (Amount(40, 40, "USD"), "bribe", "once")
    assert find_money("In Sinuiju, it's USD 40.") == []
    assert find_money("The rate is 10,000 won = 1.30 USD.", previous_flow="worker_pay") == []


def test_any_case_and_the_source_wording() -> None:
    """Amounts are read in any case, in ASCII text or not; the mention keeps the text as written."""
    for text in ("They are PAID 300 YUAN a MONTH.", "They are PAID 300 YUAN a MONTH, “officially”."):
        [money] = find_money(text)
        assert (money.text, money.amount, money.per) == ("300 YUAN", Amount(300, 300, "CNY"), "month")
