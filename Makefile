# rapor's build needs cgo (DuckDB is linked in) and the duckdb_arrow build tag (Arrow interface).
GOFLAGS_RAPOR := -tags=duckdb_arrow
GO ?= go

.PHONY: demo test setup build release wine-smoke bench vet clean

## demo: generate sample exports, ingest, build the metrics and write the reports (into ./demo)
demo: setup
	$(GO) run $(GOFLAGS_RAPOR) ./cmd/rapor demo

## test: the whole test suite (what CI runs)
test: setup
	$(GO) test $(GOFLAGS_RAPOR) ./...

## build: the rapor binary in ./bin
build: setup
	$(GO) build $(GOFLAGS_RAPOR) -o bin/rapor ./cmd/rapor

## release: self-contained binaries for linux/amd64 and windows/amd64 and their SHA256SUMS in ./dist
release: setup
	@./scripts/release.sh

## wine-smoke: run the Windows binary of ./dist through the whole job under Wine
wine-smoke:
	@./scripts/wine-smoke.sh dist

## bench: the performance run of the README (1,000,000 complaints; several minutes)
bench: setup
	$(GO) run $(GOFLAGS_RAPOR) ./cmd/rapor bench

vet: setup
	$(GO) vet $(GOFLAGS_RAPOR) ./...

## setup: fetch third-party assets that are not committed (ECharts for offline reports)
setup:
	@./scripts/setup.sh

clean:
	rm -rf bin demo bench-out dist
