package order

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// MaxPageSize is the largest page a listing returns.
const MaxPageSize = 100

// Config holds what a Service needs besides its store.
type Config struct {
	Clock  commerce.Clock // the system clock when nil
	Logger *slog.Logger   // nil is silent
}

// Service reads orders for their owners and for staff, and moves them
// through their life. It is safe for concurrent use.
type Service struct {
	store Store
	clock commerce.Clock
	log   *slog.Logger
	holds Holds // nil: held payments are settled by hand
}

// NewService returns a Service over the store.
func NewService(store Store, cfg Config) *Service {
	s := &Service{store: store, clock: cfg.Clock, log: cfg.Logger}
	if s.clock == nil {
		s.clock = commerce.SystemClock{}
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	return s
}

// Order returns an order with its lines and timeline to its owner or to
// staff holding commerce.PermOrdersManage. It returns KindUnauthenticated
// for an anonymous principal and KindNotFound for an order that does not
// exist or that p may not see: a stranger cannot tell the two apart.
func (s *Service) Order(ctx context.Context, p commerce.Principal,
	id commerce.OrderID) (Order, error) {
	const op = "order.get"
	if !p.Authenticated() {
		return Order{}, commerce.Errorf(commerce.KindUnauthenticated, op, "debe iniciar sesión")
	}
	o, err := s.store.Order(ctx, id)
	if err != nil {
		return Order{}, fmt.Errorf("%s: %w", op, err)
	}
	if !mayRead(p, o) {
		return Order{}, commerce.NotFound(op, "pedido")
	}
	return o, nil
}

func mayRead(p commerce.Principal, o Order) bool {
	return p.Can(commerce.PermOrdersManage) || (p.UserID != 0 && p.UserID == o.CustomerID)
}

// Page is one page of a listing.
type Page struct {
	Orders []Order
	Page   int
	Limit  int
	Total  int
}

// Pages returns how many pages the listing has.
func (p Page) Pages() int { return commerce.PageCount(p.Total, p.Limit) }

// History returns one page of the signed-in customer's own orders, newest
// first. Page counts from 1; limit is 1 to MaxPageSize (20 when zero). It
// returns KindUnauthenticated and KindInvalid naming page or limit.
func (s *Service) History(ctx context.Context, p commerce.Principal, page,
	limit int) (Page, error) {
	const op = "order.history"
	if p.UserID == 0 {
		return Page{}, commerce.Errorf(commerce.KindUnauthenticated, op, "debe iniciar sesión")
	}
	return s.list(ctx, op, Filter{Page: page, Limit: limit}, p.UserID)
}

func (s *Service) list(ctx context.Context, op string, f Filter,
	customer commerce.UserID) (Page, error) {
	q, err := f.query(op)
	if err != nil {
		return Page{}, err
	}
	if customer != 0 {
		q.CustomerID = customer
	}
	orders, total, err := s.store.Orders(ctx, q)
	if err != nil {
		return Page{}, fmt.Errorf("%s: %w", op, err)
	}
	return Page{Orders: orders, Page: q.Offset/q.Limit + 1, Limit: q.Limit, Total: total}, nil
}

// OrderByKey returns the order the signed-in customer p placed with an
// idempotency key. It returns KindUnauthenticated and KindNotFound.
func (s *Service) OrderByKey(ctx context.Context, p commerce.Principal,
	key string) (Order, error) {
	const op = "order.by key"
	if p.UserID == 0 {
		return Order{}, commerce.Errorf(commerce.KindUnauthenticated, op, "debe iniciar sesión")
	}
	o, err := s.store.OrderByKey(ctx, p.UserID, key)
	if err != nil {
		return Order{}, fmt.Errorf("%s: %w", op, err)
	}
	return o, nil
}
