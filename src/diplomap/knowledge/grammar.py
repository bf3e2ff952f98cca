"""The word classes of English the event coder's rules use, read once from ``grammar.toml``.

Grammar, not knowledge of the world: light verbs, modals, prepositions of place and time, nouns of wanting.
Month names come from the standard library's calendar, the one copy every stage uses.
"""

from __future__ import annotations

import calendar
import tomllib
from importlib import resources

_DATA = tomllib.loads(resources.files("diplomap.knowledge").joinpath("grammar.toml").read_text(encoding="utf-8"))


def _words(section: str, key: str) -> frozenset[str]:
    return frozenset(_DATA[section][key])


def inflections(verbs: frozenset[str]) -> frozenset[str]:
    """Regular forms of each verb: the small model's lemmatizer sometimes misses them ("staged" -> "stag")."""
    out = set(verbs)
    for v in verbs:
        stem = v[:-1] if v.endswith("e") else v
        out |= {v + "s", stem + "ed", stem + "ing", v + "d" if v.endswith("e") else v + "ed"}
    return frozenset(out)


LIGHT_VERBS = _words("verbs", "light")
LIGHT_FORMS = inflections(LIGHT_VERBS)
APPROVING = _words("verbs", "approving")
PURPOSES = _words("verbs", "purposes")
ADVOCATING = _words("verbs", "advocating")
PREVENTING = _words("verbs", "preventing")
ENACTING = _words("verbs", "enacting")
MEASURES = _words("nouns", "measures")
SITUATIONS = _words("nouns", "situations")
RESOLVES = _words("nouns", "resolves")
GATHERINGS = _words("nouns", "gatherings")
CLOSED = _words("nouns", "closed")
APPROVALS = _words("nouns", "approvals")
ONGOING_WARS = _words("nouns", "ongoing_wars")
EMPTY_VERBS = _words("verbs", "empty")
DRAWING = _words("verbs", "drawing")
CROWNING = _words("verbs", "crowning")
PLAN_HEADS = _words("verbs", "plan_heads")
EXPECT_HEADS = _words("verbs", "expect_heads")
REPORTING = _words("verbs", "reporting")
SAYING_ACTS = _words("verbs", "saying_acts")
ATTENDING = _words("verbs", "attending")
JOURNEYS = _words("verbs", "journeys")
ALLEGING = _words("verbs", "alleging")
BELIEVING = _words("verbs", "believing")
HOPING = _words("verbs", "hoping")
COMMENTING = _words("verbs", "commenting")
DENYING = _words("verbs", "denying")
HAPPENING = _words("verbs", "happening")
SUFFERING = _words("verbs", "suffering")
STATIVE = _words("verbs", "stative")
CONTROLLING = _words("verbs", "controlling")
TOPIC_VERBS = _words("verbs", "topic_verbs")
SHOWING_VERBS = _words("verbs", "showing")
HOLDING = _words("verbs", "holding")
IRREGULAR: dict[str, str] = dict(_DATA["irregular"])
VERB_LEMMAS: dict[str, str] = dict(_DATA["lemmas"])

HYPO_AUX = _words("modals", "hypothetical")
FUTURE_AUX = _words("modals", "future")
OBLIGATION = _words("modals", "obligation")
TIME_MARKS = _words("modals", "time_marks")

HABITUAL = _words("adverbs", "habitual")
STANDING_ADVERBS = _words("adverbs", "standing")
PERIODS = _words("adverbs", "periods")
FORMERLY = _words("adverbs", "formerly")
HEARSAY = _words("adverbs", "hearsay")
LIKEWISE = _words("adverbs", "likewise")
APART = _words("adverbs", "apart")
CLAUSE_WORDS = _words("adverbs", "clause_words")
SOON = _words("adverbs", "soon")
PLAN_ADJ = _words("adjectives", "plan")
WILLING = _words("adjectives", "willing")
AUTHOR_ADJ = _words("adjectives", "authorship")

LOCATIVE_PREPS = _words("prepositions", "locative")
ADVERBIAL_PREPS = _words("prepositions", "adverbial")
FORUM_PREPS = _words("prepositions", "forum")
AIMED_PREPS = _words("prepositions", "aimed")
SETTING_PREPS = _words("prepositions", "setting")
WHEN_PREPS = _words("prepositions", "time")
ROUTE_PREPS = _words("prepositions", "route")
CIRCUMSTANCES = _words("prepositions", "circumstances")
TOPIC_PREPS = _words("prepositions", "topic")
PARTICLES = _words("prepositions", "particles")
ADVERBIAL_OBJECTS = _words("prepositions", "adverbial_objects")
AUTHOR_PREPS = _words("prepositions", "authorship")
FRAMEWORK_PREPS = _words("prepositions", "framework")

SETTING_NOUNS = _words("nouns", "setting")
STATE_NOUNS = _words("nouns", "state")
STANDING = _words("nouns", "standing")
INTENT_NOUNS = _words("nouns", "intent")
GROWING = _words("verbs", "growing")
TITLE_NOUNS = _words("nouns", "title")
RECALLED = _words("nouns", "recalled")
SPEECH_NOUNS = _words("nouns", "speech")
THING_NOUNS = _words("nouns", "things")
OPINION_NOUNS = _words("nouns", "opinions")
CONFLICT_NOUNS = _words("nouns", "conflicts")
PRIVATE_PEOPLE = _words("nouns", "private")
ACT_NOUNS = _words("nouns", "acts")
NEWS_NOUNS = _words("nouns", "news")
CLAIM_NOUNS = _words("nouns", "claims")
FRAMING_NOUNS = _words("nouns", "framing")
OCCASIONS = _words("nouns", "occasions")
REMEMBERING = _words("nouns", "remembering")
COURTESIES = _words("nouns", "courtesies")
MANNER_NOUNS = _words("nouns", "manner")
ASSISTING = _words("nouns", "assisting")
FORCES = _words("nouns", "forces")
HELD = _words("nouns", "held")
VISITORS = _words("nouns", "visitors")
PLACE_KINDS = _words("nouns", "place_kinds")
AMOUNTS = _words("nouns", "amounts")
LONG_WHILES = _words("nouns", "long_whiles")
LATELY = _words("nouns", "lately")
LOSSES = _words("nouns", "losses")
IRREGULARS = _words("nouns", "irregulars")
ENABLERS = _words("nouns", "enablers")
LEAVING = _words("verbs", "leaving")
HAZARDS = _words("nouns", "hazards")
HONOURS = _words("nouns", "honours")
RESTATED = _words("nouns", "restated")
THANKS = _words("nouns", "thanks")
COMMITMENTS = _words("nouns", "commitments")
BLOWS = _words("nouns", "blows")
FAULTS = _words("nouns", "faults")
OWN_AGENTS = _words("nouns", "own_agents")
NAMED_TEXTS = _words("nouns", "named_texts")
RELATIONS = _words("nouns", "relations")
PROVISIONS = _words("nouns", "provisions")
TIES = _words("nouns", "ties")
NAMES_WITH_ARTICLE = _words("names", "with_article")
# kind of paper, by each word for one (grammar.toml [documents])
DOCUMENT_KINDS: dict[str, str] = {w: kind for kind, words in _DATA["documents"].items() for w in words}
PAPERS = _words("nouns", "papers") | frozenset(DOCUMENT_KINDS)  # every word for a paper, of a kind or not
CONSIDERING = _words("verbs", "considering")
CRIMES = _words("nouns", "crimes")
WANTING = _words("verbs", "wanting")
DEMANDING = _words("verbs", "demanding")
KNOWING = _words("verbs", "knowing")
AGREED_TEXTS = _words("nouns", "agreed_texts")
DECISIONS = _words("nouns", "decisions")
TAKING = _words("verbs", "taking")
AGAIN = _words("adverbs", "again")
CONDITIONS = _words("prepositions", "conditions")
NEEDED = _words("adjectives", "needed")

NAMING_VERBS = _words("naming", "verbs")
NAMING_NEGATIVE = _words("naming", "negative")
BLAME_VERBS = _words("naming", "blame_verbs")
NOT_NAMES = _words("naming", "not_names")
HONORIFICS = _words("naming", "honorifics")
BLAME_NOUNS = _words("naming", "blame_nouns")
NAMING_POSITIVE = _words("naming", "positive")

PRONOUNS = _words("reference", "pronouns")
ANAPHORS = _words("reference", "anaphors")
POSSESSIVES = _words("reference", "possessives")
STATE_ANAPHORS = _words("reference", "state_anaphors")
BODIES = _words("reference", "bodies")
# regional words before a state anaphor -> the fields of the states they allow ("region:Africa", "code:NPL")
REGION_WORDS: dict[str, list[str]] = dict(_DATA["reference"]["regions"])
SUCCESSION = _words("reference", "succession")
NEIGHBOURS = _words("reference", "neighbours")
ACT_REFERENCES = _words("reference", "acts")

FUTURE_CUES = _words("dates", "future_cues")
REPORTED_FORMS = _words("dates", "reported")
DEADLINE_WORDS = _words("dates", "deadlines")
LASTING = _words("dates", "lasting")
LASTING_ENDS = _words("dates", "lasting_ends")

# month names and abbreviations ("sept" too) -> number; full names alone; a regex alternation of the full names
MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
MONTH_NAMES = frozenset(m.lower() for m in calendar.month_name if m)
MONTH_PATTERN = "|".join(m for m in calendar.month_name if m)
# the same with the abbreviations a regex may also take ("Jan", "Sept")
MONTH_ABBR_PATTERN = "|".join(
    a for m in calendar.month_abbr if m and m != "May" for a in ((m, "Sept") if m == "Sep" else (m,)))
WEEKDAY_PATTERN = "|".join(calendar.day_name)
