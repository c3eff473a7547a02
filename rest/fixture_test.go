package rest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/rest"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
)

// fixture is a small catalog in a real SQLite database behind the API:
//
//	electronica > computacion > notebooks; supermercado > lacteos; oculta (hidden)
//	notebook-pro-14  899990 notebooks   acme          featured, 2 variants, stock 5
//	mouse-optico      12990 computacion acme          stock 0
//	monitor-27       249990 electronica (no brand)    stock 3
//	leche-entera-1-l   1290 lacteos     la-serenisima stock 50
//	producto-oculto    5000 lacteos     (inactive)    stock 9
//
// Products are created in that order, a minute apart.
type fixture struct {
	db       *sqlite.DB
	catalog  *catalog.Service
	handler  *rest.Handler
	ids      map[string]int64 // by slug, products and categories alike
	logs     *syncBuffer
	checkErr error
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	return newFixtureWith(t, func(*rest.Config) {})
}

func newFixtureWith(t testing.TB, configure func(*rest.Config)) *fixture {
	t.Helper()
	return newFixtureOver(t, func(_ *fixture, c *rest.Config) { configure(c) })
}

// newFixtureOver is newFixtureWith for a configuration that needs the
// fixture's database.
func newFixtureOver(t testing.TB, configure func(*fixture, *rest.Config)) *fixture {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2025, 1, 2, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := commerce.ClockFunc(func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Minute)
		return now
	})
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "rest.db"), sqlite.Options{Clock: clock})
	if err != nil {
		t.Fatalf("sqlite.Open = %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("Migrate = %v", err)
	}
	f := &fixture{db: db, ids: map[string]int64{}, logs: &syncBuffer{},
		catalog: catalog.NewService(db, catalog.Config{Clock: clock})}
	f.load(t, inventory.NewService(db, inventory.Config{Clock: clock}))
	cfg := rest.Config{
		Catalog:  f.catalog,
		Logger:   slog.New(slog.NewJSONHandler(f.logs, nil)),
		CacheTTL: -1,
		Checks:   map[string]func(context.Context) error{"database": f.check},
	}
	configure(f, &cfg)
	f.handler = rest.New(cfg)
	return f
}

func (f *fixture) check(ctx context.Context) error {
	if f.checkErr != nil {
		return f.checkErr
	}
	return f.db.Ping(ctx)
}

func (f *fixture) load(t testing.TB, inv *inventory.Service) {
	t.Helper()
	ctx, sys := context.Background(), commerce.System
	cat := func(name, slug, parent string, active bool) commerce.CategoryID {
		c := catalog.Category{Name: name, Slug: slug, Active: active,
			ParentID: commerce.CategoryID(f.ids[parent])}
		must(t, f.catalog.CreateCategory(ctx, sys, &c))
		f.ids[slug] = int64(c.ID)
		return c.ID
	}
	electronica := cat("Electrónica", "electronica", "", true)
	computacion := cat("Computación", "computacion", "electronica", true)
	notebooks := cat("Notebooks", "notebooks", "computacion", true)
	cat("Supermercado", "supermercado", "", true)
	lacteos := cat("Lácteos", "lacteos", "supermercado", true)
	cat("Oculta", "oculta", "", false)

	acme := catalog.Brand{Name: "Acme", Slug: "acme"}
	must(t, f.catalog.CreateBrand(ctx, sys, &acme))
	sere := catalog.Brand{Name: "La Serenísima", Slug: "la-serenisima"}
	must(t, f.catalog.CreateBrand(ctx, sys, &sere))

	big := clp("999990")
	products := []catalog.Product{
		{Name: "Notebook Pro 14", SKU: "NB-14", Price: clp("899990"), ComparePrice: &big,
			CategoryID: notebooks, BrandID: acme.ID, Featured: true,
			Images:     []catalog.Image{{URL: "https://img.test/nb.jpg", Alt: "Notebook"}},
			Attributes: []catalog.Attribute{{Name: "pantalla", Value: "14 pulgadas"}},
			Variants: []catalog.Variant{
				{Name: "16 GB", SKU: "NB-14-16", Active: true,
					Options: []catalog.Option{{Name: "memoria", Value: "16 GB"}}},
				{Name: "32 GB", SKU: "NB-14-32", Price: &big, Active: true,
					Options: []catalog.Option{{Name: "memoria", Value: "32 GB"}}},
			}},
		{Name: "Mouse Óptico", SKU: "MO-1", Price: clp("12990"), CategoryID: computacion,
			BrandID: acme.ID},
		{Name: "Monitor 27", SKU: "MN-27", Price: clp("249990"), CategoryID: electronica},
		{Name: "Leche Entera 1 L", SKU: "LE-1", Price: clp("1290"), CategoryID: lacteos,
			BrandID: sere.ID, Description: "Leche de vaca entera"},
		{Name: "Producto Oculto", SKU: "PO-1", Price: clp("5000"), CategoryID: lacteos},
	}
	for i := range products {
		p := &products[i]
		p.Active = p.SKU != "PO-1"
		must(t, f.catalog.CreateProduct(ctx, sys, p))
		f.ids[p.Slug] = int64(p.ID)
	}
	f.stock(t, inv, products)
}

func (f *fixture) stock(t testing.TB, inv *inventory.Service, ps []catalog.Product) {
	t.Helper()
	ctx := context.Background()
	w, err := inv.EnsureWarehouse(ctx, commerce.System,
		inventory.Warehouse{Code: "SCL-1", Name: "Santiago", Active: true})
	must(t, err)
	nb := ps[0]
	levels := []inventory.Level{
		{ProductID: nb.ID, VariantID: nb.Variants[0].ID, WarehouseID: w.ID, Quantity: 2},
		{ProductID: nb.ID, VariantID: nb.Variants[1].ID, WarehouseID: w.ID, Quantity: 3},
		{ProductID: ps[2].ID, WarehouseID: w.ID, Quantity: 3},
		{ProductID: ps[3].ID, WarehouseID: w.ID, Quantity: 50},
		{ProductID: ps[4].ID, WarehouseID: w.ID, Quantity: 9},
	}
	must(t, inv.SetLevels(ctx, commerce.System, levels))
}

// get serves a GET of target, a path with an optional raw query taken as
// it is (the tests send malformed ones), and returns the recorded response.
func (f *fixture) get(t testing.TB, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.URL.Path, req.URL.RawQuery, _ = strings.Cut(target, "?")
	req.RequestURI = target
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	f.handler.ServeHTTP(rec, req)
	return rec
}

// decode reads a JSON body into a generic value, failing on bad JSON.
func decode(t testing.TB, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("Content-Type = %q; want JSON", ct)
	}
	var v map[string]any
	dec := json.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("body %q is not JSON: %v", rec.Body.String(), err)
	}
	return v
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func clp(s string) commerce.Money {
	return commerce.NewMoney(decimal.RequireFromString(s), commerce.CLP)
}

// syncBuffer is a log sink the handler may write from several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var _ io.Writer = (*syncBuffer)(nil)
