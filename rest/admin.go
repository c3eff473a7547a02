package rest

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

// adminRoutes adds the user administration. The group they are in admits
// only staff; the services check the exact permission (users:manage,
// roles:manage) and write the audit log.
func (h *Handler) adminRoutes(r chi.Router) {
	get(r, "/admin/users", h.listUsers)
	get(r, "/admin/users/{id}", h.adminUser)
	r.Put("/admin/users/{id}/role", h.setRole)
	r.Put("/admin/users/{id}/active", h.setActive)
	get(r, "/admin/audit", h.auditLog)
}

var userListParams = map[string]int{"q": 100, "role": 20, "active": 10, "page": 20,
	"limit": 20}

type usersPageJSON struct {
	Data       []userJSON     `json:"data"`
	Pagination paginationJSON `json:"pagination"`
}

// listUsers serves GET /admin/users?q=&role=&active=&page=&limit=.
func (h *Handler) listUsers(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r.URL.RawQuery, userListParams)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	page := p.int("page", 1, 1_000_000, 1)
	limit := p.int("limit", 1, customer.MaxPageSize, customer.DefaultPageSize)
	q := customer.UserQuery{Search: p.text("q"), Role: commerce.Role(p.text("role")),
		Active: p.bool("active"), Offset: (page - 1) * limit, Limit: limit}
	if err := p.err(); err != nil {
		h.writeError(w, r, err)
		return
	}
	res, err := h.accounts.ListUsers(r.Context(), PrincipalFrom(r.Context()), q)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	out := usersPageJSON{Data: make([]userJSON, 0, len(res.Items)),
		Pagination: pagination(page, limit, res.Total)}
	for _, u := range res.Items {
		out.Data = append(out.Data, toUserJSON(u))
	}
	writePrivate(w, r, http.StatusOK, out)
}

func pagination(page, limit, total int) paginationJSON {
	return paginationJSON{Page: page, Limit: limit, Total: total,
		Pages: (total + limit - 1) / limit}
}

// userID reads the {id} of a user route; anything but a positive integer
// names no user.
func userID(r *http.Request) (commerce.UserID, error) {
	n, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || n <= 0 {
		return 0, commerce.NotFound("rest.user", "usuario")
	}
	return commerce.UserID(n), nil
}

func (h *Handler) adminUser(w http.ResponseWriter, r *http.Request) {
	id, err := userID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	p := PrincipalFrom(r.Context())
	if err := p.Require("rest.admin user", commerce.PermUsersManage); err != nil {
		h.writeError(w, r, err)
		return
	}
	u, err := h.accounts.Profile(r.Context(), p, id)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePrivate(w, r, http.StatusOK, toUserJSON(u))
}

type roleJSON struct {
	Role commerce.Role `json:"role"`
}

// setRole serves PUT /admin/users/{id}/role (super admins; audited).
func (h *Handler) setRole(w http.ResponseWriter, r *http.Request) {
	id, err := userID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var in roleJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	u, err := h.accounts.SetRole(r.Context(), PrincipalFrom(r.Context()), id, in.Role)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePrivate(w, r, http.StatusOK, toUserJSON(u))
}

type activeJSON struct {
	Active *bool `json:"active"`
}

// setActive serves PUT /admin/users/{id}/active (admins; audited).
func (h *Handler) setActive(w http.ResponseWriter, r *http.Request) {
	id, err := userID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var in activeJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	if in.Active == nil {
		h.writeError(w, r, commerce.Invalid("rest.set active", commerce.FieldError{
			Field: "active", Message: "es obligatorio: true o false"}))
		return
	}
	u, err := h.accounts.SetActive(r.Context(), PrincipalFrom(r.Context()), id, *in.Active)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePrivate(w, r, http.StatusOK, toUserJSON(u))
}

var auditParams = map[string]int{"user_id": 20, "page": 20, "limit": 20, "kind": 10,
	"actor_id": 20, "action": 50, "target_type": 30, "target_id": 20, "from": 40, "to": 40}

type auditPageJSON struct {
	Data       []customer.AuditEntry `json:"data"`
	Pagination paginationJSON        `json:"pagination"`
}

// auditLog serves GET /admin/audit?user_id=&page=&limit=, the account
// audit log, and GET /admin/audit?kind=staff&... the staff audit trail.
func (h *Handler) auditLog(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r.URL.RawQuery, auditParams)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if p.oneOf("kind", "account", "debe ser account o staff", "account", "staff") == "staff" {
		h.staffAuditLog(w, r, p)
		return
	}
	page := p.int("page", 1, 1_000_000, 1)
	limit := p.int("limit", 1, customer.MaxPageSize, customer.DefaultPageSize)
	subject := p.int("user_id", 1, 1<<62, 0)
	if err := p.err(); err != nil {
		h.writeError(w, r, err)
		return
	}
	res, err := h.accounts.AuditLog(r.Context(), PrincipalFrom(r.Context()),
		customer.AuditQuery{SubjectID: commerce.UserID(subject), Offset: (page - 1) * limit,
			Limit: limit})
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if res.Items == nil {
		res.Items = []customer.AuditEntry{}
	}
	writePrivate(w, r, http.StatusOK, auditPageJSON{Data: res.Items,
		Pagination: pagination(page, limit, res.Total)})
}
