"""Worker and revenue estimates: what they rest on, how flows move them, how grades and time widen them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from yalu.analysis.documents import DocumentInfo
from yalu.analysis.estimate import estimate_revenue, estimate_workers
from yalu.analysis.grading import Grade
from yalu.errors import InsufficientEvidenceError
from yalu.model import Claim, Count, DateRange, Document, Money, PlaceRef

MakeClaim = Callable[..., Claim]
Info = Callable[..., DocumentInfo]
DRAWS = 4000

RUSSIA = PlaceRef(name="Russia", country="RU", precision="country")
STOCK = Document(
    id="nis-2019",
    outlet="Yonhap",
    published="2019-02-10",
    text="About 10,000 North Korean workers were in Russia in January 2019, officials said.",
)
DISPATCH = Document(
    id="dnk-2019-06",
    outlet="Daily NK",
    published="2019-06-20",
    text="Some 5,000 workers were sent to Vladivostok in June 2019 for construction work.",
)
RETURN = Document(
    id="rfa-2019-10",
    outlet="RFA",
    published="2019-10-20",
    text="About 3,000 workers went home from Russia in October 2019.",
)
PAYMENT = Document(
    id="dnk-pay",
    outlet="Daily NK",
    published="2019-05-01",
    text="Each construction worker in Russia must hand over $800 a month to the state.",
)


def stock(make_claim: MakeClaim, document: Document = STOCK) -> Claim:
    return make_claim(
        document,
        "About 10,000 North Korean workers were in Russia",
        "presence",
        count=Count(min=10_000, max=10_000),
        date=DateRange(start="2019-01"),
        places=[RUSSIA],
    )


def flows(make_claim: MakeClaim) -> list[Claim]:
    vladivostok = PlaceRef(name="Vladivostok", role="destination", country="RU")
    sent = make_claim(
        DISPATCH,
        DISPATCH.text,
        "dispatch",
        count=Count(min=5000, max=5000),
        date=DateRange(start="2019-06"),
        places=[vladivostok],
    )
    back = make_claim(
        RETURN,
        RETURN.text,
        "return",
        count=Count(min=3000, max=3000),
        date=DateRange(start="2019-10"),
        places=[RUSSIA.model_copy(update={"role": "origin"})],
    )
    return [sent, back]


def test_a_single_report_gives_an_interval_around_its_figure(make_claim: MakeClaim, info: Info) -> None:
    claim = stock(make_claim)

    estimate = estimate_workers([claim], [info(STOCK)], country="RU", by="month", draws=DRAWS)

    [january] = estimate.periods
    assert january.period == "2019-01"
    assert january.low < 10_000 < january.high
    assert 9_000 < january.central < 11_000
    assert estimate.claim_ids == [claim.id]


def test_dispatches_add_and_returns_subtract_between_reports(make_claim: MakeClaim, info: Info) -> None:
    claims = [stock(make_claim), *flows(make_claim)]
    documents = [info(STOCK), info(DISPATCH), info(RETURN)]

    estimate = estimate_workers(
        claims, documents, country="RU", start="2019", end="2019", by="quarter", draws=DRAWS
    )

    central = {p.period: p.central for p in estimate.periods}
    assert list(central) == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"]
    assert central["2019-Q1"] == pytest.approx(10_000, rel=0.15)
    assert central["2019-Q3"] == pytest.approx(15_000, rel=0.15)
    assert central["2019-Q4"] < central["2019-Q3"]
    assert sorted(estimate.flow_claims) == sorted(c.id for c in claims[1:])


def test_a_syndicated_copy_adds_nothing(make_claim: MakeClaim, info: Info) -> None:
    copy = STOCK.model_copy(update={"id": "herald-copy", "outlet": "The Korea Herald"})
    alone = estimate_workers([stock(make_claim)], [info(STOCK)], country="RU", draws=DRAWS)

    both = estimate_workers(
        [stock(make_claim), stock(make_claim, copy)],
        [info(STOCK), info(copy, near_duplicate_of=STOCK.id)],
        country="RU",
        draws=DRAWS,
    )

    assert both.periods == alone.periods
    assert both.presence_claims == alone.presence_claims


def test_only_reported_counts_for_the_area_itself_measure_it(make_claim: MakeClaim, info: Info) -> None:
    city = Document(
        id="city", outlet="RFA", published="2019-03", text="About 2,000 workers are in Vladivostok."
    )
    plan = Document(id="plan", outlet="RFA", published="2019-03", text="Russia will take in 40,000 workers.")
    in_city = make_claim(
        city,
        city.text,
        "presence",
        count=Count(min=2000, max=2000),
        places=[PlaceRef(name="Vladivostok", country="RU")],
    )
    planned = make_claim(
        plan, plan.text, "presence", modality="expected", count=Count(min=40_000, max=40_000), places=[RUSSIA]
    )

    estimate = estimate_workers(
        [stock(make_claim), in_city, planned],
        [info(STOCK), info(city), info(plan)],
        country="RU",
        draws=DRAWS,
    )

    assert estimate.presence_claims == [stock(make_claim).id]


def test_lower_grades_and_distance_in_time_widen_the_interval(make_claim: MakeClaim, info: Info) -> None:
    claim = stock(make_claim)

    def width(grade: str, start: str, end: str) -> float:
        graded = {claim.id: Grade(reliability=grade[0], credibility=int(grade[1]))}  # type: ignore[arg-type]
        [period] = estimate_workers(
            [claim], [info(STOCK)], country="RU", start=start, end=end, by="month", draws=DRAWS, grades=graded
        ).periods
        return period.high / period.low

    assert width("E5", "2019-01", "2019-01") > width("B2", "2019-01", "2019-01")
    assert width("B2", "2022-01", "2022-01") > width("B2", "2019-01", "2019-01")


def test_the_same_seed_gives_the_same_estimate(make_claim: MakeClaim, info: Info) -> None:
    claims, documents = [stock(make_claim), *flows(make_claim)], [info(STOCK), info(DISPATCH), info(RETURN)]

    def run(seed: int) -> list[float]:
        estimate = estimate_workers(claims, documents, country="RU", by="month", draws=DRAWS, seed=seed)
        return [p.central for p in estimate.periods]

    assert run(1) == run(1)
    assert run(1) != run(2)


def test_an_estimate_needs_a_presence_claim_for_the_area(make_claim: MakeClaim, info: Info) -> None:
    with pytest.raises(InsufficientEvidenceError, match="no dated presence claim with a count for CN"):
        estimate_workers([stock(make_claim)], [info(STOCK)], country="CN", draws=DRAWS)


def test_revenue_is_workers_times_the_payment_per_worker(make_claim: MakeClaim, info: Info) -> None:
    money = Money(min=800, max=800, currency="USD", per="month", flow="state_payment")
    payment = make_claim(PAYMENT, PAYMENT.text, "wage", money=money)
    claims = [stock(make_claim), payment]

    revenue = estimate_revenue(
        claims,
        [info(STOCK), info(PAYMENT)],
        country="RU",
        start="2019-01",
        end="2019-01",
        by="month",
        draws=DRAWS,
    )

    [january] = revenue.periods
    assert january.central == pytest.approx(10_000 * 800, rel=0.15)
    assert january.low < 10_000 * 800 < january.high
    assert revenue.monthly_payment.central == pytest.approx(800, rel=0.1)
    assert revenue.claim_ids == sorted([stock(make_claim).id, payment.id])


def test_revenue_needs_a_reported_payment_to_the_state(make_claim: MakeClaim, info: Info) -> None:
    with pytest.raises(InsufficientEvidenceError, match="no reported state payment per worker"):
        estimate_revenue([stock(make_claim)], [info(STOCK)], country="RU", draws=DRAWS)


def test_a_place_is_measured_by_its_own_counts_and_moved_by_flows_into_it(
    make_claim: MakeClaim, info: Info
) -> None:
    text = (
        "About 3,000 North Koreans work in Dandong. Some 50,000 work in China. "
        "In May 2024, 400 more arrived in Dandong and 300 went to Hunchun."
    )
    document = Document(id="dandong", outlet="Daily NK", published="2024-06-01", text=text)

    def claim(quote: str, kind: str, number: int, place: str, role: str) -> Claim:
        where = PlaceRef(name=place, role=role, country="CN")  # type: ignore[arg-type]
        return make_claim(document, quote, kind, count=Count(min=number, max=number), places=[where])

    in_dandong = claim("About 3,000 North Koreans work in Dandong", "presence", 3000, "Dandong", "location")
    in_china = claim("Some 50,000 work in China", "presence", 50_000, "China", "location")
    to_dandong = claim("400 more arrived in Dandong", "dispatch", 400, "Dandong", "destination")
    to_hunchun = claim("300 went to Hunchun", "dispatch", 300, "Hunchun", "destination")

    estimate = estimate_workers(
        [in_dandong, in_china, to_dandong, to_hunchun],
        [info(document)],
        country="CN",
        place="Dandong",
        draws=DRAWS,
    )

    assert estimate.presence_claims == [in_dandong.id]
    assert estimate.flow_claims == [to_dandong.id]
    assert estimate.periods[0].central == pytest.approx(3000, rel=0.2)


def test_payments_count_where_their_quote_places_them_in_the_currency_of_their_year(
    make_claim: MakeClaim, info: Info
) -> None:
    roubles = Document(
        id="rub",
        outlet="NK News",
        published="2019-05",
        text="Each worker in Russia pays 600,000 roubles a year.",
    )
    yuan = Document(
        id="cny", outlet="RFA", published="2019-05", text="Each worker in China pays 2,000 yuan a month."
    )
    in_russia = make_claim(
        roubles,
        roubles.text,
        "wage",
        money=Money(min=600_000, max=600_000, currency="RUB", per="year", flow="state_payment"),
    )
    in_china = make_claim(
        yuan,
        yuan.text,
        "wage",
        money=Money(min=2000, max=2000, currency="CNY", per="month", flow="state_payment"),
    )

    revenue = estimate_revenue(
        [stock(make_claim), in_russia, in_china],
        [info(STOCK), info(roubles), info(yuan)],
        country="RU",
        draws=DRAWS,
    )

    assert revenue.payment_claims == [in_russia.id]
    assert revenue.monthly_payment.central == pytest.approx(600_000 / 64.7 / 12, rel=0.1)
