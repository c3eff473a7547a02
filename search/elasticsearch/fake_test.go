package elasticsearch

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
	"github.com/ecommerce-moderno/moderno/search/searchtest"
)

// fake is an Elasticsearch that records requests and answers each with
// what its handler for the path says.
type fake struct {
	mu     sync.Mutex
	calls  []string // "METHOD /path?query"
	bodies []string
	answer func(method, path string) (int, string)
}

func (f *fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.calls = append(f.calls, r.Method+" "+r.URL.Path+query(r))
	f.bodies = append(f.bodies, string(data))
	f.mu.Unlock()
	status, body := f.answer(r.Method, r.URL.Path)
	w.Header().Set("X-Elastic-Product", "Elasticsearch")
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func query(r *http.Request) string {
	if r.URL.RawQuery == "" {
		return ""
	}
	return "?" + r.URL.RawQuery
}

// openFake returns an engine talking to a fake server.
func openFake(t *testing.T, answer func(method, path string) (int, string)) (*Engine, *fake) {
	t.Helper()
	f := &fake{answer: answer}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	e, err := New(Config{Addresses: []string{srv.URL}, Refresh: true})
	if err != nil {
		t.Fatal(err)
	}
	n := int64(0)
	e.now = func() int64 { n++; return n }
	return e, f
}

const ok = `{"acknowledged":true}`

func TestIndexAndDeleteSendBulk(t *testing.T) {
	e, f := openFake(t, func(string, string) (int, string) {
		return 200, `{"errors":true,"items":[{"delete":{"_id":"9","status":404}}]}`
	})
	docs := searchtest.Documents()[:2]
	if err := e.Index(context.Background(), docs...); err != nil {
		t.Fatalf("Index = %v", err)
	}
	if err := e.Delete(context.Background(), 9); err != nil {
		t.Fatalf("Delete(missing) = %v; want nil", err)
	}
	const bulk = "POST /products/_bulk?refresh=wait_for&timeout=30000ms"
	if got := f.calls; len(got) != 2 || got[0] != bulk {
		t.Fatalf("calls = %q", got)
	}
	lines := strings.Split(strings.TrimSpace(f.bodies[0]), "\n")
	if len(lines) != 4 || lines[0] != `{"index":{"_id":"1"}}` ||
		!strings.Contains(lines[1], `"name":"Smartphone Samsung Galaxy S21 128GB"`) ||
		!strings.Contains(lines[1], `"price":699990`) {
		t.Errorf("bulk body = %q", lines)
	}
	if want := `{"delete":{"_id":"9"}}` + "\n"; f.bodies[1] != want {
		t.Errorf("delete body = %q; want %q", f.bodies[1], want)
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
	}{
		{"item failed", 200, `{"errors":true,"items":[{"index":{"_id":"1","status":400,` +
			`"error":{"type":"mapper_parsing_exception"}}}]}`},
		{"cluster down", 503, `{"error":"unavailable"}`},
		{"bad answer", 200, `not json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := openFake(t, func(string, string) (int, string) { return tt.status, tt.body })
			err := e.Index(context.Background(), searchtest.Documents()[0])
			if commerce.ErrorKind(err) != commerce.KindUnavailable || !errors.Is(err, errUnavailable) {
				t.Errorf("Index = %v; want an error of kind unavailable", err)
			}
		})
	}
	e, err := New(Config{Addresses: []string{"http://127.0.0.1:1"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Search(context.Background(), search.Query{Text: "leche"})
	if commerce.ErrorKind(err) != commerce.KindUnavailable {
		t.Errorf("Search(no server) = %v; want kind unavailable", err)
	}
}

func TestEnsureCreatesIndexAndAlias(t *testing.T) {
	e, f := openFake(t, func(method, path string) (int, string) {
		if path == "/_alias/products" {
			return 404, `{"error":"alias [products] missing","status":404}`
		}
		return 200, ok
	})
	if err := e.Ensure(context.Background()); err != nil {
		t.Fatalf("Ensure = %v", err)
	}
	want := []string{"GET /_alias/products", "PUT /products-1", "POST /_aliases"}
	if strings.Join(f.calls, ",") != strings.Join(want, ",") {
		t.Fatalf("calls = %q; want %q", f.calls, want)
	}
	if !strings.Contains(f.bodies[1], `"spanish_stemmer"`) {
		t.Errorf("index settings = %s; want the Spanish analysis", f.bodies[1])
	}
	if want := `{"actions":[{"add":{"alias":"products","index":"products-1"}}]}`; f.bodies[2] != want {
		t.Errorf("aliases = %s; want %s", f.bodies[2], want)
	}
}

func TestRebuildSwapsAlias(t *testing.T) {
	e, f := openFake(t, func(method, path string) (int, string) {
		switch {
		case path == "/_alias/products":
			return 200, `{"products-0":{"aliases":{"products":{}}}}`
		case strings.HasSuffix(path, "/_bulk"):
			return 200, `{"errors":false,"items":[]}`
		}
		return 200, ok
	})
	docs := searchtest.Documents()
	err := e.Rebuild(context.Background(), func(ctx context.Context,
		emit func(...search.Document) error) error {
		if err := emit(docs[:3]...); err != nil {
			return err
		}
		return e.Index(ctx, docs[3]) // a write during the rebuild
	})
	if err != nil {
		t.Fatalf("Rebuild = %v", err)
	}
	want := []string{
		"GET /_alias/products", "PUT /products-1", "POST /products-1/_bulk?timeout=30000ms",
		"POST /products/_bulk?refresh=wait_for&timeout=30000ms",
		"POST /products-1/_bulk?timeout=30000ms", "POST /products-1/_refresh", "POST /_aliases",
		"DELETE /products-0",
	}
	if strings.Join(f.calls, "\n") != strings.Join(want, "\n") {
		t.Fatalf("calls =\n%s\nwant\n%s", strings.Join(f.calls, "\n"), strings.Join(want, "\n"))
	}
	swap := `{"actions":[{"remove":{"alias":"products","index":"products-0"}},` +
		`{"add":{"alias":"products","index":"products-1"}}]}`
	if f.bodies[6] != swap {
		t.Errorf("swap = %s; want %s", f.bodies[6], swap)
	}
}

func TestRebuildFailureKeepsIndex(t *testing.T) {
	e, f := openFake(t, func(method, path string) (int, string) {
		if path == "/_alias/products" {
			return 200, `{"products-0":{"aliases":{"products":{}}}}`
		}
		return 200, ok
	})
	boom := errors.New("database down")
	fail := func(context.Context, func(...search.Document) error) error { return boom }
	err := e.Rebuild(context.Background(), fail)
	if !errors.Is(err, boom) {
		t.Fatalf("Rebuild = %v; want %v", err, boom)
	}
	want := []string{"GET /_alias/products", "PUT /products-1", "DELETE /products-1"}
	if strings.Join(f.calls, ",") != strings.Join(want, ",") {
		t.Errorf("calls = %q; want %q", f.calls, want)
	}
}

func TestSearchReadsAnswer(t *testing.T) {
	answer := `{"hits":{"total":{"value":2},"hits":[
	  {"_score":3.5,"_source":{"id":5,"sku":"FIX-05","name":"Leche Entera","price":1090,
	   "currency":"CLP","available":100,"category_id":11,"category_ids":[10,11],
	   "category_names":["Supermercado","Lácteos"],"brand":"La Serenísima","brand_id":4}}]},
	 "aggregations":{
	  "categories":{"buckets":[{"key":"11\u001f10\u001fLácteos","doc_count":2}]},
	  "brands":{"buckets":[{"key":"4\u001fLa Serenísima","doc_count":1}]},
	  "prices":{"buckets":[{"key":"$1.000 a $10.000","doc_count":2},
	    {"key":"menos de $1.000","doc_count":0}]}},
	 "suggest":{"fix":[{"text":"lehce","options":[{"text":"leche"}]},
	   {"text":"entera","options":[]}]}}`
	e, _ := openFake(t, func(string, string) (int, string) { return 200, answer })
	e.cfg.PriceRanges = searchtest.PriceRanges()
	res, err := e.Search(context.Background(), search.Query{Text: "lehce entera", Facets: true})
	if err != nil {
		t.Fatalf("Search = %v", err)
	}
	if res.Total != 2 || len(res.Hits) != 1 || res.Hits[0].Score != 3.5 {
		t.Fatalf("result = %+v", res)
	}
	h := res.Hits[0]
	if h.Name != "Leche Entera" || h.Price.Minor() != 1090 || len(h.CategoryPath) != 2 ||
		h.CategoryPath[1].Name != "Lácteos" || h.Brand != "La Serenísima" {
		t.Errorf("hit = %+v", h.Document)
	}
	if res.DidYouMean != "leche entera" {
		t.Errorf("DidYouMean = %q; want %q", res.DidYouMean, "leche entera")
	}
	f := res.Facets
	if len(f.Categories) != 1 || f.Categories[0].ParentID != 10 || f.Categories[0].Count != 2 ||
		len(f.Brands) != 1 || f.Brands[0].ID != 4 || len(f.Prices) != 1 || f.Prices[0].Min != 1000 {
		t.Errorf("facets = %+v", f)
	}
}
