"""The whole extractor on small gold-style documents written for these tests."""

from __future__ import annotations

from yalu.extract import extract_document
from yalu.model import Claim, Document

REPORT = Document(
    id="fixture-1",
    published="2023-11-20",
    text=(
        "Hundreds of North Korean workers sent to Hunchun\n"
        "A source in Ryanggang Province told the agency on Nov. 14 that about 300 North Korean workers "
        "were bused to seafood plants in Hunchun, Jilin Province, between Oct. 3 and 5. "
        "They crossed through Quanhe.\n"
        "Each worker receives 1,200 yuan (about $165) per month, the source said.\n"
        "Managers confiscate their passports on arrival.\n"
        "Last month, two workers escaped from a factory in Yanji.\n"
        "Kumsong Trading Company recruits the workers and the Ministry of State Security vets them.\n"
        "The North Korean authorities ban workers from using mobile phones.\n"
        "More workers will be sent next year, the source said.\n"
        "Q: How many work there?\n"
    ),
)


def by_type(claims: list[Claim], claim_type: str) -> list[Claim]:
    return [c for c in claims if c.type == claim_type]


def test_evidence_quotes_are_exact_offsets() -> None:
    for claim in extract_document(REPORT):
        for evidence in claim.evidence:
            assert REPORT.text[evidence.start : evidence.end] == evidence.quote


def test_dispatch_with_count_dates_places_and_headline_merged() -> None:
    [dispatch, planned] = by_type(extract_document(REPORT), "dispatch")
    assert (dispatch.count.min, dispatch.count.max) == (300, 300)  # type: ignore[union-attr]
    assert dispatch.count.text == "about 300 North Korean workers"  # type: ignore[union-attr]
    assert (dispatch.date.start, dispatch.date.end, dispatch.date.precision) == (  # type: ignore[union-attr]
        "2023-10-03", "2023-10-05", "day",
    )  # fmt: skip
    names = {p.name: p.role for p in dispatch.places}
    assert names["Hunchun"] == "destination" and "Ryanggang" not in names
    assert dispatch.sectors == ["seafood"]
    assert dispatch.rule and dispatch.rule.startswith("dispatch.")
    quotes = [e.quote for e in dispatch.evidence]
    assert quotes[0].endswith("They crossed through Quanhe.")
    assert "Hundreds of North Korean workers sent to Hunchun" in quotes
    assert planned.modality == "expected"
    assert planned.date and planned.date.start == "2024"


def test_wage_keeps_the_first_currency() -> None:
    [wage] = by_type(extract_document(REPORT), "wage")
    assert wage.money and (wage.money.min, wage.money.currency, wage.money.per) == (1200, "CNY", "month")
    assert wage.money.flow == "worker_pay"
    assert wage.places == []


def test_condition_incident_organization_policy() -> None:
    claims = extract_document(REPORT)
    assert any("retention_of_documents" in c.indicators for c in by_type(claims, "condition"))
    [escape] = by_type(claims, "incident")
    assert (escape.incident, escape.count.min, escape.date.start) == ("escape", 2, "2023-10")  # type: ignore[union-attr]
    [organization] = by_type(claims, "organization")
    assert organization.organizations == ["Kumsong Trading Company", "Ministry of State Security"]
    [policy] = by_type(claims, "policy")
    assert policy.actor == "DPRK"


def test_questions_and_ids_are_stable() -> None:
    first, second = extract_document(REPORT), extract_document(REPORT)
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == len(first)
    assert not any("How many" in e.quote for c in first for e in c.evidence)


def test_background_and_non_worker_numbers_give_no_claims() -> None:
    document = Document(
        id="fixture-2",
        published="2022",
        text=(
            "The regime has long relied on sending workers overseas, with China its biggest market. "
            "Some 40 restaurants opened in 2019."
        ),
    )
    assert extract_document(document) == []


def test_a_participle_describing_the_workers_is_not_a_second_event() -> None:
    document = Document(
        id="fixture-3",
        published="2021-08-01",
        text="Some 80 workers dispatched to Tumen were sent home in May.",
    )
    [claim] = extract_document(document)
    assert (claim.type, claim.date.start) == ("return", "2021-05")  # type: ignore[union-attr]


def test_sources_are_not_places_and_un_sanctions_are_one_claim() -> None:
    text = (
        "About 900 North Korean workers were sent to Khabarovsk last year, South Korea's spy agency said, "
        "in violation of U.N. Security Council resolutions. "
        "U.N. Security Council resolutions ban the dispatch of North Korean workers abroad."
    )
    claims = extract_document(Document(id="fixture-4", published="2024-02-01", text=text))
    [dispatch] = by_type(claims, "dispatch")
    assert [p.name for p in dispatch.places] == ["Khabarovsk"]
    [policy] = by_type(claims, "policy")
    assert policy.actor == "UN" and len(policy.evidence) == 2


def test_a_count_of_workers_in_a_place_is_presence_and_deportation_a_return() -> None:
    text = (
        "Some 400 North Korean sculptors and builders are in Windhoek, Namibia. "
        "The government said it would deport them."
    )
    claims = extract_document(Document(id="fixture-5", published="2019-05-01", text=text))
    [presence] = by_type(claims, "presence")
    assert (presence.rule, presence.count.min) == ("presence.count_in_place", 400)  # type: ignore[union-attr]
    assert {p.name for p in presence.places} == {"Windhoek", "Namibia"}
    [deport] = by_type(claims, "return")
    assert deport.modality == "expected"


def test_claims_sharing_a_quote_have_their_own_ids() -> None:
    text = "There are about 9,000 North Korean workers in Primorsky Krai and about 3,000 in Khabarovsk Krai."
    claims = extract_document(Document(id="fixture-6", published="2020-01-01", text=text))
    assert [(c.type, c.count.min) for c in claims] == [("presence", 9000), ("presence", 3000)]  # type: ignore[union-attr]
    assert len({c.id for c in claims}) == 2


def test_two_groups_in_one_city_stay_two_presence_claims() -> None:
    text = (
        "North Korean workers sew coats in Yanji\n"
        "North Korean women sew coats at a garment plant in Yanji, Jilin. "
        "Other North Korean workers pack seafood in factories in Yanji."
    )
    claims = extract_document(Document(id="fixture-7", published="2020-01-01", text=text))
    presence = by_type(claims, "presence")
    assert len(presence) == 2
    assert [len(c.evidence) for c in presence] == [2, 1]
