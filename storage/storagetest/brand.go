package storagetest

import (
	"context"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

func testBrands(t *testing.T, s Stores) {
	ctx := context.Background()
	t.Run("CRUD", func(t *testing.T) {
		b := mustBrand(t, s, "Soprole")
		got, err := s.Catalog.Brand(ctx, b.ID)
		must(t, "Brand", err)
		if got.Name != b.Name || got.Slug != b.Slug {
			t.Errorf("Brand(%d) = %+v; want %+v", b.ID, got, b)
		}
		b.Name = "Colún"
		must(t, "UpdateBrand", s.Catalog.UpdateBrand(ctx, &b))
		got, err = s.Catalog.BrandBySlug(ctx, b.Slug)
		must(t, "BrandBySlug", err)
		if got.Name != "Colún" {
			t.Errorf("BrandBySlug(%q).Name = %q; want %q", b.Slug, got.Name, "Colún")
		}
		must(t, "DeleteBrand", s.Catalog.DeleteBrand(ctx, b.ID))
		_, err = s.Catalog.Brand(ctx, b.ID)
		wantKind(t, "Brand(deleted)", err, commerce.KindNotFound)
	})
	t.Run("NotFound", func(t *testing.T) {
		_, err := s.Catalog.BrandBySlug(ctx, "nope")
		wantKind(t, `BrandBySlug("nope")`, err, commerce.KindNotFound)
		b := catalog.Brand{ID: 999999, Name: "x", Slug: unique("x")}
		wantKind(t, "UpdateBrand(999999)", s.Catalog.UpdateBrand(ctx, &b), commerce.KindNotFound)
		wantKind(t, "DeleteBrand(999999)", s.Catalog.DeleteBrand(ctx, 999999),
			commerce.KindNotFound)
	})
	t.Run("SlugConflict", func(t *testing.T) {
		a := mustBrand(t, s, "A")
		b := catalog.Brand{Name: "B", Slug: a.Slug}
		wantField(t, "CreateBrand(taken slug)", s.Catalog.CreateBrand(ctx, &b),
			commerce.KindConflict, "slug")
	})
	t.Run("DeleteKeepsProducts", func(t *testing.T) {
		b := mustBrand(t, s, "Efímera")
		p := newProduct(mustCategory(t, s, 0).ID, "Con marca", "100")
		p.BrandID = b.ID
		p = mustProduct(t, s, p)
		must(t, "DeleteBrand", s.Catalog.DeleteBrand(ctx, b.ID))
		got, err := s.Catalog.Product(ctx, p.ID)
		must(t, "Product", err)
		if got.BrandID != 0 {
			t.Errorf("Product(%d).BrandID = %d after its brand was deleted; want 0", p.ID,
				got.BrandID)
		}
	})
	t.Run("OrderedByName", func(t *testing.T) {
		mustBrand(t, s, "Zeta")
		mustBrand(t, s, "Alfa")
		bs, err := s.Catalog.Brands(ctx)
		must(t, "Brands", err)
		for i := 1; i < len(bs); i++ {
			if bs[i-1].Name > bs[i].Name {
				t.Fatalf("Brands() not ordered by name: %q before %q", bs[i-1].Name, bs[i].Name)
			}
		}
	})
}
