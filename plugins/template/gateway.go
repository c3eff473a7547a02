package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
)

// Name is the gateway's name: the plugin's file name in the plugins
// directory, its entry in COMMERCE_PAYMENT_PLUGINS, the {gateway} of its
// webhook route, and the prefix of its settings (COMMERCE_TEMPLATE_...).
const Name = "template"

// DeclineToken is the token this example declines, to show how a refusal
// travels back to the shopper.
const DeclineToken = "tok_decline"

// Gateway is an example gateway that approves every charge at once and
// keeps its payments in memory. A real gateway calls its provider's API
// where this one writes to payments, sending the idempotency key along.
type Gateway struct {
	apiKey string

	mu       sync.Mutex
	payments map[string]payment.Result // by reference
}

// New returns the gateway with its provider's API key.
func New(apiKey string) *Gateway {
	return &Gateway{apiKey: apiKey, payments: map[string]payment.Result{}}
}

// Describe says what the gateway is and can do. The store asks instead of
// guessing: declare only the abilities you implement.
func (g *Gateway) Describe() payment.Description {
	return payment.Description{Name: Name, DisplayName: "Pago de ejemplo",
		Currencies:   []commerce.Currency{commerce.CLP},
		Capabilities: []payment.Capability{payment.CanRefundPartial}}
}

// Authorize takes the payment. Calling it again with the same idempotency
// key must return the same payment and never charge twice: derive the
// reference from the key, or pass the key to the provider.
func (g *Gateway) Authorize(_ context.Context, c payment.Charge) (payment.Result, error) {
	if c.IdempotencyKey == "" {
		return payment.Result{}, commerce.Errorf(commerce.KindInvalid, "template.authorize",
			"falta la clave de idempotencia")
	}
	if c.Token == DeclineToken {
		return payment.Result{}, payment.Declined("card_declined", "la tarjeta fue rechazada")
	}
	ref := reference(c.IdempotencyKey)
	g.mu.Lock()
	defer g.mu.Unlock()
	if res, ok := g.payments[ref]; ok {
		return res, nil
	}
	res := payment.Result{Status: payment.StatusCaptured, Reference: ref, Amount: c.Amount}
	g.payments[ref] = res
	return res, nil
}

// Refund gives the whole payment back.
func (g *Gateway) Refund(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return g.RefundPartial(ctx, r)
}

// RefundPartial gives back r.Amount of the payment, in whole pesos for
// CLP (r.Amount.Minor()).
func (g *Gateway) RefundPartial(_ context.Context, r payment.Refund) (payment.Result, error) {
	if r.IdempotencyKey == "" || r.Reference == "" {
		return payment.Result{}, commerce.Errorf(commerce.KindInvalid, "template.refund",
			"faltan la clave de idempotencia o la referencia")
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	paid, ok := g.payments[r.Reference]
	if !ok {
		return payment.Result{}, commerce.NotFound("template.refund", "pago")
	}
	if r.Amount.Minor() <= 0 || r.Amount.Minor() > paid.Amount.Minor() {
		return payment.Result{}, payment.Declined("amount_too_large",
			"el monto a devolver supera lo pagado")
	}
	return payment.Result{Status: payment.StatusRefunded, Reference: r.Reference,
		Amount: r.Amount}, nil
}

func reference(key string) string {
	sum := sha256.Sum256([]byte(Name + "\x00" + key))
	return "tpl_" + hex.EncodeToString(sum[:10])
}
