#!/usr/bin/env python3
"""newsgraph benchmark: throughput, start-up and peak memory of the release binary.

Builds a corpus of at least --mb megabytes (50 by default) from the texts available (the bundled
example, the shared fixtures' articles and, when ../shared/data exists, its documents written out
as text), repeating them to reach the size (it says how many distinct texts it had), then runs
each scenario once untimed (--warmup) and --runs times timed, and prints min / median / max. Peak memory is the maximum resident set
size reported by getrusage for the child process (the largest of the processes run at once).

The corpus is written as two folders, part0 and part1, each half of the articles: one process
reads the corpus folder, two processes read a half each. (Tens of thousands of paths as arguments
would pass the kernel's limit on a command line, and ArgumentParser spends time quadratic in the
number of positional arguments: 16,000 files take 7 s to parse; `--files-from` avoids both.) The
same articles are also written as one JSON Lines file for the jsonl scenario.

Scenarios (--only picks some, comma-separated):
  startup     `entities` on a one-line file
  throughput  `graph` over the corpus, 1 process (1 core, --jobs 1), and in 2 processes at once,
              half the corpus each (2 cores); `entities FOLDER --format json --jobs 1`
  parallel    `graph FOLDER` with --jobs 1 and --jobs 2 (threads in one process, same output)
  jsonl       `graph corpus.jsonl` (one article a line, with id, text, date and source) with
              --jobs 1 and --jobs 2: the way a year of news is fed in one stream; and
              `entities corpus.jsonl --format jsonl` (a line of mentions and entities a document)
              with --jobs 1 and --jobs 2
  memory      peak memory of `entities --format jsonl --jobs 2` over the first tenth of
              corpus.jsonl and over all of it: streamed, it should not grow with the corpus
  render      a 200-node graph to SVG (automatic layout: neato) and a 2,000-node graph to SVG with
              sfdp, each by `merge` of the corpus's graph JSON with --top-nodes
  merge       `merge` of --graphs per-article graph JSONs (each made by its own `graph` run)
  diff        `diff` of two graphs of --diff-nodes entities (the top entities of two halves of the
              corpus), as JSON and as text

The corpus is flushed to disk (sync) before the first scenario, and each scenario has a warm-up
run: without them the first scenario ran while the kernel wrote the 50 MB just made, and was the
slowest of identical commands (`graph --format json, 1 process` and `graph FOLDER --jobs 1` are
the same command; in three runs of the bench the first gave 17.9, 19.7 and 16.2 MB/s where the
second gave 19.4, 20.5 and 19.9).

Usage: bench.py --bin PATH [--shared DIR] [--mb 50] [--runs 5] [--warmup 1] [--only LIST]
"""
import argparse, glob, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time


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


def make_corpus(folder, texts, megabytes, parts=1):
    """Writes texts in turn until `megabytes` are written; with `parts`, article i goes to the
    subfolder part{i % parts}. Returns the paths in order and the size in bytes."""
    target = megabytes * 1_000_000
    size, paths, i = 0, [], 0
    for part in range(parts if parts > 1 else 0):
        os.makedirs(os.path.join(folder, f"part{part}"), exist_ok=True)
    while size < target:
        text = texts[i % len(texts)]
        sub = f"part{i % parts}" if parts > 1 else ""
        path = os.path.join(folder, sub, f"a{i:06d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        size += len(text.encode("utf-8"))
        paths.append(path)
        i += 1
    return paths, size


def write_jsonl(path, paths):
    """The articles as JSON Lines: id, text, a date and a source (the MB/s figures count the texts'
    bytes, as for the folder, not the JSON around them)."""
    with open(path, "w", encoding="utf-8") as out:
        for i, p in enumerate(paths):
            with open(p, encoding="utf-8") as f:
                text = f.read()
            record = {"id": f"a{i:06d}", "text": text, "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                      "source": ("Reuters", "AP", "BBC")[i % 3]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


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
    ap.add_argument("--mb", type=int, default=50)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs of each scenario first")
    ap.add_argument("--only", default="startup,throughput,parallel,jsonl,memory,render,merge,diff")
    ap.add_argument("--graphs", type=int, default=1000, help="per-article graphs merged")
    ap.add_argument("--diff-nodes", type=int, default=500, help="entities in each diffed graph")
    args = ap.parse_args()
    only = set(args.only.split(","))
    texts = texts_available(args.shared)
    tmp = tempfile.mkdtemp(prefix="newsgraph-bench-")
    try:
        corpus = os.path.join(tmp, "corpus")
        os.makedirs(corpus)
        paths, size = make_corpus(corpus, texts, args.mb, parts=2)
        halves = [os.path.join(corpus, "part0"), os.path.join(corpus, "part1")]
        mb = size / 1e6
        print(f"corpus: {len(paths)} articles, {mb:.1f} MB, made by repeating {len(texts)} distinct texts")
        print(f"machine: {os.cpu_count()} cores; {args.warmup} untimed and {args.runs} timed runs per scenario; min / median / max")
        print(f"binary: {args.bin}")
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
        graph_json = ["graph", "--format", "json", "-o", "/dev/null", "--jobs", "1"]
        if "throughput" in only:
            scenarios += [("graph --format json, 1 process (1 core)", graph_json, [[corpus]]),
                          ("entities FOLDER --format json --jobs 1 (1 core)",
                           ["entities", "--format", "json", "-o", "/dev/null", "--jobs", "1"], [[corpus]]),
                          ("graph --format json, 2 processes (2 cores)", graph_json, [[h] for h in halves])]
        if "parallel" in only:
            scenarios += [(f"graph FOLDER --jobs {jobs} ({jobs} core{'s' if jobs > 1 else ''})",
                           ["graph", "--format", "json", "-o", "/dev/null", "--jobs", str(jobs)], [[corpus]])
                          for jobs in (1, 2)]
        lines = os.path.join(tmp, "corpus.jsonl")
        if only & {"jsonl", "memory"}:
            write_jsonl(lines, paths)
        if "jsonl" in only:
            scenarios += [(f"graph corpus.jsonl --jobs {jobs} ({jobs} core{'s' if jobs > 1 else ''})",
                           ["graph", "--format", "json", "-o", "/dev/null", "--jobs", str(jobs)], [[lines]])
                          for jobs in (1, 2)]
            scenarios += [(f"entities corpus.jsonl --format jsonl --jobs {jobs} ({jobs} core{'s' if jobs > 1 else ''})",
                           ["entities", "--format", "jsonl", "-o", "/dev/null", "--jobs", str(jobs)], [[lines]])
                          for jobs in (1, 2)]
        # Written files are flushed before any is timed (see the module's doc).
        os.sync()
        for title, cmd, shards in scenarios:
            for _ in range(args.warmup):
                timed([[args.bin] + cmd + shard for shard in shards])
            speeds, docs, peaks = [], [], []
            for _ in range(args.runs):
                secs, peak = timed([[args.bin] + cmd + shard for shard in shards])
                speeds.append(mb / secs)
                docs.append(len(paths) / secs)
                peaks.append(peak)
            rows.append((title, "MB/s", stats(speeds), max(peaks)))
            rows.append((title, "articles/s", stats(docs), max(peaks)))

        if "memory" in only:
            tenth = os.path.join(tmp, "tenth.jsonl")
            with open(lines, encoding="utf-8") as src, open(tenth, "w", encoding="utf-8") as dst:
                for i, line in enumerate(src):
                    if i >= len(paths) // 10:
                        break
                    dst.write(line)
            cmd = [args.bin, "entities", "--format", "jsonl", "-o", "/dev/null", "--jobs", "2"]
            for name, path, part in (("a tenth", tenth, mb / 10), ("all", lines, mb)):
                peaks = [timed([cmd + [path]])[1] for _ in range(max(1, args.runs // 2))]
                print(f"memory: entities --format jsonl --jobs 2 over {name} of corpus.jsonl ({part:.0f} MB): "
                      f"peak {statistics.median(peaks):.0f} MB (median of {len(peaks)} runs)")

        if "render" in only:
            whole = os.path.join(tmp, "whole.json")
            run_quiet([args.bin, "graph", corpus, "--format", "json", "-o", whole, "--top-nodes", "0"])
            with open(whole, encoding="utf-8") as f:
                nodes = len(json.load(f)["nodes"])
            print(f"render: from the corpus's graph of {nodes} entities")
            for top, layout in ((200, "auto"), (2000, "sfdp")):
                out = os.path.join(tmp, f"top{top}.svg")
                times, peaks = [], []
                for _ in range(args.runs):
                    secs, peak = timed([[args.bin, "merge", whole, "--top-nodes", str(top), "--layout", layout,
                                         "-o", out]])
                    times.append(secs * 1000)
                    peaks.append(peak)
                shown = min(top, nodes)
                rows.append((f"{shown}-node graph to SVG, layout {layout}", "ms", stats(times), max(peaks)))

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
            sides = []
            for name, part in (("old", halves[0]), ("new", halves[1])):
                out = os.path.join(tmp, f"{name}.json")
                run_quiet([args.bin, "graph", "--format", "json", "-o", out, "--top-nodes", str(args.diff_nodes), part])
                sides.append(out)
            with open(sides[0], encoding="utf-8") as f:
                graph = json.load(f)
            print(f"diff: graphs of {len(graph['nodes'])} entities and {len(graph['links'])} links each side")
            for fmt in ("json", "text"):
                times, peaks = [], []
                for _ in range(args.runs):
                    secs, peak = timed([[args.bin, "diff", sides[0], sides[1], "--format", fmt, "-o", "/dev/null"]])
                    times.append(secs * 1000)
                    peaks.append(peak)
                rows.append((f"diff of two {args.diff_nodes}-entity graphs, {fmt}", "ms", stats(times), max(peaks)))

        print(f"{'scenario':52} {'unit':>10} {'min':>9} {'median':>9} {'max':>9} {'peak RSS MB':>12}")
        for title, unit, (lo, mid, hi), peak in rows:
            print(f"{title:52} {unit:>10} {lo:9.1f} {mid:9.1f} {hi:9.1f} {peak:12.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
