package rest

import (
	"encoding/json"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
)

// orderJSON is an order as listings show it.
type orderJSON struct {
	ID                 commerce.OrderID    `json:"id"`
	Number             string              `json:"number"`
	CustomerID         commerce.UserID     `json:"customer_id"`
	Customer           customerRefJSON     `json:"customer"`
	Status             order.Status        `json:"status"`
	StatusLabel        string              `json:"status_label"`
	PaymentStatus      order.PaymentStatus `json:"payment_status"`
	PaymentStatusLabel string              `json:"payment_status_label"`
	PaymentMethod      string              `json:"payment_method"`
	ShippingMethod     string              `json:"shipping_method"`
	Currency           string              `json:"currency"`
	TaxInclusive       bool                `json:"tax_inclusive"`
	Subtotal           json.Number         `json:"subtotal"`
	SubtotalFormatted  string              `json:"subtotal_formatted"`
	Discount           json.Number         `json:"discount"`
	DiscountFormatted  string              `json:"discount_formatted"`
	Shipping           json.Number         `json:"shipping"`
	ShippingFormatted  string              `json:"shipping_formatted"`
	Tax                json.Number         `json:"tax"`
	TaxFormatted       string              `json:"tax_formatted"`
	Total              json.Number         `json:"total"`
	TotalFormatted     string              `json:"total_formatted"`
	City               string              `json:"city"`
	Region             string              `json:"region"`
	// ItemCount is the units of every line; only where the lines are
	// read (the order itself, not listings).
	ItemCount *int      `json:"item_count,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// orderDetailJSON is an order with everything its page shows.
type orderDetailJSON struct {
	orderJSON
	ShippingAddress order.Address  `json:"shipping_address"`
	BillingAddress  *order.Address `json:"billing_address"`
	Notes           string         `json:"notes"`
	Lines           []lineJSON     `json:"lines"`
	Timeline        []entryJSON    `json:"timeline"`
	// Hold is where a payment authorized at the gateway stands
	// ("authorized", "captured", "voided", "void_failed", ...); empty when
	// none was.
	Hold order.Hold `json:"hold"`
	// NextStatuses are the statuses staff may move the order to now.
	NextStatuses  []order.Status `json:"next_statuses"`
	ReservedUntil *time.Time     `json:"reserved_until"`
	ShippedAt     *time.Time     `json:"shipped_at"`
	DeliveredAt   *time.Time     `json:"delivered_at"`
	CancelledAt   *time.Time     `json:"cancelled_at"`
	// PaymentInstructions are what the shopper must do to pay, in the
	// responses of POST /orders and GET /orders/{id} while the payment is
	// pending; null elsewhere.
	PaymentInstructions *string `json:"payment_instructions"`
}

type customerRefJSON struct {
	ID commerce.UserID `json:"id"`
}

type lineJSON struct {
	ID                 int64               `json:"id"`
	ProductID          commerce.ProductID  `json:"product_id"`
	VariantID          *commerce.VariantID `json:"variant_id"`
	Name               string              `json:"name"`
	SKU                string              `json:"sku"`
	Quantity           int                 `json:"quantity"`
	UnitPrice          json.Number         `json:"unit_price"`
	UnitPriceFormatted string              `json:"unit_price_formatted"`
	Discount           json.Number         `json:"discount"`
	TaxRate            json.Number         `json:"tax_rate"`
	Tax                json.Number         `json:"tax"`
	Total              json.Number         `json:"total"`
	TotalFormatted     string              `json:"total_formatted"`
}

type entryJSON struct {
	ID      int64           `json:"id"`
	Kind    order.EntryKind `json:"kind"`
	From    string          `json:"from"`
	To      string          `json:"to"`
	Label   string          `json:"label"`
	ActorID commerce.UserID `json:"actor_id"`
	Note    string          `json:"note"`
	At      time.Time       `json:"at"`
}

type paymentJSON struct {
	Method       string         `json:"method"`
	Status       payment.Status `json:"status"`
	Reference    string         `json:"reference"`
	Instructions string         `json:"instructions"`
	RedirectURL  string         `json:"redirect_url"`
	// ClientSecret lets the storefront finish a card payment in the
	// gateway's own form (Stripe.js), so card data never reaches us.
	ClientSecret string `json:"client_secret,omitempty"`
	// Message tells the shopper, in Spanish, why the payment did not go
	// through: declined (status "failed"), or the gateway not answering
	// (status "": retry with POST /orders/{id}/pay).
	Message string `json:"message,omitempty"`
}

func newOrderJSON(o order.Order) orderJSON {
	return orderJSON{ID: o.ID, Number: o.Number, CustomerID: o.CustomerID, Status: o.Status,
		StatusLabel: o.Status.Spanish(), PaymentStatus: o.PaymentStatus,
		PaymentStatusLabel: o.PaymentStatus.Spanish(), PaymentMethod: o.PaymentMethod,
		ShippingMethod: o.ShippingMethod, Currency: string(o.Currency),
		TaxInclusive: o.TaxInclusive, Customer: customerRefJSON{ID: o.CustomerID},
		Subtotal: amount(o.Subtotal), SubtotalFormatted: o.Subtotal.Format(),
		Discount: amount(o.Discount), DiscountFormatted: o.Discount.Format(),
		Shipping: amount(o.Shipping), ShippingFormatted: o.Shipping.Format(),
		Tax: amount(o.Tax), TaxFormatted: o.Tax.Format(),
		Total: amount(o.Total), TotalFormatted: o.Total.Format(),
		City: o.ShippingAddress.City, Region: o.ShippingAddress.Region,
		CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt}
}

func newOrderDetailJSON(o order.Order) orderDetailJSON {
	j := orderDetailJSON{orderJSON: newOrderJSON(o), ShippingAddress: o.ShippingAddress,
		BillingAddress: o.BillingAddress, Notes: o.Notes,
		Lines:    make([]lineJSON, 0, len(o.Lines)),
		Timeline: make([]entryJSON, 0, len(o.Timeline)), NextStatuses: []order.Status{},
		ShippedAt: o.ShippedAt, DeliveredAt: o.DeliveredAt, CancelledAt: o.CancelledAt}
	if !o.ReservedUntil.IsZero() && o.Status == order.StatusPending {
		t := o.ReservedUntil
		j.ReservedUntil = &t
	}
	units := 0
	for _, l := range o.Lines {
		units += l.Quantity
		j.Lines = append(j.Lines, lineJSON{ID: l.ID, ProductID: l.ProductID,
			VariantID: variantRef(l.VariantID),
			Name:      l.Name, SKU: l.SKU, Quantity: l.Quantity, UnitPrice: amount(l.UnitPrice),
			UnitPriceFormatted: l.UnitPrice.Format(), Discount: amount(l.Discount),
			TaxRate: number(l.TaxRate), Tax: amount(l.Tax), Total: amount(l.Total),
			TotalFormatted: l.Total.Format()})
	}
	for _, e := range o.Timeline {
		j.Timeline = append(j.Timeline, entryJSON{ID: e.ID, Kind: e.Kind, From: e.From, To: e.To,
			Label: entryLabel(e), ActorID: e.ActorID, Note: e.Note, At: e.At})
	}
	j.ItemCount = &units
	j.Hold = o.Hold()
	for _, s := range order.Statuses() {
		if o.Status.CanBecome(s) {
			j.NextStatuses = append(j.NextStatuses, s)
		}
	}
	return j
}

// entryLabel names a timeline entry's new state in Spanish.
func entryLabel(e order.Entry) string {
	switch e.Kind {
	case order.EntryStatus:
		return order.Status(e.To).Spanish()
	case order.EntryPayment:
		return "pago " + order.PaymentStatus(e.To).Spanish()
	case order.EntryAuthorization:
		return order.Hold(e.To).Spanish()
	}
	return "nota"
}

func newOrderList(orders []order.Order) []orderJSON {
	out := make([]orderJSON, 0, len(orders))
	for _, o := range orders {
		out = append(out, newOrderJSON(o))
	}
	return out
}
