package cart

// MergeStrategy decides the items of a customer's cart when a guest cart
// merges into it at sign-in. available returns the units that can be sold
// of an item's product or variant; maxQty is the largest quantity of one item.
// It returns the items to keep; the service assigns ids to new ones.
type MergeStrategy func(customer, guest []Item, available func(Item) int, maxQty int) []Item

// AddUp is the default strategy: quantities of the same product or variant
// add up, capped by the stock available (never below what the customer
// already had) and by the largest quantity; guest items the customer did
// not have are added after theirs.
func AddUp(customer, guest []Item, available func(Item) int, maxQty int) []Item {
	out := append([]Item(nil), customer...)
	for _, g := range guest {
		i := find(out, g)
		if i < 0 {
			out = append(out, g)
			continue
		}
		had := out[i].Quantity
		limit := max(available(g), had)
		out[i].Quantity = min(had+g.Quantity, limit, maxQty)
		out[i].UnitPrice = g.UnitPrice
	}
	for i := range out {
		out[i].Quantity = max(1, min(out[i].Quantity, maxQty))
	}
	return out
}

// KeepGuest replaces the customer's items with the guest's: what the
// shopper just chose wins.
func KeepGuest(_, guest []Item, _ func(Item) int, _ int) []Item {
	return append([]Item(nil), guest...)
}

// KeepCustomer keeps the customer's cart as it was and drops the guest's.
func KeepCustomer(customer, _ []Item, _ func(Item) int, _ int) []Item {
	return append([]Item(nil), customer...)
}

func find(items []Item, it Item) int {
	for i, o := range items {
		if o.ProductID == it.ProductID && o.VariantID == it.VariantID {
			return i
		}
	}
	return -1
}
