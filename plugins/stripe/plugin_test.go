package main

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/plugins/host"
)

// TestAsAPlugin builds the plugin and runs it as the store does, with its
// settings in its environment.
func TestAsAPlugin(t *testing.T) {
	rec := record(t, stripeMock(t))
	dir := t.TempDir()
	if b, err := exec.Command("go", "build", "-o", filepath.Join(dir, "stripe"),
		".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	h, err := host.Open(ctx, host.Config{Dir: dir, Names: []string{"stripe"},
		HealthInterval: -1, Env: []string{"COMMERCE_STRIPE_SECRET_KEY=sk_test_123",
			"COMMERCE_STRIPE_API_URL=" + rec.URL, "COMMERCE_STRIPE_WEBHOOK_SECRET=" + secret}})
	if err != nil {
		t.Fatalf("Open = %v", err)
	}
	defer func() { _ = h.Close() }()
	g, _ := h.Gateway("stripe")
	d := g.Describe()
	if !d.Has(payment.CanWebhook) || !d.Has(payment.CanRefundPartial) ||
		d.Has(payment.CanCapture) || !d.Accepts(commerce.CLP) {
		t.Errorf("Describe = %+v; want webhooks, partial refunds, automatic capture, CLP", d)
	}
	res, err := g.Authorize(ctx, payment.Charge{IdempotencyKey: "CL-2026-PLUG-0001:authorize",
		Amount: clp(26970), OrderNumber: "CL-2026-PLUG-0001"})
	if err != nil || res.Reference == "" || res.ClientSecret == "" {
		t.Fatalf("Authorize = %+v, %v; want a PaymentIntent with its client secret", res, err)
	}
	if c := rec.take(); len(c) != 1 || c[0].Form.Get("amount") != "26970" {
		t.Errorf("Stripe got %+v; want amount=26970", c)
	}
	body := event("evt_9", "payment_intent.succeeded", intent)
	n, err := g.ParseWebhook(ctx, payment.Webhook{Header: signed(body, secret, time.Now()),
		Body: body})
	if err != nil || n.Status != payment.StatusCaptured || n.EventID != "evt_9" {
		t.Errorf("ParseWebhook through the host = %+v, %v", n, err)
	}
	_, err = g.ParseWebhook(ctx, payment.Webhook{Header: signed(body, "whsec_x", time.Now()),
		Body: body})
	if commerce.ErrorKind(err) != commerce.KindInvalid {
		t.Errorf("forged webhook through the host = %v; want KindInvalid", err)
	}
}
