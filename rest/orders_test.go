package rest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/rest"
)

// shopSuite runs the shop's HTTP tests on the stores of open.
func shopSuite(t *testing.T, open func(t *testing.T) shopEnv) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s *shop)
	}{
		{"ServerPrices", testServerPrices},
		{"OrderValidation", testOrderValidation},
		{"ConcurrentCheckouts", testConcurrentCheckouts},
		{"IdempotentCheckout", testIdempotentCheckout},
		{"OrderPrivacy", testOrderPrivacy},
		{"StatusTransitions", testStatusTransitions},
		{"CheckoutFromCart", testCheckoutFromCart},
		{"DoubleSubmittedCart", testDoubleSubmittedCart},
		{"GuestCart", testGuestCart},
		{"CartValidation", testCartValidation},
		{"AdminOrders", testAdminOrders},
		{"ShippingMethods", testShippingMethods},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, newShop(t, open(t))) })
	}
	t.Run("RetryAfterFault", func(t *testing.T) { testRetryAfterFault(t, open(t)) })
}

func TestShopMemory(t *testing.T) { shopSuite(t, memoryShop) }

func data(body map[string]any) map[string]any { return body["data"].(map[string]any) }

func num(v any) string { return fmt.Sprint(v) }

func testServerPrices(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 10)
	ana := s.customer(t)
	body := orderBody(te.ID, 2)
	body["items"].([]any)[0].(map[string]any)["price"] = 1
	body["total"] = 1
	got := data(expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: body,
		as: ana}), http.StatusCreated))
	line := got["lines"].([]any)[0].(map[string]any)
	if num(line["unit_price"]) != "2990" || num(got["subtotal"]) != "5980" ||
		num(got["item_count"]) != "2" || line["variant_id"] != nil {
		t.Errorf("line %v, subtotal %v; want the catalog price 2990, 5980", line["unit_price"],
			got["subtotal"])
	}
	// Without shipping_method: the cheapest that serves the region.
	if got["shipping_method"] != "despacho" || num(got["total"]) == "5980" {
		t.Errorf("shipping %v, total %v; want home delivery added", got["shipping_method"],
			got["total"])
	}
}

func testOrderValidation(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 10)
	polera := strconv.FormatInt(int64(s.product(t, "Polera", 9990, 0, 4).ID), 10)
	old := strconv.FormatInt(int64(s.productWith(t, catalog.Product{Name: "Viejo",
		SKU: "VIEJO", Slug: "viejo", Price: commerce.FromMinor(100, commerce.CLP)}, 5).ID), 10)
	ana := s.customer(t)
	id := strconv.FormatInt(int64(te.ID), 10)
	rest := `,"shipping_address":{"street":"A 1","city":"Santiago","region":"RM"},` +
		`"payment_method":"bank_transfer"}`
	tests := []struct {
		name, body string
		fields     []string
	}{
		{"zero", `{"items":[{"product_id":` + id + `,"quantity":0}]` + rest,
			[]string{"items[0].quantity"}},
		{"negative", `{"items":[{"product_id":` + id + `,"quantity":-1}]` + rest,
			[]string{"items[0].quantity"}},
		{"fraction", `{"items":[{"product_id":` + id + `,"quantity":1.5}]` + rest,
			[]string{"items[0].quantity"}},
		{"string", `{"items":[{"product_id":` + id + `,"quantity":"2"}]` + rest,
			[]string{"items[0].quantity"}},
		{"a billion", `{"items":[{"product_id":` + id + `,"quantity":1000000000}]` + rest,
			[]string{"items[0].quantity"}},
		{"missing product", `{"items":[{"product_id":999999,"quantity":1}]` + rest,
			[]string{"items[0].product_id"}},
		{"no product", `{"items":[{"quantity":1}]` + rest, []string{"items[0].product_id"}},
		{"inactive product", `{"items":[{"product_id":` + old + `,"quantity":1}]` + rest,
			[]string{"items[0].product_id"}},
		{"unknown variant", `{"items":[{"product_id":` + polera + `,"variant_id":999999,` +
			`"quantity":1}]` + rest, []string{"items[0].variant_id"}},
		{"second item", `{"items":[{"product_id":` + id + `,"quantity":1},{"product_id":` +
			id + `,"quantity":1.5}]` + rest, []string{"items[1].quantity"}},
		{"unknown payment", `{"items":[{"product_id":` + id + `,"quantity":1}],` +
			`"shipping_address":{"street":"A 1","city":"Santiago","region":"RM"},` +
			`"payment_method":"stripe"}`, []string{"payment_method"}},
		{"no address", `{"items":[{"product_id":` + id + `,"quantity":1}],` +
			`"payment_method":"bank_transfer"}`, []string{"shipping_address"}},
		{"unknown shipping", `{"items":[{"product_id":` + id + `,"quantity":1}],` +
			`"shipping_method":"dron",` + rest[1:], []string{"shipping_method"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := expect(t, s.do(t, call{method: http.MethodPost, path: "/orders",
				body: tt.body, as: ana}), http.StatusUnprocessableEntity)
			if got := fieldsOf(body); !reflect.DeepEqual(got, tt.fields) {
				t.Errorf("fields = %v; want %v", got, tt.fields)
			}
		})
	}
	expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: orderBody(te.ID, 1)}),
		http.StatusUnauthorized)
	if q, r := s.level(t, te.ID); q != 10 || r != 0 {
		t.Errorf("stock after refused orders = %d/%d reserved; want 10/0", q, r)
	}
}

// testConcurrentCheckouts starts 200 checkouts at once, over real HTTP, for
// a product with 50 units: exactly 50 orders, the rest out of stock, and
// the units add up through cancellation and shipment.
func testConcurrentCheckouts(t *testing.T, s *shop) {
	const buyers, units = 200, 50
	te := s.product(t, "Te", 2990, units)
	srv := httptest.NewServer(s.handler)
	defer srv.Close()
	customers := make([]commerce.Principal, buyers)
	for i := range customers {
		customers[i] = s.customer(t)
	}
	codes := make([]int, buyers)
	bodies := make([]string, buyers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range buyers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			codes[i], bodies[i] = post(t, srv, customers[i], "/orders", orderBody(te.ID, 1), "")
		}()
	}
	close(start)
	wg.Wait()
	var created []commerce.OrderID
	for i, code := range codes {
		switch code {
		case http.StatusCreated:
			var b struct{ Data struct{ ID commerce.OrderID } }
			must(t, json.Unmarshal([]byte(bodies[i]), &b))
			created = append(created, b.Data.ID)
		case http.StatusConflict:
			if !strings.Contains(bodies[i], `"code":"out_of_stock"`) ||
				!strings.Contains(bodies[i], `"field":"items[0].quantity"`) {
				t.Errorf("refused checkout says %s; want out_of_stock naming the item", bodies[i])
			}
		default:
			t.Errorf("checkout %d = %d %s", i, code, bodies[i])
		}
	}
	if len(created) != units {
		t.Fatalf("%d orders created; want exactly %d", len(created), units)
	}
	if q, r := s.level(t, te.ID); q != units || r != units {
		t.Fatalf("after checkouts: quantity %d, reserved %d; want %d, %d", q, r, units, units)
	}
	// Ten cancelled give their units back; ten shipped are sold.
	for _, id := range created[:10] {
		expect(t, s.do(t, call{method: http.MethodPut, path: path("/orders/{id}/status", id),
			body: map[string]any{"status": "cancelled"}, as: s.manager}), http.StatusOK)
	}
	for _, id := range created[10:20] {
		for _, st := range []string{"confirmed", "processing", "shipped"} {
			expect(t, s.do(t, call{method: http.MethodPut, path: path("/orders/{id}/status", id),
				body: map[string]any{"status": st}, as: s.manager}), http.StatusOK)
		}
	}
	const sold, released = 10, 10
	q, r := s.level(t, te.ID)
	if q != units-sold || r != units-sold-released {
		t.Errorf("after 10 cancelled and 10 shipped: quantity %d, reserved %d; want %d, %d",
			q, r, units-sold, units-sold-released)
	}
	// The units released can be bought again, and no more.
	for range released {
		s.place(t, s.customer(t), te.ID, 1)
	}
	if q, r := s.level(t, te.ID); q != units-sold || r != q {
		t.Errorf("after buying the released units: quantity %d, reserved %d; want %d, %d",
			q, r, units-sold, units-sold)
	}
	expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: orderBody(te.ID, 1),
		as: s.customer(t)}), http.StatusConflict)
}

// post sends a JSON POST over HTTP and returns the status and body.
func post(t *testing.T, srv *httptest.Server, as commerce.Principal, target string, body any,
	key string) (int, string) {
	req, err := http.NewRequest(http.MethodPost, srv.URL+target, requestBody(t, body))
	if err != nil {
		t.Error(err)
		return 0, ""
	}
	req.Header.Set("Authorization", "Test "+strconv.FormatInt(int64(as.UserID), 10)+" "+
		string(as.Role))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Error(err)
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.Header.Get(rest.ReplayedHeader) == "true" {
		return -resp.StatusCode, string(b)
	}
	return resp.StatusCode, string(b)
}

// testIdempotentCheckout sends one checkout ten times at once with one key:
// one order; the rest are replays of it or told the first is running.
func testIdempotentCheckout(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 50)
	ana := s.customer(t)
	srv := httptest.NewServer(s.handler)
	defer srv.Close()
	const tries = 10
	codes := make([]int, tries)
	bodies := make([]string, tries)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range tries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			codes[i], bodies[i] = post(t, srv, ana, "/orders", orderBody(te.ID, 2), "k-123")
		}()
	}
	close(start)
	wg.Wait()
	first, replays, busy := "", 0, 0
	for i, code := range codes {
		switch code {
		case http.StatusCreated, -http.StatusCreated:
			if first != "" && bodies[i] != first {
				t.Errorf("replay %s differs from the first response %s", bodies[i], first)
			}
			first = bodies[i]
			if code < 0 {
				replays++
			}
		case http.StatusConflict:
			busy++
			if !strings.Contains(bodies[i], `"code":"conflict"`) {
				t.Errorf("in-flight retry says %s; want conflict", bodies[i])
			}
		default:
			t.Errorf("try %d = %d %s", i, code, bodies[i])
		}
	}
	if created := tries - replays - busy; created != 1 {
		t.Errorf("%d tries answered as creating the order; want 1", created)
	}
	t.Logf("ten tries with one key: 1 created, %d replayed, %d told it is running",
		replays, busy)
	history := expect(t, s.do(t, call{method: http.MethodGet, path: "/orders", as: ana}),
		http.StatusOK)
	if n := len(history["data"].([]any)); n != 1 {
		t.Fatalf("%d orders after ten tries with one key; want 1", n)
	}
	if _, r := s.level(t, te.ID); r != 2 {
		t.Errorf("reserved %d; want 2", r)
	}
	// Afterwards the key replays the first response...
	code, body := post(t, srv, ana, "/orders", orderBody(te.ID, 2), "k-123")
	if code != -http.StatusCreated || body != first {
		t.Errorf("retry = %d %s; want the replayed 201", code, body)
	}
	// ...refuses another request...
	code, body = post(t, srv, ana, "/orders", orderBody(te.ID, 3), "k-123")
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Idempotency-Key") {
		t.Errorf("same key, other body = %d %s; want 422 naming Idempotency-Key", code, body)
	}
	// ...and belongs to its owner only.
	if code, _ = post(t, srv, s.customer(t), "/orders", orderBody(te.ID, 2), "k-123"); code !=
		http.StatusCreated {
		t.Errorf("another customer's key = %d; want a new order", code)
	}
}

func testOrderPrivacy(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 10)
	ana, bea := s.customer(t), s.customer(t)
	id := s.place(t, ana, te.ID, 1)
	target := path("/orders/{id}", id)
	tests := []struct {
		name string
		as   commerce.Principal
		code int
	}{
		{"owner", ana, http.StatusOK},
		{"another customer", bea, http.StatusNotFound},
		{"manager", s.manager, http.StatusOK},
		{"admin", s.admin, http.StatusOK},
		{"anonymous", commerce.Anonymous, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		rec := s.do(t, call{method: http.MethodGet, path: target, as: tt.as})
		if rec.Code != tt.code {
			t.Errorf("%s: GET %s = %d; want %d", tt.name, target, rec.Code, tt.code)
		}
	}
	missing := s.do(t, call{method: http.MethodGet, path: "/orders/999999", as: bea})
	other := s.do(t, call{method: http.MethodGet, path: target, as: bea})
	if codeOf(decode(t, missing)) != codeOf(decode(t, other)) {
		t.Errorf("a stranger can tell a missing order from another's")
	}
	if n := len(expect(t, s.do(t, call{method: http.MethodGet, path: "/orders", as: bea}),
		http.StatusOK)["data"].([]any)); n != 0 {
		t.Errorf("B's history holds %d orders; want none", n)
	}
	expect(t, s.do(t, call{method: http.MethodPost, path: path("/orders/{id}/cancel", id),
		as: bea}), http.StatusNotFound)
	expect(t, s.do(t, call{method: http.MethodPut, path: path("/orders/{id}/status", id),
		body: map[string]any{"status": "confirmed"}, as: ana}), http.StatusForbidden)
	expect(t, s.do(t, call{method: http.MethodGet, path: "/admin/orders", as: ana}),
		http.StatusForbidden)
	expect(t, s.do(t, call{method: http.MethodPost, path: path("/orders/{id}/cancel", id),
		as: ana}), http.StatusOK)
}

// reach drives a new order to a status through the API, by the shortest
// path of the state machine.
func (s *shop) reach(t *testing.T, p commerce.ProductID, to order.Status) commerce.OrderID {
	t.Helper()
	id := s.place(t, s.customer(t), p, 1)
	steps := map[order.Status][]order.Status{
		order.StatusPending:    nil,
		order.StatusConfirmed:  {order.StatusConfirmed},
		order.StatusProcessing: {order.StatusConfirmed, order.StatusProcessing},
		order.StatusShipped: {order.StatusConfirmed, order.StatusProcessing,
			order.StatusShipped},
		order.StatusDelivered: {order.StatusConfirmed, order.StatusProcessing,
			order.StatusShipped, order.StatusDelivered},
		order.StatusCancelled: {order.StatusCancelled},
	}[to]
	for _, st := range steps {
		expect(t, s.do(t, call{method: http.MethodPut, path: path("/orders/{id}/status", id),
			body: map[string]any{"status": st}, as: s.manager}), http.StatusOK)
	}
	return id
}

// testStatusTransitions tries every pair of statuses through PUT
// /orders/{id}/status: the moves the machine allows are 200, the rest 409,
// and a refused move changes nothing.
func testStatusTransitions(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 100)
	allowed := map[[2]order.Status]bool{
		{order.StatusPending, order.StatusConfirmed}:    true,
		{order.StatusPending, order.StatusCancelled}:    true,
		{order.StatusConfirmed, order.StatusProcessing}: true,
		{order.StatusConfirmed, order.StatusCancelled}:  true,
		{order.StatusProcessing, order.StatusShipped}:   true,
		{order.StatusProcessing, order.StatusCancelled}: true,
		{order.StatusShipped, order.StatusDelivered}:    true,
	}
	for _, from := range order.Statuses() {
		for _, to := range order.Statuses() {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				id := s.reach(t, te.ID, from)
				want := http.StatusConflict
				if allowed[[2]order.Status{from, to}] {
					want = http.StatusOK
				}
				body := expect(t, s.do(t, call{method: http.MethodPut,
					path: path("/orders/{id}/status", id), as: s.manager,
					body: map[string]any{"status": to, "note": "prueba"}}), want)
				now := data(expect(t, s.do(t, call{method: http.MethodGet,
					path: path("/orders/{id}", id), as: s.manager}), http.StatusOK))
				if want == http.StatusOK && (data(body)["status"] != string(to) ||
					now["status"] != string(to)) {
					t.Errorf("status after the move = %v; want %s", now["status"], to)
				}
				if want == http.StatusConflict && now["status"] != string(from) {
					t.Errorf("a refused move changed the status to %v", now["status"])
				}
			})
		}
	}
	if len(allowed) != 7 {
		t.Fatal("the table lost a move")
	}
	id := s.reach(t, te.ID, order.StatusPending)
	body := expect(t, s.do(t, call{method: http.MethodPut, path: path("/orders/{id}/status", id),
		body: map[string]any{"status": "lost"}, as: s.manager}), http.StatusUnprocessableEntity)
	if got := fieldsOf(body); !reflect.DeepEqual(got, []string{"status"}) {
		t.Errorf("unknown status: fields %v; want [status]", got)
	}
}

// testCheckoutFromCart buys what the cart holds: the order takes the cart's
// items and empties it.
func testCheckoutFromCart(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 10)
	ana := s.customer(t)
	expect(t, s.do(t, call{method: http.MethodPost, path: "/cart/items", as: ana,
		body: map[string]any{"product_id": te.ID, "quantity": 3}}), http.StatusCreated)
	body := orderBody(te.ID, 1)
	delete(body, "items")
	got := data(expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: body,
		as: ana}), http.StatusCreated))
	if line := got["lines"].([]any)[0].(map[string]any); num(line["quantity"]) != "3" {
		t.Errorf("order line %v; want the cart's 3 units", line)
	}
	cart := data(expect(t, s.do(t, call{method: http.MethodGet, path: "/cart", as: ana}),
		http.StatusOK))
	if n := len(cart["items"].([]any)); n != 0 {
		t.Errorf("cart after checkout holds %d items; want none", n)
	}
	expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: body, as: ana}),
		http.StatusUnprocessableEntity)
}

// testDoubleSubmittedCart places one cart many times at once without an
// Idempotency-Key, as a double click does: one order, the cart's units
// reserved once; the late requests find the cart empty.
func testDoubleSubmittedCart(t *testing.T, s *shop) {
	const clicks = 10
	te := s.product(t, "Te", 2990, 10)
	ana := s.customer(t)
	expect(t, s.do(t, call{method: http.MethodPost, path: "/cart/items", as: ana,
		body: map[string]any{"product_id": te.ID, "quantity": 3}}), http.StatusCreated)
	body := orderBody(te.ID, 1)
	delete(body, "items")
	srv := httptest.NewServer(s.handler)
	defer srv.Close()
	codes := make([]int, clicks)
	bodies := make([]string, clicks)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range clicks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			codes[i], bodies[i] = post(t, srv, ana, "/orders", body, "")
		}()
	}
	close(start)
	wg.Wait()
	orders := map[commerce.OrderID]bool{}
	for i, code := range codes {
		switch code {
		case http.StatusCreated, http.StatusOK: // placed, or the same order replayed
			var b struct{ Data struct{ ID commerce.OrderID } }
			must(t, json.Unmarshal([]byte(bodies[i]), &b))
			orders[b.Data.ID] = true
		case http.StatusUnprocessableEntity:
			if !strings.Contains(bodies[i], "el carrito está vacío") {
				t.Errorf("refused checkout says %s; want the empty cart", bodies[i])
			}
		default:
			t.Errorf("checkout %d = %d %s", i, code, bodies[i])
		}
	}
	if len(orders) != 1 {
		t.Errorf("%d orders from one cart; want 1", len(orders))
	}
	if _, r := s.level(t, te.ID); r != 3 {
		t.Errorf("reserved %d; want the cart's 3 units once", r)
	}
}

// flakyCatalog fails while down is set, as a database that lost its
// connection does.
type flakyCatalog struct {
	checkout.Catalog
	down atomic.Bool
}

func (f *flakyCatalog) Product(ctx context.Context, id commerce.ProductID) (catalog.Product,
	error) {
	if f.down.Load() {
		return catalog.Product{}, errors.New("connection reset by peer")
	}
	return f.Catalog.Product(ctx, id)
}

// testRetryAfterFault breaks the catalog under a checkout sent with an
// Idempotency-Key: the 500 is not stored, so the retry, once the catalog is
// back, places the order.
func testRetryAfterFault(t *testing.T, env shopEnv) {
	flaky := &flakyCatalog{Catalog: env.Catalog}
	env.Catalog = flaky
	s := newShop(t, env)
	te := s.product(t, "Te", 2990, 10)
	ana := s.customer(t)
	key := map[string]string{"Idempotency-Key": "reintento-1"}
	flaky.down.Store(true)
	body := expect(t, s.do(t, call{method: http.MethodPost, path: "/orders",
		body: orderBody(te.ID, 1), as: ana, header: key}), http.StatusInternalServerError)
	if codeOf(body) != "internal" || strings.Contains(fmt.Sprint(body), "connection reset") {
		t.Errorf("fault answered %v; want a bare internal error", body)
	}
	flaky.down.Store(false)
	rec := s.do(t, call{method: http.MethodPost, path: "/orders", body: orderBody(te.ID, 1),
		as: ana, header: key})
	expect(t, rec, http.StatusCreated)
	if rec.Header().Get(rest.ReplayedHeader) != "" {
		t.Error("the retry after a fault was a replay of the fault")
	}
	if _, r := s.level(t, te.ID); r != 1 {
		t.Errorf("reserved %d; want 1", r)
	}
}
