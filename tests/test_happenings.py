"""Which events tell one happening (analyze/happenings.py): cases written before the rule was."""

from __future__ import annotations

from diplomap.analyze.happenings import happenings, together

from .synthetic import day, event

CONDEMN = "The US, Japan and the EU condemned the drills around the island on Wednesday."


def test_one_reaction_of_several_parties_told_by_one_sentence_is_one_happening() -> None:
    usa = event("a", "ACCUSE", ("USA",), ("CHN",), day(4, 2), CONDEMN, sentence=3)
    jpn = event("b", "ACCUSE", ("JPN",), ("CHN",), day(4, 2), CONDEMN, sentence=3)
    eu = event("c", "ACCUSE", ("EU",), ("CHN",), day(4, 2), CONDEMN, sentence=3)
    assert together(usa, jpn, "CHN")
    assert [len(h.events) for h in happenings([usa, jpn, eu], "CHN", lambda e: 1.0)] == [3]


def test_reactions_told_apart_or_of_another_kind_stay_apart() -> None:
    usa = event("a", "ACCUSE", ("USA",), ("CHN",), day(4, 2), CONDEMN, sentence=3)
    jpn = event("b", "ACCUSE", ("JPN",), ("CHN",), day(4, 2), "Japan condemned the drills.", sentence=4)
    aid = event("c", "AID", ("EU",), ("CHN",), day(4, 2), CONDEMN, sentence=3)
    assert not together(usa, jpn, "CHN") and not together(usa, aid, "CHN")


def test_a_line_says_a_shared_doer_once_but_not_one_of_two_doers() -> None:
    from diplomap.analyze.happenings import read_out

    assert read_out(["Chile and Peru signed a fisheries accord", "Chile and Peru issued a joint statement"]) == (
        "Chile and Peru signed a fisheries accord and issued a joint statement")
    assert read_out(["Chile shot down two Peruvian drones", "Chile and Peru clashed at the border post"]) == (
        "Chile shot down two Peruvian drones; Chile and Peru clashed at the border post")
    # an article shared is no doer shared
    assert read_out(["The Chilean Mission to the EU said the claims are false", "The mission urges NATO to stay "
                     "regional"]) == ("The Chilean Mission to the EU said the claims are false; The mission urges NATO "
                                      "to stay regional")


def test_a_line_tells_an_act_told_again_in_other_words_once() -> None:
    from diplomap.analyze.happenings import read_out

    assert read_out(["Peru named Acciona as its preferred partner for a second metro line",
                     "Peru named Acciona as the preferred partner for a second line",
                     "Peru chose Ferrovial to build the first line"]) == (
        "Peru named Acciona as its preferred partner for a second metro line and chose Ferrovial to build the first "
        "line")
    # two acts of one doer that share words stay two
    line = read_out(["Chile and Peru signed a fisheries accord in Lima", "Chile and Peru signed a trade accord"])
    assert "fisheries" in line and "trade" in line, line
