package rest

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/pricing"
	"github.com/ecommerce-moderno/moderno/ratelimit"
)

// Config holds what a Handler needs.
type Config struct {
	// Catalog serves the products, categories and brands. Required.
	Catalog *catalog.Service
	// Authenticate tells who makes each request. When nil every request is
	// commerce.Anonymous, unless the program's own middleware stored a
	// principal in the context with WithPrincipal.
	Authenticate Authenticator
	// Checks are the named checks of GET /health, such as "database" with
	// the store's ping. Each gets a few seconds.
	Checks map[string]func(ctx context.Context) error
	// Logger hears internal errors, once each, with the request id. Nil is
	// silent.
	Logger *slog.Logger
	// CacheTTL is how long the category tree and the brands are kept in
	// memory: 10 seconds when zero, not at all when negative. Product
	// counts in the tree may lag that long behind the store.
	CacheTTL time.Duration
	// MaxAge is what Cache-Control lets shared caches keep an anonymous
	// read for: 30 seconds when zero, nothing when negative.
	MaxAge time.Duration

	// Accounts (issue 3): sign-up, sign-in, profile, admin users.

	// Accounts serves /auth, /me and /admin/users; nil leaves them out.
	Accounts *customer.Service
	// Inventory serves warehouses and stock adjustments to staff; nil
	// leaves them out. The catalog's writes are served whenever Accounts
	// is set, as only a signed-in staff member can make them.
	Inventory *inventory.Service
	// Limiter counts the rate limits of Limits per client address or user;
	// nil applies none. ratelimit.NewMemory counts in this process.
	Limiter ratelimit.Limiter
	Limits  ratelimit.Policy
	// ClientIP tells the client's address, for limits and security logs:
	// the connection's peer when nil. Proxies.ClientIP believes
	// X-Forwarded-For from trusted proxies.
	ClientIP func(*http.Request) string
	// Events hears the refusals of the staff routes as security events
	// (auth.EventPermissionDenied); nil drops them.
	Events commerce.Publisher
	// MaxBody bounds JSON request bodies, product writes excepted (1 MiB):
	// DefaultMaxBody when zero.
	MaxBody int64

	// Shop (issue 4): cart, checkout, orders.

	// Carts serves /cart; the cart routes are left out when nil.
	Carts *cart.Service
	// Checkout places orders (POST /orders) and Orders reads them and
	// moves them (GET /orders, PUT /orders/{id}/status, GET
	// /admin/orders); the order routes are left out unless both are set.
	Checkout *checkout.Service
	Orders   *order.Service
	// Idempotency keeps the first response of every mutating request sent
	// with an Idempotency-Key, to replay it. Required with Carts or
	// Checkout.
	Idempotency *checkout.Idempotency
	// Pricer prices shipping for GET /shipping-methods; it should be the
	// one Carts and Checkout use. pricing's defaults when nil.
	Pricer *pricing.Pricer
	// SecureCookies marks the guest cart cookie Secure on every request,
	// for a server behind a proxy that ends TLS; it is Secure anyway on a
	// request that came over TLS.
	SecureCookies bool

	// Search (issue 6): full text and suggestions.

	// Search answers GET /search/products and GET /search/suggestions;
	// those routes answer 503 when it is nil. Limits.Search counts them.
	Search SearchEngine

	// Payments (issue 5): gateway webhooks.

	// Payments applies gateways' webhooks (POST /payments/webhooks/{gateway})
	// and staff refunds (POST /admin/orders/{id}/refunds, with Orders);
	// nil leaves both out.
	Payments *checkout.Payments
	// PaymentMethods lists, at GET /payment-methods, the methods checkout
	// offers in the shop's currency; nil leaves the route out.
	// PaymentPublicKeys are the keys the storefront needs to open a
	// gateway's own form, by method, such as Stripe's publishable key.
	PaymentMethods    *payment.Registry
	PaymentPublicKeys map[string]string
}

// Handler serves the catalog API. It is an http.Handler with the routes at
// its root; Register adds the same routes to a program's own chi router.
// It is safe for concurrent use.
type Handler struct {
	catalog *catalog.Service
	auth    Authenticator
	checks  map[string]func(ctx context.Context) error
	log     *slog.Logger
	maxAge  int // seconds
	dir     *directory
	mux     *chi.Mux

	// accounts (issue 3)
	accounts  *customer.Service
	inventory *inventory.Service
	limiter   ratelimit.Limiter
	limits    ratelimit.Policy
	clientIP  func(*http.Request) string
	events    commerce.Publisher
	maxBody   int64

	// shop (issue 4)
	carts         *cart.Service
	checkout      *checkout.Service
	orders        *order.Service
	keys          *checkout.Idempotency
	pricer        *pricing.Pricer
	secureCookies bool

	// search (issue 6)
	search SearchEngine

	// payments (issue 5)
	payments   *checkout.Payments
	methods    *payment.Registry
	publicKeys map[string]string
}

// resources are the first path segments the API owns, now and in the
// issues planned (docs/api.md): the storefront must use none of them.
var resources = []string{"products", "categories", "brands", "health", "auth", "cart",
	"orders", "search", "admin", "users", "payments", "webhooks", "shipping-methods", "me",
	"warehouses", "inventory", "payment-methods"}

// New returns a Handler. It panics when cfg.Catalog is nil, a wiring error.
func New(cfg Config) *Handler {
	if cfg.Catalog == nil {
		panic("rest: New needs a catalog service")
	}
	h := &Handler{catalog: cfg.Catalog, auth: cfg.Authenticate, checks: cfg.Checks,
		log: cfg.Logger, maxAge: seconds(cfg.MaxAge, 30*time.Second)}
	h.shop(cfg)
	h.payments, h.methods, h.publicKeys = cfg.Payments, cfg.PaymentMethods, cfg.PaymentPublicKeys
	h.accounts, h.inventory = cfg.Accounts, cfg.Inventory
	h.limiter, h.limits, h.clientIP = cfg.Limiter, cfg.Limits, cfg.ClientIP
	if h.clientIP == nil {
		h.clientIP = func(r *http.Request) string { return Proxies(nil).ClientIP(r) }
	}
	h.events = cfg.Events
	if h.events == nil {
		h.events = commerce.Discard
	}
	h.maxBody = cfg.MaxBody
	if h.maxBody <= 0 {
		h.maxBody = DefaultMaxBody
	}
	h.search = cfg.Search
	h.dir = &directory{catalog: cfg.Catalog, now: time.Now,
		ttl: durationOr(cfg.CacheTTL, 10*time.Second)}
	h.mux = chi.NewMux()
	h.mux.NotFound(h.NotFound)
	h.mux.MethodNotAllowed(h.MethodNotAllowed)
	h.Register(h.mux)
	return h
}

// Register adds the API's routes, with the middleware they need (request
// id, authentication, panic recovery), to r, so that a program can serve
// the API beside routes of its own, under any prefix (r.Route("/api",
// h.Register)). It does not set r's NotFound and MethodNotAllowed
// handlers; the Handler's methods of those names answer in the API's form.
func (h *Handler) Register(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(RequestID, h.recoverPanics, h.origin,
			h.limit("general", h.limits.General, perIP), h.authenticate, h.limitSearch,
			h.limitAdmin)
		get(r, "/health", h.health)
		get(r, "/products", h.listProducts)
		get(r, "/products/{ref}", h.product)
		get(r, "/categories", h.categories)
		get(r, "/brands", h.brands)

		// accounts routes (issue 3)
		h.accountRoutes(r)

		// shop routes (issue 4)
		h.shopRoutes(r)

		// search routes (issue 6)
		h.searchRoutes(r)

		// payments routes (issue 5)
		h.paymentRoutes(r)
	})
	// Gateways call webhooks from few addresses at volume, and the
	// signature is their protection: no per-address limit (issue 5).
	r.Group(func(r chi.Router) {
		r.Use(RequestID, h.recoverPanics, h.origin)
		h.webhookRoutes(r)
	})
}

// get routes both GET and HEAD to fn; net/http drops the body of a HEAD.
func get(r chi.Router, pattern string, fn http.HandlerFunc) {
	r.Get(pattern, fn)
	r.Head(pattern, fn)
}

// ServeHTTP serves the API with its routes at the root.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mux.ServeHTTP(w, r)
}

// Owns reports whether the path belongs to the API's namespace: its first
// segment is a resource the API serves or will serve. A program that serves
// other pages beside the API uses it to keep the two apart.
func (h *Handler) Owns(path string) bool {
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	for _, r := range resources {
		if first == r {
			return true
		}
	}
	return false
}

// NotFound answers 404 in the API's error form, or 405 for a route of the
// API asked with a method it does not serve (a program's catch-all route
// may have taken the request first).
func (h *Handler) NotFound(w http.ResponseWriter, r *http.Request) {
	if h.routeMethods(r) != "" {
		h.MethodNotAllowed(w, r)
		return
	}
	RequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.writeError(w, r, errNoRoute)
	})).ServeHTTP(w, r)
}

// MethodNotAllowed answers 405 in the API's error form.
func (h *Handler) MethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	RequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		allow := h.routeMethods(r)
		if allow == "" {
			allow = allowed(r)
		}
		w.Header().Set("Allow", allow)
		body := errorBody{Error: errorJSON{Code: "method_not_allowed",
			Message: "método no permitido", RequestID: RequestIDFrom(r.Context())}}
		writeJSON(w, r, http.StatusMethodNotAllowed, body)
	})).ServeHTTP(w, r)
}

// recoverPanics turns a panic in a handler into a logged internal error.
func (h *Handler) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(v) // the server's way to abort a response; let it through
				}
				h.writeError(w, r, panicError{v})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func seconds(d, def time.Duration) int {
	return int(durationOr(d, def) / time.Second)
}

func durationOr(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// routeMethods lists the methods the API's own routes serve at the request's
// path, rooted as in ServeHTTP; "" when none, as under a program's prefix.
func (h *Handler) routeMethods(r *http.Request) string {
	return matching(h.mux, r)
}

// allowed lists the methods the router serves at the request's path.
func allowed(r *http.Request) string {
	rctx := chi.RouteContext(r.Context())
	if rctx == nil || rctx.Routes == nil {
		return "GET, HEAD"
	}
	if ms := matching(rctx.Routes, r); ms != "" {
		return ms
	}
	return "GET, HEAD"
}

// matching lists the methods routes serve at the request's path; "" when
// none.
func matching(routes chi.Routes, r *http.Request) string {
	path := r.URL.RawPath
	if path == "" {
		path = r.URL.Path
	}
	var ms []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost,
		http.MethodPut, http.MethodDelete} {
		if routes.Match(chi.NewRouteContext(), m, path) {
			ms = append(ms, m)
		}
	}
	return strings.Join(ms, ", ")
}
