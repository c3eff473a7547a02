package search_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/search"
	"github.com/ecommerce-moderno/moderno/search/memory"
)

// fakeCatalog is a catalog in memory that can be made to fail.
type fakeCatalog struct {
	mu       sync.Mutex
	products map[commerce.ProductID]catalog.Product
	fails    int // the next calls to Product that fail
}

func newFakeCatalog(ps ...catalog.Product) *fakeCatalog {
	c := &fakeCatalog{products: map[commerce.ProductID]catalog.Product{}}
	for _, p := range ps {
		c.products[p.ID] = p
	}
	return c
}

func (c *fakeCatalog) put(p catalog.Product) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.products[p.ID] = p
}

func (c *fakeCatalog) Product(_ context.Context, id commerce.ProductID) (catalog.Product, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fails > 0 {
		c.fails--
		return catalog.Product{}, errors.New("database is locked")
	}
	p, ok := c.products[id]
	if !ok {
		return p, commerce.NotFound("product", "producto")
	}
	return p, nil
}

func (c *fakeCatalog) ListProducts(_ context.Context,
	q catalog.ProductQuery) ([]catalog.Product, int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var all []catalog.Product
	for _, p := range c.products {
		if (q.CategoryID == 0 || p.CategoryID == q.CategoryID) &&
			(q.BrandID == 0 || p.BrandID == q.BrandID) {
			all = append(all, p)
		}
	}
	slices.SortFunc(all, func(a, b catalog.Product) int { return int(a.ID - b.ID) })
	end := min(q.Offset+q.Limit, len(all))
	if q.Offset >= len(all) {
		return nil, len(all), nil
	}
	return all[q.Offset:end], len(all), nil
}

func (c *fakeCatalog) Categories(context.Context) ([]catalog.Category, error) {
	return []catalog.Category{{ID: 1, Name: "Supermercado"}, {ID: 2, ParentID: 1, Name: "Lácteos"}},
		nil
}

func (c *fakeCatalog) Brands(context.Context) ([]catalog.Brand, error) {
	return []catalog.Brand{{ID: 7, Name: "Colun"}}, nil
}

func product(id commerce.ProductID, name string) catalog.Product {
	return catalog.Product{ID: id, Name: name, SKU: "S-" + name, Active: true, CategoryID: 2,
		BrandID: 7, Price: commerce.FromMinor(1000, commerce.CLP), Available: 3,
		Variants: []catalog.Variant{{SKU: "V-1", Barcode: "7790001"}}}
}

func find(t *testing.T, s search.Searcher, text string) []commerce.ProductID {
	t.Helper()
	res, err := s.Search(context.Background(), search.Query{Text: text})
	if err != nil {
		t.Fatalf("Search(%q) = %v", text, err)
	}
	var ids []commerce.ProductID
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestSyncerFollowsEvents(t *testing.T) {
	ctx := context.Background()
	cat := newFakeCatalog(product(1, "Leche Entera"), product(2, "Yogur Natural"))
	idx := memory.New(memory.Config{})
	var bus commerce.Bus
	sync := search.NewSyncer(cat, idx, search.SyncConfig{Backoff: time.Millisecond})
	defer sync.Subscribe(&bus)()

	publish := func(name string, data any) {
		t.Helper()
		if err := bus.Publish(ctx, commerce.Event{Name: name, Key: "product:1", Data: data}); err != nil {
			t.Fatalf("Publish(%s) = %v", name, err)
		}
	}
	publish(catalog.EventProductsImported, []commerce.ProductID{1, 2})
	if got := find(t, idx, "lacteos colun"); len(got) != 2 {
		t.Fatalf("after import: Search(lacteos colun) = %v; want both products", got)
	}
	if got := find(t, idx, "7790001"); len(got) != 2 {
		t.Errorf("Search(barcode) = %v; want both products", got)
	}

	cat.put(product(1, "Leche Descremada"))
	publish(catalog.EventProductUpdated, product(1, "Leche Descremada"))
	if got := find(t, idx, "descremada"); !slices.Equal(got, []commerce.ProductID{1}) {
		t.Errorf("after rename: Search(descremada) = %v; want [1]", got)
	}

	inactive := product(1, "Leche Descremada")
	inactive.Active = false
	cat.put(inactive)
	publish(inventory.EventStockChanged, inventory.Level{ProductID: 1})
	if got := find(t, idx, "leche"); len(got) != 0 {
		t.Errorf("inactive product still found: %v", got)
	}

	publish(catalog.EventProductDeleted, commerce.ProductID(2))
	publish(catalog.EventProductDeleted, commerce.ProductID(2)) // delivered twice
	if idx.Len() != 0 {
		t.Errorf("Len = %d; want 0 after deletions", idx.Len())
	}
}

func TestSyncerRetries(t *testing.T) {
	ctx := context.Background()
	cat := newFakeCatalog(product(1, "Leche Entera"))
	idx := memory.New(memory.Config{})
	sync := search.NewSyncer(cat, idx, search.SyncConfig{Attempts: 3, Backoff: time.Millisecond})
	e := commerce.Event{Name: catalog.EventProductCreated, Key: "product:1"}

	cat.fails = 2
	if err := sync.Handle(ctx, e); err != nil {
		t.Fatalf("Handle after two failures = %v; want nil on the third try", err)
	}
	cat.fails = 3
	if err := sync.Handle(ctx, e); err == nil {
		t.Error("Handle after three failures = nil; want the error for redelivery")
	}
	if err := sync.Handle(ctx, commerce.Event{Name: "order.paid"}); err != nil {
		t.Errorf("Handle(unknown event) = %v; want nil", err)
	}
	if err := sync.Handle(ctx, commerce.Event{Name: catalog.EventProductCreated}); err == nil {
		t.Error("Handle(event without product) = nil; want an error")
	}
}

func TestReindexRebuilds(t *testing.T) {
	ctx := context.Background()
	cat := newFakeCatalog(product(1, "Leche Entera"), product(2, "Yogur Natural"))
	idx := memory.New(memory.Config{})
	_ = idx.Index(ctx, search.Document{ID: 99, Name: "Stale"})
	if err := search.NewSyncer(cat, idx, search.SyncConfig{}).Reindex(ctx, idx); err != nil {
		t.Fatalf("Reindex = %v", err)
	}
	if idx.Len() != 2 || len(find(t, idx, "stale")) != 0 {
		t.Errorf("after reindex: Len = %d; want the catalog's 2 and nothing stale", idx.Len())
	}
	res, _ := idx.Search(ctx, search.Query{Text: "yogur"})
	if len(res.Hits) != 1 || res.Hits[0].Brand != "Colun" ||
		len(res.Hits[0].CategoryPath) != 2 || res.Hits[0].CategoryPath[0].Name != "Supermercado" {
		t.Errorf("document = %+v; want brand and category path filled", res.Hits)
	}
}

// keyedCatalog adds the batch reads a SQL store offers, and counts the
// listings, so that a test can see a reindex walk by key.
type keyedCatalog struct {
	*fakeCatalog
	lists int
}

func (c *keyedCatalog) ListProducts(ctx context.Context,
	q catalog.ProductQuery) ([]catalog.Product, int, error) {
	c.lists++
	return c.fakeCatalog.ListProducts(ctx, q)
}

func (c *keyedCatalog) ActiveProductIDs(_ context.Context, after commerce.ProductID,
	limit int) ([]commerce.ProductID, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var ids []commerce.ProductID
	for id, p := range c.products {
		if id > after && p.Active {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids[:min(limit, len(ids))], nil
}

func (c *keyedCatalog) ProductsByID(ctx context.Context,
	ids []commerce.ProductID) ([]catalog.Product, error) {
	var out []catalog.Product
	for _, id := range ids {
		if p, err := c.Product(ctx, id); err == nil {
			out = append(out, p)
		}
	}
	return out, nil
}

func TestReindexWalksByKey(t *testing.T) {
	ctx := context.Background()
	var ps []catalog.Product
	for i := range 7 {
		ps = append(ps, product(commerce.ProductID(i+1), fmt.Sprintf("Leche %d", i+1)))
	}
	ps[3].Active = false
	cat := &keyedCatalog{fakeCatalog: newFakeCatalog(ps...)}
	idx := memory.New(memory.Config{})
	err := search.NewSyncer(cat, idx, search.SyncConfig{Batch: 2}).Reindex(ctx, idx)
	if err != nil {
		t.Fatalf("Reindex = %v", err)
	}
	if idx.Len() != 6 || cat.lists != 0 {
		t.Errorf("after reindex: Len = %d, %d listings; want the 6 active, by key", idx.Len(),
			cat.lists)
	}
}
