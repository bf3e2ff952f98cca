"""Stage 2: Document -> sentences, mentions, events. The spaCy model loads lazily, once."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from diplomap.extract import dedup
from diplomap.extract.coder import Coder, SentenceContext
from diplomap.extract.dates import DEADLINE, find_dates
from diplomap.extract.fast import add_gazetteer, collected_rarely, remember_attribute_rules, remember_lemmas
from diplomap.extract.gazetteer import patterns
from diplomap.extract.headline import headline
from diplomap.extract.layout import Layout, is_caption, read_layout, url_month, url_year
from diplomap.extract.lexicon import Lexicon
from diplomap.extract.names import ToldNames, inside_a_longer_name, own_states, someone_elses_surname
from diplomap.extract.nlp import (
    correct_lemmas,
    keep_prefixed_words,
    load_model,
    special_cases_held,
    split_double_hyphens,
)
from diplomap.extract.paragraphs import MAX_PARAGRAPH, bounded, is_heading, mask_raw_furniture, paragraph_spans
from diplomap.extract.recognizer import decode_entities_here
from diplomap.extract.spans import whole_month, whole_year
from diplomap.extract.speakers import QUOTES, Speakers
from diplomap.extract.story import (
    attributive,
    bound,
    decision_day,
    described_thing,
    is_review,
    next_anchor,
    of_the_telling,
    opens_with_its_day,
    retold_date,
    told_in_full,
)
from diplomap.extract.written import (
    dateline_weekday_day,
    guess_year,
    latest_year_named,
    no_older_than_its_photo,
    slug_day,
    weekday_day,
)
from diplomap.knowledge import Knowledge
from diplomap.knowledge.grammar import VERB_LEMMAS
from diplomap.model import (
    DateSpan,
    Document,
    Event,
    Mention,
    Modality,
    Place,
    Precision,
    Sentence,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

@dataclass(frozen=True)
class Extraction:
    sentences: list[Sentence]
    mentions: list[Mention]
    events: list[Event]
    error: str = ""  # extraction failed on this document (a fault of ours): nothing of it is stored


@dataclass(frozen=True)
class _Page:
    """A document read for extraction, before its paragraphs are parsed."""

    doc: Document
    layout: Layout
    written: date | None  # the day it was written, given or found
    paragraphs: list[tuple[int, int]]
    texts: list[str]  # the paragraphs' text, as parsed
    focal_year: int
    narrative: bool  # a review that narrates many months, not one news day
    story_year: int  # an undated news item: the latest year it names, where its own day is told (else 0)


class Pipeline:
    """One object that turns documents into extractions; the CLI, the web app and Dask all call it."""

    def __init__(self, kb: Knowledge | None = None, model: str | None = None,
                 gazetteers: Sequence[str] = ()) -> None:
        self.kb = kb or Knowledge.load(gazetteers)
        self.model_name = model
        self._nlp: Language | None = None
        self.coder = Coder(self.kb, Lexicon.from_knowledge(self.kb))
        self._one_stance = self.coder.lex.types_with("one_stance")  # hostile words merged in one sentence (dedup)
        self._cooperative = self.coder.lex.types_with("cooperative")  # (dedup: what answers a hostile act)
        self._states = frozenset(self.kb.states)  # (dedup: a meeting told by each side alone)
        self._state_ids = {f: st.iso3 for st in self.kb.states.values() for f in (st.name, *st.aliases) if len(f) > 3}
        self._state_names = re.compile(
            r"\b(?:" + "|".join(map(re.escape, sorted(self._state_ids, key=len, reverse=True))) + r")\b")

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            with collected_rarely():
                nlp = load_model(self.model_name)
                with special_cases_held(nlp):
                    keep_prefixed_words(nlp)
                    split_double_hyphens(nlp)
                correct_lemmas(nlp, VERB_LEMMAS)
                add_gazetteer(nlp, patterns(self.kb))
                remember_lemmas(nlp)
                remember_attribute_rules(nlp)
                decode_entities_here(nlp)
            self._nlp = nlp
        return self._nlp

    def extract(self, doc: Document, progress: Callable[[int, int], None] | None = None,
                reactions_apart: bool = True) -> Extraction:
        """The sentences, mentions and events of a document. ``reactions_apart``: "the US, Japan and the EU
        condemned the drills" is one event per reacting party, as the record's dyads need; sentence coding
        keeps PLOVER's one event with a list of actors (``code_records``)."""
        page = self._page(doc)
        return self._code(page, self.nlp.pipe(page.texts, batch_size=32), progress, reactions_apart)

    def extract_many(self, docs: Sequence[Document], reactions_apart: bool = True,
                     batch_size: int = 128) -> list[Extraction]:
        """``extract`` of each document, with their paragraphs parsed in one stream (``nlp.pipe``), so that
        short news items fill the model's batches: the same results as one by one, faster. Paragraphs are short
        and alike in length, so batches of 128 pad little (4 % less CPU than 32 on the real-news dev items; whole
        items, of unequal length, parse fastest in batches of 32)."""
        try:
            pages = [self._page(doc) for doc in docs]
            parsed = self.nlp.pipe((t for page in pages for t in page.texts), batch_size=batch_size)
            return [self._code(page, islice(parsed, len(page.texts)), None, reactions_apart) for page in pages]
        except Exception:  # (a fault on one document must not lose the others of its batch)
            return [self._extract_or_fail(doc, reactions_apart) for doc in docs]

    def _extract_or_fail(self, doc: Document, reactions_apart: bool) -> Extraction:
        """One document alone; a fault on it is said with the document, not raised."""
        try:
            return self.extract(doc, reactions_apart=reactions_apart)
        except Exception as exc:
            return Extraction([], [], [], error=f"extraction failed ({type(exc).__name__}: {exc}); nothing of this"
                                                " document was stored: please report it with the file")

    def _page(self, doc: Document) -> _Page:
        """What is known of a document before parsing: its layout, paragraphs, dates and kind."""
        layout = read_layout(doc.text, doc.source, self._known_place)
        text = mask_raw_furniture(doc, layout.masked)
        # (page furniture blanked: same offsets, no events from bylines or "Related")
        review = is_review(text)
        # the day the item was written, from the page if not given; else the day its weekday and date tell
        written = _republished(doc.published, layout) or layout.written or (
            (weekday_day(text) or dateline_weekday_day(text, layout) or slug_day(doc.text, url_month(doc.source)))
            if not review else None)
        paragraphs = bounded([(m.start(), m.end()) for m in paragraph_spans(text)], text,
                             min(self.nlp.max_length, MAX_PARAGRAPH))
        if not review:
            written = no_older_than_its_photo(written, [text[s:e] for s, e in paragraphs if is_caption(text[s:e])])
        # the year the text reports on; 0 when nothing says (then only dates that state their year date an event,
        # and an event the text dates by no year is left out: "on Monday" of an unknown year is no date)
        focal_year = written.year if written else (url_year(doc.source) or layout.year
                                                   or guess_year(text, news=not review))
        story_year = latest_year_named(text) if not (written or review) else 0
        return _Page(doc, layout, written, paragraphs, [text[s:e] for s, e in paragraphs], focal_year, review,
                     story_year)

    def _code(self, page: _Page, parsed: Iterable[SpacyDoc], progress: Callable[[int, int], None] | None,
              reactions_apart: bool) -> Extraction:
        """Sentences, mentions and events from the parsed paragraphs of a page, in the order the text tells."""
        doc, layout, written, paragraphs, focal_year = (page.doc, page.layout, page.written, page.paragraphs,
                                                        page.focal_year)
        first = next((i for i, t in enumerate(page.texts) if t.strip()), 0)
        base: DateSpan | None = whole_year(focal_year) if focal_year else None
        # what the text dates before the month leading up to the period it reports on is history it retells
        focal_start = date(focal_year, 1, 1) - RETOLD if focal_year else None
        narrative = page.narrative
        if written and not narrative:
            # a news item: what it reports without a date happened around its publication; it reports on its day
            base = DateSpan(written, written, Precision.DAY, PUBLICATION)
            focal_start = written - RETOLD
        elif not written and not narrative and (month := url_month(doc.source)) and month[0] == focal_year:
            # an undated page filed under /2025/march/: what it reports without a date happened that month
            base = whole_month(*month)
        elif not written and not narrative and (story_day := _story_day(page)) is not None:
            # an undated news item that tells its day somewhere ("On November 2, 2025, ... signed"): what its lead
            # tells without a date happened then
            base = story_day
        sentences: list[Sentence] = []
        mentions: list[Mention] = []
        events: list[Event] = []
        section = ""
        anchor: DateSpan | None = base
        news_day = base  # a news item's latest day in the weeks before it went out
        previous: tuple[str, ...] = ()
        people: tuple[str, ...] = ()  # the states of the people the last sentence naming one named
        named_dates: dict[tuple[str, ...], DateSpan] = {}
        named_actors: Counter[str] = Counter()  # how often each actor is named: the story's parties
        story_igo: Mention | None = None  # the organisation the document named last ("the Secretary-General")
        told_names = ToldNames()
        lead_day: DateSpan | None = None  # the day the first paragraph after a news headline tells
        body_told = False  # has the first paragraph of the story's body (its lead) been read?
        # who speaks: whom each quotation is attributed to, and a statement's "I" and "we" (speakers.Speakers)
        voices = Speakers(self.coder.actors.code, page.texts, narrative)
        # an undated news item's story is in the latest year it names or the one before: an earlier year it tells
        # ("recalled the first summit, held in 2010") is background the story does not move to
        background_before = page.story_year - 1 if page.story_year and not narrative else 0
        for n, ((p_start, _), pdoc) in enumerate(zip(paragraphs, parsed, strict=True)):
            if progress:
                progress(n + 1, len(paragraphs))
            ptext = page.texts[n]  # (the parse's own text, which spaCy would join again from every token)
            if is_heading(ptext):
                # a new section starts a new narrative: its actors are not the last one's
                section = ptext.strip()
                previous, people = (), ()
            scene: Place | None = None
            last_igo: Mention | None = None  # "this group", "the bloc": the organisation named last
            # a date carries over within a paragraph; a new paragraph of a review starts from the period
            # the document covers unless it says otherwise (named events still keep their dates); a news
            # item's short paragraphs go on telling its latest recent day, not its background's
            if narrative:
                anchor = base
            elif written is None:
                anchor = news_day  # an undated news item goes on with the day it has told, else its year
            elif not (ptext.lstrip()[:1] in QUOTES and n > first and anchor is not None
                      and anchor.days <= 2 * NEWS_WINDOW.days):
                # (a paragraph of quotation goes on with the telling before it, and its day; not with a long while
                # told in the background before it: "Vietnam had said earlier this year ...")
                anchor = news_day
            sents = list(pdoc.sents)  # (each a span, read once: spaCy makes them, and their text, anew when asked)
            lead = not body_told and not is_heading(ptext) and not is_caption(ptext)
            body_told = body_told or lead
            speakers = voices.paragraph(n, pdoc, sents, ptext, anchor)
            for sent in sents:
                stext = ptext[sent.start_char:sent.end_char]  # (sent.text, joined again from its tokens)
                if not stext.strip():
                    continue
                idx = len(sentences)
                offset = p_start + sent.start_char
                sentences.append(Sentence(doc.id, idx, offset, offset + len(stext), stext, section))
                ents = sent.ents  # (each call makes the paragraph's entity spans anew)
                sent_mentions = [
                    Mention(doc.id, idx, p_start + ent.start_char, p_start + ent.end_char, ent.text, ent.ent_id_,
                            ent.label_)
                    for ent in ents
                    # (a user's actor dictionary lists its forms on purpose: they are kept)
                    if ent.ent_id_ and not (ent.ent_id_ in self.kb.people and ent.ent_id_ not in self.kb.petrarch_forms
                                            and someone_elses_surname(ent, partial(self.kb.given_names, ent.ent_id_)))
                    and not (ent.ent_id_ not in self.kb.petrarch_forms and inside_a_longer_name(ent))
                ]
                voices.sentence(sent, anchor)
                # "Francis" after "Pope Francis", in the order told ("Peters arrived in Samoa. He met": Peters)
                recalled = told_names.recall(sent, ents, doc.id, idx, p_start)  # (people, all of them)
                sent_mentions = sorted([*sent_mentions, *recalled], key=lambda m: m.start)
                told_names.learn(ents, sent_mentions)
                told_names.learn_serving(sent, sent_mentions, offset)
                # "his country" after a person named: that person's state
                own = own_states(sent, sent_mentions, p_start, self._state_of(anchor))
                sent_mentions = sorted([*sent_mentions, *own], key=lambda m: m.start)
                sent_mentions += _group_anaphora(sentences[-1], sent_mentions, last_igo, story_igo)
                mentions.extend(sent_mentions)
                if layout.dateline is not None:
                    # "MEXICO CITY, Mexico – Venezuela and Guyana agreed": where it was filed from, not who acted
                    sent_mentions = [m for m in sent_mentions
                                     if not (layout.dateline.start <= m.start < layout.dateline.end)]
                mentions.extend(self._states_in_names(sent_mentions))
                last_igo = next((m for m in reversed(sent_mentions) if self._names_igo(m)), last_igo)
                story_igo = last_igo or story_igo
                # a day or month without a year belongs to the year the document reports on
                dates = find_dates(stext, anchor, focal_year, year_from_anchor=False, today=written,
                                   weekday_from_today=not narrative)
                ctx = SentenceContext(doc.id, idx, offset, sent_mentions, dates, anchor, focal_start, previous,
                                      narrative, named_dates, written,
                                      salient=tuple(code for code, _ in named_actors.most_common()),
                                      reactions_apart=reactions_apart, prior=tuple(events),
                                      speaker=speakers.get(sent.start, ()) or voices.text_speaker, text=stext,
                                      previous_people=people)
                coded = [replace(e, headline=headline(sent, e, offset, sent_mentions, self._name))
                         for e in (retold_date(e, events) for e in self.coder.code(sent, ctx))]
                if n == first and written and not narrative and is_heading(ptext):
                    # a news headline retells the story's main event, which happened up to a few days before
                    # the item went out: so dated, it merges with the body's telling of it
                    coded = [replace(e, date=_headline_days(written)) if e.date and e.date.inherited else e
                             for e in coded]
                days = {d.span for d in dates if d.span.precision == Precision.DAY and not d.relative}
                if len(days) == 1 and is_caption(ptext):
                    # "Araghchi meets his Omani counterpart prior to talks in Muscat, April 12, 2025 © AP": a
                    # caption's one date is the picture's, and so of all it shows
                    coded = [replace(e, date=next(iter(days))) if e.date and e.date.inherited else e for e in coded]
                # the scene carries over: an event dated only by the narrative happened where the last
                # dated event of the paragraph did ("Putin met Aliyev in Dushanbe. He apologised.")
                coded = [replace(e, location=scene) if e.location is None and e.date and e.date.inherited and scene
                         else e for e in coded]
                placed = [e.location for e in coded if e.location and e.date and not e.date.inherited]
                scene = placed[-1] if placed else scene  # the latest scene the sentence moved to
                if written and not narrative and (day := decision_day(sent, dates, written)) is not None:
                    # "ECOWAS lifted its sanctions. The decision was made at a summit on Saturday.": that day
                    # (or an act, no words, the sentence before dated only by the day it was spoken of: "Erdogan on
                    # Friday said Turkey's move to halt trade was designed to ... The decision, announced on
                    # Thursday, ...")
                    events = [replace(e, date=day) if e.date and (
                        e.date.start == e.date.end == written or (e.date.text == PUBLICATION and e.date.end == written))
                              and e.evidence[0].sentence == idx - 1 and (
                                  e.date.text == PUBLICATION or not self.coder.lex.has_trait(e.type, "voiced"))
                              else e for e in events]
                events.extend(coded)
                named = self.coder.actor_codes(sent, offset, sent_mentions, anchor)
                previous = named or previous
                # (a person named in full, or again by a short form: "Chollet" after "the Counselor of the State
                # Department Derek Chollet", who stands for the body he serves)
                people = tuple(dict.fromkeys(c for m in sent_mentions if m.label == "PERSON" or m in recalled
                                             if (c := self.coder.actors.code(m, anchor)))) or people
                named_actors.update(named)
                # a news story does not move to a date that only names a thing ("the April 22 attack"); a
                # review's narrative does ("after the late-June raid, in the following weeks ...")
                # (unless it is of the days the item reports: "following the signing on 11 December")
                told = dates if narrative else [d for d in dates if (not attributive(sent, d) or (
                    written is not None and written - NEWS_WINDOW <= d.span.end <= written))
                    and not described_thing(sent, d)]
                # (nor to a deadline: "ordering they leave before midnight on Sunday", nor to the start of what
                # the story measures from: "the first attack since a ceasefire took effect last week")
                told = [d for d in told if not DEADLINE.search(stext[:d.start]) and not bound(stext, d, dates)
                        and not of_the_telling(sent, d, dates)]
                moved = next_anchor(told, focal_year or background_before, written)
                # "in August, when they met in Washington", told before as "on 8 August": the story is there
                sharper = [e.date for e in coded if e.date and moved and e.date.text == moved.text
                           and e.date.days < moved.days and moved.start <= e.date.start <= moved.end]
                anchor = (replace(sharper[-1], inherited=False) if sharper else moved) or anchor
                # (a lead that tells its day in full, "On the morning of July 3, 2024, Xi held talks", tells the
                # story's day though the page went out weeks later)
                window = LEAD_WINDOW if lead and anchor and told_in_full(anchor) else NEWS_WINDOW
                if written and anchor and anchor.end >= written - window and not is_caption(ptext) and (
                        anchor.days <= 2 * NEWS_WINDOW.days) and (
                        news_day is base or news_day is None or anchor.end >= news_day.end
                        or (sent.start_char == 0 and opens_with_its_day(stext, told, moved) and any(
                            e.type == "CONSULT" and e.modality == Modality.HAPPENED for e in coded))):
                    # (a photo caption's "make a toast Thursday" is the photo's day; "this year" or "in May" holds
                    # the story's day but is no day of it); once the story has told its day, it goes back no
                    # further ("the talks last weekend" is background to it), but to a meeting a paragraph opens
                    # with ("Yesterday, Yunus held a bilateral meeting with Ishiba.": what follows is of it)
                    news_day = anchor
                elif anchor and _a_story_day(anchor, page.story_year) and (
                        news_day is base or news_day is None or anchor.end >= news_day.end):
                    news_day = anchor  # an undated item's day, once told
            if (lead_day is None and n > first and written and not narrative and not is_heading(ptext)
                    and not is_caption(ptext) and news_day is not base and news_day is not None
                    and news_day.precision == Precision.DAY):
                lead_day = news_day
        if written and not narrative and reactions_apart:
            # what a news item tells with no date of its own happened on its day or the day before (news goes out
            # the day of the act or the next: "Mali announced that it is cutting ties with Ukraine", the statement
            # of the Sunday before the Monday's item); sentence coding dates it by its record's date, as PLOVER
            events = [replace(e, date=_news_days(written)) if e.date and e.date.text == PUBLICATION
                      and e.date.start == e.date.end == written else e for e in events]
        dateline = None if narrative else self._dateline(layout)
        if dateline is not None:
            # "ASTANA, Kazakhstan — Tokayev hosted Mirziyoyev ...": a meeting or signing of the place's state
            # with no place of its own happened where the story was filed (a phone call has none)
            events = [replace(e, location=dateline) if e.location is None and e.type in ("CONSULT", "AGREE")
                      and e.mode != "Phone"
                      and dateline.country in e.actors else e for e in events]
        # (the record keeps one event per happening; sentence coding, as PLOVER's, codes each act the sentence tells)
        aspects = self.coder.lex.aspects if reactions_apart else None
        one_stance = self._one_stance if reactions_apart else frozenset()
        merged = dedup.merge(events, news=not narrative, aspects=aspects, one_stance=one_stance,
                             cooperative=self._cooperative, states=self._states)
        if lead_day is not None:
            # a headline's act the body tells of the same parties only as another act happened on the day the lead
            # tells it ("Vietnam protests Chinese survey ship" over "Vietnam on Wednesday demanded that China
            # withdraw ...")
            of_the_lead = [e for e in merged if e.date and not e.date.inherited and e.date.start == lead_day.start
                           and e.date.end == lead_day.end]
            merged = [replace(e, date=replace(lead_day, inherited=True)) if e.date and (
                e.date.text == dedup.HEADLINE_DAYS and e.date.start - timedelta(7) <= lead_day.start <= e.date.end
                and any(set(o.actors) == set(e.actors) for o in of_the_lead)) else e for e in merged]
        return Extraction(sentences, mentions, merged)

    def _state_of(self, anchor: DateSpan | None) -> Callable[[str], str]:
        """A person's state on the day the narrative is at, or "" (a person acting for a body, or unknown)."""
        def state(person: str) -> str:
            code = self.kb.person_code(person, anchor.start if anchor else None)
            return code if code in self.kb.states else ""
        return state

    def _known_place(self, name: str) -> bool:
        return self.kb.place(name.title()) is not None or self.kb.place(name) is not None

    def _dateline(self, layout: Layout) -> Place | None:
        found = layout.dateline
        rec = self.kb.place(found.city.title()) if found else None
        return Place(rec.name, rec.country, rec.lat, rec.lon) if rec and rec.country else None

    def _name(self, code: str) -> str:
        """A state's or organisation's short name, for headlines whose sentence names no actor."""
        if code in self.kb.states:
            return self.kb.states[code].name
        org = self.kb.organisations.get(code)
        return (org.aliases[0] if org and org.aliases and len(org.aliases[0]) <= 8 else org.name) if org else code

    def _states_in_names(self, named: Sequence[Mention]) -> list[Mention]:
        """States a project's name names ("China–Kyrgyzstan–Uzbekistan railway" mentions Kyrgyzstan): kept
        as mentions of those states, but not handed to the coder, for whom the project is one thing."""
        return [Mention(m.doc_id, m.sentence, m.start + hit.start(), m.start + hit.end(), hit.group(0),
                        self._state_ids[hit.group(0)], "STATE")
                for m in named if m.label == "PROJECT" for hit in self._state_names.finditer(m.text)]

    def _names_igo(self, mention: Mention) -> bool:
        org = self.kb.organisations.get(mention.entity_id)
        return mention.label == "ORG" and org is not None and org.kind == "igo"


def _a_story_day(span: DateSpan, story_year: int) -> bool:
    """Can the span be an undated news item's own day: a day or a short span in the latest year the item names?"""
    return bool(story_year) and span.start.year == story_year and span.days <= 31 and (
        span.precision in (Precision.DAY, Precision.RANGE))


def _story_day(page: _Page) -> DateSpan | None:
    """The day an undated news item reports: the latest day or short span it states, with its year, in the latest
    year it names (not a caption's, nor one counted from another date)."""
    if not page.story_year:
        return None
    days = [d.span for text in page.texts if not is_caption(text)
            for d in find_dates(text, None, 0, year_from_anchor=False)
            if not d.relative and _a_story_day(d.span, page.story_year)]
    return replace(max(days, key=lambda s: s.end), inherited=True) if days else None


PUBLICATION = "publication date"  # how an event dated by its news item's day alone tells its date


def _news_days(published: date) -> DateSpan:
    return DateSpan(published - timedelta(1), published, Precision.RANGE, PUBLICATION, inherited=True)


def _headline_days(published: date) -> DateSpan:
    return DateSpan(published - timedelta(3), published, Precision.RANGE, dedup.HEADLINE_DAYS, inherited=True)


_GROUP_ANAPHOR = re.compile(r"\b(?:this|that|the said)\s+(?:group|grouping|organi[sz]ation|bloc|alliance|union)\b",
                            re.I)
_HEAD_OF_AN_IGO = re.compile(r"\b[Tt]he\s+(?:Secretary|Director)[- ]General\b")


def _republished(published: date | None, layout: Layout) -> date | None:
    """The day an item was written: the date it was published, unless its own byline or date line says it was
    written up to a week before ('5 June 2025' under the headline of a page dated the 6th): a page that carries a
    story again dates it when it carries it, and "today" in the story is the day it was written."""
    if published is not None and layout.stated is not None and published - REPUBLISHED <= layout.stated < published:
        return layout.stated
    return published


def _group_anaphora(sentence: Sentence, named: Sequence[Mention], last_igo: Mention | None,
                    story_igo: Mention | None) -> list[Mention]:
    """"hosted two summits of this group": the organisation the paragraph named last; "The Secretary-General
    expressed support": the head of the one the document named last (a title only organisations give), when the
    sentence names none itself."""
    found = _GROUP_ANAPHOR.search(sentence.text)
    if found is None or last_igo is None or any(m.label == "ORG" for m in named):
        found, igo = _HEAD_OF_AN_IGO.search(sentence.text), story_igo
        # (the title told with its organisation, "the UN Secretary-General", "the Secretary-General of the OIC", is
        # that organisation's mention; one named elsewhere in the sentence is not whose head it is)
        if found is not None and any(sentence.start + found.start() - 12 <= m.start <= sentence.start + found.end()
                                     + 12 and m.label == "ORG" for m in named):
            return []
    else:
        igo = last_igo
    if found is None or igo is None:
        return []
    start = sentence.start + found.start()
    return [Mention(sentence.doc_id, sentence.index, start, start + len(found.group(0)), found.group(0),
                    igo.entity_id, "ORG")]


# a news item tells the days just before it went out: a new paragraph goes on from the latest of those days,
# not from a date further back, which is background ("the April 22 attack" in an item of 7 May)
NEWS_WINDOW = timedelta(7)
LEAD_WINDOW = timedelta(31)  # how long before the page went out a day told in full in its lead may be the story's
REPUBLISHED = timedelta(7)  # a page carrying a story again, within a week of its writing
# background: what a text dates before the month leading up to what it reports on (a news item's day, a review's
# year), as the gold READMEs count it (history told more than about a month before)
RETOLD = timedelta(31)
