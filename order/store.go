package order

import (
	"context"
	"errors"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Store keeps orders. Orders are created by checkout's unit of work, in the
// same transaction that reserves their stock; this interface reads them and
// applies transitions. Adapters return commerce errors. The
// checkout/checkouttest suite checks every adapter against this contract.
type Store interface {
	// Order returns an order with its lines, allocations and timeline. It
	// returns KindNotFound.
	Order(ctx context.Context, id commerce.OrderID) (Order, error)
	// OrderByKey returns the order a customer placed with an idempotency
	// key, with its lines, allocations and timeline. It returns
	// KindNotFound.
	OrderByKey(ctx context.Context, customer commerce.UserID, key string) (Order, error)
	// Orders returns one page of the orders matching q, without lines,
	// allocations or timeline, newest first (ties by id, descending), and
	// how many match in all.
	Orders(ctx context.Context, q Query) ([]Order, int, error)
	// Apply applies t in one transaction, only when the order's status and
	// payment status are still t.Status and t.PaymentStatus: otherwise it
	// returns KindConflict and changes nothing (KindNotFound when there is
	// no such order). See Transition for what it writes.
	Apply(ctx context.Context, t Transition) error
	// Expired returns up to limit orders, oldest reservation first, with
	// their allocations, that are pending with payment pending, whose
	// ReservedUntil is not zero and not after at, and that still hold
	// reserved allocations.
	Expired(ctx context.Context, at time.Time, limit int) ([]Order, error)
}

// StockEffect is what a transition does to an order's reserved units.
type StockEffect uint8

// The stock effects of a transition.
const (
	StockKeep StockEffect = iota
	// StockRelease gives every reserved allocation back: reserved -=
	// quantity on its level; the allocation becomes Released.
	StockRelease
	// StockDeduct takes every reserved allocation out of the warehouse:
	// quantity -= q and reserved -= q on its level, an inventory adjustment
	// of reason "sale" is recorded, and the allocation becomes Deducted.
	StockDeduct
)

// Transition is one change of an order, applied by Store.Apply in one
// transaction: the compare-and-set of the statuses, the new statuses and
// payment reference, the timestamps, the stock effect on the allocations
// still Reserved (a level whose reserved units would go below zero is a
// fault: KindInternal and nothing changes), the timeline entries appended
// (the store sets their IDs), and the events written to the outbox.
type Transition struct {
	OrderID          commerce.OrderID
	Status           Status        // expected now
	PaymentStatus    PaymentStatus // expected now
	NewStatus        Status
	NewPaymentStatus PaymentStatus
	PaymentReference string // written when not empty
	Stock            StockEffect
	Entries          []Entry
	Events           []commerce.Event
	// At is the time of the change: updated_at, and shipped_at,
	// delivered_at or cancelled_at when NewStatus is that status and
	// Status was not.
	At time.Time
}

// Query selects orders. Zero fields select everything.
type Query struct {
	CustomerID      commerce.UserID
	Statuses        []Status
	PaymentStatuses []PaymentStatus
	From            time.Time        // created at or after
	To              time.Time        // created before
	TotalMin        *decimal.Decimal // total at least
	TotalMax        *decimal.Decimal // total at most
	Number          string           // the order number, exactly
	Offset          int
	Limit           int
}

// Errors a store returns, wrapped, when creating an order breaks a unique
// constraint; the caller can tell them apart with errors.Is.
var (
	ErrNumberTaken = errors.New("order number taken")
	ErrKeyTaken    = errors.New("idempotency key already used by this customer")
)
