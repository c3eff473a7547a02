package sqlstore

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// productWriteCols are the columns every product write sets, in the order
// productValues returns them.
var productWriteCols = []string{"sku", "slug", "name", "description", "short_description",
	"price", "compare_price", "cost_price", "currency", "category_id", "brand_id", "weight",
	"dimensions", "active", "featured", "meta_title", "meta_description", "search_text",
	"created_at", "updated_at"}

const productReadCols = `p.id, p.sku, p.slug, p.name, p.description, p.short_description,
	p.price, p.compare_price, p.cost_price, p.currency, p.category_id, p.brand_id, p.weight,
	p.dimensions, p.active, p.featured, p.meta_title, p.meta_description, p.rating,
	p.reviews_count, p.available, p.created_at, p.updated_at`

type productRow struct {
	ID               int64               `db:"id"`
	SKU              string              `db:"sku"`
	Slug             string              `db:"slug"`
	Name             string              `db:"name"`
	Description      string              `db:"description"`
	ShortDescription string              `db:"short_description"`
	Price            decimal.Decimal     `db:"price"`
	ComparePrice     decimal.NullDecimal `db:"compare_price"`
	CostPrice        decimal.NullDecimal `db:"cost_price"`
	Currency         string              `db:"currency"`
	CategoryID       int64               `db:"category_id"`
	BrandID          sql.NullInt64       `db:"brand_id"`
	Weight           decimal.NullDecimal `db:"weight"`
	Dimensions       sql.NullString      `db:"dimensions"`
	Active           bool                `db:"active"`
	Featured         bool                `db:"featured"`
	MetaTitle        string              `db:"meta_title"`
	MetaDescription  string              `db:"meta_description"`
	Rating           float64             `db:"rating"`
	ReviewsCount     int                 `db:"reviews_count"`
	Available        int                 `db:"available"`
	CreatedAt        time.Time           `db:"created_at"`
	UpdatedAt        time.Time           `db:"updated_at"`
}

func (r productRow) product() (catalog.Product, error) {
	cur := commerce.Currency(strings.TrimSpace(r.Currency))
	p := catalog.Product{ID: commerce.ProductID(r.ID), SKU: r.SKU, Slug: r.Slug, Name: r.Name,
		Description: r.Description, ShortDescription: r.ShortDescription,
		Price: money(r.Price, cur), ComparePrice: nullMoney(r.ComparePrice, cur),
		CostPrice: nullMoney(r.CostPrice, cur), CategoryID: commerce.CategoryID(r.CategoryID),
		BrandID: commerce.BrandID(r.BrandID.Int64), Weight: nullDecimal(r.Weight),
		Active: r.Active, Featured: r.Featured, MetaTitle: r.MetaTitle,
		MetaDescription: r.MetaDescription, Rating: r.Rating, ReviewsCount: r.ReviewsCount,
		Available: r.Available, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if r.Dimensions.Valid && r.Dimensions.String != "" {
		p.Dimensions = new(catalog.Dimensions)
		if err := json.Unmarshal([]byte(r.Dimensions.String), p.Dimensions); err != nil {
			return p, fmt.Errorf("product %d dimensions: %w", r.ID, err)
		}
	}
	return p, nil
}

// productValues returns the values of productWriteCols for p.
func productValues(p *catalog.Product, now time.Time) ([]any, error) {
	var dims sql.NullString
	if p.Dimensions != nil {
		b, err := json.Marshal(p.Dimensions)
		if err != nil {
			return nil, fmt.Errorf("dimensions: %w", err)
		}
		dims = sql.NullString{String: string(b), Valid: true}
	}
	// The name and SKU first, so that cutting the text to its TEXT column
	// loses only the end of the description.
	search := truncateUTF8(fold(p.Name+" "+p.SKU+" "+p.Description), maxTextBytes)
	return []any{p.SKU, p.Slug, p.Name, p.Description, p.ShortDescription,
		p.Price.Amount(), moneyValue(p.ComparePrice), moneyValue(p.CostPrice),
		string(p.Price.Currency()), p.CategoryID, nullID(p.BrandID), decimalValue(p.Weight),
		dims, p.Active, p.Featured, p.MetaTitle, p.MetaDescription, search, now, now}, nil
}

// money reads an amount the engine returned, rounding it to the currency's
// minor units: SQLite may hold a DECIMAL as a binary REAL, whose shortest
// decimal form rounds back to the exact amount written.
func money(d decimal.Decimal, c commerce.Currency) commerce.Money {
	return commerce.NewMoney(d, c).Round()
}

func nullMoney(d decimal.NullDecimal, c commerce.Currency) *commerce.Money {
	if !d.Valid {
		return nil
	}
	m := money(d.Decimal, c)
	return &m
}

func nullDecimal(d decimal.NullDecimal) *decimal.Decimal {
	if !d.Valid {
		return nil
	}
	v := d.Decimal.Round(3)
	return &v
}

func moneyValue(m *commerce.Money) decimal.NullDecimal {
	if m == nil {
		return decimal.NullDecimal{}
	}
	return decimal.NullDecimal{Decimal: m.Amount(), Valid: true}
}

func decimalValue(d *decimal.Decimal) decimal.NullDecimal {
	if d == nil {
		return decimal.NullDecimal{}
	}
	return decimal.NullDecimal{Decimal: *d, Valid: true}
}

// maxTextBytes is what a TEXT column holds.
const maxTextBytes = 65535

// truncateUTF8 cuts s to at most n bytes without splitting a character.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
