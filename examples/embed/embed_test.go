package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
)

// stock puts a product with 5 units in the shop's file, as the shop's
// owner would through an admin.
func stock(t *testing.T, path string) commerce.ProductID {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cat := catalog.NewService(db, catalog.Config{})
	c := catalog.Category{Name: "Almacén", Slug: "almacen", Active: true}
	p := catalog.Product{Name: "Yerba Mate 1 kg", SKU: "YM-1", Active: true,
		Price: commerce.FromMinor(4990, commerce.CLP)}
	if err := cat.CreateCategory(ctx, commerce.System, &c); err != nil {
		t.Fatal(err)
	}
	p.CategoryID = c.ID
	if err := cat.CreateProduct(ctx, commerce.System, &p); err != nil {
		t.Fatal(err)
	}
	inv := inventory.NewService(db, inventory.Config{})
	w, err := inv.EnsureWarehouse(ctx, commerce.System,
		inventory.Warehouse{Code: "LOCAL", Name: "Local", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	err = inv.SetLevels(ctx, commerce.System, []inventory.Level{{ProductID: p.ID,
		WarehouseID: w.ID, Quantity: 5}})
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}

type client struct {
	t    *testing.T
	base string
	user string // basic auth user, "" for a guest
	hdr  map[string]string
}

func (c client) do(method, path, body string) (int, http.Header, map[string]any) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if c.user != "" {
		req.SetBasicAuth(c.user, users[c.user].password)
	}
	for k, v := range c.hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var v map[string]any
	_ = json.Unmarshal(raw, &v)
	return resp.StatusCode, resp.Header, v
}

// TestBuyThroughTheProgram browses, fills a guest cart, signs in with the
// program's own sign-in and buys through the program's own mux.
func TestBuyThroughTheProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tienda.db")
	product := stock(t, path)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	handler, closeDB, err := newServer(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = closeDB() }()
	srv := httptest.NewServer(handler)
	defer srv.Close()

	guest := client{t: t, base: srv.URL}
	resp, err := http.Get(srv.URL + "/")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("the program's own page = %v, %v", resp, err)
	}
	_ = resp.Body.Close()
	if code, _, body := guest.do("GET", "/api/products", ""); code != http.StatusOK ||
		len(body["data"].([]any)) != 1 {
		t.Fatalf("GET /api/products = %d %v; want the product", code, body)
	}
	code, hdr, _ := guest.do("POST", "/api/cart/items",
		`{"product_id":`+itoa(product)+`,"quantity":2}`)
	token := hdr.Get("X-Cart-Token")
	if code != http.StatusCreated || token == "" {
		t.Fatalf("guest add to cart = %d, token %q", code, token)
	}

	ana := client{t: t, base: srv.URL, user: "ana", hdr: map[string]string{
		"X-Cart-Token": token, "Idempotency-Key": "compra-1"}}
	order := `{"shipping_address":{"street":"Los Aromos 12","city":"Valparaíso",` +
		`"region":"Valparaíso"},"payment_method":"cash_on_delivery","items":null}`
	code, hdr, body := ana.do("POST", "/api/orders", order)
	if code != http.StatusCreated {
		t.Fatalf("POST /api/orders = %d %v", code, body)
	}
	placed, location := body["data"].(map[string]any), hdr.Get("Location")
	if placed["subtotal"] != 9980.0 || !strings.HasPrefix(location, "/orders/") {
		t.Errorf("order subtotal %v, Location %q; want 2 × 4990", placed["subtotal"], location)
	}
	if code, hdr, _ = ana.do("POST", "/api/orders", order); code != http.StatusCreated ||
		hdr.Get("Idempotent-Replayed") != "true" {
		t.Errorf("retry = %d, replayed %q; want the first answer replayed", code,
			hdr.Get("Idempotent-Replayed"))
	}
	ana.hdr = nil
	if code, _, body = ana.do("GET", "/api/orders", ""); code != http.StatusOK ||
		len(body["data"].([]any)) != 1 {
		t.Errorf("ana's orders = %d %v; want one", code, body)
	}
	beto := client{t: t, base: srv.URL, user: "beto"}
	if code, _, _ = beto.do("GET", "/api"+location, ""); code != http.StatusNotFound {
		t.Errorf("beto reads ana's order: %d; want 404", code)
	}
	_, _, body = guest.do("GET", "/api/products/"+itoa(product), "")
	if stock := body["data"].(map[string]any)["stock"]; stock != 3.0 {
		t.Errorf("stock after the order = %v; want 3", stock)
	}
}

func itoa(id commerce.ProductID) string { return strconv.FormatInt(int64(id), 10) }
