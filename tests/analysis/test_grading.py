"""Claims are graded on the Admiralty code from their outlet and source, and grades become weights."""

from __future__ import annotations

from collections.abc import Callable

from yalu.analysis.documents import DocumentInfo
from yalu.analysis.grading import Grade, grade_claim, grade_claims
from yalu.model import Claim, Document

MakeClaim = Callable[..., Claim]

DAILY_NK = Document(
    id="dnk",
    outlet="Daily NK",
    text=(
        "A source in Ryanggang province told Daily NK that 200 workers left Hyesan in May. "
        "The source said they were bound for construction sites in Russia."
    ),
)
HERALD = Document(
    id="kh", outlet="Korea Herald", text="According to Daily NK, 200 workers left Hyesan in May."
)
UNKNOWN = Document(id="blog", outlet="Border Blog", text="200 workers left Hyesan in May.")
RUMOUR = Document(
    id="rumour", outlet="Border Blog", text="Word is going around that 200 workers left Hyesan in May."
)


def test_a_local_source_in_a_usually_reliable_outlet_is_b3_and_the_grade_carries_forward(
    make_claim: MakeClaim, info: Callable[..., DocumentInfo]
) -> None:
    first = make_claim(DAILY_NK, "200 workers left Hyesan in May", "dispatch")
    later = make_claim(DAILY_NK, "they were bound for construction sites in Russia", "dispatch")

    assert grade_claim(first, info(DAILY_NK)).code == "B3"
    assert grade_claim(later, info(DAILY_NK)).code == "B3"


def test_a_relayed_claim_takes_the_reliability_of_the_outlet_it_relays(
    make_claim: MakeClaim, info: Callable[..., DocumentInfo]
) -> None:
    claim = make_claim(HERALD, HERALD.text, "dispatch")

    grade = grade_claim(claim, info(HERALD))

    assert grade.reliability == "B"
    assert grade.basis.startswith("cited outlet Daily NK")


def test_an_unknown_outlet_cannot_be_judged_and_hearsay_is_doubtful(
    make_claim: MakeClaim, info: Callable[..., DocumentInfo]
) -> None:
    plain = make_claim(UNKNOWN, "200 workers left Hyesan in May", "dispatch")
    rumour = make_claim(RUMOUR, "200 workers left Hyesan in May", "dispatch")

    assert grade_claim(plain, info(UNKNOWN)).code == "F6"
    assert grade_claim(rumour, info(RUMOUR)).code == "F4"


def test_the_basis_of_a_grade_never_repeats_the_sensitive_description(
    make_claim: MakeClaim, info: Callable[..., DocumentInfo]
) -> None:
    claim = make_claim(DAILY_NK, "200 workers left Hyesan in May", "dispatch")
    document = info(DAILY_NK)

    grade = grade_claim(claim, document)

    assert [s.sensitive for s in document.sources] == [True]
    assert "Ryanggang" not in grade.basis


def test_weights_fall_with_reliability_and_credibility() -> None:
    def weight(code: str) -> float:
        return Grade(reliability=code[0], credibility=int(code[1])).weight  # type: ignore[arg-type]

    assert weight("A1") == 1.0
    assert weight("A1") > weight("B2") > weight("B3") > weight("C3") > weight("D4") > weight("E5")


def test_an_analysts_grade_replaces_the_default(
    make_claim: MakeClaim, info: Callable[..., DocumentInfo]
) -> None:
    claim = make_claim(UNKNOWN, "200 workers left Hyesan in May", "dispatch")
    analyst = Grade(reliability="B", credibility=2)

    grades = grade_claims([claim], {UNKNOWN.id: info(UNKNOWN)}, {claim.id: analyst})

    assert grades[claim.id] == analyst
