// Package carttest is the contract of cart.Store as a test suite every
// adapter runs against itself (carttest.Run), and Memory, an in-memory
// implementation that passes it.
package carttest

import (
	"context"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Memory keeps carts in memory. It is safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	carts map[int64]cart.Cart
	last  int64
}

var _ cart.Store = (*Memory)(nil)

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{carts: map[int64]cart.Cart{}} }

func (m *Memory) find(match func(cart.Cart) bool) (cart.Cart, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, c := range m.carts {
		if match(c) {
			c.Items = append([]cart.Item(nil), c.Items...)
			return c, nil
		}
	}
	return cart.Cart{}, commerce.NotFound("memory.cart", "carrito")
}

// CartByCustomer returns a customer's cart.
func (m *Memory) CartByCustomer(_ context.Context, id commerce.UserID) (cart.Cart, error) {
	return m.find(func(c cart.Cart) bool { return id != 0 && c.CustomerID == id })
}

// CartByToken returns a guest's cart.
func (m *Memory) CartByToken(_ context.Context, hash string) (cart.Cart, error) {
	return m.find(func(c cart.Cart) bool { return hash != "" && c.TokenHash == hash })
}

// CreateCart stores a new cart.
func (m *Memory) CreateCart(_ context.Context, c *cart.Cart) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.create(c)
}

func (m *Memory) create(c *cart.Cart) error {
	for _, o := range m.carts {
		if (c.CustomerID != 0 && o.CustomerID == c.CustomerID) ||
			(c.TokenHash != "" && o.TokenHash == c.TokenHash) {
			return commerce.Errorf(commerce.KindConflict, "memory.create cart", "ya existe")
		}
	}
	m.last++
	c.ID, c.Version = m.last, 1
	m.carts[c.ID] = copyCart(*c)
	return nil
}

// UpdateCart writes a cart at its version.
func (m *Memory) UpdateCart(_ context.Context, c *cart.Cart) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.update(c)
}

func (m *Memory) update(c *cart.Cart) error {
	old, ok := m.carts[c.ID]
	if !ok || old.Version != c.Version {
		return commerce.Errorf(commerce.KindConflict, "memory.update cart", "el carrito cambió")
	}
	c.Version++
	m.carts[c.ID] = copyCart(*c)
	return nil
}

// DeleteCart removes a cart.
func (m *Memory) DeleteCart(_ context.Context, id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.carts, id)
	return nil
}

// Merge stores into and deletes guest, all or nothing.
func (m *Memory) Merge(_ context.Context, into *cart.Cart, guest cart.Cart) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if g, ok := m.carts[guest.ID]; !ok || g.Version != guest.Version {
		return commerce.Errorf(commerce.KindConflict, "memory.merge", "el carrito cambió")
	}
	delete(m.carts, guest.ID)
	var err error
	if into.ID == 0 {
		err = m.create(into)
	} else {
		err = m.update(into)
	}
	if err != nil {
		m.carts[guest.ID] = guest
	}
	return err
}

// DeleteGuestCarts removes idle guest carts.
func (m *Memory) DeleteGuestCarts(_ context.Context, before time.Time) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for id, c := range m.carts {
		if c.CustomerID == 0 && c.UpdatedAt.Before(before) {
			delete(m.carts, id)
			n++
		}
	}
	return n, nil
}

func copyCart(c cart.Cart) cart.Cart {
	c.Items = append([]cart.Item(nil), c.Items...)
	return c
}
