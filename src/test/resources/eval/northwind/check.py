#!/usr/bin/env python3
"""Checks the Northwind eval files against the demo KB. Run from the repository root."""
import glob, json, os, re, sys
KB, HERE = 'src/main/resources/demo/knowledge', os.path.dirname(os.path.abspath(__file__))
meta = {}
for path in glob.glob(f'{KB}/*.md'):
    head = open(path, encoding='utf-8').read().split('---')[1]
    field = lambda k: re.search(rf'^{k}:\s*(\S+)', head, re.M).group(1)
    meta[os.path.basename(path)[:-3]] = (field('language'), field('audience'))
errors, seen, cited = [], {}, {}
for name in ('dev.jsonl', 'validation.jsonl', 'multilingual.jsonl'):
    for n, line in enumerate(open(os.path.join(HERE, name), encoding='utf-8'), 1):
        where = f'{name}:{n}'
        try:
            item = json.loads(line)
        except ValueError as e:
            errors.append(f'{where}: not JSON ({e})'); continue
        if set(item) != {'question', 'relevant', 'language'}:
            errors.append(f'{where}: keys {sorted(item)}'); continue
        for slug in item['relevant']:
            if meta.get(slug) != (item['language'], 'public'):
                errors.append(f'{where}: {slug} is not a public {item["language"]} article ({meta.get(slug)})')
            cited.setdefault(name, set()).add(slug)
        key = re.sub(r'\W+', ' ', item['question'].lower()).strip()
        if key in seen:
            errors.append(f'{where}: duplicate of {seen[key]}')
        seen[key] = where
public_en = {s for s, m in meta.items() if m == ('en', 'public')}
for name in ('dev.jsonl', 'validation.jsonl'):
    missing = sorted(public_en - cited.get(name, set()))
    print(f'{name}: {len(public_en) - len(missing)}/{len(public_en)} public English articles cited; missing: {missing}')
print('\n'.join(errors) or 'OK', file=sys.stderr if errors else sys.stdout)
sys.exit(1 if errors else 0)
