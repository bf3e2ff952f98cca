"""Partner -> vector mapping: the shipped AZE section, the general default, and user files (#4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomap.analyze.vectors import VectorError, load_vectors

from .synthetic import knowledge


def test_shipped_vectors_for_aze() -> None:
    vmap = load_vectors("aze", knowledge())
    assert vmap.configured
    expected = {
        "ARM": "Armenia", "USA": "United States and the EU", "EU": "United States and the EU",
        "EC": "United States and the EU",  # an EU body counts as the EU
        "FRA": "United States and the EU",  # an EU member state
        "RUS": "Russia", "CSTO": "Russia", "TUR": "Türkiye", "KAZ": "Central Asia", "OTS": "Central Asia",
        "ISR": "Middle East", "CHN": "China and others", "SCO": "China and others",
        "BRA": "China and others",  # claimed by no vector: the catch-all
    }
    assert {code: vmap.vector_of(code) for code in expected} == expected
    assert vmap.vector_of("AZE") is None
    assert vmap.names() == ("Armenia", "United States and the EU", "Russia", "Türkiye", "Central Asia",
                            "Middle East", "China and others")


def test_general_default_from_areas_great_powers_and_blocs() -> None:
    vmap = load_vectors("GEO", knowledge())
    assert not vmap.configured
    got = {code: vmap.vector_of(code) for code in ("ARM", "AZE", "USA", "RUS", "EU", "EC", "FRA", "KAZ", "OTS",
                                                      "SCO", "XYZ")}
    assert got == {
        "ARM": "South Caucasus", "AZE": "South Caucasus", "USA": "United States", "RUS": "Russia",
        "EU": "European Union", "EC": "European Union", "FRA": "European Union", "KAZ": "Central Asia",
        "OTS": "Multilateral",  # members in three vectors
        "SCO": "Multilateral", "XYZ": "Other partners",
    }
    # the focus country's own area leads, then the great powers and blocs the partners reach
    assert vmap.names(["KAZ", "RUS", "ARM", "XYZ", "EC"]) == (
        "South Caucasus", "Russia", "European Union", "Central Asia", "Other partners")


def test_default_names_are_unique_for_a_focus_that_is_no_state() -> None:
    # the focus has no area, so "Other partners" must neither lead nor repeat
    assert load_vectors("XYZ", knowledge()).names(["ABC", "KAZ"]) == ("Central Asia", "Other partners")


def test_an_organisation_whose_members_share_one_vector_joins_it() -> None:
    kb = knowledge()
    kb.add_csv("id,name,aliases,kind,country,parent,members,qid\nC2,Pair,,igo,,,KAZ|UZB,\n", "extra.csv")
    assert load_vectors("GEO", kb).vector_of("C2") == "Central Asia"


def test_user_file_replaces_the_shipped_section(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[[country.AZE.vectors]]\nname = "Neighbours"\npartners = ["ARM", "GEO"]\n'
                    '[[country.AZE.vectors]]\nname = "World"\nrest = true\n', encoding="utf-8")
    vmap = load_vectors("AZE", knowledge(), path)
    assert (vmap.vector_of("GEO"), vmap.vector_of("TUR")) == ("Neighbours", "World")


@pytest.mark.parametrize(("text", "message"), [
    ('[[country.AZE.vectors]]\nname = "Only"\n', "exactly one vector with rest = true"),
    ('[[country.AZE.vectors]]\npartners = ["ARM"]\n', "has no name"),
    ("[country\n", "not valid TOML"),
])
def test_bad_user_file_says_what_to_fix(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VectorError, match=message):
        load_vectors("AZE", knowledge(), path)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(VectorError, match="no such vectors file"):
        load_vectors("AZE", knowledge(), tmp_path / "nope.toml")
