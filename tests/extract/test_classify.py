"""Claim-type triggers, incidents, actors, modality and negation on sentences of their own."""

from __future__ import annotations

from yalu.extract.classify import (
    actor_mentions,
    find_incidents,
    find_labels,
    find_triggers,
    incident_label,
    is_expected,
    negated,
)


def incidents(text: str) -> list[str]:
    return [incident_label(t) for t in find_incidents(text)]


def test_type_triggers() -> None:
    assert "dispatch" in find_triggers("The agency dispatched 40 welders to Vladivostok.")
    assert "return" in find_triggers("About 60 seamstresses were sent home in June.")
    assert "policy" in find_triggers("Moscow banned new work permits for them.")
    assert find_triggers("The weather in Hunchun was mild.") == {}


def test_the_dispatched_workers_is_not_a_dispatch_event() -> None:
    assert "dispatch" not in find_triggers("The dispatched workers live in a dormitory.")


def test_sectors_and_indicators() -> None:
    assert find_labels("sectors", "They sew garments and pack shoes.") == ["garment", "manufacturing"]
    text = "Minders confiscated their passports and they work 14 hours a day."
    assert set(find_labels("indicators", text)) == {
        "restriction_of_movement", "retention_of_documents", "excessive_overtime",
    }  # fmt: skip
    assert find_labels("indicators", "Critics call it forced labour.") == []


def test_incidents_and_their_blockers() -> None:
    assert incidents("Two loggers escaped from the camp in May.") == ["escape"]
    assert incidents("Guards keep them inside to prevent them from escaping.") == []
    assert incidents("A supervisor was beaten to death by workers.") == ["killing"]
    assert incidents("The crew went on strike over unpaid wages.") == ["protest"]


def test_actors() -> None:
    assert [a for _, a in actor_mentions("Chinese authorities issued fewer visas.")] == ["China"]
    assert [a for _, a in actor_mentions("It violates U.N. Security Council resolutions.")] == [
        "UN",
        "UN",
        "UN",
    ]
    assert actor_mentions("They let us rest on Sundays.") == []


def test_modality_and_negation() -> None:
    [trigger] = [find_triggers("The firm will send 80 workers to Tumen.")["dispatch"]]
    assert is_expected("The firm will send 80 workers to Tumen.", trigger)
    trigger = find_triggers("The firm sent 80 workers to Tumen.")["dispatch"]
    assert not is_expected("The firm sent 80 workers to Tumen.", trigger)
    for text in ("They\u2019ll send 80 workers to Tumen.", "The firm'll send 80 workers to Tumen."):
        assert is_expected(text, find_triggers(text)["dispatch"]), text
    text = "No workers have been repatriated since the spring."
    assert negated(text, find_triggers(text)["return"])


def test_money_that_moves_is_not_workers_moving() -> None:
    text = "Their salaries are paid to managers and repatriated to Pyongyang."
    assert negated(text, find_triggers(text)["return"])
    text = "Buses repatriated 200 workers in May."
    assert not negated(text, find_triggers(text)["return"])


def test_a_demand_for_workers_is_not_a_rule() -> None:
    assert "policy" not in find_triggers("To meet the demand for workers, firms raised pay.")
    assert "policy" in find_triggers("The embassy demanded that workers stay inside.")


def test_an_event_in_an_if_clause_did_not_happen() -> None:
    text = "If the workers in Yanji begin going home, others will replace them."
    assert negated(text, find_triggers(text)["return"])


def test_long_phrases_with_commas() -> None:
    text = "Officials moved most workers, once spread across the country, to two provinces."
    assert find_triggers(text)["policy"].rule == "policy.order"
    text = "Guards work to prevent the North Korean staff in the port from escaping."
    assert "restriction_of_movement" in find_labels("indicators", text)


def test_arrivals_permits_and_ministries() -> None:
    assert "dispatch" in find_triggers("About 300 of them arrived in Khabarovsk in May.")
    text = "Russia's labour ministry issued 900 work permits to North Koreans."
    assert find_triggers(text)["policy"].rule == "policy.visa"
    assert [a for _, a in actor_mentions(text)] == ["Russia"]
    assert actor_mentions("Russia's Far East is cold.") == []


def test_more_restriction_and_withholding_wording() -> None:
    assert find_labels("indicators", "They never leave the dormitory without a minder.") == [
        "restriction_of_movement"
    ]
    assert find_labels("indicators", "Most of their wages go home with them.") == []
    assert find_labels("indicators", "Most of it goes to the state trading company.") == [
        "withholding_of_wages"
    ]


def test_income_shares_passports_and_internet() -> None:
    text = "The company takes 80 percent of their income and they hand over their passports."
    assert find_labels("indicators", text) == ["retention_of_documents", "withholding_of_wages"]
    assert find_labels("indicators", "They are not allowed to use the internet.") == ["isolation"]


def test_twelve_hours_a_day_is_excessive_ten_is_not() -> None:
    assert find_labels("indicators", "They sew 14 hours a day.") == ["excessive_overtime"]
    assert find_labels("indicators", "They sew 10 to 16 hours a day.") == ["excessive_overtime"]
    assert find_labels("indicators", "They sew 10 hours a day.") == []
