package rest

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// The guest cart token travels in this header or in this cookie; the
// header wins when both are present.
const (
	CartTokenHeader = "X-Cart-Token" //nolint:gosec // a header's name, not a credential
	CartCookie      = "moderno_cart"
)

// cartCookieAge is how long a browser keeps the guest cart cookie; the
// server deletes guest carts left alone about as long (examples/server).
const cartCookieAge = 30 * 24 * time.Hour

type cartJSON struct {
	ID                int64          `json:"id"`
	Items             []cartItemJSON `json:"items"`
	ItemCount         int            `json:"item_count"`
	PriceChanged      bool           `json:"price_changed"`
	Currency          string         `json:"currency"`
	TaxInclusive      bool           `json:"tax_inclusive"`
	Subtotal          json.Number    `json:"subtotal"`
	SubtotalFormatted string         `json:"subtotal_formatted"`
	Savings           json.Number    `json:"savings"`
	SavingsFormatted  string         `json:"savings_formatted"`
	Discount          json.Number    `json:"discount"`
	DiscountFormatted string         `json:"discount_formatted"`
	// Shipping is always zero: a cart has no address yet.
	Shipping          json.Number `json:"shipping"`
	ShippingFormatted string      `json:"shipping_formatted"`
	Tax               json.Number `json:"tax"`
	TaxFormatted      string      `json:"tax_formatted"`
	Total             json.Number `json:"total"`
	TotalFormatted    string      `json:"total_formatted"`
	// Token is the new guest token, only in the response that created
	// the guest's cart.
	Token string `json:"token,omitempty"`
}

type cartItemJSON struct {
	ID                 int64               `json:"id"`
	ProductID          commerce.ProductID  `json:"product_id"`
	VariantID          *commerce.VariantID `json:"variant_id"`
	Name               string              `json:"name"`
	SKU                string              `json:"sku"`
	Image              string              `json:"image"`
	Quantity           int                 `json:"quantity"`
	UnitPrice          json.Number         `json:"unit_price"` // the catalog price now
	UnitPriceFormatted string              `json:"unit_price_formatted"`
	// PreviousPrice is the price when the item was chosen, when it
	// differs from UnitPrice; null otherwise.
	PreviousPrice          *json.Number `json:"previous_price"`
	PreviousPriceFormatted *string      `json:"previous_price_formatted"`
	PriceChanged           bool         `json:"price_changed"`
	Total                  json.Number  `json:"total"`
	TotalFormatted         string       `json:"total_formatted"`
	Stock                  int          `json:"stock"`
	Available              bool         `json:"available"`
	OutOfStock             bool         `json:"out_of_stock"`
}

func newCartJSON(v cart.View) cartJSON {
	q := v.Quote
	zero := commerce.Zero(q.Currency)
	j := cartJSON{ID: v.ID, Items: make([]cartItemJSON, 0, len(v.Items)), Token: v.Token,
		Currency: string(q.Currency), TaxInclusive: q.Inclusive,
		Subtotal: amount(q.Subtotal), SubtotalFormatted: q.Subtotal.Format(),
		Savings: amount(q.Savings), SavingsFormatted: q.Savings.Format(),
		Discount: amount(q.Discount), DiscountFormatted: q.Discount.Format(),
		Shipping: amount(zero), ShippingFormatted: zero.Format(),
		Tax: amount(q.Tax), TaxFormatted: q.Tax.Format(),
		Total: amount(q.Total), TotalFormatted: q.Total.Format()}
	line := 0
	for _, it := range v.Items {
		ij := cartItemJSON{ID: it.ID, ProductID: it.ProductID, VariantID: variantRef(it.VariantID),
			Name: it.Name, SKU: it.SKU, Image: it.Image, Quantity: it.Quantity,
			UnitPrice: amount(it.Price), UnitPriceFormatted: it.Price.Format(),
			PriceChanged: it.PriceChanged, Stock: it.Stock, Available: it.Available,
			OutOfStock: it.OutOfStock, Total: amount(zero), TotalFormatted: zero.Format()}
		if it.PriceChanged {
			ij.PreviousPrice, ij.PreviousPriceFormatted = optAmount(&it.UnitPrice)
		}
		if it.Available && line < len(q.Lines) {
			t := q.Lines[line].Total
			ij.Total, ij.TotalFormatted = amount(t), t.Format()
			line++
			j.ItemCount += it.Quantity
		}
		j.PriceChanged = j.PriceChanged || it.PriceChanged
		j.Items = append(j.Items, ij)
	}
	return j
}

// variantRef returns nil for a product's own line (variant zero), so that
// the JSON says null.
func variantRef(v commerce.VariantID) *commerce.VariantID {
	if v == 0 {
		return nil
	}
	return &v
}

// shopper returns who shops and the guest token they hold. A signed-in
// customer who still carries a guest token gets the guest cart merged into
// theirs here, on their first cart or checkout request after signing in,
// and the cookie is deleted.
func (h *Handler) shopper(w http.ResponseWriter, r *http.Request) (commerce.Principal, string,
	error) {
	p := PrincipalFrom(r.Context())
	token := cartToken(r)
	if p.UserID == 0 || token == "" {
		return p, token, nil
	}
	if _, err := h.carts.Merge(r.Context(), p, token); err != nil {
		return p, "", err
	}
	if c, err := r.Cookie(CartCookie); err == nil && c.Value != "" {
		h.setCartCookie(w, r, "", -1)
	}
	return p, "", nil
}

// cartToken returns the guest token of the request, from the header or
// the cookie; "" when it carries none that could be one.
func cartToken(r *http.Request) string {
	t := r.Header.Get(CartTokenHeader)
	if t == "" {
		if c, err := r.Cookie(CartCookie); err == nil {
			t = c.Value
		}
	}
	if len(t) == 0 || len(t) > 128 {
		return ""
	}
	return t
}

func (h *Handler) setCartCookie(w http.ResponseWriter, r *http.Request, token string,
	maxAge int) {
	// Secure needs TLS, which a server behind a proxy learns from its
	// configuration; HttpOnly and SameSite=Strict are always set.
	http.SetCookie(w, &http.Cookie{Name: CartCookie, Value: token, Path: "/", //nolint:gosec
		MaxAge: maxAge, HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: r.TLS != nil || h.secureCookies})
}

// writeCart answers with the cart, handing a new guest token over in the
// header, the cookie and the body.
func (h *Handler) writeCart(w http.ResponseWriter, r *http.Request, code int, v cart.View) {
	if v.Token != "" {
		w.Header().Set(CartTokenHeader, v.Token)
		h.setCartCookie(w, r, v.Token, int(cartCookieAge/time.Second))
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, code, map[string]cartJSON{"data": newCartJSON(v)})
}

// getCart serves GET /cart.
func (h *Handler) getCart(w http.ResponseWriter, r *http.Request) {
	if err := noParams(r); err != nil {
		h.writeError(w, r, err)
		return
	}
	h.cartCall(w, r, http.StatusOK, h.carts.Cart)
}

// addCartItem serves POST /cart/items: 201.
func (h *Handler) addCartItem(w http.ResponseWriter, r *http.Request) {
	body, err := readObject(r, false)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var bad commerce.Fields
	product := commerce.ProductID(body.id(&bad, "", "product_id", true))
	variant := commerce.VariantID(body.id(&bad, "", "variant_id", false))
	qty := body.quantity(&bad, "", h.carts.MaxQuantity())
	if err := bad.Err("rest.add cart item"); err != nil {
		h.writeError(w, r, err)
		return
	}
	h.cartCall(w, r, http.StatusCreated, func(ctx context.Context, p commerce.Principal,
		token string) (cart.View, error) {
		return h.carts.AddItem(ctx, p, token, product, variant, qty)
	})
}

// updateCartItem serves PUT /cart/items/{id}.
func (h *Handler) updateCartItem(w http.ResponseWriter, r *http.Request) {
	id, err := cartItemID(r)
	var body object
	if err == nil {
		body, err = readObject(r, false)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var bad commerce.Fields
	qty := body.quantity(&bad, "", h.carts.MaxQuantity())
	if err := bad.Err("rest.update cart item"); err != nil {
		h.writeError(w, r, err)
		return
	}
	h.cartCall(w, r, http.StatusOK, func(ctx context.Context, p commerce.Principal,
		token string) (cart.View, error) {
		return h.carts.UpdateItem(ctx, p, token, id, qty)
	})
}

// removeCartItem serves DELETE /cart/items/{id}.
func (h *Handler) removeCartItem(w http.ResponseWriter, r *http.Request) {
	id, err := cartItemID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.cartCall(w, r, http.StatusOK, func(ctx context.Context, p commerce.Principal,
		token string) (cart.View, error) {
		return h.carts.RemoveItem(ctx, p, token, id)
	})
}

// cartCall runs a call of the cart service for the shopper and answers with
// the cart it returns.
func (h *Handler) cartCall(w http.ResponseWriter, r *http.Request, code int,
	call func(ctx context.Context, p commerce.Principal, token string) (cart.View, error)) {
	p, token, err := h.shopper(w, r)
	var v cart.View
	if err == nil {
		v, err = call(r.Context(), p, token)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeCart(w, r, code, v)
}

// cartItemID reads the {id} of a cart item route; a path that cannot be an
// id is a missing item.
func cartItemID(r *http.Request) (int64, error) {
	id, ok := commerce.ParseID(chi.URLParam(r, "id"))
	if !ok {
		return 0, commerce.NotFound("rest.cart item", "producto del carrito")
	}
	return id, nil
}

// clearCart serves DELETE /cart: 204.
func (h *Handler) clearCart(w http.ResponseWriter, r *http.Request) {
	p, token, err := h.shopper(w, r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if err := h.carts.Clear(r.Context(), p, token); err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}

// noParams refuses any query parameter on a route that takes none.
func noParams(r *http.Request) error {
	_, err := readParams(r.URL.RawQuery, nil)
	return err
}
