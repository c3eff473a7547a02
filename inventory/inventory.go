package inventory

import (
	"context"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Warehouse is a place that holds stock.
type Warehouse struct {
	ID        commerce.WarehouseID `json:"id"`
	Code      string               `json:"code"` // short and unique, such as "SCL-1"
	Name      string               `json:"name"`
	Address   string               `json:"address,omitempty"`
	Active    bool                 `json:"active"`
	CreatedAt time.Time            `json:"created_at"`
	UpdatedAt time.Time            `json:"updated_at"`
}

// Level is the stock of one product, or one of its variants, in one
// warehouse. Reserved units belong to open orders and cannot be sold again.
type Level struct {
	ProductID       commerce.ProductID   `json:"product_id"`
	VariantID       commerce.VariantID   `json:"variant_id,omitempty"` // zero: the product itself
	WarehouseID     commerce.WarehouseID `json:"warehouse_id"`
	Quantity        int                  `json:"quantity"`
	Reserved        int                  `json:"reserved"`
	ReorderPoint    int                  `json:"reorder_point"`
	ReorderQuantity int                  `json:"reorder_quantity"`
	UpdatedAt       time.Time            `json:"updated_at"`
}

// Available returns the units that can still be sold.
func (l Level) Available() int { return l.Quantity - l.Reserved }

// Low reports whether the available units are at or below the reorder point.
func (l Level) Low() bool { return l.Available() <= l.ReorderPoint }

// Reason says why stock changed.
type Reason string

// The reasons for a stock adjustment.
const (
	ReasonImport     Reason = "import"     // loaded from a catalog import
	ReasonRestock    Reason = "restock"    // goods received
	ReasonReturn     Reason = "return"     // a customer sent goods back
	ReasonDamage     Reason = "damage"     // broken, expired or lost
	ReasonCorrection Reason = "correction" // a count found a difference
	ReasonSale       Reason = "sale"       // shipped to a customer
)

// Valid reports whether r is one of the reasons.
func (r Reason) Valid() bool {
	switch r {
	case ReasonImport, ReasonRestock, ReasonReturn, ReasonDamage, ReasonCorrection, ReasonSale:
		return true
	}
	return false
}

// MaxUnits is the most units a product holds across its variants and
// warehouses: an adjustment that would pass it is refused. Databases store
// the counts as 32-bit integers.
const MaxUnits = 999_999_999

// Adjustment is one recorded change of a stock level.
type Adjustment struct {
	ID          int64                `json:"id"`
	ProductID   commerce.ProductID   `json:"product_id"`
	VariantID   commerce.VariantID   `json:"variant_id,omitempty"`
	WarehouseID commerce.WarehouseID `json:"warehouse_id"`
	Delta       int                  `json:"delta"`
	Reason      Reason               `json:"reason"`
	Note        string               `json:"note,omitempty"`
	ActorID     commerce.UserID      `json:"actor_id,omitempty"` // zero: the system
	At          time.Time            `json:"at"`
}

// Store keeps warehouses and stock. Adapters return commerce errors:
// KindNotFound, KindConflict for a taken warehouse code, KindInvalid for a
// reference to a missing product, variant or warehouse.
type Store interface {
	CreateWarehouse(ctx context.Context, w *Warehouse) error
	UpdateWarehouse(ctx context.Context, w *Warehouse) error
	Warehouse(ctx context.Context, id commerce.WarehouseID) (Warehouse, error)
	WarehouseByCode(ctx context.Context, code string) (Warehouse, error)
	Warehouses(ctx context.Context) ([]Warehouse, error)

	// Levels returns the stock of a product and its variants in every
	// warehouse that holds any.
	Levels(ctx context.Context, product commerce.ProductID) ([]Level, error)
	// Adjust adds a.Delta to the quantity of one level, creating the level
	// when absent, and records the adjustment, in one transaction. The
	// quantity may never fall below the reserved units: such an adjustment
	// returns KindConflict and changes nothing. It returns the new level.
	Adjust(ctx context.Context, a Adjustment) (Level, error)
	// SetLevels writes the quantity and reorder settings of many levels,
	// creating the missing ones, for imports. Reserved units are kept.
	SetLevels(ctx context.Context, ls []Level) error
}
