"""Small invented world for the analysis, export and review tests (#4).

The year is 2031 and every quote is made up, so nothing here can be mistaken for a real report.
The knowledge is written as CSV with the documented columns and loaded through Knowledge.add_csv.
"""

from __future__ import annotations

from datetime import date

from diplomap.knowledge import Knowledge
from diplomap.model import DateSpan, Document, Event, Evidence, Modality, Place, Precision
from diplomap.store.db import Store

YEAR = 2031

STATES = """iso3,iso2,name,aliases,demonyms,capital,lat,lon,region,subregion,area,status,qid
AZE,AZ,Azerbaijan,,,Baku,40.41,49.87,Asia,Western Asia,South Caucasus,member,
ARM,AM,Armenia,,,Yerevan,40.18,44.51,Asia,Western Asia,South Caucasus,member,
GEO,GE,Georgia,,,Tbilisi,41.72,44.79,Asia,Western Asia,South Caucasus,member,
TUR,TR,Türkiye,,,Ankara,39.93,32.86,Asia,Western Asia,Middle East,member,
USA,US,United States,,,Washington,38.90,-77.04,Americas,Northern America,North America,member,
RUS,RU,Russia,,,Moscow,55.76,37.62,Europe,Eastern Europe,Eastern Europe,member,
CHN,CN,China,,,Beijing,39.90,116.40,Asia,Eastern Asia,East Asia,member,
FRA,FR,France,,,Paris,48.86,2.35,Europe,Western Europe,Western Europe,member,
KAZ,KZ,Kazakhstan,,,Astana,51.17,71.45,Asia,Central Asia,Central Asia,member,
UZB,UZ,Uzbekistan,,,Tashkent,41.30,69.24,Asia,Central Asia,Central Asia,member,
ISR,IL,Israel,,,Jerusalem,31.77,35.21,Asia,Western Asia,Middle East,member,
BRA,BR,Brazil,,,Brasilia,-15.79,-47.88,Americas,South America,Latin America,member,
"""
ORGS = """id,name,aliases,kind,country,parent,members,qid
EU,European Union,EU,igo,,,FRA|DEU,
EC,European Commission,,igo_body,,EU,,
OTS,Organization of Turkic States,OTS,igo,,,AZE|KAZ|TUR|UZB,
SCO,Shanghai Cooperation Organisation,SCO,igo,,,CHN|RUS|KAZ|UZB,
"""
PLACES = """name,aliases,country,kind,lat,lon,qid
Baku,,AZE,capital,40.41,49.87,
Tbilisi,,GEO,capital,41.72,44.79,
Kars,,TUR,city,40.60,43.10,
Yerevan,,ARM,capital,40.18,44.51,
"""
PROJECTS = """id,name,aliases,kind,mode,countries,waypoints,status,qid
steppe_link,Steppe Link Railway,SLR,railway,rail,AZE|GEO|TUR,Baku|Tbilisi|Kars,under construction,
"""


def knowledge() -> Knowledge:
    kb = Knowledge()
    for name, text in (("states", STATES), ("organisations", ORGS), ("places", PLACES), ("projects", PROJECTS)):
        kb.add_csv(text, f"{name}.csv")
    return kb


def day(month: int, dom: int, year: int = YEAR) -> DateSpan:
    d = date(year, month, dom)
    return DateSpan(d, d, Precision.DAY)


def event(eid: str, type_: str, source: tuple[str, ...], target: tuple[str, ...], span: DateSpan | None,
          quote: str, *, mode: str = "", trigger: str = "", doc: str = "doc1", sentence: int = 0,
          participants: tuple[str, ...] = (), modality: Modality = Modality.HAPPENED,
          location: Place | None = None) -> Event:
    return Event(type=type_, source=source, target=target, date=span, mode=mode, trigger=trigger,
                 evidence=(Evidence(doc, sentence, 0, len(quote), quote),), summary=quote, id=eid,
                 participants=participants, modality=modality, location=location)


BAKU = Place("Baku", "AZE", 40.41, 49.87)


def events() -> list[Event]:
    """Sixteen events of AZE (and two without it) in 2031."""
    return [
        event("e01", "CONSULT", ("AZE",), ("ARM",), day(1, 10), "The two foreign ministers met in Tbilisi.",
              mode="Visit", trigger="meet", location=Place("Tbilisi", "GEO", 41.72, 44.79)),
        event("e02", "ACCUSE", ("ARM",), ("AZE",), day(2, 3), "Yerevan accused Baku of stalling the talks.",
              trigger="accuse", sentence=1),
        event("e03", "AGREE", ("AZE", "ARM"), (), day(3, 15),
              "Azerbaijan and Armenia initialled the text of a peace treaty.", trigger="initial", sentence=2),
        event("e04", "AGREE", ("AZE", "ARM"), (), day(5, 20),
              "Azerbaijan and Armenia signed the peace treaty in a ceremony.", trigger="sign", sentence=3,
              location=BAKU),
        event("e05", "COOPERATE", ("AZE",), ("GEO",), day(4, 2),
              "Work resumed on the Steppe Link Railway between the two countries.", trigger="resume", sentence=4),
        event("e06", "AGREE", ("AZE",), ("TUR",), day(6, 1),
              "The presidents adopted a declaration raising ties to a comprehensive strategic partnership.",
              trigger="adopt", sentence=5),
        event("e07", "CONSULT", ("AZE",), ("USA",), day(2, 14), "The foreign minister called his US counterpart.",
              mode="Phone", trigger="call", sentence=6),
        event("e08", "AID", ("FRA",), ("AZE",), day(7, 9), "France delivered relief supplies to the flooded region.",
              trigger="deliver", doc="doc2", sentence=0),
        event("e09", "CONSULT", ("AZE",), ("EC",), day(9, 30), "The Commission president received the delegation.",
              trigger="receive", doc="doc2", sentence=1),
        event("e10", "CONSULT", ("RUS",), ("AZE",), day(3, 3), "Moscow hosted consultations on the border.",
              trigger="host", doc="doc2", sentence=2),
        event("e11", "COOPERATE", ("AZE",), ("OTS",), day(10, 5),
              "Azerbaijan joined the new OTS investment fund as a founding member.", trigger="join", doc="doc2",
              sentence=3),
        event("e12", "CONSULT", ("AZE",), ("CHN",), day(11, 11), "Delegations held talks in Beijing.",
              trigger="talk", doc="doc2", sentence=4),
        event("e13", "SUPPORT", ("ISR",), ("AZE",), day(12, 1), "Israel voiced support for the mediation effort.",
              trigger="support", doc="doc2", sentence=5),
        event("e14", "AGREE", ("AZE",), ("BRA",), day(8, 8), "The two sides agreed to open embassies.",
              trigger="agree", doc="doc2", sentence=6),
        event("e15", "CONSULT", ("AZE",), ("ARM",), day(7, 21), "Border commissions met again at the frontier.",
              trigger="meet", doc="doc2", sentence=7),
        event("e16", "CONSULT", ("AZE",), ("ARM",), day(9, 2), "The two deputy prime ministers met.",
              trigger="meet", doc="doc2", sentence=8),
        event("x01", "CONSULT", ("KAZ",), ("UZB",), day(4, 4), "Astana and Tashkent held talks.", doc="doc2",
              sentence=9),
        event("x02", "CONSULT", ("AZE",), ("GEO",), day(6, 6, YEAR - 1), "A meeting took place a year earlier.",
              doc="doc2", sentence=10),
    ]


def store() -> Store:
    """An in-memory store with the events above in two invented documents."""
    st = Store(":memory:")
    by_doc: dict[str, list[Event]] = {}
    for ev in events():
        by_doc.setdefault(ev.evidence[0].doc_id, []).append(ev)
    for doc_id, evs in by_doc.items():
        text = " ".join(e.evidence[0].quote for e in evs)
        doc = Document(id=doc_id, text=text, source=f"{doc_id}.txt", title=f"Invented bulletin {doc_id[-1]}",
                       raw=text)
        st.add_document(doc, [], [], evs)
    return st
