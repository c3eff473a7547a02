package catalog

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Store keeps the catalog. Adapters return commerce errors: KindNotFound for
// a missing row, KindConflict for a duplicate slug or SKU, KindInvalid for a
// reference to a row that does not exist. The storage/storagetest suite
// checks every adapter against this contract.
type Store interface {
	CategoryStore
	BrandStore
	ProductStore
}

// CategoryStore keeps the category tree.
type CategoryStore interface {
	CreateCategory(ctx context.Context, c *Category) error
	UpdateCategory(ctx context.Context, c *Category) error
	// DeleteCategory removes a category; its children become roots. It
	// returns KindConflict while products still belong to it.
	DeleteCategory(ctx context.Context, id commerce.CategoryID) error
	Category(ctx context.Context, id commerce.CategoryID) (Category, error)
	CategoryBySlug(ctx context.Context, slug string) (Category, error)
	// Categories returns every category, ordered by sort order then name.
	Categories(ctx context.Context) ([]Category, error)
	// CategoryProductCounts returns, per category, how many active products
	// belong to it directly.
	CategoryProductCounts(ctx context.Context) (map[commerce.CategoryID]int, error)
}

// BrandStore keeps brands.
type BrandStore interface {
	CreateBrand(ctx context.Context, b *Brand) error
	UpdateBrand(ctx context.Context, b *Brand) error
	// DeleteBrand removes a brand; its products are left without one.
	DeleteBrand(ctx context.Context, id commerce.BrandID) error
	Brand(ctx context.Context, id commerce.BrandID) (Brand, error)
	BrandBySlug(ctx context.Context, slug string) (Brand, error)
	// Brands returns every brand ordered by name.
	Brands(ctx context.Context) ([]Brand, error)
}

// ProductStore keeps products with their variants, images and attributes,
// always written together in one transaction.
type ProductStore interface {
	CreateProduct(ctx context.Context, p *Product) error
	// UpdateProduct returns KindConflict, and changes nothing, when it
	// would drop a variant of which orders hold reserved units.
	UpdateProduct(ctx context.Context, p *Product) error
	// DeleteProduct removes a product with its stock. It returns
	// KindConflict while orders hold reserved units of it: those orders
	// could neither release nor ship them. Deactivate it instead.
	DeleteProduct(ctx context.Context, id commerce.ProductID) error
	Product(ctx context.Context, id commerce.ProductID) (Product, error)
	ProductBySlug(ctx context.Context, slug string) (Product, error)
	// ListProducts returns one page of the products matching q, without
	// their variants, images beyond the first, or attributes, and how many
	// match in all.
	ListProducts(ctx context.Context, q ProductQuery) ([]Product, int, error)
	// UpsertProducts creates or updates products by SKU in batches, for
	// imports, and sets each product's ID. Variants, images and attributes
	// are replaced; a product's slug is kept when it already exists.
	UpsertProducts(ctx context.Context, ps []Product) (UpsertResult, error)
}

// UpsertResult counts what an upsert did.
type UpsertResult struct {
	Created int
	Updated int
}

// Sort orders a product listing.
type Sort string

// The orders a listing can take.
const (
	SortNewest    Sort = "newest"
	SortPriceAsc  Sort = "price_asc"
	SortPriceDesc Sort = "price_desc"
	SortName      Sort = "name"
	SortRating    Sort = "rating"
)

// Valid reports whether s is one of the listing orders.
func (s Sort) Valid() bool {
	switch s {
	case SortNewest, SortPriceAsc, SortPriceDesc, SortName, SortRating:
		return true
	}
	return false
}

// ProductQuery is a listing as the store runs it: references resolved to
// ids, page bounds checked. Ties in every sort are broken by id, so pages
// never overlap.
type ProductQuery struct {
	CategoryID      commerce.CategoryID // with every category below it
	BrandID         commerce.BrandID
	PriceMin        *decimal.Decimal
	PriceMax        *decimal.Decimal
	InStock         *bool // true: available > 0; false: available == 0
	Featured        *bool
	Search          string // every word must appear in the name, description, SKU or brand
	IncludeInactive bool
	Sort            Sort
	Offset          int
	Limit           int
}
