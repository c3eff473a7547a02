package carttest

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Env is a fresh, empty cart store with helpers to add what carts refer to.
type Env struct {
	Store       cart.Store
	AddCustomer func(t *testing.T) commerce.UserID
	AddProduct  func(t *testing.T) commerce.ProductID // an active product without variants
}

// MemoryEnv returns an Env over a new Memory.
func MemoryEnv(*testing.T) Env {
	var ids atomic.Int64
	return Env{Store: NewMemory(),
		AddCustomer: func(*testing.T) commerce.UserID { return commerce.UserID(ids.Add(1)) },
		AddProduct:  func(*testing.T) commerce.ProductID { return commerce.ProductID(ids.Add(1)) },
	}
}

// Run checks the store of open against the contract of cart.Store.
func Run(t *testing.T, open func(t *testing.T) Env) {
	for name, fn := range map[string]func(*testing.T, Env){
		"CreateAndFind": testCreate, "OptimisticUpdate": testUpdate, "Merge": testMerge,
		"DeleteGuestCarts": testDeleteGuests,
	} {
		t.Run(name, func(t *testing.T) { fn(t, open(t)) })
	}
}

var (
	ctx = context.Background()
	t0  = time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
)

func item(id int64, p commerce.ProductID, qty int, price int64) cart.Item {
	return cart.Item{ID: id, ProductID: p, Quantity: qty,
		UnitPrice: commerce.FromMinor(price, commerce.CLP), AddedAt: t0}
}

func testCreate(t *testing.T, env Env) {
	s, c, p := env.Store, env.AddCustomer(t), env.AddProduct(t)
	mine := cart.Cart{CustomerID: c, Items: []cart.Item{item(1, p, 2, 1990)}, LastItemID: 1,
		CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateCart(ctx, &mine); err != nil || mine.ID == 0 || mine.Version != 1 {
		t.Fatalf("CreateCart = %v, id %d, version %d; want an id and version 1", err, mine.ID,
			mine.Version)
	}
	dup := cart.Cart{CustomerID: c, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateCart(ctx, &dup); commerce.ErrorKind(err) != commerce.KindConflict {
		t.Errorf("second CreateCart for a customer = %v; want conflict", err)
	}
	guest := cart.Cart{TokenHash: cart.HashToken("tok"), CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateCart(ctx, &guest); err != nil {
		t.Fatal(err)
	}
	got, err := s.CartByCustomer(ctx, c)
	if err != nil || got.ID != mine.ID || len(got.Items) != 1 || got.LastItemID != 1 {
		t.Fatalf("CartByCustomer = %+v, %v; want the cart with one item", got, err)
	}
	it := got.Items[0]
	if it.ID != 1 || it.ProductID != p || it.Quantity != 2 || it.UnitPrice.Minor() != 1990 ||
		it.UnitPrice.Currency() != commerce.CLP || !it.AddedAt.Equal(t0) {
		t.Errorf("item = %+v; want it as stored", it)
	}
	if g, err := s.CartByToken(ctx, cart.HashToken("tok")); err != nil || g.ID != guest.ID {
		t.Errorf("CartByToken = %+v, %v; want the guest cart", g, err)
	}
	if _, err := s.CartByToken(ctx, cart.HashToken("other")); !notFound(err) {
		t.Errorf("CartByToken(unknown) = %v; want not found", err)
	}
	if err := s.DeleteCart(ctx, mine.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CartByCustomer(ctx, c); !notFound(err) {
		t.Errorf("CartByCustomer after delete = %v; want not found", err)
	}
}

func notFound(err error) bool { return commerce.ErrorKind(err) == commerce.KindNotFound }

func testUpdate(t *testing.T, env Env) {
	s, p := env.Store, env.AddProduct(t)
	c := cart.Cart{CustomerID: env.AddCustomer(t), CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateCart(ctx, &c); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var won atomic.Int32
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := c
			mine.Items = []cart.Item{item(int64(i+1), p, i+1, 990)}
			mine.LastItemID = int64(i + 1)
			err := s.UpdateCart(ctx, &mine)
			switch {
			case err == nil:
				won.Add(1)
			case commerce.ErrorKind(err) != commerce.KindConflict:
				t.Errorf("UpdateCart = %v; want nil or conflict", err)
			}
		}()
	}
	wg.Wait()
	if won.Load() != 1 {
		t.Fatalf("%d of 10 updates at one version won; want 1", won.Load())
	}
	got, _ := s.CartByCustomer(ctx, c.CustomerID)
	if got.Version != 2 || len(got.Items) != 1 || got.Items[0].ID != got.LastItemID {
		t.Errorf("after the race: %+v; want version 2 with the winner's item", got)
	}
}

func testMerge(t *testing.T, env Env) {
	s, p, q := env.Store, env.AddProduct(t), env.AddProduct(t)
	guest := cart.Cart{TokenHash: cart.HashToken("g"), Items: []cart.Item{item(1, q, 1, 500)},
		LastItemID: 1, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateCart(ctx, &guest); err != nil {
		t.Fatal(err)
	}
	into := cart.Cart{CustomerID: env.AddCustomer(t), CreatedAt: t0, UpdatedAt: t0,
		Items: []cart.Item{item(1, q, 1, 500), item(2, p, 3, 100)}, LastItemID: 2}
	stale := guest
	stale.Version = 99
	if err := s.Merge(ctx, &into, stale); commerce.ErrorKind(err) != commerce.KindConflict {
		t.Fatalf("Merge(stale guest) = %v; want conflict", err)
	}
	if _, err := s.CartByToken(ctx, guest.TokenHash); err != nil {
		t.Fatalf("guest cart gone after a refused merge: %v", err)
	}
	if _, err := s.CartByCustomer(ctx, into.CustomerID); !notFound(err) {
		t.Fatalf("customer cart made by a refused merge: %v", err)
	}
	if err := s.Merge(ctx, &into, guest); err != nil || into.ID == 0 {
		t.Fatalf("Merge = %v (id %d)", err, into.ID)
	}
	if _, err := s.CartByToken(ctx, guest.TokenHash); !notFound(err) {
		t.Errorf("guest cart after merge: %v; want not found", err)
	}
	got, err := s.CartByCustomer(ctx, into.CustomerID)
	if err != nil || len(got.Items) != 2 {
		t.Errorf("merged cart = %+v, %v; want two items", got, err)
	}
}

func testDeleteGuests(t *testing.T, env Env) {
	s := env.Store
	old := cart.Cart{TokenHash: cart.HashToken("old"), CreatedAt: t0, UpdatedAt: t0}
	recent := cart.Cart{TokenHash: cart.HashToken("new"), CreatedAt: t0,
		UpdatedAt: t0.Add(48 * time.Hour)}
	customer := cart.Cart{CustomerID: env.AddCustomer(t), CreatedAt: t0, UpdatedAt: t0}
	for _, c := range []*cart.Cart{&old, &recent, &customer} {
		if err := s.CreateCart(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.DeleteGuestCarts(ctx, t0.Add(24*time.Hour))
	if err != nil || n != 1 {
		t.Errorf("DeleteGuestCarts = %d, %v; want 1", n, err)
	}
	if _, err := s.CartByCustomer(ctx, customer.CustomerID); err != nil {
		t.Errorf("customer cart deleted: %v", err)
	}
}
