package checkout

import (
	"context"
	"errors"
	"strconv"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
)

// Events of held payments that staff must hear about. Data: HoldProblem.
const (
	EventVoidFailed    = "payment.void.failed"
	EventCaptureFailed = "payment.capture.failed"
)

// HoldProblem describes a held payment that could not be settled.
type HoldProblem struct {
	OrderID   commerce.OrderID `json:"order_id"`
	Number    string           `json:"number"`
	Gateway   string           `json:"gateway"`
	Reference string           `json:"reference"`
	Attempt   int              `json:"attempt"`
	Error     string           `json:"error"`
}

// Capture takes the held payment of an order, by hand, for staff holding
// commerce.PermOrdersManage: the money the shopper authorized at checkout.
// The gateway call carries the key "<order number>:capture:<attempt>". It
// returns KindUnauthenticated, KindForbidden, KindNotFound, KindConflict
// for an order with nothing held or a gateway that refused, and
// KindUnavailable for a gateway that is down; a failure is also recorded on
// the timeline.
func (p *Payments) Capture(ctx context.Context, pr commerce.Principal,
	id commerce.OrderID) (order.Order, error) {
	const op = "checkout.capture"
	if err := pr.Require(op, commerce.PermOrdersManage); err != nil {
		return order.Order{}, err
	}
	o, err := p.orders.Order(ctx, pr, id)
	if err != nil {
		return order.Order{}, err
	}
	if !o.Held() || o.Status == order.StatusCancelled {
		return order.Order{}, commerce.Errorf(commerce.KindConflict, op,
			"el pedido no tiene un pago autorizado por capturar (pago %s)",
			o.PaymentStatus.Spanish())
	}
	if err := p.capture(ctx, op, pr.UserID, o); err != nil {
		return order.Order{}, err
	}
	return p.orders.Order(ctx, pr, id)
}

// Capture implements order.Holds: the held payment of an order about to
// ship is taken first, and a failure stops the shipment.
func (h holds) Capture(ctx context.Context, o order.Order) error {
	return h.p.capture(ctx, "checkout.capture", 0, o)
}

func (p *Payments) capture(ctx context.Context, op string, actor commerce.UserID,
	o order.Order) error {
	gw, ok := p.registry.Gateway(o.PaymentMethod)
	var c payment.Capturer
	if ok {
		c, ok = payment.AsCapturer(gw)
	}
	if !ok {
		return commerce.Errorf(commerce.KindConflict, op,
			"el medio de pago %s no captura pagos autorizados; cóbrelo en su panel",
			o.PaymentMethod)
	}
	attempt := o.Attempts(order.HoldCaptureFailed) + 1
	res, err := c.Capture(ctx, payment.Capture{
		IdempotencyKey: o.Number + ":capture:" + strconv.Itoa(attempt),
		Reference:      o.PaymentReference, Amount: o.Total})
	if err == nil && res.Status != payment.StatusCaptured {
		err = payment.Declined("capture_"+string(res.Status),
			"el medio de pago no confirmó el cobro")
	}
	if err != nil {
		p.problem(ctx, EventCaptureFailed, o, attempt, err)
		_, rerr := p.orders.RecordHold(ctx, commerce.System, o.ID, order.HoldCaptureFailed, "",
			"no se pudo cobrar el pago autorizado: "+shopperMessage(err))
		return errors.Join(gatewayError(op, err), rerr)
	}
	ref := res.Reference
	if ref == "" {
		ref = o.PaymentReference
	}
	_, err = p.orders.RecordHold(ctx, commerce.System, o.ID, order.HoldCaptured, ref,
		"pago capturado por "+res.Amount.Format())
	return err
}

// holds is Payments as order.Holds, so that Payments' own Capture, for
// staff, keeps its name.
type holds struct{ p *Payments }

// Holds returns what settles held payments for the order service: pass it
// to order.Service.SetHolds.
func (p *Payments) Holds() order.Holds { return holds{p} }

// Release implements order.Holds: the held payment of a cancelled order is
// voided at its gateway. The outcome goes on the timeline; a failure also
// emits EventVoidFailed, for staff to void it in the gateway's dashboard.
func (h holds) Release(ctx context.Context, o order.Order) {
	h.p.release(ctx, o)
}

func (p *Payments) release(ctx context.Context, o order.Order) {
	attempt := o.Attempts(order.HoldVoidFailed) + 1
	gw, ok := p.registry.Gateway(o.PaymentMethod)
	var v payment.Voider
	if ok {
		v, ok = payment.AsVoider(gw)
	}
	var err error
	if !ok {
		err = payment.Declined("void_unsupported", "el medio de pago no anula autorizaciones")
	} else {
		var res payment.Result
		res, err = v.Void(ctx, payment.Void{
			IdempotencyKey: o.Number + ":void:" + strconv.Itoa(attempt),
			Reference:      o.PaymentReference})
		if err == nil && res.Status != payment.StatusVoided {
			err = payment.Declined("void_"+string(res.Status),
				"el medio de pago no confirmó la anulación")
		}
	}
	if err == nil {
		_, err = p.orders.RecordHold(ctx, commerce.System, o.ID, order.HoldVoided, "",
			"autorización anulada en "+o.PaymentMethod)
		if err == nil {
			return
		}
	}
	p.problem(ctx, EventVoidFailed, o, attempt, err)
	_, _ = p.orders.RecordHold(ctx, commerce.System, o.ID, order.HoldVoidFailed, "",
		"no se pudo anular la autorización: "+shopperMessage(err)+
			"; anúlela en el panel del medio de pago")
}

// problem announces a held payment that could not be settled.
func (p *Payments) problem(ctx context.Context, name string, o order.Order, attempt int,
	err error) {
	_ = p.events.Publish(ctx, commerce.Event{Name: name, Key: order.Key(o.ID),
		At: p.clock.Now(), Data: HoldProblem{OrderID: o.ID, Number: o.Number,
			Gateway: o.PaymentMethod, Reference: o.PaymentReference, Attempt: attempt,
			Error: err.Error()}})
}

// shopperMessage is a gateway failure as the timeline may show it.
func shopperMessage(err error) string {
	var e *payment.Error
	if errors.As(err, &e) && e.Message != "" {
		return e.Message
	}
	return "el medio de pago no respondió"
}
