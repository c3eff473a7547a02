package catalog

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Product is something the store sells. Prices are in the store's currency.
// A product with variants is sold through them; each variant may override
// the price.
type Product struct {
	ID               commerce.ProductID
	Name             string
	Slug             string
	Description      string
	ShortDescription string
	SKU              string
	Price            commerce.Money
	ComparePrice     *commerce.Money // the "before" price shown struck through
	CostPrice        *commerce.Money // what the store paid; staff only
	CategoryID       commerce.CategoryID
	BrandID          commerce.BrandID // zero when the product has no brand
	Weight           *decimal.Decimal // kilograms
	Dimensions       *Dimensions
	Active           bool
	Featured         bool
	MetaTitle        string
	MetaDescription  string
	Images           []Image
	Attributes       []Attribute
	Variants         []Variant

	// Read-only fields the store fills on reads.
	Available    int     // units that can still be sold, over every warehouse
	Rating       float64 // average review rating, 0 when none
	ReviewsCount int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Dimensions are a product's package size in centimetres.
type Dimensions struct {
	Length decimal.Decimal `json:"length"`
	Width  decimal.Decimal `json:"width"`
	Height decimal.Decimal `json:"height"`
}

// Image is a picture of a product, in display order.
type Image struct {
	URL string `json:"url"`
	Alt string `json:"alt,omitempty"`
}

// Attribute is a named property used for filtering, such as
// "presentación" = "500 gr" or "tipo" = "HardGood".
type Attribute struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Variant is one sellable version of a product, such as size M in red.
type Variant struct {
	ID           commerce.VariantID
	ProductID    commerce.ProductID
	Name         string
	SKU          string
	Price        *commerce.Money // nil: the product's price
	ComparePrice *commerce.Money
	CostPrice    *commerce.Money
	Weight       *decimal.Decimal
	Barcode      string
	Options      []Option
	Active       bool
	Available    int // filled on reads
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Option is one choice that sets a variant apart, such as talla = M.
type Option struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// EffectivePrice returns the variant's own price, or the product's when the
// variant has none.
func (v Variant) EffectivePrice(p Product) commerce.Money {
	if v.Price != nil {
		return *v.Price
	}
	return p.Price
}
