package catalog

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// MaxPageSize is the largest page a listing returns.
const MaxPageSize = 100

// ListFilter is a product listing as a shopper asks for it. Category and
// Brand are a slug or a numeric id.
type ListFilter struct {
	Category string
	Brand    string
	PriceMin *decimal.Decimal
	PriceMax *decimal.Decimal
	InStock  *bool
	Featured *bool
	Search   string
	Sort     Sort // SortNewest when empty
	Page     int  // from 1; 1 when zero
	Limit    int  // 1 to MaxPageSize; 20 when zero
	// IncludeInactive lists hidden products too; staff only.
	IncludeInactive bool
}

// Page is one page of a listing.
type Page struct {
	Products []Product
	Page     int
	Limit    int
	Total    int
}

// Pages returns how many pages the listing has.
func (p Page) Pages() int { return commerce.PageCount(p.Total, p.Limit) }

// ListProducts returns one page of products. Shoppers see active products
// only. It returns KindInvalid for a bad filter, naming the field, and
// KindNotFound for an unknown category or brand.
func (s *Service) ListProducts(ctx context.Context, p commerce.Principal,
	f ListFilter) (Page, error) {
	const op = "catalog.list products"
	q, err := s.query(ctx, p, f)
	if err != nil {
		return Page{}, err
	}
	products, total, err := s.store.ListProducts(ctx, q)
	if err != nil {
		return Page{}, fmt.Errorf("%s: %w", op, err)
	}
	return Page{Products: products, Page: q.Offset/q.Limit + 1, Limit: q.Limit, Total: total}, nil
}

// query checks a filter and resolves its references into a store query.
func (s *Service) query(ctx context.Context, p commerce.Principal,
	f ListFilter) (ProductQuery, error) {
	const op = "catalog.list products"
	if f.Page == 0 {
		f.Page = 1
	}
	if f.Limit == 0 {
		f.Limit = 20
	}
	if f.Sort == "" {
		f.Sort = SortNewest
	}
	var bad commerce.Fields
	bad.Between("page", f.Page, 1, 1_000_000)
	bad.Between("limit", f.Limit, 1, MaxPageSize)
	bad.Check(f.Sort.Valid(), "sort", "debe ser price_asc, price_desc, newest, name o rating")
	bad.Check(f.PriceMin == nil || !f.PriceMin.IsNegative(), "price_min", "no puede ser negativo")
	bad.Check(f.PriceMax == nil || !f.PriceMax.IsNegative(), "price_max", "no puede ser negativo")
	bad.Check(f.PriceMin == nil || f.PriceMax == nil || !f.PriceMin.GreaterThan(*f.PriceMax),
		"price_max", "debe ser mayor o igual que price_min")
	bad.Check(utf8.RuneCountInString(f.Search) <= 200, "search", "máximo 200 caracteres")
	if f.IncludeInactive && !p.Can(commerce.PermCatalogWrite) {
		bad.Add("include_inactive", "solo el personal de la tienda puede ver productos inactivos")
	}
	if err := bad.Err(op); err != nil {
		return ProductQuery{}, err
	}

	q := ProductQuery{
		PriceMin: f.PriceMin, PriceMax: f.PriceMax, InStock: f.InStock, Featured: f.Featured,
		Search: strings.TrimSpace(f.Search), IncludeInactive: f.IncludeInactive, Sort: f.Sort,
		Offset: (f.Page - 1) * f.Limit, Limit: f.Limit,
	}
	if f.Category != "" {
		c, err := s.categoryByRef(ctx, f.Category)
		if err != nil {
			return ProductQuery{}, err
		}
		q.CategoryID = c.ID
	}
	if f.Brand != "" {
		b, err := s.brandByRef(ctx, f.Brand)
		if err != nil {
			return ProductQuery{}, err
		}
		q.BrandID = b.ID
	}
	return q, nil
}

// Product returns a product by numeric id or slug, with its variants, images
// and attributes. An inactive product is not found unless p is staff. It
// returns KindNotFound.
func (s *Service) Product(ctx context.Context, p commerce.Principal, ref string) (Product, error) {
	const op = "catalog.product"
	var (
		prod Product
		err  error
	)
	if id, ok := commerce.ParseID(ref); ok {
		prod, err = s.store.Product(ctx, commerce.ProductID(id))
	} else {
		prod, err = s.store.ProductBySlug(ctx, ref)
	}
	if err != nil {
		return Product{}, fmt.Errorf("%s %q: %w", op, ref, err)
	}
	if !prod.Active && !p.Can(commerce.PermCatalogWrite) {
		return Product{}, commerce.NotFound(op, "producto")
	}
	return prod, nil
}

// CreateProduct validates and stores a new product with its variants. A
// missing slug is made from the name. It returns KindForbidden or
// KindUnauthenticated for a principal without commerce.PermCatalogWrite,
// KindInvalid naming each bad field, and KindConflict for a taken slug or SKU.
func (s *Service) CreateProduct(ctx context.Context, p commerce.Principal, prod *Product) error {
	const op = "catalog.create product"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	if prod.Slug == "" {
		prod.Slug = Slugify(prod.Name)
	}
	if err := s.validateProduct(ctx, op, prod); err != nil {
		return err
	}
	ctx = audited(ctx, p, "product.create", "product", func() (int64, any) {
		return int64(prod.ID), productSummary(prod)
	})
	if err := s.store.CreateProduct(ctx, prod); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, EventProductCreated, productKey(prod.ID), *prod)
	return nil
}

// UpdateProduct validates and stores every field of an existing product,
// replacing its variants, images and attributes. It returns the errors of
// CreateProduct, and KindNotFound.
func (s *Service) UpdateProduct(ctx context.Context, p commerce.Principal, prod *Product) error {
	const op = "catalog.update product"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	if err := s.validateProduct(ctx, op, prod); err != nil {
		return err
	}
	ctx = audited(ctx, p, "product.update", "product", func() (int64, any) {
		return int64(prod.ID), productSummary(prod)
	})
	if err := s.store.UpdateProduct(ctx, prod); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, EventProductUpdated, productKey(prod.ID), *prod)
	return nil
}

// DeleteProduct removes a product. It returns KindForbidden,
// KindUnauthenticated and KindNotFound.
func (s *Service) DeleteProduct(ctx context.Context, p commerce.Principal,
	id commerce.ProductID) error {
	const op = "catalog.delete product"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return err
	}
	ctx = audited(ctx, p, "product.delete", "product", func() (int64, any) {
		return int64(id), map[string]any{}
	})
	if err := s.store.DeleteProduct(ctx, id); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, EventProductDeleted, productKey(id), id)
	return nil
}

// ImportProducts validates products and creates or updates them by SKU, for
// bulk loads. Invalid products are not stored; their errors come back by
// index while the valid ones are kept, and each stored product is written
// back into ps with the ID (and whatever else) the store set. One
// EventProductsImported carries the ids of every stored product.
func (s *Service) ImportProducts(ctx context.Context, p commerce.Principal,
	ps []Product) (UpsertResult, map[int]error, error) {
	const op = "catalog.import products"
	if err := p.Require(op, commerce.PermCatalogWrite); err != nil {
		return UpsertResult{}, nil, err
	}
	rejected := map[int]error{}
	valid := make([]Product, 0, len(ps))
	at := make([]int, 0, len(ps)) // at[j] is the index in ps of valid[j]
	for i := range ps {
		if ps[i].Slug == "" {
			ps[i].Slug = Slugify(ps[i].Name)
		}
		if err := s.checkProduct(op, &ps[i]); err != nil {
			rejected[i] = err
			continue
		}
		valid = append(valid, ps[i])
		at = append(at, i)
	}
	res, err := s.store.UpsertProducts(ctx, valid)
	if err != nil {
		return res, rejected, fmt.Errorf("%s: %w", op, err)
	}
	for j := range valid {
		ps[at[j]] = valid[j]
	}
	ids := make([]commerce.ProductID, len(valid))
	for i, prod := range valid {
		ids[i] = prod.ID
	}
	s.publish(ctx, EventProductsImported, "products", ids)
	return res, rejected, nil
}

func productKey(id commerce.ProductID) string {
	return "product:" + strconv.FormatInt(int64(id), 10)
}
