package rest_test

import (
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/rest"
)

func testGuestCart(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 10)
	mate := s.product(t, "Mate", 5000, 3)

	rec := s.do(t, call{method: http.MethodPost, path: "/cart/items",
		body: map[string]any{"product_id": te.ID, "quantity": 2}})
	body := expect(t, rec, http.StatusCreated)
	token := rec.Header().Get(rest.CartTokenHeader)
	data := body["data"].(map[string]any)
	if len(token) != 43 || data["token"] != token {
		t.Fatalf("token %q, body token %v; want the same 43-character token", token, data["token"])
	}
	cookie := rec.Header().Get("Set-Cookie")
	for _, want := range []string{rest.CartCookie + "=" + token, "Path=/", "HttpOnly",
		"SameSite=Strict"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("Set-Cookie %q lacks %q", cookie, want)
		}
	}
	if strings.Contains(cookie, "Secure") {
		t.Errorf("Set-Cookie %q is Secure on a plain HTTP request", cookie)
	}
	item := data["items"].([]any)[0].(map[string]any)
	if num(data["total"]) != "5980" || num(item["unit_price"]) != "2990" ||
		item["previous_price"] != nil || item["variant_id"] != nil ||
		num(data["item_count"]) != "2" || data["tax_inclusive"] != true {
		t.Errorf("cart = %v; want 2 × 2990 = 5980, tax included, no variant", data)
	}

	// The token finds the cart from the header and from the cookie.
	byHeader := call{method: http.MethodGet, path: "/cart",
		header: map[string]string{rest.CartTokenHeader: token}}
	byCookie := call{method: http.MethodGet, path: "/cart",
		header: map[string]string{"Cookie": rest.CartCookie + "=" + token}}
	for _, c := range []call{byHeader, byCookie} {
		items := expect(t, s.do(t, c), http.StatusOK)["data"].(map[string]any)["items"].([]any)
		if len(items) != 1 {
			t.Fatalf("cart by %v = %v; want one item", c.header, items)
		}
	}
	if items := expect(t, s.do(t, call{method: http.MethodGet, path: "/cart"}),
		http.StatusOK)["data"].(map[string]any)["items"].([]any); len(items) != 0 {
		t.Errorf("cart without token = %v; want empty", items)
	}

	hdr := map[string]string{rest.CartTokenHeader: token}
	rec = s.do(t, call{method: http.MethodPost, path: "/cart/items",
		body: map[string]any{"product_id": mate.ID, "quantity": 1}, header: hdr})
	body = expect(t, rec, http.StatusCreated)
	if rec.Header().Get(rest.CartTokenHeader) != "" || body["data"].(map[string]any)["token"] != nil {
		t.Errorf("second add handed a token over again: %v", body)
	}
	items := body["data"].(map[string]any)["items"].([]any)
	teItem := toString(items[0].(map[string]any)["id"])
	expect(t, s.do(t, call{method: http.MethodPut, path: "/cart/items/" + teItem,
		body: map[string]any{"quantity": 5}, header: hdr}), http.StatusOK)
	expect(t, s.do(t, call{method: http.MethodPut, path: "/cart/items/" + teItem,
		body: map[string]any{"quantity": 11}, header: hdr}), http.StatusConflict)
	expect(t, s.do(t, call{method: http.MethodPut, path: "/cart/items/999",
		body: map[string]any{"quantity": 1}, header: hdr}), http.StatusNotFound)
	body = expect(t, s.do(t, call{method: http.MethodDelete, path: "/cart/items/" + teItem,
		header: hdr}), http.StatusOK)
	if n := len(body["data"].(map[string]any)["items"].([]any)); n != 1 {
		t.Errorf("after DELETE item: %d items; want 1", n)
	}

	// Signing in: the first cart request with the guest token merges.
	ana := s.customer(t)
	expect(t, s.do(t, call{method: http.MethodPost, path: "/cart/items", as: ana,
		body: map[string]any{"product_id": mate.ID, "quantity": 1}}), http.StatusCreated)
	rec = s.do(t, call{method: http.MethodGet, path: "/cart", as: ana,
		header: map[string]string{"Cookie": rest.CartCookie + "=" + token}})
	body = expect(t, rec, http.StatusOK)
	items = body["data"].(map[string]any)["items"].([]any)
	if len(items) != 1 || toString(items[0].(map[string]any)["quantity"]) != "2" {
		t.Errorf("merged cart = %v; want mate × 2", items)
	}
	if c := rec.Header().Get("Set-Cookie"); !strings.Contains(c, "Max-Age=0") {
		t.Errorf("Set-Cookie after merge = %q; want the guest cookie deleted", c)
	}
	data = expect(t, s.do(t, byHeader), http.StatusOK)["data"].(map[string]any)
	if items := data["items"].([]any); len(items) != 0 {
		t.Errorf("guest cart after merge = %v; want it gone", items)
	}

	expect(t, s.do(t, call{method: http.MethodDelete, path: "/cart", as: ana}),
		http.StatusNoContent)
	if items := expect(t, s.do(t, call{method: http.MethodGet, path: "/cart", as: ana}),
		http.StatusOK)["data"].(map[string]any)["items"].([]any); len(items) != 0 {
		t.Errorf("cart after DELETE /cart = %v; want empty", items)
	}
}

// TestCartValidation sends the quantities and products a shopper must not
// get through: each is a 422 naming the field.
func testCartValidation(t *testing.T, s *shop) {
	te := s.product(t, "Te", 2990, 10)
	polera := s.product(t, "Polera", 9990, 0, 4)
	old := s.productWith(t, catalog.Product{Name: "Viejo", SKU: "VIEJO", Slug: "viejo",
		Price: commerce.FromMinor(100, commerce.CLP)}, 5)
	ana := s.customer(t)
	id := toString(int64(te.ID))
	tests := []struct {
		name, body, field string
	}{
		{"zero", `{"product_id":` + id + `,"quantity":0}`, "quantity"},
		{"negative", `{"product_id":` + id + `,"quantity":-1}`, "quantity"},
		{"fraction", `{"product_id":` + id + `,"quantity":1.5}`, "quantity"},
		{"string", `{"product_id":` + id + `,"quantity":"2"}`, "quantity"},
		{"a billion", `{"product_id":` + id + `,"quantity":1000000000}`, "quantity"},
		{"exponent", `{"product_id":` + id + `,"quantity":1e9}`, "quantity"},
		{"no quantity", `{"product_id":` + id + `}`, "quantity"},
		{"no product", `{"quantity":1}`, "product_id"},
		{"product as text", `{"product_id":"` + id + `","quantity":1}`, "product_id"},
		{"missing product", `{"product_id":999999,"quantity":1}`, "product_id"},
		{"inactive product", `{"product_id":` + toString(int64(old.ID)) + `,"quantity":1}`,
			"product_id"},
		{"unknown variant", `{"product_id":` + toString(int64(polera.ID)) +
			`,"variant_id":999999,"quantity":1}`, "variant_id"},
		{"variant needed", `{"product_id":` + toString(int64(polera.ID)) + `,"quantity":1}`,
			"variant_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := expect(t, s.do(t, call{method: http.MethodPost, path: "/cart/items",
				body: tt.body, as: ana}), http.StatusUnprocessableEntity)
			if got := fieldsOf(body); !reflect.DeepEqual(got, []string{tt.field}) {
				t.Errorf("fields = %v; want [%s]", got, tt.field)
			}
		})
	}
	for _, bad := range []string{`[1]`, `{"quantity":`, ``, `null`} {
		body := expect(t, s.do(t, call{method: http.MethodPost, path: "/cart/items",
			body: bad, as: ana}), http.StatusBadRequest)
		if got := fieldsOf(body); !reflect.DeepEqual(got, []string{"body"}) {
			t.Errorf("body %q: fields = %v; want [body]", bad, got)
		}
	}
	if items := expect(t, s.do(t, call{method: http.MethodGet, path: "/cart", as: ana}),
		http.StatusOK)["data"].(map[string]any)["items"].([]any); len(items) != 0 {
		t.Errorf("cart after refused adds = %v; want empty", items)
	}
}

func TestAllowNamesTheRoutesMethods(t *testing.T) {
	s := newShop(t, memoryShop(t))
	tests := map[string]string{
		"GET /cart/items/1": "PUT, DELETE",
		"PUT /cart":         "GET, HEAD, DELETE",
		"DELETE /orders":    "GET, HEAD, POST",
		"POST /products":    "GET, HEAD",
	}
	for target, want := range tests {
		method, p, _ := strings.Cut(target, " ")
		rec := s.do(t, call{method: method, path: p})
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != want {
			t.Errorf("%s = %d, Allow %q; want 405, %q", target, rec.Code,
				rec.Header().Get("Allow"), want)
		}
	}
}
