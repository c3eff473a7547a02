package order

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// attempts is how many times a change is decided again when the order
// changed between reading it and applying the change.
const attempts = 3

// SetStatus moves an order to another status, for staff holding
// commerce.PermOrdersManage, with a note for the timeline. Cancelling
// releases the reserved stock; shipping deducts it. It returns
// KindUnauthenticated, KindForbidden, KindInvalid naming status or note,
// KindNotFound, and KindConflict for a move the state machine does not allow.
func (s *Service) SetStatus(ctx context.Context, p commerce.Principal, id commerce.OrderID,
	to Status, note string) (Order, error) {
	const op = "order.set status"
	if err := p.Require(op, commerce.PermOrdersManage); err != nil {
		return Order{}, err
	}
	var bad commerce.Fields
	bad.Check(to.Valid(), "status", "estado desconocido")
	checkNote(&bad, note)
	if err := bad.Err(op); err != nil {
		return Order{}, err
	}
	if to == StatusShipped {
		if err := s.capture(ctx, op, id); err != nil {
			return Order{}, err
		}
	}
	o, err := s.change(ctx, op, id, func(c *change) error {
		return c.status(to, p.UserID, note)
	})
	if err == nil {
		s.release(ctx, o)
	}
	return o, err
}

// SetPayment records a payment's new status, and the gateway's reference
// when not empty, for staff holding commerce.PermOrdersManage (who confirm
// bank transfers and cash on delivery by hand) and for the system (payment
// webhooks). A payment made on a pending order confirms it; a failed
// payment releases the stock and cancels the order while it can be
// cancelled. Recording a refund needs commerce.PermRefunds. It returns the
// errors of SetStatus, naming payment_status.
func (s *Service) SetPayment(ctx context.Context, p commerce.Principal, id commerce.OrderID,
	to PaymentStatus, reference, note string) (Order, error) {
	const op = "order.set payment"
	perm := commerce.PermOrdersManage
	if to == PaymentRefunded {
		perm = commerce.PermRefunds // money going back out is an admin's call
	}
	if err := p.Require(op, perm); err != nil {
		return Order{}, err
	}
	var bad commerce.Fields
	bad.Check(to.Valid(), "payment_status", "estado de pago desconocido")
	bad.Check(utf8.RuneCountInString(reference) <= 255, "payment_reference", "demasiado largo")
	checkNote(&bad, note)
	if err := bad.Err(op); err != nil {
		return Order{}, err
	}
	return s.change(ctx, op, id, func(c *change) error {
		return c.payment(to, p.UserID, reference, note)
	})
}

// Cancel cancels an order and releases its stock: the owner's while it is
// pending and unpaid, or confirmed with its payment only held at the gateway
// (see Hold), any cancellable order for staff holding
// commerce.PermOrdersManage. A held payment is voided at its gateway
// (Holds.Release) after the cancellation. It returns KindUnauthenticated, KindInvalid
// naming note, KindNotFound (also for an order p may not see) and
// KindConflict.
func (s *Service) Cancel(ctx context.Context, p commerce.Principal, id commerce.OrderID,
	note string) (Order, error) {
	const op = "order.cancel"
	if !p.Authenticated() {
		return Order{}, commerce.Errorf(commerce.KindUnauthenticated, op, "debe iniciar sesión")
	}
	var bad commerce.Fields
	checkNote(&bad, note)
	if err := bad.Err(op); err != nil {
		return Order{}, err
	}
	o, err := s.change(ctx, op, id, func(c *change) error {
		if !mayRead(p, c.o) {
			return commerce.NotFound(op, "pedido")
		}
		if c.o.Status == StatusCancelled {
			return commerce.Errorf(commerce.KindConflict, op, "el pedido ya está cancelado")
		}
		staff := p.Can(commerce.PermOrdersManage)
		unpaid := c.o.Status == StatusPending && c.o.PaymentStatus == PaymentPending ||
			c.o.Status == StatusConfirmed && c.o.Held()
		if !staff && !unpaid {
			return commerce.Errorf(commerce.KindConflict, op,
				"el pedido ya está en curso; contáctenos para cancelarlo")
		}
		return c.status(StatusCancelled, p.UserID, note)
	})
	if err == nil {
		s.release(ctx, o)
	}
	return o, err
}

// AddNote adds a note to an order's timeline, for staff holding
// commerce.PermOrdersManage. It returns KindUnauthenticated, KindForbidden,
// KindInvalid naming note, and KindNotFound.
func (s *Service) AddNote(ctx context.Context, p commerce.Principal, id commerce.OrderID,
	note string) (Order, error) {
	const op = "order.add note"
	if err := p.Require(op, commerce.PermOrdersManage); err != nil {
		return Order{}, err
	}
	var bad commerce.Fields
	bad.Check(note != "", "note", "es obligatoria")
	checkNote(&bad, note)
	if err := bad.Err(op); err != nil {
		return Order{}, err
	}
	return s.change(ctx, op, id, func(c *change) error {
		c.t.Entries = append(c.t.Entries, Entry{Kind: EntryNote, ActorID: p.UserID, Note: note,
			At: c.t.At})
		return nil
	})
}

// ExpireReservations cancels, as the system, up to limit pending unpaid
// orders whose reservation has expired, releasing their stock, and returns
// how many it cancelled. It is a job to run every minute or so; running it
// twice, or on two servers at once, cancels each order once.
func (s *Service) ExpireReservations(ctx context.Context, limit int) (int, error) {
	const op = "order.expire reservations"
	orders, err := s.store.Expired(ctx, s.clock.Now(), limit)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", op, err)
	}
	n := 0
	for _, o := range orders {
		c := newChange(o, s.clock.Now())
		if err := c.status(StatusCancelled, 0, "reserva de stock vencida"); err != nil {
			continue
		}
		err := s.store.Apply(ctx, c.t)
		if k := commerce.ErrorKind(err); err != nil &&
			(k == commerce.KindConflict || k == commerce.KindNotFound) {
			continue // paid, confirmed or cancelled meanwhile: nothing to expire
		}
		if err != nil {
			return n, fmt.Errorf("%s: %w", op, err)
		}
		n++
		if s.holds != nil { // an authorization may have come in meanwhile
			if got, err := s.store.Order(ctx, o.ID); err == nil {
				s.release(ctx, got)
			}
		}
	}
	return n, nil
}

// change reads an order, lets decide plan the transition, and applies it;
// when the order changed in between, it reads and decides again.
func (s *Service) change(ctx context.Context, op string, id commerce.OrderID,
	decide func(c *change) error) (Order, error) {
	for i := 0; ; i++ {
		o, err := s.store.Order(ctx, id)
		if err != nil {
			return Order{}, fmt.Errorf("%s: %w", op, err)
		}
		c := newChange(o, s.clock.Now())
		if err := decide(c); err != nil {
			return Order{}, err
		}
		err = s.store.Apply(ctx, c.t)
		if commerce.ErrorKind(err) == commerce.KindConflict && i+1 < attempts {
			continue
		}
		if err != nil {
			return Order{}, fmt.Errorf("%s: %w", op, err)
		}
		o, err = s.store.Order(ctx, id)
		if err != nil {
			return Order{}, fmt.Errorf("%s: %w", op, err)
		}
		return o, nil
	}
}

func checkNote(bad *commerce.Fields, note string) {
	bad.Check(utf8.ValidString(note) && utf8.RuneCountInString(note) <= 1000, "note",
		"máximo 1000 caracteres")
}

// change is a transition being decided from an order as it was read.
type change struct {
	o Order
	t Transition
}

func newChange(o Order, at time.Time) *change {
	return &change{o: o, t: Transition{OrderID: o.ID, Status: o.Status,
		PaymentStatus: o.PaymentStatus, NewStatus: o.Status, NewPaymentStatus: o.PaymentStatus,
		At: at}}
}
