package checkouttest

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

// Order returns an order with its lines, allocations and timeline.
func (m *Memory) Order(_ context.Context, id commerce.OrderID) (order.Order, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.st.orders[id]
	if !ok {
		return o, commerce.NotFound("memory.order", "pedido")
	}
	return copyOrder(o), nil
}

// OrderByKey returns the order a customer placed with an idempotency key.
func (m *Memory) OrderByKey(ctx context.Context, c commerce.UserID,
	key string) (order.Order, error) {
	m.mu.Lock()
	id, ok := m.st.byKey[ownerKey{c, key}]
	m.mu.Unlock()
	if !ok || key == "" {
		return order.Order{}, commerce.NotFound("memory.order by key", "pedido")
	}
	return m.Order(ctx, id)
}

// Orders returns one page of the orders matching q, newest first.
func (m *Memory) Orders(_ context.Context, q order.Query) ([]order.Order, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var all []order.Order
	for _, o := range m.st.orders {
		if matches(o, q) {
			o.Lines, o.Allocations, o.Timeline = nil, nil, nil
			all = append(all, o)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if !all[i].CreatedAt.Equal(all[j].CreatedAt) {
			return all[i].CreatedAt.After(all[j].CreatedAt)
		}
		return all[i].ID > all[j].ID
	})
	total := len(all)
	lo, hi := min(q.Offset, total), min(q.Offset+q.Limit, total)
	return all[lo:hi], total, nil
}

func matches(o order.Order, q order.Query) bool {
	switch {
	case q.CustomerID != 0 && o.CustomerID != q.CustomerID,
		len(q.Statuses) > 0 && !contains(q.Statuses, o.Status),
		len(q.PaymentStatuses) > 0 && !contains(q.PaymentStatuses, o.PaymentStatus),
		!q.From.IsZero() && o.CreatedAt.Before(q.From),
		!q.To.IsZero() && !o.CreatedAt.Before(q.To),
		q.TotalMin != nil && o.Total.Amount().LessThan(*q.TotalMin),
		q.TotalMax != nil && o.Total.Amount().GreaterThan(*q.TotalMax),
		q.Number != "" && o.Number != q.Number:
		return false
	}
	return true
}

func contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Apply applies a transition when the order is still in the expected
// state, all or nothing.
func (m *Memory) Apply(_ context.Context, t order.Transition) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.st.orders[t.OrderID]
	if !ok {
		return commerce.NotFound("memory.apply", "pedido")
	}
	if o.Status != t.Status || o.PaymentStatus != t.PaymentStatus {
		return commerce.Errorf(commerce.KindConflict, "memory.apply", "el pedido cambió")
	}
	before := m.st.clone()
	o = copyOrder(o)
	if err := m.stock(&o, t.Stock); err != nil {
		m.st = before
		return err
	}
	stamp(&o, t)
	for _, e := range t.Entries {
		e.ID = m.id()
		o.Timeline = append(o.Timeline, e)
	}
	if err := m.enqueue(t.Events); err != nil {
		m.st = before
		return err
	}
	m.st.orders[o.ID] = o
	return nil
}

func stamp(o *order.Order, t order.Transition) {
	at := t.At
	if t.NewStatus != t.Status {
		switch t.NewStatus {
		case order.StatusShipped:
			o.ShippedAt = &at
		case order.StatusDelivered:
			o.DeliveredAt = &at
		case order.StatusCancelled:
			o.CancelledAt = &at
		}
	}
	o.Status, o.PaymentStatus, o.UpdatedAt = t.NewStatus, t.NewPaymentStatus, at
	if t.PaymentReference != "" {
		o.PaymentReference = t.PaymentReference
	}
}

// stock applies a transition's stock effect to the order's reserved
// allocations and their levels. The lock is held.
func (m *Memory) stock(o *order.Order, effect order.StockEffect) error {
	if effect == order.StockKeep {
		return nil
	}
	for i, a := range o.Allocations {
		if a.State != order.Reserved {
			continue
		}
		k := levelKey{a.ProductID, a.VariantID, a.WarehouseID}
		l := m.st.levels[k]
		if l.Reserved < a.Quantity || l.Quantity < a.Quantity {
			return commerce.Errorf(commerce.KindInternal, "memory.stock",
				"reserva inconsistente en bodega %s", strconv.FormatInt(int64(a.WarehouseID), 10))
		}
		l.Reserved -= a.Quantity
		o.Allocations[i].State = order.Released
		if effect == order.StockDeduct {
			l.Quantity -= a.Quantity
			o.Allocations[i].State = order.Deducted
		}
		m.st.levels[k] = l
	}
	return nil
}

// Expired returns pending unpaid orders whose reservation has expired.
func (m *Memory) Expired(_ context.Context, at time.Time, limit int) ([]order.Order, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []order.Order
	for _, o := range m.st.orders {
		if o.Status == order.StatusPending && o.PaymentStatus == order.PaymentPending &&
			!o.ReservedUntil.IsZero() && !o.ReservedUntil.After(at) && len(o.Active()) > 0 {
			out = append(out, copyOrder(o))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ReservedUntil.Before(out[j].ReservedUntil) })
	return out[:min(limit, len(out))], nil
}
