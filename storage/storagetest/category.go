package storagetest

import (
	"context"
	"slices"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

func testCategories(t *testing.T, s Stores) {
	ctx := context.Background()
	t.Run("CreateRead", func(t *testing.T) {
		root := mustCategory(t, s, 0)
		child := catalog.Category{Name: "Lácteos", Slug: unique("lacteos"), ParentID: root.ID,
			Description: "Leche y quesos", ImageURL: "https://img.test/l.jpg", Active: true,
			SortOrder: 3}
		must(t, "CreateCategory", s.Catalog.CreateCategory(ctx, &child))
		if child.ID == 0 || child.CreatedAt.IsZero() {
			t.Fatalf("CreateCategory set ID %d, CreatedAt %v; want both", child.ID, child.CreatedAt)
		}
		got, err := s.Catalog.Category(ctx, child.ID)
		must(t, "Category", err)
		if !sameCategory(got, child) {
			t.Errorf("Category(%d) = %+v; want %+v", child.ID, got, child)
		}
		got, err = s.Catalog.CategoryBySlug(ctx, child.Slug)
		must(t, "CategoryBySlug", err)
		if got.ID != child.ID {
			t.Errorf("CategoryBySlug(%q).ID = %d; want %d", child.Slug, got.ID, child.ID)
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		_, err := s.Catalog.Category(ctx, 999999)
		wantKind(t, "Category(999999)", err, commerce.KindNotFound)
		_, err = s.Catalog.CategoryBySlug(ctx, "no-such-slug")
		wantKind(t, `CategoryBySlug("no-such-slug")`, err, commerce.KindNotFound)
		c := catalog.Category{ID: 999999, Name: "x", Slug: unique("x")}
		wantKind(t, "UpdateCategory(999999)", s.Catalog.UpdateCategory(ctx, &c),
			commerce.KindNotFound)
		wantKind(t, "DeleteCategory(999999)", s.Catalog.DeleteCategory(ctx, 999999),
			commerce.KindNotFound)
	})
	t.Run("SlugConflict", func(t *testing.T) {
		a := mustCategory(t, s, 0)
		b := catalog.Category{Name: "Otra", Slug: a.Slug}
		wantField(t, "CreateCategory(taken slug)", s.Catalog.CreateCategory(ctx, &b),
			commerce.KindConflict, "slug")
		c := mustCategory(t, s, 0)
		c.Slug = a.Slug
		wantField(t, "UpdateCategory(taken slug)", s.Catalog.UpdateCategory(ctx, &c),
			commerce.KindConflict, "slug")
	})
	t.Run("MissingParent", func(t *testing.T) {
		c := catalog.Category{Name: "Huérfana", Slug: unique("h"), ParentID: 999999}
		wantField(t, "CreateCategory(missing parent)", s.Catalog.CreateCategory(ctx, &c),
			commerce.KindInvalid, "parent_id")
	})
	t.Run("Update", func(t *testing.T) {
		c := mustCategory(t, s, 0)
		c.Name, c.Active, c.SortOrder = "Renombrada", false, 7
		must(t, "UpdateCategory", s.Catalog.UpdateCategory(ctx, &c))
		got, err := s.Catalog.Category(ctx, c.ID)
		must(t, "Category", err)
		if !sameCategory(got, c) {
			t.Errorf("Category(%d) after update = %+v; want %+v", c.ID, got, c)
		}
	})
	t.Run("MoveAndSubtree", func(t *testing.T) { testCategoryMove(t, s) })
	t.Run("Delete", func(t *testing.T) { testCategoryDelete(t, s) })
	t.Run("ListAndCounts", func(t *testing.T) { testCategoryList(t, s) })
}

func sameCategory(a, b catalog.Category) bool {
	return a.ID == b.ID && a.ParentID == b.ParentID && a.Name == b.Name && a.Slug == b.Slug &&
		a.Description == b.Description && a.ImageURL == b.ImageURL && a.Active == b.Active &&
		a.SortOrder == b.SortOrder
}

// testCategoryMove moves a subtree and checks that listings by category
// follow it.
func testCategoryMove(t *testing.T, s Stores) {
	ctx := context.Background()
	a := mustCategory(t, s, 0)
	b := mustCategory(t, s, 0)
	a1 := mustCategory(t, s, a.ID)
	a11 := mustCategory(t, s, a1.ID)
	p := mustProduct(t, s, newProduct(a11.ID, "Queso", "1000"))

	if got := listIDs(t, s, catalog.ProductQuery{CategoryID: a.ID}); !slices.Equal(got,
		[]commerce.ProductID{p.ID}) {
		t.Fatalf("ListProducts(category %d) = %v; want [%d]", a.ID, got, p.ID)
	}
	a1.ParentID = b.ID
	must(t, "UpdateCategory(move)", s.Catalog.UpdateCategory(ctx, &a1))
	if got := listIDs(t, s, catalog.ProductQuery{CategoryID: a.ID}); len(got) != 0 {
		t.Errorf("ListProducts(old ancestor %d) = %v; want none", a.ID, got)
	}
	if got := listIDs(t, s, catalog.ProductQuery{CategoryID: b.ID}); !slices.Equal(got,
		[]commerce.ProductID{p.ID}) {
		t.Errorf("ListProducts(new ancestor %d) = %v; want [%d]", b.ID, got, p.ID)
	}
	a1.ParentID = a11.ID
	wantField(t, "UpdateCategory(below itself)", s.Catalog.UpdateCategory(ctx, &a1),
		commerce.KindInvalid, "parent_id")
}

func testCategoryDelete(t *testing.T, s Stores) {
	ctx := context.Background()
	parent := mustCategory(t, s, 0)
	mid := mustCategory(t, s, parent.ID)
	leaf := mustCategory(t, s, mid.ID)
	p := mustProduct(t, s, newProduct(mid.ID, "Yogur", "500"))

	wantKind(t, "DeleteCategory(with products)", s.Catalog.DeleteCategory(ctx, mid.ID),
		commerce.KindConflict)
	must(t, "DeleteProduct", s.Catalog.DeleteProduct(ctx, p.ID))
	must(t, "DeleteCategory", s.Catalog.DeleteCategory(ctx, mid.ID))
	got, err := s.Catalog.Category(ctx, leaf.ID)
	must(t, "Category(child of deleted)", err)
	if got.ParentID != 0 {
		t.Errorf("Category(%d).ParentID = %d; want 0 (a root)", leaf.ID, got.ParentID)
	}
	q := newProduct(leaf.ID, "Mantequilla", "800")
	mustProduct(t, s, q)
	if ids := listIDs(t, s, catalog.ProductQuery{CategoryID: parent.ID}); len(ids) != 0 {
		t.Errorf("ListProducts(former grandparent) = %v; want none", ids)
	}
}

func testCategoryList(t *testing.T, s Stores) {
	ctx := context.Background()
	c := mustCategory(t, s, 0)
	c.SortOrder = -100
	must(t, "UpdateCategory", s.Catalog.UpdateCategory(ctx, &c))
	mustProduct(t, s, newProduct(c.ID, "Activo 1", "100"))
	mustProduct(t, s, newProduct(c.ID, "Activo 2", "100"))
	hidden := newProduct(c.ID, "Oculto", "100")
	hidden.Active = false
	mustProduct(t, s, hidden)

	all, err := s.Catalog.Categories(ctx)
	must(t, "Categories", err)
	if len(all) == 0 || all[0].ID != c.ID {
		t.Errorf("Categories()[0] = %v; want category %d (lowest sort order)", all, c.ID)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].SortOrder > all[i].SortOrder {
			t.Fatalf("Categories() out of sort order at %d: %d > %d", i,
				all[i-1].SortOrder, all[i].SortOrder)
		}
	}
	counts, err := s.Catalog.CategoryProductCounts(ctx)
	must(t, "CategoryProductCounts", err)
	if counts[c.ID] != 2 {
		t.Errorf("CategoryProductCounts()[%d] = %d; want 2 (active only)", c.ID, counts[c.ID])
	}
}

// listIDs returns the ids of the first page of a listing of up to 100.
func listIDs(t *testing.T, s Stores, q catalog.ProductQuery) []commerce.ProductID {
	t.Helper()
	if q.Limit == 0 {
		q.Limit = 100
	}
	if q.Sort == "" {
		q.Sort = catalog.SortNewest
	}
	ps, _, err := s.Catalog.ListProducts(context.Background(), q)
	must(t, "ListProducts", err)
	ids := make([]commerce.ProductID, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}
