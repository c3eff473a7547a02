package storagetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

func testUpsert(t *testing.T, s Stores) {
	ctx := context.Background()
	cat := mustCategory(t, s, 0)
	t.Run("Idempotent", func(t *testing.T) {
		batch := importBatch(cat.ID, 1200) // more than one transaction's worth
		res, err := s.Catalog.UpsertProducts(ctx, batch)
		must(t, "UpsertProducts(first)", err)
		if res != (catalog.UpsertResult{Created: 1200}) {
			t.Fatalf("UpsertProducts(first) = %+v; want 1200 created", res)
		}
		first := batch[7].ID
		again := importBatch(cat.ID, 1200)
		again[7].Name, again[7].Slug = "Renombrado", "renombrado"
		res, err = s.Catalog.UpsertProducts(ctx, again)
		must(t, "UpsertProducts(second)", err)
		if res != (catalog.UpsertResult{Updated: 1200}) {
			t.Fatalf("UpsertProducts(second) = %+v; want 1200 updated", res)
		}
		if again[7].ID != first {
			t.Errorf("UpsertProducts(second) set ID %d; want %d", again[7].ID, first)
		}
		got, err := s.Catalog.Product(ctx, first)
		must(t, "Product", err)
		if got.Name != "Renombrado" || got.Slug != batch[7].Slug {
			t.Errorf("Product(%d) = name %q slug %q; want name %q, slug %q kept", first,
				got.Name, got.Slug, "Renombrado", batch[7].Slug)
		}
		if len(got.Variants) != 1 || len(got.Images) != 1 || len(got.Attributes) != 1 {
			t.Errorf("Product(%d) has %d variants, %d images, %d attributes; want 1 each",
				first, len(got.Variants), len(got.Images), len(got.Attributes))
		}
		_, total, err := s.Catalog.ListProducts(ctx, catalog.ProductQuery{CategoryID: cat.ID,
			Sort: catalog.SortNewest, Limit: 1})
		must(t, "ListProducts", err)
		if total != 1200 {
			t.Errorf("ListProducts total = %d after two upserts; want 1200", total)
		}
	})
	t.Run("SlugCollision", func(t *testing.T) {
		owner := mustProduct(t, s, newProduct(cat.ID, "Dueño", "100"))
		ps := []catalog.Product{newProduct(cat.ID, "Nuevo", "100"),
			newProduct(cat.ID, "Otro nuevo", "100")}
		ps[0].Slug, ps[1].Slug = owner.Slug, owner.Slug
		_, err := s.Catalog.UpsertProducts(ctx, ps)
		must(t, "UpsertProducts", err)
		seen := map[string]bool{owner.Slug: true}
		for _, p := range ps {
			got, err := s.Catalog.Product(ctx, p.ID)
			must(t, "Product", err)
			if seen[got.Slug] {
				t.Errorf("UpsertProducts gave %q the taken slug %q", p.SKU, got.Slug)
			}
			seen[got.Slug] = true
		}
	})
	t.Run("DuplicateSKU", func(t *testing.T) {
		ps := []catalog.Product{newProduct(cat.ID, "Primero", "100"),
			newProduct(cat.ID, "Segundo", "200")}
		ps[1].SKU = ps[0].SKU
		res, err := s.Catalog.UpsertProducts(ctx, ps)
		must(t, "UpsertProducts", err)
		if res.Created != 1 || ps[0].ID != ps[1].ID {
			t.Fatalf("UpsertProducts(same SKU twice) = %+v, IDs %d and %d; want 1 created, "+
				"one ID", res, ps[0].ID, ps[1].ID)
		}
	})
	t.Run("InvalidCategory", func(t *testing.T) {
		ps := []catalog.Product{newProduct(999999, "Sin categoría", "100")}
		_, err := s.Catalog.UpsertProducts(ctx, ps)
		wantField(t, "UpsertProducts(missing category)", err, commerce.KindInvalid,
			"category_id")
	})
}

// importBatch returns n products with stable SKUs, each with one variant,
// image and attribute.
func importBatch(cat commerce.CategoryID, n int) []catalog.Product {
	ps := make([]catalog.Product, n)
	for i := range ps {
		sku := fmt.Sprintf("IMP-%05d", i)
		ps[i] = catalog.Product{Name: "Importado " + sku, Slug: "importado-" + sku[4:],
			SKU: sku, Price: clp(fmt.Sprint(100 + i)), CategoryID: cat, Active: true,
			Images:     []catalog.Image{{URL: "https://img.test/" + sku + ".jpg"}},
			Attributes: []catalog.Attribute{{Name: "lote", Value: "1"}},
			Variants:   []catalog.Variant{{Name: "Única", SKU: sku + "-U", Active: true}}}
	}
	return ps
}
