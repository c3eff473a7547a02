// Package paymenttest is the contract every payment.Gateway must keep,
// as a test suite that built-in methods and plugins run against
// themselves.
package paymenttest

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
)

// Charge is a valid charge for the gateway under test: a token its sandbox
// accepts, an amount in a currency it takes.
type Charge = payment.Charge

// Run checks g: its description, idempotent authorization, refunds, and the
// optional abilities it declares (Describe's Capabilities): capture, void,
// partial refunds and webhooks each get their own test, skipped when not
// declared. ok is a charge the gateway accepts; a gateway that leaves it
// pending for the shopper to finish (a client secret, a redirect) has its
// capture and refund tests skipped, since nothing was taken.
func Run(t *testing.T, g payment.Gateway, ok Charge) {
	t.Helper()
	t.Run("Describe", func(t *testing.T) { testDescribe(t, g) })
	t.Run("AuthorizeIsIdempotent", func(t *testing.T) { testAuthorize(t, g, ok) })
	t.Run("Refund", func(t *testing.T) { testRefund(t, g, ok) })
	t.Run("Capture", func(t *testing.T) { testCapture(t, g, ok) })
	t.Run("Void", func(t *testing.T) { testVoid(t, g, ok) })
	t.Run("RefundPartial", func(t *testing.T) { testRefundPartial(t, g, ok) })
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
	ctx := t.Context()
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
	ctx := t.Context()
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

// authorized authorizes c under key and skips the test unless the result
// is one of want.
func authorized(t *testing.T, g payment.Gateway, c Charge, key string,
	want ...payment.Status) payment.Result {
	t.Helper()
	c.IdempotencyKey = key
	res, err := g.Authorize(t.Context(), c)
	if err != nil {
		t.Fatalf("Authorize = %v", err)
	}
	for _, w := range want {
		if res.Status == w {
			return res
		}
	}
	t.Skipf("Authorize left the payment %s; the test needs %v", res.Status, want)
	return res
}

func testCapture(t *testing.T, g payment.Gateway, c Charge) {
	cp, ok := payment.AsCapturer(g)
	if !ok {
		t.Skip("does not declare capture")
	}
	ctx := t.Context()
	res := authorized(t, g, c, "paymenttest-capture-"+c.OrderNumber, payment.StatusAuthorized)
	req := payment.Capture{IdempotencyKey: "paymenttest-capture-" + c.OrderNumber + ":capture:1",
		Reference: res.Reference, Amount: c.Amount}
	first, err := cp.Capture(ctx, req)
	if err != nil {
		t.Fatalf("Capture = %v", err)
	}
	again, err := cp.Capture(ctx, req)
	if err != nil {
		t.Fatalf("Capture again with the same key = %v", err)
	}
	if first.Status != payment.StatusCaptured || again.Status != first.Status ||
		again.Reference != first.Reference {
		t.Errorf("Capture twice = %+v then %+v; want captured, the same payment", first, again)
	}
	if first.Amount.Currency() != c.Amount.Currency() || first.Amount.Minor() != c.Amount.Minor() {
		t.Errorf("Capture amount = %s; want %s", first.Amount, c.Amount)
	}
	if _, err := cp.Capture(ctx, payment.Capture{Reference: res.Reference,
		Amount: c.Amount}); err == nil {
		t.Error("Capture without an idempotency key succeeded")
	}
}

func testVoid(t *testing.T, g payment.Gateway, c Charge) {
	v, ok := payment.AsVoider(g)
	if !ok {
		t.Skip("does not declare void")
	}
	ctx := t.Context()
	res := authorized(t, g, c, "paymenttest-void-"+c.OrderNumber, payment.StatusAuthorized,
		payment.StatusPending)
	req := payment.Void{IdempotencyKey: "paymenttest-void-" + c.OrderNumber + ":void:1",
		Reference: res.Reference}
	first, err := v.Void(ctx, req)
	if err != nil {
		t.Fatalf("Void = %v", err)
	}
	again, err := v.Void(ctx, req)
	if err != nil {
		t.Fatalf("Void again with the same key = %v", err)
	}
	if first.Status != payment.StatusVoided || again.Status != first.Status {
		t.Errorf("Void twice = %+v then %+v; want voided both times", first, again)
	}
	if _, err := v.Void(ctx, payment.Void{Reference: res.Reference}); err == nil {
		t.Error("Void without an idempotency key succeeded")
	}
}

func testRefundPartial(t *testing.T, g payment.Gateway, c Charge) {
	pr, ok := payment.AsPartialRefunder(g)
	if !ok {
		t.Skip("does not declare refund_partial")
	}
	ctx := t.Context()
	key := "paymenttest-partial-" + c.OrderNumber
	res := authorized(t, g, c, key, payment.StatusAuthorized, payment.StatusCaptured)
	if res.Status == payment.StatusAuthorized {
		cp, ok := payment.AsCapturer(g)
		if !ok {
			t.Fatal("Authorize answered authorized from a gateway that does not declare capture")
		}
		var err error
		if res, err = cp.Capture(ctx, payment.Capture{IdempotencyKey: key + ":capture:1",
			Reference: res.Reference, Amount: c.Amount}); err != nil {
			t.Fatalf("Capture = %v", err)
		}
	}
	// A third of the amount, in whole minor units (whole pesos for CLP).
	third := commerce.FromMinor(c.Amount.Minor()/3, c.Amount.Currency())
	for i := 1; i <= 2; i++ {
		r := payment.Refund{IdempotencyKey: key + ":refund:" + strconv.Itoa(i),
			Reference: res.Reference, Amount: third, Reason: "paymenttest"}
		first, err := pr.RefundPartial(ctx, r)
		if err != nil {
			t.Fatalf("RefundPartial %d = %v", i, err)
		}
		again, err := pr.RefundPartial(ctx, r)
		if err != nil {
			t.Fatalf("RefundPartial %d again with the same key = %v", i, err)
		}
		if first.Status != payment.StatusRefunded && first.Status != payment.StatusPending ||
			again.Status != first.Status {
			t.Errorf("RefundPartial %d twice = %+v then %+v; want refunded or pending, "+
				"the same", i, first, again)
		}
		if first.Status == payment.StatusRefunded && first.Amount.Minor() != third.Minor() {
			t.Errorf("RefundPartial %d amount = %s; want %s", i, first.Amount, third)
		}
	}
}

func testWebhook(t *testing.T, g payment.Gateway) {
	w, ok := payment.AsWebhookHandler(g)
	if !ok {
		t.Skip("no webhooks")
	}
	for name, body := range map[string]string{"unsigned": `{"forged":1}`, "empty": ""} {
		_, err := w.ParseWebhook(t.Context(), payment.Webhook{Header: http.Header{},
			Body: []byte(body)})
		if err == nil || commerce.ErrorKind(err) != commerce.KindInvalid {
			t.Errorf("ParseWebhook(%s) = %v; want KindInvalid", name, err)
		}
	}
}
