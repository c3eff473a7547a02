package order

import (
	"strconv"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Event names of orders and of the stock they hold. Every Data is a value
// that encodes to JSON, because events travel through the outbox.
const (
	EventCreated        = "order.created"            // Data: Summary
	EventStatusChanged  = "order.status.changed"     // Data: StatusChange
	EventPaymentChanged = "order.payment.changed"    // Data: StatusChange
	EventStockReserved  = "inventory.stock.reserved" // Data: StockMovement
	EventStockReleased  = "inventory.stock.released" // Data: StockMovement
	EventStockDeducted  = "inventory.stock.deducted" // Data: StockMovement
)

// Summary describes an order in an event.
type Summary struct {
	OrderID       commerce.OrderID `json:"order_id"`
	Number        string           `json:"number"`
	CustomerID    commerce.UserID  `json:"customer_id"`
	Status        Status           `json:"status"`
	PaymentStatus PaymentStatus    `json:"payment_status"`
	PaymentMethod string           `json:"payment_method"`
	Total         commerce.Money   `json:"total"`
	At            time.Time        `json:"at"`
}

// StatusChange describes a change of status or of payment status.
type StatusChange struct {
	OrderID    commerce.OrderID `json:"order_id"`
	Number     string           `json:"number"`
	CustomerID commerce.UserID  `json:"customer_id"`
	From       string           `json:"from"`
	To         string           `json:"to"`
	ActorID    commerce.UserID  `json:"actor_id,omitempty"`
	Note       string           `json:"note,omitempty"`
	At         time.Time        `json:"at"`
}

// StockMovement describes units reserved, released or deducted for an order.
type StockMovement struct {
	OrderID     commerce.OrderID `json:"order_id"`
	Number      string           `json:"number"`
	Allocations []Allocation     `json:"allocations"`
}

// Key returns the event key of an order, "order:42".
func Key(id commerce.OrderID) string { return "order:" + strconv.FormatInt(int64(id), 10) }

// SummaryOf returns the summary of an order for an event.
func SummaryOf(o Order) Summary {
	return Summary{OrderID: o.ID, Number: o.Number, CustomerID: o.CustomerID, Status: o.Status,
		PaymentStatus: o.PaymentStatus, PaymentMethod: o.PaymentMethod, Total: o.Total,
		At: o.CreatedAt}
}
