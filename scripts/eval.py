#!/usr/bin/env python3
"""Scores newsgraph's recognizer on the development data in ../shared/data with the shared
scorer (../shared/tools/conll_eval.py): exact span and type, PER/LOC/ORG, micro F1.

The documents are written out exactly as conll_eval.py writes them and scored by its own
functions; the only difference from `conll_eval.py --cmd` is that newsgraph runs once over all
documents of a file instead of once per document (same output, much faster).

Usage: eval.py --bin PATH [--shared DIR] [--errors] [--limit N]
"""
import argparse, json, os, subprocess, sys, tempfile, time
from collections import Counter, defaultdict

DATA = [("CoNLL-2003 dev", "data/conll2003/dev.conll"), ("Wikigold", "data/wikigold/wikigold.conll")]


def run_batch(binary, texts, dictionaries):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = os.path.join(tmp, f"doc{i:05d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            paths.append(path)
        cmd = [binary, "entities", "--format", "json"] + (["--dictionaries", dictionaries] if dictionaries else []) + paths
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"newsgraph failed ({out.returncode}): {out.stderr.strip()[:500]}")
        docs = json.loads(out.stdout)["documents"]
    return [[(m["start"], m["end"], m["type"], m.get("source", ""), m["text"]) for m in d["mentions"]
             if m.get("form") != "demonym"] for d in docs]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--dictionaries", default="")
    ap.add_argument("--errors", action="store_true", help="print false positives and negatives by cause")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    tools = os.path.join(args.shared, "tools")
    if not os.path.exists(os.path.join(tools, "conll_eval.py")):
        print(f"make eval: {args.shared} is absent; nothing to score (the development data lives there)")
        return 0
    sys.path.insert(0, tools)
    import conll_eval as ce

    summary = []
    for title, rel in DATA:
        path = os.path.join(args.shared, rel)
        if not os.path.exists(path):
            print(f"{title}: {path} is absent, skipped")
            continue
        docs = ce.read_conll(path)
        if args.limit:
            docs = docs[: args.limit]
        texts = [ce.layout(doc)[0] for doc in docs]
        t0 = time.time()
        results = run_batch(args.bin, texts, args.dictionaries)
        secs = time.time() - t0
        by_text = {}
        for text, mentions in zip(texts, results):
            by_text[text] = mentions
        tp, fp, fn = ce.score(docs, lambda text: ((s, e, t) for s, e, t, _, _ in by_text[text]))
        print(f"== {title}: {rel}, {len(docs)} documents, newsgraph ran in {secs:.2f} s")
        print(f"{'type':5} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}")
        for t in ce.KEPT:
            p, r, f = ce.prf(tp[t], fp[t], fn[t])
            print(f"{t:5} {p:6.3f} {r:6.3f} {f:6.3f} {tp[t]:6} {fp[t]:6} {fn[t]:6}")
        p, r, f = ce.prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
        print(f"{'all':5} {p:6.3f} {r:6.3f} {f:6.3f}")
        print(f"F1 PER/LOC/ORG micro = {f:.3f}")
        summary.append((title, f))
        if args.errors:
            print_errors(ce, docs, texts, results)
        print()
    if summary:
        print("summary: " + ", ".join(f"{t} F1 {f:.3f}" for t, f in summary))
    return 0


def print_errors(ce, docs, texts, results, shown=int(os.environ.get("SHOWN", "12"))):
    """False positives and negatives by cause: wrong type, wrong boundary, missed, spurious."""
    causes = defaultdict(Counter)
    for doc, text, mentions in zip(docs, texts, results):
        _, toks = ce.layout(doc)
        starts = {t[2]: t for t in toks}
        ends = {t[3]: t for t in toks}
        gold = []
        for s, sent in enumerate(doc):
            for a, b, t in ce.gold_spans(sent):
                if t in ce.KEPT:
                    words = " ".join(w for w, _ in sent[a:b])
                    gold.append((s, a, b, t, words))
        pred = []
        for start, end, typ, source, surface in mentions:
            t = ce.TYPE_MAP.get(typ)
            if t not in ce.KEPT:
                continue
            a, b = starts.get(start), ends.get(end)
            if a is None or b is None or a[0] != b[0]:
                causes["boundary inside a token"][f"{surface} ({t}, {source})"] += 1
                continue
            pred.append((a[0], a[1], b[1] + 1, t, surface, source))
        pred_keys = {p[:4] for p in pred}
        gold_keys = {g[:4] for g in gold}
        for g in gold:
            if g[:4] in pred_keys:
                continue
            same_span = [p for p in pred if p[:3] == g[:3]]
            overlap = [p for p in pred if p[0] == g[0] and p[1] < g[2] and g[1] < p[2]]
            if same_span:
                causes["wrong type"][f"{g[4]}: gold {g[3]}, got {same_span[0][3]} ({same_span[0][5]})"] += 1
            elif overlap:
                causes["wrong boundary"][f"{g[4]} ({g[3]}): got '{overlap[0][4]}' ({overlap[0][5]})"] += 1
            else:
                causes[f"missed {g[3]}"][g[4]] += 1
        for p in pred:
            if p[:4] in gold_keys:
                continue
            overlap = [g for g in gold if g[0] == p[0] and g[1] < p[2] and p[1] < g[2]]
            if not overlap:
                causes[f"spurious {p[3]}"][f"{p[4]} ({p[5]})"] += 1
    for cause in sorted(causes, key=lambda c: -sum(causes[c].values())):
        counter = causes[cause]
        print(f"-- {cause}: {sum(counter.values())}")
        for item, n in counter.most_common(shown):
            print(f"   {n:4}  {item}")


if __name__ == "__main__":
    sys.exit(main())
