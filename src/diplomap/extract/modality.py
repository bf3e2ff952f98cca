"""How the text presents an event: happened, planned, expected, hypothetical, negated, background, or not
news at all. Small named rules, tried in the order of ``RULES``; the first verdict counts."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from diplomap.extract.context import SentenceContext
from diplomap.extract.retold import background, counted_since, once_done, ongoing_since, over_a_long_while, told_before
from diplomap.extract.subjects import names_hung_before
from diplomap.extract.syntax import (
    TriggerMatch,
    clause_head,
    deciding_verb,
    finite_verb,
    governing_verb,
    meeting_as_setting,
)
from diplomap.extract.undone import NOT_NEWS, Verdict, act_as_a_subject, kept_from, purpose_told
from diplomap.knowledge.grammar import (
    ADVOCATING,
    ATTENDING,
    BELIEVING,
    CONSIDERING,
    DENYING,
    EXPECT_HEADS,
    FUTURE_AUX,
    HABITUAL,
    HAPPENING,
    HOPING,
    HYPO_AUX,
    INTENT_NOUNS,
    JOURNEYS,
    PERIODS,
    PLAN_ADJ,
    PLAN_HEADS,
    REPORTING,
    SAYING_ACTS,
    TIME_MARKS,
)
from diplomap.model import DateSpan, Modality

Rule = Callable[[Span, TriggerMatch, SentenceContext, DateSpan], Verdict]


def _aux(head: Token) -> set[str]:
    """The auxiliaries of the event's clause; a participle in an adverbial clause borrows its verb's modals
    ("this line can constitute a link, thus building on cooperation"), and a bare verb joined to another its
    auxiliaries ("should support each other and oppose interference", "will visit Paris and sign a deal")."""
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if head.dep_ == "advcl" and head.tag_ == "VBG":
        aux |= {c.lower_ for c in head.head.children if c.dep_ == "aux"} & HYPO_AUX
    node = head
    while not aux and node.dep_ == "conj" and node.tag_ in ("VB", "VBP") and node.head.i != node.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in node.children):
        # "should support each other, oppose interference and reject sanctions": a bare verb joined to a modal one
        # shares its modal (the tagger may read it as a present: "oppose"/VBP)
        node = node.head
        aux = {c.lower_ for c in node.children if c.dep_ == "aux"} & (HYPO_AUX | FUTURE_AUX)
    return aux


def negated(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'did not sign', 'no talks were held', 'Bahrain is yet to reopen its embassy', 'has not joined its allies in
    imposing sanctions' (the act a negated verb takes part in), 'no country has recognized Somaliland', 'offered
    nothing'."""
    head = clause_head(trig)
    joined = [head.head.head] if head.dep_ == "pcomp" and head.head.dep_ == "prep" else []
    # ("the Cairo round of negotiations did not witness any change": what the event did not do, not that it did not
    # happen; "the talks did not take place" is)
    told_of = trig.token.pos_ in ("NOUN", "PROPN") and head.i != trig.token.i and head.lemma_.lower() not in (
        HAPPENING) and any(trig.token.i in {t.i for t in c.subtree} for c in head.children if c.dep_ == "nsubj")
    for t in {head, trig.token, *joined} - ({head} if told_of else set()):
        if any(c.dep_ == "neg" for c in t.children):
            return Modality.NEGATED
    verb = trig.token.head
    if (trig.token.pos_ in ("NOUN", "PROPN") and trig.token.dep_ in ("nsubj", "nsubjpass")
            and verb.lemma_.lower() in HAPPENING and any(c.dep_ == "neg" for c in verb.children)):
        return Modality.NEGATED  # "the talks did not take place", "the summit did not happen"
    if head.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and any(
            c.dep_ == "advmod" and c.lower_ == "yet" for c in head.head.children):
        return Modality.NEGATED
    if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in head.children):
        return Modality.NEGATED  # "No nation has recognized the Taliban": done by no one
    if trig.token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in trig.token.children):
        return Modality.NEGATED  # "the talks ended with no deal", "no agreement was reached"
    if head.dep_ == "pcomp" and head.head.lower_ == "without":
        return Modality.NEGATED  # "met Bolivia without inviting Chile": not done
    if head.pos_ == "VERB" and (any(c.dep_ == "dobj" and c.lower_ == "nothing" for c in head.children)
                                or (head.dep_ in ("relcl", "acl") and head.head.lower_ == "nothing")):
        return Modality.NEGATED  # "offered nothing", "has nothing to offer": nothing done
    return None


def asked(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """A yes-or-no question asserts nothing: 'Can Saudi Arabia succeed in halting the war?', 'Did Israel strike Iran?'
    (a question of why or how presupposes the act: 'Why did Russia attack Ukraine?')."""
    if not ctx.text_of(sent).rstrip().rstrip("\"”’'").endswith("?"):
        return None
    node = clause_head(trig)
    for _ in range(4):  # up to the verb of the question: "succeed" in "Can X succeed in halting"
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) or node.head.i == node.i:
            break
        node = node.head
    subjects = [c.i for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    inverted = any(c.dep_ in ("aux", "auxpass") and subjects and c.i < min(subjects) for c in node.children)
    wh = any(t.tag_ in ("WRB", "WP", "WDT") for t in sent if t.i < node.i)
    return NOT_NEWS if inverted and not wh else None


def denied(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """Under a verb that denies it: 'dragged its feet on making an apology', 'refused to attend', 'denied that its
    drones entered Polish airspace', 'stopped short of promising a bailout', 'refrained from criticising' (not a
    second, coordinated act: 'rejected the criticism and accused ...')."""
    head = clause_head(trig)
    node = head
    for _ in range(3):
        short_of = node.dep_ == "advmod" and node.lower_ == "short"  # ("stopped short of")
        if (node.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "conj") and not short_of) or (
                node.head.i == node.i):
            break
        coordinate = node.dep_ == "conj"
        node = node.head
        if node.lemma_.lower() in DENYING and node.i != head.i and not coordinate:
            return Modality.NEGATED
    return None


def came_before(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'agreed to end the dispute after talks': the talks came first, whatever the agreement's mood."""
    tok = trig.token
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("after", "following") and not (
            {c.lower_ for a in tok.ancestors for c in a.children if c.dep_ == "aux"} & (FUTURE_AUX | HYPO_AUX)):
        return _done(sent, trig, ctx, span)
    return None


def held_during(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'agreed to expand trade during their talks in Nairobi': the parties' own meeting (their talks, his visit, Yoon's
    state visit) is where the act was done, and was held, whatever infinitive the parser hung it on; not under a
    future or a condition ('will sign a deal to expand trade during their talks next week'), nor another's meeting
    ('agreed to meet during the AU summit')."""
    tok = trig.token
    if not (meeting_as_setting(trig) and tok.pos_ == "NOUN" and any(
            c.dep_ == "poss" and (c.lower_ in ("their", "his", "her") or c.pos_ == "PROPN") for c in tok.children)):
        return None
    for node in tok.head.ancestors:
        if node.tag_ == "MD" or {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")} & (
                FUTURE_AUX | HYPO_AUX):
            return None
        if node.tag_ == "VBD":
            return _done(sent, trig, ctx, span)
        if node.tag_ in ("VBP", "VBZ"):
            return None
    return None


def reported_will(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'announced that France would recognise': a reported 'will', unless under a condition."""
    head = clause_head(trig)
    if _aux(head) & HYPO_AUX == {"would"} and head.dep_ == "ccomp" and head.head.tag_ == "VBD" and (
            head.head.lemma_.lower() in REPORTING | {"confirm", "pledge", "promise", "decide"}) and not any(
            c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in head.children):
        return Modality.PLANNED
    return None


_OPINION = BELIEVING | HOPING  # verbs whose clause is the holder's view or wish (grammar.toml)


def believed(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'Kurti argues that Belgrade supplied the weapons', 'believes that Ecuador funded the protests': an act held
    in a clause of opinion is the holder's view, not news that it happened (a hostile one is an accusation:
    coder._claims); 'Chile hopes that Peru will join the pact' is a wish, no promise of Peru's."""
    node = clause_head(trig)
    for _ in range(3):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in _OPINION and _holder(node.head):
            return Modality.HYPOTHETICAL
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _holder(verb: Token) -> bool:
    """Whether a verb of opinion has someone holding it: a subject that names a party or a person."""
    return any(c.dep_ == "nsubj" and (c.lower_ in ("he", "she", "they", "we", "i") or (
        c.pos_ in ("NOUN", "PROPN") and any(t.ent_type_ or t.pos_ == "NOUN" for t in c.subtree)))
               for c in verb.children)


def habitual(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'the General Assembly has annually adopted a resolution', 'they meet every year', 'keep clashing': a custom
    told, not one happening (grammar.toml, [adverbs])."""
    # (and what such an act carries: "adopted annually a resolution demanding an end to the embargo")
    clause = clause_head(trig)
    if clause.dep_ == "xcomp" and clause.tag_ == "VBG" and clause.head.lemma_.lower() == "keep":
        return NOT_NEWS  # "why Kenya and Uganda keep clashing": a repeated pattern, not one happening
    for head in {clause, trig.token, *list(trig.token.ancestors)[:4]}:
        for c in head.children:
            if c.dep_ == "advmod" and c.lower_ in HABITUAL:
                return NOT_NEWS
            if c.dep_ == "npadvmod" and c.lemma_.lower() in PERIODS and any(
                    d.lower_ in ("every", "each") for d in c.children):
                return NOT_NEWS
    return None


def standing_status(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'The PKK is designated a terrorist group by Turkey', 'the party is banned in Russia': a hostile measure told
    in the present passive, with no date of its own, is a standing status, not news."""
    head = clause_head(trig)
    aux = {c.lower_ for c in head.children if c.dep_ == "auxpass"}
    if "hostile" in trig.entry.traits and head.tag_ == "VBN" and aux & {"is", "are", "'s", "'re"} and span.inherited:
        return NOT_NEWS
    return None


def known_for(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'South Africa, a nation known for its role in filing a case accusing Israel': what a party is known for
    describes it, it is no news of the day."""
    if any(a.lemma_.lower() in ("know", "famous", "notorious", "renowned") and a.dep_ in ("acl", "amod")
           for a in trig.token.ancestors):
        return NOT_NEWS
    return None


def on_the_eve(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'on the eve of Modi's visit to Russia': what the story's day is the eve of comes after it; so does what a
    thing is done 'ahead of' ("discussed the agenda ahead of the April 25 consultations", written on 12 April),
    unless its own day is past when written."""
    tok = trig.token
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    before = tok.head.head.lemma_.lower()
    if before == "eve" or (before == "ahead" and (
            span.inherited or ctx.written is None or span.end >= ctx.written)):
        return Modality.PLANNED
    return None


def modal(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'could strike', 'may halt', 'should sign'."""
    return Modality.HYPOTHETICAL if _aux(clause_head(trig)) & HYPO_AUX else None


def conditional_clause(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'if talks fail', 'unless it withdraws', 'whether they meet', 'until Israel agrees to a ceasefire and
    participates in talks' (a verb joined to the conditioned one shares its condition; 'until' with a present verb:
    'fighting went on until the troops withdrew' did happen)."""
    head = clause_head(trig)
    for verb in (head, *([head.head] if head.dep_ == "conj" else [])):
        if any(c.dep_ == "mark" and (c.lower_ in ("if", "unless", "whether") or (
                c.lower_ == "until" and verb.tag_ in ("VBZ", "VBP"))) for c in verb.children):
            return Modality.HYPOTHETICAL
    return None


def time_to_come(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'The council will meet soon after the two presidents sign a declaration', 'Chile will lift the sanctions
    once Peru signs': a present verb in a clause of time under a verb in the future or a modal tells a time to come
    (grammar.toml modals.time_marks), not an act done."""
    head = clause_head(trig)
    if head.dep_ != "advcl" or head.tag_ not in ("VBZ", "VBP") or not any(
            c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in head.children):
        return None
    ruling = head.head
    return Modality.PLANNED if {c.lower_ for c in ruling.children if c.dep_ == "aux"} & (
        FUTURE_AUX | HYPO_AUX) else None


def planned_noun(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'the planned visit', 'a possible deal'."""
    tok = trig.token
    if tok.pos_ == "NOUN" and any(c.lower_ in PLAN_ADJ for c in tok.children if c.dep_ in ("amod", "compound")):
        return Modality.PLANNED
    return None


def weighed(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """An act weighed, not taken: 'India is weighing a ban on Chinese apps', 'is considering expelling the
    ambassador' (grammar.toml verbs.considering); or advocated or opposed by its gerund: 'Spain had supported
    imposing tariffs' (verbs.advocating)."""
    tok = trig.token
    if trig.head.i == tok.i and tok.dep_ in ("dobj", "xcomp") and (tok.pos_ == "NOUN" or tok.tag_ == "VBG") and (
            tok.head.lemma_.lower() in CONSIDERING):
        return Modality.HYPOTHETICAL
    if trig.head.i == tok.i and tok.dep_ in ("dobj", "xcomp") and tok.tag_ == "VBG" and (
            tok.head.lemma_.lower() in ADVOCATING):
        return Modality.HYPOTHETICAL
    return None


def forecast_of_its_subject(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """What is said of an event noun as its subject may lie ahead: 'the agreement is expected to be signed next week'
    (expected), 'the summit is set to take place on Friday' (planned), 'the deal is unlikely to be finalized today'
    (not done)."""
    tok = trig.token
    if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    for word in (verb, *[c for c in verb.children if c.dep_ == "acomp"]):
        ahead = any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for c in word.children)
        lemma = word.lemma_.lower()
        if ahead and lemma == "unlikely":
            return Modality.HYPOTHETICAL
        if ahead and lemma in EXPECT_HEADS:
            return Modality.EXPECTED
        if ahead and tok.dep_ == "nsubjpass" and lemma in PLAN_HEADS:
            return Modality.PLANNED
    return None


def in_case_of(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'in the event of a Chinese invasion of Taiwan', 'in case of an attack': a case provided for, not news."""
    node = trig.token
    for _ in range(6):  # ("in the event of a crisis such as a Chinese invasion of Taiwan")
        if node.dep_ not in ("pobj", "prep", "amod") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in ("event", "case") and node.dep_ == "pobj" and node.head.lower_ == "in":
            return Modality.HYPOTHETICAL
    return None


def wanted(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """Under a noun of wanting: 'interest in opening borders', 'a bid to join'."""
    node = clause_head(trig)
    for _ in range(3):
        if node.dep_ not in ("pcomp", "pobj", "prep", "acl", "xcomp") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in INTENT_NOUNS:
            return Modality.PLANNED
    return None


_DECIDING = frozenset({"decide", "resolve", "vote", "opt", "order"})


def decided(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """What a government decided on is done when decided: 'India decided to expel Canada's envoys', 'Norway decided
    to recognise Palestine', 'the court decided to allow the candidate to run' (a decision to meet or to build is an
    agreement to: type_changes.csv decided_talks, decided_cooperation)."""
    head = clause_head(trig)
    if head.dep_ == "acl" and head.head.lemma_.lower() in ("decision", "move") and any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in head.head.children) and (
            not ctx.narrative):
        # "Trump's decision to delay tariffs", "the decision by Chile to withdraw its ambassador", "Turkey's move to
        # halt trade": what a party decided, in news
        return _done(sent, trig, ctx, span)
    parent = deciding_verb(trig, _DECIDING)
    if parent is not None and not any(c.dep_ in ("neg", "aux") and c.lower_ in (
            "not", "n't", "never", *HYPO_AUX, *FUTURE_AUX) for c in parent.children):
        return _done(sent, trig, ctx, span)
    return None


def embedded_plan(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """Under a verb of planning, asking or expecting: 'agreed to build' (planned), 'is expected to sign'
    (expected), '... to supply Syria with gas' (a purpose, not yet done), 'will seek to ...'."""
    node = clause_head(trig)
    while node.dep_ == "conj" and node.head.i != node.i:
        if node.tag_ in ("VBD", "VBZ") and node.head.tag_ == "VB" and node.head.head.i != node.head.i:
            # "called on both sides to stop fighting and offered to host talks", "calls on ... to lay down arms and
            # urges ...": a finite verb the parser joined to the infinitive is joined to the verb above it
            node = node.head.head
            continue
        node = node.head  # "agreed to re-establish and restore ties": the second verb is as planned as the first
    for _ in range(4):
        if node.dep_ not in ("xcomp", "ccomp", "acl", "advcl", "relcl", "pcomp", "pobj", "prep") or (
                node.head.i == node.i):
            break
        parent = node.head
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        lemma = parent.lemma_.lower()
        if lemma in EXPECT_HEADS and (infinitive or node.dep_ == "xcomp"):
            return Modality.EXPECTED
        if lemma == "able" and parent.head.tag_ == "VBD":
            return None  # 'they were able to speak this morning': they did
        if infinitive and (lemma in PLAN_HEADS or parent.pos_ in ("NOUN", "ADJ") or node.dep_ == "advcl"):
            if node.lemma_.lower() in SAYING_ACTS and (node.dep_ == "advcl" or lemma not in PLAN_HEADS) and (
                    _told_as_past(parent)):
                return None  # "summoned the ambassador to register a protest": done in the summoning
            if node.lemma_.lower() in ATTENDING and lemma in JOURNEYS and _told_as_past(parent):
                return None  # "travelled to Tonga to attend the Forum's meeting": the trip was made for it
            return Modality.PLANNED
        if node.dep_ == "xcomp" and node.tag_ == "VBG" and lemma in PLAN_HEADS:  # 'proposed suspending the tariffs'
            return Modality.PLANNED
        if node.dep_ in ("xcomp", "ccomp") and any(c.lower_ in FUTURE_AUX for c in parent.children):
            return Modality.PLANNED
        node = parent
    return None


def _told_as_past(tok: Token) -> bool:
    """The verb above ``tok`` (itself, or the one its noun or adjective hangs on) is past: 'summoned', 'had a call',
    'was pleased'."""
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX"):
            return tok.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.lower_ in (
                "has", "have", "had", "was", "were") for c in tok.children)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def headline_infinitive(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """A headline's 'to' is its future: 'Yoon and Kishida to meet in Tokyo', 'Erdogan to visit Ethiopia'
    (the infinitive heads the clause, or hangs from a name)."""
    head = clause_head(trig)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and (
            head.dep_ == "ROOT" or (head.dep_ in ("acl", "xcomp") and head.head.pos_ in ("PROPN", "NOUN"))
            # "DGMOs to hold talks again", the name read as a verb: a capitalised root of a line without a stop
            or (head.dep_ == "xcomp" and head.head.dep_ == "ROOT" and head.head.text[:1].isupper()
                and not ctx.text_of(sent).rstrip().endswith((".", "!", "?", '"', "”")))):
        return Modality.PLANNED
    return None


def future(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """'will visit', 'is going to sign'."""
    head = clause_head(trig)
    if _aux(head) & FUTURE_AUX or any(c.lower_ == "going" for c in head.children):
        return Modality.PLANNED
    return None


def under_future_verb(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """An event noun in a phrase of a verb in the future or a modal: 'the ceasefire will be followed by a meeting
    of the border committee' (planned), 'talks could follow' (hypothetical)."""
    tok = trig.token
    if tok.pos_ not in ("NOUN", "PROPN") or trig.head.i != tok.i:
        return None
    verb = governing_verb(tok)
    if verb is None:
        return None
    aux = _aux(verb)
    if aux & FUTURE_AUX:
        return Modality.PLANNED
    return Modality.HYPOTHETICAL if aux & HYPO_AUX else None


def present_state(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """In a review, the simple present states how things are ('the sides continue to ...'): not news."""
    governing = finite_verb(clause_head(trig))
    perfect = _aux(clause_head(trig)) | {c.lower_ for c in governing.children if c.dep_ == "aux"}
    if ctx.narrative and governing.tag_ in ("VBP", "VBZ") and not perfect & {"has", "have", "had", "'s", "'ve"}:
        return NOT_NEWS
    return None


def bare_verb(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """A bare infinitive with no date and no auxiliary ('to strengthen ties'): not news (not a headline's present
    the tagger took for one: 'Macron and Modi Agree on Defense Ties', a main verb with its subject)."""
    tok = trig.token
    is_verb = tok.pos_ != "NOUN" and trig.head.i == tok.i
    headline_present = tok.dep_ == "ROOT" and (any(c.dep_ == "nsubj" for c in tok.children)
                                               or bool(names_hung_before(tok)))
    if is_verb and tok.tag_ == "VB" and not ctx.dates and not _aux(clause_head(trig)) and not headline_present:
        return NOT_NEWS
    return None


def _done(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Verdict:
    """Told as done: news, or history retold when it is dated long before (for the rules that say a thing happened
    whatever its mood)."""
    return background(sent, trig, ctx, span) or Modality.HAPPENED


RULES: tuple[Rule, ...] = (negated, asked, denied, came_before, held_during, reported_will, believed, act_as_a_subject,
                           purpose_told, kept_from, habitual,
                           standing_status, known_for, on_the_eve, modal, conditional_clause, time_to_come,
                           in_case_of, planned_noun,
                           weighed, forecast_of_its_subject, wanted, decided,
                           embedded_plan, headline_infinitive, future, under_future_verb, present_state, bare_verb,
                           once_done, ongoing_since, over_a_long_while, counted_since, told_before, background)


def modality_of(sent: Span, trig: TriggerMatch, ctx: SentenceContext, span: DateSpan) -> Modality | None:
    """The first verdict of ``RULES``; happened when none has one; None when the trigger is not news."""
    for rule in RULES:
        verdict = rule(sent, trig, ctx, span)
        if verdict == NOT_NEWS:
            return None
        if verdict is not None:
            return Modality(verdict)
    return Modality.HAPPENED
