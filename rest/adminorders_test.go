package rest_test

import (
	"encoding/csv"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

func testAdminOrders(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 100)
	mate := s.product(t, "Mate", 50000, 100)
	ana, bea := s.customer(t), s.customer(t)
	a1 := s.place(t, ana, te.ID, 1)
	s.clock.Advance(48 * time.Hour)
	body := orderBody(mate.ID, 1)
	addr := address()
	addr["city"] = "=HYPERLINK(\"http://x.test\",\"clic\")"
	addr["name"] = "Bea, \"la\" Jefa"
	body["shipping_address"] = addr
	b1 := data(expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: body,
		as: bea}), http.StatusCreated))
	expect(t, s.do(t, call{method: http.MethodPut, path: path("/orders/{id}/status", a1),
		body: map[string]any{"status": "confirmed"}, as: s.manager}), http.StatusOK)

	numbers := func(q string) []string {
		t.Helper()
		got := expect(t, s.do(t, call{method: http.MethodGet, path: "/admin/orders" + q,
			as: s.admin}), http.StatusOK)
		var out []string
		for _, o := range got["data"].([]any) {
			out = append(out, o.(map[string]any)["number"].(string))
		}
		return out
	}
	a := data(expect(t, s.do(t, call{method: http.MethodGet, path: path("/orders/{id}", a1),
		as: ana}), http.StatusOK))["number"].(string)
	b := b1["number"].(string)
	day := s.clock.Now().Format("2006-01-02")
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{b, a}},
		{"?status=confirmed", []string{a}},
		{"?status=pending,cancelled", []string{b}},
		{"?payment_status=pending", []string{b, a}},
		{"?customer=" + toString(int64(bea.UserID)), []string{b}},
		{"?total_min=10000", []string{b}},
		{"?total_max=10000", []string{a}},
		{"?from=" + day, []string{b}},
		{"?to=" + day, []string{b, a}},
		{"?number=" + a, []string{a}},
		{"?q=" + b, []string{b}},
		{"?limit=1", []string{b}},
		{"?limit=1&page=2", []string{a}},
	}
	for _, tt := range tests {
		if got := numbers(tt.query); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("GET /admin/orders%s = %v; want %v", tt.query, got, tt.want)
		}
	}
	for _, bad := range []string{"?status=lost", "?from=ayer", "?total_min=-1", "?limit=0",
		"?customer=x", "?format=xml", "?sort=total", "?from=2026-03-02&to=2026-03-01"} {
		expect(t, s.do(t, call{method: http.MethodGet, path: "/admin/orders" + bad,
			as: s.admin}), http.StatusBadRequest)
	}
	expect(t, s.do(t, call{method: http.MethodGet, path: "/admin/orders", as: bea}),
		http.StatusForbidden)
	expect(t, s.do(t, call{method: http.MethodGet, path: "/admin/orders.csv"}),
		http.StatusUnauthorized)

	for _, target := range []string{"/admin/orders?format=csv", "/admin/orders.csv"} {
		rec := s.do(t, call{method: http.MethodGet, path: target, as: s.manager})
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"),
			"text/csv") {
			t.Fatalf("GET %s = %d %s", target, rec.Code, rec.Header().Get("Content-Type"))
		}
		rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
		if err != nil {
			t.Fatalf("the CSV does not parse: %v\n%s", err, rec.Body)
		}
		if len(rows) != 3 || rows[0][0] != "number" || rows[1][0] != b {
			t.Fatalf("CSV rows = %v; want a header and two orders, newest first", rows)
		}
		for _, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
					t.Errorf("cell %q would run as a formula", cell)
				}
			}
		}
		if !strings.Contains(rec.Body.String(), `'=HYPERLINK(""http://x.test""`) {
			t.Errorf("the city is not defused and quoted:\n%s", rec.Body)
		}
	}
	rec := s.do(t, call{method: http.MethodGet, path: "/admin/orders.csv?status=confirmed",
		as: s.admin})
	if n := strings.Count(strings.TrimSpace(rec.Body.String()), "\n"); n != 1 {
		t.Errorf("filtered CSV has %d orders; want 1:\n%s", n, rec.Body)
	}
}

func testShippingMethods(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 10)
	ana := s.customer(t)
	expect(t, s.do(t, call{method: http.MethodPost, path: "/cart/items", as: ana,
		body: map[string]any{"product_id": te.ID, "quantity": 1}}), http.StatusCreated)
	got := expect(t, s.do(t, call{method: http.MethodGet,
		path: "/shipping-methods?region=Metropolitana", as: ana}), http.StatusOK)
	methods := map[string]map[string]any{}
	for _, m := range got["data"].([]any) {
		methods[m.(map[string]any)["code"].(string)] = m.(map[string]any)
	}
	if len(methods) != 2 || methods["despacho"]["cheapest"] != true ||
		methods["retiro"]["cheapest"] != false {
		t.Errorf("methods = %v; want home delivery (cheapest) and pickup", got["data"])
	}
	placed := data(expect(t, s.do(t, call{method: http.MethodPost, path: "/orders",
		body: orderBody(te.ID, 1), as: ana}), http.StatusCreated))
	if num(placed["shipping"]) != num(methods["despacho"]["amount"]) {
		t.Errorf("order shipping %v; want the offered %v", placed["shipping"],
			methods["despacho"]["amount"])
	}
	if num(placed["total"]) != num(methods["despacho"]["total"]) ||
		num(placed["tax"]) != num(methods["despacho"]["tax"]) {
		t.Errorf("order total %v (tax %v); offered %v (tax %v)", placed["total"],
			placed["tax"], methods["despacho"]["total"], methods["despacho"]["tax"])
	}
	if num(methods["retiro"]["total"]) != "2990" {
		t.Errorf("pickup total = %v; want the item alone, 2990", methods["retiro"]["total"])
	}
	expect(t, s.do(t, call{method: http.MethodGet, path: "/shipping-methods?region=Narnia"}),
		http.StatusBadRequest)
}
