package main

import (
	"context"
	"encoding/json"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
)

// ParseWebhook implements payment.WebhookHandler: it verifies the
// Stripe-Signature header against the endpoint's secret, refusing
// signatures older than the tolerance (replays), and says what the event
// means for the order. Events that do not concern an order's payment come
// back with an empty Status, for the store to acknowledge and ignore.
func (g *Gateway) ParseWebhook(_ context.Context,
	w payment.Webhook) (payment.Notification, error) {
	const op = "stripe.webhook"
	ev, err := webhook.ConstructEventWithOptions(w.Body, w.Header.Get("Stripe-Signature"),
		g.cfg.WebhookSecret, webhook.ConstructEventOptions{Tolerance: g.cfg.Tolerance,
			IgnoreAPIVersionMismatch: true})
	if err != nil || g.cfg.WebhookSecret == "" {
		return payment.Notification{}, commerce.Errorf(commerce.KindInvalid, op,
			"firma del webhook inválida")
	}
	n := payment.Notification{EventID: ev.ID, At: time.Unix(ev.Created, 0).UTC()}
	switch ev.Type {
	case "payment_intent.succeeded", "payment_intent.amount_capturable_updated",
		"payment_intent.payment_failed", "payment_intent.canceled":
		var pi stripe.PaymentIntent
		if err := json.Unmarshal(ev.Data.Raw, &pi); err != nil {
			return payment.Notification{}, commerce.Wrap(commerce.KindInvalid, op, err,
				"evento mal formado")
		}
		n.Reference, n.OrderNumber = pi.ID, pi.Metadata["order_number"]
		n.Amount = money(pi.Amount, pi.Currency)
		n.Status = map[stripe.EventType]payment.Status{
			"payment_intent.succeeded":                 payment.StatusCaptured,
			"payment_intent.amount_capturable_updated": payment.StatusAuthorized,
			// A failed attempt leaves the PaymentIntent open for another
			// card: the order stays pending with its stock reserved until
			// the shopper pays or the reservation expires.
			"payment_intent.payment_failed": payment.StatusPending,
			"payment_intent.canceled":       payment.StatusVoided,
		}[ev.Type]
	case "charge.refunded":
		var ch stripe.Charge
		if err := json.Unmarshal(ev.Data.Raw, &ch); err != nil {
			return payment.Notification{}, commerce.Wrap(commerce.KindInvalid, op, err,
				"evento mal formado")
		}
		if ch.PaymentIntent != nil {
			n.Reference = ch.PaymentIntent.ID
		}
		n.OrderNumber = ch.Metadata["order_number"]
		n.Amount = money(ch.AmountRefunded, ch.Currency)
		if ch.Refunded { // all of it; a partial refund leaves the order paid
			n.Status = payment.StatusRefunded
		}
	}
	return n, nil
}
