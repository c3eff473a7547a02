package rest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/cart/carttest"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/rest"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
)

// shopEnv is a set of stores the shop routes run on: the checkout
// contract's Env and a cart store over the same products.
type shopEnv struct {
	checkouttest.Env
	Carts cart.Store
	// Catalog serves the catalog routes; an empty one will do.
	CatalogService *catalog.Service
}

// memoryShop returns a shopEnv over the in-memory stores, with an empty
// SQLite catalog behind the catalog routes.
func memoryShop(t *testing.T) shopEnv {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "catalog.db"), sqlite.Options{})
	must(t, err)
	t.Cleanup(func() { _ = db.Close() })
	must(t, db.Migrate(ctx))
	return shopEnv{Env: checkouttest.MemoryEnv(t), Carts: carttest.NewMemory(),
		CatalogService: catalog.NewService(db, catalog.Config{})}
}

// shop is the API with the shop routes over an env, and who uses it.
type shop struct {
	env     shopEnv
	clock   *checkouttest.Clock
	orders  *order.Service
	handler *rest.Handler
	wh      commerce.WarehouseID
	manager commerce.Principal
	admin   commerce.Principal
}

// testAuth reads "Authorization: Test <user id> <role>", the principal the
// tests inject; any other request is anonymous.
func testAuth(r *http.Request) (commerce.Principal, error) {
	f := strings.Fields(r.Header.Get("Authorization"))
	if len(f) != 3 || f[0] != "Test" {
		return commerce.Anonymous, nil
	}
	id, _ := strconv.ParseInt(f[1], 10, 64)
	return commerce.User(commerce.UserID(id), commerce.Role(f[2])), nil
}

// shopOption changes the configuration of newShop's services.
type shopOption func(s *shop, co *checkout.Config, api *rest.Config)

func newShop(t *testing.T, env shopEnv, opts ...shopOption) *shop {
	t.Helper()
	s := &shop{env: env, clock: checkouttest.NewClock(), wh: env.AddWarehouse(t)}
	s.manager = commerce.User(env.AddCustomer(t), commerce.RoleManager)
	s.admin = commerce.User(env.AddCustomer(t), commerce.RoleAdmin)
	s.orders = order.NewService(env.Orders, order.Config{Clock: s.clock})
	carts := cart.NewService(env.Carts, cart.Config{Catalog: env.Catalog, Clock: s.clock,
		MaxQuantity: 20})
	coCfg := checkout.Config{Catalog: env.Catalog, Orders: s.orders, Carts: carts,
		Clock: s.clock, MaxQuantity: 20}
	apiCfg := rest.Config{Catalog: env.CatalogService, Authenticate: testAuth,
		Carts: carts, Orders: s.orders,
		Idempotency: checkout.NewIdempotency(env.Keys, checkout.IdempotencyConfig{
			Clock: s.clock}),
	}
	for _, o := range opts {
		o(s, &coCfg, &apiCfg)
	}
	apiCfg.Checkout = checkout.NewService(env.Store, coCfg)
	s.handler = rest.New(apiCfg)
	return s
}

// customer returns a new signed-in customer.
func (s *shop) customer(t *testing.T) commerce.Principal {
	t.Helper()
	return commerce.User(s.env.AddCustomer(t), commerce.RoleCustomer)
}

// product stores an active product at a price with units in the shop's
// warehouse, and optional variants with their units.
func (s *shop) product(t *testing.T, name string, price int64, units int,
	variants ...int) catalog.Product {
	t.Helper()
	return s.productWith(t, catalog.Product{Name: name, SKU: name, Slug: strings.ToLower(name),
		Active: true, Price: commerce.FromMinor(price, commerce.CLP)}, units, variants...)
}

// productWith stores p, active or not, as product does.
func (s *shop) productWith(t *testing.T, p catalog.Product, units int,
	variants ...int) catalog.Product {
	t.Helper()
	for i := range variants {
		p.Variants = append(p.Variants, catalog.Variant{Name: "V" + strconv.Itoa(i),
			SKU: p.SKU + "-" + strconv.Itoa(i), Active: true})
	}
	s.env.AddProduct(t, &p)
	if len(variants) == 0 {
		s.env.SetLevels(t, inventory.Level{ProductID: p.ID, WarehouseID: s.wh, Quantity: units})
	}
	for i, n := range variants {
		s.env.SetLevels(t, inventory.Level{ProductID: p.ID, VariantID: p.Variants[i].ID,
			WarehouseID: s.wh, Quantity: n})
	}
	return p
}

// level returns the quantity and reserved units of a product's own level.
func (s *shop) level(t *testing.T, p commerce.ProductID) (quantity, reserved int) {
	t.Helper()
	for _, l := range s.env.Levels(t, p) {
		if l.VariantID == 0 && l.WarehouseID == s.wh {
			return l.Quantity, l.Reserved
		}
	}
	t.Fatalf("no level of product %d", p)
	return 0, 0
}

// call is one request to the API.
type call struct {
	method, path string
	body         any                // JSON-encoded unless a string
	as           commerce.Principal // anonymous when zero
	header       map[string]string
}

// do serves the call and returns the recorded response.
func (s *shop) do(t testing.TB, c call) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(c.method, c.path, requestBody(t, c.body))
	if c.as.UserID != 0 {
		req.Header.Set("Authorization", "Test "+strconv.FormatInt(int64(c.as.UserID), 10)+
			" "+string(c.as.Role))
	}
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, req)
	return rec
}

func requestBody(t testing.TB, body any) io.Reader {
	t.Helper()
	switch b := body.(type) {
	case nil:
		return http.NoBody
	case string:
		return strings.NewReader(b)
	}
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(raw)
}

// expect fails unless the response has the status; it returns the body.
func expect(t testing.TB, rec *httptest.ResponseRecorder, code int) map[string]any {
	t.Helper()
	if rec.Code != code {
		t.Fatalf("status %d, want %d: %s", rec.Code, code, rec.Body)
	}
	if rec.Code == http.StatusNoContent {
		return nil
	}
	return decode(t, rec)
}

// fieldsOf returns the field names of an error body.
func fieldsOf(body map[string]any) []string {
	e, _ := body["error"].(map[string]any)
	fs, _ := e["fields"].([]any)
	var out []string
	for _, f := range fs {
		out = append(out, f.(map[string]any)["field"].(string))
	}
	return out
}

func codeOf(body map[string]any) string {
	e, _ := body["error"].(map[string]any)
	s, _ := e["code"].(string)
	return s
}

// address is a shipping address in the Metropolitan region.
func address() map[string]any {
	return map[string]any{"name": "Ana Rojas", "street": "Av. Providencia 1234",
		"city": "Santiago", "region": "Metropolitana", "country": "Chile",
		"postal_code": "7500000"}
}

// orderBody is a POST /orders body buying qty units of a product.
func orderBody(p commerce.ProductID, qty int) map[string]any {
	return map[string]any{"items": []any{map[string]any{"product_id": p, "quantity": qty}},
		"shipping_address": address(), "payment_method": "bank_transfer"}
}

// place places an order for a customer and returns its id.
func (s *shop) place(t testing.TB, as commerce.Principal, p commerce.ProductID,
	qty int) commerce.OrderID {
	t.Helper()
	body := expect(t, s.do(t, call{method: http.MethodPost, path: "/orders",
		body: orderBody(p, qty), as: as}), http.StatusCreated)
	return commerce.OrderID(idOf(t, body))
}

// idOf returns data.id of a response body.
func idOf(t testing.TB, body map[string]any) int64 {
	t.Helper()
	id, err := body["data"].(map[string]any)["id"].(json.Number).Int64()
	if err != nil {
		t.Fatalf("data.id: %v in %v", err, body)
	}
	return id
}

func path(format string, id any) string {
	return strings.Replace(format, "{id}", toString(id), 1)
}

func toString(v any) string {
	switch x := v.(type) {
	case commerce.OrderID:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case json.Number:
		return x.String()
	}
	return ""
}
