package rest

import (
	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/pricing"
)

// shop takes the shop's part of the configuration. It panics when a cart
// or checkout service comes without Idempotency, a wiring error.
func (h *Handler) shop(cfg Config) {
	h.carts, h.checkout, h.orders = cfg.Carts, cfg.Checkout, cfg.Orders
	h.keys, h.pricer, h.secureCookies = cfg.Idempotency, cfg.Pricer, cfg.SecureCookies
	if (h.carts != nil || h.checkout != nil) && h.keys == nil {
		panic("rest: New needs Idempotency with Carts or Checkout")
	}
	if h.pricer == nil {
		h.pricer = pricing.New(pricing.Config{})
	}
}

// shopRoutes adds the cart, checkout and order routes that are configured.
// Every mutating one honours Idempotency-Key.
func (h *Handler) shopRoutes(r chi.Router) {
	get(r, "/shipping-methods", h.shippingMethods)
	if h.carts != nil {
		get(r, "/cart", h.getCart)
		get(r, "/cart/shipping", h.shippingMethods)
		r.With(h.idempotent).Post("/cart/items", h.addCartItem)
		r.With(h.idempotent).Put("/cart/items/{id}", h.updateCartItem)
		r.With(h.idempotent).Delete("/cart/items/{id}", h.removeCartItem)
		r.With(h.idempotent).Delete("/cart", h.clearCart)
	}
	if h.checkout == nil || h.orders == nil {
		return
	}
	h.userRoutes(r, func(r chi.Router) {
		r.With(h.idempotent).Post("/orders", h.placeOrder)
		get(r, "/orders", h.listOrders)
		get(r, "/orders/{id}", h.getOrder)
		r.With(h.idempotent).Put("/orders/{id}/status", h.setOrderStatus)
		r.With(h.idempotent).Put("/orders/{id}/payment", h.setOrderPayment)
		r.With(h.idempotent).Post("/orders/{id}/cancel", h.cancelOrder)
		get(r, "/admin/orders", h.adminOrders)
		get(r, "/admin/orders.csv", h.adminOrdersCSV)
	})
}
