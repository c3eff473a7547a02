package commerce

import "strconv"

// Typed identifiers keep a product's id from being passed where a category's
// is expected. They are database row ids; zero means "none".
type (
	// ProductID identifies a product.
	ProductID int64
	// VariantID identifies a product variant.
	VariantID int64
	// CategoryID identifies a category.
	CategoryID int64
	// BrandID identifies a brand.
	BrandID int64
	// WarehouseID identifies a warehouse.
	WarehouseID int64
	// UserID identifies a user, shopper or staff.
	UserID int64
	// OrderID identifies an order.
	OrderID int64
)

// ParseID reads a positive decimal id. It reports false for anything else.
func ParseID(s string) (int64, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// PageCount returns how many pages of limit items hold total items; zero
// when limit is not positive.
func PageCount(total, limit int) int {
	if limit <= 0 {
		return 0
	}
	return (total + limit - 1) / limit
}
