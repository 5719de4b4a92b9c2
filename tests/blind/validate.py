#!/usr/bin/env python3
"""Sanity checks for blind.gold.json: schema keys, names occur in the corpus, role references are entity labels, dates parse with score.py interval(), triggers occur in their document."""
import json, sys, os, re, collections
sys.path.insert(0, "/work/shared/eval")
from score import interval, norm
HERE = os.path.dirname(os.path.abspath(__file__)); os.chdir(HERE)
g = json.load(open("blind.gold.json"))
assert set(g) == {"about","documents","entities","roles","events","conflicts"}
docs = {}
for f in g["documents"]:
    docs[f[:3]] = open(os.path.join("corpus", f), encoding="utf-8").read()
allt = "\n".join(docs.values())
fold = lambda s: s.replace("\u2019", "'").lower()
A = fold(allt)
errs = []
labels = collections.Counter(e["label"] for e in g["entities"])
for l, c in labels.items():
    if c > 1: errs.append(f"dup label {l}")
seen = {}
for e in g["entities"]:
    assert e["type"] in ("Person","Organization","Place")
    for n in [e["label"]] + e["aliases"]:
        if fold(n) not in A: errs.append(f"name not in corpus: {n}")
        k = norm(n)
        if k in seen and seen[k] != e["label"]: errs.append(f"name shared: {n} ({seen[k]} / {e['label']})")
        seen[k] = e["label"]
for r in g["roles"]:
    if r["doc"] not in docs: errs.append(f"bad doc {r}")
    for x in [r["person"]] + r["org"]:
        if x not in labels: errs.append(f"role ref not a label: {x}")
    # person named in that doc
    p = next(e for e in g["entities"] if e["label"] == r["person"])
    if not any(fold(n) in fold(docs[r["doc"]]) for n in [p["label"]]+p["aliases"]): errs.append(f"person not in doc {r}")
    for o in r["org"]:
        oe = next(e for e in g["entities"] if e["label"] == o)
        if not any(fold(n) in fold(docs[r["doc"]]) for n in [oe["label"]]+oe["aliases"]): errs.append(f"org not in doc {r['doc']}: {o}")
for ev in g["events"]:
    if interval(ev["date"]) is None: errs.append(f"bad date {ev}")
    t = fold(docs[ev["doc"]])
    for tr in ev["triggers"]:
        if tr != tr.lower(): errs.append(f"trigger not lowercase {tr}")
    if not any(tr in t for tr in ev["triggers"]): errs.append(f"no trigger in doc {ev}")
    miss = [tr for tr in ev["triggers"] if tr not in t]
    if miss: print("note: triggers absent from doc", ev["doc"], miss, ev["what"])
# needs_dct only in docs with dct
for ev in g["events"]:
    f = next(f for f in g["documents"] if f.startswith(ev["doc"]))
    if ev.get("needs_dct") and not g["documents"][f]["dct"]: errs.append(f"needs_dct in dated doc {ev}")
for f, d in g["documents"].items():
    assert (d["dct"] is None) != (d["dct_inferable"] is None)
    assert interval(d["dct"] or d["dct_inferable"])
# entities mentioned per doc
for e in g["entities"]:
    pass
print("\n".join(errs) or "OK")
c = collections.Counter(e["type"] + ("(opt)" if e.get("optional") else "") for e in g["entities"]); print(c)
print("roles", len(g["roles"]), "req", sum(not r.get("optional") for r in g["roles"]))
print("events", len(g["events"]), "req", sum(not r.get("optional") for r in g["events"]), "needs_dct", sum(bool(r.get("needs_dct")) for r in g["events"]))
for d in docs:
    print(d, len(docs[d].split()), "roles", sum(r["doc"]==d for r in g["roles"]), "events", sum(r["doc"]==d for r in g["events"]))
