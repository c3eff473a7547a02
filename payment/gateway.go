package payment

import (
	"context"
	"net/http"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Gateway is a payment method. Every method must be safe to call again with
// the same idempotency key: the second call returns the first call's result
// and charges nothing more.
type Gateway interface {
	// Describe returns what the gateway is and can do. It does no I/O.
	Describe() Description
	// Authorize starts paying for an order. A gateway without separate
	// capture (no Capturer) takes the money at once and returns
	// StatusCaptured; a manual method returns StatusPending with
	// instructions for the shopper.
	Authorize(ctx context.Context, c Charge) (Result, error)
	// Refund gives back the whole captured amount of a payment.
	Refund(ctx context.Context, r Refund) (Result, error)
}

// Capturer is a gateway that authorizes first and captures later, such as
// a card held at checkout and charged at shipment.
type Capturer interface {
	Capture(ctx context.Context, c Capture) (Result, error)
}

// Voider is a gateway that can cancel an authorization never captured.
type Voider interface {
	Void(ctx context.Context, v Void) (Result, error)
}

// PartialRefunder is a gateway whose Refund accepts less than the captured
// amount, and more than one refund per payment.
type PartialRefunder interface {
	RefundPartial(ctx context.Context, r Refund) (Result, error)
}

// WebhookHandler is a gateway that tells the store about payments by
// calling it back. ParseWebhook verifies the call's signature (KindInvalid
// when it does not hold) and says what happened.
type WebhookHandler interface {
	ParseWebhook(ctx context.Context, w Webhook) (Notification, error)
}

// Capability names an optional ability in a Description, so that a
// gateway behind a plugin boundary, whose client implements every
// interface, can say which ones truly work.
type Capability string

// The capabilities a gateway may declare.
const (
	CanCapture       Capability = "capture"        // Capturer
	CanVoid          Capability = "void"           // Voider
	CanRefundPartial Capability = "refund_partial" // PartialRefunder
	CanWebhook       Capability = "webhook"        // WebhookHandler
	Manual           Capability = "manual"         // staff confirm payments by hand
)

// Description says what a gateway is.
type Description struct {
	Name         string              // the method's code, such as "bank_transfer"; unique
	DisplayName  string              // shown to the shopper, such as "Transferencia bancaria"
	Currencies   []commerce.Currency // the currencies it takes; empty: every one
	Capabilities []Capability
	// Instructions tell the shopper how to pay a manual method (where to
	// transfer); shown while the payment is pending. Empty for the others.
	Instructions string
}

// Has reports whether the description declares a capability.
func (d Description) Has(c Capability) bool {
	for _, have := range d.Capabilities {
		if have == c {
			return true
		}
	}
	return false
}

// Accepts reports whether the gateway takes payments in a currency.
func (d Description) Accepts(c commerce.Currency) bool {
	if len(d.Currencies) == 0 {
		return true
	}
	for _, have := range d.Currencies {
		if have == c {
			return true
		}
	}
	return false
}

// AsCapturer returns g as a Capturer when it both implements the interface
// and declares CanCapture.
func AsCapturer(g Gateway) (Capturer, bool) {
	c, ok := g.(Capturer)
	return c, ok && g.Describe().Has(CanCapture)
}

// AsVoider returns g as a Voider when it implements it and declares CanVoid.
func AsVoider(g Gateway) (Voider, bool) {
	v, ok := g.(Voider)
	return v, ok && g.Describe().Has(CanVoid)
}

// AsPartialRefunder returns g as a PartialRefunder when it implements it and
// declares CanRefundPartial.
func AsPartialRefunder(g Gateway) (PartialRefunder, bool) {
	r, ok := g.(PartialRefunder)
	return r, ok && g.Describe().Has(CanRefundPartial)
}

// AsWebhookHandler returns g as a WebhookHandler when it implements it and
// declares CanWebhook.
func AsWebhookHandler(g Gateway) (WebhookHandler, bool) {
	w, ok := g.(WebhookHandler)
	return w, ok && g.Describe().Has(CanWebhook)
}

// Webhook is a call a gateway made to the store, as it arrived.
type Webhook struct {
	Header http.Header
	Body   []byte
}
