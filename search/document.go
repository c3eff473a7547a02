package search

import (
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Document is a product as the index holds it: what shoppers search in,
// filter on and see in a list of results.
type Document struct {
	ID           commerce.ProductID
	SKU          string
	Slug         string
	Name         string
	Description  string
	Brand        string // empty when the product has none
	BrandID      commerce.BrandID
	CategoryID   commerce.CategoryID
	CategoryPath []CategoryRef // from the root down to CategoryID
	Attributes   []catalog.Attribute
	// Codes holds the SKUs and barcodes of the product's variants, so that
	// staff and shoppers can find a product by any of them.
	Codes     []string
	Price     commerce.Money
	Available int // units that can be sold, over every warehouse
	Rating    float64
	Featured  bool
	ImageURL  string
	CreatedAt time.Time
}

// CategoryRef names one category of a document's path.
type CategoryRef struct {
	ID   commerce.CategoryID
	Name string
}

// InStock reports whether the product has units to sell.
func (d Document) InStock() bool { return d.Available > 0 }

// InCategory reports whether the product belongs to the category or to one
// below it.
func (d Document) InCategory(id commerce.CategoryID) bool {
	for _, c := range d.CategoryPath {
		if c.ID == id {
			return true
		}
	}
	return d.CategoryID == id
}

// NewDocument builds the document of a product from the categories of its
// path, root first, and its brand (the zero Brand for none). The product's
// short description joins the description, since both describe it.
func NewDocument(p catalog.Product, path []catalog.Category, brand catalog.Brand) Document {
	d := Document{
		ID: p.ID, SKU: p.SKU, Slug: p.Slug, Name: p.Name, Description: p.Description,
		BrandID: p.BrandID, Brand: brand.Name, CategoryID: p.CategoryID,
		Attributes: p.Attributes, Price: p.Price, Available: p.Available, Rating: p.Rating,
		Featured: p.Featured, CreatedAt: p.CreatedAt,
	}
	if p.ShortDescription != "" && p.ShortDescription != p.Description {
		d.Description = p.ShortDescription + "\n" + p.Description
	}
	for _, c := range path {
		d.CategoryPath = append(d.CategoryPath, CategoryRef{ID: c.ID, Name: c.Name})
	}
	for _, v := range p.Variants {
		d.Codes = append(d.Codes, v.SKU)
		if v.Barcode != "" {
			d.Codes = append(d.Codes, v.Barcode)
		}
	}
	if len(p.Images) > 0 {
		d.ImageURL = p.Images[0].URL
	}
	return d
}
