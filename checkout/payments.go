package checkout

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
)

// PaymentStore remembers what gateways said and did after checkout: the
// webhook events applied, so that each is applied once, and the refunds
// made. The checkout/checkouttest suite (RunPayments) checks adapters.
type PaymentStore interface {
	// ClaimEvent records that the gateway's event is being applied. It
	// returns false, changing nothing, when the event was claimed before
	// and is applied or still being applied; a claim older than stale
	// that was never completed is taken over.
	ClaimEvent(ctx context.Context, gateway, eventID string, now time.Time,
		stale time.Duration) (bool, error)
	// CompleteEvent marks a claimed event applied, with the order it
	// concerned (zero: none).
	CompleteEvent(ctx context.Context, gateway, eventID string, id commerce.OrderID) error
	// ReleaseEvent forgets a claim, so that the gateway's next delivery of
	// the event is applied.
	ReleaseEvent(ctx context.Context, gateway, eventID string) error
	// Refunds returns an order's refunds, oldest first.
	Refunds(ctx context.Context, id commerce.OrderID) ([]RefundRecord, error)
	// AddRefund stores a refund. Two refunds of one order with the same
	// Seq are a KindConflict.
	AddRefund(ctx context.Context, r RefundRecord) error
}

// RefundRecord is money given back to a customer.
type RefundRecord struct {
	OrderID   commerce.OrderID
	Seq       int // 1 for an order's first refund
	Amount    commerce.Money
	Reference string // the gateway's reference
	ActorID   commerce.UserID
	At        time.Time
}

// PaymentsConfig holds what Payments needs besides its store.
type PaymentsConfig struct {
	Orders   *order.Service    // required
	Registry *payment.Registry // the checkout's; required
	Clock    commerce.Clock    // the system clock when nil
	// StaleClaim is how long an event claimed but never completed (the
	// server died in between) blocks its redelivery; 5 minutes when zero.
	StaleClaim time.Duration
	// Events hears what staff must know and no caller can be told:
	// webhooks not applied (EventWebhookIgnored), holds that could not be
	// voided or captured. commerce.Discard when nil.
	Events commerce.Publisher
}

// Payments applies what gateways report after checkout, webhooks, and the
// refunds staff make. It is safe for concurrent use.
type Payments struct {
	store    PaymentStore
	orders   *order.Service
	registry *payment.Registry
	clock    commerce.Clock
	stale    time.Duration
	events   commerce.Publisher
}

// NewPayments returns Payments over the store. It panics without Orders
// or Registry, a wiring mistake.
func NewPayments(store PaymentStore, cfg PaymentsConfig) *Payments {
	if store == nil || cfg.Orders == nil || cfg.Registry == nil {
		panic("checkout: NewPayments needs a store, Orders and a Registry")
	}
	p := &Payments{store: store, orders: cfg.Orders, registry: cfg.Registry, clock: cfg.Clock,
		stale: cfg.StaleClaim, events: cfg.Events}
	if p.events == nil {
		p.events = commerce.Discard
	}
	if p.clock == nil {
		p.clock = commerce.SystemClock{}
	}
	if p.stale <= 0 {
		p.stale = 5 * time.Minute
	}
	return p
}

// WebhookResult says what a gateway's event did.
type WebhookResult struct {
	EventID   string
	Duplicate bool // delivered before: nothing done
	Applied   bool // the order's payment moved
	// Ignored says why an event that was not a duplicate moved nothing,
	// one of the Ignored... constants; empty when Applied.
	Ignored string
	Order   string // the order's number, when the event concerned one
}

// Webhook verifies and applies a gateway's webhook. A bad signature is
// KindInvalid and changes nothing; a gateway that is unknown or takes no
// webhooks is KindNotFound. Each event is applied at most once. Events
// only move a payment forward (pending to paid or failed, paid to
// refunded); an authorization records a hold (order.Hold) and is voided at
// once when the order was cancelled meanwhile. One that arrives late, after
// the order moved past it, is acknowledged and ignored, as is one about no
// order of ours or for another amount: Ignored says why, and
// EventWebhookIgnored tells staff.
func (p *Payments) Webhook(ctx context.Context, gateway string,
	w payment.Webhook) (WebhookResult, error) {
	const op = "checkout.payment webhook"
	gw, ok := p.registry.Gateway(gateway)
	var wh payment.WebhookHandler
	if ok {
		wh, ok = payment.AsWebhookHandler(gw)
	}
	if !ok {
		return WebhookResult{}, commerce.NotFound(op, "medio de pago")
	}
	n, err := wh.ParseWebhook(ctx, w)
	if err != nil {
		return WebhookResult{}, gatewayError(op, err)
	}
	if n.EventID == "" {
		return WebhookResult{}, commerce.Errorf(commerce.KindInvalid, op, "evento sin id")
	}
	res := WebhookResult{EventID: n.EventID, Order: n.OrderNumber}
	claimed, err := p.store.ClaimEvent(ctx, gateway, n.EventID, p.clock.Now(), p.stale)
	if err != nil {
		return WebhookResult{}, fmt.Errorf("%s: %w", op, err)
	}
	if !claimed {
		res.Duplicate = true
		return res, nil
	}
	id, ignored, err := p.apply(ctx, gateway, n)
	if err != nil {
		if rerr := p.store.ReleaseEvent(ctx, gateway, n.EventID); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return WebhookResult{}, fmt.Errorf("%s: %w", op, err)
	}
	if err := p.store.CompleteEvent(ctx, gateway, n.EventID, id); err != nil {
		return WebhookResult{}, fmt.Errorf("%s: %w", op, err)
	}
	res.Applied, res.Ignored = ignored == "", ignored
	return res, nil
}

// webhookStatus is the payment status each gateway status moves an order
// to; pending leaves it as it is and authorized records a hold.
var webhookStatus = map[payment.Status]order.PaymentStatus{
	payment.StatusCaptured: order.PaymentPaid,
	payment.StatusFailed:   order.PaymentFailed,
	payment.StatusVoided:   order.PaymentFailed,
	payment.StatusRefunded: order.PaymentRefunded,
}

// Why a webhook's event was acknowledged without moving an order: the
// Ignored of WebhookResult and of EventWebhookIgnored.
const (
	IgnoredNoOrder           = "no_order"             // names no order number
	IgnoredUnknownOrder      = "unknown_order"        // no order has that number
	IgnoredStatus            = "status_not_applied"   // a status that moves nothing
	IgnoredOtherGateway      = "gateway_mismatch"     // the order pays with another
	IgnoredReferenceMismatch = "reference_mismatch"   // another payment of the order
	IgnoredAmountMismatch    = "amount_mismatch"      // not what the order costs
	IgnoredOutOfOrder        = "payment_already_past" // the payment moved past it
	EventWebhookIgnored      = "payment.webhook.ignored"
)

// WebhookIgnored is the data of EventWebhookIgnored.
type WebhookIgnored struct {
	Gateway   string         `json:"gateway"`
	EventID   string         `json:"event_id"`
	Order     string         `json:"order,omitempty"`
	Reference string         `json:"reference,omitempty"`
	Status    payment.Status `json:"status"`
	Amount    string         `json:"amount,omitempty"`
	Reason    string         `json:"reason"`
}

// apply moves the order the notification is about, if it should move, and
// otherwise says why not.
func (p *Payments) apply(ctx context.Context, gateway string,
	n payment.Notification) (commerce.OrderID, string, error) {
	id, reason, err := p.decide(ctx, gateway, n)
	if err == nil && reason != "" {
		data := WebhookIgnored{Gateway: gateway, EventID: n.EventID, Order: n.OrderNumber,
			Reference: n.Reference, Status: n.Status, Reason: reason}
		if n.Amount.Currency() != "" {
			data.Amount = n.Amount.Format()
		}
		_ = p.events.Publish(ctx, commerce.Event{Name: EventWebhookIgnored,
			Key: "payment:" + gateway, At: p.clock.Now(), Data: data})
	}
	return id, reason, err
}

func (p *Payments) decide(ctx context.Context, gateway string,
	n payment.Notification) (commerce.OrderID, string, error) {
	to, moves := webhookStatus[n.Status]
	if n.OrderNumber == "" {
		return 0, IgnoredNoOrder, nil
	}
	page, err := p.orders.Search(ctx, commerce.System, order.Filter{Number: n.OrderNumber,
		Page: 1, Limit: 1})
	if err != nil {
		return 0, "", err
	}
	if len(page.Orders) == 0 {
		return 0, IgnoredUnknownOrder, nil
	}
	o := page.Orders[0]
	switch {
	case o.PaymentMethod != gateway:
		return o.ID, IgnoredOtherGateway, nil
	case o.PaymentReference != "" && n.Reference != "" && o.PaymentReference != n.Reference:
		return o.ID, IgnoredReferenceMismatch, nil
	case (to == order.PaymentPaid || n.Status == payment.StatusAuthorized) &&
		(n.Amount.Currency() != o.Total.Currency() || n.Amount.Minor() != o.Total.Minor()):
		return o.ID, IgnoredAmountMismatch, nil // staff look into it
	case n.Status == payment.StatusAuthorized && p.captures(gateway):
		return o.ID, p.authorized(ctx, gateway, o, n), nil
	case !moves:
		return o.ID, IgnoredStatus, nil
	case !o.PaymentStatus.CanBecome(to):
		return o.ID, IgnoredOutOfOrder, nil
	}
	note := "aviso de " + gateway + " " + n.EventID
	_, err = p.orders.SetPayment(ctx, commerce.System, o.ID, to, n.Reference, note)
	if commerce.ErrorKind(err) == commerce.KindConflict {
		return o.ID, IgnoredOutOfOrder, nil // moved meanwhile, past this event
	}
	return o.ID, "", err
}

// captures reports whether a gateway captures what it authorized: only
// then is an authorization a hold to record.
func (p *Payments) captures(gateway string) bool {
	gw, ok := p.registry.Gateway(gateway)
	if ok {
		_, ok = payment.AsCapturer(gw)
	}
	return ok
}

// authorized records a hold the gateway announced. A hold on an order
// cancelled meanwhile (by its owner, by staff, or because its reservation
// expired) is voided at once: nobody is going to capture it.
func (p *Payments) authorized(ctx context.Context, gateway string, o order.Order,
	n payment.Notification) string {
	note := "pago autorizado, aviso de " + gateway + " " + n.EventID
	_, err := p.orders.RecordHold(ctx, commerce.System, o.ID, order.HoldAuthorized,
		n.Reference, note)
	if err == nil {
		return ""
	}
	o, rerr := p.orders.Order(ctx, commerce.System, o.ID)
	if rerr != nil || o.Status != order.StatusCancelled || o.PaymentStatus !=
		order.PaymentPending || o.Hold() != order.HoldNone {
		return IgnoredOutOfOrder
	}
	if o.PaymentReference == "" {
		o.PaymentReference = n.Reference
	}
	p.release(ctx, o)
	return ""
}

// RefundRequest is a refund staff ask for.
type RefundRequest struct {
	// Amount to give back; nil: all that was paid and not yet refunded.
	Amount *commerce.Money
	// Restock cancels the order and gives its reserved units back to the
	// warehouse. Only with a refund of everything, before shipping.
	Restock bool
	Note    string
}

// Refund gives a paid order's money back, all of it or part, through the
// gateway it was paid with, for staff holding commerce.PermRefunds.
// A refund of everything left marks the payment refunded; a partial one
// leaves it paid with a note on the timeline. The gateway's call carries
// the key "<order number>:refund:<n>", so a retry never refunds twice. It
// returns KindUnauthenticated, KindForbidden, KindNotFound, KindInvalid
// naming amount or restock, KindConflict for an order that is not paid or
// a gateway that refused, and KindUnavailable for a gateway that is down.
func (p *Payments) Refund(ctx context.Context, pr commerce.Principal, id commerce.OrderID,
	req RefundRequest) (order.Order, error) {
	const op = "checkout.refund"
	if err := pr.Require(op, commerce.PermRefunds); err != nil {
		return order.Order{}, err
	}
	o, err := p.orders.Order(ctx, pr, id)
	if err != nil {
		return order.Order{}, err
	}
	if o.PaymentStatus != order.PaymentPaid {
		return order.Order{}, commerce.Errorf(commerce.KindConflict, op,
			"solo se reembolsa un pedido pagado; este está %s", o.PaymentStatus.Spanish())
	}
	prior, err := p.store.Refunds(ctx, o.ID)
	if err != nil {
		return order.Order{}, fmt.Errorf("%s: %w", op, err)
	}
	left := o.Total
	for _, r := range prior {
		left = left.Sub(r.Amount)
	}
	if len(prior) > 0 && (left.IsZero() || left.IsNegative()) {
		// Refunded in full at the gateway, but the order was not marked:
		// the server stopped in between. Finish the job.
		return p.recordRefund(ctx, pr, o, prior[len(prior)-1].Amount, true,
			RefundRequest{Note: req.Note})
	}
	amount, err := refundAmount(op, req, o, left)
	if err != nil {
		return order.Order{}, err
	}
	all := amount.Equal(left)
	gw, ok := p.registry.Gateway(o.PaymentMethod)
	if !ok {
		return order.Order{}, commerce.Errorf(commerce.KindConflict, op,
			"el medio de pago %s ya no está disponible", o.PaymentMethod)
	}
	seq := len(prior) + 1
	r := payment.Refund{IdempotencyKey: o.Number + ":refund:" + strconv.Itoa(seq),
		Reference: o.PaymentReference, Amount: amount, Reason: req.Note}
	var res payment.Result
	if all && len(prior) == 0 {
		res, err = gw.Refund(ctx, r)
	} else if partial, ok := payment.AsPartialRefunder(gw); ok {
		res, err = partial.RefundPartial(ctx, r)
	} else {
		return order.Order{}, commerce.Invalid(op, commerce.FieldError{Field: "amount",
			Message: "este medio de pago solo reembolsa el total"})
	}
	if err != nil {
		return order.Order{}, gatewayError(op, err)
	}
	if err := p.store.AddRefund(ctx, RefundRecord{OrderID: o.ID, Seq: seq, Amount: amount,
		Reference: res.Reference, ActorID: pr.UserID, At: p.clock.Now()}); err != nil {
		return order.Order{}, fmt.Errorf("%s: %w", op, err)
	}
	return p.recordRefund(ctx, pr, o, amount, all, req)
}

// refundAmount checks the amount asked for against what is left to refund.
func refundAmount(op string, req RefundRequest, o order.Order,
	left commerce.Money) (commerce.Money, error) {
	var bad commerce.Fields
	amount := left
	if req.Amount != nil {
		amount = *req.Amount
		switch {
		case amount.Currency() != o.Currency:
			bad.Add("amount", "debe estar en "+string(o.Currency))
		case !amount.Round().Equal(amount):
			bad.Add("amount", "tiene más decimales de los que usa "+string(o.Currency))
		case amount.IsZero() || amount.IsNegative():
			bad.Add("amount", "debe ser mayor que cero")
		case amount.Cmp(left) > 0:
			bad.Add("amount", "supera lo que queda por reembolsar ("+left.Format()+")")
		}
	}
	if left.IsZero() || left.IsNegative() {
		bad.Add("amount", "el pedido ya fue reembolsado por completo")
	}
	if req.Restock && (req.Amount != nil && !amount.Equal(left) ||
		!o.Status.CanBecome(order.StatusCancelled) || len(o.Active()) == 0) {
		bad.Add("restock", "solo se reponen las unidades reservadas, con un reembolso total "+
			"antes del despacho")
	}
	return amount, bad.Err(op)
}

// recordRefund writes the refund on the order: its payment status and
// timeline, and the units back in stock when asked.
func (p *Payments) recordRefund(ctx context.Context, pr commerce.Principal, o order.Order,
	amount commerce.Money, all bool, req RefundRequest) (order.Order, error) {
	note := "reembolso de " + amount.Format()
	if req.Note != "" {
		note += ": " + req.Note
	}
	var err error
	if all {
		o, err = p.orders.SetPayment(ctx, pr, o.ID, order.PaymentRefunded, "", note)
	} else {
		o, err = p.orders.AddNote(ctx, pr, o.ID, "parcial: "+note)
	}
	if err != nil || !req.Restock {
		return o, err
	}
	return p.orders.SetStatus(ctx, pr, o.ID, order.StatusCancelled, "unidades repuestas")
}

// gatewayError gives a gateway's failure a kind the API can answer with:
// a refusal is a conflict with the gateway's message, a failure worth
// retrying is unavailable.
func gatewayError(op string, err error) error {
	if commerce.ErrorKind(err) != commerce.KindInternal {
		return err
	}
	var pe *payment.Error
	if !errors.As(err, &pe) {
		return commerce.Wrap(commerce.KindUnavailable, op, err,
			"el medio de pago no responde; inténtelo más tarde")
	}
	if pe.Retryable {
		return commerce.Wrap(commerce.KindUnavailable, op, err, pe.Message)
	}
	return commerce.Wrap(commerce.KindConflict, op, err, "el medio de pago lo rechazó: "+
		pe.Message)
}
