package rest_test

import (
	"net/http"
	"testing"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/rest"
)

// badBodies are bodies that would each fail validation (422 or 400) if the
// route read them: a route that needs a user must answer 401 first.
var badBodies = []struct {
	name string
	body any
}{
	{"none", nil},
	{"empty object", map[string]any{}},
	{"wrong types", map[string]any{"items": "x", "shipping_address": 3, "status": 7,
		"payment_status": false, "payment_token": 9, "amount": "mucho"}},
	{"not JSON", "{"},
}

func TestUserRoutesAuthenticateBeforeReadingTheBody(t *testing.T) {
	s := newShop(t, memoryShop(t), func(s *shop, co *checkout.Config, api *rest.Config) {
		reg := payment.NewRegistry(&holdGateway{})
		co.Payments = reg
		api.Payments = checkout.NewPayments(checkouttest.NewPaymentsMemory(),
			checkout.PaymentsConfig{Orders: s.orders, Registry: reg, Clock: s.clock})
	})
	routes := []struct{ method, path string }{
		{http.MethodPost, "/orders"},
		{http.MethodGet, "/orders?page=x"},
		{http.MethodGet, "/orders/nope"},
		{http.MethodGet, "/orders/1?bogus=1"},
		{http.MethodPut, "/orders/1/status"},
		{http.MethodPut, "/orders/1/payment"},
		{http.MethodPost, "/orders/1/cancel"},
		{http.MethodPost, "/orders/1/pay"},
		{http.MethodGet, "/admin/orders?status=nope"},
		{http.MethodGet, "/admin/orders.csv?limit=-1"},
		{http.MethodPost, "/admin/orders/1/refunds"},
		{http.MethodPost, "/admin/orders/1/capture"},
	}
	for _, rt := range routes {
		for _, b := range badBodies {
			t.Run(rt.method+" "+rt.path+" "+b.name, func(t *testing.T) {
				rec := s.do(t, call{method: rt.method, path: rt.path, body: b.body})
				got := expect(t, rec, http.StatusUnauthorized)
				if code := codeOf(got); code != "unauthenticated" {
					t.Errorf("error code = %q; want unauthenticated", code)
				}
			})
		}
	}
}

func TestMeRoutesAuthenticateBeforeReadingTheBody(t *testing.T) {
	a := newAccounts(t, memoryBackend)
	routes := []struct{ method, path string }{
		{http.MethodGet, "/me?x=1"},
		{http.MethodPut, "/me"},
		{http.MethodDelete, "/me"},
		{http.MethodPut, "/me/password"},
		{http.MethodPost, "/me/verify-email"},
		{http.MethodGet, "/me/export"},
		{http.MethodPost, "/me/addresses"},
		{http.MethodGet, "/me/addresses/nope"},
		{http.MethodPut, "/me/addresses/1"},
		{http.MethodDelete, "/me/addresses/1"},
	}
	for _, rt := range routes {
		for _, body := range []string{"", "{", `{"name": 5, "line1": [], "password": 1}`} {
			t.Run(rt.method+" "+rt.path+" "+body, func(t *testing.T) {
				rec := a.do(t, req{method: rt.method, path: rt.path, body: body})
				if rec.Code != http.StatusUnauthorized {
					t.Errorf("status = %d %s; want 401", rec.Code, rec.Body)
				}
			})
		}
	}
}
