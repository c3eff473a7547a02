package elasticsearch

import (
	"strconv"
	"strings"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// sep joins the parts of a key field: a category's id, parent and name.
const sep = "\x1f"

// source is a document as Elasticsearch stores it.
type source struct {
	ID            int64               `json:"id"`
	SKU           string              `json:"sku"`
	Codes         []string            `json:"codes,omitempty"`
	Slug          string              `json:"slug,omitempty"`
	Name          string              `json:"name"`
	Description   string              `json:"description,omitempty"`
	Brand         string              `json:"brand,omitempty"`
	BrandID       int64               `json:"brand_id,omitempty"`
	BrandKey      string              `json:"brand_key,omitempty"`
	CategoryID    int64               `json:"category_id"`
	CategoryIDs   []int64             `json:"category_ids"`
	CategoryNames []string            `json:"category_names"`
	CategoryKeys  []string            `json:"category_keys"`
	Attributes    []catalog.Attribute `json:"attributes,omitempty"`
	AttributeKeys []string            `json:"attribute_keys,omitempty"`
	AttributeText string              `json:"attribute_text,omitempty"`
	Price         int64               `json:"price"`
	Currency      commerce.Currency   `json:"currency"`
	Available     int                 `json:"available"`
	InStock       bool                `json:"in_stock"`
	Rating        float64             `json:"rating"`
	Featured      bool                `json:"featured"`
	ImageURL      string              `json:"image_url,omitempty"`
	CreatedAt     time.Time           `json:"created_at"`
}

func toSource(d search.Document) source {
	s := source{
		ID: int64(d.ID), SKU: d.SKU, Codes: d.Codes, Slug: d.Slug, Name: d.Name,
		Description: d.Description, Brand: d.Brand, BrandID: int64(d.BrandID),
		CategoryID: int64(d.CategoryID), Attributes: d.Attributes, Price: d.Price.Minor(),
		Currency: d.Price.Currency(), Available: d.Available, InStock: d.Available > 0,
		Rating: d.Rating, Featured: d.Featured, ImageURL: d.ImageURL, CreatedAt: d.CreatedAt,
	}
	if d.BrandID != 0 {
		s.BrandKey = strconv.FormatInt(int64(d.BrandID), 10) + sep + d.Brand
	}
	var parent commerce.CategoryID
	for _, c := range d.CategoryPath {
		s.CategoryIDs = append(s.CategoryIDs, int64(c.ID))
		s.CategoryNames = append(s.CategoryNames, c.Name)
		s.CategoryKeys = append(s.CategoryKeys, categoryKey(c.ID, parent, c.Name))
		parent = c.ID
	}
	var text []string
	for _, a := range d.Attributes {
		s.AttributeKeys = append(s.AttributeKeys, attributeKey(a.Name, a.Value))
		text = append(text, a.Value)
	}
	s.AttributeText = strings.Join(text, " ")
	return s
}

func categoryKey(id, parent commerce.CategoryID, name string) string {
	return strconv.FormatInt(int64(id), 10) + sep + strconv.FormatInt(int64(parent), 10) + sep + name
}

// attributeKey folds an attribute as the memory engine compares it.
func attributeKey(name, value string) string {
	return strings.Join(search.Words(name), " ") + sep + strings.Join(search.Words(value), " ")
}

// document turns a stored source back into a search document.
func (s source) document() search.Document {
	d := search.Document{
		ID: commerce.ProductID(s.ID), SKU: s.SKU, Codes: s.Codes, Slug: s.Slug, Name: s.Name,
		Description: s.Description, Brand: s.Brand, BrandID: commerce.BrandID(s.BrandID),
		CategoryID: commerce.CategoryID(s.CategoryID), Attributes: s.Attributes,
		Price: commerce.FromMinor(s.Price, s.Currency), Available: s.Available,
		Rating: s.Rating, Featured: s.Featured, ImageURL: s.ImageURL, CreatedAt: s.CreatedAt,
	}
	for i, id := range s.CategoryIDs {
		d.CategoryPath = append(d.CategoryPath, search.CategoryRef{
			ID: commerce.CategoryID(id), Name: s.CategoryNames[i]})
	}
	return d
}
