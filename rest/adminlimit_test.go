package rest_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/rest"
)

// TestAdminLimitCountsEveryAdminRoute checks that the orders' admin routes
// count under the admin limit per user, as the accounts' ones do, and that
// a route in two limited groups counts once.
func TestAdminLimitCountsEveryAdminRoute(t *testing.T) {
	const limit = 3
	s := newShop(t, memoryShop(t), func(s *shop, _ *checkout.Config, api *rest.Config) {
		api.Limiter = ratelimit.NewMemory(ratelimit.MemoryConfig{Clock: s.clock})
		api.Limits = ratelimit.Policy{Admin: ratelimit.Limit{Count: limit, Period: time.Hour}}
	})
	admin := func(path string) *httptest.ResponseRecorder {
		return s.do(t, call{method: http.MethodGet, path: path, as: s.admin})
	}
	for i, p := range []string{"/admin/orders", "/admin/orders.csv", "/admin/orders?limit=1"} {
		if res := admin(p); res.Code != http.StatusOK {
			t.Fatalf("admin request %d (%s) = %d; want 200", i+1, p, res.Code)
		}
	}
	res := admin("/admin/orders")
	if res.Code != http.StatusTooManyRequests || res.Header().Get("Retry-After") == "" {
		t.Errorf("request %d past an admin limit of %d = %d, Retry-After %q; want 429",
			limit+1, limit, res.Code, res.Header().Get("Retry-After"))
	}
	// The limit is per user: the manager still has its own.
	if rec := s.do(t, call{method: http.MethodGet, path: "/admin/orders", as: s.manager}); rec.Code !=
		http.StatusOK {
		t.Errorf("another staff member's first request = %d; want 200", rec.Code)
	}
	// Routes outside /admin do not count.
	if rec := s.do(t, call{method: http.MethodGet, path: "/orders", as: s.admin}); rec.Code !=
		http.StatusOK {
		t.Errorf("GET /orders past the admin limit = %d; want 200", rec.Code)
	}
	s.clock.Advance(2 * time.Hour)
	if res := admin("/admin/orders"); res.Code != http.StatusOK {
		t.Errorf("after the window = %d; want 200", res.Code)
	}
}

// TestAdminLimitCountsAccountsRoutesOnce checks the admin routes of the
// accounts, limited by their group and under /admin, count once each.
func TestAdminLimitCountsAccountsRoutesOnce(t *testing.T) {
	const limit = 2
	a := newAccounts(t, memoryBackend, func(c *rest.Config) {
		c.Limits.Admin = ratelimit.Limit{Count: limit, Period: time.Hour}
	})
	admin := a.staff(t, "admin@example.com", "admin")
	for i := range limit {
		if rec := a.do(t, req{method: "GET", path: "/admin/users", token: admin.AccessToken}); rec.
			Code != http.StatusOK {
			t.Fatalf("request %d of %d = %d; want 200", i+1, limit, rec.Code)
		}
	}
	if rec := a.do(t, req{method: "GET", path: "/admin/audit", token: admin.AccessToken}); rec.
		Code != http.StatusTooManyRequests {
		t.Errorf("request %d past an admin limit of %d = %d; want 429", limit+1, limit, rec.Code)
	}
}
