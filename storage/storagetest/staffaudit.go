package storagetest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// staffAuditReader is what a store offers to read the staff audit trail.
type staffAuditReader interface {
	StaffAudit(ctx context.Context, q commerce.StaffAuditQuery) ([]commerce.StaffAudit, int,
		error)
}

// testStaffAudit checks that the catalog and inventory services leave
// exactly one staff audit entry per successful write, written with the
// change, none for a failed one, and that the trail filters and pages.
func testStaffAudit(t *testing.T, s Stores) {
	r, ok := s.Catalog.(staffAuditReader)
	if !ok {
		t.Skip("the store keeps no staff audit trail")
	}
	manager := commerce.Principal{UserID: 41, Role: commerce.RoleManager}
	other := commerce.Principal{UserID: 42, Role: commerce.RoleAdmin}
	ctx := commerce.WithAuditOrigin(context.Background(), "req-1", "203.0.113.9")
	cat := catalog.NewService(s.Catalog, catalog.Config{})
	inv := inventory.NewService(s.Inventory, inventory.Config{})
	all := func(t *testing.T, q commerce.StaffAuditQuery) ([]commerce.StaffAudit, int) {
		t.Helper()
		es, total, err := r.StaffAudit(context.Background(), q)
		must(t, "StaffAudit", err)
		return es, total
	}

	c := catalog.Category{Name: "Lácteos", Active: true}
	must(t, "CreateCategory", cat.CreateCategory(ctx, manager, &c))
	p := newProduct(c.ID, "Leche", "990")
	must(t, "CreateProduct", cat.CreateProduct(ctx, manager, &p))
	es, total := all(t, commerce.StaffAuditQuery{Action: "product.create"})
	if total != 1 || len(es) != 1 {
		t.Fatalf("product.create entries = %d (%d listed); want 1", total, len(es))
	}
	e := es[0]
	if e.ActorID != manager.UserID || e.TargetType != "product" || e.TargetID != int64(p.ID) ||
		e.RequestID != "req-1" || e.IP != "203.0.113.9" || e.At.IsZero() {
		t.Errorf("product.create entry = %+v; want actor 41, product %d, req-1, 203.0.113.9",
			e, p.ID)
	}
	var summary map[string]any
	if err := json.Unmarshal(e.Summary, &summary); err != nil || summary["sku"] != p.SKU {
		t.Errorf("summary = %s (%v); want the product's SKU %q", e.Summary, err, p.SKU)
	}

	// A write the store refuses rolls its entry back with it.
	_, before := all(t, commerce.StaffAuditQuery{})
	err := cat.DeleteProduct(ctx, manager, 999999)
	wantKind(t, "DeleteProduct(999999)", err, commerce.KindNotFound)
	dup := newProduct(c.ID, "Leche otra vez", "990")
	dup.SKU = p.SKU
	if cat.CreateProduct(ctx, manager, &dup) == nil {
		t.Fatal("CreateProduct(taken SKU) = nil; want an error")
	}
	if _, after := all(t, commerce.StaffAuditQuery{}); after != before {
		t.Errorf("entries after failed writes = %d; want %d", after, before)
	}

	// A variant change stored as a product update is recorded once, as
	// the variant's.
	v := catalog.Variant{Name: "1 L", SKU: p.SKU + "-1L", Active: true}
	must(t, "CreateVariant", cat.CreateVariant(ctx, other, p.ID, &v))
	es, total = all(t, commerce.StaffAuditQuery{TargetType: "product", TargetID: int64(p.ID)})
	if total != 2 || es[0].Action != "variant.create" || es[1].Action != "product.create" {
		t.Fatalf("entries of product %d = %+v; want variant.create, product.create", p.ID, es)
	}

	w := inventory.Warehouse{Code: unique("WH"), Name: "Bodega", Active: true}
	must(t, "CreateWarehouse", inv.CreateWarehouse(ctx, manager, &w))
	_, err = inv.Adjust(ctx, manager, inventory.Adjustment{ProductID: p.ID, WarehouseID: w.ID,
		Delta: 5, Reason: inventory.ReasonRestock})
	must(t, "Adjust", err)
	_, err = inv.Adjust(ctx, manager, inventory.Adjustment{ProductID: p.ID, WarehouseID: w.ID,
		Delta: -50, Reason: inventory.ReasonDamage})
	wantKind(t, "Adjust(-50 of 5)", err, commerce.KindConflict)
	if _, n := all(t, commerce.StaffAuditQuery{Action: "stock.adjust"}); n != 1 {
		t.Errorf("stock.adjust entries = %d; want 1 (the refused one rolled back)", n)
	}
	if _, n := all(t, commerce.StaffAuditQuery{Action: "warehouse.create",
		TargetType: "warehouse", TargetID: int64(w.ID)}); n != 1 {
		t.Errorf("warehouse.create entries for %d = %d; want 1", w.ID, n)
	}

	t.Run("Filters", func(t *testing.T) {
		_, total := all(t, commerce.StaffAuditQuery{})
		if total != 5 {
			t.Fatalf("entries = %d; want 5", total)
		}
		if _, n := all(t, commerce.StaffAuditQuery{ActorID: other.UserID}); n != 1 {
			t.Errorf("entries of actor %d = %d; want 1", other.UserID, n)
		}
		page, n := all(t, commerce.StaffAuditQuery{Offset: 2, Limit: 2})
		full, _ := all(t, commerce.StaffAuditQuery{})
		if n != 5 || len(page) != 2 || page[0].ID != full[2].ID || page[1].ID != full[3].ID {
			t.Errorf("page at 2 of 2 = %+v (total %d); want entries 3 and 4 of %+v", page, n,
				full)
		}
		at := full[0].At
		if es, _ := all(t, commerce.StaffAuditQuery{From: at,
			To: at.Add(time.Microsecond)}); len(es) == 0 || es[0].ID != full[0].ID {
			t.Errorf("entries in [%v, +1µs) = %+v; want the newest first", at, es)
		}
		if es, _ := all(t, commerce.StaffAuditQuery{From: at.Add(time.Microsecond)}); len(es) != 0 {
			t.Errorf("entries after the newest = %+v; want none", es)
		}
	})
}
