package cart

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pricing"
)

// Config holds what a Service needs besides its store. Catalog is required.
type Config struct {
	Catalog     Catalog
	Pricer      *pricing.Pricer // pricing.New(pricing.Config{}) when nil
	Merge       MergeStrategy   // AddUp when nil
	MaxQuantity int             // the largest quantity of one item; 99 when zero
	MaxItems    int             // the most distinct items in a cart; 100 when zero
	Clock       commerce.Clock  // the system clock when nil
	Random      io.Reader       // for guest tokens; crypto/rand when nil
}

// Service keeps carts for shoppers. Every method takes the principal and,
// for guests, the token the shopper holds (ignored for signed-in
// customers). It is safe for concurrent use.
type Service struct {
	store   Store
	catalog Catalog
	pricer  *pricing.Pricer
	merge   MergeStrategy
	maxQty  int
	maxN    int
	clock   commerce.Clock
	random  io.Reader
}

// NewService returns a Service over the store. It panics without a Catalog.
func NewService(store Store, cfg Config) *Service {
	if store == nil || cfg.Catalog == nil {
		panic("cart: NewService needs a store and a Catalog")
	}
	s := &Service{store: store, catalog: cfg.Catalog, pricer: cfg.Pricer, merge: cfg.Merge,
		maxQty: cfg.MaxQuantity, maxN: cfg.MaxItems, clock: cfg.Clock, random: cfg.Random}
	if s.pricer == nil {
		s.pricer = pricing.New(pricing.Config{})
	}
	if s.merge == nil {
		s.merge = AddUp
	}
	if s.maxQty == 0 {
		s.maxQty = 99
	}
	if s.maxN == 0 {
		s.maxN = 100
	}
	if s.clock == nil {
		s.clock = commerce.SystemClock{}
	}
	if s.random == nil {
		s.random = rand.Reader
	}
	return s
}

// MaxQuantity returns the largest quantity of one item.
func (s *Service) MaxQuantity() int { return s.maxQty }

// load returns the principal's cart, or the guest's by token, and whether
// there is one.
func (s *Service) load(ctx context.Context, p commerce.Principal, token string) (Cart, bool,
	error) {
	var c Cart
	var err error
	switch {
	case p.UserID != 0:
		c, err = s.store.CartByCustomer(ctx, p.UserID)
	case token != "":
		c, err = s.store.CartByToken(ctx, HashToken(token))
	default:
		return Cart{}, false, nil
	}
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return Cart{}, false, nil
	}
	return c, err == nil, err
}

// Cart returns the principal's cart, or the guest's, priced now. A shopper
// without a cart gets an empty one, which is not stored. It returns only
// errors of the store and the catalog.
func (s *Service) Cart(ctx context.Context, p commerce.Principal, token string) (View, error) {
	c, _, err := s.load(ctx, p, token)
	if err != nil {
		return View{}, fmt.Errorf("cart.get: %w", err)
	}
	return s.view(ctx, c, "")
}

// Clear empties the cart. It returns only errors of the store.
func (s *Service) Clear(ctx context.Context, p commerce.Principal, token string) error {
	c, found, err := s.load(ctx, p, token)
	if err != nil || !found {
		return err
	}
	if err := s.store.DeleteCart(ctx, c.ID); err != nil {
		return fmt.Errorf("cart.clear: %w", err)
	}
	return nil
}

// DeleteIdleGuestCarts removes guest carts untouched for longer than age
// and returns how many: a job to run daily.
func (s *Service) DeleteIdleGuestCarts(ctx context.Context, age time.Duration) (int, error) {
	n, err := s.store.DeleteGuestCarts(ctx, s.clock.Now().Add(-age))
	if err != nil {
		return n, fmt.Errorf("cart.delete idle: %w", err)
	}
	return n, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
