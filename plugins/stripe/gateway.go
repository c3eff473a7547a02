package main

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v82"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
)

// Name is the gateway's name in the store.
const Name = "stripe"

// Config is the plugin's settings.
type Config struct {
	SecretKey     string
	WebhookSecret string
	// APIURL replaces https://api.stripe.com, for stripe-mock.
	APIURL string
	// ManualCapture authorizes payments and leaves capturing them to a
	// separate call; by default Stripe captures at once.
	ManualCapture bool
	// Tolerance is how old a webhook's signature may be; 5 minutes.
	Tolerance time.Duration
	// NetworkRetries is how many times stripe-go retries a call that
	// failed in the network or with a 409, 429 or 5xx, with the same
	// idempotency key; 2 when zero, none when negative.
	NetworkRetries int
}

// Gateway is Stripe behind payment.Gateway.
type Gateway struct {
	sc  *stripe.Client
	cfg Config
}

// New returns the gateway. It needs a secret key.
func New(cfg Config) (*Gateway, error) {
	if cfg.SecretKey == "" {
		return nil, errors.New("COMMERCE_STRIPE_SECRET_KEY is not set")
	}
	if cfg.Tolerance <= 0 {
		cfg.Tolerance = 5 * time.Minute
	}
	if cfg.NetworkRetries == 0 {
		cfg.NetworkRetries = 2
	}
	bc := &stripe.BackendConfig{MaxNetworkRetries: stripe.Int64(int64(max(cfg.NetworkRetries, 0))),
		LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelError}}
	if cfg.APIURL != "" {
		bc.URL = stripe.String(strings.TrimRight(cfg.APIURL, "/"))
	}
	backends := &stripe.Backends{API: stripe.GetBackendWithConfig(stripe.APIBackend, bc)}
	return &Gateway{sc: stripe.NewClient(cfg.SecretKey, stripe.WithBackends(backends)),
		cfg: cfg}, nil
}

// Describe implements payment.Gateway.
func (g *Gateway) Describe() payment.Description {
	caps := []payment.Capability{payment.CanVoid, payment.CanRefundPartial}
	if g.cfg.ManualCapture {
		caps = append(caps, payment.CanCapture)
	}
	if g.cfg.WebhookSecret != "" {
		caps = append(caps, payment.CanWebhook)
	}
	return payment.Description{Name: Name, DisplayName: "Tarjeta de crédito o débito",
		Currencies:   []commerce.Currency{commerce.CLP, commerce.USD, commerce.EUR},
		Capabilities: caps}
}

// amount returns m as Stripe takes it: in the currency's smallest unit,
// which for CLP, a zero-decimal currency at Stripe, is whole pesos.
func amount(op string, m commerce.Money) (int64, string, error) {
	if !m.Round().Equal(m) || m.Minor() <= 0 {
		return 0, "", commerce.Errorf(commerce.KindInvalid, op,
			"monto inválido para %s: %s", m.Currency(), m.Amount())
	}
	return m.Minor(), strings.ToLower(string(m.Currency())), nil
}

func money(minor int64, currency stripe.Currency) commerce.Money {
	return commerce.FromMinor(minor, commerce.Currency(strings.ToUpper(string(currency))))
}

// key derives the idempotency key of one Stripe call from the store's key
// of the operation (order number and attempt), so that a retried checkout
// repeats each call with its own key and never charges twice.
func key(op, step string) (*string, error) {
	if op == "" {
		return nil, commerce.Errorf(commerce.KindInvalid, "stripe."+step,
			"falta la clave de idempotencia")
	}
	return stripe.String(op + ":" + step), nil
}

// Authorize creates a PaymentIntent for the charge and, when the charge
// carries a payment method token, confirms it. Without one the result is
// pending with the client secret, for the storefront to confirm with
// Stripe.js.
func (g *Gateway) Authorize(ctx context.Context, c payment.Charge) (payment.Result, error) {
	const op = "stripe.authorize"
	minor, cur, err := amount(op, c.Amount)
	if err != nil {
		return payment.Result{}, err
	}
	k, err := key(c.IdempotencyKey, "create")
	if err != nil {
		return payment.Result{}, err
	}
	p := &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(minor),
		Currency: stripe.String(cur), CaptureMethod: stripe.String("automatic")}
	if g.cfg.ManualCapture {
		p.CaptureMethod = stripe.String("manual")
	}
	if c.Description != "" {
		p.Description = stripe.String(c.Description)
	}
	if c.Email != "" {
		p.ReceiptEmail = stripe.String(c.Email)
	}
	p.AddMetadata("order_number", c.OrderNumber)
	for k, v := range c.Metadata {
		p.AddMetadata(k, v)
	}
	p.IdempotencyKey = k
	pi, err := g.sc.V1PaymentIntents.Create(ctx, p)
	if err != nil {
		return payment.Result{}, failure(op, err)
	}
	if c.Token != "" {
		k, _ := key(c.IdempotencyKey, "confirm")
		cp := &stripe.PaymentIntentConfirmParams{PaymentMethod: stripe.String(c.Token)}
		if c.ReturnURL != "" {
			cp.ReturnURL = stripe.String(c.ReturnURL)
		}
		cp.IdempotencyKey = k
		if pi, err = g.sc.V1PaymentIntents.Confirm(ctx, pi.ID, cp); err != nil {
			return payment.Result{}, failure(op, err)
		}
	}
	return intentResult(pi), nil
}

// Capture implements payment.Capturer: it captures an authorized
// PaymentIntent, all of it or less.
func (g *Gateway) Capture(ctx context.Context, c payment.Capture) (payment.Result, error) {
	const op = "stripe.capture"
	minor, _, err := amount(op, c.Amount)
	if err != nil {
		return payment.Result{}, err
	}
	k, err := key(c.IdempotencyKey, "capture")
	if err != nil {
		return payment.Result{}, err
	}
	p := &stripe.PaymentIntentCaptureParams{AmountToCapture: stripe.Int64(minor)}
	p.IdempotencyKey = k
	pi, err := g.sc.V1PaymentIntents.Capture(ctx, c.Reference, p)
	if err != nil {
		return payment.Result{}, failure(op, err)
	}
	return intentResult(pi), nil
}

// Void implements payment.Voider: it cancels a PaymentIntent not yet
// captured.
func (g *Gateway) Void(ctx context.Context, v payment.Void) (payment.Result, error) {
	k, err := key(v.IdempotencyKey, "cancel")
	if err != nil {
		return payment.Result{}, err
	}
	p := &stripe.PaymentIntentCancelParams{}
	p.IdempotencyKey = k
	pi, err := g.sc.V1PaymentIntents.Cancel(ctx, v.Reference, p)
	if err != nil {
		return payment.Result{}, failure("stripe.void", err)
	}
	// Stripe answers a cancel with the canceled intent or with an error, so
	// success means voided whatever status the answer echoes (stripe-mock's
	// canned intents keep theirs).
	res := intentResult(pi)
	res.Status, res.ClientSecret, res.RedirectURL = payment.StatusVoided, "", ""
	return res, nil
}

// Refund implements payment.Gateway: it refunds what is left of the
// payment.
func (g *Gateway) Refund(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return g.refund(ctx, r, false)
}

// RefundPartial implements payment.PartialRefunder: it refunds r.Amount,
// in whole pesos for CLP.
func (g *Gateway) RefundPartial(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return g.refund(ctx, r, true)
}

func (g *Gateway) refund(ctx context.Context, r payment.Refund,
	partial bool) (payment.Result, error) {
	const op = "stripe.refund"
	if r.Reference == "" {
		return payment.Result{}, commerce.Errorf(commerce.KindInvalid, op,
			"falta la referencia del pago")
	}
	k, err := key(r.IdempotencyKey, "refund")
	if err != nil {
		return payment.Result{}, err
	}
	p := &stripe.RefundCreateParams{PaymentIntent: stripe.String(r.Reference),
		Reason: stripe.String("requested_by_customer")}
	if partial {
		minor, _, err := amount(op, r.Amount)
		if err != nil {
			return payment.Result{}, err
		}
		p.Amount = stripe.Int64(minor)
	}
	p.AddMetadata("reason", r.Reason)
	p.IdempotencyKey = k
	re, err := g.sc.V1Refunds.Create(ctx, p)
	if err != nil {
		return payment.Result{}, failure(op, err)
	}
	res := payment.Result{Status: payment.StatusRefunded, Reference: r.Reference,
		Amount: money(re.Amount, re.Currency)}
	switch re.Status {
	case stripe.RefundStatusPending, stripe.RefundStatusRequiresAction:
		res.Status = payment.StatusPending
	case stripe.RefundStatusFailed, stripe.RefundStatusCanceled:
		return payment.Result{}, payment.Declined("refund_failed",
			"Stripe no pudo hacer la devolución")
	}
	return res, nil
}

// intentResult maps a PaymentIntent to the store's payment result.
func intentResult(pi *stripe.PaymentIntent) payment.Result {
	res := payment.Result{Status: intentStatus(pi.Status), Reference: pi.ID,
		Amount: money(pi.Amount, pi.Currency)}
	if res.Status == payment.StatusPending {
		res.ClientSecret = pi.ClientSecret
		if na := pi.NextAction; na != nil && na.RedirectToURL != nil {
			res.RedirectURL = na.RedirectToURL.URL
		}
	}
	return res
}

func intentStatus(s stripe.PaymentIntentStatus) payment.Status {
	switch s {
	case stripe.PaymentIntentStatusSucceeded:
		return payment.StatusCaptured
	case stripe.PaymentIntentStatusRequiresCapture:
		return payment.StatusAuthorized
	case stripe.PaymentIntentStatusCanceled:
		return payment.StatusVoided
	default: // requires_payment_method, _confirmation, _action, processing
		return payment.StatusPending
	}
}

// failure maps Stripe's errors to the store's: a card refused is a final
// decline with a message for the shopper; Stripe down, rate limits and
// lost connections are temporary; a request Stripe rejects is invalid.
func failure(op string, err error) error {
	var se *stripe.Error
	if !errors.As(err, &se) {
		return payment.Temporary("stripe_unreachable", err)
	}
	switch {
	case se.Type == stripe.ErrorTypeCard:
		return &payment.Error{Code: string(se.Code), Message: declineMessage(se), Err: err}
	case se.HTTPStatusCode == 429 || se.HTTPStatusCode >= 500 ||
		se.Type == stripe.ErrorTypeAPI:
		return payment.Temporary("stripe_unavailable", err)
	case se.Type == stripe.ErrorTypeIdempotency:
		return &payment.Error{Code: "idempotency_conflict",
			Message: "el pago ya se está procesando",
			Err:     commerce.Wrap(commerce.KindConflict, op, err, "pago en curso")}
	case se.HTTPStatusCode == 404:
		return &payment.Error{Code: "not_found", Message: "el pago no existe en Stripe",
			Err: commerce.Wrap(commerce.KindNotFound, op, err, "pago")}
	}
	return &payment.Error{Code: string(se.Code), Message: "Stripe rechazó la operación",
		Err: commerce.Wrap(commerce.KindInvalid, op, err, "operación rechazada")}
}

// declineMessage says in Spanish why a card was refused, never echoing
// card details.
func declineMessage(se *stripe.Error) string {
	switch se.Code {
	case stripe.ErrorCodeExpiredCard:
		return "la tarjeta está vencida"
	case stripe.ErrorCodeIncorrectCVC:
		return "el código de seguridad no es correcto"
	case stripe.ErrorCodeProcessingError:
		return "hubo un error al procesar la tarjeta; inténtelo de nuevo"
	}
	if se.DeclineCode == stripe.DeclineCodeInsufficientFunds {
		return "la tarjeta no tiene fondos suficientes"
	}
	return "la tarjeta fue rechazada"
}
