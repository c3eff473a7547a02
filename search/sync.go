package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// SyncConfig tunes a Syncer.
type SyncConfig struct {
	Attempts int           // tries per event; 5 when zero
	Backoff  time.Duration // wait before the second try, doubling after; 50ms when zero
	Batch    int           // products loaded and indexed at once; 500 when zero
	// Logger hears retries. Nil is silent.
	Logger *slog.Logger
}

// Syncer keeps an index in step with the catalog: it consumes catalog and
// inventory events and writes the affected products' current state, read
// back from the catalog, into the index. Because it writes the state rather
// than the event, it is idempotent and order does not matter: an event
// delivered twice, or late, writes the same document. Products that are
// gone or inactive leave the index.
type Syncer struct {
	index  Indexer
	loader *Loader
	cat    Catalog
	cfg    SyncConfig
	log    *slog.Logger
}

// NewSyncer returns a Syncer reading cat and writing to index.
func NewSyncer(cat Catalog, index Indexer, cfg SyncConfig) *Syncer {
	if cfg.Attempts <= 0 {
		cfg.Attempts = 5
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 50 * time.Millisecond
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 500
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Syncer{index: index, loader: NewLoader(cat), cat: cat, cfg: cfg, log: log}
}

// Events lists the event names a Syncer consumes.
var Events = []string{
	catalog.EventProductCreated, catalog.EventProductUpdated, catalog.EventProductDeleted,
	catalog.EventProductsImported, catalog.EventCategoryChanged, catalog.EventBrandChanged,
	inventory.EventStockChanged,
}

// Subscribe makes the syncer consume its events from bus. It returns a
// function that unsubscribes.
func (s *Syncer) Subscribe(bus *commerce.Bus) (cancel func()) {
	cancels := make([]func(), len(Events))
	for i, name := range Events {
		cancels[i] = bus.Subscribe(name, s.Handle)
	}
	return func() {
		for _, c := range cancels {
			c()
		}
	}
}

// Handle brings the index in step with one event, retrying with growing
// waits. It returns the last error when every try failed, so that a
// delivery mechanism with redelivery, such as an outbox, tries again later;
// events it does not know are ignored.
func (s *Syncer) Handle(ctx context.Context, e commerce.Event) error {
	var err error
	wait := s.cfg.Backoff
	for try := 1; try <= s.cfg.Attempts; try++ {
		if err = s.apply(ctx, e); err == nil {
			return nil
		}
		if try == s.cfg.Attempts || ctx.Err() != nil {
			break
		}
		s.log.WarnContext(ctx, "search: sync failed; retrying", "event", e.Name, "key", e.Key,
			"try", try, "err", err)
		if err := sleep(ctx, wait); err != nil {
			return fmt.Errorf("sync %s %s: %w", e.Name, e.Key, err)
		}
		wait *= 2
	}
	return fmt.Errorf("sync %s %s: %w", e.Name, e.Key, err)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// apply makes one attempt at an event.
func (s *Syncer) apply(ctx context.Context, e commerce.Event) error {
	switch e.Name {
	case catalog.EventProductDeleted:
		id, err := productID(e)
		if err != nil {
			return err
		}
		return s.index.Delete(ctx, id)
	case catalog.EventProductCreated, catalog.EventProductUpdated, inventory.EventStockChanged:
		id, err := productID(e)
		if err != nil {
			return err
		}
		return s.Sync(ctx, id)
	case catalog.EventProductsImported:
		ids, _ := e.Data.([]commerce.ProductID)
		return s.Sync(ctx, ids...)
	case catalog.EventCategoryChanged, catalog.EventBrandChanged:
		return s.related(ctx, e)
	}
	return nil
}

// Sync writes the current state of the products into the index, in
// batches: active ones are indexed, missing or inactive ones deleted.
func (s *Syncer) Sync(ctx context.Context, ids ...commerce.ProductID) error {
	for start := 0; start < len(ids); start += s.cfg.Batch {
		batch := ids[start:min(start+s.cfg.Batch, len(ids))]
		if err := s.syncBatch(ctx, batch); err != nil {
			return err
		}
	}
	return nil
}

func (s *Syncer) syncBatch(ctx context.Context, ids []commerce.ProductID) error {
	ps, err := s.loader.Products(ctx, ids)
	if err != nil {
		return err
	}
	docs, err := s.loader.Documents(ctx, ps)
	if err != nil {
		return err
	}
	indexed := make(map[commerce.ProductID]bool, len(docs))
	for _, d := range docs {
		indexed[d.ID] = true
	}
	var gone []commerce.ProductID
	for _, id := range ids {
		if !indexed[id] {
			gone = append(gone, id)
		}
	}
	if len(docs) > 0 {
		if err := s.index.Index(ctx, docs...); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	if len(gone) > 0 {
		return s.index.Delete(ctx, gone...)
	}
	return nil
}

// related re-indexes the products of a category or brand that changed,
// since their documents carry its name.
func (s *Syncer) related(ctx context.Context, e commerce.Event) error {
	s.loader.Forget()
	kind, n, _ := strings.Cut(e.Key, ":")
	id, err := strconv.ParseInt(n, 10, 64)
	if err != nil {
		return fmt.Errorf("event key %q: %w", e.Key, err)
	}
	q := catalog.ProductQuery{Limit: catalog.MaxPageSize}
	if kind == "brand" {
		q.BrandID = commerce.BrandID(id)
	} else {
		q.CategoryID = commerce.CategoryID(id)
	}
	return s.eachPage(ctx, q, func(ps []catalog.Product) error {
		return s.Sync(ctx, ids(ps)...)
	})
}

// eachPage calls f with every page of products matching q.
func (s *Syncer) eachPage(ctx context.Context, q catalog.ProductQuery,
	f func([]catalog.Product) error) error {
	q.Sort = catalog.SortNewest
	for q.Offset = 0; ; q.Offset += q.Limit {
		ps, _, err := s.cat.ListProducts(ctx, q)
		if err != nil {
			return fmt.Errorf("list products: %w", err)
		}
		if len(ps) > 0 {
			if err := f(ps); err != nil {
				return err
			}
		}
		if len(ps) < q.Limit {
			return nil
		}
	}
}

func ids(ps []catalog.Product) []commerce.ProductID {
	out := make([]commerce.ProductID, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

var errNoProduct = errors.New("event names no product")

// productID reads the product an event is about, from its data or its key.
func productID(e commerce.Event) (commerce.ProductID, error) {
	switch d := e.Data.(type) {
	case catalog.Product:
		return d.ID, nil
	case *catalog.Product:
		return d.ID, nil
	case commerce.ProductID:
		return d, nil
	case inventory.Level:
		return d.ProductID, nil
	}
	if n, ok := strings.CutPrefix(e.Key, "product:"); ok {
		if id, ok := commerce.ParseID(n); ok {
			return commerce.ProductID(id), nil
		}
	}
	return 0, fmt.Errorf("%s %q: %w", e.Name, e.Key, errNoProduct)
}
