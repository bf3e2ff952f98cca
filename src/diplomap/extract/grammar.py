"""Word classes of English the coder's rules use: light verbs, modals, prepositions of setting,
nouns of wanting. Grammar, not knowledge of the world (that lives in diplomap/knowledge).
"""

from __future__ import annotations

LIGHT_VERBS = {"hold", "make", "pay", "conduct", "carry", "take", "have", "give", "attend", "host", "organize", "stage",
               "organise", "convene", "mark", "see", "witness", "begin", "start", "launch", "complete",
               "participate", "offer", "extend", "deliver", "issue", "express", "announce", "receive", "become",
               "come", "follow", "continue", "resume", "finalize", "finalise", "initiate", "sign"}
PLAN_HEADS = {"plan", "intend", "aim", "seek", "hope", "want", "wish", "prepare", "propose", "agree", "promise",
              "pledge", "vow", "commit", "decide", "resolve", "try", "attempt", "offer", "envisage", "schedule",
              "set", "ready", "willing", "eager", "urge", "ask", "call", "invite", "demand", "request", "push",
              "press", "threaten", "refuse", "decline", "fail", "need", "have", "must", "able", "expect"}
EXPECT_HEADS = {"expect", "likely", "forecast", "predict", "project", "anticipate", "poise", "due", "unlikely",
                "bind", "going"}
HYPO_AUX = {"would", "could", "might", "may", "should", "can", "must", "ought"}
FUTURE_AUX = {"will", "shall", "'ll"}
PLAN_ADJ = {"planned", "proposed", "envisaged", "envisioned", "potential", "possible", "future", "prospective",
            "expected", "upcoming", "forthcoming", "intended", "hypothetical", "would-be", "next"}
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "on"}
CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "relcl", "csubj", "acl", "xcomp", "conj", "appos"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}


def inflections(verbs: set[str]) -> set[str]:
    """Regular forms of each verb: the small model's lemmatizer sometimes misses them ("staged" -> "stag")."""
    out = set(verbs)
    for v in verbs:
        stem = v[:-1] if v.endswith("e") else v
        out |= {v + "s", stem + "ed", stem + "ing", v + "d" if v.endswith("e") else v + "ed"}
    return out


LIGHT_FORMS = inflections(LIGHT_VERBS)


ADVERBIAL_PREPS = {"during", "after", "before", "following", "amid", "at", "in", "since", "despite", "until",
                   "ahead", "prior", "throughout", "upon", "on"}


SETTING_PREPS = {"during", "after", "before", "following", "amid", "since", "despite", "until", "throughout", "upon"}
SETTING_NOUNS = {"sideline", "margin", "occasion", "eve", "framework", "context"}


# verbs that name no event when they take a clause: "sought to", "helped to", "demonstrated that"
CLAUSE_TAKERS = {"help", "assist", "seek", "try", "attempt", "strive", "work", "move", "demonstrate", "show",
                 "signal", "aim", "hope", "want", "wish", "support", "back", "welcome"}
STATE_NOUNS = {"partnership", "trade", "cooperation", "relation", "tie", "support", "solidarity", "consensus",
               "commitment", "dialogue", "alliance", "friendship", "war", "warfare", "conflict", "occupation",
               "investment", "export", "import", "supply", "aid", "assistance", "funding", "financing", "tariff",
               "sanction", "embargo", "blockade", "restriction", "fighting", "violence", "mediation", "criticism",
               "pressure", "presence", "engagement", "integration", "competition", "rivalry", "tension",
               "normalization", "normalisation", "reconciliation", "rapprochement", "process"}
# relations that are never events by themselves, only what is done to them ("elevated the partnership")
STANDING = {"partnership", "cooperation", "relation", "tie", "alliance", "friendship", "dialogue", "presence",
            "engagement", "integration", "competition", "rivalry", "tension", "normalization", "normalisation",
            "rapprochement", "process", "trade"}
# nouns of wanting: what they govern has not happened ("strong interest in opening borders")
INTENT_NOUNS = {"interest", "desire", "readiness", "willingness", "intention", "hope", "plan", "aim", "goal", "bid",
                "effort", "attempt", "ambition", "wish", "aspiration", "prospect", "possibility", "potential",
                "proposal", "idea", "vision", "call", "demand", "request", "appeal", "need", "push", "drive"}
PRONOUNS = {"it", "they", "he", "she", "we", "i"}
REPORTING = {"say", "declare", "state", "insist", "stress", "tell", "add", "reiterate", "announce", "note",
             "emphasise", "emphasize", "affirm", "assert", "maintain", "argue", "claim", "write", "conclude"}
OBLIGATION = {"must", "should"}
COOPERATIVE = {"SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "CONSULT"}
DOMESTIC = {"PROTEST", "COERCE", "CONCEDE", "REQUEST", "ASSAULT", "THREATEN", "ACCUSE", "REJECT", "MOBILIZE",
            "SUPPORT", "RETREAT"}
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "REJECT", "RETREAT"}
WILLING = {"willing", "ready", "prepared", "committed", "determined", "eager", "poised"}
HOST_VERBS = {"host", "receive", "welcome"}
# intransitive verbs whose subject noun is the event itself
HAPPENING = {"start", "begin", "take", "continue", "resume", "end", "conclude", "open", "follow", "proceed", "occur",
             "happen", "commence", "get"}
GIVING = {"contribute", "provide", "give", "grant", "deliver", "supply", "send", "offer", "donate", "allocate"}
# verbs that deny their complement: "dragged its feet on paying", "failed to sign", "refused to attend"
DENYING = {"fail", "refuse", "decline", "avoid", "shun", "drag", "resist", "postpone", "delay", "stop", "reject",
           "neglect", "hesitate"}
# prepositions of a route or a title: "gas to Syria via Türkiye", "ambassador to Germany"
ROUTE_PREPS = {"via", "through", "across", "transiting"}
TITLE_NOUNS = {"ambassador", "envoy", "representative", "embassy", "mission", "consul", "attaché", "emissary"}
# types whose second party the narrative often leaves to the previous sentence
# trigger words for works on a project (building, opening it)
PROJECT_WORK = {"construction", "build", "construct", "inaugurate", "inauguration", "commission", "groundbreaking"}
# what forces sent to another state go to do when they are help, not a threat ("to lead a security mission")
ASSISTING = {"mission", "peacekeeping", "peacekeeper", "assist", "assistance", "help", "stabilization",
             "stabilisation", "relief", "rescue"}
FORCES = {"troop", "police", "soldier", "force", "personnel", "officer", "peacekeeper", "contingent", "unit"}
# what a city's name may name without standing for its state: "the Rome Statute", "the Minsk Group"
NAMED_TEXTS = {"statute", "declaration", "process", "protocol", "protocols", "accord", "accords", "agreement",
               "format", "convention", "treaty", "charter", "memorandum", "communiqué", "communique",
               "principles", "group", "formula", "consensus", "document", "agenda", "framework"}
# the second word of a phrasal verb ("give in", "pull out", "step down"): a particle, not a preposition
PARTICLES = {"in", "up", "down", "out", "off", "back", "away", "over"}
# event nouns whose parties all act ("clashes on the Kyrgyz-Tajik border")
MUTUAL = {"clash", "fighting", "skirmish", "hostility", "war", "battle", "firefight", "exchange"}
# triggers only without a direct object: "X compromised" concedes, "X compromised Y's interests" harms them
INTRANSITIVE = {"compromise"}
DIRECTED = {"COOPERATE", "CONCEDE", "SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "COERCE",
            "ASSAULT",
            "AID", "RETREAT", "PROTEST"}
ANAPHORS = {"side", "sides", "country", "countries", "leader", "leaders", "party", "parties", "state", "states",
            "government", "governments", "president", "presidents", "minister", "ministers", "capital", "capitals",
            "neighbour", "neighbours", "neighbor", "neighbors", "delegation", "delegations", "both", "they"}
