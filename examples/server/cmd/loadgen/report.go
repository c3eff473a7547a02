package main

import (
	"fmt"
	"io"
	"time"
)

// writeTable prints the results as a Markdown table.
func writeTable(w io.Writer, rs []Result) error {
	_, err := fmt.Fprintln(w, "| scenario | clients | requests | errors | req/s | p50 | p95 | p99 "+
		"| of ceiling |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	if err != nil {
		return err
	}
	for _, r := range rs {
		_, err := fmt.Fprintf(w, "| %s | %d | %d | %d | %.0f | %s | %s | %s | %s |\n",
			r.Scenario, r.Concurrency, r.Requests, r.Errors, r.PerSecond, ms(r.P50), ms(r.P95),
			ms(r.P99), r.ratio())
		if err != nil {
			return err
		}
	}
	return nil
}

// ms formats a latency in milliseconds with three significant digits.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	case v >= 10:
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.2f ms", v)
}
