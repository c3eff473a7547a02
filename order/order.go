package order

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Order is what a customer bought, as it was priced when they bought it.
// Total = Subtotal + Shipping + TaxExclusive() - Discount.
type Order struct {
	ID             commerce.OrderID
	Number         string // for people, such as "CL-2026-7K3F-9QX2"; unique
	CustomerID     commerce.UserID
	Status         Status
	PaymentStatus  PaymentStatus
	Currency       commerce.Currency
	Subtotal       commerce.Money // the lines' amounts at catalog prices
	Discount       commerce.Money
	Shipping       commerce.Money
	ShippingTax    commerce.Money // the tax part of Shipping, or on top of it
	Tax            commerce.Money // all the tax, lines and shipping
	TaxInclusive   bool           // prices include Tax; otherwise it was added on top
	Total          commerce.Money
	ShippingMethod string
	PaymentMethod  string
	// PaymentReference is the gateway's id of the payment, once known.
	PaymentReference string
	ShippingAddress  Address
	BillingAddress   *Address // nil: the shipping address
	Notes            string
	// IdempotencyKey is the key the order was placed with, unique per
	// customer; empty when there was none.
	IdempotencyKey string
	// ReservedUntil is when the stock reserved for a pending, unpaid order
	// is released; zero: never.
	ReservedUntil time.Time
	Lines         []Line
	Allocations   []Allocation
	Timeline      []Entry // oldest first
	ShippedAt     *time.Time
	DeliveredAt   *time.Time
	CancelledAt   *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// TaxExclusive returns the tax added on top of the prices: zero when
// prices include it.
func (o Order) TaxExclusive() commerce.Money {
	if o.TaxInclusive {
		return commerce.Zero(o.Currency)
	}
	return o.Tax
}

// Balanced reports whether the order's amounts keep the identity Total =
// Subtotal + Shipping + TaxExclusive - Discount.
func (o Order) Balanced() bool {
	want := o.Subtotal.Add(o.Shipping).Add(o.TaxExclusive()).Sub(o.Discount)
	return o.Total.Equal(want)
}

// Line is one product or variant of an order, a snapshot of the catalog at
// the time of the sale. Amount - Discount (+ Tax when exclusive) = Total.
type Line struct {
	ID        int64
	ProductID commerce.ProductID
	VariantID commerce.VariantID // zero: the product itself
	Name      string
	SKU       string
	Quantity  int
	UnitPrice commerce.Money
	Amount    commerce.Money // UnitPrice × Quantity
	Discount  commerce.Money
	TaxRate   decimal.Decimal
	Tax       commerce.Money
	Total     commerce.Money
}

// AllocationState says what became of reserved units.
type AllocationState string

// The states of an allocation.
const (
	Reserved AllocationState = "reserved" // held for the order
	Released AllocationState = "released" // given back to the warehouse
	Deducted AllocationState = "deducted" // shipped: gone from the warehouse
)

// Allocation is the units of one order line reserved in one warehouse.
type Allocation struct {
	ProductID   commerce.ProductID   `json:"product_id"`
	VariantID   commerce.VariantID   `json:"variant_id,omitempty"`
	WarehouseID commerce.WarehouseID `json:"warehouse_id"`
	Quantity    int                  `json:"quantity"`
	State       AllocationState      `json:"state"`
}

// Active returns the allocations still reserved.
func (o Order) Active() []Allocation {
	var out []Allocation
	for _, a := range o.Allocations {
		if a.State == Reserved {
			out = append(out, a)
		}
	}
	return out
}

// EntryKind says what a timeline entry records.
type EntryKind string

// The kinds of timeline entry.
const (
	EntryStatus  EntryKind = "status"  // From and To are statuses
	EntryPayment EntryKind = "payment" // From and To are payment statuses
	EntryNote    EntryKind = "note"    // only a note
	// EntryAuthorization: From and To are the Holds of a payment
	// authorized at the gateway and not yet captured.
	EntryAuthorization EntryKind = "authorization"
)

// Entry is one line of an order's timeline: who did what, when and why.
// Entries are never changed once written.
type Entry struct {
	ID      int64
	Kind    EntryKind
	From    string // empty for the entry that created the order
	To      string
	ActorID commerce.UserID // zero: the store itself (checkout, jobs, webhooks)
	Note    string
	At      time.Time
}
