# workshop — build, run and test. Only Go is needed.
GO        ?= go
DATA      ?= ./data
LISTEN    ?= :2222
BIN       := bin/workshop
PKGS      := ./...

.PHONY: run build test test-race test-short fuzz bench vet lint clean

## run: build and start the server on $(LISTEN) with data under $(DATA)
run: build
	$(BIN) serve --listen $(LISTEN) --data $(DATA)

## build: build the binary into bin/
build:
	$(GO) build -o $(BIN) ./cmd/workshop

## test: vet, then every test with the race detector, then a short fuzz of each target
test: vet
	$(GO) test -race -count=1 -timeout 8m $(PKGS)
	$(MAKE) --no-print-directory fuzz FUZZTIME=10s

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
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./content/
	$(GO) test -run='^$$' -fuzz='^FuzzDecode$$' -fuzztime=$(FUZZTIME) ./session/work/

## bench: run the benchmarks (record results in docs/benchmarks.md)
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=1 $(PKGS)

clean:
	rm -rf bin
