package rest

import (
	"context"
	"net/http"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Authenticator tells who makes a request, from its headers or cookies. It
// returns commerce.Anonymous when the request carries no credentials, and
// an error of kind commerce.KindUnauthenticated when they are bad.
type Authenticator func(r *http.Request) (commerce.Principal, error)

type principalKey struct{}

// WithPrincipal returns a copy of ctx that carries the principal.
func WithPrincipal(ctx context.Context, p commerce.Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal stored in ctx, or commerce.Anonymous.
func PrincipalFrom(ctx context.Context) commerce.Principal {
	if p, ok := ctx.Value(principalKey{}).(commerce.Principal); ok {
		return p
	}
	return commerce.Anonymous
}

// authenticate is middleware that runs the Authenticator, when there is
// one, and stores the principal in the context for the handlers. A request
// whose context already holds a principal keeps it, so that a program may
// authenticate in its own middleware instead.
func (h *Handler) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h.auth == nil {
			next.ServeHTTP(w, r)
			return
		}
		if _, ok := r.Context().Value(principalKey{}).(commerce.Principal); ok {
			next.ServeHTTP(w, r)
			return
		}
		p, err := h.auth(r)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
	})
}
