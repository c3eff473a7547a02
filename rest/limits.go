package rest

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/ratelimit"
)

type clientIPKey struct{}

// ClientIPFrom returns the client address the Handler stored in ctx, or "".
func ClientIPFrom(ctx context.Context) string {
	ip, _ := ctx.Value(clientIPKey{}).(string)
	return ip
}

// origin is middleware that stores the client's address in the context and
// the request's origin (address and id) where security events find it.
func (h *Handler) origin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip := h.clientIP(r)
		ctx := context.WithValue(r.Context(), clientIPKey{}, ip)
		ctx = auth.WithOrigin(ctx, auth.Origin{IP: ip, RequestID: RequestIDFrom(ctx)})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// limitScope says what one limit counts by.
type limitScope int

const (
	perIP   limitScope = iota // the client's address
	perUser                   // the signed-in user, or the address when anonymous
)

// limit is middleware that counts requests under the named limit and
// answers 429 with Retry-After past it. A limiter that fails lets the
// request through and logs: the limits shield the service, and an outage
// of their store must not become an outage of the shop.
func (h *Handler) limit(name string, l ratelimit.Limit,
	scope limitScope) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		if h.limiter == nil || l.Unlimited() {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if counted(r.Context(), name) {
				next.ServeHTTP(w, r)
				return
			}
			r = r.WithContext(context.WithValue(r.Context(), countedKey{name}, true))
			key := name + ":ip:" + ClientIPFrom(r.Context())
			if p := PrincipalFrom(r.Context()); scope == perUser && p.UserID != 0 {
				key = name + ":user:" + strconv.FormatInt(int64(p.UserID), 10)
			}
			d, err := h.limiter.Allow(r.Context(), key, l)
			if err != nil {
				h.logLimiter(r.Context(), name, err)
				next.ServeHTTP(w, r)
				return
			}
			w.Header().Set("RateLimit-Policy", strconv.Itoa(l.Count)+";w="+
				strconv.Itoa(int(l.Period.Seconds())))
			if err := d.Err("rest." + name); err != nil {
				h.writeError(w, r, err)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// countedKey marks a request already counted under the named limit, so
// that a route reached through two groups that both apply it counts once.
type countedKey struct{ name string }

func counted(ctx context.Context, name string) bool {
	v, _ := ctx.Value(countedKey{name}).(bool)
	return v
}

// limitAdmin counts every request under /admin, whatever group serves it
// (accounts, orders, refunds), under the admin limit per user. The staff
// routes outside /admin (catalog writes, stock) count in their group.
func (h *Handler) limitAdmin(next http.Handler) http.Handler {
	limited := h.limit("admin", h.limits.Admin, perUser)(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/admin" || strings.HasPrefix(r.URL.Path, "/admin/") {
			limited.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limitSearch counts full-text searches under the search limit: any path
// under /search and the product listing with a search term.
func (h *Handler) limitSearch(next http.Handler) http.Handler {
	limited := h.limit("search", h.limits.Search, perUser)(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.Path
		if strings.HasPrefix(path, "/search") ||
			path == "/products" && strings.Contains(r.URL.RawQuery, "search=") {
			limited.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *Handler) logLimiter(ctx context.Context, name string, err error) {
	if h.log == nil {
		return
	}
	h.log.LogAttrs(ctx, slog.LevelError, "rest: rate limiter failed; request let through",
		slog.String("limit", name), slog.String("request_id", RequestIDFrom(ctx)),
		slog.String("err", err.Error()))
}
