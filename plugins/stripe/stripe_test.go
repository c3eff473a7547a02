package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/payment/paymenttest"
)

var ctx = context.Background()

func clp(n int64) commerce.Money { return commerce.FromMinor(n, commerce.CLP) }

func newGateway(t *testing.T, cfg Config) *Gateway {
	t.Helper()
	if cfg.SecretKey == "" {
		cfg.SecretKey = "sk_test_123"
	}
	g, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestContractAgainstStripeMock(t *testing.T) {
	rec := record(t, stripeMock(t))
	for _, manual := range []bool{false, true} {
		g := newGateway(t, Config{APIURL: rec.URL, WebhookSecret: "whsec_test",
			ManualCapture: manual})
		paymenttest.Run(t, g, payment.Charge{OrderNumber: fmt.Sprintf("CL-2026-STRP-M%v", manual),
			Amount: clp(26970)})
	}
}

func TestCLPIsSentInWholePesos(t *testing.T) {
	rec := record(t, stripeMock(t))
	g := newGateway(t, Config{APIURL: rec.URL})
	const key = "CL-2026-STRP-0002:authorize"
	res, err := g.Authorize(ctx, payment.Charge{IdempotencyKey: key, Amount: clp(26970),
		OrderNumber: "CL-2026-STRP-0002", Description: "Pedido CL-2026-STRP-0002"})
	if err != nil {
		t.Fatalf("Authorize = %v", err)
	}
	if res.Reference == "" || res.Status != payment.StatusPending || res.ClientSecret == "" {
		t.Errorf("Authorize without a token = %+v; want pending with a client secret", res)
	}
	calls := rec.take()
	if len(calls) != 1 || calls[0].Path != "/v1/payment_intents" {
		t.Fatalf("calls = %+v; want one PaymentIntent created", calls)
	}
	c := calls[0]
	if c.Form.Get("amount") != "26970" || c.Form.Get("currency") != "clp" ||
		c.Key != key+":create" || c.Form.Get("metadata[order_number]") != "CL-2026-STRP-0002" ||
		c.Form.Get("capture_method") != "automatic" {
		t.Errorf("create sent %v with key %q; want amount=26970 currency=clp, key %s:create",
			c.Form, c.Key, key)
	}

	refundKey := "CL-2026-STRP-0002:refund:1"
	if _, err := g.RefundPartial(ctx, payment.Refund{IdempotencyKey: refundKey,
		Reference: res.Reference, Amount: clp(5000)}); err != nil {
		t.Fatalf("RefundPartial = %v", err)
	}
	if _, err := g.Refund(ctx, payment.Refund{IdempotencyKey: refundKey + "-full",
		Reference: res.Reference, Amount: clp(21970)}); err != nil {
		t.Fatalf("Refund = %v", err)
	}
	calls = rec.take()
	if len(calls) != 2 {
		t.Fatalf("refund calls = %+v; want two", calls)
	}
	partial, full := calls[0], calls[1]
	if partial.Path != "/v1/refunds" || partial.Form.Get("amount") != "5000" ||
		partial.Form.Get("payment_intent") != res.Reference || partial.Key != refundKey+":refund" {
		t.Errorf("partial refund sent %s %v key %q; want amount=5000 whole pesos", partial.Path,
			partial.Form, partial.Key)
	}
	if full.Form.Has("amount") || full.Key != refundKey+"-full:refund" {
		t.Errorf("full refund sent %v key %q; want no amount: all that is left", full.Form,
			full.Key)
	}

	usd := commerce.FromMinor(1250, commerce.USD)
	if _, err := g.Authorize(ctx, payment.Charge{IdempotencyKey: "usd", Amount: usd}); err != nil {
		t.Fatal(err)
	}
	if c := rec.take(); len(c) != 1 || c[0].Form.Get("amount") != "1250" ||
		c[0].Form.Get("currency") != "usd" {
		t.Errorf("USD 12.50 sent %+v; want amount=1250 cents", c)
	}
}

func TestAmountsStripeCannotTakeSendNothing(t *testing.T) {
	rec := record(t, stripeMock(t))
	g := newGateway(t, Config{APIURL: rec.URL})
	half := commerce.NewMoney(decimal.RequireFromString("990.5"), commerce.CLP)
	for name, m := range map[string]commerce.Money{"fraction of a peso": half,
		"zero": clp(0), "negative": clp(-100)} {
		_, err := g.Authorize(ctx, payment.Charge{IdempotencyKey: "k", Amount: m})
		if commerce.ErrorKind(err) != commerce.KindInvalid {
			t.Errorf("Authorize(%s) = %v; want KindInvalid", name, err)
		}
	}
	_, err := g.RefundPartial(ctx, payment.Refund{IdempotencyKey: "k", Reference: "pi_1",
		Amount: half})
	if commerce.ErrorKind(err) != commerce.KindInvalid {
		t.Errorf("RefundPartial(990.5 CLP) = %v; want KindInvalid", err)
	}
	if c := rec.take(); len(c) != 0 {
		t.Errorf("sent %+v to Stripe; want nothing", c)
	}
}

func TestConfirmCaptureAndCancel(t *testing.T) {
	rec := record(t, stripeMock(t))
	g := newGateway(t, Config{APIURL: rec.URL, ManualCapture: true})
	if _, ok := payment.AsCapturer(g); !ok {
		t.Fatal("manual capture does not declare capture")
	}
	const key = "CL-2026-STRP-0003:authorize"
	res, err := g.Authorize(ctx, payment.Charge{IdempotencyKey: key, Amount: clp(15990),
		Token: "pm_card_visa", ReturnURL: "https://tienda.example/pedidos/1"})
	if err != nil {
		t.Fatalf("Authorize with a token = %v", err)
	}
	calls := rec.take()
	if len(calls) != 2 || calls[1].Path != "/v1/payment_intents/"+res.Reference+"/confirm" ||
		calls[1].Key != key+":confirm" || calls[1].Form.Get("payment_method") != "pm_card_visa" ||
		calls[0].Form.Get("capture_method") != "manual" {
		t.Fatalf("calls = %+v; want create (manual) then confirm with the token", calls)
	}
	if _, err := g.Capture(ctx, payment.Capture{IdempotencyKey: key + ":capture",
		Reference: res.Reference, Amount: clp(15990)}); err != nil {
		t.Fatalf("Capture = %v", err)
	}
	if _, err := g.Void(ctx, payment.Void{IdempotencyKey: key + ":void",
		Reference: res.Reference}); err != nil {
		t.Fatalf("Void = %v", err)
	}
	calls = rec.take()
	if len(calls) != 2 || !strings.HasSuffix(calls[0].Path, "/capture") ||
		calls[0].Form.Get("amount_to_capture") != "15990" ||
		!strings.HasSuffix(calls[1].Path, "/cancel") || calls[1].Key != key+":void:cancel" {
		t.Errorf("calls = %+v; want capture of 15990 then cancel, each with its key", calls)
	}
	if _, err := g.Capture(ctx, payment.Capture{Reference: res.Reference,
		Amount: clp(1)}); commerce.ErrorKind(err) != commerce.KindInvalid {
		t.Errorf("Capture without a key = %v; want KindInvalid", err)
	}
}

// TestStripeErrors answers as Stripe does when it refuses.
func TestStripeErrors(t *testing.T) {
	tests := []struct {
		name      string
		status    int
		body      string
		code      string
		retryable bool
		kind      commerce.Kind
		message   string
	}{
		{"insufficient funds", 402, `{"error":{"type":"card_error","code":"card_declined",
			"decline_code":"insufficient_funds","message":"Your card has insufficient funds."}}`,
			"card_declined", false, commerce.KindInternal, "la tarjeta no tiene fondos suficientes"},
		{"expired", 402, `{"error":{"type":"card_error","code":"expired_card"}}`,
			"expired_card", false, commerce.KindInternal, "la tarjeta está vencida"},
		{"stripe down", 500, `{"error":{"type":"api_error","message":"boom"}}`,
			"stripe_unavailable", true, commerce.KindInternal, ""},
		{"rate limited", 429, `{"error":{"type":"invalid_request_error","code":"rate_limit"}}`,
			"stripe_unavailable", true, commerce.KindInternal, ""},
		{"bad request", 400, `{"error":{"type":"invalid_request_error",
			"code":"parameter_invalid_integer"}}`,
			"parameter_invalid_integer", false, commerce.KindInvalid, ""},
		{"key reused", 400, `{"error":{"type":"idempotency_error",
			"message":"Keys for idempotent requests can only be used with the same parameters"}}`,
			"idempotency_conflict", false, commerce.KindConflict, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter,
				_ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			}))
			defer srv.Close()
			g := newGateway(t, Config{APIURL: srv.URL, NetworkRetries: -1})
			_, err := g.Authorize(ctx, payment.Charge{IdempotencyKey: "k", Amount: clp(1000)})
			var pe *payment.Error
			if !errors.As(err, &pe) {
				t.Fatalf("Authorize = %v; want a *payment.Error", err)
			}
			if pe.Code != tt.code || pe.Retryable != tt.retryable ||
				commerce.ErrorKind(err) != tt.kind || pe.Message == "" ||
				(tt.message != "" && pe.Message != tt.message) {
				t.Errorf("error = %+v (kind %v); want code %s retryable %v kind %v message %q",
					pe, commerce.ErrorKind(err), tt.code, tt.retryable, tt.kind, tt.message)
			}
		})
	}
}
