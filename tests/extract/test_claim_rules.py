"""Claim rules that generalize across reports: lists of counts, wages kept by the state,
return direction, population estimates, UN rules, planned movements and places that fill
no role. Each rule has a sentence that must fire and one that must not."""

from __future__ import annotations

from yalu.extract import extract_document
from yalu.model import Claim, Document


def claims_of(text: str, published: str = "2024-03-15") -> list[Claim]:
    return extract_document(Document(id="rules", published=published, text=text))


def summary(claims: list[Claim], claim_type: str) -> list[tuple[int | None, list[str]]]:
    return [
        (c.count.min if c.count else None, [p.name for p in c.places]) for c in claims if c.type == claim_type
    ]  # type: ignore[misc]


def test_each_count_and_place_of_a_list_is_its_own_presence_claim() -> None:
    text = (
        "The ministry said Pyongyang earns $300 million a year from some 50,000 laborers overseas, "
        "roughly 20,000 of them in Mongolia and roughly 25,000 in Kazakhstan."
    )
    claims = claims_of(text)
    assert sorted(summary(claims, "presence")) == [
        (20000, ["Mongolia"]),
        (25000, ["Kazakhstan"]),
        (50000, []),
    ]
    assert [c.type for c in claims].count("wage") == 1


def test_a_subgroup_is_not_a_second_claim() -> None:
    claims = claims_of("The plant in Yanji employs 300 workers, including 40 women from Hyesan.")
    assert [count for count, _ in summary(claims, "presence")] == [300]


def test_two_countries_each_sending_workers_home_are_two_returns() -> None:
    claims = claims_of("Laos deported 310 North Koreans, and Vietnam sent back about 1,200.")
    assert summary(claims, "return") == [(310, ["Laos"]), (1200, ["Vietnam"])]
    claims = claims_of(
        "Mongolia sent home 3,000 North Korean workers, and Kazakhstan says it has repatriated the rest."
    )
    assert summary(claims, "return") == [(3000, ["Mongolia"]), (None, ["Kazakhstan"])]


def test_a_list_of_destinations_stays_one_dispatch() -> None:
    text = (
        "Hundreds of North Korean workers are sent to Laos, Vietnam, and Africa, "
        "where they are mobilized to earn money."
    )
    assert len([c for c in claims_of(text) if c.type == "dispatch"]) == 1


def test_two_trades_joined_by_and_are_two_dispatches() -> None:
    text = "The deployment will consist of 3,000 road construction workers and 500 electrical specialists."
    assert [count for count, _ in summary(claims_of(text), "dispatch")] == [3000, 500]


def indicators_of(text: str) -> list[list[str]]:
    return [c.indicators for c in claims_of(text) if c.type == "condition"]


def test_the_states_cut_of_the_pay_is_withholding_of_wages() -> None:
    for text in (
        "Some 3,000 North Koreans sew in Laos, where most of their earnings are sent to the regime.",
        "Supervisors collect the workers' salaries and forward them to the state trading firm.",
        "The men must still hand the regime its share in euros.",
        'Most of their pay goes to the state as "party funds".',
        "The laborers keep only a small part of what they earn.",
        "The state takes 70 percent of the loggers' wages.",
    ):
        assert indicators_of(text) == [["withholding_of_wages"]], text


def test_pay_the_workers_keep_is_not_withholding() -> None:
    assert indicators_of("The workers keep most of what they earn and send it to their families.") == []
    assert indicators_of("Sanctions were tightened to cut off money for the missile programme.") == []


def test_the_government_in_a_capital_is_not_a_place_of_the_claim() -> None:
    text = "900 North Koreans sew in Vladivostok, where most of their pay goes to the regime in Pyongyang."
    assert {p.name for c in claims_of(text) for p in c.places} == {"Vladivostok"}


def test_the_states_cut_stated_twice_is_one_condition() -> None:
    text = (
        "North Korean loggers in Siberia keep only a fraction of their pay. "
        "An official said the state takes most of what the loggers earn."
    )
    [condition] = [c for c in claims_of(text) if c.type == "condition"]
    assert len(condition.evidence) == 2


def types_of(text: str) -> list[str]:
    return sorted(c.type for c in claims_of(text))


def test_crossing_back_into_the_dprk_is_a_return() -> None:
    text = "Trucks carrying North Korean loggers drove from Khabarovsk back to North Korea on Monday."
    assert summary(claims_of(text), "return") == [(None, ["Khabarovsk"])]
    assert types_of("Around 300 North Korean workers crossed from Sinuiju into Dandong in May.") == [
        "dispatch"
    ]


def test_fewer_permits_held_is_a_return_count() -> None:
    text = "Mongolia said the number of North Koreans holding labor permits had dropped by 1,250 since 2018."
    assert summary(claims_of(text), "return") == [(1250, ["Mongolia"])]


def test_sending_workers_back_is_not_a_dispatch() -> None:
    text = "Mongolia is meeting the deadline by sending the North Korean loggers back, officials said."
    assert types_of(text) == ["return"]


def test_an_obligation_to_go_home_is_a_un_rule_not_a_return() -> None:
    text = (
        "Under resolution 2375 all North Korean workers should have left Mongolia by 2019, "
        "and no new labor permits were to be granted to them."
    )
    [claim] = claims_of(text)
    assert (claim.type, claim.actor, claim.count) == ("policy", "UN", None)
    [claim] = claims_of("UN sanctions bar member states from hiring North Korean workers.")
    assert (claim.type, claim.actor) == ("policy", "UN")


def test_a_visa_decision_despite_sanctions_belongs_to_the_host() -> None:
    [claim] = claims_of("Mongolia issued 500 new work permits to North Korean workers despite UN sanctions.")
    assert (claim.type, claim.actor) == ("policy", "other")


def test_numbers_that_name_something_count_no_one() -> None:
    [presence] = [
        c
        for c in claims_of("Office 39 employs 120 North Korean workers in Ulaanbaatar.")
        if c.type == "presence"
    ]
    assert presence.count is not None and presence.count.min == 120


def test_troops_are_not_workers() -> None:
    assert claims_of("Some 9,000 North Korean troops have been deployed to the front in Ukraine.") == []
    text = (
        "The leaders of the strike would be sent to a labor camp, a source said of the North Korean workers."
    )
    assert "dispatch" not in types_of(text)


def test_a_counted_workforce_abroad_is_presence_even_beside_its_earnings() -> None:
    claims = claims_of("Around 80,000 North Koreans work abroad, earning the regime $300 million a year.")
    assert sorted(c.type for c in claims) == ["presence", "wage"]
    assert summary(claims, "presence") == [(80000, [])]
    text = "About 2,000 North Korean workers were believed to be in Mongolia, each paid about $400 a month."
    assert summary(claims_of(text), "presence") == [(2000, ["Mongolia"])]


def test_work_abroad_without_a_count_is_background() -> None:
    assert claims_of("Teachers, builders and IT technicians all choose to work abroad.") == []
    assert types_of("The average worker in Mongolia earns around $300 a month.") == ["wage"]


def modality_of(text: str, claim_type: str) -> list[str]:
    return [c.modality for c in claims_of(text) if c.type == claim_type]


def test_orders_plans_and_readiness_are_expected_dispatches() -> None:
    for text in (
        "The minister has ordered 2,000 North Korean road builders to be sent to Mongolia's Darkhan region.",
        "Mongolia intends to bring in some 3,000 North Korean laborers before 2027 to work at mines.",
        "Agencies have contracts ready to send about 5,000 more North Korean workers to Laos.",
    ):
        assert modality_of(text, "dispatch") == ["expected"], text
    assert modality_of("The firm sent 300 North Korean workers to Laos in May.", "dispatch") == ["reported"]


def test_an_order_already_given_is_a_reported_rule_and_money_brought_in_moves_no_one() -> None:
    text = "North Korean authorities have ordered that workers in Laos stay inside their dormitories."
    assert modality_of(text, "policy") == ["reported"]
    assert claims_of("The regime is bringing in hundreds of millions of dollars from its workers.") == []


def places_of(text: str) -> set[str]:
    return {p.name for c in claims_of(text) for p in c.places}


def test_outlets_wars_trade_agencies_and_datelines_fill_no_role() -> None:
    assert places_of("About 500 North Korean workers protested in Yanji, Mongolia Daily News reported.") == {
        "Yanji"
    }
    text = "Thousands of North Koreans are sent to Mongolia to ease a shortage caused by the war in Ukraine."
    assert places_of(text) == {"Mongolia"}
    assert places_of(
        "A plant in Hunchun that doubled its exports to Japan employed 300 North Korean workers."
    ) == {"Hunchun"}
    assert places_of("The U.S. Treasury sanctioned a firm that sent 200 North Korean workers to Laos.") == {
        "Laos"
    }
    assert places_of("ULAANBAATAR, Mongolia — About 800 North Korean workers arrived in Yanji in May.") == {
        "Yanji"
    }


def test_a_place_in_the_body_still_fills_its_role() -> None:
    assert places_of("About 800 North Korean workers arrived in Mongolia in May, the Daily News said.") == {
        "Mongolia"
    }


def organizations_of(text: str) -> list[list[str]]:
    return [c.organizations for c in claims_of(text) if c.type == "organization"]


def test_company_names_ending_in_co_corp_shipping_or_food() -> None:
    text = "Two firms supplied the welders: Korea Paekho General Corp and Korea Myohyang Shipping Co."
    assert organizations_of(text) == [["Korea Paekho General Corp", "Korea Myohyang Shipping Co"]]
    assert organizations_of("Yanbian Haedong Food hires 200 North Korean women to pack squid.") == [
        ["Yanbian Haedong Food"]
    ]


def test_parties_as_affiliations_and_sanctioning_offices_are_not_organizations() -> None:
    assert organizations_of("A Democratic Party lawmaker said Mongolia may be recruiting the workers.") == []
    text = "The Office of Foreign Assets Control sanctioned firms that sent IT workers to Laos."
    assert organizations_of(text) == []
    text = "His wages are collected by a cadre of the Workers' Party of Korea in Laos."
    assert organizations_of(text) == [["Workers' Party of Korea"]]


def test_goods_traced_abroad_and_a_place_description_are_background() -> None:
    assert claims_of("Reporters traced squid packed by these North Korean workers to shops in Canada.") == []
    assert (
        claims_of("Darkhan is where Mongolia builds the rockets it uses to strike its neighbours' cities.")
        == []
    )


def test_workers_on_strike_and_at_work_are_still_claims() -> None:
    assert types_of("About 300 North Korean workers went on strike in Yanji in May.") == ["incident"]
    assert types_of("About 300 North Korean workers pack squid at a plant in Yanji.") == ["presence"]


def test_a_deadline_given_to_states_is_a_un_rule_not_a_return() -> None:
    [claim] = claims_of(
        "The resolution gave member states two years to send home every North Korean worker abroad."
    )
    assert (claim.type, claim.actor) == ("policy", "UN")
    assert types_of("About 300 North Korean workers returned home from Laos in May.") == ["return"]


def test_a_demand_that_workers_leave_is_the_hosts_rule_not_presence() -> None:
    [claim] = claims_of("China is demanding that all North Koreans working in the country leave.")
    assert (claim.type, claim.actor) == ("policy", "China")


def test_pay_held_until_workers_return_is_no_return() -> None:
    text = "The state seizes most of these workers' wages and holds back the rest until they return home."
    assert types_of(text) == ["condition"]


def test_north_korean_businesses_are_not_workers() -> None:
    assert claims_of("North Korean businesses already operating in Laos may not expand.") == []


def test_more_evidence_of_forced_labour_indicators() -> None:
    cases = {
        "Most loggers work under the control of senior supervisors.": "restriction_of_movement",
        "The women were held in captivity at a plant in Yanji.": "restriction_of_movement",
        "The builders live on site under police guard.": "restriction_of_movement",
        "Telephones are off limits to the seamstresses.": "isolation",
        "They struck because their pay had gone unpaid for months.": "withholding_of_wages",
        "Their shifts in the shipyard last at least 14 hours.": "excessive_overtime",
        "The welders kept working until 3 a.m. most nights.": "excessive_overtime",
        "The workers get two days off a year.": "excessive_overtime",
    }
    for text, indicator in cases.items():
        assert any(indicator in found for found in indicators_of(text)), text


def test_arrivals_border_crossings_and_selection_are_dispatches() -> None:
    for text in (
        "Dozens of buses, each carrying about 40 workers, cross the border into Mongolia every month.",
        "An official in Yanji said more than 200 North Korean women had already arrived.",
        "Ten workers are picked from each factory in Hyesan for jobs in Mongolia.",
        "One worker said a minder met him when he landed in Vladivostok.",
    ):
        assert "dispatch" in types_of(text), text
    assert "dispatch" not in types_of("About 300 North Korean workers pack squid at a plant in Yanji.")


def test_this_week_resolves_to_its_month() -> None:
    text = "Trucks carrying North Korean loggers drove from Khabarovsk back to North Korea this week."
    [claim] = claims_of(text, published="2024-12-03")
    assert claim.date is not None and (claim.date.start, claim.date.end) == ("2024-12", "2024-12")


def test_a_later_sentence_with_a_count_is_its_own_claim() -> None:
    text = (
        "Buses carrying North Korean workers crossed from Dandong into North Korea in December. "
        "More than 100 North Korean workers went home on Dec. 12 alone."
    )
    returns = [c for c in claims_of(text, published="2024-12-20") if c.type == "return"]
    assert sorted(c.count.min if c.count else 0 for c in returns) == [0, 100]
