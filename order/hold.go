package order

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Hold is where a payment authorized at the gateway, and not yet captured,
// stands. It is kept on the timeline (entries of kind EntryAuthorization),
// beside the payment status, which stays pending until the money is taken.
type Hold string

// The states of a hold.
const (
	HoldNone          Hold = ""               // nothing held
	HoldAuthorized    Hold = "authorized"     // held on the card, not taken
	HoldCaptured      Hold = "captured"       // taken: the payment is paid
	HoldCaptureFailed Hold = "capture_failed" // a capture failed; still held
	HoldVoided        Hold = "voided"         // released at the gateway
	HoldVoidFailed    Hold = "void_failed"    // a release failed: staff must act
)

// Spanish returns the hold as the timeline shows it.
func (h Hold) Spanish() string {
	if t, ok := map[Hold]string{HoldAuthorized: "pago autorizado",
		HoldCaptured: "pago capturado", HoldCaptureFailed: "cobro fallido",
		HoldVoided:     "autorización anulada",
		HoldVoidFailed: "anulación fallida"}[h]; ok {
		return t
	}
	return string(h)
}

// EventHoldChanged is the event of a change of an order's hold. Data:
// StatusChange, From and To being holds.
const EventHoldChanged = "order.payment.hold"

// Hold returns where the order's held payment stands, from its timeline.
func (o Order) Hold() Hold {
	for i := len(o.Timeline) - 1; i >= 0; i-- {
		if o.Timeline[i].Kind == EntryAuthorization {
			return Hold(o.Timeline[i].To)
		}
	}
	return HoldNone
}

// Held reports whether the order's payment is authorized at the gateway
// and neither captured nor released: money the shopper cannot use.
func (o Order) Held() bool {
	h := o.Hold()
	return o.PaymentStatus == PaymentPending &&
		(h == HoldAuthorized || h == HoldCaptureFailed || h == HoldVoidFailed)
}

// Attempts returns how many times the hold reached state h: the number of
// failed captures or releases, from which gateway keys are derived.
func (o Order) Attempts(h Hold) int {
	n := 0
	for _, e := range o.Timeline {
		if e.Kind == EntryAuthorization && Hold(e.To) == h {
			n++
		}
	}
	return n
}

// Holds settles an order's held payment at its gateway when the order
// ships or is cancelled; checkout.Payments implements it. Set it with
// Service.SetHolds.
type Holds interface {
	// Capture takes the held payment of an order about to ship and records
	// it. An error stops the shipment.
	Capture(ctx context.Context, o Order) error
	// Release voids the held payment of an order just cancelled and
	// records the outcome on the order; a failure is recorded, never
	// returned, because it must not undo the cancellation.
	Release(ctx context.Context, o Order)
}

// SetHolds makes s settle held payments through h when an order ships or
// is cancelled. Call it once, at start, before serving.
func (s *Service) SetHolds(h Holds) { s.holds = h }

// RecordHold records a change of an order's held payment, with the
// gateway's reference when not empty, for the system and for staff holding
// commerce.PermOrdersManage. An authorization confirms a pending order
// (the money is guaranteed, the stock stays reserved for it); a capture
// marks the payment paid; a release marks it failed. It returns
// KindUnauthenticated, KindForbidden, KindNotFound and KindConflict for an
// order whose payment is no longer pending, or an authorization of a
// cancelled order (which the caller must then release).
func (s *Service) RecordHold(ctx context.Context, p commerce.Principal, id commerce.OrderID,
	to Hold, reference, note string) (Order, error) {
	const op = "order.record hold"
	if err := p.Require(op, commerce.PermOrdersManage); err != nil {
		return Order{}, err
	}
	var bad commerce.Fields
	checkNote(&bad, note)
	if err := bad.Err(op); err != nil {
		return Order{}, err
	}
	return s.change(ctx, op, id, func(c *change) error {
		return c.hold(op, to, p.UserID, reference, note)
	})
}

func (c *change) hold(op string, to Hold, actor commerce.UserID, ref, note string) error {
	from := c.o.Hold()
	if c.o.PaymentStatus != PaymentPending ||
		to == HoldAuthorized && (c.o.Status == StatusCancelled || c.o.Held()) {
		return commerce.Errorf(commerce.KindConflict, op,
			"el pago del pedido ya no está pendiente (%s, pago %s)", c.o.Status.Spanish(),
			c.o.PaymentStatus.Spanish())
	}
	if ref != "" {
		c.t.PaymentReference = ref
	}
	c.t.Entries = append(c.t.Entries, Entry{Kind: EntryAuthorization, From: string(from),
		To: string(to), ActorID: actor, Note: note, At: c.t.At})
	c.event(EventHoldChanged, StatusChange{From: string(from), To: string(to), ActorID: actor,
		Note: note})
	switch to {
	case HoldAuthorized:
		if c.t.NewStatus == StatusPending {
			return c.status(StatusConfirmed, actor, "pago autorizado")
		}
	case HoldCaptured:
		return c.payment(PaymentPaid, actor, ref, "pago capturado")
	case HoldVoided:
		return c.payment(PaymentFailed, actor, ref, "autorización anulada")
	}
	return nil
}

// capture has the held payment of an order about to ship taken first.
func (s *Service) capture(ctx context.Context, op string, id commerce.OrderID) error {
	if s.holds == nil {
		return nil
	}
	o, err := s.store.Order(ctx, id)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if !o.Held() || !o.Status.CanBecome(StatusShipped) {
		return nil
	}
	return s.holds.Capture(ctx, o)
}

// release has the held payment of an order just cancelled voided.
func (s *Service) release(ctx context.Context, o Order) {
	if s.holds != nil && o.Status == StatusCancelled && o.Held() {
		s.holds.Release(ctx, o)
	}
}
