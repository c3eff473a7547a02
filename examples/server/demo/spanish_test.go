package demo

import "testing"

// TestEveryCategoryInSpanish reads the whole Best Buy sample and checks that
// every category the import creates from it is a translation from the
// spanish mapping, so that no English name reaches the storefront's menus.
func TestEveryCategoryInSpanish(t *testing.T) {
	translated := map[string]bool{otherDepartment: true}
	for _, es := range spanish {
		translated[es] = true
	}
	bestBuy := sources(nil)[0]
	items, _, err := bestBuy.load(Files(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 {
		t.Fatal("the Best Buy sample gave no items")
	}
	left := map[string]bool{}
	for _, it := range items {
		for _, name := range it.path {
			if !translated[name] && !left[name] {
				left[name] = true
				t.Errorf("category %q (SKU %s) has no Spanish name in spanish", name, it.sku)
			}
		}
	}
}
