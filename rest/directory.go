package rest

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// directory keeps what a shopper sees of the category tree and the brands
// in memory for a short while, so that a listing names the category and
// brand of twenty products without twenty queries, and the tree with its
// product counts is not counted again on every request. A stale snapshot
// keeps serving while one request loads the next.
type directory struct {
	catalog *catalog.Service
	ttl     time.Duration // zero or less: load on every use
	now     func() time.Time
	cur     atomic.Pointer[snapshot]
	loading sync.Mutex
}

// snapshot is the directory at one moment. It is never changed after it is
// made, so requests share it freely.
type snapshot struct {
	at         time.Time
	tree       []*catalog.CategoryNode
	categories map[commerce.CategoryID]catalog.Category
	brands     []catalog.Brand
	brandByID  map[commerce.BrandID]catalog.Brand
}

// get returns a fresh enough snapshot, loading one when needed.
func (d *directory) get(ctx context.Context) (*snapshot, error) {
	s := d.cur.Load()
	if s != nil && d.now().Sub(s.at) < d.ttl {
		return s, nil
	}
	if s != nil && d.ttl > 0 && !d.loading.TryLock() {
		return s, nil // another request is loading; the stale one will do
	}
	if s == nil || d.ttl <= 0 {
		d.loading.Lock()
	}
	defer d.loading.Unlock()
	if s := d.cur.Load(); s != nil && d.now().Sub(s.at) < d.ttl {
		return s, nil
	}
	s, err := d.load(ctx)
	if err != nil {
		return nil, err
	}
	d.cur.Store(s)
	return s, nil
}

func (d *directory) load(ctx context.Context) (*snapshot, error) {
	s := &snapshot{at: d.now(), categories: map[commerce.CategoryID]catalog.Category{},
		brandByID: map[commerce.BrandID]catalog.Brand{}}
	tree, err := d.catalog.CategoryTree(ctx, commerce.Anonymous)
	if err != nil {
		return nil, fmt.Errorf("load categories: %w", err)
	}
	s.tree = tree
	var walk func(ns []*catalog.CategoryNode)
	walk = func(ns []*catalog.CategoryNode) {
		for _, n := range ns {
			s.categories[n.ID] = n.Category
			walk(n.Children)
		}
	}
	walk(tree)
	if s.brands, err = d.catalog.Brands(ctx); err != nil {
		return nil, fmt.Errorf("load brands: %w", err)
	}
	for _, b := range s.brands {
		s.brandByID[b.ID] = b
	}
	return s, nil
}

// category returns a category by id from the snapshot, or from the service
// for one the snapshot lacks (hidden, or created since).
func (d *directory) category(ctx context.Context, s *snapshot,
	id commerce.CategoryID) (catalog.Category, error) {
	if c, ok := s.categories[id]; ok {
		return c, nil
	}
	return d.catalog.Category(ctx, strconv.FormatInt(int64(id), 10))
}

// brand returns a brand by id, like category.
func (d *directory) brand(ctx context.Context, s *snapshot,
	id commerce.BrandID) (catalog.Brand, error) {
	if b, ok := s.brandByID[id]; ok {
		return b, nil
	}
	return d.catalog.Brand(ctx, strconv.FormatInt(int64(id), 10))
}

// path returns the categories from the root down to id.
func (d *directory) path(ctx context.Context, s *snapshot,
	id commerce.CategoryID) ([]catalog.Category, error) {
	var path []catalog.Category
	for depth := 0; id != 0; depth++ {
		c, ok := s.categories[id]
		if !ok || depth > 64 {
			return d.catalog.CategoryPath(ctx, id)
		}
		path = append([]catalog.Category{c}, path...)
		id = c.ParentID
	}
	return path, nil
}

// forget drops the snapshot after a write of staff, so that the next read
// sees the change.
func (d *directory) forget() { d.cur.Store(nil) }
