#!/usr/bin/env bash
# Measures the reference server on this machine and rewrites BENCHMARKS.md.
#
# It builds the server and the load generator, starts the server on a free
# loopback port with a data directory of its own (the demo catalog is
# imported there on the first run, about a minute, and reused afterwards),
# runs examples/server/cmd/loadgen at a few concurrency levels against it
# and against a minimal net/http handler (the ceiling), then the Go
# benchmarks of the hot handlers, and writes what it found.
#
# Environment: BENCH_DIR (default data/bench), BENCH_DURATION (default 10s
# per scenario and level), BENCH_CONCURRENCY (default 1,8,32).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${BENCH_DIR:-data/bench}
duration=${BENCH_DURATION:-10s}
concurrency=${BENCH_CONCURRENCY:-1,8,32}
out=BENCHMARKS.md
mkdir -p "$dir" bin

echo "bench: building the server and the load generator" >&2
go build -o bin/commerce ./examples/server
go build -o bin/loadgen ./examples/server/cmd/loadgen

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0))
print(s.getsockname()[1])')
log="$dir/server.log"
# The rate limits (1000/h per address, 100/min for search) would turn the
# load into 429s: the bench measures the handlers, so they are off.
started=$(date +%s.%N)
COMMERCE_ADDR="127.0.0.1:$port" COMMERCE_DATA_DIR="$dir" COMMERCE_LOG_LEVEL=warn \
  COMMERCE_RATE_LIMIT_GENERAL=off COMMERCE_RATE_LIMIT_SEARCH=off \
  ./bin/commerce >"$log" 2>&1 &
pid=$!
stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" && wait "$pid" 2>/dev/null || true
  fi
}
trap stop EXIT

echo "bench: waiting for the server (the first run imports the demo catalog)" >&2
for _ in $(seq 600); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "bench: the server exited; its log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null
ready=$(python3 -c "print(f'{$(date +%s.%N) - $started:.1f} s')")

total=$(curl -fsS "http://127.0.0.1:$port/products?limit=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["pagination"]["total"])')
echo "bench: $total products; measuring for $duration at $concurrency clients" >&2
table=$(./bin/loadgen -target "http://127.0.0.1:$port" -concurrency "$concurrency" \
  -duration "$duration")
stop

echo "bench: search quality and engine latency (examples/searcheval)" >&2
searcheval=$(go run ./examples/searcheval -cache "$dir/searcheval-docs.gob")

echo "bench: Go benchmarks of the hot handlers" >&2
gobench=$(go test -run '^$' -bench . -benchtime 2s ./rest 2>&1 | grep -E '^Benchmark')

commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- . 2>/dev/null || commit="$commit (with uncommitted changes)"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)

cat >"$out" <<MD
# Benchmarks

Written by \`make bench\` (scripts/bench.sh); run it again to refresh.

- Date: $(date -u +"%Y-%m-%d %H:%M UTC")
- Commit: $commit
- Machine: $(nproc) CPUs ($cpu), $mem memory, $(uname -sr)
- Go: $(go env GOVERSION); database: SQLite (the default), $total products of the demo catalog

## Method

The server runs as built (\`bin/commerce\`), with its default configuration
on a loopback port, on the demo catalog imported once into \`$dir\`. The
load generator (\`examples/server/cmd/loadgen\`) runs on the same machine, so
client and server share the CPUs: the figures are for comparing versions on
one machine, not a capacity plan. Each scenario is warmed up, then measured
for $duration at each number of parallel clients (keep-alive connections,
bodies read in full). Latency percentiles are nearest-rank over every
request.

- The listing asks for a filtered, sorted page of the whole catalog: the
  category with most products (with its subcategories), by price, 20 per
  page, a random page among the first 50.
- The product page asks for random ids drawn from pages spread over the
  whole catalog.
- The ceiling is a minimal net/http handler the load generator serves
  itself during the same run, answering a short JSON body: what this
  machine, net/http and this client reach with no application at all. The
  last column is each figure's throughput as a share of the ceiling's at
  the same number of clients.

## Results

$table

## Search

Through the server: the \`GET /search/products\` rows above (the embedded
engine, every query with its facets, drawn from a list of plain, accentless,
plural, misspelt, synonym and brand queries). The server answered /health
$ready after it was launched; with the catalog already imported, that is
almost all the building of the embedded index from the database (it holds
no index on disk and builds one at every start).

Quality and engine latency, \`go run ./examples/searcheval\`: the judged
queries of \`examples/searcheval/testdata/judgments.json\` over the same
demo catalog, each engine called directly (no HTTP), latency with 1 and 32
concurrent clients. Elasticsearch is measured only when
COMMERCE_ELASTICSEARCH_URL names a server.

$searcheval

## Go benchmarks

\`go test -bench . ./rest\` over a 5,000-product SQLite fixture, handlers
called directly (no network):

\`\`\`
$gobench
\`\`\`
MD
echo "bench: wrote $out" >&2
