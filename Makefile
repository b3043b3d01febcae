# newsgraph: `make run` renders the bundled example, `make test` runs the tests.
SWIFT ?= swift
PREFIX ?= /usr/local
PYTHON ?= python3
SHARED ?= ../shared
EXAMPLE := examples/russia-egypt.txt
NAME := russia-egypt
DEBUG_BIN = $(shell $(SWIFT) build --show-bin-path)/newsgraph
# The release binary carries the Swift runtime in it: its calls into the runtime (retain,
# release, making strings) are direct rather than through the dynamic linker's tables, and there
# are fewer libraries to load at start-up: 5-8 % less CPU time on a 10 MB corpus, side by side,
# and a start-up 3 ms shorter. RELEASE_FLAGS= builds against the shared runtime instead.
RELEASE_FLAGS ?= --static-swift-stdlib
RELEASE_BIN = $(shell $(SWIFT) build -c release $(RELEASE_FLAGS) --show-bin-path)/newsgraph

.PHONY: all deps build release run sample test reference eval eval-errors bench install uninstall \
	dictionaries dictionaries-check lint format check clean torture fuzz sanitize

all: build

# Graphviz (libgvc, libcgraph) for rendering; installed with apt-get when missing (needs root).
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! command -v dot >/dev/null 2>&1; then \
	  echo "installing graphviz and libgraphviz-dev"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq graphviz libgraphviz-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

# The main job: the bundled example as SVG, PNG, DOT and JSON in output/.
run: build
	@mkdir -p output
	$(DEBUG_BIN) graph $(EXAMPLE) -o output/$(NAME).svg
	$(DEBUG_BIN) graph $(EXAMPLE) -o output/$(NAME).png
	$(DEBUG_BIN) graph $(EXAMPLE) -o output/$(NAME).dot
	$(DEBUG_BIN) graph $(EXAMPLE) -o output/$(NAME).json
	@if [ -f $(SHARED)/tools/check_gold_graph.py ] && [ -f $(SHARED)/fixtures/$(NAME)/expected.json ]; then \
	  $(PYTHON) $(SHARED)/tools/check_gold_graph.py $(SHARED)/fixtures/$(NAME)/expected.json output/$(NAME).json; \
	fi

sample: run

test: deps
	$(SWIFT) test

# Rewrites the DOT and JSON goldens in Tests/NewsGraphTests/Fixtures; review the git diff.
reference: deps
	RECORD=1 $(SWIFT) test --filter NewsGraphTests

# Scores the recognizer on the development data with the shared scorer.
eval: release
	@$(PYTHON) scripts/eval.py --bin "$(RELEASE_BIN)" --shared "$(SHARED)"

# The same, then the false positives and false negatives grouped by cause.
eval-errors: release
	@$(PYTHON) scripts/eval.py --bin "$(RELEASE_BIN)" --shared "$(SHARED)" --errors

bench: release
	@$(PYTHON) scripts/bench.py --bin "$(RELEASE_BIN)" --shared "$(SHARED)"

# Hostile inputs on the release binary (100 MB files, a 1 GB dictionary, 10 million nodes ...):
# a table of case, exit status, time, peak memory and the first line of standard error.
torture: release
	@$(PYTHON) scripts/torture.py --bin "$(RELEASE_BIN)"

# The libFuzzer targets, FUZZ_SECONDS (600) each, one after another; the corpus in fuzz/corpus
# is updated. FUZZ_TARGETS="text graph-json" runs some.
fuzz:
	scripts/fuzz.sh run $(FUZZ_TARGETS)

# The test suite under AddressSanitizer, then ThreadSanitizer (the parallel corpus runner, the
# Graphviz lock); the CLI tests run the sanitized binary too.
# Leaks that libraries keep until exit are listed in scripts/lsan-suppressions.txt; their
# stacks are only whole with the slow unwinder (Graphviz has no frame pointers).
sanitize: deps
	ASAN_OPTIONS=fast_unwind_on_malloc=0 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0 \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/newsgraph/dictionaries
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/newsgraph
	install -m 644 dictionaries/*.tsv dictionaries/*.md $(DESTDIR)$(PREFIX)/share/newsgraph/dictionaries/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/newsgraph
	rm -rf $(DESTDIR)$(PREFIX)/share/newsgraph

# Regenerates the generated dictionaries from pinned Debian and PyPI packages.
dictionaries:
	$(PYTHON) scripts/dictionaries/build.py

dictionaries-check:
	$(PYTHON) scripts/dictionaries/build.py --check

lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format -i -r Sources Tests

check: lint test

clean:
	rm -rf .build output/*.svg output/*.png output/*.pdf output/*.dot output/*.json
