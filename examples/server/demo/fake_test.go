package demo

import (
	"context"
	"slices"
	"sync"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// fakeStore is an in-memory catalog.Store and inventory.Store with the
// behaviour the importer relies on: slugs and SKUs unique, upserts by SKU
// that keep an existing slug, variant ids set on write. The adapters are
// held to the full contract by storage/storagetest.
type fakeStore struct {
	mu         sync.Mutex
	categories []catalog.Category
	brands     []catalog.Brand
	products   map[commerce.ProductID]*catalog.Product
	bySKU      map[string]commerce.ProductID
	slugs      map[string]commerce.ProductID
	nextVar    commerce.VariantID
	warehouses []inventory.Warehouse
	levels     map[[3]int64]inventory.Level
	upserts    int // UpsertProducts calls
}

func newFakeStore() *fakeStore {
	return &fakeStore{products: map[commerce.ProductID]*catalog.Product{},
		bySKU: map[string]commerce.ProductID{}, slugs: map[string]commerce.ProductID{},
		levels: map[[3]int64]inventory.Level{}}
}

var (
	_ catalog.Store   = (*fakeStore)(nil)
	_ inventory.Store = (*fakeStore)(nil)
)

func conflict(what string) error {
	return commerce.Errorf(commerce.KindConflict, "fake", "%s en uso", what)
}

func (f *fakeStore) CreateCategory(_ context.Context, c *catalog.Category) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, o := range f.categories {
		if o.Slug == c.Slug {
			return conflict("slug")
		}
	}
	c.ID = commerce.CategoryID(len(f.categories) + 1)
	f.categories = append(f.categories, *c)
	return nil
}

func (f *fakeStore) UpdateCategory(_ context.Context, c *catalog.Category) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.categories[c.ID-1] = *c
	return nil
}

func (f *fakeStore) DeleteCategory(context.Context, commerce.CategoryID) error { return nil }

func (f *fakeStore) Category(_ context.Context, id commerce.CategoryID) (catalog.Category, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if id < 1 || int(id) > len(f.categories) {
		return catalog.Category{}, commerce.NotFound("category", "categoría")
	}
	return f.categories[id-1], nil
}

func (f *fakeStore) CategoryBySlug(_ context.Context, slug string) (catalog.Category, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.categories {
		if c.Slug == slug {
			return c, nil
		}
	}
	return catalog.Category{}, commerce.NotFound("category", "categoría")
}

func (f *fakeStore) Categories(context.Context) ([]catalog.Category, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.categories), nil
}

func (f *fakeStore) CategoryProductCounts(context.Context) (map[commerce.CategoryID]int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	counts := map[commerce.CategoryID]int{}
	for _, p := range f.products {
		counts[p.CategoryID]++
	}
	return counts, nil
}

func (f *fakeStore) CreateBrand(_ context.Context, b *catalog.Brand) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, o := range f.brands {
		if o.Slug == b.Slug {
			return conflict("slug")
		}
	}
	b.ID = commerce.BrandID(len(f.brands) + 1)
	f.brands = append(f.brands, *b)
	return nil
}

func (f *fakeStore) UpdateBrand(context.Context, *catalog.Brand) error   { return nil }
func (f *fakeStore) DeleteBrand(context.Context, commerce.BrandID) error { return nil }

func (f *fakeStore) Brand(_ context.Context, id commerce.BrandID) (catalog.Brand, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if id < 1 || int(id) > len(f.brands) {
		return catalog.Brand{}, commerce.NotFound("brand", "marca")
	}
	return f.brands[id-1], nil
}

func (f *fakeStore) BrandBySlug(_ context.Context, slug string) (catalog.Brand, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, b := range f.brands {
		if b.Slug == slug {
			return b, nil
		}
	}
	return catalog.Brand{}, commerce.NotFound("brand", "marca")
}

func (f *fakeStore) Brands(context.Context) ([]catalog.Brand, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.brands), nil
}

func (f *fakeStore) CreateProduct(context.Context, *catalog.Product) error { return nil }
func (f *fakeStore) UpdateProduct(context.Context, *catalog.Product) error { return nil }
func (f *fakeStore) DeleteProduct(context.Context, commerce.ProductID) error {
	return nil
}

func (f *fakeStore) Product(_ context.Context, id commerce.ProductID) (catalog.Product, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.products[id]
	if !ok {
		return catalog.Product{}, commerce.NotFound("product", "producto")
	}
	return *p, nil
}

func (f *fakeStore) ProductBySlug(_ context.Context, slug string) (catalog.Product, error) {
	f.mu.Lock()
	id, ok := f.slugs[slug]
	f.mu.Unlock()
	if !ok {
		return catalog.Product{}, commerce.NotFound("product", "producto")
	}
	return f.Product(context.Background(), id)
}

func (f *fakeStore) ListProducts(context.Context, catalog.ProductQuery) ([]catalog.Product,
	int, error) {
	return nil, 0, nil
}

// UpsertProducts creates or updates by SKU, all or nothing: a slug held by
// another SKU fails the whole batch with KindConflict, as a transaction
// would.
func (f *fakeStore) UpsertProducts(_ context.Context, ps []catalog.Product) (catalog.UpsertResult,
	error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.upserts++
	for _, p := range ps {
		if id, ok := f.slugs[p.Slug]; ok && f.products[id].SKU != p.SKU {
			return catalog.UpsertResult{}, conflict("slug " + p.Slug)
		}
	}
	var res catalog.UpsertResult
	for i := range ps {
		p := &ps[i]
		if id, ok := f.bySKU[p.SKU]; ok {
			p.ID, p.Slug = id, f.products[id].Slug
			res.Updated++
		} else {
			p.ID = commerce.ProductID(len(f.bySKU) + 1)
			f.bySKU[p.SKU], f.slugs[p.Slug] = p.ID, p.ID
			res.Created++
		}
		f.setVariantIDs(p)
		stored := *p
		stored.Variants = slices.Clone(p.Variants)
		f.products[p.ID] = &stored
	}
	return res, nil
}

// setVariantIDs keeps the ids of the variants the stored product already
// has, by SKU, and numbers the new ones.
func (f *fakeStore) setVariantIDs(p *catalog.Product) {
	had := map[string]commerce.VariantID{}
	if old, ok := f.products[p.ID]; ok {
		for _, v := range old.Variants {
			had[v.SKU] = v.ID
		}
	}
	for j := range p.Variants {
		v := &p.Variants[j]
		if v.ID = had[v.SKU]; v.ID == 0 {
			f.nextVar++
			v.ID = f.nextVar
		}
		v.ProductID = p.ID
	}
}

func (f *fakeStore) CreateWarehouse(_ context.Context, w *inventory.Warehouse) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	w.ID = commerce.WarehouseID(len(f.warehouses) + 1)
	f.warehouses = append(f.warehouses, *w)
	return nil
}

func (f *fakeStore) UpdateWarehouse(context.Context, *inventory.Warehouse) error { return nil }

func (f *fakeStore) Warehouse(_ context.Context, id commerce.WarehouseID) (inventory.Warehouse,
	error) {
	return f.warehouses[id-1], nil
}

func (f *fakeStore) WarehouseByCode(_ context.Context, code string) (inventory.Warehouse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, w := range f.warehouses {
		if w.Code == code {
			return w, nil
		}
	}
	return inventory.Warehouse{}, commerce.NotFound("warehouse", "bodega")
}

func (f *fakeStore) Warehouses(context.Context) ([]inventory.Warehouse, error) {
	return f.warehouses, nil
}

func (f *fakeStore) Levels(_ context.Context, id commerce.ProductID) ([]inventory.Level, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []inventory.Level
	for _, l := range f.levels {
		if l.ProductID == id {
			out = append(out, l)
		}
	}
	return out, nil
}

func (f *fakeStore) Adjust(context.Context, inventory.Adjustment) (inventory.Level, error) {
	return inventory.Level{}, nil
}

func (f *fakeStore) SetLevels(_ context.Context, ls []inventory.Level) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, l := range ls {
		if _, ok := f.products[l.ProductID]; !ok {
			return commerce.Errorf(commerce.KindInvalid, "fake", "no product %d", l.ProductID)
		}
		key := [3]int64{int64(l.ProductID), int64(l.VariantID), int64(l.WarehouseID)}
		f.levels[key] = l
	}
	return nil
}
