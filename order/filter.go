package order

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Filter is an order listing as staff ask for it.
type Filter struct {
	Statuses        []Status
	PaymentStatuses []PaymentStatus
	From            time.Time // created at or after
	To              time.Time // created before
	CustomerID      commerce.UserID
	TotalMin        *decimal.Decimal
	TotalMax        *decimal.Decimal
	Number          string
	Page            int // from 1; 1 when zero
	Limit           int // 1 to MaxPageSize; 20 when zero
}

func (f Filter) query(op string) (Query, error) {
	if f.Page == 0 {
		f.Page = 1
	}
	if f.Limit == 0 {
		f.Limit = 20
	}
	var bad commerce.Fields
	bad.Between("page", f.Page, 1, 1_000_000)
	bad.Between("limit", f.Limit, 1, MaxPageSize)
	for _, st := range f.Statuses {
		bad.Check(st.Valid(), "status", "estado desconocido: "+string(st))
	}
	for _, st := range f.PaymentStatuses {
		bad.Check(st.Valid(), "payment_status", "estado de pago desconocido: "+string(st))
	}
	bad.Check(f.From.IsZero() || f.To.IsZero() || f.From.Before(f.To), "to",
		"debe ser posterior a from")
	bad.Check(f.TotalMin == nil || !f.TotalMin.IsNegative(), "total_min", "no puede ser negativo")
	bad.Check(f.TotalMin == nil || f.TotalMax == nil || !f.TotalMin.GreaterThan(*f.TotalMax),
		"total_max", "debe ser mayor o igual que total_min")
	if err := bad.Err(op); err != nil {
		return Query{}, err
	}
	return Query{CustomerID: f.CustomerID, Statuses: f.Statuses,
		PaymentStatuses: f.PaymentStatuses, From: f.From, To: f.To, TotalMin: f.TotalMin,
		TotalMax: f.TotalMax, Number: strings.TrimSpace(f.Number),
		Offset: (f.Page - 1) * f.Limit, Limit: f.Limit}, nil
}

// Search returns one page of every customer's orders matching f, newest
// first, for staff holding commerce.PermOrdersManage. It returns
// KindUnauthenticated, KindForbidden and KindInvalid naming the field.
func (s *Service) Search(ctx context.Context, p commerce.Principal, f Filter) (Page, error) {
	const op = "order.search"
	if err := p.Require(op, commerce.PermOrdersManage); err != nil {
		return Page{}, err
	}
	return s.list(ctx, op, f, 0)
}

// csvHeader names the columns ExportCSV writes.
var csvHeader = []string{"number", "created_at", "customer_id", "status", "payment_status",
	"payment_method", "shipping_method", "currency", "subtotal", "discount", "shipping", "tax",
	"total", "city", "region", "country"}

// ExportCSV writes every order matching f (its Page and Limit are ignored)
// to w as CSV with a header, newest first, for staff holding
// commerce.PermOrdersManage. Times are UTC in RFC 3339; amounts are plain
// decimals. It returns the errors of Search and those of w.
func (s *Service) ExportCSV(ctx context.Context, p commerce.Principal, f Filter,
	w io.Writer) error {
	const op = "order.export"
	if err := p.Require(op, commerce.PermOrdersManage); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	f.Limit = MaxPageSize
	for f.Page = 1; ; f.Page++ {
		page, err := s.list(ctx, op, f, 0)
		if err != nil {
			return err
		}
		for _, o := range page.Orders {
			if err := cw.Write(csvRow(o)); err != nil {
				return fmt.Errorf("%s: %w", op, err)
			}
		}
		if f.Page >= page.Pages() {
			break
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(o Order) []string {
	a := o.ShippingAddress
	return []string{o.Number, o.CreatedAt.UTC().Format(time.RFC3339),
		strconv.FormatInt(int64(o.CustomerID), 10), string(o.Status), string(o.PaymentStatus),
		cell(o.PaymentMethod), cell(o.ShippingMethod), string(o.Currency), amount(o.Subtotal),
		amount(o.Discount), amount(o.Shipping), amount(o.Tax), amount(o.Total), cell(a.City),
		cell(a.Region), cell(a.Country)}
}

func amount(m commerce.Money) string {
	return m.Amount().StringFixed(m.Currency().MinorUnits())
}

// cell defuses text a spreadsheet would run as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
