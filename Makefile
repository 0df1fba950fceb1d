# workshop — build, run and test. Only Go is needed.
# The Go release with the newest standard-library security fixes; the go command fetches it
# from the module proxy the first time (about 75 MB), whatever Go the machine has.
export GOTOOLCHAIN := go1.27.3
GO        ?= go
DATA      ?= ./data
LISTEN    ?= :2222
BIN       := bin/workshop
PKGS      := ./...
# What `workshop --version` says: the nearest tag (or the commit) and whether the tree had
# uncommitted changes, the full commit and its time. The Go build info adds the same where the
# toolchain can read the repository; these cover builds where it cannot (git worktrees).
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse HEAD 2>/dev/null)
DATE      ?= $(shell git log -1 --format=%cI 2>/dev/null)
LDFLAGS   := -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)

.PHONY: run build test test-race test-short fuzz bench vet lint release-tools clean

## run: build and start the server on $(LISTEN) with data under $(DATA)
run: build
	$(BIN) serve --listen $(LISTEN) --data $(DATA)

## build: build the binary into bin/, stamped with the version (see VERSION above)
build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/workshop

## test: vet, then every test with the race detector, then a short fuzz of each target
## (3 s each, on top of the seed corpora the tests run; `make fuzz` fuzzes for longer)
test: vet
	$(MAKE) --no-print-directory test-race
	$(MAKE) --no-print-directory fuzz FUZZTIME=3s

## test-race: every test with the race detector (what CI runs, without vet and fuzzing)
test-race:
	$(GO) test -race -count=1 -timeout 8m $(PKGS)

## test-short: every test without the race detector (quicker while editing)
test-short:
	$(GO) test -count=1 $(PKGS)

## vet: static checks that need no extra tools
vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (echo "gofmt needed on:"; gofmt -l .; exit 1)
	$(GO) vet $(PKGS)

FUZZTIME ?= 30s
## fuzz: run each fuzz target for FUZZTIME (seed corpora live in testdata/fuzz)
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzCleanText$$' -fuzztime=$(FUZZTIME) ./session/
	$(GO) test -run='^$$' -fuzz='^FuzzCleanJSON$$' -fuzztime=$(FUZZTIME) ./session/
	$(GO) test -run='^$$' -fuzz='^FuzzNormalizeName$$' -fuzztime=$(FUZZTIME) ./session/
	$(GO) test -run='^$$' -fuzz='^FuzzParseRoster$$' -fuzztime=$(FUZZTIME) ./session/
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./content/
	$(GO) test -run='^$$' -fuzz='^FuzzTranslation$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=1s ./content/
	$(GO) test -run='^$$' -fuzz='^FuzzDecode$$' -fuzztime=$(FUZZTIME) ./session/work/
	$(GO) test -run='^$$' -fuzz='^FuzzPasteBound$$' -fuzztime=$(FUZZTIME) ./tui/
	$(GO) test -run='^$$' -fuzz='^FuzzReflow$$' -fuzztime=$(FUZZTIME) ./tui/
	$(GO) test -run='^$$' -fuzz='^FuzzKeyDecoder$$' -fuzztime=$(FUZZTIME) ./tui/
	$(GO) test -run='^$$' -fuzz='^FuzzEdit$$' -fuzztime=$(FUZZTIME) ./tui/textedit/
	$(GO) test -run='^$$' -fuzz='^FuzzLineReader$$' -fuzztime=$(FUZZTIME) ./tui/plain/
	$(GO) test -run='^$$' -fuzz='^FuzzCompactDrawsTheSameCells$$' -fuzztime=$(FUZZTIME) ./tui/markdown/

# Static-check tools, installed from the module proxy at these versions into bin/tools.
TOOLS                 := $(CURDIR)/bin/tools
GOLANGCI_LINT_VERSION := v2.15.0
GOVULNCHECK_VERSION   := v1.9.0
# The vulnerability database govulncheck falls back to when vuln.go.dev cannot be reached:
# a snapshot of the golang.org/x/vulndb module (see .ci/vulncheck).
VULNDB_VERSION        := v0.0.0-20261105234957-e22db6528018
# Named by the Go release too: a tool built by an older Go cannot read code that needs a newer one.
GOLANGCI_LINT         := $(TOOLS)/golangci-lint-$(GOLANGCI_LINT_VERSION)-$(GOTOOLCHAIN)
GOVULNCHECK           := $(TOOLS)/govulncheck-$(GOVULNCHECK_VERSION)-$(GOTOOLCHAIN)
# The release tool (.goreleaser.yaml). Building it takes minutes, so lint checks the release
# configuration with it only once `make release-tools` has installed it.
GORELEASER_VERSION    := v2.15.1
GORELEASER            := $(TOOLS)/goreleaser-$(GORELEASER_VERSION)-$(GOTOOLCHAIN)

## lint: golangci-lint (.golangci.yml) and govulncheck, each at its pinned version, and
##       goreleaser check on .goreleaser.yaml when goreleaser is installed (make release-tools)
lint: $(GOLANGCI_LINT) $(GOVULNCHECK)
	$(GOLANGCI_LINT) run $(PKGS)
	GO="$(GO)" TOOLS="$(TOOLS)" GOVULNCHECK="$(GOVULNCHECK)" VULNDB_VERSION=$(VULNDB_VERSION) .ci/vulncheck $(PKGS)
	@if [ -x "$(GORELEASER)" ]; then echo "$(GORELEASER) check"; "$(GORELEASER)" check; \
	else echo "goreleaser check: NOT RUN, goreleaser is not installed (make release-tools installs it, in minutes)"; fi

## release-tools: install goreleaser $(GORELEASER_VERSION) into bin/tools (slow: a large build)
release-tools: $(GORELEASER)

$(GORELEASER):
	GOBIN=$(TOOLS)/.install $(GO) install github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION)
	mv $(TOOLS)/.install/goreleaser $@

$(GOLANGCI_LINT):
	GOBIN=$(TOOLS)/.install $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)
	mv $(TOOLS)/.install/golangci-lint $@

$(GOVULNCHECK):
	GOBIN=$(TOOLS)/.install $(GO) install golang.org/x/vuln/cmd/govulncheck@$(GOVULNCHECK_VERSION)
	mv $(TOOLS)/.install/govulncheck $@

FULL ?= 0
## bench: the Go benchmarks and the load scenarios against workshop and the floor, side by side
##        (FULL=1 adds N=200, N=500 and 2,000 in 20 cohorts; record results in docs/benchmarks.md)
bench:
	FULL=$(FULL) GO=$(GO) bash bench/run.sh

clean:
	rm -rf bin
