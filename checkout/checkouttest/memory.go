package checkouttest

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

// Memory keeps products, stock, orders, the outbox and idempotency keys in
// memory, behind one mutex: the reference implementation of the stores
// checkout and order declare, for tests and examples. It is safe for
// concurrent use.
type Memory struct {
	// Clock stamps the events MarkPublished marks; the system clock when
	// nil. Set it before first use.
	Clock commerce.Clock

	mu sync.Mutex
	st state
}

var (
	_ checkout.Store    = (*Memory)(nil)
	_ checkout.KeyStore = (*Memory)(nil)
	_ checkout.Outbox   = (*Memory)(nil)
	_ checkout.Catalog  = (*Memory)(nil)
	_ order.Store       = (*Memory)(nil)
)

type levelKey struct {
	p commerce.ProductID
	v commerce.VariantID
	w commerce.WarehouseID
}

type ownerKey struct {
	customer commerce.UserID
	key      string
}

// state is everything Memory keeps. Its values are never changed in
// place, so a shallow copy of its maps is a snapshot to roll back to.
type state struct {
	products   map[commerce.ProductID]catalog.Product
	warehouses map[commerce.WarehouseID]bool // active
	levels     map[levelKey]inventory.Level
	orders     map[commerce.OrderID]order.Order
	numbers    map[string]commerce.OrderID
	byKey      map[ownerKey]commerce.OrderID
	outbox     []checkout.OutboxEvent
	published  map[int64]time.Time
	keys       map[[2]string]checkout.KeyRecord
	last       int64 // the last id handed out, for every kind of row
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{st: state{products: map[commerce.ProductID]catalog.Product{},
		warehouses: map[commerce.WarehouseID]bool{}, levels: map[levelKey]inventory.Level{},
		orders: map[commerce.OrderID]order.Order{}, numbers: map[string]commerce.OrderID{},
		byKey: map[ownerKey]commerce.OrderID{}, published: map[int64]time.Time{},
		keys: map[[2]string]checkout.KeyRecord{}}}
}

func (s state) clone() state {
	c := s
	c.products = cloneMap(s.products)
	c.warehouses = cloneMap(s.warehouses)
	c.levels = cloneMap(s.levels)
	c.orders = cloneMap(s.orders)
	c.numbers = cloneMap(s.numbers)
	c.byKey = cloneMap(s.byKey)
	c.published = cloneMap(s.published)
	c.keys = cloneMap(s.keys)
	c.outbox = append([]checkout.OutboxEvent(nil), s.outbox...)
	return c
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	c := make(map[K]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func (m *Memory) id() int64 { m.st.last++; return m.st.last }

// AddWarehouse adds an active warehouse and returns its id.
func (m *Memory) AddWarehouse() commerce.WarehouseID {
	m.mu.Lock()
	defer m.mu.Unlock()
	id := commerce.WarehouseID(m.id())
	m.st.warehouses[id] = true
	return id
}

// AddProduct stores a product and its variants, setting their ids.
func (m *Memory) AddProduct(p *catalog.Product) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p.ID = commerce.ProductID(m.id())
	for i := range p.Variants {
		p.Variants[i].ID = commerce.VariantID(m.id())
		p.Variants[i].ProductID = p.ID
	}
	m.st.products[p.ID] = *p
}

// SetLevels writes stock levels, keeping the reserved units of existing
// ones.
func (m *Memory) SetLevels(ls ...inventory.Level) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, l := range ls {
		k := levelKey{l.ProductID, l.VariantID, l.WarehouseID}
		l.Reserved = m.st.levels[k].Reserved
		m.st.levels[k] = l
	}
}

// Levels returns every level of a product and its variants, by variant
// then warehouse.
func (m *Memory) Levels(_ context.Context, p commerce.ProductID) ([]inventory.Level, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []inventory.Level
	for k, l := range m.st.levels {
		if k.p == p {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].VariantID != out[j].VariantID {
			return out[i].VariantID < out[j].VariantID
		}
		return out[i].WarehouseID < out[j].WarehouseID
	})
	return out, nil
}

// Product returns a product with the units available filled in, as
// catalog stores do.
func (m *Memory) Product(_ context.Context, id commerce.ProductID) (catalog.Product, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.st.products[id]
	if !ok {
		return p, commerce.NotFound("memory.product", "producto")
	}
	p.Variants = append([]catalog.Variant(nil), p.Variants...)
	p.Available = 0
	for k, l := range m.st.levels {
		if k.p != id {
			continue
		}
		p.Available += l.Available()
		for i := range p.Variants {
			if p.Variants[i].ID == k.v {
				p.Variants[i].Available += l.Available()
			}
		}
	}
	return p, nil
}

// Atomically runs fn holding the store's lock, on a snapshot it restores
// when fn fails.
func (m *Memory) Atomically(ctx context.Context,
	fn func(ctx context.Context, tx checkout.Tx) error) (err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	before := m.st.clone()
	defer func() {
		if r := recover(); r != nil {
			m.st = before
			panic(r)
		}
		if err != nil {
			m.st = before
		}
	}()
	return fn(ctx, memTx{m})
}

// memTx is a transaction: Memory with its lock already held.
type memTx struct{ m *Memory }

func (t memTx) Levels(_ context.Context, p commerce.ProductID,
	v commerce.VariantID) ([]inventory.Level, error) {
	var out []inventory.Level
	for k, l := range t.m.st.levels {
		if k.p == p && k.v == v && t.m.st.warehouses[k.w] {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].WarehouseID < out[j].WarehouseID })
	return out, nil
}

func (t memTx) Reserve(_ context.Context, a order.Allocation) (inventory.Level, bool, error) {
	k := levelKey{a.ProductID, a.VariantID, a.WarehouseID}
	l, ok := t.m.st.levels[k]
	if !ok || a.Quantity <= 0 || l.Available() < a.Quantity {
		return l, false, nil
	}
	l.Reserved += a.Quantity
	t.m.st.levels[k] = l
	return l, true, nil
}

func (t memTx) CreateOrder(_ context.Context, o *order.Order) error {
	st := &t.m.st
	if _, taken := st.numbers[o.Number]; taken {
		return fmt.Errorf("memory: %w", order.ErrNumberTaken)
	}
	k := ownerKey{o.CustomerID, o.IdempotencyKey}
	if _, taken := st.byKey[k]; taken && o.IdempotencyKey != "" {
		return fmt.Errorf("memory: %w", order.ErrKeyTaken)
	}
	o.ID = commerce.OrderID(t.m.id())
	for i := range o.Lines {
		o.Lines[i].ID = t.m.id()
	}
	for i := range o.Timeline {
		o.Timeline[i].ID = t.m.id()
	}
	st.orders[o.ID] = copyOrder(*o)
	st.numbers[o.Number] = o.ID
	if o.IdempotencyKey != "" {
		st.byKey[k] = o.ID
	}
	return nil
}

func (t memTx) Enqueue(_ context.Context, events ...commerce.Event) error {
	return t.m.enqueue(events)
}

// enqueue writes events to the outbox with their data as JSON, as SQL
// stores do. The lock is held.
func (m *Memory) enqueue(events []commerce.Event) error {
	for _, e := range events {
		data, err := json.Marshal(e.Data)
		if err != nil {
			return fmt.Errorf("memory: encode %s: %w", e.Name, err)
		}
		e.Data = json.RawMessage(data)
		m.st.outbox = append(m.st.outbox, checkout.OutboxEvent{ID: m.id(), Event: e})
	}
	return nil
}

func copyOrder(o order.Order) order.Order {
	o.Lines = append([]order.Line(nil), o.Lines...)
	o.Allocations = append([]order.Allocation(nil), o.Allocations...)
	o.Timeline = append([]order.Entry(nil), o.Timeline...)
	return o
}

// Pending returns events not yet published, oldest first.
func (m *Memory) Pending(_ context.Context, limit int) ([]checkout.OutboxEvent, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []checkout.OutboxEvent
	for _, e := range m.st.outbox {
		if _, done := m.st.published[e.ID]; !done && len(out) < limit {
			out = append(out, e)
		}
	}
	return out, nil
}

// MarkPublished marks events published.
func (m *Memory) MarkPublished(_ context.Context, ids ...int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		if _, done := m.st.published[id]; !done {
			m.st.published[id] = m.now()
		}
	}
	return nil
}

func (m *Memory) now() time.Time {
	if m.Clock == nil {
		return time.Now()
	}
	return m.Clock.Now()
}

// DeletePublished deletes the events published before the time.
func (m *Memory) DeletePublished(_ context.Context, before time.Time) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	kept := m.st.outbox[:0:0]
	n := 0
	for _, e := range m.st.outbox {
		if at, done := m.st.published[e.ID]; done && at.Before(before) {
			n++
			continue
		}
		kept = append(kept, e)
	}
	m.st.outbox = kept
	return n, nil
}
