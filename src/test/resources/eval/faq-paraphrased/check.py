#!/usr/bin/env python3
"""Checks questions.jsonl of the faq-paraphrased eval set (standard library only).

Usage, from the repository root:
    python3 src/test/resources/eval/faq-paraphrased/check.py [KB_DIR]

KB_DIR defaults to ../shared/eval/faq-dev/kb (relative to the repository root; a relative
path is resolved against the current directory first, then against the repository root).
Checks: one valid JSON object per line with the expected fields, every relevant id is a file
<id>.md in KB_DIR, answerable questions have ids and unanswerable ones none, the split is the
one given by the hash rule, no duplicate questions. Prints a table of counts per kind and split.
Exits 1 on any error.
"""
import hashlib
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
QUESTIONS = os.path.join(HERE, "questions.jsonl")
KINDS = ("paraphrase", "near-miss", "out-of-domain")
SPLITS = ("tune", "validation")


def expected_split(question):
    """tune if the first byte of sha256(question, UTF-8) is below 154 (about 60 %), else validation."""
    return "tune" if hashlib.sha256(question.encode("utf-8")).digest()[0] < 154 else "validation"


def resolve_kb(arg):
    path = arg if arg is not None else "../shared/eval/faq-dev/kb"
    if os.path.isabs(path) or os.path.isdir(path):
        return os.path.abspath(path)
    return os.path.abspath(os.path.join(REPO_ROOT, path))


def main():
    kb = resolve_kb(sys.argv[1] if len(sys.argv) > 1 else None)
    if not os.path.isdir(kb):
        print(f"KB folder not found: {kb}")
        return 1
    ids = {name[:-3] for name in os.listdir(kb) if name.endswith(".md")}
    errors = []
    seen = {}
    counts = Counter()
    cited = Counter()
    with open(QUESTIONS, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errors.append(f"line {n}: empty line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: invalid JSON ({e})")
                continue
            if not isinstance(obj, dict):
                errors.append(f"line {n}: not a JSON object")
                continue
            q, rel, kind, split = obj.get("question"), obj.get("relevant"), obj.get("kind"), obj.get("split")
            if not isinstance(q, str) or not q.strip():
                errors.append(f"line {n}: missing or empty \"question\"")
                continue
            if not isinstance(rel, list) or not all(isinstance(x, str) for x in rel):
                errors.append(f"line {n}: \"relevant\" must be a list of article ids")
                rel = []
            if kind not in KINDS:
                errors.append(f"line {n}: unknown kind {kind!r}")
            if split not in SPLITS:
                errors.append(f"line {n}: unknown split {split!r}")
            elif split != expected_split(q):
                errors.append(f"line {n}: split {split!r} does not match the hash rule")
            if kind == "paraphrase" and not rel:
                errors.append(f"line {n}: paraphrase without relevant ids")
            if kind in ("near-miss", "out-of-domain") and rel:
                errors.append(f"line {n}: {kind} must have \"relevant\": []")
            if len(set(rel)) != len(rel):
                errors.append(f"line {n}: repeated id in relevant")
            for r in rel:
                if r not in ids:
                    errors.append(f"line {n}: relevant id {r!r} not in {kb}")
            key = " ".join(q.lower().split())
            if key in seen:
                errors.append(f"line {n}: duplicate of line {seen[key]}: {q!r}")
            else:
                seen[key] = n
            counts[(kind, split)] += 1
            if rel:
                cited[rel[0]] += 1

    width = max(len(k) for k in KINDS + ("total",))
    print(f"{'kind':<{width}} | {'tune':>5} | {'validation':>10} | {'total':>5}")
    print(f"{'-' * width}-|-------|------------|------")
    for kind in KINDS + ("total",):
        t = sum(v for (k, s), v in counts.items() if s == "tune" and kind in (k, "total"))
        v = sum(v for (k, s), v in counts.items() if s == "validation" and kind in (k, "total"))
        print(f"{kind:<{width}} | {t:>5} | {v:>10} | {t + v:>5}")
    print(f"\nKB: {kb} ({len(ids)} articles); {len(cited)} articles are the first relevant id of a question, "
          f"max {max(cited.values()) if cited else 0} questions per article")
    for kind in KINDS:
        for split in SPLITS:
            if counts[(kind, split)] == 0:
                errors.append(f"no {kind} questions in the {split} split")
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
