package storagetest

import (
	"context"
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

func testWarehouses(t *testing.T, s Stores) {
	ctx := context.Background()
	t.Run("CRUD", func(t *testing.T) {
		w := inventory.Warehouse{Code: unique("SCL"), Name: "Santiago", Address: "Av. 1",
			Active: true}
		must(t, "CreateWarehouse", s.Inventory.CreateWarehouse(ctx, &w))
		w.Name = "Santiago Centro"
		must(t, "UpdateWarehouse", s.Inventory.UpdateWarehouse(ctx, &w))
		got, err := s.Inventory.WarehouseByCode(ctx, w.Code)
		must(t, "WarehouseByCode", err)
		if got.ID != w.ID || got.Name != w.Name || got.Address != w.Address || !got.Active {
			t.Errorf("WarehouseByCode(%q) = %+v; want %+v", w.Code, got, w)
		}
		got, err = s.Inventory.Warehouse(ctx, w.ID)
		must(t, "Warehouse", err)
		ws, err := s.Inventory.Warehouses(ctx)
		must(t, "Warehouses", err)
		if len(ws) == 0 || got.Code != w.Code {
			t.Errorf("Warehouses() = %v; want it to hold %q", ws, w.Code)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		_, err := s.Inventory.Warehouse(ctx, 999999)
		wantKind(t, "Warehouse(999999)", err, commerce.KindNotFound)
		_, err = s.Inventory.WarehouseByCode(ctx, "NOPE")
		wantKind(t, `WarehouseByCode("NOPE")`, err, commerce.KindNotFound)
		w := inventory.Warehouse{ID: 999999, Code: unique("X"), Name: "x"}
		wantKind(t, "UpdateWarehouse(999999)", s.Inventory.UpdateWarehouse(ctx, &w),
			commerce.KindNotFound)
		a := mustWarehouse(t, s)
		b := inventory.Warehouse{Code: a.Code, Name: "Otra"}
		wantField(t, "CreateWarehouse(taken code)", s.Inventory.CreateWarehouse(ctx, &b),
			commerce.KindConflict, "code")
	})
}

func testStock(t *testing.T, s Stores) {
	cat := mustCategory(t, s, 0)
	t.Run("Adjust", func(t *testing.T) { testAdjust(t, s, cat.ID) })
	t.Run("AdjustPastMax", func(t *testing.T) { testAdjustPastMax(t, s, cat.ID) })
	t.Run("AdjustInvalid", func(t *testing.T) { testAdjustInvalid(t, s, cat.ID) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrentAdjust(t, s, cat.ID) })
	t.Run("SetLevels", func(t *testing.T) { testSetLevels(t, s, cat.ID) })
}

func testAdjust(t *testing.T, s Stores, cat commerce.CategoryID) {
	ctx := context.Background()
	p := mustProduct(t, s, fullProduct(cat))
	w1, w2 := mustWarehouse(t, s), mustWarehouse(t, s)
	v := p.Variants[0].ID
	steps := []struct {
		variant   commerce.VariantID
		warehouse commerce.WarehouseID
		delta     int
		want      int // the level's quantity after the step; -1: refused
	}{
		{0, w1.ID, 10, 10},
		{0, w1.ID, -4, 6},
		{0, w1.ID, -7, -1},
		{v, w1.ID, 3, 3},
		{v, w2.ID, 2, 2},
		{v, w2.ID, -2, 0},
		{0, w2.ID, -1, -1}, // a new level cannot start below zero
	}
	for _, st := range steps {
		a := adjustment(p.ID, st.variant, st.warehouse, st.delta)
		l, err := s.Inventory.Adjust(ctx, a)
		if st.want < 0 {
			wantKind(t, "Adjust(below reserved)", err, commerce.KindConflict)
			continue
		}
		must(t, "Adjust", err)
		if l.Quantity != st.want || l.VariantID != st.variant || l.WarehouseID != st.warehouse {
			t.Errorf("Adjust(%+v) = %+v; want quantity %d", a, l, st.want)
		}
	}
	ls, err := s.Inventory.Levels(ctx, p.ID)
	must(t, "Levels", err)
	if len(ls) != 3 {
		t.Fatalf("Levels(%d) = %+v; want 3 levels", p.ID, ls)
	}
	got, err := s.Catalog.Product(ctx, p.ID)
	must(t, "Product", err)
	if got.Available != 9 || got.Variants[0].Available != 3 || got.Variants[1].Available != 0 {
		t.Errorf("Product(%d) Available = %d, variants %d, %d; want 9, 3, 0", p.ID,
			got.Available, got.Variants[0].Available, got.Variants[1].Available)
	}
}

// testAdjustPastMax refuses to take a product's units, over all its
// levels, past inventory.MaxUnits, which 32-bit columns could not hold.
func testAdjustPastMax(t *testing.T, s Stores, cat commerce.CategoryID) {
	ctx := context.Background()
	p := mustProduct(t, s, newProduct(cat, "Inagotable", "100"))
	w1, w2 := mustWarehouse(t, s), mustWarehouse(t, s)
	_, err := s.Inventory.Adjust(ctx, adjustment(p.ID, 0, w1.ID, inventory.MaxUnits-1))
	must(t, "Adjust(MaxUnits-1)", err)
	for _, w := range []commerce.WarehouseID{w1.ID, w2.ID} {
		_, err = s.Inventory.Adjust(ctx, adjustment(p.ID, 0, w, 2))
		wantKind(t, "Adjust(past MaxUnits)", err, commerce.KindConflict)
	}
	l, err := s.Inventory.Adjust(ctx, adjustment(p.ID, 0, w2.ID, 1))
	must(t, "Adjust(up to MaxUnits)", err)
	got, err := s.Catalog.Product(ctx, p.ID)
	must(t, "Product", err)
	if l.Quantity != 1 || got.Available != inventory.MaxUnits {
		t.Errorf("level %d, product available %d; want 1, %d", l.Quantity, got.Available,
			inventory.MaxUnits)
	}
}

func testAdjustInvalid(t *testing.T, s Stores, cat commerce.CategoryID) {
	ctx := context.Background()
	p := mustProduct(t, s, fullProduct(cat))
	other := mustProduct(t, s, fullProduct(cat))
	w := mustWarehouse(t, s)
	cases := []struct {
		name  string
		a     inventory.Adjustment
		field string
	}{
		{"Product", adjustment(999999, 0, w.ID, 1), "product_id"},
		{"Warehouse", adjustment(p.ID, 0, 999999, 1), "warehouse_id"},
		{"Variant", adjustment(p.ID, 999999, w.ID, 1), "variant_id"},
		{"OtherProductsVariant", adjustment(p.ID, other.Variants[0].ID, w.ID, 1), "variant_id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.Inventory.Adjust(ctx, c.a)
			wantField(t, "Adjust", err, commerce.KindInvalid, c.field)
		})
	}
}

// testConcurrentAdjust runs many adjustments of one level at once, some of
// which would take it below zero, and checks that the result is exactly
// the sum of those that succeeded and that the record agrees.
func testConcurrentAdjust(t *testing.T, s Stores, cat commerce.CategoryID) {
	ctx := context.Background()
	p := mustProduct(t, s, newProduct(cat, "Concurrido", "100"))
	w := mustWarehouse(t, s)
	const workers, each = 16, 10
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		applied int
	)
	for i := range workers {
		wg.Go(func() {
			for j := range each {
				delta := 3
				if (i+j)%2 == 1 {
					delta = -4
				}
				_, err := s.Inventory.Adjust(ctx, adjustment(p.ID, 0, w.ID, delta))
				if err != nil && commerce.ErrorKind(err) != commerce.KindConflict {
					t.Errorf("Adjust(%d) = %v; want nil or a conflict", delta, err)
					return
				}
				if err == nil {
					mu.Lock()
					applied += delta
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	ls, err := s.Inventory.Levels(ctx, p.ID)
	must(t, "Levels", err)
	if len(ls) != 1 || ls[0].Quantity != applied || ls[0].Quantity < 0 {
		t.Fatalf("Levels(%d) = %+v after concurrent adjustments; want quantity %d", p.ID, ls,
			applied)
	}
	got, err := s.Catalog.Product(ctx, p.ID)
	must(t, "Product", err)
	if got.Available != applied {
		t.Errorf("Product(%d).Available = %d; want %d", p.ID, got.Available, applied)
	}
}

func testSetLevels(t *testing.T, s Stores, cat commerce.CategoryID) {
	ctx := context.Background()
	p := mustProduct(t, s, fullProduct(cat))
	w := mustWarehouse(t, s)
	v := p.Variants[1].ID
	ls := []inventory.Level{
		{ProductID: p.ID, WarehouseID: w.ID, Quantity: 7, ReorderPoint: 2, ReorderQuantity: 20},
		{ProductID: p.ID, VariantID: v, WarehouseID: w.ID, Quantity: 4, ReorderPoint: 1},
	}
	must(t, "SetLevels", s.Inventory.SetLevels(ctx, ls))
	ls[0].Quantity = 12
	must(t, "SetLevels(again)", s.Inventory.SetLevels(ctx, ls))
	got, err := s.Inventory.Levels(ctx, p.ID)
	must(t, "Levels", err)
	if len(got) != 2 || got[0].Quantity != 12 || got[0].ReorderPoint != 2 ||
		got[0].ReorderQuantity != 20 || got[1].VariantID != v || got[1].Quantity != 4 {
		t.Fatalf("Levels(%d) = %+v; want product level 12 (point 2, quantity 20) and "+
			"variant %d level 4", p.ID, got, v)
	}
	prod, err := s.Catalog.Product(ctx, p.ID)
	must(t, "Product", err)
	if prod.Available != 16 {
		t.Errorf("Product(%d).Available = %d after SetLevels; want 16", p.ID, prod.Available)
	}
	bad := []inventory.Level{{ProductID: p.ID, WarehouseID: 999999, Quantity: 1}}
	wantField(t, "SetLevels(missing warehouse)", s.Inventory.SetLevels(ctx, bad),
		commerce.KindInvalid, "warehouse_id")
}
