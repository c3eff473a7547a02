package order

import "github.com/ecommerce-moderno/moderno/commerce"

// Status is where an order is in its life.
type Status string

// The statuses of an order. Cancelled is reachable from pending, confirmed
// and processing; delivered and cancelled are final.
const (
	StatusPending    Status = "pending"
	StatusConfirmed  Status = "confirmed"
	StatusProcessing Status = "processing"
	StatusShipped    Status = "shipped"
	StatusDelivered  Status = "delivered"
	StatusCancelled  Status = "cancelled"
)

// Statuses returns every status, in the order of an order's life.
func Statuses() []Status {
	return []Status{StatusPending, StatusConfirmed, StatusProcessing, StatusShipped,
		StatusDelivered, StatusCancelled}
}

var next = map[Status][]Status{
	StatusPending:    {StatusConfirmed, StatusCancelled},
	StatusConfirmed:  {StatusProcessing, StatusCancelled},
	StatusProcessing: {StatusShipped, StatusCancelled},
	StatusShipped:    {StatusDelivered},
}

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses() {
		if s == v {
			return true
		}
	}
	return false
}

// CanBecome reports whether an order in status s may move to status to.
func (s Status) CanBecome(to Status) bool {
	for _, n := range next[s] {
		if n == to {
			return true
		}
	}
	return false
}

// PaymentStatus is where an order's payment is.
type PaymentStatus string

// The payment statuses. Failed and refunded are final: a shopper whose
// payment failed places a new order.
const (
	PaymentPending  PaymentStatus = "pending"
	PaymentPaid     PaymentStatus = "paid"
	PaymentFailed   PaymentStatus = "failed"
	PaymentRefunded PaymentStatus = "refunded"
)

// PaymentStatuses returns every payment status.
func PaymentStatuses() []PaymentStatus {
	return []PaymentStatus{PaymentPending, PaymentPaid, PaymentFailed, PaymentRefunded}
}

var nextPayment = map[PaymentStatus][]PaymentStatus{
	PaymentPending: {PaymentPaid, PaymentFailed},
	PaymentPaid:    {PaymentRefunded},
}

// Valid reports whether s is one of the payment statuses.
func (s PaymentStatus) Valid() bool {
	for _, v := range PaymentStatuses() {
		if s == v {
			return true
		}
	}
	return false
}

// CanBecome reports whether a payment in status s may move to status to.
func (s PaymentStatus) CanBecome(to PaymentStatus) bool {
	for _, n := range nextPayment[s] {
		if n == to {
			return true
		}
	}
	return false
}

// CheckStatus returns nil when an order may move from one status to
// another, and an error of kind KindConflict otherwise.
func CheckStatus(from, to Status) error {
	if from.CanBecome(to) {
		return nil
	}
	return commerce.Errorf(commerce.KindConflict, "order.status",
		"un pedido %s no puede pasar a %s", from.Spanish(), to.Spanish())
}

// CheckPayment returns nil when a payment may move from one status to
// another, and an error of kind KindConflict otherwise.
func CheckPayment(from, to PaymentStatus) error {
	if from.CanBecome(to) {
		return nil
	}
	return commerce.Errorf(commerce.KindConflict, "order.payment",
		"un pago %s no puede pasar a %s", from.Spanish(), to.Spanish())
}

// Spanish returns the status as the storefront shows it.
func (s Status) Spanish() string {
	if t, ok := map[Status]string{StatusPending: "pendiente", StatusConfirmed: "confirmado",
		StatusProcessing: "en preparación", StatusShipped: "enviado",
		StatusDelivered: "entregado", StatusCancelled: "cancelado"}[s]; ok {
		return t
	}
	return string(s)
}

// Spanish returns the payment status as the storefront shows it.
func (s PaymentStatus) Spanish() string {
	if t, ok := map[PaymentStatus]string{PaymentPending: "pendiente", PaymentPaid: "pagado",
		PaymentFailed: "fallido", PaymentRefunded: "reembolsado"}[s]; ok {
		return t
	}
	return string(s)
}
