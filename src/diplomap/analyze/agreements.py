"""Agreements, partnership levels and memberships, as records linked to the events that changed them.

All three are read from what the events already hold — type, trigger, modality and the quote — with
small word lists below; nothing is inferred that no quote says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from diplomap.analyze.periods import sort_key
from diplomap.knowledge import Knowledge
from diplomap.model import DateSpan, Event, Modality

STAGES = ("announced", "initialled", "signed", "ratified", "in force", "suspended")
LEVELS = ("strategic partnership", "comprehensive strategic partnership", "alliance")
MEMBERSHIPS = ("observer", "partner", "candidate", "member", "withdrawn")

# Said but not done: these never change a status.
_SKIP = {Modality.NEGATED, Modality.HYPOTHETICAL, Modality.EXPECTED}
_AGREEING = {"AGREE", "SUPPORT", "COOPERATE", "CONCEDE"}
_BREAKING = {"SANCTION", "RETREAT", "REJECT", "THREATEN"}

# Longest first, so "memorandum of understanding" wins over "memorandum".
_INSTRUMENT = re.compile(
    r"\b(memorandum of understanding|memorandum|intergovernmental agreement|agreement|treaty|protocol|"
    r"joint declaration|declaration|joint statement|communiqu[eé]|road ?map|accord|convention|charter|"
    r"action plan|contract)s?\b"
)
# Instruments ratified before they bind (not a memorandum, a declaration, a joint statement or a communique, which
# bind no one or bind once signed): the ones whose signing leaves a stage to come.
RATIFIED = frozenset({"agreement", "intergovernmental agreement", "treaty", "protocol", "accord", "convention",
                      "charter"})
# The trigger lemma is the most precise witness of the stage; the quote is searched only without one.
_TRIGGER_STAGE = {
    "sign": "signed", "countersign": "signed", "conclude": "signed", "adopt": "signed", "initial": "initialled",
    "ratify": "ratified", "ratification": "ratified", "suspend": "suspended", "freeze": "suspended",
    "denounce": "suspended", "announce": "announced", "agree": "announced", "propose": "announced",
}
_QUOTE_STAGE = (  # checked in this order: the later stage a sentence reports is the news
    ("suspended", re.compile(r"\bsuspen(d|ded|ds|sion)\b|\bfr[oe]ez|\bdenounc|\bwithdr[ae]w from\b")),
    ("in force", re.compile(r"\b(enter(s|ed|ing)?|c[ao]me|comes|coming) into force\b|\btak(e|es|en|ing)"
                            r" effect\b|\btook effect\b")),
    ("ratified", re.compile(r"\bratif")),
    ("initialled", re.compile(r"\binitial(l)?ed\b")),
    ("signed", re.compile(r"\bsign(ed|s|ing)?\b")),
)
_LEVEL = (  # most specific first
    ("alliance", re.compile(r"\balliance\b|\ballied relations\b")),
    ("comprehensive strategic partnership", re.compile(r"\bcomprehensive strategic partnership\b")),
    ("strategic partnership", re.compile(r"\bstrategic partnership\b")),
)
_MEMBERSHIP = (
    ("withdrawn", re.compile(r"\bwithdr[ae]w(n|s|al)? from\b|\bquit\b|\bleft the\b|\bexit(ed|s)? from\b")),
    ("observer", re.compile(r"\bobserver\b")),
    ("partner", re.compile(r"\b(dialogue partner|partner status|partner country|partner state)\b")),
    ("candidate", re.compile(r"\bcandidate (status|country|member)|\bcandidacy\b")),
    ("member", re.compile(r"\b(join(s|ed|ing)?|accession|acced(e|ed|es|ing)|admitted|full member(ship)?|"
                          r"became a member|new member|membership)\b")),
)


@dataclass(frozen=True)
class StatusChange:
    kind: str  # agreement, partnership, membership
    status: str  # a STAGES, LEVELS or MEMBERSHIPS value
    subject: str  # the instrument ("memorandum of understanding"), "partnership", or an organisation code
    parties: tuple[str, ...]
    date: DateSpan | None
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class Agreement:
    """One instrument, partnership or membership and every change it went through, oldest first."""

    kind: str
    subject: str
    parties: tuple[str, ...]
    history: tuple[StatusChange, ...]

    @property
    def status(self) -> str:
        return self.history[-1].status

    @property
    def event_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(eid for change in self.history for eid in change.event_ids))


def stage_of(event: Event) -> str | None:
    """The lifecycle stage an event reports for an agreement it names, or None."""
    if event.modality in _SKIP or not event.evidence:
        return None
    quote = _text(event)
    if not _INSTRUMENT.search(quote):
        return None
    stage = _TRIGGER_STAGE.get(event.trigger.lower().strip())
    if stage is None:
        stage = next((name for name, rx in _QUOTE_STAGE if rx.search(quote)), None)
    if stage is None and event.type in _AGREEING:
        stage = "announced"
    if stage is None or (stage != "suspended" and event.type not in _AGREEING):
        return None
    if stage == "suspended" and event.type not in _AGREEING | _BREAKING:
        return None
    # "will sign" is news that something is announced, not that it is signed.
    return "announced" if event.modality is Modality.PLANNED and stage != "suspended" else stage


def status_changes(events: Iterable[Event], kb: Knowledge) -> list[StatusChange]:
    """Every agreement stage, partnership level and membership status the events report, by date.

    Reports of the same change (same kind, subject, parties and status) merge into one record that
    keeps every event id and the earliest date.
    """
    found: dict[tuple[str, str, tuple[str, ...], str], tuple[DateSpan | None, list[str]]] = {}
    for event in sorted(events, key=sort_key):
        for change in _changes(event, kb):
            key = (change.kind, change.subject, change.parties, change.status)
            if key in found:
                found[key][1].append(event.id)
            else:
                found[key] = (change.date, [event.id])
    out = [StatusChange(k[0], k[3], k[1], k[2], span, tuple(ids)) for k, (span, ids) in found.items()]
    return sorted(out, key=lambda c: (c.date.start if c.date else date.max, c.kind, c.subject, c.parties))


def agreements(events: Iterable[Event], kb: Knowledge) -> list[Agreement]:
    """Status changes grouped per instrument (kind, subject, parties); the latest change is the status."""
    groups: dict[tuple[str, str, tuple[str, ...]], list[StatusChange]] = {}
    for change in status_changes(events, kb):
        groups.setdefault((change.kind, change.subject, change.parties), []).append(change)
    return [Agreement(kind, subject, parties, tuple(history)) for (kind, subject, parties), history in groups.items()]


def _changes(event: Event, kb: Knowledge) -> list[StatusChange]:
    if event.modality in _SKIP or not event.evidence:
        return []
    quote = _text(event)
    parties = tuple(sorted(event.actors))
    out: list[StatusChange] = []
    stage = stage_of(event)
    if stage is not None:
        match = _INSTRUMENT.search(quote)
        instrument = _instrument_name(match.group(1)) if match else "agreement"
        out.append(StatusChange("agreement", stage, instrument, parties, event.date, (event.id,)))
    if event.type in _AGREEING:
        level = next((name for name, rx in _LEVEL if rx.search(quote)), None)
        if level is not None:
            out.append(StatusChange("partnership", level, "partnership", parties, event.date, (event.id,)))
    orgs = [code for code in event.actors if _is_organisation(code, kb)]
    states = tuple(sorted(code for code in event.actors if code not in orgs))
    if orgs and states and event.type in _AGREEING | _BREAKING:
        status = next((name for name, rx in _MEMBERSHIP if rx.search(quote)), None)
        if status is not None and (status == "withdrawn" or event.type in _AGREEING):
            out += [StatusChange("membership", status, org, states, event.date, (event.id,)) for org in orgs]
    return out


def _text(event: Event) -> str:
    return " ".join(ev.quote for ev in event.evidence).lower()


def _instrument_name(word: str) -> str:
    word = word.replace("communique", "communiqué").replace("roadmap", "road map")
    return word


def _is_organisation(code: str, kb: Knowledge) -> bool:
    org = kb.organisations.get(code)
    return org is not None and org.kind in ("igo", "igo_body") and code not in kb.states
