# gmmviz — the two commands of the README, and a few more for developers.
#
#   make demo   install what is missing, build in release mode, render the built-in demo
#   make test   install what is missing, run the whole test suite (Swift, then the browser test)
#   make spark-test   Spark MLlib's EM recorded by scripts/spark-history.py, checked against gmmviz
#   make install [PREFIX=/usr/local] [DESTDIR=]   the binary, its manual page and completions
#   make uninstall [PREFIX=…] [DESTDIR=]           removes exactly what install put there
#   make docs   the libraries' DocC documentation, .build/plugins/Swift-DocC/outputs/*.doccarchive
#
# System packages are installed only when missing, with sudo only when not root. The browser
# test of the HTML player needs Debian's chromium and Python Playwright (pip; it downloads no
# browser): `make deps` and `make test` install them, `make demo` does not need them. The Spark
# test needs Java 17 (Debian's headless JRE) and pyspark with numpy (pip), installed the same way.

SWIFT    ?= swift
PACKAGES := libcairo2-dev libgif-dev libdeflate-dev fonts-dejavu-core pkg-config
BROWSER_PACKAGES := chromium
# The PDF deck tests read pages back with poppler's pdfinfo and pdftoppm; the video output and its
# tests run Debian's ffmpeg; the installation check renders the manual page with man and loads the
# completions in bash, zsh and fish (make demo needs none of them).
TEST_PACKAGES := poppler-utils ffmpeg man-db zsh fish bash-completion
SPARK_PACKAGES := openjdk-17-jre-headless
PYTHON   ?= python3
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE  := .build/release/gmmviz
# Release builds target this machine's vector width (scripts/target-cpu.sh); `make TARGET_CPU=`
# builds a binary for any x86-64, `make TARGET_CPU=haswell` one for AVX2 machines.
TARGET_CPU ?= $(shell scripts/target-cpu.sh)
export TARGET_CPU

.PHONY: docs install uninstall install-check demo test deps system-deps test-tools browser-deps spark-deps spark-test install-missing browser-test player-screenshot build bench bench-scale clean fuzz leak-check

deps: system-deps test-tools browser-deps spark-deps

system-deps:
	@$(MAKE) --no-print-directory install-missing LIST="$(PACKAGES)"

test-tools:
	@$(MAKE) --no-print-directory install-missing LIST="$(TEST_PACKAGES)"

# Chromium from Debian, Playwright (and numpy, Pillow for pixel checks) from PyPI, when missing.
browser-deps:
	@$(MAKE) --no-print-directory install-missing LIST="$(BROWSER_PACKAGES)"
	@$(PYTHON) -c "import playwright, numpy, PIL" 2>/dev/null || { \
	  echo "make: installing Playwright, numpy and Pillow for the browser test"; \
	  $(PYTHON) -m pip install -q playwright numpy pillow 2>/dev/null || \
	  $(PYTHON) -m pip install -q --break-system-packages playwright numpy pillow; }

# Java from Debian, pyspark (which bundles Spark) and numpy from PyPI, when missing.
spark-deps:
	@$(MAKE) --no-print-directory install-missing LIST="$(SPARK_PACKAGES)"
	@$(PYTHON) -c "import pyspark, numpy" 2>/dev/null || { \
	  echo "make: installing pyspark and numpy for the Spark test"; \
	  $(PYTHON) -m pip install -q pyspark numpy 2>/dev/null || \
	  $(PYTHON) -m pip install -q --break-system-packages pyspark numpy; }

install-missing:
	@missing=""; \
	for p in $(LIST); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing missing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: system-deps
	SWIFT="$(SWIFT)" scripts/build-release.sh gmmviz

demo: build
	@mkdir -p output
	$(RELEASE) render --frames-dir output/frames --history output/history.json

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(PYTHON) Tests/Browser/test_player.py --gmmviz .build/debug/gmmviz
	$(PYTHON) Tests/Browser/test_video.py --gmmviz .build/debug/gmmviz
	$(PYTHON) Tests/Spark/test_spark.py --gmmviz .build/debug/gmmviz
	$(MAKE) --no-print-directory python-test
	$(MAKE) --no-print-directory docs
	scripts/check-install.sh

# The DocC documentation of every library, with a landing page per module and the articles;
# any DocC warning (a broken link, an undocumented parameter) fails it, and make test runs it.
DOC_TARGETS := GMM GMMRender GMMAnimation GMMGIF GMMFiles GMMImage GMMColor
docs:
	$(SWIFT) package generate-documentation --warnings-as-errors $(addprefix --target ,$(DOC_TARGETS))

# Installation: the release binary (Swift runtime linked in statically, see
# scripts/build-release.sh), gmmviz.1 from swift-argument-parser's manual generator (one page
# covering every subcommand) and the completion scripts the parser writes for bash, zsh and fish.
PREFIX   ?= /usr/local
BINDIR   := $(DESTDIR)$(PREFIX)/bin
MANDIR   := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR  := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR   := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR  := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
INSTALLED := $(BINDIR)/gmmviz $(MANDIR)/gmmviz.1 $(BASHDIR)/gmmviz $(ZSHDIR)/_gmmviz $(FISHDIR)/gmmviz.fish

install: build
	$(SWIFT) build --product generate-manual >/dev/null
	@rm -rf .build/man && mkdir -p .build/man
	"$$($(SWIFT) build --show-bin-path)/generate-manual" $(RELEASE) --output-directory .build/man
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 755 $(RELEASE) "$(BINDIR)/gmmviz"
	install -m 644 .build/man/gmmviz.1 "$(MANDIR)/gmmviz.1"
	$(RELEASE) --generate-completion-script bash > "$(BASHDIR)/gmmviz"
	$(RELEASE) --generate-completion-script zsh > "$(ZSHDIR)/_gmmviz"
	$(RELEASE) --generate-completion-script fish > "$(FISHDIR)/gmmviz.fish"
	@echo "make: installed gmmviz under $(DESTDIR)$(PREFIX)"

uninstall:
	rm -f $(INSTALLED)

# The installed binary under a scratch DESTDIR runs the demo without the toolchain's libraries,
# its manual page renders and each shell loads its completion script (part of make test).
install-check:
	scripts/check-install.sh

# The Python package (python/) and the example notebook, executed in a real Jupyter kernel,
# against the debug binary; numpy, pandas, scikit-learn, pytest, nbclient, nbformat and ipykernel
# are installed from PyPI when missing, and the package itself on every run.
PYTHON_TEST_PACKAGES := numpy pandas scikit-learn pytest nbclient nbformat ipykernel
.PHONY: python-test
python-test:
	$(SWIFT) build --product gmmviz
	@$(PYTHON) -c "import numpy, pandas, sklearn, pytest, nbclient, nbformat, ipykernel" 2>/dev/null || { \
	  echo "make: installing $(PYTHON_TEST_PACKAGES) for the Python tests"; \
	  $(PYTHON) -m pip install -q $(PYTHON_TEST_PACKAGES) 2>/dev/null || \
	  $(PYTHON) -m pip install -q --break-system-packages $(PYTHON_TEST_PACKAGES); }
	@$(PYTHON) -m pip install -q ./python 2>/dev/null || \
	  $(PYTHON) -m pip install -q --break-system-packages ./python
	GMMVIZ=$(CURDIR)/.build/debug/gmmviz $(PYTHON) -m pytest -q -p no:cacheprovider python/tests

# The Spark test alone, against the debug build: pyspark in local mode, two to three minutes.
spark-test: spark-deps
	$(SWIFT) build --product gmmviz
	$(PYTHON) Tests/Spark/test_spark.py --gmmviz .build/debug/gmmviz

# The browser test alone, against the debug build.
browser-test: browser-deps
	$(SWIFT) build --product gmmviz
	$(PYTHON) Tests/Browser/test_player.py --gmmviz .build/debug/gmmviz

# The README's screenshot of the player, taken by the browser test.
player-screenshot: browser-deps
	$(SWIFT) build --product gmmviz
	$(PYTHON) Tests/Browser/test_player.py --gmmviz .build/debug/gmmviz --screenshot assets/player.png

bench: build
	scripts/bench.sh

# Reading, fitting and rendering at 10^6, 10^7 and 10^8 samples (a 3.8 GB CSV written under
# SCALE_DIR and removed after; about 15 minutes and 4 GB of disk), by hand, not in CI.
SCALE_DIR ?= /tmp/gmmviz-scale
bench-scale: build
	scripts/build-release.sh gmmviz-bench >/dev/null
	$(PYTHON) scripts/bench-scale.py --sizes 1e6 1e7 1e8 --frames --work $(SCALE_DIR)

# libFuzzer on the CSV and history readers (FUZZ_SECONDS each), valgrind on the demo: the two
# readers take untrusted files, and the C libraries must not leak across a whole render.
FUZZ_SECONDS ?= 600
fuzz: system-deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

leak-check: system-deps
	scripts/leak-check.sh

clean:
	rm -rf .build output/*.gif output/*.json output/frames
