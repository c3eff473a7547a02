package catalog_test

import (
	"context"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// fakeStore keeps categories, brands and products in maps: enough of a
// catalog.Store to test the service's own rules. The adapters' behaviour is
// tested by storage/storagetest.
type fakeStore struct {
	categories map[commerce.CategoryID]catalog.Category
	brands     map[commerce.BrandID]catalog.Brand
	products   map[commerce.ProductID]catalog.Product
	lastQuery  catalog.ProductQuery
}

func newFakeStore() *fakeStore {
	return &fakeStore{
		categories: map[commerce.CategoryID]catalog.Category{},
		brands:     map[commerce.BrandID]catalog.Brand{},
		products:   map[commerce.ProductID]catalog.Product{},
	}
}

func (f *fakeStore) CreateCategory(_ context.Context, c *catalog.Category) error {
	for _, o := range f.categories {
		if o.Slug == c.Slug {
			return commerce.Errorf(commerce.KindConflict, "create category", "slug en uso")
		}
	}
	c.ID = commerce.CategoryID(len(f.categories) + 1)
	f.categories[c.ID] = *c
	return nil
}

func (f *fakeStore) UpdateCategory(_ context.Context, c *catalog.Category) error {
	if _, ok := f.categories[c.ID]; !ok {
		return commerce.NotFound("update category", "categoría")
	}
	f.categories[c.ID] = *c
	return nil
}

func (f *fakeStore) DeleteCategory(_ context.Context, id commerce.CategoryID) error {
	delete(f.categories, id)
	return nil
}

func (f *fakeStore) Category(_ context.Context, id commerce.CategoryID) (catalog.Category, error) {
	c, ok := f.categories[id]
	if !ok {
		return c, commerce.NotFound("category", "categoría")
	}
	return c, nil
}

func (f *fakeStore) CategoryBySlug(_ context.Context, slug string) (catalog.Category, error) {
	for _, c := range f.categories {
		if c.Slug == slug {
			return c, nil
		}
	}
	return catalog.Category{}, commerce.NotFound("category", "categoría")
}

func (f *fakeStore) Categories(context.Context) ([]catalog.Category, error) {
	out := make([]catalog.Category, 0, len(f.categories))
	for id := commerce.CategoryID(1); int(id) <= len(f.categories)+8; id++ {
		if c, ok := f.categories[id]; ok {
			out = append(out, c)
		}
	}
	return out, nil
}

func (f *fakeStore) CategoryProductCounts(context.Context) (map[commerce.CategoryID]int, error) {
	counts := map[commerce.CategoryID]int{}
	for _, p := range f.products {
		if p.Active {
			counts[p.CategoryID]++
		}
	}
	return counts, nil
}

func (f *fakeStore) CreateBrand(_ context.Context, b *catalog.Brand) error {
	b.ID = commerce.BrandID(len(f.brands) + 1)
	f.brands[b.ID] = *b
	return nil
}

func (f *fakeStore) UpdateBrand(_ context.Context, b *catalog.Brand) error {
	f.brands[b.ID] = *b
	return nil
}

func (f *fakeStore) DeleteBrand(_ context.Context, id commerce.BrandID) error {
	delete(f.brands, id)
	return nil
}

func (f *fakeStore) Brand(_ context.Context, id commerce.BrandID) (catalog.Brand, error) {
	b, ok := f.brands[id]
	if !ok {
		return b, commerce.NotFound("brand", "marca")
	}
	return b, nil
}

func (f *fakeStore) BrandBySlug(_ context.Context, slug string) (catalog.Brand, error) {
	for _, b := range f.brands {
		if b.Slug == slug {
			return b, nil
		}
	}
	return catalog.Brand{}, commerce.NotFound("brand", "marca")
}

func (f *fakeStore) Brands(context.Context) ([]catalog.Brand, error) { return nil, nil }

func (f *fakeStore) CreateProduct(_ context.Context, p *catalog.Product) error {
	p.ID = commerce.ProductID(len(f.products) + 1)
	f.products[p.ID] = *p
	return nil
}

func (f *fakeStore) UpdateProduct(_ context.Context, p *catalog.Product) error {
	f.products[p.ID] = *p
	return nil
}

func (f *fakeStore) DeleteProduct(_ context.Context, id commerce.ProductID) error {
	delete(f.products, id)
	return nil
}

func (f *fakeStore) Product(_ context.Context, id commerce.ProductID) (catalog.Product, error) {
	p, ok := f.products[id]
	if !ok {
		return p, commerce.NotFound("product", "producto")
	}
	return p, nil
}

func (f *fakeStore) ProductBySlug(_ context.Context, slug string) (catalog.Product, error) {
	for _, p := range f.products {
		if p.Slug == slug {
			return p, nil
		}
	}
	return catalog.Product{}, commerce.NotFound("product", "producto")
}

func (f *fakeStore) ListProducts(_ context.Context,
	q catalog.ProductQuery) ([]catalog.Product, int, error) {
	f.lastQuery = q
	return nil, 0, nil
}

func (f *fakeStore) UpsertProducts(_ context.Context,
	ps []catalog.Product) (catalog.UpsertResult, error) {
	for i := range ps {
		ps[i].ID = commerce.ProductID(len(f.products) + 1)
		f.products[ps[i].ID] = ps[i]
	}
	return catalog.UpsertResult{Created: len(ps)}, nil
}
