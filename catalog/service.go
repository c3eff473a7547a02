package catalog

import (
	"context"
	"log/slog"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Event names the catalog publishes. Data is the product, category or brand
// as it is after the change (the id alone for deletions).
const (
	EventProductCreated   = "catalog.product.created"
	EventProductUpdated   = "catalog.product.updated"
	EventProductDeleted   = "catalog.product.deleted"
	EventProductsImported = "catalog.products.imported" // Data: []commerce.ProductID
	EventCategoryChanged  = "catalog.category.changed"
	EventBrandChanged     = "catalog.brand.changed"
)

// Config holds what a Service needs besides its store.
type Config struct {
	Currency commerce.Currency  // the store's currency; CLP when empty
	Clock    commerce.Clock     // the system clock when nil
	Events   commerce.Publisher // events are dropped when nil
	// Logger hears what the service cannot return, such as an event
	// consumer failing after a change was stored. Nil is silent.
	Logger *slog.Logger
}

// Service is the catalog's front door: reads for everybody, writes for staff
// holding commerce.PermCatalogWrite. It is safe for concurrent use.
type Service struct {
	store    Store
	currency commerce.Currency
	clock    commerce.Clock
	events   commerce.Publisher
	log      *slog.Logger
}

// NewService returns a Service over the store.
func NewService(store Store, cfg Config) *Service {
	s := &Service{store: store, currency: cfg.Currency, clock: cfg.Clock, events: cfg.Events,
		log: cfg.Logger}
	if s.currency == "" {
		s.currency = commerce.CLP
	}
	if s.clock == nil {
		s.clock = commerce.SystemClock{}
	}
	if s.events == nil {
		s.events = commerce.Discard
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	return s
}

// Currency returns the currency every price of the catalog is in.
func (s *Service) Currency() commerce.Currency { return s.currency }

// publish announces a change that is already stored. A failing consumer
// cannot undo the change, so its error goes to the logger, not the caller.
func (s *Service) publish(ctx context.Context, name, key string, data any) {
	e := commerce.Event{Name: name, Key: key, At: s.clock.Now(), Data: data}
	if err := s.events.Publish(ctx, e); err != nil {
		s.log.ErrorContext(ctx, "catalog: event consumer failed", "event", name, "key", key,
			"err", err)
	}
}
