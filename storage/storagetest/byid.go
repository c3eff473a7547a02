package storagetest

import (
	"context"
	"slices"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// productsByIDer is the batch read the search index and imports use; the
// SQL adapters provide it.
type productsByIDer interface {
	ProductsByID(ctx context.Context, ids []commerce.ProductID) ([]catalog.Product, error)
}

type activeProductIDer interface {
	ActiveProductIDs(ctx context.Context, after commerce.ProductID,
		limit int) ([]commerce.ProductID, error)
}

// testActiveProductIDs walks the active products by key, two at a time,
// and wants every active one once, in order, and no inactive one.
func testActiveProductIDs(t *testing.T, s Stores, cat commerce.CategoryID) {
	l, ok := s.Catalog.(activeProductIDer)
	if !ok {
		t.Skip("the store has no ActiveProductIDs")
	}
	ctx := context.Background()
	var want []commerce.ProductID
	for i := range 5 {
		p := newProduct(cat, "Activo", "100")
		p.Active = i != 2
		p = mustProduct(t, s, p)
		if p.Active {
			want = append(want, p.ID)
		}
	}
	var got []commerce.ProductID
	for after := want[0] - 1; ; {
		page, err := l.ActiveProductIDs(ctx, after, 2)
		must(t, "ActiveProductIDs", err)
		got = append(got, page...)
		if len(page) < 2 {
			break
		}
		after = page[len(page)-1]
	}
	if !slices.Equal(got, want) {
		t.Errorf("ActiveProductIDs walked %v; want %v", got, want)
	}
}

// testProductsByID checks the batch read against the one-by-one read: the
// same products, children and stock, in the order asked, without missing
// or repeated ids.
func testProductsByID(t *testing.T, s Stores, cat commerce.CategoryID) {
	b, ok := s.Catalog.(productsByIDer)
	if !ok {
		t.Skip("the store has no ProductsByID")
	}
	ctx := context.Background()
	full := mustProduct(t, s, fullProduct(cat))
	plain := mustProduct(t, s, newProduct(cat, "Sin hijos", "990"))
	w := mustWarehouse(t, s)
	_, err := s.Inventory.Adjust(ctx, adjustment(full.ID, full.Variants[1].ID, w.ID, 7))
	must(t, "Adjust", err)

	got, err := b.ProductsByID(ctx, []commerce.ProductID{plain.ID, 999999, full.ID, plain.ID})

	must(t, "ProductsByID", err)
	if len(got) != 2 || got[0].ID != plain.ID || got[1].ID != full.ID {
		t.Fatalf("ProductsByID = %v; want products %d and %d in that order", idsOf(got),
			plain.ID, full.ID)
	}
	ones := make([]catalog.Product, 2)
	for i, id := range []commerce.ProductID{plain.ID, full.ID} {
		one, err := s.Catalog.Product(ctx, id)
		must(t, "Product", err)
		ones[i] = one
		if got[i].Available != one.Available {
			t.Errorf("ProductsByID[%d].Available = %d; want %d", i, got[i].Available,
				one.Available)
		}
		for j := range one.Variants {
			if got[i].Variants[j].Available != one.Variants[j].Available {
				t.Errorf("ProductsByID[%d].Variants[%d].Available = %d; want %d", i, j,
					got[i].Variants[j].Available, one.Variants[j].Available)
			}
		}
	}
	if got[1].Variants[1].Available != 7 {
		t.Errorf("ProductsByID: variant stock = %d; want 7", got[1].Variants[1].Available)
	}
	for i, want := range ones {
		// productDiff clears the stock it does not compare, so it goes last.
		if diff := productDiff(got[i], want); diff != "" {
			t.Errorf("ProductsByID[%d]: %s", i, diff)
		}
	}
	none, err := b.ProductsByID(ctx, nil)
	must(t, "ProductsByID(nil)", err)
	if len(none) != 0 {
		t.Errorf("ProductsByID(nil) = %v; want none", idsOf(none))
	}
}

func idsOf(ps []catalog.Product) []commerce.ProductID {
	out := make([]commerce.ProductID, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}
