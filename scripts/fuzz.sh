#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them, one after another.
#
#   scripts/fuzz.sh [build|run|replay] [TARGET...]
#
# Targets: text, dictionary, graph-json, gazetteer-cache (default: all). Each target is the
# library's sources and one file of fuzz/Sources compiled into one module with
# -sanitize=fuzzer,address (no Package.swift change, no effect on `swift build`), into
# .build-fuzz/fuzz-TARGET. `run` fuzzes each target for FUZZ_SECONDS (default 600) starting
# from the hand-written inputs in fuzz/seeds/TARGET and the corpus in fuzz/corpus/TARGET, then
# replaces the corpus with the smallest set of inputs that covers what the old corpus and the
# new inputs covered (libFuzzer's -set_cover_merge): small files, replayed by `make test`. A
# crash, a trap, a leak, a timeout (FUZZ_TIMEOUT seconds, default 10) or an input using more
# than FUZZ_RSS_MB (default 2048) stops the target; the input is saved in
# .build-fuzz/artifacts/TARGET/ and the script exits 1 (fix it, and keep the input in
# fuzz/seeds/TARGET/ as a regression). `replay` runs each target once over its inputs.
# FUZZ_BUILD=0 uses the targets already built in .build-fuzz instead of building them again.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFTC="${SWIFTC:-swiftc}"
OUT=.build-fuzz
SECONDS_EACH="${FUZZ_SECONDS:-600}"
TIMEOUT="${FUZZ_TIMEOUT:-10}"
RSS_MB="${FUZZ_RSS_MB:-2048}"
ALL=(text dictionary graph-json gazetteer-cache)

mode="${1:-run}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=("${ALL[@]}"); fi

main_file() {
  case "$1" in
    text) echo FuzzText ;;
    dictionary) echo FuzzDictionary ;;
    graph-json) echo FuzzGraphJSON ;;
    gazetteer-cache) echo FuzzGazetteerCache ;;
    *) echo "unknown fuzz target '$1' (expected: ${ALL[*]})" >&2; exit 64 ;;
  esac
}

# The libFuzzer options of a target: its dictionary and the longest input worth trying.
options() {
  case "$1" in
    text) echo "-dict=fuzz/dictionaries/text.dict -max_len=4096" ;;
    dictionary) echo "-dict=fuzz/dictionaries/tsv.dict -max_len=2048" ;;
    graph-json) echo "-dict=fuzz/dictionaries/json.dict -max_len=4096" ;;
    gazetteer-cache) echo "-max_len=4096" ;;
  esac
}

build() {
  local target=$1 main source="$OUT/sources-$1"
  main=$(main_file "$target")
  if [ "${FUZZ_BUILD:-1}" = 0 ] && [ -x "$OUT/fuzz-$target" ]; then return 0; fi
  mkdir -p "$OUT"
  echo "building $OUT/fuzz-$target"
  # Compiled from a copy, so that an edit made meanwhile does not stop the compiler.
  rm -rf "$source" && mkdir -p "$source" && cp -R Sources/NewsGraph fuzz/Sources "$source/"
  # shellcheck disable=SC2046
  "$SWIFTC" -O -g -sanitize=fuzzer,address -parse-as-library -swift-version 6 \
    -module-name NewsGraphFuzz $(find "$source/NewsGraph" -name '*.swift' | sort) \
    "$source/Sources/FuzzSupport.swift" "$source/Sources/$main.swift" -o "$OUT/fuzz-$target" \
    2> >(grep -v "Cannot export local symbol" >&2)
}

run() {
  local target=$1 work="$OUT/corpus/$target" artifacts="$OUT/artifacts/$target/"
  mkdir -p "$work" "$artifacts" "fuzz/corpus/$target" "fuzz/seeds/$target"
  echo "fuzzing $target for $SECONDS_EACH s"
  # shellcheck disable=SC2046
  "$OUT/fuzz-$target" "$work" "fuzz/corpus/$target" "fuzz/seeds/$target" $(options "$target") \
    -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
    -artifact_prefix="$artifacts" -print_final_stats=1 2>&1 | tee "$OUT/fuzz-$target.log" |
    grep -E "^(#[0-9]+ +(INITED|DONE)|stat::|==[0-9]+==|SUMMARY|Fatal|.*runtime failure)" || true
  if grep -qE "^==[0-9]+==ERROR|deadly signal|Fatal error|Test unit written" "$OUT/fuzz-$target.log"; then
    echo "fuzz-$target found a problem: see $OUT/fuzz-$target.log and $artifacts" >&2
    return 1
  fi
  # The smallest set of inputs that covers what the corpus and this run's inputs cover.
  local merged="$OUT/merged-$target"
  rm -rf "$merged" && mkdir -p "$merged"
  # shellcheck disable=SC2046
  "$OUT/fuzz-$target" -set_cover_merge=1 "$merged" "fuzz/corpus/$target" "$work" \
    $(options "$target") >"$OUT/merge-$target.log" 2>&1
  rm -rf "fuzz/corpus/$target" && mv "$merged" "fuzz/corpus/$target"
  echo "fuzz/corpus/$target: $(find "fuzz/corpus/$target" -type f | wc -l) inputs," \
    "$(cat "fuzz/corpus/$target"/* 2>/dev/null | wc -c) bytes"
}

replay() {
  local target=$1
  # shellcheck disable=SC2046
  "$OUT/fuzz-$target" $(options "$target") -runs=0 "fuzz/corpus/$target" "fuzz/seeds/$target" \
    2>&1 | tail -2
}

status=0
for target in "${targets[@]}"; do
  main_file "$target" >/dev/null
  case "$mode" in
    build) build "$target" ;;
    run) build "$target" && run "$target" || status=1 ;;
    replay) build "$target" && replay "$target" || status=1 ;;
    *) echo "usage: scripts/fuzz.sh [build|run|replay] [TARGET...]" >&2; exit 64 ;;
  esac
done
exit $status
