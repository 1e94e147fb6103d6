"""Corroboration groups claims that state one fact, keeps near-misses apart, and counts outlets once."""

from __future__ import annotations

from collections.abc import Callable

from yalu.analysis.corroborate import Finding, corroborate
from yalu.analysis.documents import DocumentInfo
from yalu.model import Claim, Count, DateRange, Document, Money, PlaceRef

ClaimMaker = Callable[..., Claim]

DAILY_NK = Document(
    id="dnk-2024-03",
    outlet="Daily NK",
    published="2024-03-20",
    text=(
        "A source in North Pyongan province told Daily NK that about 150 workers crossed to Dandong "
        "in March. They will work in seafood plants."
    ),
)
RFA = Document(
    id="rfa-2024-03",
    outlet="RFA",
    published="2024-03-22",
    text="Some 150 North Korean women arrived in Liaoning province in March 2024, a trade official said.",
)
RFA_COPY = Document(
    id="yonhap-2024-03",
    outlet="Yonhap",
    published="2024-03-23",
    text="Some 150 North Korean women arrived in Liaoning province in March 2024, a trade official said.",
)
HERALD = Document(
    id="herald-2024-03",
    outlet="The Korea Herald",
    published="2024-03-24",
    text="According to Daily NK, 150 workers were sent to Dandong in March.",
)
HUNCHUN = Document(
    id="asiapress-2024-03",
    outlet="ASIAPRESS",
    published="2024-03-25",
    text="Reporting partner A said 150 workers were sent to Hunchun in March 2024.",
)
DANDONG_2021 = Document(
    id="dnk-2021-03",
    outlet="Daily NK",
    published="2021-03-30",
    text="About 150 workers were sent to Dandong in March 2021, a source said.",
)


def dispatch(make_claim: ClaimMaker, document: Document, quote: str, place: str, when: str) -> Claim:
    return make_claim(
        document,
        quote,
        "dispatch",
        count=Count(min=150, max=150),
        date=DateRange(start=when),
        places=[PlaceRef(name=place, role="destination", country="CN")],
    )


def finding_of(claim: Claim, findings: list[Finding]) -> Finding:
    return next(f for f in findings if claim.id in f.claim_ids)


def test_one_dispatch_told_four_times_is_one_finding_with_two_independent_outlets(
    make_claim: ClaimMaker, info: Callable[..., DocumentInfo]
) -> None:
    claims = [
        dispatch(make_claim, DAILY_NK, "about 150 workers crossed to Dandong in March", "Dandong", "2024-03"),
        dispatch(make_claim, RFA, "Some 150 North Korean women arrived in Liaoning", "Liaoning", "2024-03"),
        dispatch(
            make_claim, RFA_COPY, "Some 150 North Korean women arrived in Liaoning", "Liaoning", "2024-03"
        ),
        dispatch(
            make_claim, HERALD, "According to Daily NK, 150 workers were sent to Dandong", "Dandong", "2024"
        ),
    ]
    documents = [info(DAILY_NK), info(RFA), info(RFA_COPY, near_duplicate_of=RFA.id), info(HERALD)]

    [finding] = corroborate(claims, documents)

    assert sorted(finding.claim_ids) == sorted(c.id for c in claims)
    assert finding.outlets == ["Daily NK", "Radio Free Asia"]
    assert finding.support == 2
    assert not finding.conflict


def test_same_count_in_another_province_and_same_place_years_apart_stay_separate(
    make_claim: ClaimMaker, info: Callable[..., DocumentInfo]
) -> None:
    dandong = dispatch(make_claim, DAILY_NK, "about 150 workers crossed to Dandong", "Dandong", "2024-03")
    hunchun = dispatch(make_claim, HUNCHUN, "150 workers were sent to Hunchun", "Hunchun", "2024-03")
    earlier = dispatch(
        make_claim, DANDONG_2021, "About 150 workers were sent to Dandong", "Dandong", "2021-03"
    )
    documents = [info(DAILY_NK), info(HUNCHUN), info(DANDONG_2021)]

    findings = corroborate([dandong, hunchun, earlier], documents)

    assert len(findings) == 3
    assert all(f.support == 1 for f in findings)


def test_a_date_given_as_a_year_overlaps_a_month_within_it(
    make_claim: ClaimMaker, info: Callable[..., DocumentInfo]
) -> None:
    month = dispatch(
        make_claim, RFA, "Some 150 North Korean women arrived in Liaoning", "Liaoning", "2024-03"
    )
    year = dispatch(make_claim, DAILY_NK, "about 150 workers crossed to Dandong", "Dandong", "2024")
    other_year = dispatch(
        make_claim, DANDONG_2021, "About 150 workers were sent to Dandong", "Dandong", "2021"
    )

    findings = corroborate([month, year, other_year], [info(RFA), info(DAILY_NK), info(DANDONG_2021)])

    assert finding_of(month, findings) is finding_of(year, findings)
    assert finding_of(other_year, findings) is not finding_of(year, findings)


def test_figures_that_cannot_both_be_true_are_one_finding_with_a_conflict_and_their_dates(
    make_claim: ClaimMaker, info: Callable[..., DocumentInfo]
) -> None:
    low = Document(
        id="a", outlet="Daily NK", published="2019-12-02", text="Over 50,000 North Koreans work in China."
    )
    high = Document(
        id="b", outlet="RFA", published="2019-12-20", text="Over 100,000 North Koreans work in China."
    )
    agree = Document(
        id="c", outlet="NK News", published="2019-06-01", text="About 60,000 North Koreans work in China."
    )
    china = [PlaceRef(name="China", country="CN", precision="country")]

    def presence(document: Document, low: int, high: int | None, when: str) -> Claim:
        count = Count(min=low, max=high)
        return make_claim(
            document, document.text, "presence", count=count, date=DateRange(start=when), places=china
        )

    claims = [
        presence(low, 50_000, None, "2019"),
        presence(high, 100_000, None, "2019"),
        presence(agree, 60_000, 60_000, "2019"),
    ]

    [finding] = corroborate(claims, [info(low), info(high), info(agree)])

    assert finding.conflict
    assert finding.support == 3
    by_low = {figure.count.min: figure for figure in finding.figures if figure.count}
    assert set(by_low) == {50_000, 100_000}
    assert by_low[50_000].outlets == ["Daily NK", "NK News"]
    assert by_low[100_000].dates == ["2019"]


def test_payments_in_different_currencies_agree_when_they_convert_to_the_same_amount(
    make_claim: ClaimMaker, info: Callable[..., DocumentInfo]
) -> None:
    yuan = Document(
        id="y",
        outlet="Daily NK",
        published="2024-05",
        text="Each worker hands 2,500 yuan a month to the state.",
    )
    dollars = Document(
        id="d", outlet="RFA", published="2024-05", text="The state takes $350 a month per worker."
    )
    roubles = Document(
        id="r",
        outlet="NK News",
        published="2024-05",
        text="The state takes 90,000 roubles a month per worker.",
    )

    def payment(document: Document, amount: float, currency: str) -> Claim:
        money = Money(min=amount, max=amount, currency=currency, per="month", flow="state_payment")
        return make_claim(document, document.text, "wage", money=money)

    claims = [payment(yuan, 2500, "CNY"), payment(dollars, 350, "USD"), payment(roubles, 90_000, "RUB")]

    [finding] = corroborate(claims, [info(yuan), info(dollars), info(roubles)])

    assert finding.conflict
    assert [len(figure.claim_ids) for figure in finding.figures] == [2, 1]
    assert finding.figures[1].money is not None and finding.figures[1].money.currency == "RUB"


def test_a_claim_naming_no_place_does_not_corroborate_one_that_does(
    make_claim: ClaimMaker, info: Callable[..., DocumentInfo]
) -> None:
    vague = Document(id="v", outlet="RFA", published="2024-03", text="About 150 workers left in March 2024.")
    placed = dispatch(make_claim, DAILY_NK, "about 150 workers crossed to Dandong", "Dandong", "2024-03")
    unplaced = make_claim(
        vague, vague.text, "dispatch", count=Count(min=150, max=150), date=DateRange(start="2024-03")
    )

    assert len(corroborate([placed, unplaced], [info(DAILY_NK), info(vague)])) == 2
