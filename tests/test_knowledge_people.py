"""The people gazetteer (#12): every state's leaders are known on a reference day, no name points at two office
holders at once, a name says who acts for which state on the day, and every row of ``people.csv`` is well formed.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections import defaultdict
from datetime import date
from importlib import resources

import pytest

from diplomap.extract.gazetteer import patterns
from diplomap.knowledge import Knowledge, KnowledgeError, Person, Role

REFERENCE_DAY = date(2025, 6, 1)

# States whose head of state also heads the government: no prime minister, premier, chancellor or chairman of
# the cabinet does (presidential republics, the absolute monarchies that name no prime minister, Switzerland's
# Federal Council). There the head of state's row stands for both offices (knowledge/README.md). South Korea's
# and Peru's prime ministers assist a president who heads the government, so those states are here too. A state
# on this list that has a head of government on the reference day fails the test: the list must stay true.
PRESIDENT_HEADS_GOVERNMENT = frozenset("""
    AGO ARG BEN BOL BRA BRN BWA CHE CHL COL COM CRI CYP DOM ECU ERI FSM GAB GHA GMB GTM GUY HND IDN KEN KIR
    KOR LBR MDV MEX MHL MWI NGA NIC NRU OMN PAN PER PHL PLW PRY SLE SLV SSD SUR SYC SYR TKM TUR URY USA VAT
    VEN ZAF ZMB ZWE
""".split())

# Forms two people in office at the same time may share, each with the reason it cannot be avoided. Empty:
# a bare surname shared by two office holders ("Kim", "Lee", "Osmani") is no alias at all.
SHARED_FORMS: dict[str, str] = {}

ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister",
                   "deputy_head_of_government", "minister", "official", "igo_head", "legislator", "other"})
HEADER = ["id", "name", "aliases", "country", "org", "title", "role", "start", "end", "qid"]
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


def _csv(name: str) -> list[dict[str, str]]:
    text = resources.files("diplomap.knowledge").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _people_rows() -> list[list[str]]:
    text = resources.files("diplomap.knowledge").joinpath("people.csv").read_text(encoding="utf-8")
    return [row for row in csv.reader(io.StringIO(text)) if row and not row[0].startswith("#")]


def _day(cell: str, end: bool) -> date:
    """A start's first day, an end's last (``2025`` ends on 31 December, ``2025-02`` on the 28th)."""
    year, month, day = ([int(p) for p in cell.split("-")] + [0, 0])[:3]
    if day:
        return date(year, month, day)
    if month:
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    return date(year, 12, 31) if end else date(year, 1, 1)


def test_rows_are_well_formed() -> None:
    header, *rows = _people_rows()
    assert header == HEADER
    states = {st["iso3"] for st in _csv("states.csv")}
    orgs = {org["id"] for org in _csv("organisations.csv")}
    problems = []
    for n, row in enumerate(rows, start=2):
        if len(row) != len(HEADER):
            problems.append(f"row {n}: {len(row)} cells")
            continue
        r = dict(zip(HEADER, row, strict=True))
        where = f"row {n} ({r['id']})"
        if not re.fullmatch(r"[a-z0-9_]+", r["id"]) or not r["name"] or not r["title"]:
            problems.append(f"{where}: id must be a slug, name and title must be set")
        if r["country"] and r["country"] not in states:
            problems.append(f"{where}: country {r['country']} is not in states.csv")
        if r["org"] and r["org"] not in orgs:
            problems.append(f"{where}: org {r['org']} is not in organisations.csv")
        if not r["country"] and not r["org"]:
            problems.append(f"{where}: a role acts for a state (country) or an organisation (org)")
        if r["role"] not in ROLES:
            problems.append(f"{where}: role {r['role']!r} is not one of the README's roles")
        if r["qid"] and not re.fullmatch(r"Q\d+", r["qid"]):
            problems.append(f"{where}: qid {r['qid']!r}")
        if any(cell and not DATE.match(cell) for cell in (r["start"], r["end"])):
            problems.append(f"{where}: dates are YYYY, YYYY-MM or YYYY-MM-DD")
            continue
        try:
            start = _day(r["start"], end=False) if r["start"] else None
            end = _day(r["end"], end=True) if r["end"] else None
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if start and end and start > end:
            problems.append(f"{where}: starts {r['start']} after it ends {r['end']}")
        if any(a.strip() != a or not a for a in r["aliases"].split("|")) and r["aliases"]:
            problems.append(f"{where}: an empty or padded alias")
        if r["name"] in r["aliases"].split("|"):
            problems.append(f"{where}: the name repeated as an alias")
    assert not problems, "\n".join(problems)


def test_the_rows_of_one_person_agree_and_stay_together() -> None:
    _, *rows = _people_rows()
    first: dict[str, list[str]] = {}
    problems = []
    previous = ""
    for row in rows:
        pid = row[0]
        if pid in first:
            if previous != pid:
                problems.append(f"{pid}: rows apart (one person's rows are kept together)")
            if (row[1], row[2], row[9]) != (first[pid][1], first[pid][2], first[pid][9]):
                problems.append(f"{pid}: name, aliases and qid differ between rows")
        else:
            first[pid] = row
        previous = pid
    assert not problems, "\n".join(problems)


def test_every_state_has_its_leaders_on_the_reference_day(kb: Knowledge) -> None:
    heads: dict[str, set[str]] = defaultdict(set)
    for person in kb.people.values():
        for role in person.roles:
            if role.country and role.role in ("head_of_state", "head_of_government") and role.holds_on(REFERENCE_DAY):
                heads[role.country].add(role.role)
    problems = []
    for iso3, st in sorted(kb.states.items()):
        held = heads[iso3]
        if "head_of_state" not in held:
            problems.append(f"{iso3} {st.name}: no head of state on {REFERENCE_DAY}")
        if iso3 in PRESIDENT_HEADS_GOVERNMENT and "head_of_government" in held:
            problems.append(f"{iso3} {st.name}: has a head of government; take it off PRESIDENT_HEADS_GOVERNMENT")
        if iso3 not in PRESIDENT_HEADS_GOVERNMENT and "head_of_government" not in held:
            problems.append(f"{iso3} {st.name}: no head of government on {REFERENCE_DAY}")
    assert not problems, "\n".join(problems)
    assert PRESIDENT_HEADS_GOVERNMENT <= set(kb.states)


def _overlap(a: Person, b: Person) -> tuple[Role, Role] | None:
    for ra in a.roles:
        for rb in b.roles:
            if (ra.start is None or rb.end is None or ra.start <= rb.end) and (
                    rb.start is None or ra.end is None or rb.start <= ra.end):
                return ra, rb
    return None


def test_no_name_points_at_two_people_in_office_at_once(kb: Knowledge) -> None:
    holders: dict[str, list[Person]] = defaultdict(list)
    for person in kb.people.values():
        for form in dict.fromkeys(f.casefold() for f in (person.name, *person.aliases)):
            holders[form].append(person)
    problems = []
    for form, people in sorted(holders.items()):
        if form in SHARED_FORMS:
            continue
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                both = _overlap(a, b)
                if both:
                    problems.append(f"{form!r} names {a.id} ({both[0].title}, {both[0].start}) and {b.id} "
                                    f"({both[1].title}, {both[1].start}) at once")
    assert not problems, "\n".join(problems)


def test_no_person_takes_the_name_of_a_state_place_or_organisation(kb: Knowledge) -> None:
    taken: dict[str, str] = {}
    for st in kb.states.values():
        for form in (st.name, *st.aliases, *st.demonyms, st.capital):
            taken[form.casefold()] = st.iso3
    for pl in kb.places.values():
        for form in (pl.name, *pl.aliases):
            taken[form.casefold()] = "place " + pl.name
    for org in kb.organisations.values():
        for form in (org.name, *org.aliases):
            taken[form.casefold()] = "organisation " + org.id
    for term in kb.metonyms:
        taken[term.casefold()] = "metonym " + term
    problems = [f"{person.id}: {form!r} is also {taken[form.casefold()]}" for person in kb.people.values()
                for form in (person.name, *person.aliases) if form.casefold() in taken]
    assert not problems, "\n".join(problems)


def test_no_form_names_two_organisations(kb: Knowledge) -> None:
    """An abbreviation two bodies share ("PIF": the Pacific Islands Forum, Saudi Arabia's fund) would name the one
    listed first wherever it is written; each form names one organisation (the other takes a longer form)."""
    named: dict[str, set[str]] = {}
    for org in kb.organisations.values():
        for form in (org.name, *org.aliases, org.id if org.id.isupper() and len(org.id) > 1 else ""):
            if form:
                named.setdefault(form.strip(), set()).add(org.id)
    assert {form: ids for form, ids in named.items() if len(ids) > 1} == {}


@pytest.mark.parametrize(("form", "day", "code"), [
    ("Boric", date(2024, 5, 1), "CHL"),
    ("Maduro", date(2025, 1, 10), "VEN"),
    ("Kurti", date(2023, 9, 1), "XKX"),
    ("Hun Manet", date(2024, 12, 1), "KHM"),
    ("Anwar", date(2025, 5, 26), "MYS"),
    ("Ruto", date(2023, 6, 1), "KEN"),
    ("Abiy", date(2025, 3, 1), "ETH"),
    ("Yunus", date(2025, 3, 1), "BGD"),
    ("Katz", date(2019, 6, 1), "ISR"),
    ("King Charles", date(2025, 3, 1), "GBR"),  # also King of Canada and Australia: his first row is the UK's
    ("Macron", date(2025, 3, 1), "FRA"),  # also co-prince of Andorra
    ("Rutte", date(2023, 3, 1), "NLD"),  # the office held that day: prime minister
    ("Rutte", date(2025, 3, 1), "NATO"),  # ... then NATO's secretary-general
    ("Kallas", date(2025, 3, 1), "EU"),
    ("Mahmoud Ali Youssouf", date(2024, 6, 1), "DJI"),
    ("Mahmoud Ali Youssouf", date(2025, 6, 1), "AU"),
])
def test_a_name_acts_for_the_office_held_that_day(kb: Knowledge, form: str, day: date, code: str) -> None:
    ids = {p.text: p.id for p in patterns(kb) if p.label == "PERSON"}
    assert form in ids, f"{form} is not a person's name or alias"
    assert kb.person_code(ids[form], day) == code


def test_an_organisation_cannot_take_a_states_code(kb: Knowledge) -> None:
    # the shipped files load (the Non-Aligned Movement was "NAM", Namibia's code), and a user's row that
    # reuses a state's code is refused with the row named
    assert kb.states["NAM"].name == "Namibia" and "NAM" not in kb.organisations
    extra = Knowledge.load()
    with pytest.raises(KnowledgeError, match=r"mine\.csv: row 2: .*FRA is the ISO code of France"):
        extra.add_csv("id,name,aliases,kind,country,parent,members,qid\nFRA,Fake Union,,igo,,,,\n", "mine.csv")
