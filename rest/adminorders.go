package rest

import (
	"net/http"
	"strings"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

// adminOrderParams are the parameters of GET /admin/orders.
var adminOrderParams = map[string]int{
	"status": 200, "payment_status": 200, "from": 40, "to": 40, "customer": 20,
	"total_min": 30, "total_max": 30, "number": 40, "q": 40, "page": 20, "limit": 20, "format": 10,
}

// adminOrders serves GET /admin/orders for staff: every customer's orders,
// filtered, a page at a time, or all of them as CSV with format=csv.
func (h *Handler) adminOrders(w http.ResponseWriter, r *http.Request) {
	f, format, err := readOrderFilter(r.URL.RawQuery)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if format == "csv" {
		h.exportOrders(w, r, f)
		return
	}
	page, err := h.orders.Search(r.Context(), PrincipalFrom(r.Context()), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writePrivate(w, r, orderPage(page))
}

// adminOrdersCSV serves GET /admin/orders.csv, the same as format=csv.
func (h *Handler) adminOrdersCSV(w http.ResponseWriter, r *http.Request) {
	f, format, err := readOrderFilter(r.URL.RawQuery)
	if err == nil && format == "json" {
		err = malformed(commerce.FieldError{Field: "format", Message: "esta ruta da CSV"})
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.exportOrders(w, r, f)
}

// exportOrders streams the CSV. The filter and the permission are checked
// first, with a one-order search, so that an error still gets its JSON
// status; a failure in the middle of the stream can only cut it short.
func (h *Handler) exportOrders(w http.ResponseWriter, r *http.Request, f order.Filter) {
	p := PrincipalFrom(r.Context())
	probe := f
	probe.Page, probe.Limit = 1, 1
	if _, err := h.orders.Search(r.Context(), p, probe); err != nil {
		h.writeError(w, r, err)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "text/csv; charset=utf-8")
	hdr.Set("Content-Disposition", `attachment; filename="pedidos-`+
		time.Now().UTC().Format("20060102")+`.csv"`)
	hdr.Set("Cache-Control", "private, no-store")
	hdr.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	if err := h.orders.ExportCSV(r.Context(), p, f, w); err != nil {
		h.logInternal(r.Context(), err)
	}
}

// readOrderFilter reads the query of GET /admin/orders, naming every bad
// field. Dates are YYYY-MM-DD (UTC days, to inclusive) or RFC 3339 times.
func readOrderFilter(rawQuery string) (order.Filter, string, error) {
	p, err := readParams(rawQuery, adminOrderParams)
	if err != nil {
		return order.Filter{}, "", err
	}
	f := order.Filter{
		Page:     p.int("page", 1, 1_000_000, 1),
		Limit:    p.int("limit", 1, order.MaxPageSize, 20),
		TotalMin: p.amount("total_min"),
		TotalMax: p.amount("total_max"),
		Number:   p.text("number"), // q is the same, as the admin's search box sends it
		From:     p.date("from", false),
		To:       p.date("to", true),
	}
	if f.Number == "" {
		f.Number = p.text("q")
	}
	for _, s := range p.list("status") {
		st := order.Status(s)
		p.bad.Check(st.Valid(), "status", "estado desconocido: "+s)
		f.Statuses = append(f.Statuses, st)
	}
	for _, s := range p.list("payment_status") {
		st := order.PaymentStatus(s)
		p.bad.Check(st.Valid(), "payment_status", "estado de pago desconocido: "+s)
		f.PaymentStatuses = append(f.PaymentStatuses, st)
	}
	if c := p.int("customer", 1, 1<<62, 0); c > 0 {
		f.CustomerID = commerce.UserID(c)
	}
	if f.TotalMin != nil && f.TotalMax != nil && f.TotalMin.GreaterThan(*f.TotalMax) {
		p.bad.Add("total_max", "debe ser mayor o igual que total_min")
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		p.bad.Add("to", "debe ser posterior a from")
	}
	format := p.oneOf("format", "", "debe ser json o csv", "json", "csv")
	return f, format, p.err()
}

// list reads a comma-separated list; nil when absent.
func (p *params) list(name string) []string {
	s, ok := p.values[name]
	if !ok {
		return nil
	}
	var out []string
	for v := range strings.SplitSeq(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// date reads YYYY-MM-DD as the start of that UTC day, or the start of the
// next one when end is set (so that to=2026-03-31 takes the whole day in),
// or an RFC 3339 time as it is; the zero time when absent.
func (p *params) date(name string, end bool) time.Time {
	s, ok := p.values[name]
	if !ok {
		return time.Time{}
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		if end {
			d = d.AddDate(0, 0, 1)
		}
		return d
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	p.bad.Add(name, "debe ser una fecha AAAA-MM-DD o una hora RFC 3339")
	return time.Time{}
}
