package catalog_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
)

// TestImportProductsSetsIDs checks that an import writes the stored
// products back, so that callers can go on (stock levels) without reading
// every product again.
func TestImportProductsSetsIDs(t *testing.T) {
	s, _, _ := newService(t)
	good, bad := validProduct(), validProduct()
	bad.Name, bad.SKU = "", "BAD-1"
	ps := []catalog.Product{good, bad}
	_, rejected, err := s.ImportProducts(ctx, manager, ps)
	if err != nil {
		t.Fatal(err)
	}
	if len(rejected) != 1 || rejected[1] == nil {
		t.Fatalf("ImportProducts rejected %v; want index 1 only", rejected)
	}
	if ps[0].ID == 0 {
		t.Errorf("ps[0].ID = 0 after import; want the stored id")
	}
	if ps[1].ID != 0 {
		t.Errorf("ps[1].ID = %d for a rejected product; want 0", ps[1].ID)
	}
}
