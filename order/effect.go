package order

import "github.com/ecommerce-moderno/moderno/commerce"

// status moves the change to another status, with the entry, the event and
// the stock effect that go with it. It returns KindConflict for a move the
// state machine does not allow.
func (c *change) status(to Status, actor commerce.UserID, note string) error {
	from := c.t.NewStatus
	if err := CheckStatus(from, to); err != nil {
		return err
	}
	c.t.NewStatus = to
	c.t.Entries = append(c.t.Entries, Entry{Kind: EntryStatus, From: string(from),
		To: string(to), ActorID: actor, Note: note, At: c.t.At})
	c.event(EventStatusChanged, StatusChange{From: string(from), To: string(to),
		ActorID: actor, Note: note})
	switch to {
	case StatusCancelled:
		c.stock(StockRelease, Released, EventStockReleased)
	case StatusShipped:
		c.stock(StockDeduct, Deducted, EventStockDeducted)
	}
	return nil
}

// payment moves the change to another payment status, and the order along
// with it: paid confirms a pending order, failed cancels it.
func (c *change) payment(to PaymentStatus, actor commerce.UserID, ref, note string) error {
	from := c.t.NewPaymentStatus
	if err := CheckPayment(from, to); err != nil {
		return err
	}
	c.t.NewPaymentStatus = to
	c.t.PaymentReference = ref
	c.t.Entries = append(c.t.Entries, Entry{Kind: EntryPayment, From: string(from),
		To: string(to), ActorID: actor, Note: note, At: c.t.At})
	c.event(EventPaymentChanged, StatusChange{From: string(from), To: string(to),
		ActorID: actor, Note: note})
	switch {
	case to == PaymentPaid && c.t.NewStatus == StatusPending:
		return c.status(StatusConfirmed, actor, "pago recibido")
	case to == PaymentFailed && c.t.NewStatus.CanBecome(StatusCancelled):
		return c.status(StatusCancelled, actor, "pago fallido")
	case to == PaymentFailed:
		c.stock(StockRelease, Released, EventStockReleased)
	}
	return nil
}

// stock sets the effect on the allocations still reserved, if any, and
// announces it.
func (c *change) stock(effect StockEffect, becomes AllocationState, event string) {
	active := c.o.Active()
	if len(active) == 0 || c.t.Stock != StockKeep {
		return
	}
	c.t.Stock = effect
	for i := range active {
		active[i].State = becomes
	}
	c.t.Events = append(c.t.Events, commerce.Event{Name: event, Key: Key(c.o.ID), At: c.t.At,
		Data: StockMovement{OrderID: c.o.ID, Number: c.o.Number, Allocations: active}})
}

func (c *change) event(name string, data StatusChange) {
	data.OrderID, data.Number, data.CustomerID, data.At = c.o.ID, c.o.Number, c.o.CustomerID,
		c.t.At
	c.t.Events = append(c.t.Events, commerce.Event{Name: name, Key: Key(c.o.ID), At: c.t.At,
		Data: data})
}
