package payment

import (
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Charge asks a gateway to pay for an order.
type Charge struct {
	// IdempotencyKey makes the call safe to repeat; the store derives it
	// from the order, such as "CL-2026-7K3F-9QX2:authorize".
	IdempotencyKey string
	Amount         commerce.Money // Minor() is what the gateway charges
	OrderNumber    string
	CustomerID     commerce.UserID
	Email          string
	Description    string // shown on the shopper's statement where supported
	// Token is what the storefront got from the gateway's own form, such
	// as a card token; manual methods ignore it.
	Token     string
	ReturnURL string            // where a redirecting gateway sends the shopper back
	Metadata  map[string]string // passed through to the gateway
}

// Capture takes an authorized amount, or part of it.
type Capture struct {
	IdempotencyKey string
	Reference      string // the payment's reference from Authorize
	Amount         commerce.Money
}

// Void cancels an authorization that was never captured.
type Void struct {
	IdempotencyKey string
	Reference      string
}

// Refund gives money back.
type Refund struct {
	IdempotencyKey string
	Reference      string
	Amount         commerce.Money
	Reason         string
}

// Status is where a payment stands at the gateway.
type Status string

// The statuses a gateway reports.
const (
	StatusPending    Status = "pending"    // waiting for the shopper or for staff
	StatusAuthorized Status = "authorized" // held, not yet taken
	StatusCaptured   Status = "captured"   // taken: the order is paid
	StatusFailed     Status = "failed"     // declined or abandoned
	StatusVoided     Status = "voided"
	StatusRefunded   Status = "refunded"
)

// Result is what a gateway call did.
type Result struct {
	Status    Status
	Reference string         // the gateway's id of the payment
	Amount    commerce.Money // the amount the status is about
	// Instructions tell the shopper what to do next, such as the bank
	// account to transfer to.
	Instructions string
	// RedirectURL is where the shopper must go to finish paying, if
	// anywhere.
	RedirectURL string
	// ClientSecret lets the storefront finish the payment in the gateway's
	// own form (Stripe's PaymentIntent client secret), so card data never
	// touches the store. It is handed to the shopper and never stored.
	ClientSecret string
}

// Notification is what a webhook said about a payment.
type Notification struct {
	EventID     string // the gateway's id of the call, to drop repeats
	Reference   string
	OrderNumber string
	Status      Status
	Amount      commerce.Money
	At          time.Time
}
