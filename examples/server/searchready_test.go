package main

import (
	"encoding/json"
	"net/http"
	"testing"
)

// TestSearchWhileIndexBuilds: the port opens before the index is built;
// until it is, search answers 503 search_unavailable with Retry-After and
// /health names the search check as failing.
func TestSearchWhileIndexBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	m, _ := startMain(t, testConfig(t.TempDir()))
	if m.ready == nil || !m.ready.ready.Load() {
		t.Fatal("startMain returned before the index was built")
	}
	type errBody struct {
		Error struct{ Code string } `json:"error"`
	}
	m.ready.ready.Store(false) // as while the build runs
	for _, path := range []string{"/search/products?q=leche", "/search/suggestions?q=lec"} {
		code, h, body := send(t, m, http.MethodGet, path, "", nil)
		var e errBody
		_ = json.Unmarshal([]byte(body), &e)
		if code != http.StatusServiceUnavailable || e.Error.Code != "search_unavailable" ||
			h.Get("Retry-After") != "5" {
			t.Errorf("GET %s while building = %d %s, Retry-After %q; want 503 "+
				"search_unavailable, 5", path, code, body, h.Get("Retry-After"))
		}
	}
	code, _, body := send(t, m, http.MethodGet, "/health", "", nil)
	var health struct{ Checks map[string]string }
	_ = json.Unmarshal([]byte(body), &health)
	if code != http.StatusServiceUnavailable || health.Checks["search"] != "failing" {
		t.Errorf("/health while building = %d %s; want 503 with search failing", code, body)
	}
	m.ready.ready.Store(true)
	if code, _, body := send(t, m, http.MethodGet, "/search/products?q=leche", "", nil); code !=
		http.StatusOK {
		t.Errorf("GET /search/products once built = %d %s; want 200", code, body)
	}
	if code, _, body := send(t, m, http.MethodGet, "/health", "", nil); code != http.StatusOK {
		t.Errorf("/health once built = %d %s; want 200", code, body)
	}
}
