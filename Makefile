# gmmviz — the two commands of the README, and a few more for developers.
#
#   make demo   install what is missing, build in release mode, render the built-in demo
#   make test   install what is missing, run the whole test suite
#
# System packages are installed only when missing, with sudo only when not root.

SWIFT    ?= swift
PACKAGES := libcairo2-dev libgif-dev libdeflate-dev fonts-dejavu-core pkg-config
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE  := .build/release/gmmviz

.PHONY: demo test deps build bench clean fuzz leak-check

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing missing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product gmmviz

demo: build
	@mkdir -p output
	$(RELEASE) render --frames-dir output/frames --history output/history.json

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	scripts/bench.sh

# libFuzzer on the CSV and history readers (FUZZ_SECONDS each), valgrind on the demo: the two
# readers take untrusted files, and the C libraries must not leak across a whole render.
FUZZ_SECONDS ?= 600
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

leak-check: build
	scripts/leak-check.sh $(RELEASE)

clean:
	rm -rf .build output/*.gif output/*.json output/frames
