package rest_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/rest"
)

// tree flattens the category tree to "slug:count" in depth-first order.
func tree(nodes []any, prefix string) []string {
	var out []string
	for _, n := range nodes {
		m := n.(map[string]any)
		out = append(out, prefix+m["slug"].(string)+":"+string(m["product_count"].(json.Number)))
		out = append(out, tree(m["children"].([]any), prefix+"  ")...)
	}
	return out
}

func TestCategories(t *testing.T) {
	f := newFixture(t)
	rec := f.get(t, "/categories")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /categories = %d %s", rec.Code, rec.Body)
	}
	got := tree(decode(t, rec)["data"].([]any), "")
	// The hidden product is not counted and the hidden category not shown.
	want := []string{"electronica:3", "  computacion:2", "    notebooks:1", "supermercado:1",
		"  lacteos:1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GET /categories = %v; want %v", got, want)
	}
}

func TestBrands(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"acme", "la-serenisima"}},
		{"search=sere", []string{"la-serenisima"}},
		{"search=La%20Seren%C3%ADsima", []string{"la-serenisima"}},
		{"search=ACM", []string{"acme"}},
		{"search=zzz", []string{}},
		{"limit=1", []string{"acme"}},
	}
	for _, tt := range tests {
		rec := f.get(t, "/brands?"+tt.query)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET /brands?%s = %d %s", tt.query, rec.Code, rec.Body)
		}
		if got := slugs(t, decode(t, rec)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("GET /brands?%s = %v; want %v", tt.query, got, tt.want)
		}
	}
}

func TestHealth(t *testing.T) {
	f := newFixture(t)
	rec := f.get(t, "/health")
	body := decode(t, rec)
	if rec.Code != http.StatusOK || body["status"] != "ok" {
		t.Fatalf("GET /health = %d %v; want 200 ok", rec.Code, body)
	}
	f.checkErr = errors.New("disk on fire")
	rec = f.get(t, "/health")
	body = decode(t, rec)
	checks := body["checks"].(map[string]any)
	if rec.Code != http.StatusServiceUnavailable || checks["database"] != "failing" {
		t.Errorf("GET /health with a failing check = %d %v; want 503 naming database",
			rec.Code, body)
	}
	if strings.Contains(rec.Body.String(), "fire") {
		t.Errorf("GET /health shows the check's error: %s", rec.Body)
	}
	if !strings.Contains(f.logs.String(), "disk on fire") {
		t.Errorf("log = %q; want the failing check's error", f.logs.String())
	}
}

func TestRequestID(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		incoming string
		keep     bool
	}{
		{"abc-123_X.y", true},
		{"", false},
		{strings.Repeat("a", 65), false},
		{"bad id", false},
		{"<script>", false},
	}
	for _, tt := range tests {
		rec := f.get(t, "/health", rest.RequestIDHeader, tt.incoming)
		got := rec.Header().Get(rest.RequestIDHeader)
		switch {
		case tt.keep && got != tt.incoming:
			t.Errorf("X-Request-ID %q came back as %q; want it kept", tt.incoming, got)
		case !tt.keep && (got == tt.incoming || len(got) != 26):
			t.Errorf("X-Request-ID %q came back as %q; want a new ULID", tt.incoming, got)
		}
	}
}

func TestConditionalGet(t *testing.T) {
	f := newFixture(t)
	for _, target := range []string{"/products?sort=name", "/products/mouse-optico",
		"/categories", "/brands"} {
		rec := f.get(t, target)
		tag := rec.Header().Get("ETag")
		if tag == "" || rec.Header().Get("Cache-Control") != "public, max-age=30" {
			t.Fatalf("GET %s: ETag %q, Cache-Control %q; want both", target, tag,
				rec.Header().Get("Cache-Control"))
		}
		again := f.get(t, target, "If-None-Match", tag)
		if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
			t.Errorf("GET %s with If-None-Match = %d; want 304 without body", target, again.Code)
		}
		if other := f.get(t, target, "If-None-Match", `"other"`); other.Code != http.StatusOK {
			t.Errorf("GET %s with another tag = %d; want 200", target, other.Code)
		}
	}
}

func TestRoutes(t *testing.T) {
	f := newFixture(t)
	rec := f.get(t, "/nope")
	if rec.Code != http.StatusNotFound || decode(t, rec)["error"] == nil {
		t.Errorf("GET /nope = %d %s; want a JSON 404", rec.Code, rec.Body)
	}
	req := httptest.NewRequest(http.MethodPost, "/products", strings.NewReader("{}"))
	w := httptest.NewRecorder()
	f.handler.ServeHTTP(w, req)
	if w.Code != http.StatusMethodNotAllowed || decode(t, w)["error"] == nil {
		t.Errorf("POST /products = %d %s; want a JSON 405", w.Code, w.Body)
	}
	head := httptest.NewRequest(http.MethodHead, "/products", nil)
	w = httptest.NewRecorder()
	f.handler.ServeHTTP(w, head)
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("HEAD /products = %d with %d bytes; want 200 without body", w.Code, w.Body.Len())
	}
}

func TestOwns(t *testing.T) {
	h := newFixture(t).handler
	for path, want := range map[string]bool{"/products": true, "/products/x/y": true,
		"/categories": true, "/cart": true, "/": false, "/catalogo": false,
		"/producto/leche": false, "/productos": false, "/assets/app.js": false} {
		if got := h.Owns(path); got != want {
			t.Errorf("Owns(%q) = %v; want %v", path, got, want)
		}
	}
}

// TestInternalError closes the database under the handler: the client gets
// a generic 500 and the log the cause, once, with the request id.
func TestInternalError(t *testing.T) {
	f := newFixture(t)
	_ = f.db.Close()
	rec := f.get(t, "/products", rest.RequestIDHeader, "req-42")
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("GET /products on a closed database = %d; want 500", rec.Code)
	}
	e := decode(t, rec)["error"].(map[string]any)
	if e["code"] != "internal" || e["message"] != "error interno" || e["request_id"] != "req-42" {
		t.Errorf("error = %v; want internal, error interno, req-42", e)
	}
	if strings.Contains(rec.Body.String(), "sql") {
		t.Errorf("body leaks the cause: %s", rec.Body)
	}
	logs := f.logs.String()
	if strings.Count(logs, `"request_id":"req-42"`) != 1 || !strings.Contains(logs, "closed") {
		t.Errorf("log = %q; want one line with the request id and the cause", logs)
	}
}

func TestAuthenticate(t *testing.T) {
	f := newFixtureWith(t, func(c *rest.Config) {
		c.Authenticate = func(r *http.Request) (commerce.Principal, error) {
			switch r.Header.Get("Authorization") {
			case "":
				return commerce.Anonymous, nil
			case "Bearer staff":
				return commerce.User(7, commerce.RoleManager), nil
			case "Bearer boom":
				panic("boom")
			}
			return commerce.Anonymous, commerce.Errorf(commerce.KindUnauthenticated, "auth",
				"sesión no válida")
		}
	})
	if rec := f.get(t, "/products/producto-oculto"); rec.Code != http.StatusNotFound {
		t.Errorf("anonymous GET of a hidden product = %d; want 404", rec.Code)
	}
	rec := f.get(t, "/products/producto-oculto", "Authorization", "Bearer staff")
	if rec.Code != http.StatusOK || rec.Header().Get("Cache-Control") != "private, no-cache" {
		t.Errorf("staff GET of a hidden product = %d, Cache-Control %q; want 200 private",
			rec.Code, rec.Header().Get("Cache-Control"))
	}
	if rec := f.get(t, "/products", "Authorization", "Bearer bad"); rec.Code != 401 {
		t.Errorf("GET with bad credentials = %d; want 401", rec.Code)
	}
	if rec := f.get(t, "/products", "Authorization", "Bearer boom"); rec.Code != 500 {
		t.Errorf("GET whose authenticator panics = %d; want 500", rec.Code)
	}
}

// TestRegisterUnderPrefix mounts the API on a program's own router, as an
// embedding program would.
func TestRegisterUnderPrefix(t *testing.T) {
	f := newFixture(t)
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("home")) })
	r.Route("/api", f.handler.Register)
	req := httptest.NewRequest(http.MethodGet, "/api/products/mouse-optico", nil)
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Header().Get(rest.RequestIDHeader) == "" {
		t.Errorf("GET /api/products/mouse-optico = %d %s; want 200 with a request id",
			rec.Code, rec.Body)
	}
}
