#!/usr/bin/env python3
"""Reconcile the two blind annotations into gold.jsonl mechanically (the rules in README.md).

Usage: python eval/realnews/reconcile.py [SHARED [FOLDER]]   (SHARED: the shared folder, default ../shared beside the
repo; FOLDER: the set, with manifest.jsonl and the two annotator files, default this folder; eval/realnews/fresh)
"""
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared"
FOLDER = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE
spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
from datetime import date
man = [json.loads(l) for l in open(FOLDER / 'manifest.jsonl')]
def load(p): return [json.loads(l) for l in open(p) if l.strip()]
A, B = load(FOLDER / 'annotator-a.jsonl'), load(FOLDER / 'annotator-b.jsonl')
D = date.fromisoformat
def dates(x, y):
    xs, xe, ys, ye = D(x['start']), D(x['end']), D(y['start']), D(y['end'])
    if (xs, xe) == (ys, ye): return x['start'], x['end']
    inner = None
    if xs <= ys and ye <= xe: inner = (y['start'], y['end'])
    elif ys <= xs and xe <= ye: inner = (x['start'], x['end'])
    if inner and inner[0] == inner[1]: return inner
    return min(xs, ys).isoformat(), max(xe, ye).isoformat()
def qty(x, y):
    out = []
    for q in x.get('quantities') or []:
        v, u = score._qty(q)
        if any(score._qty(r)[1] == u and abs(score._qty(r)[0] - v) <= 0.01 * abs(v) for r in y.get('quantities') or []):
            out.append(q)
    return out
gold = []
for it in man:
    doc = it['id']
    a = [x for x in A if x['doc'] == doc]; b = [x for x in B if x['doc'] == doc]
    bp = [dict(x, type=x['types'][0]) for x in b]
    m = score.match(a, bp, strict=True)
    rest_a = [i for i in range(len(a)) if i not in m]; rest_b = [j for j in range(len(b)) if j not in m.values()]
    m2 = score.match([a[i] for i in rest_a], [bp[j] for j in rest_b], strict=False)
    pairs = list(m.items()) + [(rest_a[i], rest_b[j]) for i, j in m2.items()]
    events = []
    for i, j in pairs:
        x, y = a[i], b[j]
        start, end = dates(x, y)
        actors = [c for c in x['actors'] if c in y['actors']] or list(dict.fromkeys(x['actors'] + y['actors']))
        loc = x.get('location') if score._place(x.get('location')) == score._place(y.get('location')) else None
        events.append({"doc": doc, "types": list(dict.fromkeys(x['types'] + y['types'])), "actors": actors,
                       "start": start, "end": end, "location": loc, "quantities": qty(x, y),
                       "optional": bool(x['optional'] or y['optional']), "summary": x['summary'], "agreed": True})
    used_a = {i for i, _ in pairs}; used_b = {j for _, j in pairs}
    for x in [a[i] for i in range(len(a)) if i not in used_a] + [b[j] for j in range(len(b)) if j not in used_b]:
        events.append({"doc": doc, "types": x['types'], "actors": x['actors'], "start": x['start'], "end": x['end'],
                       "location": x.get('location'), "quantities": x.get('quantities') or [], "optional": True,
                       "summary": x['summary'], "agreed": False})
    events.sort(key=lambda e: (e['optional'], e['start']))
    for n, e in enumerate(events, 1):
        gold.append({"id": f"{doc}-{n}", **e})
open(FOLDER / 'gold.jsonl', 'w').write(''.join(json.dumps(g, ensure_ascii=False) + '\n' for g in gold))
split = {it['id']: it['split'] for it in man}
for s in dict.fromkeys(split.values()):
    g = [x for x in gold if split[x['doc']] == s]
    req = sum(1 for x in g if not x['optional'])
    docs_req = len({x['doc'] for x in g if not x['optional']})
    print(s, len(g), 'events', req, 'required', f'{1 - req / len(g):.0%} optional', docs_req, 'items with required events')
