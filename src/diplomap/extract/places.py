"""Where an event happened: places after in/at, a visit's destination, a hosting capital, a port or field
named as the scene; and which phrases of a sentence only describe a place."""

from __future__ import annotations

from spacy.tokens import Span

from diplomap.extract.context import SentenceContext, mention_tokens
from diplomap.extract.lexicon import Lexicon
from diplomap.extract.roles import after_locative, aimed_at
from diplomap.extract.syntax import TriggerMatch
from diplomap.knowledge import Knowledge
from diplomap.model import Mention, Place


class Places:
    def __init__(self, kb: Knowledge, lexicon: Lexicon) -> None:
        self.kb = kb
        self.lex = lexicon

    def place(self, mention: Mention) -> Place | None:
        rec = self.kb.place(mention.text)
        if rec is None and mention.entity_id.startswith("place:"):
            rec = self.kb.place(mention.entity_id[6:])
        if rec is None:
            return Place(mention.text)
        return Place(rec.name, rec.country, rec.lat, rec.lon)

    def project_place(self, mention: Mention) -> Place | None:
        """A port or terminal named as where something happens: the place of that name, if known."""
        project = self.kb.projects.get(mention.entity_id)
        if project is None or project.kind not in ("port", "terminal", "field"):
            return None
        for form in (mention.text, project.name, *project.aliases):
            rec = self.kb.place(form)
            if rec is not None:
                return Place(rec.name, rec.country, rec.lat, rec.lon)
        return None

    def capital_of(self, code: str) -> Place | None:
        state = self.kb.states.get(code)
        rec = self.kb.place(state.capital) if state and state.capital else None
        return Place(rec.name, rec.country, rec.lat, rec.lon) if rec else None

    def state_place(self, mention: Mention) -> Place | None:
        st = self.kb.states.get(mention.entity_id)
        return Place(st.name, st.iso3, st.lat, st.lon) if st else None

    def project_states(self, ctx: SentenceContext) -> list[str]:
        """The states the one project a sentence names links."""
        named = {m.entity_id for m in ctx.mentions if m.label == "PROJECT"}
        project = self.kb.projects.get(next(iter(named))) if len(named) == 1 else None
        return list(project.countries) if project and len(project.countries) >= 2 else []

    def sentence_location(self, sent: Span, ctx: SentenceContext, trig: TriggerMatch) -> Place | None:
        """A place the sentence sets the scene in: after in/at, a visit's destination ("visit to Baku"),
        or a capital that hosts a consultation ("Baku hosted the talks")."""
        best: tuple[int, Place] | None = None
        for mention in ctx.mentions:
            if mention.label not in ("PLACE", "CAPITAL"):
                continue
            toks = mention_tokens(sent, mention, ctx.offset)
            if not toks:
                continue
            verb = toks[-1].head.lemma_.lower()
            hosting = mention.label == "CAPITAL" and trig.entry.type == "CONSULT" and toks[-1].dep_ == "nsubj" and (
                self.lex.has_frame(verb, "visitor_acts") or verb == "provide")
            destination = toks[-1].dep_ == "pobj" and toks[-1].head.lower_ == "to" and (
                toks[-1].head.head.lemma_.lower() in ("visit", "trip", "travel", "arrive"))
            if not (after_locative(toks[0]) or hosting or destination) or aimed_at(toks, trig):
                continue
            dist = abs(toks[0].i - trig.token.i)
            place = self.place(mention)
            if place is not None and (best is None or dist < best[0]):
                best = (dist, place)
        return best[1] if best else None

    def narrower_place(self, ctx: SentenceContext, location: Place | None) -> Place | None:
        """'held in Azerbaijan itself, ... traveling to the town of Qabala': a town of the same country
        named in the sentence says more than the country."""
        if location is None or location.country not in self.kb.states or location.name != (
                self.kb.states[location.country].name):
            return location
        for mention in ctx.mentions:
            if mention.label in ("PLACE", "CAPITAL"):
                place = self.place(mention)
                if place is not None and place.country == location.country and place.name != location.name:
                    return place
        return location

    def place_phrases(self, sent: Span, ctx: SentenceContext) -> set[int]:
        """Tokens of appositions and clauses that describe a place named after in/at/near."""
        out: set[int] = set()
        for mention in ctx.mentions:
            if mention.label not in ("PLACE", "CAPITAL"):
                continue
            toks = mention_tokens(sent, mention, ctx.offset)
            if toks and after_locative(toks[0]):
                for child in toks[-1].children:
                    # "at Camp David, where the three agreed ...": what happened there is news, not description
                    where = child.dep_ == "relcl" and any(c.lower_ == "where" for c in child.children)
                    if child.dep_ in ("appos", "relcl", "acl") and not where:
                        out.update(t.i for t in child.subtree)
        return out
