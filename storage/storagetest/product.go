package storagetest

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

func testProducts(t *testing.T, s Stores) {
	ctx := context.Background()
	cat := mustCategory(t, s, 0)
	t.Run("RoundTrip", func(t *testing.T) { testProductRoundTrip(t, s, cat.ID) })
	t.Run("MoneyExact", func(t *testing.T) { testMoneyExact(t, s, cat.ID) })
	t.Run("UpdateReplacesChildren", func(t *testing.T) { testProductUpdate(t, s, cat.ID) })
	t.Run("ByID", func(t *testing.T) { testProductsByID(t, s, cat.ID) })
	t.Run("ActiveIDs", func(t *testing.T) { testActiveProductIDs(t, s, cat.ID) })
	t.Run("Conflicts", func(t *testing.T) {
		a := mustProduct(t, s, newProduct(cat.ID, "A", "10"))
		b := newProduct(cat.ID, "B", "10")
		b.Slug = a.Slug
		wantField(t, "CreateProduct(taken slug)", s.Catalog.CreateProduct(ctx, &b),
			commerce.KindConflict, "slug")
		c := newProduct(cat.ID, "C", "10")
		c.SKU = a.SKU
		wantField(t, "CreateProduct(taken sku)", s.Catalog.CreateProduct(ctx, &c),
			commerce.KindConflict, "sku")
		d := mustProduct(t, s, newProduct(cat.ID, "D", "10"))
		d.SKU = a.SKU
		wantField(t, "UpdateProduct(taken sku)", s.Catalog.UpdateProduct(ctx, &d),
			commerce.KindConflict, "sku")
	})
	t.Run("CollatingVariantSKUs", func(t *testing.T) {
		// SKUs a collation may take for one: the store keeps both
		// (binary) or refuses with a conflict, never an internal error.
		p := mustProduct(t, s, newProduct(cat.ID, "Café", "10"))
		p.Variants = []catalog.Variant{
			{Name: "Sin acento", SKU: "CAFE-1", Active: true,
				Options: []catalog.Option{{Name: "Tipo", Value: "a"}}},
			{Name: "Con acento", SKU: "CAFÉ-1", Active: true,
				Options: []catalog.Option{{Name: "Tipo", Value: "b"}}},
		}
		err := s.Catalog.UpdateProduct(ctx, &p)
		if err != nil {
			wantField(t, "UpdateProduct(collating SKUs)", err, commerce.KindConflict,
				"variants.sku")
			if got, err := s.Catalog.Product(ctx, p.ID); err != nil || len(got.Variants) != 0 {
				t.Errorf("after the conflict: %+v, %v; want no variant written", got.Variants, err)
			}
			return
		}
		got, err := s.Catalog.Product(ctx, p.ID)
		must(t, "Product", err)
		if len(got.Variants) != 2 || got.Variants[0].ID == got.Variants[1].ID {
			t.Errorf("variants = %+v; want both SKUs, each with its own ID", got.Variants)
		}
	})
	t.Run("LongestDescription", func(t *testing.T) {
		// The longest description a TEXT column holds, beside a name and a
		// SKU: the search text made of them all must still fit.
		p := newProduct(cat.ID, strings.Repeat("n", 255), "10")
		p.Description = strings.Repeat("d", 65535)
		must(t, "CreateProduct(longest description)", s.Catalog.CreateProduct(ctx, &p))
		got, err := s.Catalog.Product(ctx, p.ID)
		must(t, "Product", err)
		if got.Description != p.Description {
			t.Errorf("description of %d bytes; want %d", len(got.Description), len(p.Description))
		}
	})
	t.Run("InvalidReferences", func(t *testing.T) {
		p := newProduct(999999, "Sin categoría", "10")
		wantField(t, "CreateProduct(missing category)", s.Catalog.CreateProduct(ctx, &p),
			commerce.KindInvalid, "category_id")
		p = newProduct(cat.ID, "Sin marca", "10")
		p.BrandID = 999999
		wantField(t, "CreateProduct(missing brand)", s.Catalog.CreateProduct(ctx, &p),
			commerce.KindInvalid, "brand_id")
	})
	t.Run("NotFound", func(t *testing.T) {
		_, err := s.Catalog.Product(ctx, 999999)
		wantKind(t, "Product(999999)", err, commerce.KindNotFound)
		_, err = s.Catalog.ProductBySlug(ctx, "nope")
		wantKind(t, `ProductBySlug("nope")`, err, commerce.KindNotFound)
		p := newProduct(cat.ID, "Fantasma", "10")
		p.ID = 999999
		wantKind(t, "UpdateProduct(999999)", s.Catalog.UpdateProduct(ctx, &p),
			commerce.KindNotFound)
		wantKind(t, "DeleteProduct(999999)", s.Catalog.DeleteProduct(ctx, 999999),
			commerce.KindNotFound)
	})
	t.Run("Delete", func(t *testing.T) {
		p := mustProduct(t, s, fullProduct(cat.ID))
		w := mustWarehouse(t, s)
		_, err := s.Inventory.Adjust(ctx, adjustment(p.ID, p.Variants[0].ID, w.ID, 5))
		must(t, "Adjust", err)
		must(t, "DeleteProduct", s.Catalog.DeleteProduct(ctx, p.ID))
		_, err = s.Catalog.ProductBySlug(ctx, p.Slug)
		wantKind(t, "ProductBySlug(deleted)", err, commerce.KindNotFound)
	})
}

// fullProduct returns a product with every optional field set.
func fullProduct(cat commerce.CategoryID) catalog.Product {
	p := newProduct(cat, "Polera Algodón", "12990")
	cmp, cost := clp("15990"), clp("7000")
	w := decimal.RequireFromString("0.250")
	p.Description, p.ShortDescription = "Polera de algodón orgánico", "Algodón"
	p.ComparePrice, p.CostPrice, p.Weight = &cmp, &cost, &w
	p.Dimensions = &catalog.Dimensions{Length: decimal.RequireFromString("30.5"),
		Width: decimal.NewFromInt(20), Height: decimal.RequireFromString("1.25")}
	p.Featured, p.MetaTitle, p.MetaDescription = true, "Polera", "La mejor polera"
	p.Images = []catalog.Image{{URL: "https://img.test/1.jpg", Alt: "frente"},
		{URL: "https://img.test/2.jpg"}}
	p.Attributes = []catalog.Attribute{{Name: "material", Value: "algodón"},
		{Name: "tipo", Value: "HardGood"}}
	vp := clp("13990")
	p.Variants = []catalog.Variant{
		{Name: "Talla M", SKU: p.SKU + "-M", Active: true, Barcode: "780000000001",
			Options: []catalog.Option{{Name: "talla", Value: "M"}, {Name: "color", Value: "rojo"}}},
		{Name: "Talla L", SKU: p.SKU + "-L", Price: &vp, Weight: &w, Active: true,
			Options: []catalog.Option{{Name: "talla", Value: "L"}}},
	}
	return p
}

func testProductRoundTrip(t *testing.T, s Stores, cat commerce.CategoryID) {
	ctx := context.Background()
	p := mustProduct(t, s, fullProduct(cat))
	if p.ID == 0 || p.Variants[0].ID == 0 || p.Variants[1].ID == 0 {
		t.Fatalf("CreateProduct left IDs unset: product %d, variants %d, %d", p.ID,
			p.Variants[0].ID, p.Variants[1].ID)
	}
	for _, get := range []struct {
		name string
		fn   func() (catalog.Product, error)
	}{
		{"Product", func() (catalog.Product, error) { return s.Catalog.Product(ctx, p.ID) }},
		{"ProductBySlug", func() (catalog.Product, error) {
			return s.Catalog.ProductBySlug(ctx, p.Slug)
		}},
	} {
		got, err := get.fn()
		must(t, get.name, err)
		if diff := productDiff(got, p); diff != "" {
			t.Errorf("%s(%d): %s", get.name, p.ID, diff)
		}
	}
}

// productDiff names the first stored field that differs from what was
// written; read-only fields are not compared.
func productDiff(got, want catalog.Product) string {
	got.Available, got.Rating, got.ReviewsCount = 0, 0, 0
	got.CreatedAt, got.UpdatedAt, want.CreatedAt, want.UpdatedAt = zeroTimes()
	for i := range got.Variants {
		got.Variants[i].Available = 0
		got.Variants[i].CreatedAt, got.Variants[i].UpdatedAt = zeroTime(), zeroTime()
	}
	for i := range want.Variants {
		want.Variants[i].CreatedAt, want.Variants[i].UpdatedAt = zeroTime(), zeroTime()
		if want.Variants[i].Options == nil {
			want.Variants[i].Options = []catalog.Option{}
		}
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"ID", got.ID, want.ID}, {"Name", got.Name, want.Name}, {"Slug", got.Slug, want.Slug},
		{"SKU", got.SKU, want.SKU}, {"Description", got.Description, want.Description},
		{"Price", got.Price.String(), want.Price.String()},
		{"ComparePrice", moneyText(got.ComparePrice), moneyText(want.ComparePrice)},
		{"CostPrice", moneyText(got.CostPrice), moneyText(want.CostPrice)},
		{"Weight", decText(got.Weight), decText(want.Weight)},
		{"Dimensions", dimText(got.Dimensions), dimText(want.Dimensions)},
		{"Flags", [2]bool{got.Active, got.Featured}, [2]bool{want.Active, want.Featured}},
		{"Meta", got.MetaTitle + got.MetaDescription, want.MetaTitle + want.MetaDescription},
		{"Images", got.Images, want.Images}, {"Attributes", got.Attributes, want.Attributes},
		{"Variants", variantsText(got.Variants), variantsText(want.Variants)},
	} {
		if !reflect.DeepEqual(f.got, f.want) {
			return f.name + " = " + sprint(f.got) + "; want " + sprint(f.want)
		}
	}
	return ""
}

func testMoneyExact(t *testing.T, s Stores, cat commerce.CategoryID) {
	ctx := context.Background()
	for _, m := range []commerce.Money{usd("19.99"), usd("0.10"), usd("999999999999.99"),
		usd("1234567.89"), clp("999999999999"), clp("1")} {
		p := newProduct(cat, "Precio "+m.String(), "1")
		p.Price = m
		p = mustProduct(t, s, p)
		got, err := s.Catalog.Product(ctx, p.ID)
		must(t, "Product", err)
		if !got.Price.Equal(m) {
			t.Errorf("Product(%d).Price = %v; want %v", p.ID, got.Price, m)
		}
	}
}

func testProductUpdate(t *testing.T, s Stores, cat commerce.CategoryID) {
	ctx := context.Background()
	p := mustProduct(t, s, fullProduct(cat))
	keptID := p.Variants[1].ID
	p.Name, p.Price = "Polera Nueva", clp("9990")
	p.Images = p.Images[1:]
	p.Attributes = nil
	p.Variants = []catalog.Variant{p.Variants[1],
		{Name: "Talla S", SKU: p.SKU + "-S", Active: true}}
	p.Variants[0].Name = "Talla L grande"
	must(t, "UpdateProduct", s.Catalog.UpdateProduct(ctx, &p))
	got, err := s.Catalog.Product(ctx, p.ID)
	must(t, "Product", err)
	p.Attributes = []catalog.Attribute{}
	if diff := productDiff(got, p); diff != "" {
		t.Errorf("Product(%d) after update: %s", p.ID, diff)
	}
	if got.Variants[0].ID != keptID {
		t.Errorf("variant %q ID = %d after update; want %d (kept by SKU)", got.Variants[0].SKU,
			got.Variants[0].ID, keptID)
	}
}
