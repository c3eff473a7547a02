package checkout

import (
	"context"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

// Store runs checkout's unit of work. The checkout/checkouttest suite checks
// every adapter against this contract, 200 concurrent checkouts included.
type Store interface {
	// Atomically runs fn in one database transaction and commits when fn
	// returns nil; it rolls back and returns fn's error otherwise (and on a
	// panic, which it re-raises). Nothing fn wrote is visible to others
	// before the commit. On a deadlock or serialization failure the adapter
	// may roll back and run fn again from the start: fn has no effect
	// outside tx. Two transactions reserving the same levels must not both
	// succeed beyond the stock (see Tx.Reserve).
	Atomically(ctx context.Context, fn func(ctx context.Context, tx Tx) error) error
}

// Tx is what checkout does inside its transaction.
type Tx interface {
	// Levels returns the stock of one product (variant zero: the product's
	// own level, variant_id NULL) or one variant in every active warehouse
	// holding a level for it, by warehouse id. It reads the latest
	// committed values and should lock the rows it returns (SELECT ... FOR
	// UPDATE on MariaDB; SQLite's write transaction already excludes other
	// writers), so that the plan made from them holds; Reserve re-checks
	// anyway.
	Levels(ctx context.Context, p commerce.ProductID, v commerce.VariantID) ([]inventory.Level,
		error)
	// Reserve adds a.Quantity to the reserved units of one level only where
	// quantity - reserved >= a.Quantity, as one conditional statement
	// (UPDATE inventory SET reserved_quantity = reserved_quantity + ? WHERE
	// ... AND quantity - reserved_quantity >= ?), never a read followed by
	// a write. It returns the level after the update and true, or false and
	// no change when there was not enough (or no such level).
	Reserve(ctx context.Context, a order.Allocation) (inventory.Level, bool, error)
	// CreateOrder inserts the order with its lines, its allocations (state
	// reserved) and its timeline, and sets o.ID and the IDs of the lines
	// and entries. It returns an error wrapping order.ErrNumberTaken when
	// the number is taken and order.ErrKeyTaken when the customer already
	// has an order with o.IdempotencyKey (unique on customer and key when
	// the key is not empty).
	CreateOrder(ctx context.Context, o *order.Order) error
	// Enqueue writes events to the outbox, in order, to be published by
	// Relay after the commit. Data is stored as JSON.
	Enqueue(ctx context.Context, events ...commerce.Event) error
}

// Catalog finds products with their variants; catalog.Store implements it.
// It returns KindNotFound for a product that does not exist.
type Catalog interface {
	Product(ctx context.Context, id commerce.ProductID) (catalog.Product, error)
}
