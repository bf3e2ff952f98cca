"""Quantities with units: money, volumes, distances, percentages, counts of people and things."""

from __future__ import annotations

import re

from diplomap.extract.cues import DIGIT, Cue, Cues
from diplomap.model import Quantity

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a dozen": 12, "dozens of": 24, "hundreds of": 200, "thousands of": 2000,
}
SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12, "tn": 1e12}
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "€": "EUR", "eur": "EUR",
              "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
              "azn": "AZN", "manat": "AZN", "manats": "AZN", "rub": "RUB", "rouble": "RUB", "roubles": "RUB",
              "ruble": "RUB", "rubles": "RUB", "yuan": "CNY", "cny": "CNY", "rmb": "CNY", "tenge": "KZT",
              "lira": "TRY", "try": "TRY", "rupees": "INR", "inr": "INR", "yen": "JPY", "reais": "BRL",
              "real": "BRL", "brl": "BRL"}
# people counted are persons (the shared gold's unit); things keep their own noun as unit
PERSON_NOUNS = {"people", "person", "civilian", "soldier", "troop", "prisoner", "detainee", "refugee", "migrant",
                "journalist", "citizen", "diplomat", "national", "hostage", "member", "official", "officer", "worker",
                "fisherman", "fishermen", "student", "militant", "fighter", "personnel", "resident", "deportee",
                "captive", "sailor", "crew", "crewmember", "peacekeeper", "police", "policeman", "policemen"}
COUNT_NOUNS = {"document", "agreement", "memorandum", "memoranda", "contract", "deal", "accord", "treaty", "drone",
               "missile", "aircraft", "tank", "vessel", "ship", "project", "truck", "wagon", "container", "ton",
               "tonne", "site", "target", "warship", "jet", "plane", "boat", "balloon", "rocket", "shell", "village",
               "home", "house", "tanker", "location"} | PERSON_NOUNS
IRREGULAR_PLURALS = {"aircraft": "aircraft", "fishermen": "fisherman", "policemen": "policeman",
                     "personnel": "personnel", "people": "people", "police": "police"}
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_WORDNUM = r"(?P<word>" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|mln|mn|bn|tn|m|b)\b)?"
_QUAL = (r"(?P<qual>up\s+to|about|around|approximately|nearly|almost|more\s+than|over|at\s+least|less\s+than|"
         r"some|roughly|an\s+estimated)\s+")
_PER_YEAR = (r"(?P<per>\s*(?:per\s+(?:year|annum)|a\s+year(?!\s+(?:earlier|later|ago|before|after))|annually|"
             r"each\s+year|/\s*y(?:ea)?r)\b)?")

_MONEY_PRE = re.compile(
    rf"(?:{_QUAL})?(?P<cur>US\$|\$|€|£|USD|EUR|GBP|AZN|RUB|CNY)\s?{_NUM}{_SCALE}", re.I)
_MONEY_POST = re.compile(
    rf"(?:{_QUAL})?{_NUM}{_SCALE}\s*(?P<cur>US dollars|dollars|USD|euros?|EUR|manats?|AZN|roubles|rubles|RUB|"
    rf"yuan|CNY|tenge|lira|pounds|rupees|yen|reais)\b", re.I)
_VOLUME = re.compile(
    rf"(?:{_QUAL})?{_NUM}{_SCALE}\s*(?P<unit>bcm|billion\s+cubic\s+met(?:er|re)s|cubic\s+met(?:er|re)s|m3|m³|"
    rf"barrels|bbl|tonnes|tons|MW|GW|megawatts|gigawatts)\b(?:\s+(?:of\s+)?(?:natural\s+)?(?:gas|oil|crude|"
    rf"electricity|wheat|grain|LNG|petroleum\s+products|fuel))?{_PER_YEAR}", re.I)
_DISTANCE = re.compile(rf"(?:{_QUAL})?{_NUM}[\s-]*(?P<unit>km|kilomet(?:er|re)s?|miles?)\b", re.I)
_PERCENT = re.compile(rf"(?:{_QUAL})?{_NUM}\s*(?P<unit>%|percent\b|per\s+cent\b)", re.I)
_COUNT = re.compile(
    rf"(?:{_QUAL})?(?:{_NUM}|{_WORDNUM})\s+(?:(?:[a-z]+|[A-Z][a-z]+i|[A-Z][a-z]+n)\s+)?"
    rf"(?P<noun>aircraft|fishermen|policemen|personnel|police|[a-z]+s|[A-Z][a-z]+(?:is|ns|s))\b"
    rf"(?P<tail>\s+(?:were\s+|was\s+)?"
    rf"(?:killed|dead|died|injured|wounded))?")
_DEATHS = re.compile(rf"(?:deaths?\s+of|killing|killed|kills)\s+(?:{_QUAL})?(?:{_NUM}|{_WORDNUM})\b", re.I)
_DURATION = re.compile(rf"(?:for\s+)?{_NUM}[\s-]+(?P<unit>year|month|week|day|hour)s?\b"
                       rf"(?!\s+(?:ago|earlier|later|old|before|after))", re.I)

# the words each pattern cannot match without, besides a figure (extract/cues.py): most sentences have none
_CUES = {
    _VOLUME: Cue(("bcm", "cubic", "m3", "m³", "barrel", "bbl", "ton", "mw", "gw", "megawatt", "gigawatt")),
    _MONEY_PRE: Cue(("$", "€", "£", "usd", "eur", "gbp", "azn", "rub", "cny")),
    _MONEY_POST: Cue(("dollar", "usd", "eur", "manat", "azn", "rouble", "rub", "yuan", "cny", "tenge", "lira", "pound",
                      "rupee", "yen", "reais")),
    _DISTANCE: Cue(("km", "kilomet", "mile")),
    _PERCENT: Cue(("%", "per")),
    _DEATHS: Cue(("death", "kill")),
    _DURATION: Cue(("year", "month", "week", "day", "hour")),
}
_NUMBER_WORDS = Cue(tuple(WORD_NUMBERS), folded=False)  # (_COUNT is of any case as written)


def _value(m: re.Match[str]) -> float:
    g = m.groupdict()
    if g.get("num"):
        v = float(g["num"].replace(",", ""))
    else:
        v = float(WORD_NUMBERS[(g.get("word") or "").lower()])
    scale = (g.get("scale") or "").lower()
    return v * SCALES.get(scale, 1.0)


def _qualifier(m: re.Match[str], text: str) -> str:
    quals = []
    if m.groupdict().get("qual"):
        quals.append(" ".join(m.group("qual").lower().split()))
    if m.groupdict().get("per"):
        quals.append("annually")
    tail = text[m.end(): m.end() + 20]
    by = re.match(r"\s+by\s+((?:19|20)\d\d)", tail)
    if by:
        quals.append(f"by {by.group(1)}")
    return ", ".join(quals)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in a sentence, with its unit and qualifiers, in reading order."""
    found: list[tuple[int, Quantity]] = []
    taken: list[tuple[int, int]] = []
    cues = Cues(text)
    figures = cues.has(DIGIT)  # (all but counts in words and deaths need one: skipped without)

    def matches(pattern: re.Pattern[str], figure: bool = True) -> list[re.Match[str]]:
        """The pattern's matches, when the text has its cue words (and ``figure``: a digit)."""
        return list(pattern.finditer(text)) if (figures or not figure) and cues.has(_CUES[pattern]) else []

    def add(m: re.Match[str], value: float, unit: str) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append((m.start(), Quantity(value, unit, m.group(0).strip(), _qualifier(m, text))))

    for m in matches(_VOLUME):
        raw_unit = " ".join(m.group("unit").lower().split())
        value = _value(m)
        if raw_unit.startswith("billion cubic") or raw_unit == "bcm":
            value, unit = value * 1e9, "m3"
        elif "cubic" in raw_unit or raw_unit in ("m3", "m³"):
            unit = "m3"
        elif raw_unit in ("barrels", "bbl"):
            unit = "barrel"
        elif raw_unit in ("tonnes", "tons"):
            unit = "tonne"
        else:
            unit = {"megawatts": "MW", "gigawatts": "GW"}.get(raw_unit, raw_unit.upper())
        add(m, value, unit + ("/year" if m.group("per") else ""))
    for pattern in (_MONEY_PRE, _MONEY_POST):
        for m in matches(pattern):
            word = m.group("cur").lower()
            cur = word if word in CURRENCIES else word.rstrip("s")
            add(m, _value(m), CURRENCIES.get(cur, CURRENCIES.get(m.group("cur").lower(), m.group("cur").upper())))
    for m in matches(_DISTANCE):
        unit = "mile" if m.group("unit").lower().startswith("mile") else "km"
        add(m, _value(m), unit)
    for m in matches(_PERCENT):
        add(m, _value(m), "percent")
    for m in matches(_DEATHS, figure=False):
        add(m, _value(m), "death")
    for m in _COUNT.finditer(text) if figures or cues.has(_NUMBER_WORDS) else ():
        noun = m.group("noun")
        singular = IRREGULAR_PLURALS.get(noun.lower()) or (noun[:-1].lower() if noun.endswith("s") else noun.lower())
        if m.group("tail"):
            tail = m.group("tail").strip().split()[-1]
            add(m, _value(m), "death" if tail in ("killed", "dead", "died") else "injured")
        elif singular in COUNT_NOUNS or noun[:1].isupper():
            if noun[:1].isupper() and not re.search(r"(?:is|ns)$", noun):
                continue
            add(m, _value(m), "person" if singular in PERSON_NOUNS or noun[:1].isupper() else singular)
    for m in matches(_DURATION):  # "a 42-day ceasefire", "for 5 years"
        add(m, _value(m), m.group("unit").lower())
    return [q for _, q in sorted(found, key=lambda pair: pair[0])]
