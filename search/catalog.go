package search

import (
	"context"
	"fmt"
	"sync"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Catalog is what the index reads of the catalog; every catalog.Store
// satisfies it.
type Catalog interface {
	Product(ctx context.Context, id commerce.ProductID) (catalog.Product, error)
	ListProducts(ctx context.Context, q catalog.ProductQuery) ([]catalog.Product, int, error)
	Categories(ctx context.Context) ([]catalog.Category, error)
	Brands(ctx context.Context) ([]catalog.Brand, error)
}

// ProductsByIDer is an optional ability of a Catalog: loading many whole
// products in one call, which makes imports and reindexing much faster.
// Missing ids are left out of the answer.
type ProductsByIDer interface {
	ProductsByID(ctx context.Context, ids []commerce.ProductID) ([]catalog.Product, error)
}

// ActiveProductIDer is an optional ability of a Catalog: the ids of active
// products above after, in id order, at most limit of them. With
// ProductsByIDer it lets a reindex walk a large catalog by key rather than
// by ever deeper pages.
type ActiveProductIDer interface {
	ActiveProductIDs(ctx context.Context, after commerce.ProductID,
		limit int) ([]commerce.ProductID, error)
}

// Loader builds documents from the catalog, keeping the category tree and
// the brands in memory until Forget. It is safe for concurrent use.
type Loader struct {
	cat Catalog

	mu     sync.Mutex
	cats   map[commerce.CategoryID]catalog.Category
	brands map[commerce.BrandID]catalog.Brand
}

// NewLoader returns a Loader reading cat.
func NewLoader(cat Catalog) *Loader { return &Loader{cat: cat} }

// Forget drops the categories and brands kept, so that the next document
// reads them again; call it when one changes.
func (l *Loader) Forget() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cats, l.brands = nil, nil
}

// Products loads whole products by id; missing ones are left out.
func (l *Loader) Products(ctx context.Context,
	ids []commerce.ProductID) ([]catalog.Product, error) {
	if b, ok := l.cat.(ProductsByIDer); ok {
		return b.ProductsByID(ctx, ids)
	}
	ps := make([]catalog.Product, 0, len(ids))
	for _, id := range ids {
		p, err := l.cat.Product(ctx, id)
		if commerce.ErrorKind(err) == commerce.KindNotFound {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("load product %d: %w", id, err)
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// Documents returns the documents of the active products among ps.
func (l *Loader) Documents(ctx context.Context, ps []catalog.Product) ([]Document, error) {
	cats, brands, err := l.lookups(ctx)
	if err != nil {
		return nil, err
	}
	docs := make([]Document, 0, len(ps))
	for _, p := range ps {
		if p.Active {
			docs = append(docs, NewDocument(p, pathOf(cats, p.CategoryID), brands[p.BrandID]))
		}
	}
	return docs, nil
}

func (l *Loader) lookups(ctx context.Context) (map[commerce.CategoryID]catalog.Category,
	map[commerce.BrandID]catalog.Brand, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cats != nil {
		return l.cats, l.brands, nil
	}
	cs, err := l.cat.Categories(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("load categories: %w", err)
	}
	bs, err := l.cat.Brands(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("load brands: %w", err)
	}
	l.cats = make(map[commerce.CategoryID]catalog.Category, len(cs))
	for _, c := range cs {
		l.cats[c.ID] = c
	}
	l.brands = make(map[commerce.BrandID]catalog.Brand, len(bs))
	for _, b := range bs {
		l.brands[b.ID] = b
	}
	return l.cats, l.brands, nil
}

// pathOf returns the categories from the root down to id; a cycle or a
// missing parent ends it.
func pathOf(cats map[commerce.CategoryID]catalog.Category,
	id commerce.CategoryID) []catalog.Category {
	var path []catalog.Category
	for seen := 0; id != 0 && seen < 64; seen++ {
		c, ok := cats[id]
		if !ok {
			break
		}
		path = append([]catalog.Category{c}, path...)
		id = c.ParentID
	}
	return path
}
