// Command loadgen measures the reference server on this machine: the
// throughput and latency percentiles of a filtered, sorted product listing
// over the whole catalog, of product pages at random ids, and, as the
// ceiling, of a minimal net/http handler it serves itself in the same run.
// It only ever sends to loopback addresses, and every measurement is
// bounded in time and in count.
//
//	loadgen -target http://127.0.0.1:8080 -concurrency 1,8,32 -duration 10s
//
// It prints a Markdown table (or JSON with -json) on stdout.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"
)

// options are the command's flags.
type options struct {
	target      string
	concurrency []int
	duration    time.Duration
	warmup      time.Duration
	maxRequests int
	category    string
	scenario    string // measure only the scenarios whose name holds it
	json        bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	opts, err := parseOptions(args)
	if err != nil {
		return err
	}
	if err := checkLoopback(opts.target); err != nil {
		return err
	}
	results, err := measure(ctx, opts)
	if err != nil {
		return err
	}
	if opts.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(results)
	}
	return writeTable(stdout, results)
}

func parseOptions(args []string) (options, error) {
	var (
		o     options
		conc  string
		flags = flag.NewFlagSet("loadgen", flag.ContinueOnError)
	)
	flags.StringVar(&o.target, "target", "http://127.0.0.1:8080", "the server's base URL (loopback)")
	flags.StringVar(&conc, "concurrency", "1,8,32", "comma-separated numbers of parallel clients")
	flags.DurationVar(&o.duration, "duration", 10*time.Second, "measuring time per scenario and level")
	flags.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured load before each scenario")
	flags.IntVar(&o.maxRequests, "max-requests", 500_000, "requests per measurement at most")
	flags.StringVar(&o.category, "category", "", "category slug to list; the biggest root when empty")
	flags.StringVar(&o.scenario, "scenario", "",
		"measure only the scenarios whose name contains this, such as /search (the ceiling always)")
	flags.BoolVar(&o.json, "json", false, "print JSON instead of a Markdown table")
	if err := flags.Parse(args); err != nil {
		return o, err
	}
	for _, f := range strings.Split(conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 1024 {
			return o, fmt.Errorf("-concurrency %q: want numbers from 1 to 1024", conc)
		}
		o.concurrency = append(o.concurrency, n)
	}
	if o.duration <= 0 || o.duration > 10*time.Minute || o.warmup < 0 || o.maxRequests < 1 {
		return o, errors.New("-duration must be within (0, 10m], -warmup >= 0, -max-requests >= 1")
	}
	return o, nil
}
