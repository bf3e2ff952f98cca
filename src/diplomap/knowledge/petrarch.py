"""Load a PETRARCH/TABARI-style actor dictionary as extra gazetteer rows.

Format, as PETRARCH reads it:
    ARNOR_  [ARN]                 a name (underscores join words) and its code
    +ARNORIAN                     a synonym of the entry above
    ILHAM_ALIYEV_ [AZEGOV >031031] a code that holds from 2003-10-31 (>YYMMDD) or until (<YYMMDD)
        [USR <911226]             an indented code line adds a dated code to the entry above
A trailing underscore asks for the exact word; without it the last word matches as a prefix
("ARGENTIN" matches Argentina and Argentine). Comments start with '#' or sit in <!-- -->.
Entries become people-like records with dated roles, matched case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from diplomap.knowledge import Knowledge, Person, Role

_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class _Entry:
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, date | None, date | None]] = field(default_factory=list)


def _yymmdd(text: str) -> date:
    """YYMMDD (two-digit years from 1930) or YYYYMMDD."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) >= 8:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    yy, mm, dd = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    return date(1900 + yy if yy >= 30 else 2000 + yy, mm, dd)


def _parse_code(body: str) -> tuple[str, date | None, date | None]:
    parts = body.split()
    code = parts[0] if parts else "---"
    start = end = None
    for p in parts[1:]:
        if p.startswith(">") and len(p) >= 7:
            start = _yymmdd(p[1:])
        elif p.startswith("<") and len(p) >= 7:
            end = _yymmdd(p[1:])
    return code, start, end


def parse(text: str) -> list[_Entry]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    entries: list[_Entry] = []
    current: _Entry | None = None
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+") and current is not None:
            current.names.append(stripped[1:].strip())
            continue
        if line[0].isspace() and stripped.startswith("[") and current is not None:
            code = _CODE.match(stripped)
            current.codes.append(_parse_code(code.group(1) if code else ""))
            continue
        m = _CODE.search(stripped)
        name = stripped[: m.start()].strip() if m else stripped
        current = _Entry([name])
        if m:
            current.codes.append(_parse_code(m.group(1)))
        entries.append(current)
    return [e for e in entries if e.names[0] and e.codes]


def load_petrarch_actors(kb: Knowledge, text: str, source: str) -> int:
    """Add every entry of a PETRARCH actor dictionary to ``kb.people``; returns how many."""
    n = 0
    for entry in parse(text):
        roles = tuple(
            Role(code.upper(), "", "", "actor", start, end)
            for code, start, end in entry.codes
            if code and code not in ("---", "+++", "###")
        )
        if not roles:
            continue
        # later, undated codes are fallbacks: the dated ones go first so role_on picks them on their dates
        roles = tuple(sorted(roles, key=lambda r: (r.start is None and r.end is None)))
        pid = "petrarch:" + entry.names[0].strip("_").lower()
        kb.people[pid] = Person(pid, entry.names[0], tuple(entry.names[1:]), roles)
        kb.petrarch_forms[pid] = tuple(entry.names)
        n += 1
    return n
