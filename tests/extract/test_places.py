"""The gazetteer: its data files, and finding and resolving places in sentences written for these tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from yalu.errors import InputError, NotFoundError
from yalu.extract.places import Gazetteer, Place, PlaceMention, load_gazetteer
from yalu.extract.places.curated import read_kinds, read_places, read_stoplist
from yalu.extract.places.geonames import country_codes
from yalu.extract.places.names import key_of

DATA = resources.files("yalu.extract").joinpath("data")
HEADER = "id,name,kind,country,parent,lat,lon,geonames,admin1,aliases\n"
BORDER_REGION = (
    "kp-pyongyang", "kp-rason", "kp-nampo", "kp-sinuiju", "kp-hyesan", "kp-musan", "kp-onsong",
    "cn-dandong", "cn-donggang", "cn-kuandian", "cn-hunchun", "cn-tumen", "cn-helong", "cn-nanping",
    "cn-longjing", "cn-yanji", "cn-changbai", "cn-jian", "cn-linjiang", "cn-shenyang", "cn-yanbian",
    "ru-vladivostok", "ru-khabarovsk", "ru-nakhodka", "ru-primorsky", "ru-amur", "ru-tatarstan",
    "ru-alabuga", "ru-sakhalin", "ru-far-east", "yalu-river", "tumen-river", "cn-friendship-bridge",
    "middle-east", "africa",
)  # fmt: skip
VALID_ROWS = "cn,China,country,CN,,35.9,104.2,,,\ncn-dandong,Dandong,city,CN,cn,40.1,124.4,2037886,,단동\n"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def found(gazetteer: Gazetteer, text: str, context: str | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in gazetteer.find(text, context)]


# --- the data files -------------------------------------------------------------------------------


def test_curated_places_form_a_valid_hierarchy() -> None:
    kinds = read_kinds(DATA.joinpath("place_kinds.yaml"))
    curated = read_places(DATA.joinpath("places.csv"), kinds, country_codes())
    by_id = {p.id: p for p in curated.places}
    assert len(by_id) == len(curated.places)
    for place in curated.places:
        assert place.lat is not None and -90 <= place.lat <= 90
        assert place.lon is not None and -180 <= place.lon <= 180
        top = place
        while top.parent_id is not None:
            top = by_id[top.parent_id]
        if place.country is not None:
            assert top.id == place.country.lower(), f"{place.id} does not reach its country"


def test_curated_places_cover_the_border_region() -> None:
    curated = read_places(
        DATA.joinpath("places.csv"), read_kinds(DATA.joinpath("place_kinds.yaml")), country_codes()
    )
    kinds_by_id = {p.id: p.kind for p in curated.places}
    dprk_provinces = [p for p in curated.places if p.country == "KP" and p.kind == "province"]
    assert len(dprk_provinces) == 9
    for place_id in BORDER_REGION:
        assert place_id in kinds_by_id, place_id
    assert {"crossing", "bridge", "river", "region"} <= set(kinds_by_id.values())


def test_stoplist_never_hides_a_curated_name() -> None:
    curated = read_places(
        DATA.joinpath("places.csv"), read_kinds(DATA.joinpath("place_kinds.yaml")), country_codes()
    )
    curated_keys = {key_of(name) for p in curated.places for name in (p.name, *p.aliases)}
    stoplist = read_stoplist(DATA.joinpath("place_stoplist.txt"))
    assert "Mobile" in stoplist
    assert not curated_keys & {key_of(phrase) for phrase in stoplist}


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (VALID_ROWS + "cn-dandong,Dandong,city,CN,cn,40.1,124.4,,,\n", "duplicate id"),
        ("cn-dandong,Dandong,city,CN,cn-liaoning,40.1,124.4,,,\n", "parent 'cn-liaoning' does not exist"),
        ("cn-dandong,Dandong,city,CN,,95,124.4,,,\n", "outside ±90"),
        ("cn-dandong,Dandong,city,CN,,north,124.4,,,\n", "north"),
        ("cn-dandong,Dandong,metropolis,CN,,40.1,124.4,,,\n", "unknown kind"),
        ("cn-dandong,Dandong,city,XX,,40.1,124.4,,,\n", "unknown country code"),
        (VALID_ROWS + "cn-antung,Antung,city,CN,cn,40.1,124.4,,,단동\n", "names both"),
        (VALID_ROWS + "cn-antung,Antung,city,CN,cn,40.1,124.4,2037886,,\n", "already used"),
        (VALID_ROWS + "kp-sinuiju,Sinuiju,city,KP,cn-dandong,40.1,124.4,,,\n", "its parent is not"),
    ],
)
def test_bad_rows_are_reported_with_file_and_line(tmp_path: Path, rows: str, problem: str) -> None:
    path = tmp_path / "places.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as error:
        read_places(path, read_kinds(DATA.joinpath("place_kinds.yaml")), country_codes())
    assert str(error.value).startswith(f"{path}:")


def test_a_kind_without_a_known_precision_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "place_kinds.yaml"
    path.write_text("city: {precision: street}\n", encoding="utf-8")
    with pytest.raises(InputError, match="precision must be one of"):
        read_kinds(path)


# --- finding names --------------------------------------------------------------------------------


def test_mentions_carry_exact_offsets(gazetteer: Gazetteer) -> None:
    text = "Some 200 workers left Sinuiju for Dandong's seafood plants."
    mentions = gazetteer.find(text)
    assert [(m.text, m.place.name) for m in mentions] == [("Sinuiju", "Sinuiju"), ("Dandong", "Dandong")]
    assert all(isinstance(m, PlaceMention) and text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("A bus from Sinŭiju arrived.", "kp-sinuiju"),
        ("A bus from Shinuiju arrived.", "kp-sinuiju"),
        ("A bus from SINUIJU arrived.", "kp-sinuiju"),
        ("Recruits from Yanggang were chosen.", "kp-ryanggang"),
        ("Recruits from Ryanggang-do were chosen.", "kp-ryanggang"),
        ("They crossed the Amnokgang at night.", "yalu-river"),
        ("They crossed the Amnok River at night.", "yalu-river"),
        ("Workers from Ch'ŏngjin were sent.", "kp-chongjin"),
        ("Cross-border trade in Ji-an slowed.", "cn-jian"),
        ("Builders flew to St. Petersburg.", "ru-saint-petersburg"),
        ("Workers in Kaisantun were recalled.", "cn-kaishantun"),
    ],
)
def test_romanization_variants(gazetteer: Gazetteer, text: str, place_id: str) -> None:
    assert [place for _, place in found(gazetteer, text)] == [place_id]


def test_hangul_and_chinese_names_match_inside_words(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "량강도 혜산에서 온 로동자들") == [
        ("량강도", "kp-ryanggang"),
        ("혜산", "kp-hyesan"),
    ]
    assert found(gazetteer, "在丹东市的服装厂") == [("丹东市", "cn-dandong")]
    assert found(gazetteer, "去长白山旅游，不是长白县") == [
        ("长白山", "kp-mount-paektu"),
        ("长白县", "cn-changbai"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A source in North Pyongan Province said so.", [("North Pyongan Province", "kp-north-pyongan")]),
        ("Factories in Liaoning Province hire them.", [("Liaoning Province", "cn-liaoning")]),
        ("They work in Jilin Province.", [("Jilin Province", "cn-jilin")]),
        ("They work in Jilin City.", [("Jilin City", "cn-jilin-city")]),
        ("They work in Jilin.", [("Jilin", "cn-jilin")]),
        ("A boat on the Tumen River near Tumen.", [("Tumen River", "tumen-river"), ("Tumen", "cn-tumen")]),
        ("Tourists visit Changbai Mountain.", [("Changbai Mountain", "kp-mount-paektu")]),
        ("Traders in Changbai County agree.", [("Changbai County", "cn-changbai")]),
        ("The New Yalu River Bridge is unopened.", [("New Yalu River Bridge", "cn-new-yalu-bridge")]),
        (
            "They walked in Mount Kumgang Park in Dandong.",
            [("Mount Kumgang Park", "cn-jinjiangshan-park"), ("Dandong", "cn-dandong")],
        ),
    ],
)
def test_the_longest_name_wins(gazetteer: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(gazetteer, text) == expected


def test_adjectives_are_not_places(gazetteer: Gazetteer) -> None:
    text = "Chinese managers, Russian firms, Siberian camps, North and South Korean officials, Polish yards."
    assert found(gazetteer, text) == []


def test_nouns_possessives_and_qualified_countries_are(gazetteer: Gazetteer) -> None:
    text = "Qatar's stadiums, Russia's Far East and northern China all used them."
    assert found(gazetteer, text) == [("Qatar", "qa"), ("Russia's Far East", "ru-far-east"), ("China", "cn")]


def test_named_regions_are_places(gazetteer: Gazetteer) -> None:
    text = "Crews went to the Russian Far East, Siberia, the Middle East, Africa and Southeast Asia."
    assert [place for _, place in found(gazetteer, text)] == [
        "ru-far-east", "ru-siberia", "middle-east", "africa", "southeast-asia",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Mobile phones are confiscated on arrival.",
        "Reading the contract was not allowed.",
        "Police said nothing. Male workers sleep apart. Split shifts are common.",
        "Of the 40 workers, most are women; Nice weather rarely helps.",
        "Kim Jong Un praised them, Radio Free Asia reported.",
        "Each earns US$300, the ILO said; tell us more.",
        "Prime Minister Stephen Harper met them.",
        "Vladimir Putin thanked the Sejong Institute.",
        "The Gold Coast Hotel hired no one.",
    ],
)
def test_common_words_names_and_outlets_are_not_places(gazetteer: Gazetteer, text: str) -> None:
    assert found(gazetteer, text) == []


def test_acronyms_match_only_in_capitals(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "The DPRK and the U.S. disagree.") == [("DPRK", "kp"), ("U.S", "us")]
    assert found(gazetteer, "the dprk told us") == []


def test_small_geonames_towns_need_their_country_in_the_context(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Loggers were moved to Vanino.") == []
    assert [p for _, p in found(gazetteer, "Loggers were moved to Vanino, Russia.")] == [
        "geonames-2119932",
        "ru",
    ]
    assert [p for _, p in found(gazetteer, "Builders left Kuwait City.")] == ["geonames-285787"]  # a capital


# --- ambiguous names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "context", "province"),
    [
        ("They entered through Nanping.", None, "cn-jilin"),
        ("They entered through Nanping.", "Nanping, Helong, Jilin Province, faces Musan.", "cn-jilin"),
        ("Factories in Nanping grew.", "Nanping is a city in northern Fujian.", "cn-fujian"),
        ("Traders in Ji'an were told.", None, "cn-jilin"),
        ("Traders in Ji'an were told.", "Ji'an, in Jiangxi province, is far from the border.", "cn-jiangxi"),
        ("Workers in Sanhe went home.", "Sanhe faces Hoeryong across the Tumen.", "cn-jilin"),
        ("Workers in Sanhe went home.", "Sanhe, a city in Hebei near Beijing.", "cn-hebei"),
    ],
)
def test_ambiguous_names_follow_the_context(
    gazetteer: Gazetteer, text: str, context: str | None, province: str
) -> None:
    [mention] = gazetteer.find(text, context)
    assert gazetteer.contains(gazetteer.get(province), mention.place)


def test_reconcile_rereads_or_drops_places_outside_the_texts_countries(gazetteer: Gazetteer) -> None:
    document = "Seafood plants in Donggang, Taiwan, and the port of Gdynia were named."
    mentions = gazetteer.find(document)
    assert gazetteer.countries_named(mentions) == {"TW", "CN"}  # curated Donggang stands for China
    [donggang, taiwan, gdynia] = mentions
    assert donggang.place.country == "CN"
    assert gazetteer.reconcile(donggang, {"TW"}) == PlaceMention(
        donggang.start, donggang.end, "Donggang", gazetteer.lookup("Donggang", country="TW") or taiwan.place
    )
    assert gazetteer.reconcile(gdynia, {"CN", "KP"}) is None
    assert gazetteer.reconcile(gdynia, {"PL"}) == gdynia
    assert gazetteer.reconcile(donggang, {"KP"}) == donggang  # curated places are vouched for
    assert gazetteer.reconcile(gdynia, set()) == gdynia


# --- lookup, hierarchy, precision -----------------------------------------------------------------


def test_lookup_ignores_case_and_accents(gazetteer: Gazetteer) -> None:
    sinuiju = gazetteer.get("kp-sinuiju")
    assert gazetteer.lookup("SINUIJU") == sinuiju
    assert gazetteer.lookup("sinŭiju") == sinuiju
    assert gazetteer.lookup("신의주") == sinuiju
    assert gazetteer.lookup("Jilin province") == gazetteer.get("cn-jilin")
    assert gazetteer.lookup("Nanping", country="CN") == gazetteer.get("cn-nanping")
    assert gazetteer.lookup("Nanping", country="RU") is None
    assert gazetteer.lookup("Nowhere Land") is None


def test_get_refuses_unknown_ids(gazetteer: Gazetteer) -> None:
    with pytest.raises(NotFoundError):
        gazetteer.get("xx-nowhere")


def test_ancestors_children_and_containment(gazetteer: Gazetteer) -> None:
    nanping, jilin = gazetteer.get("cn-nanping"), gazetteer.get("cn-jilin")
    assert [p.name for p in gazetteer.ancestors(nanping)] == ["Helong", "Yanbian", "Jilin", "China"]
    assert gazetteer.contains(jilin, nanping)
    assert gazetteer.contains(jilin, jilin)
    assert not gazetteer.contains(gazetteer.get("cn-liaoning"), nanping)
    assert gazetteer.get("kp-ryanggang") in gazetteer.children(gazetteer.get("kp"))
    assert gazetteer.get("cn-hunchun") in gazetteer.descendants(gazetteer.get("cn-yanbian"))


def test_geonames_cities_hang_under_curated_provinces(gazetteer: Gazetteer) -> None:
    siping = gazetteer.lookup("Siping", country="CN")
    assert isinstance(siping, Place) and siping.source == "geonames"
    assert gazetteer.contains(gazetteer.get("cn-jilin"), siping)


@pytest.mark.parametrize(
    ("place_id", "precision"),
    [
        ("cn-friendship-bridge", "exact"),
        ("cn-nanping", "city"),
        ("cn-helong", "city"),
        ("kp-musan", "city"),
        ("cn-yanbian", "province"),
        ("cn-jilin", "province"),
        ("cn", "country"),
        ("ru-far-east", "region"),
        ("yalu-river", "region"),
    ],
)
def test_precision_follows_the_kind(gazetteer: Gazetteer, place_id: str, precision: str) -> None:
    assert gazetteer.precision(gazetteer.get(place_id)) == precision


def test_place_ref_carries_coordinates_and_precision(gazetteer: Gazetteer) -> None:
    ref = gazetteer.place_ref(gazetteer.get("cn-dandong"), role="destination", text="丹东")
    assert (ref.name, ref.role, ref.country, ref.gazetteer_id, ref.precision, ref.text) == (
        "Dandong", "destination", "CN", "cn-dandong", "city", "丹东",
    )  # fmt: skip
    assert ref.lat == pytest.approx(40.13, abs=0.01) and ref.lon == pytest.approx(124.39, abs=0.01)
