package checkout

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/pricing"
)

// build turns a quote into the order to store, pending and unpaid.
func (s *Service) build(p commerce.Principal, req Request, q pricing.Quote) order.Order {
	now := s.clock.Now()
	o := order.Order{CustomerID: p.UserID, Status: order.StatusPending,
		PaymentStatus: order.PaymentPending, Currency: q.Currency, Subtotal: q.Subtotal,
		Discount: q.Discount, Shipping: q.Shipping.Amount, ShippingTax: q.Shipping.Tax,
		Tax: q.Tax, TaxInclusive: q.Inclusive, Total: q.Total,
		ShippingMethod: q.Shipping.Code, PaymentMethod: req.PaymentMethod,
		ShippingAddress: req.ShippingAddress, BillingAddress: req.BillingAddress,
		Notes: req.Notes, IdempotencyKey: req.IdempotencyKey, ReservedUntil: now.Add(s.ttl),
		CreatedAt: now, UpdatedAt: now}
	for _, l := range q.Lines {
		o.Lines = append(o.Lines, order.Line{ProductID: l.ProductID, VariantID: l.VariantID,
			Name: l.Name, SKU: l.SKU, Quantity: l.Quantity, UnitPrice: l.UnitPrice,
			Amount: l.Amount, Discount: l.Discount, TaxRate: l.TaxRate, Tax: l.Tax,
			Total: l.Total})
	}
	o.Timeline = []order.Entry{{Kind: order.EntryStatus, To: string(order.StatusPending),
		ActorID: p.UserID, Note: "pedido creado", At: now}}
	return o
}

// commit runs the unit of work, drawing a new order number when the one
// drawn is taken.
func (s *Service) commit(ctx context.Context, op string, o *order.Order, fields []string) error {
	for try := 1; ; try++ {
		number, err := order.NewNumber(s.prefix, o.CreatedAt, s.random)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		o.Number = number
		err = s.store.Atomically(ctx, func(ctx context.Context, tx Tx) error {
			return s.place(ctx, tx, o, fields)
		})
		if errors.Is(err, order.ErrNumberTaken) && try < numberAttempts {
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return nil
	}
}

// place is the unit of work: reserve, store the order, enqueue its events.
// It starts from o as built each time, since the store may run it again.
func (s *Service) place(ctx context.Context, tx Tx, o *order.Order, fields []string) error {
	o.ID, o.Allocations = 0, nil
	levels, err := s.reserve(ctx, tx, o, fields)
	if err != nil {
		return err
	}
	if err := tx.CreateOrder(ctx, o); err != nil {
		return fmt.Errorf("create order: %w", err)
	}
	if err := tx.Enqueue(ctx, placedEvents(*o, levels)...); err != nil {
		return fmt.Errorf("enqueue events: %w", err)
	}
	return nil
}

// placedEvents announces the order, its reservations, and the stock levels
// they changed, with a low-stock warning for those at or below their
// reorder point.
func placedEvents(o order.Order, levels []inventory.Level) []commerce.Event {
	key, at := order.Key(o.ID), o.CreatedAt
	events := []commerce.Event{
		{Name: order.EventCreated, Key: key, At: at, Data: order.SummaryOf(o)},
		{Name: order.EventStockReserved, Key: key, At: at, Data: order.StockMovement{
			OrderID: o.ID, Number: o.Number, Allocations: o.Allocations}},
	}
	for _, l := range levels {
		pk := "product:" + strconv.FormatInt(int64(l.ProductID), 10)
		events = append(events, commerce.Event{Name: inventory.EventStockChanged, Key: pk,
			At: at, Data: l})
		if l.Low() {
			events = append(events, commerce.Event{Name: inventory.EventStockLow, Key: pk,
				At: at, Data: l})
		}
	}
	return events
}
