package inventory_test

import (
	"context"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// readStore serves the reads of a Store and counts them; its writes are
// not used here and panic through the nil interface.
type readStore struct {
	inventory.Store
	reads int
}

func (s *readStore) Warehouses(context.Context) ([]inventory.Warehouse, error) {
	s.reads++
	return []inventory.Warehouse{{ID: 1, Code: "CD", Name: "Central", Active: true}}, nil
}

func (s *readStore) Levels(_ context.Context, p commerce.ProductID) ([]inventory.Level, error) {
	s.reads++
	return []inventory.Level{{ProductID: p, WarehouseID: 1, Quantity: 4}}, nil
}

// TestReadsCheckThePrincipal checks that the stock reads are for staff
// holding the inventory permission, refused before the store is read.
func TestReadsCheckThePrincipal(t *testing.T) {
	ctx := context.Background()
	reads := []struct {
		name string
		read func(*inventory.Service, commerce.Principal) (int, error)
	}{
		{"Warehouses", func(s *inventory.Service, p commerce.Principal) (int, error) {
			ws, err := s.Warehouses(ctx, p)
			return len(ws), err
		}},
		{"Levels", func(s *inventory.Service, p commerce.Principal) (int, error) {
			ls, err := s.Levels(ctx, p, 9)
			return len(ls), err
		}},
	}
	principals := []struct {
		name string
		p    commerce.Principal
		want commerce.Kind
	}{
		{"anonymous", commerce.Anonymous, commerce.KindUnauthenticated},
		{"customer", commerce.User(2, commerce.RoleCustomer), commerce.KindForbidden},
		{"manager", commerce.User(3, commerce.RoleManager), 0},
		{"admin", commerce.User(4, commerce.RoleAdmin), 0},
		{"system", commerce.System, 0},
	}
	for _, r := range reads {
		for _, pr := range principals {
			t.Run(r.name+"/"+pr.name, func(t *testing.T) {
				store := &readStore{}
				n, err := r.read(inventory.NewService(store, inventory.Config{}), pr.p)
				if got := commerce.ErrorKind(err); got != pr.want {
					t.Fatalf("error kind = %v (%v); want %v", got, err, pr.want)
				}
				if pr.want != 0 && (n != 0 || store.reads != 0) {
					t.Errorf("refused read returned %d items after %d store reads; want none",
						n, store.reads)
				}
				if pr.want == 0 && (n != 1 || store.reads != 1) {
					t.Errorf("allowed read returned %d items after %d store reads; want 1", n,
						store.reads)
				}
			})
		}
	}
}
