"""An event being built from one trigger (``Draft``), what the rules read to complete it (``Resolvers``), and the
shape of a rule. The rules themselves are in ``rules.py`` and ``acts.py``; ``Coder`` applies them in the order
``rules.py`` writes."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from spacy.tokens import Span

from diplomap.extract.actors import Actors
from diplomap.extract.context import SentenceContext
from diplomap.extract.lexicon import Lexicon
from diplomap.extract.places import Places
from diplomap.extract.syntax import TriggerMatch
from diplomap.knowledge import Knowledge
from diplomap.model import DateSpan, Modality, Place


@dataclass
class Draft:
    """An event being built from one trigger; the rules fill in and correct its parties and place."""

    trig: TriggerMatch
    span: DateSpan
    modality: Modality
    region: set[int]  # the trigger's own clause
    subject: set[int]  # the acting side of it
    trigger_heads: set[int]  # every trigger of the sentence, with the words whose clause they take
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: Place | None = None
    own_place: bool = True  # may a place named in the sentence be this event's (not an embedding event's)?
    type: str = ""
    mode: str = ""


@dataclass(frozen=True)
class Resolvers:
    kb: Knowledge
    lex: Lexicon
    places: Places
    actors: Actors


Rule = Callable[[Resolvers, Span, SentenceContext, Draft], None]


def an_igo(r: Resolvers, codes: Collection[str]) -> bool:
    """Is one of the codes an intergovernmental organisation's?"""
    return any(code in r.kb.organisations and r.kb.organisations[code].kind == "igo" for code in codes)


def phrases_on_the_act(sent: Span, d: Draft, preps: Collection[str]) -> set[int]:
    """The tokens of the prepositional phrases opened by one of ``preps`` on the trigger, its head or its phrase's
    words ("held talks with Bolivia without Chile", "filed a complaint with the AU against Chad")."""
    words = {d.trig.token.i, d.trig.head.i, *(w.i for w in d.trig.words)}
    return {t.i for i in words for c in sent.doc[i].children if c.dep_ == "prep" and c.lower_ in preps
            for t in c.subtree}


def named_in(r: Resolvers, sent: Span, ctx: SentenceContext, d: Draft, tokens: set[int]) -> list[str]:
    """The actors named in ``tokens``, in the order named, whichever side the resolver puts them on."""
    source, target, _ = r.actors.resolve(sent, d.trig, ctx, d.span, tokens, set())
    return list(dict.fromkeys([*source, *target]))


def place_state_untold(d: Draft) -> str | None:
    """The state of the event's place, when the event has no target yet and that state is not its doer's: the one a
    visit, a mission opened or a strike there is toward ('arrived in Amman', 'reopened its embassy in Lima')."""
    loc = d.location
    return loc.country if not d.target and loc is not None and loc.country and loc.country not in d.source else None
