package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	driver "github.com/go-sql-driver/mysql"
)

// mysqlDSNVariable switches the MariaDB run of the end-to-end test on, as
// in storage/mysql: the DSN of a server whose user may create databases.
const mysqlDSNVariable = "COMMERCE_TEST_MYSQL_DSN"

// demoLimit keeps the test's demo import small: this many records of each
// source.
const demoLimit = 40

// storefrontFiles stands for a built storefront.
var storefrontFiles = fstest.MapFS{
	"index.html":              {Data: []byte("<!doctype html><title>Tienda</title>")},
	"assets/index-a1b2c3.js":  {Data: []byte("console.log('tienda')")},
	"assets/index-d4e5f6.css": {Data: []byte("body{}")},
	"favicon.svg":             {Data: []byte("<svg/>")},
}

// testConfig is a configuration on a free loopback port with SQLite in dir.
func testConfig(dir string) Config {
	return Config{Addr: "127.0.0.1:0", DataDir: dir,
		DatabaseURL: "sqlite:" + filepath.Join(dir, "commerce.db"), LogLevel: slog.LevelInfo,
		ShutdownTimeout: 5 * time.Second}
}

// startMain runs a Main and closes it when the test ends. Its logs go to
// the returned buffer.
func startMain(t *testing.T, cfg Config, configure ...func(*Main)) (*Main, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	m := NewMain(cfg, slog.New(slog.NewJSONHandler(logs, nil)))
	m.Web, m.DemoLimit = storefrontFiles, demoLimit
	for _, c := range configure {
		c(m)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := m.Run(ctx); err != nil {
		_ = m.Close()
		t.Fatalf("Run = %v; logs:\n%s", err, logs)
	}
	t.Cleanup(func() {
		if err := m.Close(); err != nil {
			t.Errorf("Close = %v", err)
		}
	})
	if m.ready != nil && m.ready.built != nil {
		<-m.ready.built // the tests search a built index
	}
	return m, logs
}

// reply is a response with its body read.
type reply struct {
	StatusCode int
	Header     http.Header
}

// fetch GETs path from m and returns the response with its body read.
func fetch(t *testing.T, m *Main, path string) (reply, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet,
		"http://"+m.Addr()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", path, err)
	}
	return reply{resp.StatusCode, resp.Header}, body
}

// fetchJSON GETs path, wants the status, and decodes the body.
func fetchJSON(t *testing.T, m *Main, path string, want int) map[string]any {
	t.Helper()
	resp, body := fetch(t, m, path)
	if resp.StatusCode != want {
		t.Fatalf("GET %s = %d %s; want %d", path, resp.StatusCode, body, want)
	}
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("GET %s: body %q is not JSON: %v", path, body, err)
	}
	return v
}

func TestEndToEndSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	dir := t.TempDir()
	m, logs := startMain(t, testConfig(dir))
	checkStore(t, m, logs)
}

func TestEndToEndMariaDB(t *testing.T) {
	dsn := os.Getenv(mysqlDSNVariable)
	if dsn == "" {
		t.Skip(mysqlDSNVariable + " is not set")
	}
	cfg := testConfig(t.TempDir())
	cfg.DatabaseURL = createMySQLDatabase(t, dsn)
	m, logs := startMain(t, cfg)
	checkStore(t, m, logs)
}

// checkStore walks the API and the storefront of a freshly seeded store.
func checkStore(t *testing.T, m *Main, logs *logBuffer) {
	t.Helper()
	if h := fetchJSON(t, m, "/health", http.StatusOK); h["status"] != "ok" {
		t.Errorf("/health = %v; want ok", h)
	}

	// The listing holds the imported products; the first one has a page.
	list := fetchJSON(t, m, "/products?sort=price_asc&limit=5", http.StatusOK)
	total := list["pagination"].(map[string]any)["total"].(float64)
	data := list["data"].([]any)
	if total == 0 || len(data) == 0 {
		t.Fatalf("/products = %v; want imported products", list)
	}
	slug := data[0].(map[string]any)["slug"].(string)
	p := fetchJSON(t, m, "/products/"+slug, http.StatusOK)["data"].(map[string]any)
	if p["slug"] != slug || len(p["category_path"].([]any)) == 0 {
		t.Errorf("/products/%s = %v; want the product with its category path", slug, p)
	}
	fetchJSON(t, m, "/products/no-existe-este-producto", http.StatusNotFound)
	fetchJSON(t, m, "/products?limit=1000", http.StatusBadRequest)

	// The category tree counts every imported product.
	cats := fetchJSON(t, m, "/categories", http.StatusOK)["data"].([]any)
	counted := 0.0
	for _, c := range cats {
		counted += c.(map[string]any)["product_count"].(float64)
	}
	if len(cats) == 0 || counted != total {
		t.Errorf("/categories counts %v products in %d roots; want %v", counted, len(cats), total)
	}
	checkStorefront(t, m)
	if !strings.Contains(logs.String(), `"route":"/products/{ref}"`) {
		t.Errorf("logs lack a request line with the route template:\n%s", logs)
	}
}

// checkStorefront checks the fallback to index.html and the cache headers.
func checkStorefront(t *testing.T, m *Main) {
	t.Helper()
	for _, path := range []string{"/", "/catalogo", "/categoria/lacteos/yogures",
		"/producto/leche-entera", "/buscar?q=leche", "/carrito"} {
		resp, body := fetch(t, m, path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "<title>Tienda") ||
			resp.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s = %d %q, Cache-Control %q; want index.html, no-cache", path,
				resp.StatusCode, body, resp.Header.Get("Cache-Control"))
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp,
			"script-src 'self';") || strings.Contains(csp, "stripe") {
			t.Errorf("GET %s CSP = %q; want the storefront's", path, csp)
		}
	}
	resp, _ := fetch(t, m, "/assets/index-a1b2c3.js")
	if resp.StatusCode != http.StatusOK ||
		!strings.Contains(resp.Header.Get("Cache-Control"), "immutable") ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("GET an asset = %d, %v; want 200, immutable, JavaScript", resp.StatusCode,
			resp.Header)
	}
	for path, want := range map[string]int{"/assets/missing-123.js": 404, "/products/a/b": 404,
		"/cart/nada": 404, "/cart": 200} {
		if resp, _ := fetch(t, m, path); resp.StatusCode != want {
			t.Errorf("GET %s = %d; want %d", path, resp.StatusCode, want)
		}
	}
	// A route of the API asked with a method it does not serve is a 405
	// naming its own methods, never a 404 or the storefront's.
	for _, c := range []struct{ method, path, allow string }{
		{http.MethodGet, "/cart/items", "POST"},
		{http.MethodHead, "/cart/items", "POST"},
		{"FOO", "/cart/items", "POST"},
		{http.MethodPost, "/cart", "GET, HEAD, DELETE"},
	} {
		code, h, _ := send(t, m, c.method, c.path, "", nil)
		if code != http.StatusMethodNotAllowed || h.Get("Allow") != c.allow {
			t.Errorf("%s %s = %d, Allow %q; want 405, Allow %q", c.method, c.path, code,
				h.Get("Allow"), c.allow)
		}
	}
	resp, _ = fetch(t, m, "/products")
	for name, want := range map[string]string{"X-Content-Type-Options": "nosniff",
		"X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin"} {
		if got := resp.Header.Get(name); got != want {
			t.Errorf("%s = %q; want %q", name, got, want)
		}
	}
	if len(resp.Header.Get("X-Request-ID")) != 26 {
		t.Errorf("X-Request-ID = %q; want a ULID", resp.Header.Get("X-Request-ID"))
	}
}

func TestRestartKeepsCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	dir := t.TempDir()
	first, _ := startMain(t, testConfig(dir))
	total := fetchJSON(t, first, "/products", 200)["pagination"].(map[string]any)["total"]
	if err := first.Close(); err != nil {
		t.Fatalf("Close = %v", err)
	}
	second, logs := startMain(t, testConfig(dir))
	if !strings.Contains(logs.String(), "demo import skipped") {
		t.Errorf("second start logs:\n%s\nwant the import skipped", logs)
	}
	again := fetchJSON(t, second, "/products", 200)["pagination"].(map[string]any)["total"]
	if again != total {
		t.Errorf("after a restart /products total = %v; want %v", again, total)
	}
}

func TestStorefrontNotBuilt(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	m, _ := startMain(t, testConfig(t.TempDir()), func(m *Main) { m.Web = fstest.MapFS{} })
	resp, body := fetch(t, m, "/catalogo")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body),
		"make run") {
		t.Errorf("GET /catalogo without a storefront = %d %q; want 503 saying make run",
			resp.StatusCode, body)
	}
}

// createMySQLDatabase creates a database of a random name on the server of
// dsn, drops it when the test ends, and returns its COMMERCE_DATABASE_URL.
func createMySQLDatabase(t *testing.T, dsn string) string {
	t.Helper()
	cfg, err := driver.ParseDSN(dsn)
	if err != nil {
		t.Fatalf("%s: %v", mysqlDSNVariable, err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "moderno_e2e_" + hex.EncodeToString(b)
	cfg.DBName = ""
	conn, err := driver.NewConnector(cfg)
	if err != nil {
		t.Fatal(err)
	}
	server := sql.OpenDB(conn)
	t.Cleanup(func() { _ = server.Close() })
	ctx := context.Background()
	_, err = server.ExecContext(ctx, "CREATE DATABASE "+name+
		" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
	if err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() { _, _ = server.ExecContext(ctx, "DROP DATABASE "+name) })
	u := url.URL{Scheme: "mysql", User: url.UserPassword(cfg.User, cfg.Passwd), Host: cfg.Addr,
		Path: "/" + name}
	if cfg.Passwd == "" {
		u.User = url.User(cfg.User)
	}
	return u.String()
}

// logBuffer collects logs written from the server's goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestRunFailsClearly(t *testing.T) {
	if testing.Short() {
		t.Skip("imports part of the demo catalog")
	}
	first, _ := startMain(t, testConfig(t.TempDir()))
	cfg := testConfig(t.TempDir())
	cfg.Addr = first.Addr()
	second := NewMain(cfg, slog.New(slog.DiscardHandler))
	second.Web, second.DemoLimit = storefrontFiles, demoLimit
	err := second.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "listen on") {
		t.Errorf("Run on a taken port = %v; want a listen error", err)
	}
	if err := second.Close(); err != nil {
		t.Errorf("Close after a failed Run = %v; want nil", err)
	}
}
