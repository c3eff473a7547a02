package rest_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestTooLargeBodiesAre413 checks that every kind of JSON route (shop,
// idempotent, accounts, staff) answers a body past its bound with 413 in
// the API's error form, through the one body reader.
func TestTooLargeBodiesAre413(t *testing.T) {
	huge := `{"note":"` + strings.Repeat("a", 2<<20) + `"}`
	s := newShop(t, memoryShop(t))
	ana := s.customer(t)
	a := newAccounts(t, memoryBackend)
	manager := a.staff(t, "gerente@example.com", "manager")
	user := a.register(t, "ana@example.com")
	shopCall := func(method, path string, c call) func() *httptest.ResponseRecorder {
		c.method, c.path, c.body = method, path, huge
		return func() *httptest.ResponseRecorder { return s.do(t, c) }
	}
	accountCall := func(method, path, token string) func() *httptest.ResponseRecorder {
		return func() *httptest.ResponseRecorder {
			return a.do(t, req{method: method, path: path, body: huge, token: token})
		}
	}
	idem := map[string]string{"Idempotency-Key": "k-413"}
	tests := []struct {
		name string
		do   func() *httptest.ResponseRecorder
	}{
		{"cart item", shopCall("POST", "/cart/items", call{as: ana})},
		{"idempotent cart item", shopCall("POST", "/cart/items", call{as: ana, header: idem})},
		{"order", shopCall("POST", "/orders", call{as: ana})},
		{"idempotent order", shopCall("POST", "/orders", call{as: ana, header: idem})},
		{"order status", shopCall("PUT", "/orders/1/status", call{as: s.manager})},
		{"login", accountCall("POST", "/auth/login", "")},
		{"profile", accountCall("PUT", "/me", user.AccessToken)},
		{"brand", accountCall("POST", "/brands", manager.AccessToken)},
		{"product", accountCall("POST", "/products", manager.AccessToken)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := expect(t, tt.do(), http.StatusRequestEntityTooLarge)
			if codeOf(body) == "" {
				t.Errorf("413 without the API's error code: %v", body)
			}
		})
	}
}
