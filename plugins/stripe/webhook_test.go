package main

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v82/webhook"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
)

const secret = "whsec_test_secret"

func event(id, typ, object string) []byte {
	return fmt.Appendf(nil, `{"id":%q,"object":"event","type":%q,"created":1773500000,
		"api_version":"2025-01-27.acacia","data":{"object":%s}}`, id, typ, object)
}

func signed(body []byte, key string, at time.Time) http.Header {
	p := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: key,
		Timestamp: at})
	return http.Header{"Stripe-Signature": {p.Header}}
}

const intent = `{"id":"pi_123","object":"payment_intent","amount":26970,"currency":"clp",
	"status":"succeeded","metadata":{"order_number":"CL-2026-WHK1-0001"}}`

func TestWebhookSignature(t *testing.T) {
	g := newGateway(t, Config{WebhookSecret: secret})
	body := event("evt_1", "payment_intent.succeeded", intent)
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		ok     bool
	}{
		{"signed", signed(body, secret, time.Now()), body, true},
		{"other secret", signed(body, "whsec_other", time.Now()), body, false},
		{"body changed", signed(body, secret, time.Now()),
			event("evt_1", "payment_intent.succeeded",
				`{"id":"pi_123","object":"payment_intent","amount":1,"currency":"clp"}`), false},
		{"too old: a replay", signed(body, secret, time.Now().Add(-time.Hour)), body, false},
		{"unsigned", http.Header{}, body, false},
		{"garbage header", http.Header{"Stripe-Signature": {"t=abc,v1=zz"}}, body, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := g.ParseWebhook(ctx, payment.Webhook{Header: tt.header, Body: tt.body})
			if !tt.ok {
				if commerce.ErrorKind(err) != commerce.KindInvalid {
					t.Errorf("ParseWebhook = %+v, %v; want KindInvalid", n, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseWebhook = %v", err)
			}
			want := payment.Notification{EventID: "evt_1", Reference: "pi_123",
				OrderNumber: "CL-2026-WHK1-0001", Status: payment.StatusCaptured,
				Amount: clp(26970), At: time.Unix(1773500000, 0).UTC()}
			if n.EventID != want.EventID || n.Reference != want.Reference ||
				n.OrderNumber != want.OrderNumber || n.Status != want.Status ||
				!n.Amount.Equal(want.Amount) || !n.At.Equal(want.At) {
				t.Errorf("ParseWebhook = %+v; want %+v", n, want)
			}
		})
	}
	if _, ok := payment.AsWebhookHandler(newGateway(t, Config{})); ok {
		t.Error("a gateway without a webhook secret declares webhooks")
	}
}

func TestWebhookEvents(t *testing.T) {
	g := newGateway(t, Config{WebhookSecret: secret})
	charge := func(refunded bool, amount int64) string {
		return fmt.Sprintf(`{"id":"ch_1","object":"charge","amount":26970,"currency":"clp",
			"amount_refunded":%d,"refunded":%v,"payment_intent":"pi_123",
			"metadata":{"order_number":"CL-2026-WHK1-0001"}}`, amount, refunded)
	}
	tests := []struct {
		typ, object string
		status      payment.Status
	}{
		{"payment_intent.succeeded", intent, payment.StatusCaptured},
		{"payment_intent.amount_capturable_updated", intent, payment.StatusAuthorized},
		{"payment_intent.payment_failed", intent, payment.StatusPending}, // retry the same
		{"payment_intent.canceled", intent, payment.StatusVoided},
		{"charge.refunded", charge(true, 26970), payment.StatusRefunded},
		{"charge.refunded", charge(false, 5000), ""}, // partial: the order stays paid
		{"customer.created", `{"id":"cus_1","object":"customer"}`, ""},
	}
	for _, tt := range tests {
		body := event("evt_"+tt.typ, tt.typ, tt.object)
		n, err := g.ParseWebhook(ctx, payment.Webhook{Header: signed(body, secret, time.Now()),
			Body: body})
		if err != nil || n.Status != tt.status || n.EventID != "evt_"+tt.typ {
			t.Errorf("%s = %+v, %v; want status %q", tt.typ, n, err, tt.status)
		}
		if tt.status != "" && (n.Reference != "pi_123" || n.OrderNumber != "CL-2026-WHK1-0001") {
			t.Errorf("%s = %+v; want pi_123 of CL-2026-WHK1-0001", tt.typ, n)
		}
	}
}
