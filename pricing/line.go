package pricing

import (
	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Line is one thing to price, with the catalog data pricing needs. Callers
// fill it from the catalog (see CatalogLine), never from the shopper's input.
type Line struct {
	ProductID commerce.ProductID
	VariantID commerce.VariantID // zero: the product itself
	Name      string
	SKU       string
	// Categories are the product's category first, then its ancestors; tax
	// rules match the nearest one.
	Categories   []commerce.CategoryID
	UnitPrice    commerce.Money  // the catalog price, as shown to the shopper
	ComparePrice *commerce.Money // the "before" price; savings when above UnitPrice
	Weight       decimal.Decimal // kilograms per unit
	Quantity     int
}

// CatalogLine returns the line for qty units of a product, or of one of its
// variants when variant is not zero, at the catalog's current price. It
// returns an error of kind KindInvalid naming product_id for an inactive
// product, and variant_id for a variant the product does not have, that is
// inactive, or that is missing while the product is sold through variants.
// The field names are prefixed with prefix, such as "items[2].".
func CatalogLine(p catalog.Product, variant commerce.VariantID, qty int, prefix string) (Line,
	error) {
	const op = "pricing.catalog line"
	if !p.Active {
		return Line{}, commerce.Invalid(op, commerce.FieldError{Field: prefix + "product_id",
			Message: "el producto no existe o no está a la venta"})
	}
	l := Line{ProductID: p.ID, Name: p.Name, SKU: p.SKU, Categories: categories(p),
		UnitPrice: p.Price, ComparePrice: p.ComparePrice, Quantity: qty}
	if p.Weight != nil {
		l.Weight = *p.Weight
	}
	if variant == 0 {
		if len(p.Variants) > 0 {
			return Line{}, commerce.Invalid(op, commerce.FieldError{Field: prefix + "variant_id",
				Message: "elija una variante de este producto"})
		}
		return l, nil
	}
	for _, v := range p.Variants {
		if v.ID == variant && v.Active {
			return withVariant(l, p, v), nil
		}
	}
	return Line{}, commerce.Invalid(op, commerce.FieldError{Field: prefix + "variant_id",
		Message: "la variante no existe o no está a la venta"})
}

func withVariant(l Line, p catalog.Product, v catalog.Variant) Line {
	l.VariantID = v.ID
	l.Name = p.Name + " - " + v.Name
	l.SKU = v.SKU
	l.UnitPrice = v.EffectivePrice(p)
	if v.Price != nil {
		l.ComparePrice = v.ComparePrice
	} else if v.ComparePrice != nil {
		l.ComparePrice = v.ComparePrice
	}
	if v.Weight != nil {
		l.Weight = *v.Weight
	}
	return l
}

func categories(p catalog.Product) []commerce.CategoryID {
	if p.CategoryID == 0 {
		return nil
	}
	return []commerce.CategoryID{p.CategoryID}
}
