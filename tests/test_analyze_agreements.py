"""Agreement lifecycle stages, partnership levels and memberships from events (#4)."""

from __future__ import annotations

import pytest

from diplomap.analyze.agreements import agreements, stage_of, status_changes
from diplomap.model import Modality

from .synthetic import day, event, knowledge


@pytest.mark.parametrize(("type_", "trigger", "quote", "modality", "stage"), [
    ("AGREE", "initial", "The negotiators initialled the draft treaty.", Modality.HAPPENED, "initialled"),
    ("AGREE", "sign", "The ministers signed a memorandum of understanding.", Modality.HAPPENED, "signed"),
    ("SUPPORT", "ratify", "Parliament ratified the agreement.", Modality.HAPPENED, "ratified"),
    ("AGREE", "approve", "The convention, approved in spring, entered into force today.", Modality.HAPPENED,
     "in force"),
    ("SANCTION", "suspend", "The government suspended the transit agreement.", Modality.HAPPENED, "suspended"),
    ("AGREE", "agree", "They agreed to draft a protocol on fisheries.", Modality.HAPPENED, "announced"),
    ("AGREE", "sign", "The two sides will sign the treaty next month.", Modality.PLANNED, "announced"),
    ("AGREE", "sign", "The president did not sign the treaty.", Modality.NEGATED, None),
    ("AGREE", "sign", "The president signed a decree on holidays.", Modality.HAPPENED, None),  # no instrument
    ("CONSULT", "meet", "They met to discuss the agreement.", Modality.HAPPENED, None),  # not an agreeing act
])
def test_stage_of(type_: str, trigger: str, quote: str, modality: Modality, stage: str | None) -> None:
    ev = event("e", type_, ("AAA",), ("BBB",), day(1, 1), quote, trigger=trigger, modality=modality)
    assert stage_of(ev) == stage


def test_lifecycle_of_one_treaty_is_one_record_with_its_events() -> None:
    events = [
        event("e2", "AGREE", ("ARM", "AZE"), (), day(5, 20), "They signed the peace treaty.", trigger="sign"),
        event("e1", "AGREE", ("AZE",), ("ARM",), day(3, 15), "Both initialled the peace treaty.", trigger="initial"),
        event("e3", "AGREE", ("ARM",), ("AZE",), day(5, 21), "The peace treaty was signed in the capital.",
              trigger="sign"),  # a second report of the signing
    ]
    (treaty,) = agreements(events, knowledge())
    assert (treaty.kind, treaty.subject, treaty.parties, treaty.status) == ("agreement", "treaty", ("ARM", "AZE"),
                                                                            "signed")
    assert [c.status for c in treaty.history] == ["initialled", "signed"]
    assert treaty.history[1].event_ids == ("e2", "e3")
    assert treaty.event_ids == ("e1", "e2", "e3")


def test_partnership_level_and_membership_status() -> None:
    events = [
        event("p", "AGREE", ("AZE",), ("TUR",), day(6, 1), "The leaders upgraded ties to a comprehensive strategic"
              " partnership.", trigger="upgrade"),
        event("m", "AGREE", ("SCO",), ("AZE",), day(7, 1), "The summit granted Azerbaijan observer status.",
              trigger="grant status"),
        event("w", "SANCTION", ("GEO",), ("OTS",), day(8, 1), "Georgia withdrew from the organisation.",
              trigger="withdraw"),
    ]
    changes = {(c.kind, c.subject, c.parties, c.status) for c in status_changes(events, knowledge())}
    assert changes == {
        ("partnership", "partnership", ("AZE", "TUR"), "comprehensive strategic partnership"),
        ("membership", "SCO", ("AZE",), "observer"),
        ("membership", "OTS", ("GEO",), "withdrawn"),
    }
