package checkout

import (
	"strconv"
	"unicode/utf8"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

// Item is one product or variant to buy. There is no price: the server
// prices every order from the catalog, whatever the client sends.
type Item struct {
	ProductID commerce.ProductID
	VariantID commerce.VariantID
	Quantity  int
}

// Request is an order as the shopper places it.
type Request struct {
	// IdempotencyKey, when not empty, makes placing the order again with
	// the same key return the first order instead of a second one.
	IdempotencyKey string
	// Items to buy; empty: the signed-in customer's cart.
	Items           []Item
	ShippingAddress order.Address
	BillingAddress  *order.Address
	// ShippingMethod is a method's code; empty: the cheapest that serves
	// the address.
	ShippingMethod string
	PaymentMethod  string // "bank_transfer", "cash_on_delivery", ...
	PaymentToken   string // for gateways that take one; manual methods ignore it
	Email          string // for the payment gateway's receipt
	Notes          string
	Coupons        []string

	fromCart bool // the items came from the customer's cart
}

// check validates what can be checked without the store, normalizes the
// addresses, and merges repeated items.
func (s *Service) check(req *Request) commerce.Fields {
	var bad commerce.Fields
	if len(req.Items) > s.maxLines {
		bad.Add("items", "máximo "+strconv.Itoa(s.maxLines)+" productos distintos")
	}
	for i, it := range req.Items {
		field := "items[" + strconv.Itoa(i) + "]."
		bad.Check(it.ProductID > 0, field+"product_id", "es obligatorio")
		bad.Check(it.VariantID >= 0, field+"variant_id", "no es válido")
		bad.Check(it.Quantity >= 1 && it.Quantity <= s.maxQty, field+"quantity",
			"debe ser un entero entre 1 y "+strconv.Itoa(s.maxQty))
	}
	req.ShippingAddress.Normalize(&bad, "shipping_address.", s.country)
	if req.BillingAddress != nil {
		req.BillingAddress.Normalize(&bad, "billing_address.", s.country)
	}
	bad.Check(req.PaymentMethod != "", "payment_method", "es obligatorio")
	bad.Check(utf8.RuneCountInString(req.Notes) <= 1000, "notes", "máximo 1000 caracteres")
	bad.Check(len(req.PaymentToken) <= 1000, "payment_token", "demasiado largo")
	bad.Check(len(req.Email) <= 255, "email", "demasiado largo")
	if req.IdempotencyKey != "" {
		if err := CheckKey(req.IdempotencyKey); err != nil {
			bad = append(bad, commerce.ErrorFields(err)...)
		}
	}
	return bad
}

// merged returns the items with repeats of a product or variant added up,
// each with the index of its first appearance for error messages.
func merged(items []Item) ([]Item, []int) {
	var out []Item
	var at []int
	seen := map[Item]int{}
	for i, it := range items {
		k := Item{ProductID: it.ProductID, VariantID: it.VariantID}
		if j, ok := seen[k]; ok {
			out[j].Quantity += it.Quantity
			continue
		}
		seen[k] = len(out)
		out = append(out, it)
		at = append(at, i)
	}
	return out, at
}
