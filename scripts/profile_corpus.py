#!/usr/bin/env python3
"""Writes the fixed corpus the callgrind figures in commit messages are counted on.

The corpus is bench.py's, cut at --mb megabytes: the bundled example, the shared fixtures'
articles and the shared CoNLL documents written out as text, in that order, repeated until the
size is reached. At the default 0.49 MB that is 368 articles (491,129 bytes): every distinct text
once and the first five again. It writes the articles as FOLDER/a000000.txt ... and prints their
paths, one a line, to FOLDER/list.txt.

Counting instructions (start-up subtracted: the second run is `entities` on a one-line file; the
file list is read with --files-from, as 368 arguments cost the argument parser some 50 M):
  python3 scripts/profile_corpus.py /tmp/corpus --shared ../shared
  valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \\
    .build/release/newsgraph graph --format json -o /dev/null --jobs 1 --files-from /tmp/corpus/list.txt
  valgrind --tool=callgrind --callgrind-out-file=/tmp/cg0.out \\
    .build/release/newsgraph entities /tmp/corpus/one-line.txt
  callgrind_annotate --inclusive=yes /tmp/cg.out | head -60

Where the time goes, which instruction counts do not show when a read misses the cache (perf
samples time with a software clock, so it works without hardware counters; Debian package
linux-perf). A longer run is steadier: list the corpus twenty times (about 10 MB):
  for i in $(seq 20); do cat /tmp/corpus/list.txt; done > /tmp/list20.txt
  perf record -e cpu-clock -F 4000 -g -o /tmp/perf.data \
    .build/release/newsgraph graph --format json -o /dev/null --jobs 1 --files-from /tmp/list20.txt
  perf report -i /tmp/perf.data --no-children --sort symbol | head -60

Usage: profile_corpus.py FOLDER [--shared DIR] [--mb 0.49]
"""
import argparse, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--mb", type=float, default=0.49)
    args = ap.parse_args()
    # bench.py finds the bundled example relative to the repository's root.
    os.chdir(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.makedirs(args.folder, exist_ok=True)
    texts = bench.texts_available(args.shared)
    paths, size = bench.make_corpus(args.folder, texts, args.mb)
    with open(os.path.join(args.folder, "list.txt"), "w") as f:
        f.write("".join(p + "\n" for p in paths))
    with open(os.path.join(args.folder, "one-line.txt"), "w") as f:
        f.write("Russian President Vladimir Putin met Egypt's Abdel Fattah al-Sisi in Cairo.\n")
    print(f"{len(paths)} articles, {size:,} bytes, from {len(texts)} distinct texts, in {args.folder}")


if __name__ == "__main__":
    main()
