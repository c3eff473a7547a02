package rest

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

// meRoutes adds the routes of the signed-in user's own account. Each hands
// the principal to the service, which checks that the account is theirs.
func (h *Handler) meRoutes(r chi.Router) {
	h.userRoutes(r, h.meUserRoutes)
}

func (h *Handler) meUserRoutes(r chi.Router) {
	get(r, "/me", h.me)
	r.Put("/me", h.updateMe)
	r.Delete("/me", h.eraseMe)
	r.Put("/me/password", h.changePassword)
	r.Post("/me/verify-email", h.requestVerification)
	get(r, "/me/export", h.exportMe)
	get(r, "/me/addresses", h.addresses)
	r.Post("/me/addresses", h.createAddress)
	get(r, "/me/addresses/{id}", h.address)
	r.Put("/me/addresses/{id}", h.updateAddress)
	r.Delete("/me/addresses/{id}", h.deleteAddress)
}

// userJSON is an account as its owner and staff see it.
type userJSON struct {
	ID            commerce.UserID `json:"id"`
	Email         string          `json:"email"`
	Name          string          `json:"name"`
	Phone         string          `json:"phone"`
	Role          commerce.Role   `json:"role"`
	EmailVerified bool            `json:"email_verified"`
	Active        bool            `json:"active"`
	CreatedAt     string          `json:"created_at"`
	UpdatedAt     string          `json:"updated_at"`
}

func toUserJSON(u customer.User) userJSON {
	const layout = "2006-01-02T15:04:05Z07:00"
	return userJSON{ID: u.ID, Email: u.Email, Name: u.Name, Phone: u.Phone, Role: u.Role,
		EmailVerified: u.EmailVerified, Active: u.Active,
		CreatedAt: u.CreatedAt.UTC().Format(layout), UpdatedAt: u.UpdatedAt.UTC().Format(layout)}
}

// writePrivate answers a read or write of personal data: never stored by
// any cache.
func writePrivate(w http.ResponseWriter, r *http.Request, code int, v any) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, code, v)
}

// self returns the signed-in user's id, or 401.
func self(r *http.Request) (commerce.UserID, error) {
	p := PrincipalFrom(r.Context())
	if p.UserID == 0 {
		return 0, commerce.Errorf(commerce.KindUnauthenticated, "rest.me", "debe iniciar sesión")
	}
	return p.UserID, nil
}

func (h *Handler) me(w http.ResponseWriter, r *http.Request) {
	id, err := self(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	u, err := h.accounts.Profile(r.Context(), PrincipalFrom(r.Context()), id)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePrivate(w, r, http.StatusOK, toUserJSON(u))
}

func (h *Handler) updateMe(w http.ResponseWriter, r *http.Request) {
	id, err := self(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var in customer.ProfileUpdate
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	u, err := h.accounts.UpdateProfile(r.Context(), PrincipalFrom(r.Context()), id, in)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePrivate(w, r, http.StatusOK, toUserJSON(u))
}

type passwordJSON struct {
	Password string `json:"password"`
}

// eraseMe serves DELETE /me: the owner confirms with the password.
func (h *Handler) eraseMe(w http.ResponseWriter, r *http.Request) {
	id, err := self(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var in passwordJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	if err := h.accounts.Erase(r.Context(), PrincipalFrom(r.Context()), id,
		in.Password); err != nil {
		h.writeError(w, r, err)
		return
	}
	if cookieMode(r) {
		setSessionCookies(w, "", "", -1)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}

type changePasswordJSON struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// changePassword serves PUT /me/password: every session ends and a new one
// starts for the caller.
func (h *Handler) changePassword(w http.ResponseWriter, r *http.Request) {
	var in changePasswordJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	s, err := h.accounts.ChangePassword(r.Context(), PrincipalFrom(r.Context()),
		in.CurrentPassword, in.NewPassword)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeSession(w, r, http.StatusOK, s)
}

func (h *Handler) requestVerification(w http.ResponseWriter, r *http.Request) {
	if err := h.accounts.RequestVerification(r.Context(), PrincipalFrom(r.Context())); err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, r, http.StatusAccepted, messageJSON{Message: "le enviamos un enlace de " +
		"verificación si su correo aún no está verificado"})
}

// exportMe serves GET /me/export: every personal datum, as a download.
func (h *Handler) exportMe(w http.ResponseWriter, r *http.Request) {
	id, err := self(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	e, err := h.accounts.Export(r.Context(), PrincipalFrom(r.Context()), id)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="mis-datos.json"`)
	writePrivate(w, r, http.StatusOK, e)
}

// addressJSON is what a client sends for an address; the owner comes from
// the session, never from the body.
type addressJSON struct {
	Label      string `json:"label"`
	Recipient  string `json:"recipient"`
	Phone      string `json:"phone"`
	Street     string `json:"street"`
	Details    string `json:"details"`
	Commune    string `json:"commune"`
	City       string `json:"city"`
	Region     string `json:"region"`
	PostalCode string `json:"postal_code"`
	Country    string `json:"country"`
	Default    bool   `json:"default"`
}

func (a addressJSON) address(user commerce.UserID, id customer.AddressID) customer.Address {
	return customer.Address{ID: id, UserID: user, Label: a.Label, Recipient: a.Recipient,
		Phone: a.Phone, Street: a.Street, Details: a.Details, Commune: a.Commune, City: a.City,
		Region: a.Region, PostalCode: a.PostalCode, Country: a.Country, Default: a.Default}
}

type addressesJSON struct {
	Data []customer.Address `json:"data"`
}

func (h *Handler) addresses(w http.ResponseWriter, r *http.Request) {
	id, err := self(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	as, err := h.accounts.Addresses(r.Context(), PrincipalFrom(r.Context()), id)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if as == nil {
		as = []customer.Address{}
	}
	writePrivate(w, r, http.StatusOK, addressesJSON{Data: as})
}

// addressID reads the {id} of an address route; anything but a positive
// integer names no address.
func addressID(r *http.Request) (customer.AddressID, error) {
	n, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || n <= 0 {
		return 0, commerce.NotFound("rest.address", "dirección")
	}
	return customer.AddressID(n), nil
}

// addressRef returns the signed-in user and the {id} of an address route.
func addressRef(r *http.Request) (commerce.UserID, customer.AddressID, error) {
	user, err := self(r)
	if err != nil {
		return 0, 0, err
	}
	id, err := addressID(r)
	return user, id, err
}

func (h *Handler) address(w http.ResponseWriter, r *http.Request) {
	user, id, err := addressRef(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	a, err := h.accounts.Address(r.Context(), PrincipalFrom(r.Context()), user, id)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePrivate(w, r, http.StatusOK, a)
}

func (h *Handler) createAddress(w http.ResponseWriter, r *http.Request) {
	user, err := self(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.saveAddress(w, r, user, 0)
}

func (h *Handler) updateAddress(w http.ResponseWriter, r *http.Request) {
	user, id, err := addressRef(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.saveAddress(w, r, user, id)
}

// saveAddress stores the address of the body as the user's address id, or
// as a new one when id is zero.
func (h *Handler) saveAddress(w http.ResponseWriter, r *http.Request, user commerce.UserID,
	id customer.AddressID) {
	var in addressJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	a, p, code := in.address(user, id), PrincipalFrom(r.Context()), http.StatusOK
	var err error
	if id == 0 {
		code, err = http.StatusCreated, h.accounts.CreateAddress(r.Context(), p, &a)
		w.Header().Set("Location", "/me/addresses/"+strconv.FormatInt(int64(a.ID), 10))
	} else {
		err = h.accounts.UpdateAddress(r.Context(), p, &a)
	}
	if err != nil {
		w.Header().Del("Location")
		h.writeError(w, r, err)
		return
	}
	writePrivate(w, r, code, a)
}

func (h *Handler) deleteAddress(w http.ResponseWriter, r *http.Request) {
	user, id, err := addressRef(r)
	if err == nil {
		err = h.accounts.DeleteAddress(r.Context(), PrincipalFrom(r.Context()), user, id)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
