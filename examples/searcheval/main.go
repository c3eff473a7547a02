// Command searcheval measures the search engines on the demo catalog: the
// quality of their answers to a judged set of queries (nDCG@10 and
// recall@10) and their latency (p50 and p95 with 1 and 32 concurrent
// clients). It imports the demo catalog into a temporary SQLite database,
// indexes it into every engine through search.Syncer, and prints one
// Markdown table.
//
//	go run ./examples/searcheval                 # the embedded engines
//	go run ./examples/searcheval -v              # and each query's figures
//	COMMERCE_ELASTICSEARCH_URL=http://127.0.0.1:9200 go run ./examples/searcheval
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "searcheval:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	engines   []string
	judgments string
	limit     int
	requests  int
	verbose   bool
	cache     string
	profile   string
}

func parse(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("searcheval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	engines := fs.String("engines", "memory,bleve",
		"engines to measure; elasticsearch is added when COMMERCE_ELASTICSEARCH_URL is set")
	var o options
	fs.StringVar(&o.judgments, "judgments", "", "judged queries to use instead of the shipped ones")
	fs.IntVar(&o.limit, "limit", 0, "import at most this many products of each source (0: all)")
	fs.IntVar(&o.requests, "requests", 3000, "searches per latency run")
	fs.BoolVar(&o.verbose, "v", false, "print each query's figures")
	fs.StringVar(&o.cache, "cache", "", "keep the imported documents in this file and reuse them")
	fs.StringVar(&o.profile, "cpuprofile", "", "write a CPU profile of the latency runs here")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.engines = strings.Split(*engines, ",")
	if os.Getenv("COMMERCE_ELASTICSEARCH_URL") != "" && !contains(o.engines, "elasticsearch") {
		o.engines = append(o.engines, "elasticsearch")
	}
	return o, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parse(args, stderr)
	if err != nil {
		return err
	}
	judged, err := readJudgments(o.judgments)
	if err != nil {
		return err
	}
	start := time.Now()
	docs, err := cachedDocuments(ctx, o, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "catalog: %d documents in %s\n", len(docs), since(start))

	var rows []row
	for _, name := range o.engines {
		r, err := measure(ctx, name, docs, judged, o, stderr)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		rows = append(rows, r)
	}
	printTable(stdout, rows, len(docs), len(judged.Queries), o.requests)
	return nil
}

func since(t time.Time) time.Duration { return time.Since(t).Round(time.Millisecond) }
