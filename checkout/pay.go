package checkout

import (
	"context"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

// Pay starts the payment of a placed order again, for its owner or staff:
// after a gateway that was down or crashed left it pending, or to get a
// fresh client secret. The gateway call carries the order's key
// ("<order number>:authorize"), so a first attempt that did charge is
// returned as it is, never charged twice. It returns KindUnauthenticated,
// KindNotFound (also for an order p may not see) and KindConflict for an
// order no longer pending and unpaid or whose method is gone.
func (s *Service) Pay(ctx context.Context, p commerce.Principal, id commerce.OrderID,
	token string) (Result, error) {
	const op = "checkout.pay"
	o, err := s.orders.Order(ctx, p, id)
	if err != nil {
		return Result{}, err
	}
	if o.Status != order.StatusPending || o.PaymentStatus != order.PaymentPending {
		return Result{}, commerce.Errorf(commerce.KindConflict, op,
			"el pedido ya no espera su pago (%s, pago %s)", o.Status.Spanish(),
			o.PaymentStatus.Spanish())
	}
	gw, ok := s.payments.Gateway(o.PaymentMethod)
	if !ok {
		return Result{}, commerce.Errorf(commerce.KindConflict, op,
			"el medio de pago %s ya no está disponible", o.PaymentMethod)
	}
	return s.handOver(ctx, o, gw, Request{PaymentToken: token}), nil
}
