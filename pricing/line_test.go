package pricing_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pricing"
)

func ptr[T any](v T) *T { return &v }

func TestCatalogLine(t *testing.T) {
	shirt := catalog.Product{ID: 1, Name: "Polera", SKU: "POL", Price: clp(9990),
		ComparePrice: ptr(clp(12990)), CategoryID: 3, Active: true, Weight: ptr(dec("0.2")),
		Variants: []catalog.Variant{
			{ID: 10, Name: "M", SKU: "POL-M", Active: true},
			{ID: 11, Name: "XL", SKU: "POL-XL", Price: ptr(clp(10990)), Active: true},
			{ID: 12, Name: "XS", SKU: "POL-XS", Active: false},
		}}
	tests := []struct {
		name    string
		p       catalog.Product
		variant commerce.VariantID
		field   string
		sku     string
		price   int64
		compare int64 // zero: none
	}{
		{"variant at product price", shirt, 10, "", "POL-M", 9990, 12990},
		{"variant with its own price", shirt, 11, "", "POL-XL", 10990, 0},
		{"inactive variant", shirt, 12, "items[0].variant_id", "", 0, 0},
		{"unknown variant", shirt, 99, "items[0].variant_id", "", 0, 0},
		{"variant required", shirt, 0, "items[0].variant_id", "", 0, 0},
		{"inactive product", catalog.Product{ID: 2, Price: clp(1)}, 0, "items[0].product_id",
			"", 0, 0},
		{"simple product", catalog.Product{ID: 3, SKU: "S", Price: clp(500), Active: true}, 0,
			"", "S", 500, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := pricing.CatalogLine(tt.p, tt.variant, 2, "items[0].")
			if tt.field != "" {
				f := commerce.ErrorFields(err)
				if len(f) != 1 || f[0].Field != tt.field {
					t.Fatalf("CatalogLine = %v; want invalid %s", err, tt.field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if l.SKU != tt.sku || l.UnitPrice.Minor() != tt.price || l.Quantity != 2 {
				t.Errorf("line = %s %s ×%d; want %s %d ×2", l.SKU, l.UnitPrice, l.Quantity,
					tt.sku, tt.price)
			}
			if (l.ComparePrice == nil) != (tt.compare == 0) ||
				(l.ComparePrice != nil && l.ComparePrice.Minor() != tt.compare) {
				t.Errorf("compare price = %v; want %d", l.ComparePrice, tt.compare)
			}
		})
	}
}
