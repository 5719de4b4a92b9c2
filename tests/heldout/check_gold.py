#!/usr/bin/env python3
"""Sanity checks for heldout.gold.json: names occur in the corpus, role persons/orgs are gold labels,
dates parse with score.py, triggers are lowercase and occur in their article; prints per-article counts."""
import json, os, re, sys, glob
sys.path.insert(0, os.environ.get('KG_EVAL_DIR', '/work/shared/eval'))
from score import interval, norm
HERE=os.path.dirname(os.path.abspath(__file__))
G=os.path.join(HERE,'heldout.gold.json')
C=os.path.join(HERE,'corpus')
g=json.load(open(G))
texts={f:open(os.path.join(C,f)).read() for f in g['documents']}
assert sorted(texts)==sorted(os.path.basename(p) for p in glob.glob(C+'/*.txt'))
fold=lambda s:s.replace('\u2019',"'").lower()
alltext=fold('\n'.join(texts.values()))
bad=0
labels=[e['label'] for e in g['entities']]
assert len(labels)==len(set(labels)), 'dup labels'
# names occur
for e in g['entities']:
    for n in [e['label']]+e['aliases']:
        if fold(n) not in alltext:
            print('MISSING name', n); bad+=1
# duplicate normalized names across entities
seen={}
for e in g['entities']:
    for n in {norm(x) for x in [e['label']]+e['aliases']}:
        seen.setdefault(n,[]).append(e['label'])
for n,ls in seen.items():
    if len(ls)>1: print('shared name', n, ls)
docs={f[:3]:f for f in g['documents']}
for r in g['roles']:
    if r['person'] not in labels: print('role person not entity', r); bad+=1
    for o in r['org']:
        if o not in labels: print('role org not entity', r); bad+=1
    t=fold(texts[docs[r['doc']]])
    for n in [r['person']]:
        e=next(x for x in g['entities'] if x['label']==n)
        if not any(fold(a) in t for a in [e['label']]+e['aliases']): print('person not in doc', r); bad+=1
    for o in r['org']:
        e=next(x for x in g['entities'] if x['label']==o)
        if not any(fold(a) in t for a in [e['label']]+e['aliases']): print('  note: org not named verbatim in doc', r['doc'], r['person'], o)
for ev in g['events']:
    if interval(ev['date']) is None: print('bad date', ev); bad+=1
    t=fold(texts[docs[ev['doc']]])
    for tr in ev['triggers']:
        if tr!=tr.lower(): print('trigger not lowercase', ev); bad+=1
        if tr not in t: print('trigger not in doc', tr, ev['doc']); bad+=1
for f,d in g['documents'].items():
    for k in ('dct','dct_inferable'):
        if d[k] and interval(d[k]) is None: print('bad dct', f)
# per-doc counts
from collections import Counter
print('words', {f[:3]:len(t.split()) for f,t in texts.items()})
for f in sorted(texts):
    d=f[:3]; t=fold(texts[f])
    ents=[e for e in g['entities'] if any(fold(a) in t for a in [e['label']]+e['aliases'])]
    req=[e for e in ents if not e.get('optional')]
    rs=[r for r in g['roles'] if r['doc']==d]; es=[e for e in g['events'] if e['doc']==d]
    print(f, 'entities %d (req %d)'%(len(ents),len(req)), 'roles %d (req %d)'%(len(rs),sum(not r.get('optional') for r in rs)),
          'events %d (req %d, needs_dct %d)'%(len(es),sum(not e.get('optional') for e in es),sum(bool(e.get('needs_dct')) for e in es)))
E=g['entities']
print('totals: entities', len(E), Counter((e['type'], bool(e.get('optional'))) for e in E))
print('roles', len(g['roles']), 'required', sum(not r.get('optional') for r in g['roles']))
print('events', len(g['events']), 'required', sum(not r.get('optional') for r in g['events']))
print('bad', bad)
