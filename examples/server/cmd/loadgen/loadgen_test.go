package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestCheckLoopback(t *testing.T) {
	for target, ok := range map[string]bool{
		"http://127.0.0.1:8080": true, "http://127.1.2.3:1": true, "http://[::1]:80": true,
		"http://localhost:9": true, "http://10.0.0.1:80": false, "http://192.168.1.1": false,
		"http://example.com": false, "https://127.0.0.1": false, "127.0.0.1:80": false,
	} {
		if err := checkLoopback(target); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v; want ok %v", target, err, ok)
		}
	}
}

func TestQuantile(t *testing.T) {
	var lat []time.Duration
	for i := 1; i <= 100; i++ {
		lat = append(lat, time.Duration(i))
	}
	for q, want := range map[float64]time.Duration{0.5: 50, 0.95: 95, 0.99: 99, 1: 100} {
		if got := quantile(lat, q); got != want {
			t.Errorf("quantile(1..100, %v) = %v; want %v", q, got, want)
		}
	}
}

// fakeStore answers the three routes loadgen uses.
func fakeStore() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/categories":
			fmt.Fprint(w, `{"data":[{"slug":"small","product_count":1},`+
				`{"slug":"big","product_count":9}]}`)
		case r.URL.Path == "/products" && r.URL.Query().Get("category") == "big":
			fmt.Fprint(w, `{"data":[]}`)
		case r.URL.Path == "/products":
			fmt.Fprint(w, `{"data":[{"id":7},{"id":8}],"pagination":{"pages":3}}`)
		case strings.HasPrefix(r.URL.Path, "/products/7"):
			fmt.Fprint(w, `{"data":{}}`)
		case r.URL.Path == "/search/products" && r.URL.Query().Get("q") != "":
			fmt.Fprint(w, `{"results":[],"total":0}`)
		default:
			http.NotFound(w, r) // product 8: counted as an error
		}
	})
}

func TestRun(t *testing.T) {
	srv := httptest.NewServer(fakeStore())
	defer srv.Close()
	var out bytes.Buffer
	args := []string{"-target", srv.URL, "-concurrency", "1,2", "-duration", "150ms",
		"-warmup", "10ms", "-max-requests", "40"}
	if err := run(context.Background(), args, &out); err != nil {
		t.Fatalf("run = %v", err)
	}
	table := out.String()
	for _, want := range []string{"ceiling", "category=big", "GET /products/{id}", "| 2 |",
		"GET /search/products?q=..."} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	if lines := strings.Count(table, "\n"); lines != 2+4*2 {
		t.Errorf("table has %d lines; want 10:\n%s", lines, table)
	}
}

func TestRunBounded(t *testing.T) {
	srv := httptest.NewServer(fakeStore())
	defer srv.Close()
	client := newClient([]int{4})
	r := load(context.Background(), client, scenario{name: "list",
		next: func(*rand.Rand) string { return srv.URL + "/products" }}, 4, time.Minute, 25)
	if r.Requests != 25 {
		t.Errorf("load with a budget of 25 sent %d", r.Requests)
	}
}
