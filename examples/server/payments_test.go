package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82/webhook"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

func TestPaymentSettings(t *testing.T) {
	tests := []struct {
		vars map[string]string
		want []string
		err  string
	}{
		{map[string]string{}, nil, ""},
		{map[string]string{"COMMERCE_PAYMENT_PLUGINS": " stripe, acme ",
			"COMMERCE_STRIPE_SECRET_KEY": "sk_test_1"}, []string{"stripe", "acme"}, ""},
		{map[string]string{"COMMERCE_PAYMENT_PLUGINS": "stripe"}, nil,
			"COMMERCE_STRIPE_SECRET_KEY is required"},
		{map[string]string{"COMMERCE_STRIPE_API_URL": "localhost:12111"}, nil,
			"COMMERCE_STRIPE_API_URL"},
	}
	for _, tt := range tests {
		c, _, err := ParseConfig(nil, env(tt.vars))
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%v: err = %v; want %q", tt.vars, err, tt.err)
		case tt.err == "" && (err != nil || fmt.Sprint(c.plugins()) != fmt.Sprint(tt.want)):
			t.Errorf("%v = %v, %v; want %v", tt.vars, c.plugins(), err, tt.want)
		}
	}
}

// fakeStripe answers PaymentIntent creation as Stripe does, enough for the
// plugin to start a payment: the server's test is not about Stripe's API
// (plugins/stripe tests that against stripe-mock).
func fakeStripe(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"id": "pi_e2e",
			"object": "payment_intent", "amount": json.Number(form.Get("amount")),
			"currency": form.Get("currency"), "status": "requires_payment_method",
			"client_secret": "pi_e2e_secret_x"})
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestStripeWebhooksEndToEnd runs the server with the Stripe plugin built
// from source, places an order paid by card, and delivers Stripe-signed
// webhooks to POST /payments/webhooks/stripe.
func TestStripeWebhooksEndToEnd(t *testing.T) {
	dir := t.TempDir()
	plugins := filepath.Join(dir, "plugins")
	if b, err := exec.Command("go", "build", "-o", filepath.Join(plugins, "stripe"),
		"../../plugins/stripe").CombinedOutput(); err != nil {
		t.Fatalf("build the stripe plugin: %v\n%s", err, b)
	}
	const secret = "whsec_e2e"
	cfg := testConfig(dir)
	cfg.PluginsDir, cfg.PaymentPlugins = plugins, "stripe"
	cfg.StripeSecretKey, cfg.StripeWebhookSecret = "sk_test_e2e", secret
	cfg.StripeAPIURL, cfg.StripePublishableKey = fakeStripe(t), "pk_test_e2e"
	m, logs := startMain(t, cfg)
	ctx := context.Background()
	methods := fetchJSON(t, m, "/payment-methods", http.StatusOK)["data"].([]any)
	if len(methods) != 3 || methods[2].(map[string]any)["public_key"] != "pk_test_e2e" {
		t.Errorf("GET /payment-methods = %v; want bank transfer, cash, stripe with its key",
			methods)
	}

	if resp, _ := fetch(t, m, "/checkout"); !strings.Contains(
		resp.Header.Get("Content-Security-Policy"), "script-src 'self' https://js.stripe.com") {
		t.Errorf("storefront CSP with Stripe = %q; want Stripe.js allowed",
			resp.Header.Get("Content-Security-Policy"))
	}
	o := placeByStripe(t, m)
	if o.PaymentMethod != "stripe" || o.PaymentStatus != order.PaymentPending ||
		o.PaymentReference != "" {
		t.Fatalf("order = %s/%s ref %q; want stripe, pending", o.PaymentMethod, o.PaymentStatus,
			o.PaymentReference)
	}
	event := fmt.Appendf(nil, `{"id":"evt_e2e","object":"event",
		"type":"payment_intent.succeeded","created":%d,"data":{"object":{"id":"pi_e2e",
		"object":"payment_intent","amount":%d,"currency":"clp","status":"succeeded",
		"metadata":{"order_number":%q}}}}`, time.Now().Unix(), o.Total.Minor(), o.Number)
	deliver := func(sigSecret string) (int, map[string]any) {
		t.Helper()
		p := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: event,
			Secret: sigSecret, Timestamp: time.Now()})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost,
			"http://"+m.Addr()+"/payments/webhooks/stripe", bytes.NewReader(event))
		req.Header.Set("Stripe-Signature", p.Header)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&v)
		return resp.StatusCode, v
	}
	if code, body := deliver("whsec_forged"); code != http.StatusBadRequest {
		t.Fatalf("forged webhook = %d %v; want 400", code, body)
	}
	stored := func() order.Order {
		got, err := m.orders.Order(ctx, commerce.System, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := stored(); got.PaymentStatus != order.PaymentPending {
		t.Fatalf("after a forged webhook: %s; want pending", got.PaymentStatus)
	}
	code1, first := deliver(secret)
	code2, second := deliver(secret)
	if code1 != http.StatusOK || first["applied"] != true || code2 != http.StatusOK ||
		second["duplicate"] != true {
		t.Fatalf("two deliveries = %d %v, %d %v; want applied then duplicate; logs:\n%s",
			code1, first, code2, second, logs)
	}
	got := stored()
	paid := 0
	for _, e := range got.Timeline {
		if e.Kind == order.EntryPayment {
			paid++
		}
	}
	if got.PaymentStatus != order.PaymentPaid || paid != 1 || got.PaymentReference != "pi_e2e" {
		t.Errorf("after two deliveries: %s, %d payment entries, ref %q; want paid once",
			got.PaymentStatus, paid, got.PaymentReference)
	}

	g, _ := m.plugins.Gateway("stripe")
	pid := g.Pid()
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("the stripe plugin (pid %d) outlived the server", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// placeByStripe places an order paid by card for a customer, from the
// first demo product with stock.
func placeByStripe(t *testing.T, m *Main) order.Order {
	t.Helper()
	body := fetchJSON(t, m, "/products?limit=20", http.StatusOK)
	items, _ := body["data"].([]any)
	for _, it := range items {
		id, _ := it.(map[string]any)["id"].(float64)
		res, err := m.checkout.PlaceOrder(context.Background(),
			commerce.User(9001, commerce.RoleCustomer), "", checkout.Request{
				PaymentMethod: "stripe", Email: "ana@example.cl",
				Items: []checkout.Item{{ProductID: commerce.ProductID(id), Quantity: 1}},
				ShippingAddress: order.Address{Name: "Ana Rojas", Street: "Av. Providencia 1234",
					City: "Santiago", Region: "Metropolitana", Country: "Chile"}})
		if err == nil {
			if res.Payment.ClientSecret != "pi_e2e_secret_x" {
				t.Errorf("payment = %+v; want the PaymentIntent's client secret", res.Payment)
			}
			return res.Order
		}
		if commerce.ErrorKind(err) != commerce.KindOutOfStock &&
			commerce.ErrorKind(err) != commerce.KindInvalid {
			t.Fatalf("PlaceOrder = %v", err)
		}
	}
	t.Fatal("no demo product could be bought")
	return order.Order{}
}
