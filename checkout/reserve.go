package checkout

import (
	"context"
	"fmt"
	"sort"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

// reserve reserves every line of o inside tx and returns the levels after
// the reservations. Lines are reserved in product and variant order, so
// that concurrent checkouts lock rows in one order and do not deadlock. It
// returns KindOutOfStock naming the line when there is not enough.
func (s *Service) reserve(ctx context.Context, tx Tx, o *order.Order,
	fields []string) ([]inventory.Level, error) {
	idx := make([]int, len(o.Lines))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		la, lb := o.Lines[idx[a]], o.Lines[idx[b]]
		if la.ProductID != lb.ProductID {
			return la.ProductID < lb.ProductID
		}
		return la.VariantID < lb.VariantID
	})
	var after []inventory.Level
	for _, i := range idx {
		allocs, levels, err := s.reserveLine(ctx, tx, o.Lines[i], fields[i])
		if err != nil {
			return nil, err
		}
		o.Allocations = append(o.Allocations, allocs...)
		after = append(after, levels...)
	}
	return after, nil
}

// reserveLine reserves one line, planning from the levels it reads and
// planning again once if a conditional update finds less than it read.
func (s *Service) reserveLine(ctx context.Context, tx Tx, l order.Line,
	field string) ([]order.Allocation, []inventory.Level, error) {
	var allocs []order.Allocation
	var after []inventory.Level
	need := l.Quantity
	for try := 0; try < 2 && need > 0; try++ {
		levels, err := tx.Levels(ctx, l.ProductID, l.VariantID)
		if err != nil {
			return nil, nil, fmt.Errorf("read stock: %w", err)
		}
		for _, a := range Plan(levels, need, s.priority) {
			lvl, ok, err := tx.Reserve(ctx, a)
			if err != nil {
				return nil, nil, fmt.Errorf("reserve stock: %w", err)
			}
			if !ok {
				break
			}
			allocs, after = append(allocs, a), append(after, lvl)
			need -= a.Quantity
		}
	}
	if need > 0 {
		return nil, nil, outOfStock(l, field, l.Quantity-need)
	}
	return allocs, after, nil
}

func outOfStock(l order.Line, field string, available int) error {
	e := commerce.Errorf(commerce.KindOutOfStock, "checkout.reserve",
		"sin stock suficiente de %s (SKU %s)", l.Name, l.SKU)
	msg := fmt.Sprintf("quedan %d unidades", available)
	if available == 0 {
		msg = "agotado"
	}
	e.Fields = []commerce.FieldError{{Field: field, Message: msg}}
	return e
}

// Plan decides where to take need units from, given the levels of one
// product or variant: from the first warehouse in priority order that has
// them all, so that the line ships from one place; when none has, from each
// warehouse in priority order as much as it has, until need is met. The
// priority lists warehouse ids first to last; warehouses it does not list
// come after, by id. The plan may hold fewer than need units.
func Plan(levels []inventory.Level, need int, priority []commerce.WarehouseID) []order.Allocation {
	ls := append([]inventory.Level(nil), levels...)
	rank := func(w commerce.WarehouseID) int {
		for i, p := range priority {
			if p == w {
				return i
			}
		}
		return len(priority)
	}
	sort.SliceStable(ls, func(a, b int) bool {
		ra, rb := rank(ls[a].WarehouseID), rank(ls[b].WarehouseID)
		if ra != rb {
			return ra < rb
		}
		return ls[a].WarehouseID < ls[b].WarehouseID
	})
	for _, l := range ls {
		if l.Available() >= need {
			return []order.Allocation{allocation(l, need)}
		}
	}
	var plan []order.Allocation
	for _, l := range ls {
		if take := min(l.Available(), need); take > 0 {
			plan = append(plan, allocation(l, take))
			need -= take
		}
	}
	return plan
}

func allocation(l inventory.Level, n int) order.Allocation {
	return order.Allocation{ProductID: l.ProductID, VariantID: l.VariantID,
		WarehouseID: l.WarehouseID, Quantity: n, State: order.Reserved}
}
