package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/search"
	"github.com/ecommerce-moderno/moderno/search/memory"
)

// engine is what the command measures.
type engine interface {
	search.Searcher
	search.Indexer
}

// row is one engine's figures.
type row struct {
	name         string
	index        time.Duration
	ndcg, recall float64
	lat          map[int][2]time.Duration // clients → p50, p95
}

// clients are the concurrency levels of the latency runs.
var clients = []int{1, 32}

func open(ctx context.Context, name string) (engine, func(), error) {
	syn := search.DefaultSynonyms()
	switch name {
	case "memory":
		return memory.New(memory.Config{Synonyms: syn}), func() {}, nil
	case "bleve":
		return openBleve(syn)
	case "elasticsearch":
		return openElasticsearch(ctx, os.Getenv("COMMERCE_ELASTICSEARCH_URL"), syn)
	}
	return nil, nil, fmt.Errorf("unknown engine %q", name)
}

// measure indexes the catalog into one engine, grades it and times it.
func measure(ctx context.Context, name string, docs []search.Document, j judgments,
	o options, log io.Writer) (row, error) {
	e, closeEngine, err := open(ctx, name)
	if err != nil {
		return row{}, err
	}
	defer closeEngine()
	r := row{name: name, lat: map[int][2]time.Duration{}}
	start := time.Now()
	if err := indexAll(ctx, e, docs); err != nil {
		return r, err
	}
	r.index = time.Since(start)
	fmt.Fprintf(log, "%s: indexed in %s\n", name, r.index.Round(time.Millisecond))

	if err := r.grade(ctx, e, targets(j, docs), o.verbose, log); err != nil {
		return r, err
	}
	if o.profile != "" {
		f, err := os.Create(o.profile)
		if err != nil {
			return r, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return r, err
		}
		defer pprof.StopCPUProfile()
	}
	for _, c := range clients {
		p50, p95, err := latency(ctx, e, j, c, o.requests)
		if err != nil {
			return r, err
		}
		r.lat[c] = [2]time.Duration{p50, p95}
	}
	return r, nil
}

// indexAll writes the catalog in batches of a thousand; an engine that
// rebuilds gets it in one rebuild.
func indexAll(ctx context.Context, e engine, docs []search.Document) error {
	if rb, ok := e.(search.Rebuilder); ok {
		return rb.Rebuild(ctx, func(ctx context.Context, emit func(...search.Document) error) error {
			for i := 0; i < len(docs); i += 1000 {
				if err := emit(docs[i:min(i+1000, len(docs))]...); err != nil {
					return err
				}
			}
			return nil
		})
	}
	for i := 0; i < len(docs); i += 1000 {
		if err := e.Index(ctx, docs[i:min(i+1000, len(docs))]...); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	return nil
}

// grade runs every judged query and averages the figures.
func (r *row) grade(ctx context.Context, e engine, ts []target, verbose bool,
	log io.Writer) error {
	n := 0
	for _, t := range ts {
		if t.relevant == 0 {
			fmt.Fprintf(log, "%s: %q has no relevant product in the catalog; skipped\n",
				r.name, t.Query)
			continue
		}
		res, err := e.Search(ctx, search.Query{Text: t.Query, Limit: 10})
		if err != nil {
			return fmt.Errorf("search %q: %w", t.Query, err)
		}
		q := grade(res.Hits, t)
		r.ndcg, r.recall, n = r.ndcg+q.ndcg, r.recall+q.recall, n+1
		if verbose {
			fmt.Fprintf(log, "%s\t%-8s %-28q nDCG %.2f recall %.2f (%d relevant) %s\n", r.name,
				t.Kind, t.Query, q.ndcg, q.recall, q.relevant, top(res.Hits, 3))
		}
	}
	if n > 0 {
		r.ndcg, r.recall = r.ndcg/float64(n), r.recall/float64(n)
	}
	return nil
}

func top(hits []search.Hit, n int) string {
	var names []string
	for _, h := range hits[:min(n, len(hits))] {
		names = append(names, h.Name)
	}
	return fmt.Sprintf("%q", names)
}

// latency sends requests searches from c clients at once, cycling through
// the judged queries with facets on, and returns the p50 and p95.
func latency(ctx context.Context, e engine, j judgments, c, requests int) (p50, p95 time.Duration,
	err error) {
	took := make([]time.Duration, requests)
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= requests || err != nil {
					return
				}
				q := search.Query{Text: j.Queries[i%len(j.Queries)].Query, Facets: true}
				start := time.Now()
				_, e := e.Search(ctx, q)
				took[i] = time.Since(start)
				// A client waits for the network between requests, which
				// lets another run; without this a goroutine would keep its
				// processor for a whole time slice and the figures would
				// measure the scheduler, not the engine.
				runtime.Gosched()
				if e != nil {
					mu.Lock()
					err = e
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	slices.Sort(took)
	return took[requests/2], took[requests*95/100], err
}

func printTable(w io.Writer, rows []row, docs, queries, requests int) {
	fmt.Fprintf(w, "Search on the demo catalog: %d products, %d judged queries, "+
		"%d searches with facets per latency run.\n\n", docs, queries, requests)
	fmt.Fprintln(w, "| engine | nDCG@10 | recall@10 | p50 1 client | p95 1 client "+
		"| p50 32 clients | p95 32 clients | indexing |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %s | %s | %s | %s | %s |\n", r.name, r.ndcg, r.recall,
			ms(r.lat[1][0]), ms(r.lat[1][1]), ms(r.lat[32][0]), ms(r.lat[32][1]),
			r.index.Round(time.Millisecond))
	}
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}
