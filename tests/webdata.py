"""Synthetic documents, events and knowledge for the web tests: fictional states, no model, no corpus."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from diplomap.knowledge import Knowledge
from diplomap.model import DateSpan, Document, Event, Evidence, Modality, Place, Precision, Sentence
from diplomap.store.db import Store

TEXT_ONE = (
    "Aldoria and Borvia held talks in Port Selva on the new rail line. "
    "The ministers of Aldoria and Borvia signed a transit accord on 4 March. "
    "Castria protested against the accord the next day."
)
# An ingested page whose text holds markup: it must show as text, never run.
TEXT_EVIL = (
    "Borvia sent aid to Castria after the floods. "
    "<script>document.title='pwned';window.pwned=true</script> <img src=x onerror=\"window.pwned=true\"> "
    "Castria thanked Borvia for the aid."
)

STATES = """iso3,name,aliases,demonyms,capital,lat,lon,region,subregion,area
ALD,Aldoria,,Aldorian,Selva,41.0,45.0,Asia,Western Asia,Inner Sea
BRV,Borvia,,Borvian,Kest,42.0,48.0,Asia,Western Asia,Inner Sea
CAS,Castria,,Castrian,Moro,39.0,52.0,Asia,Central Asia,Steppe
"""
PEOPLE = """id,name,aliases,country,org,title,role,start,end
vela_ana,Ana Vela,,ALD,,President of Aldoria,head_of_state,2019-05-01,
ruk_ivo,Ivo Ruk,,ALD,,Foreign Minister of Aldoria,foreign_minister,2020-01-10,2024-06-30
"""
PLACES = """name,aliases,country,kind,lat,lon
Port Selva,,ALD,city,41.2,45.5
Kest,,BRV,city,42.0,48.0
Moro,,CAS,city,39.0,52.0
"""
PROJECTS = """id,name,aliases,kind,mode,countries,waypoints,status
inner_rail,Inner Sea Railway,,railway,rail,ALD|BRV,Port Selva|Kest,planned
"""


def knowledge() -> Knowledge:
    kb = Knowledge()
    for name, text in (("states", STATES), ("people", PEOPLE), ("places", PLACES), ("projects", PROJECTS)):
        kb.add_csv(text, f"{name}.csv")
    return kb


def document(text: str, title: str, fmt: str = "text") -> Document:
    doc_id = hashlib.sha256(text.encode()).hexdigest()
    return Document(id=doc_id, text=text, source=f"/tmp/{title}.txt", title=title, fmt=fmt, raw=text)


def sentences(doc: Document) -> list[Sentence]:
    out = []
    for i, m in enumerate(re.finditer(r"[^.]+\.", doc.text)):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        out.append(Sentence(doc.id, i, start, m.end(), doc.text[start : m.end()]))
    return out


def event(doc: Document, phrase: str, type_: str, source: tuple[str, ...], target: tuple[str, ...],
          day: date | None, *, trigger: str = "", location: Place | None = None,
          modality: Modality = Modality.HAPPENED) -> Event:
    """An event whose evidence is ``phrase`` at its exact offsets in the document."""
    start = doc.text.index(phrase)
    sentence = next(s for s in sentences(doc) if s.start <= start < s.end)
    span = DateSpan(day, day, Precision.DAY, day.isoformat()) if day else None
    return Event(type=type_, source=source, target=target, date=span, modality=modality, location=location,
                 evidence=(Evidence(doc.id, sentence.index, start, start + len(phrase), phrase),),
                 trigger=trigger or phrase.split()[0])


def events_one(doc: Document) -> list[Event]:
    return [
        event(doc, "held talks in Port Selva", "CONSULT", ("ALD",), ("BRV",), date(2025, 3, 2),
              location=Place("Port Selva", "ALD", 41.2, 45.5)),
        event(doc, "signed a transit accord", "AGREE", ("ALD", "BRV"), (), date(2025, 3, 4), trigger="signed"),
        event(doc, "protested against the accord", "PROTEST", ("CAS",), ("ALD",), date(2025, 3, 5)),
    ]


def events_evil(doc: Document) -> list[Event]:
    return [
        event(doc, "sent aid to Castria", "AID", ("BRV",), ("CAS",), date(2025, 4, 10)),
        event(doc, "thanked Borvia for the aid", "SUPPORT", ("CAS",), ("BRV",), date(2025, 4, 12)),
    ]


def build(path: Path) -> dict[str, str]:
    """A database with two documents; returns names -> ids for the tests."""
    one = document(TEXT_ONE, "Talks and an accord")
    evil = document(TEXT_EVIL, "Aid <b>report</b>", fmt="html")
    with Store(path) as store:
        ids_one = store.add_document(one, sentences(one), [], events_one(one))
        ids_evil = store.add_document(evil, sentences(evil), [], events_evil(evil))
    return {"doc": one.id, "evil": evil.id, "talks": ids_one[0], "accord": ids_one[1], "protest": ids_one[2],
            "aid": ids_evil[0], "thanks": ids_evil[1]}
