package rest

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/pricing"
)

// historyParams are the parameters of GET /orders.
var historyParams = map[string]int{"page": 20, "limit": 20}

type orderPageJSON struct {
	Data       []orderJSON    `json:"data"`
	Pagination paginationJSON `json:"pagination"`
}

type placedJSON struct {
	Data     orderDetailJSON `json:"data"`
	Payment  paymentJSON     `json:"payment"`
	Replayed bool            `json:"replayed"`
}

// placeOrder serves POST /orders: 201 with the order and what its payment
// method says to do next. Prices sent by the client are ignored.
func (h *Handler) placeOrder(w http.ResponseWriter, r *http.Request) {
	body, err := readObject(r, false)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	req, err := h.orderRequest(body)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if key := r.Header.Get(checkout.HeaderName); checkout.CheckKey(key) == nil {
		req.IdempotencyKey = key
	}
	p, token, err := h.shopper(w, r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	res, err := h.checkout.PlaceOrder(r.Context(), p, token, req)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	code := http.StatusCreated
	if res.Replayed {
		code = http.StatusOK
	}
	w.Header().Set("Location", "/orders/"+strconv.FormatInt(int64(res.Order.ID), 10))
	w.Header().Set("Cache-Control", "no-store")
	placed := newOrderDetailJSON(res.Order)
	if res.Payment.Instructions != "" {
		placed.PaymentInstructions = &res.Payment.Instructions
	}
	writeJSON(w, r, code, placedJSON{Data: placed, Replayed: res.Replayed,
		Payment: newPaymentJSON(res)})
}

// orderRequest reads the body of POST /orders, naming every bad field.
// Without items the order is the customer's cart.
func (h *Handler) orderRequest(body object) (checkout.Request, error) {
	const op = "rest.place order"
	var bad commerce.Fields
	var req checkout.Request
	for i, it := range body.list(&bad, "items") {
		prefix := "items[" + strconv.Itoa(i) + "]."
		req.Items = append(req.Items, checkout.Item{
			ProductID: commerce.ProductID(it.id(&bad, prefix, "product_id", true)),
			VariantID: commerce.VariantID(it.id(&bad, prefix, "variant_id", false)),
			Quantity:  it.quantity(&bad, prefix, h.maxQuantity()),
		})
	}
	if !body.into(&bad, "shipping_address", &req.ShippingAddress) &&
		!body.has("shipping_address") {
		bad.Add("shipping_address", "es obligatoria")
	}
	var billing order.Address
	if body.into(&bad, "billing_address", &billing) {
		req.BillingAddress = &billing
	}
	req.ShippingMethod = body.text(&bad, "", "shipping_method", 64)
	req.PaymentMethod = body.text(&bad, "", "payment_method", 64)
	req.PaymentToken = body.text(&bad, "", "payment_token", 1000)
	req.Email = body.text(&bad, "", "email", 255)
	req.Notes = body.text(&bad, "", "notes", 1000)
	if body.has("coupons") && !body.into(&bad, "coupons", &req.Coupons) {
		bad.Add("coupons", "debe ser una lista de códigos")
	}
	return req, bad.Err(op)
}

// maxQuantity is the largest quantity of one item the cart takes, which
// checkout takes too; 99 without a cart service.
func (h *Handler) maxQuantity() int {
	if h.carts != nil {
		return h.carts.MaxQuantity()
	}
	return 99
}

// listOrders serves GET /orders: the signed-in customer's own orders.
func (h *Handler) listOrders(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r.URL.RawQuery, historyParams)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	page, limit := p.int("page", 1, 1_000_000, 1), p.int("limit", 1, order.MaxPageSize, 20)
	if err := p.err(); err != nil {
		h.writeError(w, r, err)
		return
	}
	got, err := h.orders.History(r.Context(), PrincipalFrom(r.Context()), page, limit)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writePrivate(w, r, orderPage(got))
}

func orderPage(p order.Page) orderPageJSON {
	return orderPageJSON{Data: newOrderList(p.Orders), Pagination: paginationJSON{
		Page: p.Page, Limit: p.Limit, Total: p.Total, Pages: p.Pages()}}
}

// writePrivate answers a read that belongs to one person: never kept by
// shared caches, asked again by the browser each time.
func (h *Handler) writePrivate(w http.ResponseWriter, r *http.Request, v any) {
	w.Header().Set("Cache-Control", "private, no-store")
	writeJSON(w, r, http.StatusOK, v)
}

// orderID reads the {id} of an order route; a path that cannot be an id is
// a missing order.
func orderID(r *http.Request) (commerce.OrderID, error) {
	id, ok := commerce.ParseID(chi.URLParam(r, "id"))
	if !ok {
		return 0, commerce.NotFound("rest.order", "pedido")
	}
	return commerce.OrderID(id), nil
}

// getOrder serves GET /orders/{id}: the owner's or, for staff, anyone's;
// everybody else gets 404.
func (h *Handler) getOrder(w http.ResponseWriter, r *http.Request) {
	id, err := orderID(r)
	if err == nil {
		err = noParams(r)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	o, err := h.orders.Order(r.Context(), PrincipalFrom(r.Context()), id)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	detail := newOrderDetailJSON(o)
	detail.PaymentInstructions = h.instructions(o)
	h.writePrivate(w, r, map[string]orderDetailJSON{"data": detail})
}

// instructions are what the shopper must still do to pay the order, such as
// where to transfer: the method's instructions while the payment is pending
// and the order open; nil otherwise.
func (h *Handler) instructions(o order.Order) *string {
	if h.methods == nil || o.PaymentStatus != order.PaymentPending ||
		o.Status == order.StatusCancelled {
		return nil
	}
	g, ok := h.methods.Gateway(o.PaymentMethod)
	if !ok {
		return nil
	}
	if text := g.Describe().Instructions; text != "" {
		return &text
	}
	return nil
}

// setOrderStatus serves PUT /orders/{id}/status {"status", "note"}, for
// managers and above: 200 with the order, 409 for a move the state machine
// does not allow.
func (h *Handler) setOrderStatus(w http.ResponseWriter, r *http.Request) {
	h.changeOrder(w, r, func(p commerce.Principal, id commerce.OrderID,
		body object) (order.Order, error) {
		var bad commerce.Fields
		to := body.text(&bad, "", "status", 32)
		note := body.text(&bad, "", "note", 1000)
		if to == "" && !body.has("status") {
			bad.Add("status", "es obligatorio")
		}
		if err := bad.Err("rest.set order status"); err != nil {
			return order.Order{}, err
		}
		return h.orders.SetStatus(r.Context(), p, id, order.Status(to), note)
	})
}

// setOrderPayment serves PUT /orders/{id}/payment {"payment_status",
// "reference", "note"}, for admins, who confirm bank transfers and cash on
// delivery by hand.
func (h *Handler) setOrderPayment(w http.ResponseWriter, r *http.Request) {
	h.changeOrder(w, r, func(p commerce.Principal, id commerce.OrderID,
		body object) (order.Order, error) {
		var bad commerce.Fields
		to := body.text(&bad, "", "payment_status", 32)
		ref := body.text(&bad, "", "reference", 255)
		note := body.text(&bad, "", "note", 1000)
		if to == "" && !body.has("payment_status") {
			bad.Add("payment_status", "es obligatorio")
		}
		if err := bad.Err("rest.set order payment"); err != nil {
			return order.Order{}, err
		}
		return h.orders.SetPayment(r.Context(), p, id, order.PaymentStatus(to), ref, note)
	})
}

// cancelOrder serves POST /orders/{id}/cancel {"note"}: the owner's while
// pending and unpaid, any cancellable order for staff.
func (h *Handler) cancelOrder(w http.ResponseWriter, r *http.Request) {
	h.changeOrder(w, r, func(p commerce.Principal, id commerce.OrderID,
		body object) (order.Order, error) {
		var bad commerce.Fields
		note := body.text(&bad, "", "note", 1000)
		if err := bad.Err("rest.cancel order"); err != nil {
			return order.Order{}, err
		}
		return h.orders.Cancel(r.Context(), p, id, note)
	})
}

func (h *Handler) changeOrder(w http.ResponseWriter, r *http.Request,
	change func(p commerce.Principal, id commerce.OrderID, body object) (order.Order, error)) {
	id, err := orderID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	body, err := readObject(r, true)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	o, err := change(PrincipalFrom(r.Context()), id, body)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writePrivate(w, r, map[string]orderDetailJSON{"data": newOrderDetailJSON(o)})
}

// shippingParams are the parameters of GET /shipping-methods.
var shippingParams = map[string]int{"country": 60, "region": 60}

type shippingJSON struct {
	Code            string      `json:"code"`
	Name            string      `json:"name"`
	Amount          json.Number `json:"amount"`
	AmountFormatted string      `json:"amount_formatted"`
	Cheapest        bool        `json:"cheapest"`
	// The order's total and tax part with this method, when the shopper has
	// a cart: what POST /orders would charge for it now.
	Total          *json.Number `json:"total,omitempty"`
	TotalFormatted string       `json:"total_formatted,omitempty"`
	Tax            *json.Number `json:"tax,omitempty"`
	TaxFormatted   string       `json:"tax_formatted,omitempty"`
}

// shippingMethods serves GET /shipping-methods?country=&region=: the
// methods that serve the destination, priced for the shopper's cart, in
// the store's order; the one POST /orders picks without shipping_method is
// marked cheapest.
func (h *Handler) shippingMethods(w http.ResponseWriter, r *http.Request) {
	const op = "rest.shipping methods"
	p, err := readParams(r.URL.RawQuery, shippingParams)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	req, err := destination(p.text("country"), p.text("region"))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if h.carts != nil {
		who, token, err := h.shopper(w, r)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		v, err := h.carts.Cart(r.Context(), who, token)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		for _, l := range v.Quote.Lines {
			req.Lines = append(req.Lines, l.Line)
		}
		req.Customer = who.UserID
	}
	opts, err := h.pricer.Options(r.Context(), req)
	if err != nil {
		h.writeError(w, r, commerce.Wrap(commerce.KindInternal, op, err, ""))
		return
	}
	cheapest, _ := h.pricer.Price(r.Context(), req)
	out := make([]shippingJSON, 0, len(opts))
	for _, o := range opts {
		j := shippingJSON{Code: o.Code, Name: o.Name, Amount: amount(o.Amount),
			AmountFormatted: o.Amount.Format(), Cheapest: o.Code == cheapest.Shipping.Code}
		if len(req.Lines) > 0 {
			with := req
			with.ShippingMethod = o.Code
			if q, err := h.pricer.Price(r.Context(), with); err == nil {
				total, tax := amount(q.Total), amount(q.Tax)
				j.Total, j.TotalFormatted = &total, q.Total.Format()
				j.Tax, j.TaxFormatted = &tax, q.Tax.Format()
			}
		}
		out = append(out, j)
	}
	h.writePrivate(w, r, map[string][]shippingJSON{"data": out})
}

// destination reads a country (a code or a name; the store's when empty)
// and a region (for Chile, a code or a name of one of its regions).
func destination(country, region string) (pricing.Request, error) {
	var bad commerce.Fields
	req := pricing.Request{Region: region}
	if country != "" {
		code, ok := pricing.CountryCode(country)
		bad.Check(ok, "country", "país desconocido")
		req.Country = code
	}
	if region != "" && (req.Country == "" || req.Country == "CL") {
		code, ok := pricing.ChileanRegionCode(region)
		bad.Check(ok, "region", "indique una de las 16 regiones de Chile")
		req.Region = code
	}
	if len(bad) > 0 {
		return req, malformed(bad...)
	}
	return req, nil
}
