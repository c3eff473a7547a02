package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Result is one scenario measured at one concurrency.
type Result struct {
	Scenario    string        `json:"scenario"`
	Concurrency int           `json:"concurrency"`
	Requests    int           `json:"requests"`
	Errors      int           `json:"errors"`
	Elapsed     time.Duration `json:"elapsed_ns"`
	PerSecond   float64       `json:"per_second"`
	P50         time.Duration `json:"p50_ns"`
	P95         time.Duration `json:"p95_ns"`
	P99         time.Duration `json:"p99_ns"`
	// Ceiling is the ceiling's throughput at the same concurrency.
	Ceiling float64 `json:"ceiling_per_second"`
}

// scenario names a load and makes the URL of each request; next must be
// safe to call from many goroutines with their own random sources.
type scenario struct {
	name string
	next func(r *rand.Rand) string
}

// measure runs every scenario at every concurrency, the ceiling first.
func measure(ctx context.Context, o options) ([]Result, error) {
	client := newClient(o.concurrency)
	ceilingURL, stop, err := startCeiling()
	if err != nil {
		return nil, err
	}
	defer stop()
	scenarios, err := discover(ctx, client, o)
	if err != nil {
		return nil, err
	}
	scenarios = slices.DeleteFunc(scenarios, func(s scenario) bool {
		return !strings.Contains(s.name, o.scenario)
	})
	if len(scenarios) == 0 {
		return nil, fmt.Errorf("-scenario %q matches no scenario", o.scenario)
	}
	ceiling := scenario{name: "ceiling: minimal net/http handler",
		next: func(*rand.Rand) string { return ceilingURL }}
	var results []Result
	for _, s := range append([]scenario{ceiling}, scenarios...) {
		for _, c := range o.concurrency {
			load(ctx, client, s, c, o.warmup, o.maxRequests) // warm caches and connections
			r := load(ctx, client, s, c, o.duration, o.maxRequests)
			results = append(results, r)
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
		}
	}
	return withCeiling(results), nil
}

func newClient(concurrency []int) *http.Client {
	most := slices.Max(concurrency)
	t := &http.Transport{MaxIdleConns: most * 2, MaxIdleConnsPerHost: most * 2,
		MaxConnsPerHost: most * 2, IdleConnTimeout: time.Minute, DisableCompression: true}
	return &http.Client{Transport: t, Timeout: 30 * time.Second}
}

// load sends requests from c clients until d passes or max are sent.
func load(ctx context.Context, client *http.Client, s scenario, c int, d time.Duration,
	maxRequests int) Result {
	if d <= 0 {
		return Result{}
	}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      int
		sent      int
		wg        sync.WaitGroup
	)
	take := func() bool { // reserves one request of the budget
		mu.Lock()
		defer mu.Unlock()
		sent++
		return sent <= maxRequests
	}
	start := time.Now()
	for w := range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Which page or id comes next needs spread, not secrecy.
			rng := rand.New(rand.NewPCG(uint64(w), uint64(start.UnixNano()))) //nolint:gosec
			var mine []time.Duration
			bad := 0
			for ctx.Err() == nil && take() {
				lat, ok := once(ctx, client, s.next(rng))
				if ctx.Err() != nil && !ok {
					break // cut by the deadline: not a server error
				}
				mine = append(mine, lat)
				if !ok {
					bad++
				}
			}
			mu.Lock()
			latencies, errs = append(latencies, mine...), errs+bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	return summarize(s.name, c, time.Since(start), latencies, errs)
}

// once sends one GET and reads the whole body; ok is false for a failure
// or a status other than 200.
func once(ctx context.Context, client *http.Client, url string) (time.Duration, bool) {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, false
	}
	resp, err := client.Do(req)
	if err != nil {
		return time.Since(start), false
	}
	_, err = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return time.Since(start), err == nil && resp.StatusCode == http.StatusOK
}

func summarize(name string, c int, elapsed time.Duration, lat []time.Duration,
	errs int) Result {
	slices.Sort(lat)
	r := Result{Scenario: name, Concurrency: c, Requests: len(lat), Errors: errs,
		Elapsed: elapsed}
	if len(lat) == 0 {
		return r
	}
	r.PerSecond = float64(len(lat)) / elapsed.Seconds()
	r.P50, r.P95, r.P99 = quantile(lat, 0.50), quantile(lat, 0.95), quantile(lat, 0.99)
	return r
}

// quantile returns the q-quantile of sorted latencies, nearest rank.
func quantile(sorted []time.Duration, q float64) time.Duration {
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// withCeiling sets each result's ceiling: the first scenario's throughput
// at the same concurrency.
func withCeiling(rs []Result) []Result {
	ceiling := map[int]float64{}
	for _, r := range rs {
		if _, ok := ceiling[r.Concurrency]; !ok {
			ceiling[r.Concurrency] = r.PerSecond
		}
	}
	for i := range rs {
		rs[i].Ceiling = ceiling[rs[i].Concurrency]
	}
	return rs
}

// ratio formats a throughput as a share of its ceiling.
func (r Result) ratio() string {
	if r.Ceiling == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*r.PerSecond/r.Ceiling)
}
