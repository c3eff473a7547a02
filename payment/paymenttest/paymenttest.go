// Package paymenttest is the contract every payment.Gateway must keep,
// as a test suite that built-in methods and plugins run against
// themselves.
package paymenttest

import (
	"context"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
)

// Charge is a valid charge for the gateway under test: a token its sandbox
// accepts, an amount in a currency it takes.
type Charge = payment.Charge

// Run checks g: its description, idempotent authorization, refunds, and the
// optional abilities it declares. ok is a charge the gateway accepts.
func Run(t *testing.T, g payment.Gateway, ok Charge) {
	t.Helper()
	t.Run("Describe", func(t *testing.T) { testDescribe(t, g) })
	t.Run("AuthorizeIsIdempotent", func(t *testing.T) { testAuthorize(t, g, ok) })
	t.Run("Refund", func(t *testing.T) { testRefund(t, g, ok) })
	t.Run("Webhook", func(t *testing.T) { testWebhook(t, g) })
}

func testDescribe(t *testing.T, g payment.Gateway) {
	d := g.Describe()
	if d.Name == "" || d.DisplayName == "" {
		t.Errorf("Describe() = %+v; want a name and a display name", d)
	}
	declared := map[payment.Capability]bool{
		payment.CanCapture:       implements[payment.Capturer](g),
		payment.CanVoid:          implements[payment.Voider](g),
		payment.CanRefundPartial: implements[payment.PartialRefunder](g),
		payment.CanWebhook:       implements[payment.WebhookHandler](g),
	}
	for c, impl := range declared {
		if d.Has(c) && !impl {
			t.Errorf("declares %q but does not implement it", c)
		}
	}
	for _, c := range d.Currencies {
		if !c.Valid() {
			t.Errorf("declares unknown currency %q", c)
		}
	}
}

func implements[I any](g payment.Gateway) bool {
	_, ok := g.(I)
	return ok
}

func testAuthorize(t *testing.T, g payment.Gateway, c Charge) {
	ctx := context.Background()
	c.IdempotencyKey = "paymenttest-authorize-" + c.OrderNumber
	first, err := g.Authorize(ctx, c)
	if err != nil {
		t.Fatalf("Authorize = %v", err)
	}
	again, err := g.Authorize(ctx, c)
	if err != nil {
		t.Fatalf("Authorize again = %v", err)
	}
	if first.Reference == "" || again.Reference != first.Reference ||
		again.Status != first.Status {
		t.Errorf("Authorize twice = %+v then %+v; want the same payment", first, again)
	}
	if first.Amount.Currency() != c.Amount.Currency() || first.Amount.Minor() != c.Amount.Minor() {
		t.Errorf("Authorize amount = %s; want %s", first.Amount, c.Amount)
	}
	switch first.Status {
	case payment.StatusPending, payment.StatusAuthorized, payment.StatusCaptured:
	default:
		t.Errorf("Authorize status = %q; want pending, authorized or captured", first.Status)
	}
}

func testRefund(t *testing.T, g payment.Gateway, c Charge) {
	ctx := context.Background()
	c.IdempotencyKey = "paymenttest-refund-" + c.OrderNumber
	res, err := g.Authorize(ctx, c)
	if err != nil {
		t.Fatalf("Authorize = %v", err)
	}
	if cp, ok := payment.AsCapturer(g); ok && res.Status == payment.StatusAuthorized {
		res, err = cp.Capture(ctx, payment.Capture{IdempotencyKey: c.IdempotencyKey + "-capture",
			Reference: res.Reference, Amount: c.Amount})
		if err != nil {
			t.Fatalf("Capture = %v", err)
		}
	}
	r := payment.Refund{IdempotencyKey: c.IdempotencyKey + "-refund", Reference: res.Reference,
		Amount: c.Amount, Reason: "paymenttest"}
	got, err := g.Refund(ctx, r)
	if err != nil {
		t.Fatalf("Refund = %v", err)
	}
	if got.Status != payment.StatusRefunded && got.Status != payment.StatusPending {
		t.Errorf("Refund status = %q; want refunded or pending", got.Status)
	}
	if _, err := g.Refund(ctx, payment.Refund{Amount: c.Amount}); err == nil {
		t.Error("Refund without key or reference succeeded")
	}
}

func testWebhook(t *testing.T, g payment.Gateway) {
	w, ok := payment.AsWebhookHandler(g)
	if !ok {
		t.Skip("no webhooks")
	}
	_, err := w.ParseWebhook(context.Background(), payment.Webhook{Body: []byte(`{"forged":1}`)})
	if err == nil || commerce.ErrorKind(err) != commerce.KindInvalid {
		t.Errorf("ParseWebhook(unsigned) = %v; want KindInvalid", err)
	}
}
