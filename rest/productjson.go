package rest

import (
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// refJSON names a category or brand inside a product.
type refJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// productJSON is a product as the listing shows it.
type productJSON struct {
	ID                    commerce.ProductID `json:"id"`
	Name                  string             `json:"name"`
	Slug                  string             `json:"slug"`
	SKU                   string             `json:"sku"`
	ShortDescription      string             `json:"short_description"`
	Price                 json.Number        `json:"price"`
	ComparePrice          *json.Number       `json:"compare_price"`
	Currency              commerce.Currency  `json:"currency"`
	PriceFormatted        string             `json:"price_formatted"`
	ComparePriceFormatted *string            `json:"compare_price_formatted"`
	Category              *refJSON           `json:"category"`
	Brand                 *refJSON           `json:"brand"`
	Images                []catalog.Image    `json:"images"`
	Stock                 int                `json:"stock"`
	InStock               bool               `json:"in_stock"`
	Featured              bool               `json:"featured"`
	Rating                float64            `json:"rating"`
	ReviewsCount          int                `json:"reviews_count"`
}

// productDetailJSON is a product with everything the product page shows.
type productDetailJSON struct {
	productJSON
	Description     string              `json:"description"`
	MetaTitle       string              `json:"meta_title"`
	MetaDescription string              `json:"meta_description"`
	Weight          *json.Number        `json:"weight"`
	Dimensions      *dimensionsJSON     `json:"dimensions"`
	Attributes      []catalog.Attribute `json:"attributes"`
	CategoryPath    []refJSON           `json:"category_path"`
	Variants        []variantJSON       `json:"variants"`
	CreatedAt       time.Time           `json:"created_at"`
	UpdatedAt       time.Time           `json:"updated_at"`
}

type dimensionsJSON struct {
	Length json.Number `json:"length"`
	Width  json.Number `json:"width"`
	Height json.Number `json:"height"`
}

type variantJSON struct {
	ID                    commerce.VariantID `json:"id"`
	Name                  string             `json:"name"`
	SKU                   string             `json:"sku"`
	Price                 json.Number        `json:"price"`
	ComparePrice          *json.Number       `json:"compare_price"`
	PriceFormatted        string             `json:"price_formatted"`
	ComparePriceFormatted *string            `json:"compare_price_formatted"`
	Barcode               string             `json:"barcode"`
	Options               []catalog.Option   `json:"options"`
	Stock                 int                `json:"stock"`
	InStock               bool               `json:"in_stock"`
}

// amount writes money as an exact JSON number in its currency's minor
// units: 12990 for CLP, 19.99 for USD.
func amount(m commerce.Money) json.Number {
	r := m.Round()
	return json.Number(r.Amount().StringFixed(r.Currency().MinorUnits()))
}

func optAmount(m *commerce.Money) (*json.Number, *string) {
	if m == nil {
		return nil, nil
	}
	n, f := amount(*m), m.Format()
	return &n, &f
}

func number(d decimal.Decimal) json.Number { return json.Number(d.String()) }

func ref(id int64, name, slug string) *refJSON {
	return &refJSON{ID: id, Name: name, Slug: slug}
}

// listed returns the listing form of p; category and brand are filled by
// the caller, which knows their names.
func listed(p catalog.Product) productJSON {
	j := productJSON{
		ID: p.ID, Name: p.Name, Slug: p.Slug, SKU: p.SKU, ShortDescription: p.ShortDescription,
		Price: amount(p.Price), Currency: p.Price.Currency(), PriceFormatted: p.Price.Format(),
		Images: p.Images, Stock: max(p.Available, 0), InStock: p.Available > 0,
		Featured: p.Featured, Rating: p.Rating, ReviewsCount: p.ReviewsCount,
	}
	j.ComparePrice, j.ComparePriceFormatted = optAmount(p.ComparePrice)
	if j.Images == nil {
		j.Images = []catalog.Image{}
	}
	return j
}

// detailed returns the product page form of p, without its category path.
// Inactive variants are left out unless withInactive.
func detailed(p catalog.Product, withInactive bool) productDetailJSON {
	j := productDetailJSON{
		productJSON: listed(p), Description: p.Description, MetaTitle: p.MetaTitle,
		MetaDescription: p.MetaDescription, Attributes: p.Attributes,
		CategoryPath: []refJSON{}, Variants: make([]variantJSON, 0, len(p.Variants)),
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
	}
	if p.Weight != nil {
		w := number(*p.Weight)
		j.Weight = &w
	}
	if d := p.Dimensions; d != nil {
		j.Dimensions = &dimensionsJSON{number(d.Length), number(d.Width), number(d.Height)}
	}
	if j.Attributes == nil {
		j.Attributes = []catalog.Attribute{}
	}
	for _, v := range p.Variants {
		if v.Active || withInactive {
			j.Variants = append(j.Variants, variant(p, v))
		}
	}
	return j
}

func variant(p catalog.Product, v catalog.Variant) variantJSON {
	price := v.EffectivePrice(p)
	j := variantJSON{
		ID: v.ID, Name: v.Name, SKU: v.SKU, Price: amount(price),
		PriceFormatted: price.Format(), Barcode: v.Barcode, Options: v.Options,
		Stock: max(v.Available, 0), InStock: v.Available > 0,
	}
	compare := v.ComparePrice
	if v.Price == nil && compare == nil {
		compare = p.ComparePrice // the product's "before" price goes with its price
	}
	j.ComparePrice, j.ComparePriceFormatted = optAmount(compare)
	if j.Options == nil {
		j.Options = []catalog.Option{}
	}
	return j
}
