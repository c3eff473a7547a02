package rest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

// EventStaffWrite is the event of every change staff make through the API
// (catalog, stock, users): its Data is a StaffWrite. The server keeps these
// as its audit trail; stock adjustments and account changes are also
// stored by their services with actor and reason.
const EventStaffWrite = "audit.staff_write"

// StaffWrite records one successful change by a staff member.
type StaffWrite struct {
	ActorID   commerce.UserID   `json:"actor_id"`
	Role      commerce.Role     `json:"role"`
	Method    string            `json:"method"`
	Route     string            `json:"route"`  // the pattern, such as /products/{id}
	Params    map[string]string `json:"params"` // the route's ids
	Status    int               `json:"status"`
	IP        string            `json:"ip"`
	RequestID string            `json:"request_id"`
}

// codeWriter remembers the status of a response.
type codeWriter struct {
	http.ResponseWriter
	code int
}

func (w *codeWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *codeWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(p)
}

// auditWrites is middleware that announces every staff write that
// succeeded as an EventStaffWrite. Reads and refusals are not announced;
// refusals are security events of their own.
func (h *Handler) auditWrites(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		cw := &codeWriter{ResponseWriter: w}
		r = r.WithContext(commerce.WithAuditOrigin(r.Context(), RequestIDFrom(r.Context()),
			ClientIPFrom(r.Context())))
		next.ServeHTTP(cw, r)
		if cw.code < 200 || cw.code > 299 {
			return
		}
		p := PrincipalFrom(r.Context())
		rctx := chi.RouteContext(r.Context())
		e := StaffWrite{ActorID: p.UserID, Role: p.Role, Method: r.Method, Status: cw.code,
			IP: ClientIPFrom(r.Context()), RequestID: RequestIDFrom(r.Context()),
			Params: map[string]string{}}
		if rctx != nil {
			e.Route = rctx.RoutePattern()
			for i, k := range rctx.URLParams.Keys {
				e.Params[k] = rctx.URLParams.Values[i]
			}
		}
		err := h.events.Publish(r.Context(), commerce.Event{Name: EventStaffWrite,
			Key: "user:" + strconv.FormatInt(int64(p.UserID), 10), At: time.Now().UTC(),
			Data: e})
		if err != nil {
			h.logInternal(r.Context(), err)
		}
	})
}

type staffAuditPageJSON struct {
	Data       []commerce.StaffAudit `json:"data"`
	Pagination paginationJSON        `json:"pagination"`
}

// staffAuditLog serves GET /admin/audit?kind=staff&actor_id=&action=
// &target_type=&target_id=&from=&to=&page=&limit=.
func (h *Handler) staffAuditLog(w http.ResponseWriter, r *http.Request, p *params) {
	page := p.int("page", 1, 1_000_000, 1)
	limit := p.int("limit", 1, customer.MaxPageSize, customer.DefaultPageSize)
	q := commerce.StaffAuditQuery{ActorID: commerce.UserID(p.int("actor_id", 1, 1<<62, 0)),
		Action: p.text("action"), TargetType: p.text("target_type"),
		TargetID: int64(p.int("target_id", 1, 1<<62, 0)), From: p.date("from", false),
		To: p.date("to", true), Offset: (page - 1) * limit, Limit: limit}
	if err := p.err(); err != nil {
		h.writeError(w, r, err)
		return
	}
	res, err := h.accounts.StaffAuditLog(r.Context(), PrincipalFrom(r.Context()), q)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if res.Items == nil {
		res.Items = []commerce.StaffAudit{}
	}
	writePrivate(w, r, http.StatusOK, staffAuditPageJSON{Data: res.Items,
		Pagination: pagination(page, limit, res.Total)})
}
