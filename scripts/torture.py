#!/usr/bin/env python3
"""Runs the newsgraph binary on hostile inputs and prints what it did with each.

    scripts/torture.py --bin .build/release/newsgraph [--only NAME,...] [--keep] [--list]

Every case is generated in a temporary folder: missing, unreadable and binary files, bad
encodings, huge files, sentences of a million tokens or 10,000 entities, hostile names, broken
dictionaries, broken and huge graph JSON, failing writes and signals. The table gives, per case,
the exit status (and the one the README documents), the wall time, the peak memory (maximum
resident set of the process) and the first line of standard error. A case fails when the status
is not the documented one, when the program dies of a signal it was not sent, runs past its time
limit or over its memory budget, or when its outputs do not check out (they must parse, carry
the hostile names literally, and a failed write must leave the previous file and no temporary
file). The script exits 1 when a case fails.
"""

import argparse
import csv
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ElementTree

MIB = 1 << 20
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Case:
    """One hostile input: how to make it, how to run newsgraph on it, what must come out."""

    def __init__(self, name, args, expect, setup=None, check=None, stdin=None, timeout=120,
                 rss_mb=1500, uid=None, fsize=None, env=None, runner=None, reuse=False):
        self.name = name
        self.args = args
        self.expect = expect if isinstance(expect, (set, frozenset)) else {expect}
        self.setup = setup
        self.check = check
        self.stdin = stdin
        self.timeout = timeout
        self.rss_mb = rss_mb
        self.uid = uid
        self.fsize = fsize
        self.env = env or {}
        self.runner = runner
        # Run in the folder of the case before (which made the input).
        self.reuse = reuse


class Result:
    def __init__(self, status, seconds, rss_kb, stderr, stdout_path):
        self.status = status
        self.seconds = seconds
        self.rss_kb = rss_kb
        self.stderr = stderr
        self.stdout_path = stdout_path

    @property
    def first_line(self):
        for line in self.stderr.splitlines():
            if line.strip():
                return line.strip()
        return ""


def run(binary, case, folder, args=None, kill_after=None):
    """Runs the binary with `case`'s arguments in `folder`; measures time and peak memory."""
    stdout_path = os.path.join(folder, "stdout")
    stderr_path = os.path.join(folder, "stderr")
    env = dict(os.environ)
    env.pop("NEWSGRAPH_DICTIONARIES", None)
    env["NEWSGRAPH_CACHE"] = env.get("NEWSGRAPH_CACHE", "1")
    env.update(case.env)

    def prepare():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if case.fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (case.fsize, case.fsize))
        if case.uid is not None:
            os.setgid(case.uid)
            os.setuid(case.uid)

    stdin = subprocess.DEVNULL
    feeder = None
    if case.stdin is not None:
        stdin = subprocess.PIPE
    start = time.monotonic()
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        process = subprocess.Popen([binary] + (args or case.args), cwd=folder, stdin=stdin,
                                   stdout=out, stderr=err, env=env, preexec_fn=prepare)
        if case.stdin is not None:
            def feed():
                try:
                    for chunk in case.stdin():
                        process.stdin.write(chunk)
                except (BrokenPipeError, OSError):
                    pass
                finally:
                    try:
                        process.stdin.close()
                    except OSError:
                        pass
            feeder = threading.Thread(target=feed, daemon=True)
            feeder.start()
        done = threading.Event()

        def send(number):
            if not done.is_set():
                os.kill(process.pid, number)
        timer = threading.Timer(case.timeout, send, [signal.SIGKILL])
        timer.start()
        killer = None
        if kill_after is not None:
            killer = threading.Timer(kill_after, send, [signal.SIGTERM])
            killer.start()
        _, status, usage = os.wait4(process.pid, 0)
        done.set()
        process.returncode = os.waitstatus_to_exitcode(status)
        timer.cancel()
        if killer is not None:
            killer.cancel()
    seconds = time.monotonic() - start
    with open(stderr_path, "rb") as err:
        stderr = err.read().decode("utf-8", "replace")
    if seconds >= case.timeout:
        stderr = f"(killed after {case.timeout} s)\n" + stderr
    return Result(process.returncode, seconds, usage.ru_maxrss, stderr, stdout_path)


# ---------------------------------------------------------------------------------------------
# Inputs


def write(folder, name, data):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as file:
        file.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def repeat_to(path, chunk, size, tail=b"\n"):
    """A file of `size` bytes (about): `chunk` repeated, then `tail`."""
    with open(path, "wb") as file:
        block = chunk * max(1, (1 * MIB) // len(chunk))
        written = 0
        while written + len(block) <= size:
            file.write(block)
            written += len(block)
        file.write(chunk * ((size - written) // len(chunk)))
        file.write(tail)


PROSE = (b"Russian President Vladimir Putin met his Egyptian counterpart Abdel Fattah al-Sisi in "
         b"Cairo on Tuesday, and the two leaders talked about wheat, gas and the Suez Canal; "
         b"officials in Washington and Brussels said little. ")


def codes(count):
    """Distinct letter-only words: Zqaaax, Zqaabx ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    result = []
    for index in range(count):
        word = ""
        value = index
        for _ in range(4):
            word = letters[value % 26] + word
            value //= 26
        result.append(f"Zq{word}x")
    return result


HOSTILE_LABELS = [
    'He said "hi"', "back\\slash", "trailing\\", "a];b", "x -> y", "n0 -- n1 [color=red]",
    "<script>alert(1)</script>", "javascript:alert(1)", "<b>bold</b> <i>html</i>",
    "AT&amp;T &#60;3 &lt;", "}; digraph evil { a -> b", "\\N \\G \\L \\n", "Zoë & Ünal",
    "'single' `tick`", "]]> <!-- x -->", "=1+2", "@SUM(A1)", "-2+3", "line\u2028separator",
    "next\u0085line", "<table><tr><td>x</td></tr></table>", "a;b;c", "x\"];n9 [label=\"pwn",
]


def hostile_dictionary(folder):
    lines = ["id\ttype\tlabel\taliases"]
    types = ["person", "organization", "country", "place"]
    for index, label in enumerate(HOSTILE_LABELS):
        kind = types[index % 4]
        lines.append(f"{kind}/hostile-{index}\t{kind}\t{label}\tHostile{chr(65 + index)}word")
    return write(folder, "hostile.tsv", "\n".join(lines) + "\n")


def hostile_article(folder, name):
    words = [f"Hostile{chr(65 + index)}word" for index in range(len(HOSTILE_LABELS))]
    sentences = []
    for index in range(len(words)):
        a, b, c = words[index], words[(index + 1) % len(words)], words[(index + 5) % len(words)]
        sentences.append(f"{a} met {b} and {c} in Paris.")
    sentences.append(f'{words[0]} said "<script>alert(\'x\')</script> & ]]> \\N ]; -> {{" to '
                     f"{words[1]} <!-- javascript:void(0) -->.")
    return write(folder, name, " ".join(sentences) + "\n")


def expected_label(label):
    """The label as a reader of the output sees it (the same, bar what XML cannot carry)."""
    return label


def check_xml(path, what):
    try:
        return ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        raise AssertionError(f"{what} is not well-formed XML: {error}")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def check_hostile(folder, prefix, labels):
    """Every output parses, has as many nodes and links as the JSON, and shows each label."""
    problems = []
    with open(os.path.join(folder, prefix + ".json"), encoding="utf-8") as file:
        graph = json.load(file)
    json_labels = {node["label"] for node in graph["nodes"]}
    nodes, links = len(graph["nodes"]), len(graph["links"])
    missing = [label for label in labels if label not in json_labels]
    if missing:
        problems.append(f"json lacks labels {missing}")

    # DOT: Graphviz reads it, and the picture has the same nodes and edges and the labels.
    svg_of_dot = os.path.join(folder, prefix + ".dot.svg")
    done = subprocess.run(["dot", "-Tsvg", os.path.join(folder, prefix + ".dot"), "-o",
                           svg_of_dot], capture_output=True, text=True)
    if done.returncode != 0:
        problems.append(f"dot -Tsvg failed: {done.stderr.strip()[:200]}")
    for svg in [svg_of_dot, os.path.join(folder, prefix + ".svg")]:
        if not os.path.exists(svg):
            problems.append(f"{os.path.basename(svg)} missing")
            continue
        root = check_xml(svg, os.path.basename(svg))
        groups = [element.get("class") for element in root.iter() if local(element.tag) == "g"]
        if groups.count("node") != nodes or groups.count("edge") != links:
            problems.append(f"{os.path.basename(svg)}: {groups.count('node')} nodes and "
                            f"{groups.count('edge')} edges, not {nodes} and {links}")
        texts = {"".join(element.itertext()) for element in root.iter()
                 if local(element.tag) == "text"}
        for label in labels:
            if label not in texts:
                problems.append(f"{os.path.basename(svg)}: label {label!r} not shown as is")
        for element in root.iter():
            if local(element.tag) == "script":
                problems.append(f"{os.path.basename(svg)}: a <script> element")
            for key, value in element.attrib.items():
                if local(key) == "href" and value.strip().lower().startswith("javascript:"):
                    problems.append(f"{os.path.basename(svg)}: a javascript: link")
        titles = [value for element in root.iter() for key, value in element.attrib.items()
                  if local(key) == "title"]
        for label in labels:
            if not any(label in title for title in titles):
                problems.append(f"{os.path.basename(svg)}: no tooltip carries {label!r}")

    root = check_xml(os.path.join(folder, prefix + ".graphml"), "GraphML")
    keys = {element.get("id"): element.get("attr.name") for element in root.iter()
            if local(element.tag) == "key"}
    graphml_labels = {data.text or "" for data in root.iter()
                      if local(data.tag) == "data" and keys.get(data.get("key")) == "label"}
    for label in labels:
        if label not in graphml_labels:
            problems.append(f"GraphML: label {label!r} not carried as is")

    root = check_xml(os.path.join(folder, prefix + ".gexf"), "GEXF")
    gexf_labels = {node.get("label") for node in root.iter() if local(node.tag) == "node"}
    for label in labels:
        if label not in gexf_labels:
            problems.append(f"GEXF: label {label!r} not carried as is")

    with open(os.path.join(folder, prefix + ".nodes.csv"), encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    csv_labels = {row["label"] for row in rows}
    for label in labels:
        shown = "'" + label if label[:1] in "=+-@" else label
        if shown not in csv_labels:
            problems.append(f"CSV: label {label!r} not carried as {shown!r}")
    if len(rows) != nodes:
        problems.append(f"CSV: {len(rows)} rows for {nodes} nodes")
    with open(os.path.join(folder, prefix + ".edges.csv"), encoding="utf-8", newline="") as file:
        if len(list(csv.DictReader(file))) != links:
            problems.append("CSV: edges do not match the JSON's links")
    if problems:
        raise AssertionError("; ".join(problems[:6]) + (" ..." if len(problems) > 6 else ""))


# ---------------------------------------------------------------------------------------------
# Cases


def cases(binary, dictionaries, folder):
    d = ["--dictionaries", dictionaries]
    j = os.path.join
    result = []

    def add(*args, **kwargs):
        result.append(Case(*args, **kwargs))

    def output_json(name, nodes=None, links=None, at_least_links=None):
        def check(folder, res):
            with open(j(folder, name), encoding="utf-8") as file:
                graph = json.load(file)
            if nodes is not None and len(graph["nodes"]) != nodes:
                raise AssertionError(f"{len(graph['nodes'])} nodes, expected {nodes}")
            if links is not None and len(graph["links"]) != links:
                raise AssertionError(f"{len(graph['links'])} links, expected {links}")
            if at_least_links is not None and len(graph["links"]) < at_least_links:
                raise AssertionError(f"{len(graph['links'])} links, expected {at_least_links}+")
        return check

    def stderr_has(*words):
        def check(folder, res):
            for word in words:
                if word not in res.stderr:
                    raise AssertionError(f"standard error does not say {word!r}")
        return check

    def both(*checks):
        def check(folder, res):
            for one in checks:
                one(folder, res)
        return check

    # Files that cannot be read.
    add("missing file", ["graph", "missing.txt"] + d, 1, check=stderr_has("no such file"))
    add("empty folder", ["graph", "empty/"] + d, 1,
        setup=lambda f: os.makedirs(j(f, "empty"), exist_ok=True))
    add("folder given as a list of files", ["entities", "--files-from", "folder"] + d, 1,
        setup=lambda f: os.makedirs(j(f, "folder"), exist_ok=True),
        check=stderr_has("is a directory"))
    add("folder with no articles (entities)", ["entities", "folder"] + d, 1,
        setup=lambda f: os.makedirs(j(f, "folder"), exist_ok=True),
        check=stderr_has("no .txt files in this folder"))
    if os.geteuid() == 0:
        def unreadable(f):
            os.chmod(f, 0o755)
            path = write(f, "secret.txt", "Egypt and Russia.\n")
            os.chmod(path, 0)
        add("unreadable file (chmod 000, run as nobody)", ["graph", "secret.txt"] + d, 1,
            setup=unreadable, uid=65534, env={"NEWSGRAPH_CACHE": "0"},
            check=stderr_has("permission denied"))
    add("read error (EIO: /proc/self/mem)", ["graph", "/proc/self/mem"] + d, 1,
        check=stderr_has("input/output error"))

    # Encodings and binary data.
    def invalid_utf8(f):
        body = PROSE * 4000
        write(f, "bad-utf8.txt", body[:len(body) // 2] + b"\xc3\x28" + body[len(body) // 2:])
    add("invalid UTF-8 in the middle of 1 MB", ["graph", "bad-utf8.txt"] + d, 1,
        setup=invalid_utf8, check=stderr_has("invalid UTF-8 at byte offset"))
    add("UTF-16 with byte order mark", ["graph", "utf16.txt"] + d, 1,
        setup=lambda f: write(f, "utf16.txt", "\ufeffEgypt and Russia.\n".encode("utf-16-le")),
        check=stderr_has("UTF-16"))
    add("UTF-16 without byte order mark", ["graph", "utf16-nobom.txt"] + d, 1,
        setup=lambda f: write(f, "utf16-nobom.txt", "Egypt and Russia.\n".encode("utf-16-le")),
        check=stderr_has("NUL byte"))
    add("NUL bytes", ["graph", "nul.txt"] + d, 1,
        setup=lambda f: write(f, "nul.txt", b"Egypt and\x00 Russia.\n"),
        check=stderr_has("binary data (NUL byte) at byte offset 9"))
    add("empty file", ["graph", "empty.txt", "-o", "empty.json"] + d, 0,
        setup=lambda f: write(f, "empty.txt", b""), check=output_json("empty.json", 0, 0))
    add("only whitespace", ["graph", "blank.txt", "-o", "blank.json"] + d, 0,
        setup=lambda f: write(f, "blank.txt", " \t\n\r\n\u00a0\u3000\u2028\n\n   \n" * 1000),
        check=output_json("blank.json", 0, 0))

    # Size.
    add("100 MB file with no newline", ["graph", "huge.txt"] + d, 1,
        setup=lambda f: repeat_to(j(f, "huge.txt"), PROSE, 100 * MIB, tail=b""),
        check=stderr_has("too big"))
    add("100 MB on standard input", ["graph", "-"] + d, 1,
        stdin=lambda: (PROSE * 8000 for _ in range(100)), check=stderr_has("too big"))
    add("100 MB JSON Lines line", ["graph", "huge.jsonl"] + d, 1,
        setup=lambda f: repeat_to(j(f, "huge.jsonl"), b"x", 100 * MIB, tail=b"\n"),
        check=stderr_has("line longer than"))
    add("8 MB article on one line (the limit)", ["graph", "big.txt", "-o", "big.json"] + d, 0,
        setup=lambda f: repeat_to(j(f, "big.txt"), PROSE, 8 * MIB - 4096, tail=b""),
        timeout=300, rss_mb=2000, check=output_json("big.json", at_least_links=1))

    def million_tokens(f):
        rng = random.Random(7)
        words = ["the", "of", "and", "talks", "between", "with", "in", "said", "would"]
        tokens = [rng.choice(words) for _ in range(1_000_000)]
        for index in range(0, len(tokens), 40_000):
            tokens[index] = "Russia"
        for index in range(20_000, len(tokens), 40_000):
            tokens[index] = "Egypt"
        write(f, "million.txt", " ".join(tokens) + "\n")
    add("a sentence of 1,000,000 tokens", ["graph", "million.txt", "-o", "million.json"] + d, 0,
        setup=million_tokens, check=output_json("million.json", links=1))

    def ten_thousand(f):
        names = codes(10_000)
        write(f, "tenk.tsv", "id\ttype\tlabel\n" + "".join(
            f"organization/zq{index}\torganization\t{name}\n" for index, name in
            enumerate(names)))
        write(f, "tenk.txt", ", ".join(names) + " met.\n")
    add("10,000 entities in one sentence",
        ["graph", "tenk.txt", "--dictionary", "tenk.tsv", "-o", "tenk.json"] + d, 0,
        setup=ten_thousand,
        check=both(output_json("tenk.json", 10_000, 19_900), stderr_has("warning", "10000")))

    def ten_thousand_document(f):
        names = codes(10_000)
        write(f, "tenk.tsv", "id\ttype\tlabel\n" + "".join(
            f"organization/zq{index}\torganization\t{name}\n" for index, name in
            enumerate(names)))
        write(f, "tenk-doc.txt", "".join(f"{name} spoke.\n\n" for name in names))
    add("10,000 entities, --window document",
        ["graph", "tenk-doc.txt", "--dictionary", "tenk.tsv", "--window", "document", "-o",
         "tenk-doc.json"] + d, 0,
        setup=ten_thousand_document,
        check=both(output_json("tenk-doc.json", 10_000, 19_900), stderr_has("warning")))
    add("one name 1,000,000 times in a sentence", ["graph", "putin.txt"] + d, 0,
        setup=lambda f: repeat_to(j(f, "putin.txt"), b"Putin ", 6 * MIB), timeout=300)
    add("one sentence 140,000 times, --window 50000",
        ["graph", "repeated.txt", "--window", "50000", "--format", "json"] + d, 0,
        setup=lambda f: repeat_to(
            j(f, "repeated.txt"), b"Vladimir Putin met Abdel Fattah al-Sisi in Cairo. ", 7 * MIB),
        timeout=300, rss_mb=2000)
    def same_length_rows(f):
        # Lines of one length, the same first and last bytes, that differ only in the middle (a
        # table's rows): a repeated-line test that hashed only a line's ends compared each with
        # every line before it, and took minutes.
        write(f, "rows.txt", "".join(
            f"The scores of the match {index:07d} were recorded.\n" for index in range(120_000)))
    add("120,000 lines of one length differing in the middle",
        ["graph", "rows.txt", "-o", "rows.json"] + d, 0, setup=same_length_rows, timeout=20,
        check=output_json("rows.json"))
    add("nested names: 'Bank of ' 20,000 times", ["graph", "bank.txt"] + d, 0,
        setup=lambda f: write(f, "bank.txt", "Bank of " * 20_000 + "England said so.\n"))

    # Unicode in names: every general category, right-to-left text, combining marks, emoji.
    def unicode_names(f):
        samples = {
            "Lu Ll Lt": "Ǆemal Ǉubo", "Lm Lo": "ʰanaʼ 李小龍", "Mn": "Jose\u0301 Mari\u0301a",
            "Mc Me": "क्षत्रिय\u20dd", "Nd Nl No": "Ⅻ ٣٤ ½ Club", "Pc Pd": "Al_Ahly — FC",
            "Ps Pe Pi Pf Po": "«Le (Monde)» ‹x› ¿Qué?", "Sm Sc Sk So": "Σ∑ €$ ^` ©®",
            "Zs": "Ogham\u1680Space\u2003Em", "Cf (ZWJ, RTL marks)": "👩\u200d🔬 Lab \u202eevil\u202c",
            "RTL": "محمد بن سلمان", "Hebrew": "בנימין נתניהו", "emoji flags": "🇪🇬 Team 🇷🇺",
            "Co": "Private\ue000Use", "Cn and noncharacters": "Odd\ufdd0\U0010fffe One",
            "Cc (C1)": "Control\u0085\u009f Corp", "Zl Zp": "Line\u2028Para\u2029Graph",
        }
        lines = ["id\ttype\tlabel\taliases"]
        text = []
        for index, (category, label) in enumerate(samples.items()):
            alias = f"Uniword{chr(65 + index)}"
            lines.append(f"organization/u{index}\torganization\t{label}\t{alias}|{label}")
            text.append(f"{alias} and {label} met Uniword{chr(65 + (index + 1) % len(samples))}.")
        write(f, "unicode.tsv", "\n".join(lines) + "\n")
        write(f, "unicode.txt", " ".join(text) + "\n")
    def every_format(article, dictionary, stem):
        """A runner writing the graph of `article` in the six formats, one run each: the first
        failure, or the first result with the runs' total time and largest memory."""
        def runner(binary, case, folder):
            results = []
            for fmt in ["json", "dot", "svg", "graphml", "gexf", "csv"]:
                res = run(binary, case, folder, args=["graph", article, "--dictionary", dictionary,
                                                      "-o", f"{stem}.{fmt}"] + d)
                results.append(res)
                if res.status != 0:
                    return res
            total = results[0]
            total.seconds = sum(r.seconds for r in results)
            total.rss_kb = max(r.rss_kb for r in results)
            return total
        return runner

    unicode_runner = every_format("unicode.txt", "unicode.tsv", "unicode")

    def unicode_check(folder, res):
        check_xml(j(folder, "unicode.svg"), "SVG")
        check_xml(j(folder, "unicode.graphml"), "GraphML")
        check_xml(j(folder, "unicode.gexf"), "GEXF")
        with open(j(folder, "unicode.json"), encoding="utf-8") as file:
            graph = json.load(file)
        if len(graph["nodes"]) < 15:
            raise AssertionError(f"only {len(graph['nodes'])} of 17 names found")
        done = subprocess.run(["dot", "-Tsvg", j(folder, "unicode.dot")], capture_output=True)
        if done.returncode != 0:
            raise AssertionError("dot cannot read the DOT")
        ElementTree.fromstring(done.stdout)
    add("names of every Unicode category, RTL, ZWJ emoji (6 formats)", [], 0,
        setup=unicode_names, runner=unicode_runner, check=unicode_check)

    # Injection.
    def hostile_setup(f):
        hostile_dictionary(f)
        hostile_article(f, 'a&b <x> "q" \\N.txt')

    hostile_runner = every_format('a&b <x> "q" \\N.txt', "hostile.tsv", "hostile")
    add("hostile names: quotes, \\, ], ;, ->, <script>, javascript:, HTML (6 formats)", [], 0,
        setup=hostile_setup, runner=hostile_runner,
        check=lambda f, res: check_hostile(f, "hostile", HOSTILE_LABELS))

    # Dictionaries.
    add("dictionary with a broken line", ["graph", "a.txt", "--dictionary", "broken.tsv"] + d, 1,
        setup=lambda f: (write(f, "a.txt", "Egypt.\n"), write(
            f, "broken.tsv", "id\ttype\tlabel\nperson/a\tperson\tA\nperson/b\tpeople\tB\n")),
        check=stderr_has("broken.tsv:3:"))
    add("dictionary with duplicate ids", ["graph", "a.txt", "--dictionary", "dup.tsv"] + d, 1,
        setup=lambda f: (write(f, "a.txt", "Egypt.\n"), write(
            f, "dup.tsv", "id\ttype\tlabel\nperson/a\tperson\tA\nperson/a\tperson\tB\n")),
        check=stderr_has("duplicate id"))
    add("the same id in two dictionaries (names add up)",
        ["graph", "a.txt", "--dictionary", "one.tsv", "--dictionary", "two.tsv", "--format",
         "json"] + d, 0,
        setup=lambda f: (write(f, "a.txt", "Alfa Bravo met Charlie Delta.\n"), write(
            f, "one.tsv", "id\ttype\tlabel\nperson/a\tperson\tAlfa Bravo\n"), write(
            f, "two.tsv", "id\ttype\tlabel\taliases\nperson/a\tperson\tZed\tCharlie Delta\n")))

    def sparse_dictionary(f):
        path = write(f, "sparse.tsv", "id\ttype\tlabel\n")
        with open(path, "r+b") as file:
            file.truncate(1 << 30)
    add("1 GB dictionary (sparse file)", ["graph", "a.txt", "--dictionary", "sparse.tsv"] + d, 1,
        setup=lambda f: (write(f, "a.txt", "Egypt.\n"), sparse_dictionary(f)),
        check=stderr_has("too big"))

    def dictionary_stream():
        yield b"id\ttype\tlabel\taliases\n"
        block = "".join(f"person/p{index}\tperson\tPerson Number{index}\tP{index}\n"
                        for index in range(20_000)).encode()
        for _ in range((1 << 30) // len(block) + 1):
            yield block
    add("1 GB dictionary streamed through a pipe",
        ["graph", "a.txt", "--dictionary", "/dev/stdin"] + d, 1,
        setup=lambda f: write(f, "a.txt", "Egypt.\n"), stdin=dictionary_stream,
        check=stderr_has("too big"), rss_mb=600)
    add("dictionary in UTF-16", ["graph", "a.txt", "--dictionary", "u16.tsv"] + d, 1,
        setup=lambda f: (write(f, "a.txt", "Egypt.\n"), write(
            f, "u16.tsv", "\ufeffid\ttype\tlabel\n".encode("utf-16-le"))),
        check=stderr_has("UTF-16"))
    add("dictionary name of 200,000 words",
        ["graph", "a.txt", "--dictionary", "long.tsv", "--format", "json"] + d, 0,
        setup=lambda f: (write(f, "a.txt", "Egypt.\n"), write(
            f, "long.tsv", "id\ttype\tlabel\nperson/long\tperson\t" + "Word " * 200_000 + "\n")))

    # Graph JSON.
    good = subprocess.run([binary, "graph", os.path.join(ROOT, "examples", "russia-egypt.txt"),
                           "--format", "json"] + d, capture_output=True).stdout.decode()

    def graph_file(name, text):
        return lambda f: write(f, name, text)
    add("graph JSON truncated", ["merge", "cut.json"], 1,
        setup=graph_file("cut.json", good[:len(good) // 2]),
        check=stderr_has("cut.json:", "error: unterminated string"))
    add("graph JSON truncated (diff)", ["diff", "cut.json", "cut.json"], 2,
        setup=graph_file("cut.json", good[:len(good) // 2]))
    def edited(change):
        graph = json.loads(good)
        change(graph)
        return json.dumps(graph, ensure_ascii=False)

    def wrong_types(graph):
        graph["nodes"][0]["mentions"] = "13"
        graph["links"][0]["evidence"] = {"document": 1}
    add("graph JSON with wrong types", ["merge", "types.json"], 1,
        setup=graph_file("types.json", edited(wrong_types)), check=stderr_has("must be"))

    def unknown_fields(graph):
        graph["x-extra"] = {"deep": [1, {"a": None}]}
        graph["graph"]["colour"] = "red"
        for node in graph["nodes"]:
            node["score"] = [0.5, "high"]
        graph["links"][0]["why"] = {"because": True}
    add("graph JSON with unknown fields", ["merge", "extra.json", "-o", "extra-out.json"], 0,
        setup=graph_file("extra.json", edited(unknown_fields)),
        check=output_json("extra-out.json", at_least_links=1))

    def dangling(graph):
        graph["links"][0]["target"] = "country/xx"
    add("graph JSON with a dangling link id", ["merge", "dangling.json"], 1,
        setup=graph_file("dangling.json", edited(dangling)),
        check=stderr_has("no node has the id 'country/xx'"))
    add("graph JSON nested 1,000,000 deep", ["merge", "deep.json"], 1,
        setup=graph_file("deep.json", "[" * 1_000_000), check=stderr_has("nesting deeper"))

    def ten_million(f):
        path = j(f, "tenm.json")
        with open(path, "w") as file:
            file.write('{"directed":false,"multigraph":false,"graph":{"window":"sentence",'
                       '"documents":1,"windows":1},"nodes":[')
            chunk = []
            for index in range(10_000_000):
                chunk.append('{"id":"person/%x","label":"","type":"person","mentions":0,'
                             '"documents":0,"windows":0}' % index)
                if len(chunk) == 100_000:
                    file.write(("," if index >= 100_000 else "") + ",".join(chunk))
                    chunk = []
            file.write('],"links":[]}\n')
    add("graph JSON with 10,000,000 nodes", ["merge", "tenm.json"], 1, setup=ten_million,
        timeout=300, rss_mb=2500, check=stderr_has("more than 1000000 nodes"))
    add("graph JSON with 10,000,000 nodes (diff)", ["diff", "tenm.json", "tenm.json"], 2,
        timeout=300, rss_mb=2500, reuse=True)

    def reversed_evidence(f):
        items = ",".join('{"document":"d","sentence":%d,"text":"t"}' % index
                         for index in range(1_000_000, 0, -1))
        write(f, "evidence.json", '{"graph":{"window":"sentence","documents":1,"windows":9},'
              '"nodes":[{"id":"person/a","label":"A","type":"person","mentions":1,'
              '"documents":1,"windows":9},{"id":"person/b","label":"B","type":"person",'
              '"mentions":1,"documents":1,"windows":9}],"links":[{"source":"person/a",'
              '"target":"person/b","count":9,"documents":1,"evidence":[' + items + ']}]}')
    add("graph JSON: a link with 1,000,000 evidence items in reverse",
        ["merge", "evidence.json", "--evidence", "2", "-o", "evidence-out.json"], 0,
        setup=reversed_evidence, check=output_json("evidence-out.json", 2, 1))
    add("graph JSON: counts of 9e15, drawn with --layout dot",
        ["merge", "counts.json", "--layout", "dot", "-o", "counts.svg"], 0,
        setup=graph_file("counts.json", '{"graph":{"window":"sentence","documents":9000000000000000'
                         ',"windows":9000000000000000},"nodes":[{"id":"person/a","label":"A",'
                         '"type":"person","mentions":9000000000000000,"documents":1,'
                         '"windows":9000000000000000},{"id":"person/b","label":"B","type":'
                         '"person","mentions":1,"documents":1,"windows":9000000000000000}],'
                         '"links":[{"source":"person/a","target":"person/b","count":'
                         '9000000000000000,"documents":1}]}'),
        check=lambda f, res: check_xml(j(f, "counts.svg"), "SVG"))

    # Writing.
    def previous_output(name):
        def setup(f):
            write(f, "a.txt", PROSE.decode() * 50)
            write(f, name, "previous\n")
        return setup

    def intact(*names):
        def check(folder, res):
            for name in names:
                with open(j(folder, name)) as file:
                    if file.read() != "previous\n":
                        raise AssertionError(f"{name} was changed")
            leftovers = [n for n in os.listdir(folder) if n.endswith(".tmp")]
            if leftovers:
                raise AssertionError(f"temporary files left: {leftovers}")
        return check
    add("write error midway (file size limit 4 KB)",
        ["graph", "a.txt", "-o", "out.json"] + d, 1, setup=previous_output("out.json"),
        fsize=4096, check=both(intact("out.json"), stderr_has("cannot write")))

    def csv_setup(f):
        previous_output("out.nodes.csv")(f)
        write(f, "out.edges.csv", "previous\n")
    add("write error in the second CSV file", ["graph", "a.txt", "-o", "out.csv"] + d, 1,
        setup=csv_setup, fsize=1500,
        check=both(intact("out.nodes.csv", "out.edges.csv"), stderr_has("cannot write")))
    add("disk full (/dev/full)", ["graph", "a.txt", "-o", "/dev/full", "--format", "json"] + d, 1,
        setup=previous_output("unused"), check=stderr_has("no space left on device"))
    add("output folder missing", ["graph", "a.txt", "-o", "nowhere/g.json"] + d, 1,
        setup=previous_output("unused"), check=stderr_has("does not exist"))

    def corpus_setup(f):
        for index in range(400):
            write(f, f"corpus/{index:04}.txt", PROSE.decode() * 20)
        write(f, "out.json", "previous\n")

    def sigterm_runner(binary, case, folder):
        # Signals at times spread over a run: before, during and after the write. Run times
        # vary by a third or more on a loaded machine, so the latest signals come well after
        # the time of the probe run, and some runs finish before the signal.
        probe = run(binary, case, folder, args=["graph", "corpus/", "--jobs", "2", "-o",
                                                "probe.json"] + d)
        os.remove(j(folder, "probe.json"))
        last = None
        problems = []
        statuses = []
        for attempt in range(12):
            delay = probe.seconds * (0.15 + 0.15 * attempt)
            write(folder, "out.json", "previous\n")
            last = run(binary, case, folder, args=case.args, kill_after=delay)
            statuses.append(last.status)
            with open(j(folder, "out.json"), "rb") as file:
                content = file.read()
            # Killed before the rename: the previous output; after it: the whole new one.
            if content != b"previous\n":
                try:
                    json.loads(content)
                except ValueError:
                    problems.append(f"killed at {delay:.2f} s, out.json is half-written")
            leftovers = [n for n in os.listdir(folder) if n.endswith(".tmp")]
            if leftovers:
                problems.append(f"killed at {delay:.2f} s, left {leftovers}")
        killed = sum(1 for status in statuses if status == -signal.SIGTERM)
        if problems:
            last.stderr = "; ".join(problems) + "\n" + last.stderr
            last.status = "bad"
        else:
            last.stderr = (f"killed {killed} of {len(statuses)} times, finished "
                           f"{len(statuses) - killed}: out.json always the previous or the new "
                           f"one whole, never a temporary file\n")
        return last
    add("SIGTERM during a corpus run (12 times, at 15% to 180% of a run)",
        ["graph", "corpus/", "--jobs", "2", "-o", "out.json"] + d, {-signal.SIGTERM, 0},
        setup=corpus_setup, runner=sigterm_runner)

    def keep_going_setup(f):
        write(f, "mixed/a.txt", "Egypt and Russia signed a deal.\n")
        write(f, "mixed/b.txt", b"Egypt \xff and France.\n")
        write(f, "mixed/c.txt", "Russia and China met.\n")
        write(f, "news.jsonl", '{"id": "x", "text": "Egypt and Israel."}\n{"id": 3}\n'
              '{"id": "y", "text": "Egypt and Jordan."}\n')
    add("--keep-going: a bad file and a bad JSON Lines record",
        ["graph", "mixed/", "news.jsonl", "missing.txt", "--keep-going", "-o", "kept.json"] + d,
        1, setup=keep_going_setup,
        check=both(output_json("kept.json", at_least_links=4),
                   stderr_has("mixed/b.txt: error: invalid UTF-8", "news.jsonl:2:",
                              "missing.txt: error: no such file", "3 documents failed")))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "newsgraph"))
    parser.add_argument("--dictionaries", default=os.path.join(ROOT, "dictionaries"))
    parser.add_argument("--only", help="comma-separated words; run the cases whose name has one")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--list", action="store_true", help="list the cases")
    options = parser.parse_args()
    binary = os.path.abspath(options.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"torture: no newsgraph binary at {binary} (make release first)")
    base = tempfile.mkdtemp(prefix="newsgraph-torture-")
    os.chmod(base, 0o755)
    all_cases = cases(binary, os.path.abspath(options.dictionaries), base)
    if options.list:
        for case in all_cases:
            print(case.name)
        return 0
    if options.only:
        words = [word.strip().lower() for word in options.only.split(",")]
        all_cases = [c for c in all_cases if any(w in c.name.lower() for w in words)]
    print("| case | exit | documented | time | peak memory | standard error (first line) |")
    print("| --- | --- | --- | --- | --- | --- |")
    failures = 0
    previous = None
    try:
        for index, case in enumerate(all_cases):
            folder = os.path.join(base, f"{index:02}")
            if case.reuse and previous is not None:
                folder = previous
            os.makedirs(folder, exist_ok=True)
            os.chmod(folder, 0o755)
            problem = ""
            res = Result("-", 0, 0, "", None)
            try:
                if case.setup is not None:
                    case.setup(folder)
                res = (case.runner or run)(binary, case, folder)
                if res.status not in case.expect:
                    problem = f"exit {res.status}, documented {sorted(case.expect, key=str)}"
                elif res.seconds >= case.timeout:
                    problem = "timed out"
                elif res.rss_kb > case.rss_mb * 1024:
                    problem = f"peak memory over {case.rss_mb} MB"
                elif case.check is not None:
                    case.check(folder, res)
            except AssertionError as error:
                problem = str(error)
            if problem:
                failures += 1
            shown = res.first_line.replace("|", "\\|")
            if len(shown) > 110:
                shown = shown[:107] + "..."
            status = res.status if not isinstance(res.status, int) or res.status >= 0 else \
                f"{signal.Signals(-res.status).name}"
            documented = ", ".join(
                signal.Signals(-e).name if isinstance(e, int) and e < 0 else str(e)
                for e in sorted(case.expect, key=str))
            mark = f" **FAILED: {problem}**" if problem else ""
            print(f"| {case.name} | {status} | {documented} | {res.seconds:.2f} s | "
                  f"{res.rss_kb / 1024:.0f} MB | {shown}{mark} |", flush=True)
            if previous is not None and previous != folder and not options.keep:
                shutil.rmtree(previous, ignore_errors=True)
            previous = folder
    finally:
        if not options.keep:
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"\nfiles kept in {base}")
    print(f"\n{len(all_cases) - failures} of {len(all_cases)} cases as documented")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
