"""Mentions of one event merge; different events that look alike stay apart (issue #3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from diplomap.extract.dedup import merge
from diplomap.model import DateSpan, Event, Evidence, Place, Precision

DAY = DateSpan(date(2025, 8, 8), date(2025, 8, 8), Precision.DAY, "8 August 2025")
MONTH = DateSpan(date(2025, 8, 1), date(2025, 8, 31), Precision.MONTH, "August")
YEAR_INHERITED = DateSpan(date(2025, 1, 1), date(2025, 12, 31), Precision.YEAR, "2025", inherited=True)


def meeting(sentence: int, span: DateSpan, where: str | None, trigger: str = "met") -> Event:
    return Event("CONSULT", ("AZE", "ARM"), ("USA",), span, (Evidence("d", sentence, sentence, sentence + 1, "q"),),
                 location=Place(where) if where else None, trigger=trigger)


def test_a_meeting_retold_by_its_month_at_the_same_place_is_one_meeting() -> None:
    merged = merge([meeting(1, DAY, "Washington", "hosted"), meeting(9, MONTH, "Washington", "met")])
    assert len(merged) == 1
    assert merged[0].date == DAY and len(merged[0].evidence) == 2


def test_meetings_in_other_places_stay_apart() -> None:
    assert len(merge([meeting(1, DAY, "Washington"), meeting(9, MONTH, "Abu Dhabi")])) == 2


def test_an_undated_meeting_is_not_pinned_to_any_dated_one() -> None:
    # the year the document covers is no evidence that two meetings of the same parties were one
    assert len(merge([meeting(1, DAY, "Abu Dhabi"), meeting(9, YEAR_INHERITED, None)])) == 2


def test_an_empty_verb_is_no_shared_topic() -> None:
    held = Event("CONSULT", ("AZE", "ARM"), (), DateSpan(date(2025, 11, 1), date(2025, 11, 30), Precision.MONTH),
                 (Evidence("d", 1, 1, 2, "q"),), trigger="session held")
    holding = Event("CONSULT", ("ARM", "AZE"), (), YEAR_INHERITED, (Evidence("d", 5, 5, 6, "q"),),
                    trigger="holding discussions")
    assert len(merge([held, holding])) == 2


def test_two_parties_each_voicing_a_stance_on_one_topic_stay_apart_in_news() -> None:
    # "Syria accused Hezbollah of the raid. Hezbollah denied the accusation." (our own sentences)
    accusation = Event("ACCUSE", ("SYR",), ("HEZBOLLAH", "LBN"), DAY, (Evidence("d", 1, 1, 2, "q"),),
                       trigger="accused")
    denial = Event("ACCUSE", ("HEZBOLLAH",), ("SYR",), DAY, (Evidence("d", 2, 2, 3, "q"),), trigger="denied accusation")
    assert len(merge([accusation, denial], news=True)) == 2


def test_one_act_told_by_two_forms_of_its_verb_is_one_event() -> None:
    # "Chile would recognise the state, and Peru may follow" (a caption), then "Chile is formally recognising the
    # state": one recognition, one telling naming more states than the other (our own sentences)
    caption = Event("SUPPORT", ("CHL",), ("PSE", "PER"), DAY, (Evidence("d", 1, 1, 2, "q"),), trigger="recognise")
    body = Event("SUPPORT", ("CHL",), ("PSE",), DAY, (Evidence("d", 3, 3, 4, "q"),), trigger="recognising")
    assert len(merge([caption, body], news=True)) == 1


def test_one_sentence_telling_one_meeting_on_the_same_day_in_other_words_is_one_event() -> None:
    # "Mohamud arrived in Asmara on 9 October for a visit, where he was welcomed by President Isaias": the visit and
    # the welcome are one meeting, though one date was told as "yesterday" and the other as "9 October"
    day = date(2024, 10, 9)
    visit = Event("CONSULT", ("SOM",), ("ERI",), DateSpan(day, day, Precision.DAY, "yesterday"),
                  (Evidence("d", 4, 4, 5, "q"),), trigger="visit")
    welcome = Event("CONSULT", ("ERI",), ("SOM",), DateSpan(day, day, Precision.DAY, "9 October"),
                    (Evidence("d", 4, 4, 5, "q"),), mode="Visit", trigger="welcomed")
    assert len(merge([visit, welcome], news=True)) == 1


def test_papers_of_different_kinds_signed_the_same_day_are_two_acts_in_news() -> None:
    # "Chile and Peru exchanged instruments of ratification of the border treaty. They also signed a declaration on
    # partnership." and the headline's "Chile and Peru sign declaration" (our own sentences)
    exchanged = Event("AGREE", ("CHL", "PER"), (), DAY, (Evidence("d", 2, 2, 3, "q"),), trigger="exchanged instruments")
    declared = Event("AGREE", ("CHL", "PER"), (), DAY, (Evidence("d", 3, 3, 4, "q"),), trigger="signed declaration")
    headline = Event("AGREE", ("PER", "CHL"), (), DAY, (Evidence("d", 0, 0, 1, "q"),), trigger="sign declaration")
    merged = merge([headline, exchanged, declared], news=True)
    assert len(merged) == 2
    assert sorted(len(e.evidence) for e in merged) == [1, 2]
    # (an agreement and the deal it is called later stay one: neither names a kind of paper apart)
    deal = Event("AGREE", ("CHL", "PER"), (), DAY, (Evidence("d", 5, 5, 6, "q"),), trigger="signed deal")
    assert len(merge([deal, replace(declared, trigger="signed agreement")], news=True)) == 1


def test_ties_raised_and_papers_signed_the_same_day_are_two_acts_in_news() -> None:
    # "Peru and Chile raised their ties to a strategic partnership. The two sides also inked six pacts." and the
    # headline's "Chile, Peru sign six pacts" (our own sentences)
    raised = Event("AGREE", ("PER", "CHL"), (), DAY, (Evidence("d", 2, 2, 3, "q"),), trigger="raised ties")
    inked = Event("AGREE", ("CHL", "PER"), (), DAY, (Evidence("d", 3, 3, 4, "q"),), trigger="inked pacts")
    headline = Event("AGREE", ("CHL", "PER"), (), DAY, (Evidence("d", 0, 0, 1, "q"),), trigger="sign pacts")
    merged = merge([headline, raised, inked], news=True)
    assert sorted(e.trigger for e in merged) == ["raised ties", "sign pacts"]
    # (a trigger naming both, or neither, still joins the telling it repeats)
    both = replace(raised, trigger="signed partnership agreement")
    assert len(merge([both, inked], news=True)) == 1


def test_a_meeting_told_once_by_each_side_is_one_meeting_of_both_in_news() -> None:
    # "Ruto's two-day state visit began as talks on the port stalled. 'We were glad to receive him,' Tinubu said after
    # the talks." (our own sentences): a visit with its visitor alone, talks with their host alone, the same days
    visit = Event("CONSULT", ("KEN",), (), DAY, (Evidence("d", 1, 1, 2, "q"),), mode="Visit", trigger="state visit")
    talks = Event("CONSULT", ("NGA",), (), DAY, (Evidence("d", 3, 3, 4, "q"),), trigger="talks")
    states = frozenset({"KEN", "NGA", "UGA"})
    merged = merge([visit, talks], news=True, states=states)
    assert len(merged) == 1 and set(merged[0].actors) == {"KEN", "NGA"}
    # (another day, a call against a visit, or a body rather than a state: told apart)
    other_day = DateSpan(date(2025, 8, 20), date(2025, 8, 20), Precision.DAY, "20 August")
    assert len(merge([visit, replace(talks, date=other_day)], news=True, states=states)) == 2
    assert len(merge([visit, replace(talks, mode="Phone")], news=True, states=states)) == 2
    assert len(merge([visit, replace(talks, source=("AU",))], news=True, states=states)) == 2
    # (nor outside news: a review's sentences each tell their own)
    assert len(merge([visit, talks], states=states)) == 2


def test_a_visit_retold_undated_in_news_is_the_visit_told_before_it() -> None:
    # "paid a visit to Benghazi on 31 May ... Western powers take Petrov's visit to Libya as evidence": the noun, with
    # only the day the page went out, retells the visit (the country of its city is no other place)
    told = Event("CONSULT", ("RUS",), ("LBY",), DateSpan(date(2024, 5, 31), date(2024, 5, 31), Precision.DAY, "31 May"),
                 (Evidence("d", 1, 1, 2, "q"),), location=Place("Benghazi", "LBY"), trigger="paid visit")
    paged = DateSpan(date(2024, 6, 10), date(2024, 6, 11), Precision.RANGE, "publication date", inherited=True)
    again = Event("CONSULT", ("RUS",), ("LBY",), paged, (Evidence("d", 7, 7, 8, "q"),), location=Place("Libya", "LBY"),
                  trigger="visit")
    merged = merge([told, again], news=True)
    assert len(merged) == 1 and merged[0].date == told.date and len(merged[0].evidence) == 2
    # a meeting told undated after a visit is a meeting of the visit, not the visit told again
    assert len(merge([told, replace(again, trigger="meeting")], news=True)) == 2
