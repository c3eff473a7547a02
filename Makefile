# eCommerce Moderno. `make run` starts the store on the embedded default with
# the demo catalog; `make test` runs every test. Both install what they need.

SHELL       := bash
.SHELLFLAGS := -eu -o pipefail -c
GO          ?= go
WEB         := examples/server/web
TOOLS       := $(CURDIR)/.tools/bin
GOLANGCI    := $(TOOLS)/golangci-lint
GOLANGCI_V  := v2.15.0
STRIPE_MOCK := $(TOOLS)/stripe-mock
STRIPE_MOCK_V := v0.203.0
CHROMIUM    ?= /usr/bin/chromium
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# MariaDB and Redis of this machine; override to point the tests elsewhere.
COMMERCE_TEST_MYSQL_DSN ?= root@tcp(127.0.0.1:3306)/
COMMERCE_TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
export COMMERCE_TEST_MYSQL_DSN COMMERCE_TEST_REDIS_URL

.PHONY: run build test bench lint vet go-test web web-deps web-test e2e chromium tools clean \
	proto stripe-mock

## run: build the UI and the server, then start the store on :8080
run: build
	./bin/commerce

## build: the server binary with the storefront inside
build: web
	$(GO) build -o bin/commerce ./examples/server

## test: lint, vet, Go tests with race detector on SQLite and MariaDB, UI tests, browser test
test: lint vet go-test web-test e2e

lint: $(GOLANGCI) web-deps
	$(GOLANGCI) run ./...
	cd $(WEB) && npm run lint

vet:
	$(GO) vet ./...

go-test: stripe-mock
	PATH="$(TOOLS):$$PATH" $(GO) test -race -count=1 ./...

## web: build the storefront into dist, only when its sources, package.json or the
## lock file changed since dist/index.html (the build's last output) was written
web: $(WEB)/dist/index.html

WEB_SOURCES := $(shell find $(WEB)/src $(WEB)/public $(WEB)/scripts -type f 2>/dev/null) \
	$(wildcard $(WEB)/index.html $(WEB)/vite.config.* $(WEB)/tsconfig*.json) \
	$(WEB)/package.json $(WEB)/package-lock.json

$(WEB)/dist/index.html: $(WEB_SOURCES) $(WEB)/node_modules/.installed
	cd $(WEB) && npm run build
	touch $@

web-deps: $(WEB)/node_modules/.installed

$(WEB)/node_modules/.installed: $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	touch $@

web-test: web-deps
	cd $(WEB) && npm run typecheck && npm test

## e2e: the storefront in headless Chromium against a freshly built server
e2e: build chromium
	scripts/e2e.sh

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; fi

$(GOLANGCI):
	GOBIN=$(TOOLS) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_V)

## stripe-mock: Stripe's API mock, which the Stripe plugin's tests start
stripe-mock: $(STRIPE_MOCK)

$(STRIPE_MOCK):
	GOBIN=$(TOOLS) $(GO) install github.com/stripe/stripe-mock@$(STRIPE_MOCK_V)

## proto: regenerate the payment plugin protocol's Go code (needs protoc)
proto:
	@command -v protoc >/dev/null || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq protobuf-compiler >/dev/null; }
	GOBIN=$(TOOLS) $(GO) install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
	GOBIN=$(TOOLS) $(GO) install google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.2
	cd plugins/sdk && PATH="$(TOOLS):$$PATH" protoc --go_out=. --go_opt=paths=source_relative \
		--go-grpc_out=. --go-grpc_opt=paths=source_relative proto/gateway.proto

tools: $(GOLANGCI) $(STRIPE_MOCK)

## bench: measure and rewrite BENCHMARKS.md
bench: build
	scripts/bench.sh

clean:
	rm -rf bin $(WEB)/node_modules
