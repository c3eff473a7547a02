package rest

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// signedIn is middleware for the routes that need a user: a request
// without one gets 401 before its body or parameters are read, so that an
// anonymous caller learns that it must sign in, not what its body lacks.
// The services check again; this only orders the answers.
func (h *Handler) signedIn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !PrincipalFrom(r.Context()).Authenticated() {
			h.writeError(w, r, commerce.Errorf(commerce.KindUnauthenticated, "rest.signed in",
				"debe iniciar sesión"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// userRoutes runs fn on a group of r whose routes all need a user.
func (h *Handler) userRoutes(r chi.Router, fn func(r chi.Router)) {
	r.Group(func(r chi.Router) {
		r.Use(h.signedIn)
		fn(r)
	})
}
