package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// TestStorefrontCSPStripe checks that the storefront's page lets Stripe.js
// load, frame and call Stripe's API only when the Stripe gateway is on.
func TestStorefrontCSPStripe(t *testing.T) {
	files := fstest.MapFS{"index.html": {Data: []byte("<title>Tienda</title>")}}
	stripeParts := []string{"script-src 'self' https://js.stripe.com;",
		"frame-src https://js.stripe.com", "connect-src 'self' https://api.stripe.com;"}
	for _, stripe := range []bool{false, true} {
		s, err := newStorefront(files)
		if err != nil {
			t.Fatal(err)
		}
		s.csp = storefrontCSP(stripe)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/checkout", nil))
		csp := w.Header().Get("Content-Security-Policy")
		if w.Code != http.StatusOK || !strings.Contains(csp, "default-src 'self'") ||
			!strings.Contains(csp, "frame-ancestors 'none'") {
			t.Fatalf("stripe=%v: GET = %d, CSP %q; want the page and its policy", stripe,
				w.Code, csp)
		}
		for _, part := range stripeParts {
			if strings.Contains(csp, part) != stripe {
				t.Errorf("stripe=%v: CSP %q has %q = %v", stripe, csp, part, !stripe)
			}
		}
		if !stripe && strings.Contains(csp, "stripe") {
			t.Errorf("without Stripe the CSP names it: %q", csp)
		}
	}
}
