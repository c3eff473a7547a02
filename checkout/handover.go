package checkout

import (
	"context"
	"errors"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
)

// afterCommit empties the cart the order came from and relays the events,
// both best effort: the order is placed whatever happens here.
func (s *Service) afterCommit(ctx context.Context, p commerce.Principal, token string,
	req Request) {
	if s.carts != nil && req.fromCart {
		if err := s.carts.Clear(ctx, p, token); err != nil {
			s.log.WarnContext(ctx, "checkout: clear cart after order", "err", err)
		}
	}
	if s.outbox != nil && s.events != nil {
		if _, err := Relay(ctx, s.outbox, s.events, 100); err != nil {
			s.log.WarnContext(ctx, "checkout: relay after order", "err", err)
		}
	}
}

// handOver starts the payment of a stored order and records its outcome.
// The call's idempotency key comes from the order number, so calling again
// for the same order (a replayed request) starts nothing new. A declined
// payment marks the order's payment failed, which releases its stock; a
// failure worth retrying leaves the order pending, to be paid by hand or
// released when its reservation expires.
func (s *Service) handOver(ctx context.Context, o order.Order, gw payment.Gateway,
	req Request) Result {
	res, err := gw.Authorize(ctx, payment.Charge{IdempotencyKey: o.Number + ":authorize",
		Amount: o.Total, OrderNumber: o.Number, CustomerID: o.CustomerID, Email: req.Email,
		Description: "Pedido " + o.Number, Token: req.PaymentToken})
	switch {
	case err != nil && payment.Retryable(err):
		s.log.WarnContext(ctx, "checkout: payment not started", "order", o.Number, "err", err)
		return Result{Order: o, Message: shopperMessage(err)}
	case err != nil:
		return Result{Order: s.recordPayment(ctx, o, order.PaymentFailed, "", declined(err)),
			Payment: payment.Result{Status: payment.StatusFailed}, Message: shopperMessage(err)}
	case res.Status == payment.StatusCaptured:
		o = s.recordPayment(ctx, o, order.PaymentPaid, res.Reference, "pago recibido")
	case res.Status == payment.StatusAuthorized && o.PaymentStatus == order.PaymentPending &&
		o.Hold() == order.HoldNone && capturer(gw):
		got, err := s.orders.RecordHold(ctx, commerce.System, o.ID, order.HoldAuthorized,
			res.Reference, "pago autorizado; se cobra al despachar")
		if err != nil {
			s.log.WarnContext(ctx, "checkout: record hold", "order", o.Number, "err", err)
		} else {
			o = got
		}
	case res.Status == payment.StatusFailed:
		o = s.recordPayment(ctx, o, order.PaymentFailed, res.Reference, "pago rechazado")
	}
	out := Result{Order: o, Payment: res}
	if res.Status == payment.StatusFailed {
		out.Message = "el medio de pago rechazó el pago"
	}
	return out
}

// capturer reports whether gw captures what it authorized later: only then
// does an authorization hold the order's payment.
func capturer(gw payment.Gateway) bool {
	_, ok := payment.AsCapturer(gw)
	return ok
}

// recordPayment applies a payment outcome as the system, unless the order's
// payment moved on already (a replay, a webhook first).
func (s *Service) recordPayment(ctx context.Context, o order.Order, to order.PaymentStatus,
	ref, note string) order.Order {
	if o.PaymentStatus != order.PaymentPending {
		return o
	}
	got, err := s.orders.SetPayment(ctx, commerce.System, o.ID, to, ref, note)
	if err != nil {
		s.log.WarnContext(ctx, "checkout: record payment", "order", o.Number, "err", err)
		return o
	}
	return got
}

// declined returns the note a refused payment leaves on the timeline,
// which the customer sees: the gateway's message for shoppers, never its
// internals.
func declined(err error) string {
	var e *payment.Error
	if errors.As(err, &e) && e.Message != "" {
		return "pago rechazado: " + e.Message
	}
	return "pago rechazado"
}
