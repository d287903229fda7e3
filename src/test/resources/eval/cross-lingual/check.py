#!/usr/bin/env python3
"""Checks the cross-lingual eval files against the demo KB. Run from the repository root."""
import glob, json, os, re, sys
KB, HERE = 'src/main/resources/demo/knowledge', os.path.dirname(os.path.abspath(__file__))
LANGS = ('es', 'fr', 'de', 'pt', 'it')
EXPECTED = {'dev.jsonl': (20, 10), 'validation.jsonl': (13, 7)}  # (answerable, unanswerable) per language
meta, translations = {}, {}
for path in glob.glob(f'{KB}/*.md'):
    head = open(path, encoding='utf-8').read().split('---')[1]
    field = lambda k: (re.search(rf'^{k}:\s*(\S+)', head, re.M) or [None, None])[1]
    slug = os.path.basename(path)[:-3]
    meta[slug] = (field('language'), field('audience'))
    if field('translation-of'):
        translations[(field('translation-of'), field('language'))] = slug
errors, seen = [], {}
for name, (want_a, want_u) in EXPECTED.items():
    counts, cited = {l: [0, 0] for l in LANGS}, {l: set() for l in LANGS}
    for n, line in enumerate(open(os.path.join(HERE, name), encoding='utf-8'), 1):
        where = f'{name}:{n}'
        try:
            item = json.loads(line)
        except ValueError as e:
            errors.append(f'{where}: not JSON ({e})'); continue
        if set(item) != {'question', 'relevant', 'language'}:
            errors.append(f'{where}: keys {sorted(item)}'); continue
        lang, rel = item['language'], item['relevant']
        if lang not in LANGS:
            errors.append(f'{where}: language {lang!r} not one of {LANGS}'); continue
        if len(set(rel)) != len(rel):
            errors.append(f'{where}: slug listed twice')
        for slug in rel:
            m = meta.get(slug)
            if m is None or m[1] != 'public' or m[0] not in ('en', lang):
                errors.append(f'{where}: {slug} is not a public en or {lang} article ({m})')
            elif m[0] == 'en' and translations.get((slug, lang), slug) not in rel:
                errors.append(f'{where}: {slug} has a {lang} translation {translations[(slug, lang)]} that is not listed')
            elif m[0] == lang:
                original = next((en for (en, l), s in translations.items() if s == slug), None)
                if original not in rel:
                    errors.append(f'{where}: {slug} is listed without its English original {original}')
        if rel and not any(meta.get(s, (None,))[0] == 'en' for s in rel):
            errors.append(f'{where}: no English article listed')
        counts[lang][0 if rel else 1] += 1
        cited[lang].update(rel)
        key = re.sub(r'\W+', ' ', item['question'].lower()).strip()
        if key in seen:
            errors.append(f'{where}: duplicate of {seen[key]}')
        seen[key] = where
    for lang in LANGS:
        a, u = counts[lang]
        en = {s for s in cited[lang] if meta.get(s, (None,))[0] == 'en'}
        print(f'{name} {lang}: {a} answerable, {u} unanswerable, {len(en)} distinct English articles cited')
        if (a, u) != (want_a, want_u):
            errors.append(f'{name} {lang}: expected {want_a}/{want_u}, found {a}/{u}')
        if name == 'dev.jsonl' and len(en) < 15:
            errors.append(f'{name} {lang}: only {len(en)} distinct articles (want at least 15)')
print('\n'.join(errors) or 'OK', file=sys.stderr if errors else sys.stdout)
sys.exit(1 if errors else 0)
