package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search/searchtest"
)

// TestSearchContract runs the engine contract on the engine the server
// wires for its configuration: the embedded one, or Elasticsearch when
// COMMERCE_ELASTICSEARCH_URL is set.
func TestSearchContract(t *testing.T) {
	url := os.Getenv("COMMERCE_ELASTICSEARCH_URL")
	n := 0
	searchtest.Run(t, func(t *testing.T, sc searchtest.Config) searchtest.Engine {
		n++
		cfg := Config{ElasticsearchURL: url,
			SearchIndex: "servertest-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "-" +
				strconv.Itoa(n)}
		e, embedded, err := newSearchEngine(cfg, sc.Synonyms, sc.PriceRanges, nil)
		if err != nil {
			t.Fatal(err)
		}
		if url != "" && embedded {
			t.Fatal("COMMERCE_ELASTICSEARCH_URL is set but the server wired the embedded engine")
		}
		if url == "" && !embedded {
			t.Fatal("no Elasticsearch is configured but the server did not wire the embedded one")
		}
		return e
	})
}

func TestSearchAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	m, logs := startMain(t, testConfig(t.TempDir()))
	if !strings.Contains(logs.String(), "search index built") {
		t.Errorf("start logs lack the search index being built:\n%s", logs)
	}

	// A product's own name finds it, with facets and completions.
	list := fetchJSON(t, m, "/products?limit=1&sort=name", http.StatusOK)
	first := list["data"].([]any)[0].(map[string]any)
	name := first["name"].(string)
	res := fetchJSON(t, m, "/search/products?q="+url.QueryEscape(name), http.StatusOK)
	if !hasProduct(res, first["id"].(float64)) {
		t.Errorf("/search/products?q=%s = %v; want product %v", name, res, first["id"])
	}
	for _, key := range []string{"results", "aggregations", "suggestions", "total", "took"} {
		if _, ok := res[key]; !ok {
			t.Errorf("/search/products lacks %q: %v", key, res)
		}
	}
	aggs := res["aggregations"].(map[string]any)
	if len(aggs["categories"].([]any)) == 0 || len(aggs["price_ranges"].([]any)) == 0 {
		t.Errorf("aggregations = %v; want categories and price ranges", aggs)
	}

	// A category facet narrows the same search to its count.
	for _, c := range aggs["categories"].([]any) {
		cat := c.(map[string]any)
		in := fetchJSON(t, m, "/search/products?q="+url.QueryEscape(name)+"&filters[category]="+
			strconv.FormatFloat(cat["id"].(float64), 'f', 0, 64), http.StatusOK)
		if in["total"] != cat["count"] {
			t.Errorf("filtered by category %v: total %v; want the facet's count %v",
				cat["name"], in["total"], cat["count"])
		}
	}

	word := strings.Fields(name)[0]
	sug := fetchJSON(t, m, "/search/suggestions?q="+url.QueryEscape(word[:min(3, len(word))]),
		http.StatusOK)
	if len(sug["data"].([]any)) == 0 {
		t.Errorf("/search/suggestions?q=%s = %v; want completions", word[:3], sug)
	}
}

func hasProduct(res map[string]any, id float64) bool {
	for _, r := range res["results"].([]any) {
		if r.(map[string]any)["id"] == id {
			return true
		}
	}
	return false
}

// TestSearchFollowsCatalog edits a product's name through the catalog
// service, as the admin API does, and wants the new name found within a
// second.
func TestSearchFollowsCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	m, _ := startMain(t, accountsConfig(t.TempDir()))
	ctx := context.Background()
	list := fetchJSON(t, m, "/products?limit=1", http.StatusOK)
	slug := list["data"].([]any)[0].(map[string]any)["slug"].(string)
	p, err := m.catalog.Product(ctx, commerce.System, slug)
	if err != nil {
		t.Fatal(err)
	}
	const newName = "Zapallito Xilofónico Edición Quetzal"
	query := "/search/products?q=" + url.QueryEscape("zapallito xilofonico quetzal")
	if hasProduct(fetchJSON(t, m, query, http.StatusOK), float64(p.ID)) {
		t.Fatalf("%s finds product %d before its name changed", query, p.ID)
	}
	// Staff rename it through the admin API.
	code, token := login(t, m, "jefa@tienda.cl", adminPassword)
	if code != http.StatusOK {
		t.Fatalf("admin login = %d", code)
	}
	type variant struct {
		Name string `json:"name"`
		SKU  string `json:"sku"`
	}
	body := map[string]any{"name": newName, "slug": p.Slug, "sku": p.SKU,
		"price": json.Number(p.Price.Amount().String()), "category_id": p.CategoryID, "active": true}
	if p.BrandID != 0 {
		body["brand_id"] = p.BrandID
	}
	var variants []variant
	for _, v := range p.Variants {
		variants = append(variants, variant{Name: v.Name, SKU: v.SKU})
	}
	if len(variants) > 0 {
		body["variants"] = variants
	}
	data, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	code, _, answer := send(t, m, http.MethodPut, "/products/"+strconv.FormatInt(int64(p.ID), 10),
		string(data), map[string]string{"Authorization": "Bearer " + token})
	if code != http.StatusOK {
		t.Fatalf("PUT /products/%d = %d %s", p.ID, code, answer)
	}
	deadline := time.Now().Add(time.Second)
	for !hasProduct(fetchJSON(t, m, query, http.StatusOK), float64(p.ID)) {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not find product %d a second after its name changed", query, p.ID)
		}
		time.Sleep(10 * time.Millisecond)
	}

	// Deleting it takes it out of the search.
	if err := m.catalog.DeleteProduct(ctx, commerce.System, p.ID); err != nil {
		t.Fatal(err)
	}
	deadline = time.Now().Add(time.Second)
	for hasProduct(fetchJSON(t, m, query, http.StatusOK), float64(p.ID)) {
		if time.Now().After(deadline) {
			t.Fatalf("%s still finds product %d a second after it was deleted", query, p.ID)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestSearchBadRequests wants a clear 400 for every malformed search, never
// a 500.
func TestSearchBadRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	m, _ := startMain(t, testConfig(t.TempDir()))
	for _, path := range []string{
		"/search/products?page=0", "/search/products?page=abc", "/search/products?limit=101",
		"/search/products?sort=cheapest", "/search/products?filters[price_min]=-5",
		"/search/products?filters[price_min]=10&filters[price_max]=5",
		"/search/products?filters[price_max]=1e9", "/search/products?filters[in_stock]=yes",
		"/search/products?filters[category]=no-existe", "/search/products?filters[brand]=nada",
		"/search/products?filters[color]=rojo", "/search/products?q=a&q=b",
		"/search/products?q=" + strings.Repeat("x", 201), "/search/products?q=%ZZ",
		"/search/products?q=%00", "/search/suggestions?limit=0", "/search/suggestions?x=1",
	} {
		resp, body := fetch(t, m, path)
		if resp.StatusCode != http.StatusBadRequest ||
			!strings.Contains(string(body), `"error"`) {
			t.Errorf("GET %s = %d %s; want 400 with a JSON error", path, resp.StatusCode, body)
		}
	}
	for _, path := range []string{"/search/products", "/search/products?q=",
		"/search/products?q=%E2%9C%93", "/search/suggestions", "/search/suggestions?q=%21%21",
		"/search/products?q=" + url.QueryEscape(`"\*?~^`)} {
		if resp, body := fetch(t, m, path); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d %s; want 200", path, resp.StatusCode, body)
		}
	}
}

// TestReindexCommand runs "commerce reindex" on a seeded data directory.
func TestReindexCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	dir := t.TempDir()
	first, _ := startMain(t, testConfig(dir))
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	code := run(context.Background(), []string{"reindex"},
		env(map[string]string{"COMMERCE_DATA_DIR": dir}), &out, &errs)
	if code != 0 || !strings.Contains(out.String(), "indexed ") {
		t.Errorf("commerce reindex = %d, %q %q; want 0 and the count", code, out.String(),
			errs.String())
	}
}

// TestSyncQueueRetries makes the index fail twice and wants the event
// delivered anyway, after the failures were logged.
func TestSyncQueueRetries(t *testing.T) {
	var calls atomic.Int32
	delivered := make(chan struct{})
	handle := func(_ context.Context, e commerce.Event) error {
		if calls.Add(1) <= 2 {
			return errors.New("index down")
		}
		close(delivered)
		return nil
	}
	logs := &logBuffer{}
	q := newSyncQueue(handle, slog.New(slog.NewJSONHandler(logs, nil)), time.Millisecond)
	err := q.Publish(context.Background(), commerce.Event{Name: "x", Key: "product:1"})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-delivered:
	case <-time.After(10 * time.Second):
		t.Fatalf("the event was not delivered after %d tries", calls.Load())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := q.Close(ctx); err != nil {
		t.Errorf("Close = %v", err)
	}
	if n := strings.Count(logs.String(), "will be retried"); n != 2 {
		t.Errorf("logged %d retries; want 2:\n%s", n, logs)
	}
}

// TestSyncQueueCloseReportsLeftovers wants Close to say how many events
// never reached the index.
func TestSyncQueueCloseReportsLeftovers(t *testing.T) {
	q := newSyncQueue(func(context.Context, commerce.Event) error {
		return errors.New("index down")
	}, slog.New(slog.DiscardHandler), time.Hour)
	_ = q.Publish(context.Background(), commerce.Event{Name: "x", Key: "product:1"})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := q.Close(ctx); err == nil || !strings.Contains(err.Error(), "1 events") {
		t.Errorf("Close = %v; want 1 event reported", err)
	}
}
