#!/usr/bin/env python3
"""newsgraph benchmark: throughput, start-up and peak memory of the release binary.

Builds a corpus of at least --mb megabytes from the texts available (the bundled example, the
shared fixtures' articles and, when ../shared/data exists, its documents written out as text),
repeating them to reach the size (it says how many distinct texts it had), then runs each
scenario --runs times and prints min / median / max. Peak memory is the maximum resident set
size reported by getrusage for the child process.

Usage: bench.py --bin PATH [--shared DIR] [--mb 20] [--runs 5]
"""
import argparse, glob, os, resource, shutil, statistics, subprocess, sys, tempfile, time


def texts_available(shared):
    texts = []
    for path in sorted(glob.glob("examples/*.txt")) + sorted(glob.glob(os.path.join(shared, "fixtures/*/article.txt"))):
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    tools = os.path.join(shared, "tools")
    if os.path.exists(os.path.join(tools, "conll_eval.py")):
        sys.path.insert(0, tools)
        import conll_eval as ce
        for rel in ("data/conll2003/dev.conll", "data/wikigold/wikigold.conll"):
            path = os.path.join(shared, rel)
            if os.path.exists(path):
                texts += [ce.layout(doc)[0] for doc in ce.read_conll(path)]
    return texts


def make_corpus(folder, texts, megabytes):
    target = megabytes * 1_000_000
    size, paths, i = 0, [], 0
    while size < target:
        text = texts[i % len(texts)]
        path = os.path.join(folder, f"a{i:06d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        size += len(text.encode("utf-8"))
        paths.append(path)
        i += 1
    return paths, size


def timed(cmds):
    """Runs commands at once; returns wall seconds and the largest child peak RSS in MB."""
    start = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in cmds]
    peak = 0
    for p in procs:
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            sys.exit(f"benchmark command failed ({p.returncode}): {p.stderr.read().decode()[:300]}")
        peak = max(peak, usage.ru_maxrss / 1024)
    return time.perf_counter() - start, peak


def stats(values):
    return min(values), statistics.median(values), max(values)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--mb", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    texts = texts_available(args.shared)
    tmp = tempfile.mkdtemp(prefix="newsgraph-bench-")
    try:
        paths, size = make_corpus(tmp, texts, args.mb)
        mb = size / 1e6
        print(f"corpus: {len(paths)} articles, {mb:.1f} MB, made by repeating {len(texts)} distinct texts")
        print(f"machine: {os.cpu_count()} cores; {args.runs} runs per scenario; min / median / max")
        one_line = os.path.join(tmp, "one-line.txt")
        with open(one_line, "w") as f:
            f.write("Russian President Vladimir Putin met Egypt's Abdel Fattah al-Sisi in Cairo.\n")

        rows = []
        starts, peaks = [], []
        for _ in range(max(args.runs, 10)):
            secs, peak = timed([[args.bin, "entities", one_line]])
            starts.append(secs * 1000)
            peaks.append(peak)
        rows.append(("start-up: entities on a one-line file", "ms", stats(starts), max(peaks)))

        scenarios = [("graph --format json, 1 process", 1, ["graph", "--format", "json", "-o", "/dev/null"]),
                     ("entities --format json, 1 process", 1, ["entities", "--format", "json", "-o", "/dev/null"]),
                     ("graph --format json, 2 processes (half each)", 2, ["graph", "--format", "json", "-o", "/dev/null"])]
        for title, procs, cmd in scenarios:
            speeds, docs, peaks = [], [], []
            shards = [paths[i::procs] for i in range(procs)]
            for _ in range(args.runs):
                secs, peak = timed([[args.bin] + cmd + shard for shard in shards])
                speeds.append(mb / secs)
                docs.append(len(paths) / secs)
                peaks.append(peak)
            rows.append((title, "MB/s", stats(speeds), max(peaks)))
            rows.append((title, "articles/s", stats(docs), max(peaks)))
        print(f"{'scenario':48} {'unit':>10} {'min':>9} {'median':>9} {'max':>9} {'peak RSS MB':>12}")
        for title, unit, (lo, mid, hi), peak in rows:
            print(f"{title:48} {unit:>10} {lo:9.1f} {mid:9.1f} {hi:9.1f} {peak:12.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
