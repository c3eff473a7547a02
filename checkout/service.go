package checkout

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"time"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/pricing"
)

// Carts gives checkout the signed-in customer's cart and empties it once
// the order is placed; *cart.Service implements it.
type Carts interface {
	Cart(ctx context.Context, p commerce.Principal, token string) (cart.View, error)
	Clear(ctx context.Context, p commerce.Principal, token string) error
}

// Config holds what a Service needs besides its store. Catalog and Orders
// are required.
type Config struct {
	Catalog  Catalog
	Orders   *order.Service    // applies payment results after the order is placed
	Pricer   *pricing.Pricer   // pricing.New(pricing.Config{}) when nil
	Payments *payment.Registry // bank transfer and cash on delivery when nil
	Carts    Carts             // nil: orders need their items
	// Outbox and Events, when both are set, have every placed order's
	// events relayed right after the commit, besides the periodic Relay.
	Outbox Outbox
	Events commerce.Publisher
	// ReservationTTL is how long stock stays reserved for a pending unpaid
	// order before order.Service.ExpireReservations releases it; 24 hours
	// when zero, long enough for a bank transfer.
	ReservationTTL time.Duration
	MaxQuantity    int                    // units of one item; 99 when zero
	MaxLines       int                    // distinct items; 100 when zero
	NumberPrefix   string                 // of order numbers; "CL" when empty
	Country        string                 // of addresses without one; "CL" when empty
	Warehouses     []commerce.WarehouseID // allocation priority; see Plan
	Clock          commerce.Clock         // the system clock when nil
	Random         io.Reader              // for order numbers; crypto/rand when nil
	Logger         *slog.Logger           // hears what cannot be returned; nil is silent
}

// Service places orders. It is safe for concurrent use.
type Service struct {
	store    Store
	catalog  Catalog
	orders   *order.Service
	pricer   *pricing.Pricer
	payments *payment.Registry
	carts    Carts
	outbox   Outbox
	events   commerce.Publisher
	ttl      time.Duration
	maxQty   int
	maxLines int
	prefix   string
	country  string
	priority []commerce.WarehouseID
	clock    commerce.Clock
	random   io.Reader
	log      *slog.Logger
}

// NewService returns a Service over the store. It panics when cfg lacks
// Catalog or Orders: a wiring mistake, found at start.
func NewService(store Store, cfg Config) *Service {
	if store == nil || cfg.Catalog == nil || cfg.Orders == nil {
		panic("checkout: NewService needs a store, a Catalog and Orders")
	}
	s := &Service{store: store, catalog: cfg.Catalog, orders: cfg.Orders, pricer: cfg.Pricer,
		payments: cfg.Payments, carts: cfg.Carts, outbox: cfg.Outbox, events: cfg.Events,
		ttl: cfg.ReservationTTL, maxQty: cfg.MaxQuantity, maxLines: cfg.MaxLines,
		prefix: cfg.NumberPrefix, country: cfg.Country, priority: cfg.Warehouses,
		clock: cfg.Clock, random: cfg.Random, log: cfg.Logger}
	s.defaults()
	return s
}

func (s *Service) defaults() {
	if s.pricer == nil {
		s.pricer = pricing.New(pricing.Config{})
	}
	if s.payments == nil {
		s.payments = payment.NewRegistry(payment.BankTransfer{}, payment.CashOnDelivery{})
	}
	if s.ttl == 0 {
		s.ttl = 24 * time.Hour
	}
	if s.maxQty == 0 {
		s.maxQty = 99
	}
	if s.maxLines == 0 {
		s.maxLines = 100
	}
	if s.prefix == "" {
		s.prefix = "CL"
	}
	if s.country == "" {
		s.country = "CL"
	}
	if s.clock == nil {
		s.clock = commerce.SystemClock{}
	}
	if s.random == nil {
		s.random = rand.Reader
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
}
