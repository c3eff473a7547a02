package rest_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/rest"
)

// holdGateway authorizes at checkout and captures or voids later, and
// records the keys of its captures.
type holdGateway struct {
	mu       sync.Mutex
	captures []string
}

func (g *holdGateway) Describe() payment.Description {
	return payment.Description{Name: "hold", DisplayName: "Tarjeta",
		Capabilities: []payment.Capability{payment.CanCapture, payment.CanVoid}}
}

func (g *holdGateway) Authorize(_ context.Context, c payment.Charge) (payment.Result, error) {
	return payment.Result{Status: payment.StatusAuthorized, Reference: "pi_" + c.OrderNumber,
		Amount: c.Amount}, nil
}

func (g *holdGateway) Refund(context.Context, payment.Refund) (payment.Result, error) {
	return payment.Result{}, payment.Declined("no", "no")
}

func (g *holdGateway) Capture(_ context.Context, c payment.Capture) (payment.Result, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.captures = append(g.captures, c.IdempotencyKey)
	return payment.Result{Status: payment.StatusCaptured, Reference: c.Reference,
		Amount: c.Amount}, nil
}

func (g *holdGateway) Void(_ context.Context, v payment.Void) (payment.Result, error) {
	return payment.Result{Status: payment.StatusVoided, Reference: v.Reference}, nil
}

func TestCaptureRoute(t *testing.T) {
	gw := &holdGateway{}
	s := newShop(t, memoryShop(t), func(s *shop, co *checkout.Config, api *rest.Config) {
		reg := payment.NewRegistry(gw)
		co.Payments = reg
		api.Payments = checkout.NewPayments(checkouttest.NewPaymentsMemory(),
			checkout.PaymentsConfig{Orders: s.orders, Registry: reg, Clock: s.clock})
		s.orders.SetHolds(api.Payments.Holds())
	})
	p := s.product(t, "Te", 11990, 10)
	body := orderBody(p.ID, 1)
	body["payment_method"] = "hold"
	placed := expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: body,
		as: s.customer(t)}), http.StatusCreated)
	data := placed["data"].(map[string]any)
	if data["status"] != "confirmed" || data["payment_status"] != "pending" ||
		data["hold"] != "authorized" {
		t.Fatalf("placed order = %v/%v hold %v; want confirmed, pending, authorized",
			data["status"], data["payment_status"], data["hold"])
	}
	capture := path("/admin/orders/{id}/capture", commerce.OrderID(idOf(t, placed)))
	expect(t, s.do(t, call{method: http.MethodPost, path: capture, as: s.customer(t)}),
		http.StatusForbidden)
	res := expect(t, s.do(t, call{method: http.MethodPost, path: capture, as: s.manager}),
		http.StatusOK)
	if d := res["data"].(map[string]any); d["payment_status"] != "paid" ||
		d["hold"] != "captured" {
		t.Errorf("after capture: payment %v, hold %v; want paid, captured",
			d["payment_status"], d["hold"])
	}
	expect(t, s.do(t, call{method: http.MethodPost, path: capture, as: s.manager}),
		http.StatusConflict)
	if len(gw.captures) != 1 || gw.captures[0] != data["number"].(string)+":capture:1" {
		t.Errorf("captures = %q; want one, keyed <number>:capture:1", gw.captures)
	}
}

func TestWebhookSaysWhyItWasNotApplied(t *testing.T) {
	s, _ := paymentShop(t)
	o := placeByCard(t, s)
	got := webhook(s, t, cardEvent{ID: "evt_less", Order: o.Number, Amount: 1}, "")
	if got["applied"] != false || got["ignored"] != checkout.IgnoredAmountMismatch {
		t.Errorf("webhook for 1 peso = %v; want not applied, ignored: amount_mismatch", got)
	}
	got = webhook(s, t, cardEvent{ID: "evt_ok", Order: o.Number, Amount: o.Total.Minor()}, "")
	if _, said := got["ignored"]; got["applied"] != true || said {
		t.Errorf("webhook for the total = %v; want applied, no ignored", got)
	}
}

func TestWebhooksAreNotRateLimitedByAddress(t *testing.T) {
	gw := &cardGateway{}
	s := newShop(t, memoryShop(t), func(s *shop, co *checkout.Config, api *rest.Config) {
		reg := payment.NewRegistry(gw)
		co.Payments = reg
		api.Payments = checkout.NewPayments(checkouttest.NewPaymentsMemory(),
			checkout.PaymentsConfig{Orders: s.orders, Registry: reg, Clock: s.clock})
		api.Limiter = ratelimit.NewMemory(ratelimit.MemoryConfig{Clock: s.clock})
		api.Limits = ratelimit.Policy{General: ratelimit.Limit{Count: 2, Period: time.Hour}}
	})
	for i := range 5 { // one gateway address, more calls than the general limit
		body, _ := json.Marshal(cardEvent{ID: "evt_" + string(rune('a'+i)),
			Order: "CL-2026-NONE-0000", Amount: 1})
		rec := s.do(t, call{method: http.MethodPost, path: "/payments/webhooks/card",
			body: string(body), header: map[string]string{"Card-Signature": sign(body)}})
		if rec.Code != http.StatusOK {
			t.Fatalf("webhook %d = %d %s; want 200", i+1, rec.Code, rec.Body)
		}
	}
	codes := []int{}
	for range 3 {
		codes = append(codes, s.do(t, call{method: http.MethodGet, path: "/health"}).Code)
	}
	if codes[2] != http.StatusTooManyRequests {
		t.Errorf("GET /health three times = %v; want the third limited (the limit holds)", codes)
	}
}

// failingGateway declines the token "tok_decline" and is down otherwise.
type failingGateway struct{ holdGateway }

func (g *failingGateway) Describe() payment.Description {
	return payment.Description{Name: "failing", DisplayName: "Tarjeta"}
}

func (g *failingGateway) Authorize(_ context.Context, c payment.Charge) (payment.Result,
	error) {
	if c.Token == "tok_decline" {
		return payment.Result{}, payment.Declined("card_declined",
			"la tarjeta fue rechazada por fondos insuficientes")
	}
	return payment.Result{}, payment.Unavailable("plugin_crashed", errors.New("killed"))
}

func TestPlaceOrderSaysWhyThePaymentDidNotGoThrough(t *testing.T) {
	s := newShop(t, memoryShop(t), func(s *shop, co *checkout.Config, api *rest.Config) {
		co.Payments = payment.NewRegistry(&failingGateway{})
	})
	p := s.product(t, "Te", 11990, 10)
	tests := []struct {
		token, status, payment, message string
	}{
		{"tok_decline", "cancelled", "failed",
			"la tarjeta fue rechazada por fondos insuficientes"},
		{"", "pending", "", "el medio de pago no está disponible; inténtelo más tarde"},
	}
	for _, tt := range tests {
		body := orderBody(p.ID, 1)
		body["payment_method"], body["payment_token"] = "failing", tt.token
		res := expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: body,
			as: s.customer(t)}), http.StatusCreated)
		data, pay := res["data"].(map[string]any), res["payment"].(map[string]any)
		if data["status"] != tt.status || pay["status"] != tt.payment ||
			pay["message"] != tt.message {
			t.Errorf("token %q: order %v, payment %v; want %s, payment status %q, message %q",
				tt.token, data["status"], pay, tt.status, tt.payment, tt.message)
		}
	}
}
