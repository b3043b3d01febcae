#!/usr/bin/env python3
"""newsgraph benchmark: throughput, start-up and peak memory of the release binary.

Builds a corpus of at least --mb megabytes from the texts available (the bundled example, the
shared fixtures' articles and, when ../shared/data exists, its documents written out as text),
repeating them to reach the size (it says how many distinct texts it had), then runs each
scenario --runs times and prints min / median / max. Peak memory is the maximum resident set
size reported by getrusage for the child process.

Scenarios (--only picks some, comma-separated):
  startup     `entities` on a one-line file
  throughput  `graph` and `entities` over the corpus as file lists, 1 process; `graph` in 2 processes
  parallel    `graph FOLDER` with --jobs 1 and --jobs 2 (threads in one process, same output)
  merge       `merge` of --graphs per-article graph JSONs (each made by its own `graph` run)
  diff        `diff` of two graphs of --diff-nodes entities (the top entities of two halves of the
              corpus), as JSON and as text

Usage: bench.py --bin PATH [--shared DIR] [--mb 20] [--runs 5] [--only LIST]
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
    # diff exits 1 when the graphs differ, which is what the benchmark expects.
    ok = (0, 1) if any(c[1:2] == ["diff"] for c in cmds) else (0,)
    peak = 0
    for p in procs:
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode not in ok:
            sys.exit(f"benchmark command failed ({p.returncode}): {p.stderr.read().decode()[:300]}")
        peak = max(peak, usage.ru_maxrss / 1024)
    return time.perf_counter() - start, peak


def stats(values):
    return min(values), statistics.median(values), max(values)


def run_quiet(cmd):
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode not in (0, 1):
        sys.exit(f"benchmark setup failed ({result.returncode}): {' '.join(cmd[:4])}: {result.stderr.decode()[:300]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--mb", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default="startup,throughput,parallel,merge,diff")
    ap.add_argument("--graphs", type=int, default=1000, help="per-article graphs merged")
    ap.add_argument("--diff-nodes", type=int, default=500, help="entities in each diffed graph")
    args = ap.parse_args()
    only = set(args.only.split(","))
    texts = texts_available(args.shared)
    tmp = tempfile.mkdtemp(prefix="newsgraph-bench-")
    try:
        corpus = os.path.join(tmp, "corpus")
        os.makedirs(corpus)
        paths, size = make_corpus(corpus, texts, args.mb)
        mb = size / 1e6
        print(f"corpus: {len(paths)} articles, {mb:.1f} MB, made by repeating {len(texts)} distinct texts")
        print(f"machine: {os.cpu_count()} cores; {args.runs} runs per scenario; min / median / max")
        one_line = os.path.join(tmp, "one-line.txt")
        with open(one_line, "w") as f:
            f.write("Russian President Vladimir Putin met Egypt's Abdel Fattah al-Sisi in Cairo.\n")
        # The first run compiles and caches the dictionaries; time the runs after it.
        run_quiet([args.bin, "entities", one_line])

        rows = []
        if "startup" in only:
            starts, peaks = [], []
            for _ in range(max(args.runs, 10)):
                secs, peak = timed([[args.bin, "entities", one_line]])
                starts.append(secs * 1000)
                peaks.append(peak)
            rows.append(("start-up: entities on a one-line file", "ms", stats(starts), max(peaks)))

        scenarios = []
        if "throughput" in only:
            scenarios += [("graph --format json, 1 process", 1, ["graph", "--format", "json", "-o", "/dev/null", "--jobs", "1"], None),
                          ("entities --format json, 1 process", 1, ["entities", "--format", "json", "-o", "/dev/null"], None),
                          ("graph --format json, 2 processes (half each)", 2, ["graph", "--format", "json", "-o", "/dev/null", "--jobs", "1"], None)]
        if "parallel" in only:
            scenarios += [(f"graph FOLDER --jobs {jobs}", 1, ["graph", corpus, "--format", "json", "-o", "/dev/null", "--jobs", str(jobs)], [])
                          for jobs in (1, 2)]
        for title, procs, cmd, inputs in scenarios:
            speeds, docs, peaks = [], [], []
            shards = [paths[i::procs] for i in range(procs)] if inputs is None else [inputs]
            for _ in range(args.runs):
                secs, peak = timed([[args.bin] + cmd + shard for shard in shards])
                speeds.append(mb / secs)
                docs.append(len(paths) / secs)
                peaks.append(peak)
            rows.append((title, "MB/s", stats(speeds), max(peaks)))
            rows.append((title, "articles/s", stats(docs), max(peaks)))

        if "merge" in only:
            shards = os.path.join(tmp, "shards")
            os.makedirs(shards)
            for i in range(args.graphs):
                run_quiet([args.bin, "graph", paths[i % len(paths)], "--jobs", "1", "-o", os.path.join(shards, f"g{i:05d}.json")])
            times, peaks = [], []
            for _ in range(args.runs):
                secs, peak = timed([[args.bin, "merge", shards, "-o", "/dev/null", "--format", "json"]])
                times.append(secs * 1000)
                peaks.append(peak)
            rows.append((f"merge {args.graphs} per-article graphs", "ms", stats(times), max(peaks)))

        if "diff" in only:
            half = len(paths) // 2
            sides = []
            for name, part in (("old", paths[:half]), ("new", paths[half:])):
                out = os.path.join(tmp, f"{name}.json")
                run_quiet([args.bin, "graph", "--format", "json", "-o", out, "--top-nodes", str(args.diff_nodes)] + part)
                sides.append(out)
            with open(sides[0], encoding="utf-8") as f:
                import json
                graph = json.load(f)
            print(f"diff: graphs of {len(graph['nodes'])} entities and {len(graph['links'])} links each side")
            for fmt in ("json", "text"):
                times, peaks = [], []
                for _ in range(args.runs):
                    secs, peak = timed([[args.bin, "diff", sides[0], sides[1], "--format", fmt, "-o", "/dev/null"]])
                    times.append(secs * 1000)
                    peaks.append(peak)
                rows.append((f"diff of two {args.diff_nodes}-entity graphs, {fmt}", "ms", stats(times), max(peaks)))

        print(f"{'scenario':48} {'unit':>10} {'min':>9} {'median':>9} {'max':>9} {'peak RSS MB':>12}")
        for title, unit, (lo, mid, hi), peak in rows:
            print(f"{title:48} {unit:>10} {lo:9.1f} {mid:9.1f} {hi:9.1f} {peak:12.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
