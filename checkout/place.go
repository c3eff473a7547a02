package checkout

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/pricing"
)

// Result is a placed order and what its payment method said.
type Result struct {
	Order   order.Order
	Payment payment.Result // instructions or a redirect for the shopper
	// Message tells the shopper, in Spanish, why the payment did not go
	// through: the gateway's decline message, or that it did not answer
	// (the order then waits, pending, for Service.Pay). Empty otherwise.
	Message string
	// Replayed says the order was placed before with the same
	// idempotency key, and this is that order.
	Replayed bool
}

// numberAttempts is how many order numbers are drawn before giving up.
const numberAttempts = 5

// PlaceOrder places an order for the signed-in customer p: it prices the
// items at catalog prices, reserves their stock and stores the order, its
// timeline and its events in one transaction, then starts the payment.
// With an idempotency key already used by p it returns the first order. It
// returns KindUnauthenticated; KindInvalid naming each bad field
// (items[i].quantity, items[i].product_id, items[i].variant_id,
// shipping_address.street, payment_method, shipping_method, ...);
// KindOutOfStock naming the item and its product when there is not enough
// stock, in which case nothing is reserved. A payment that fails after the
// order is stored does not fail the call: the order comes back with its
// payment failed and its stock released.
func (s *Service) PlaceOrder(ctx context.Context, p commerce.Principal, token string,
	req Request) (Result, error) {
	const op = "checkout.place order"
	if p.UserID == 0 {
		return Result{}, commerce.Errorf(commerce.KindUnauthenticated, op,
			"inicie sesión para comprar")
	}
	if req.IdempotencyKey != "" {
		if res, ok, err := s.replay(ctx, p, req); ok || err != nil {
			return res, err
		}
	}
	o, fields, gw, err := s.prepare(ctx, op, p, token, &req)
	if err != nil {
		return Result{}, err
	}
	if err := s.commit(ctx, op, &o, fields); err != nil {
		if errors.Is(err, order.ErrKeyTaken) {
			res, _, rerr := s.replay(ctx, p, req)
			return res, rerr
		}
		return Result{}, err
	}
	s.afterCommit(ctx, p, token, req)
	return s.handOver(ctx, o, gw, req), nil
}

// replay returns the order p placed with req's key, if any.
func (s *Service) replay(ctx context.Context, p commerce.Principal, req Request) (Result, bool,
	error) {
	o, err := s.orders.OrderByKey(ctx, p, req.IdempotencyKey)
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return Result{}, false, nil
	}
	if err != nil {
		return Result{}, false, fmt.Errorf("checkout.place order: %w", err)
	}
	gw, ok := s.payments.Gateway(o.PaymentMethod)
	if !ok {
		return Result{Order: o, Replayed: true}, true, nil
	}
	res := s.handOver(ctx, o, gw, req)
	res.Replayed = true
	return res, true, nil
}

// prepare checks the request, prices it and builds the order to store,
// with the field name of each line for errors.
func (s *Service) prepare(ctx context.Context, op string, p commerce.Principal, token string,
	req *Request) (order.Order, []string, payment.Gateway, error) {
	var cartKey string
	if len(req.Items) == 0 {
		items, key, err := s.cartItems(ctx, op, p, token)
		if err != nil {
			return order.Order{}, nil, nil, err
		}
		req.Items, req.fromCart, cartKey = items, true, key
	}
	bad := s.check(req)
	gw, ok := s.payments.Gateway(req.PaymentMethod)
	if req.PaymentMethod != "" && (!ok || !gw.Describe().Accepts(s.pricer.Currency())) {
		bad.Add("payment_method", "medio de pago no disponible")
	}
	if err := bad.Err(op); err != nil {
		return order.Order{}, nil, nil, err
	}
	if req.IdempotencyKey == "" {
		// Placing the same contents of the same cart twice, as a double
		// click does before the first order empties the cart, makes one
		// order. The space keeps the key apart from every client's key.
		req.IdempotencyKey = cartKey
	}
	items, at := merged(req.Items)
	lines, fields, err := s.lines(ctx, op, items, at)
	if err != nil {
		return order.Order{}, nil, nil, err
	}
	q, err := s.pricer.Price(ctx, pricing.Request{Lines: lines,
		Country: req.ShippingAddress.Country, Region: req.ShippingAddress.Region,
		ShippingMethod: req.ShippingMethod, Customer: p.UserID, Coupons: req.Coupons})
	if err != nil {
		return order.Order{}, nil, nil, fmt.Errorf("%s: %w", op, err)
	}
	if q.Subtotal.Amount().GreaterThanOrEqual(maxAmount) ||
		q.Total.Amount().GreaterThanOrEqual(maxAmount) {
		return order.Order{}, nil, nil, commerce.Invalid(op, commerce.FieldError{
			Field: "items", Message: "el total del pedido es demasiado alto"})
	}
	return s.build(p, *req, q), fields, gw, nil
}

// maxAmount is the first amount an order cannot hold: stores keep money in
// DECIMAL(14,2) columns.
var maxAmount = decimal.New(1, 12)

// lines looks every item up in the catalog and returns its pricing line.
func (s *Service) lines(ctx context.Context, op string, items []Item,
	at []int) ([]pricing.Line, []string, error) {
	var bad commerce.Fields
	lines := make([]pricing.Line, 0, len(items))
	fields := make([]string, 0, len(items))
	for j, it := range items {
		prefix := "items[" + strconv.Itoa(at[j]) + "]."
		if it.Quantity > s.maxQty {
			bad.Add(prefix+"quantity", "máximo "+strconv.Itoa(s.maxQty)+" unidades")
			continue
		}
		prod, err := s.catalog.Product(ctx, it.ProductID)
		if commerce.ErrorKind(err) == commerce.KindNotFound {
			bad.Add(prefix+"product_id", "el producto no existe")
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", op, err)
		}
		l, err := pricing.CatalogLine(prod, it.VariantID, it.Quantity, prefix)
		if err != nil {
			bad = append(bad, commerce.ErrorFields(err)...)
			continue
		}
		lines, fields = append(lines, l), append(fields, prefix+"quantity")
	}
	return lines, fields, bad.Err(op)
}

// cartItems returns the items of p's cart and the idempotency key of
// these contents of that cart.
func (s *Service) cartItems(ctx context.Context, op string, p commerce.Principal,
	token string) ([]Item, string, error) {
	if s.carts == nil {
		return nil, "", commerce.Invalid(op, commerce.FieldError{Field: "items",
			Message: "es obligatorio"})
	}
	v, err := s.carts.Cart(ctx, p, token)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", op, err)
	}
	items := make([]Item, 0, len(v.Items))
	for _, it := range v.Items {
		items = append(items, Item{ProductID: it.ProductID, VariantID: it.VariantID,
			Quantity: it.Quantity})
	}
	if len(items) == 0 {
		return nil, "", commerce.Invalid(op, commerce.FieldError{Field: "items",
			Message: "el carrito está vacío"})
	}
	return items, fmt.Sprintf("cart %d.%d", v.ID, v.Version), nil
}
