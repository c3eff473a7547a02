package checkouttest

import (
	"context"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// PaymentsMemory is an in-memory checkout.PaymentStore.
type PaymentsMemory struct {
	mu      sync.Mutex
	events  map[[2]string]eventClaim
	refunds map[commerce.OrderID][]checkout.RefundRecord
}

type eventClaim struct {
	at   time.Time
	done bool
}

var _ checkout.PaymentStore = (*PaymentsMemory)(nil)

// NewPaymentsMemory returns an empty PaymentsMemory.
func NewPaymentsMemory() *PaymentsMemory {
	return &PaymentsMemory{events: map[[2]string]eventClaim{},
		refunds: map[commerce.OrderID][]checkout.RefundRecord{}}
}

// ClaimEvent implements checkout.PaymentStore.
func (m *PaymentsMemory) ClaimEvent(_ context.Context, gateway, eventID string, now time.Time,
	stale time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{gateway, eventID}
	if c, ok := m.events[k]; ok && (c.done || now.Sub(c.at) < stale) {
		return false, nil
	}
	m.events[k] = eventClaim{at: now}
	return true, nil
}

// CompleteEvent implements checkout.PaymentStore.
func (m *PaymentsMemory) CompleteEvent(_ context.Context, gateway, eventID string,
	_ commerce.OrderID) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{gateway, eventID}
	c := m.events[k]
	c.done = true
	m.events[k] = c
	return nil
}

// ReleaseEvent implements checkout.PaymentStore.
func (m *PaymentsMemory) ReleaseEvent(_ context.Context, gateway, eventID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.events, [2]string{gateway, eventID})
	return nil
}

// Refunds implements checkout.PaymentStore.
func (m *PaymentsMemory) Refunds(_ context.Context,
	id commerce.OrderID) ([]checkout.RefundRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]checkout.RefundRecord(nil), m.refunds[id]...), nil
}

// AddRefund implements checkout.PaymentStore.
func (m *PaymentsMemory) AddRefund(_ context.Context, r checkout.RefundRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, old := range m.refunds[r.OrderID] {
		if old.Seq == r.Seq {
			return commerce.Errorf(commerce.KindConflict, "add refund",
				"reembolso %d del pedido %d ya existe", r.Seq, r.OrderID)
		}
	}
	m.refunds[r.OrderID] = append(m.refunds[r.OrderID], r)
	return nil
}
