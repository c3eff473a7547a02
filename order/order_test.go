package order_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

var (
	ctx   = context.Background()
	alice = commerce.User(1, commerce.RoleCustomer)
	bob   = commerce.User(2, commerce.RoleCustomer)
	admin = commerce.User(3, commerce.RoleAdmin)
	now   = time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
)

func clp(n int64) commerce.Money { return commerce.FromMinor(n, commerce.CLP) }

// env is an order service over the in-memory store, with one product of
// 100 units in one warehouse.
type env struct {
	mem  *checkouttest.Memory
	svc  *order.Service
	wh   commerce.WarehouseID
	prod commerce.ProductID
	n    int
}

func newEnv(t *testing.T) *env {
	t.Helper()
	m := checkouttest.NewMemory()
	e := &env{mem: m, svc: order.NewService(m, order.Config{
		Clock: commerce.ClockFunc(func() time.Time { return now })}), wh: m.AddWarehouse(),
		prod: 1}
	m.SetLevels(inventory.Level{ProductID: e.prod, WarehouseID: e.wh, Quantity: 100})
	return e
}

// add stores an order of customer in a status, with 2 units reserved.
func (e *env) add(t *testing.T, customer commerce.UserID, st order.Status,
	total int64) order.Order {
	t.Helper()
	e.n++
	o := order.Order{Number: fmt.Sprintf("CL-2026-TEST-%04d", e.n), CustomerID: customer,
		Status: st, PaymentStatus: order.PaymentPending, Currency: commerce.CLP,
		Subtotal: clp(total), Discount: clp(0), Shipping: clp(0), Tax: clp(0), Total: clp(total),
		TaxInclusive: true, PaymentMethod: "bank_transfer", CreatedAt: now.Add(time.Duration(e.n)),
		ShippingAddress: order.Address{Street: "Calle 1", City: "Santiago", Country: "CL"},
		Allocations: []order.Allocation{{ProductID: e.prod, WarehouseID: e.wh, Quantity: 2,
			State: order.Reserved}}}
	err := e.mem.Atomically(ctx, func(ctx context.Context, tx checkout.Tx) error {
		if _, ok, err := tx.Reserve(ctx, o.Allocations[0]); !ok || err != nil {
			return fmt.Errorf("reserve: %v %w", ok, err)
		}
		return tx.CreateOrder(ctx, &o)
	})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func (e *env) reserved(t *testing.T) (quantity, reserved int) {
	t.Helper()
	ls, _ := e.mem.Levels(ctx, e.prod)
	return ls[0].Quantity, ls[0].Reserved
}

// TestEveryStatusPair moves an order from every status to every status:
// the moves of the state machine succeed, every other one is a conflict
// and changes nothing.
func TestEveryStatusPair(t *testing.T) {
	allowed := map[[2]order.Status]bool{
		{order.StatusPending, order.StatusConfirmed}:    true,
		{order.StatusPending, order.StatusCancelled}:    true,
		{order.StatusConfirmed, order.StatusProcessing}: true,
		{order.StatusConfirmed, order.StatusCancelled}:  true,
		{order.StatusProcessing, order.StatusShipped}:   true,
		{order.StatusProcessing, order.StatusCancelled}: true,
		{order.StatusShipped, order.StatusDelivered}:    true,
	}
	for _, from := range order.Statuses() {
		for _, to := range order.Statuses() {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				e := newEnv(t)
				o := e.add(t, alice.UserID, from, 1000)
				got, err := e.svc.SetStatus(ctx, admin, o.ID, to, "nota")
				if !allowed[[2]order.Status{from, to}] {
					if commerce.ErrorKind(err) != commerce.KindConflict {
						t.Fatalf("SetStatus = %v; want conflict", err)
					}
					if after, _ := e.mem.Order(ctx, o.ID); after.Status != from ||
						len(after.Timeline) != 0 {
						t.Errorf("a refused move changed the order: %+v", after)
					}
					return
				}
				if err != nil || got.Status != to {
					t.Fatalf("SetStatus = %s, %v; want %s", got.Status, err, to)
				}
				checkEffect(t, e, got, to)
			})
		}
	}
}

func checkEffect(t *testing.T, e *env, o order.Order, to order.Status) {
	t.Helper()
	last := o.Timeline[len(o.Timeline)-1]
	if last.To != string(to) || last.ActorID != admin.UserID || last.Note != "nota" ||
		!last.At.Equal(now) {
		t.Errorf("timeline entry = %+v; want to %s by the admin now", last, to)
	}
	q, r := e.reserved(t)
	switch to {
	case order.StatusCancelled:
		if r != 0 || q != 100 || o.Allocations[0].State != order.Released || o.CancelledAt == nil {
			t.Errorf("after cancel: %d/%d reserved, %s; want 100/0, released", q, r,
				o.Allocations[0].State)
		}
	case order.StatusShipped:
		if r != 0 || q != 98 || o.Allocations[0].State != order.Deducted || o.ShippedAt == nil {
			t.Errorf("after shipping: %d/%d reserved, %s; want 98/0, deducted", q, r,
				o.Allocations[0].State)
		}
	default:
		if r != 2 || q != 100 {
			t.Errorf("stock %d/%d reserved; want 100/2", q, r)
		}
	}
}

// TestEveryPaymentPair does the same for payment statuses.
func TestEveryPaymentPair(t *testing.T) {
	allowed := map[[2]order.PaymentStatus]bool{
		{order.PaymentPending, order.PaymentPaid}:   true,
		{order.PaymentPending, order.PaymentFailed}: true,
		{order.PaymentPaid, order.PaymentRefunded}:  true,
	}
	for _, from := range order.PaymentStatuses() {
		for _, to := range order.PaymentStatuses() {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				e := newEnv(t)
				o := e.add(t, alice.UserID, order.StatusProcessing, 1000)
				if from != order.PaymentPending {
					setPayment(t, e, o.ID, from)
				}
				got, err := e.svc.SetPayment(ctx, admin, o.ID, to, "REF", "")
				if !allowed[[2]order.PaymentStatus{from, to}] {
					if commerce.ErrorKind(err) != commerce.KindConflict {
						t.Fatalf("SetPayment = %v; want conflict", err)
					}
					return
				}
				if err != nil || got.PaymentStatus != to {
					t.Fatalf("SetPayment = %s, %v; want %s", got.PaymentStatus, err, to)
				}
			})
		}
	}
}

// setPayment forces a payment status as the store would after earlier
// changes.
func setPayment(t *testing.T, e *env, id commerce.OrderID, to order.PaymentStatus) {
	t.Helper()
	o, _ := e.mem.Order(ctx, id)
	err := e.mem.Apply(ctx, order.Transition{OrderID: id, Status: o.Status,
		PaymentStatus: o.PaymentStatus, NewStatus: o.Status, NewPaymentStatus: to, At: now})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPaymentMovesTheOrder(t *testing.T) {
	e := newEnv(t)
	paid := e.add(t, alice.UserID, order.StatusPending, 1000)
	got, err := e.svc.SetPayment(ctx, admin, paid.ID, order.PaymentPaid, "TRF-1", "")
	if err != nil || got.Status != order.StatusConfirmed || got.PaymentReference != "TRF-1" {
		t.Errorf("paid pending order = %s %q, %v; want confirmed TRF-1", got.Status,
			got.PaymentReference, err)
	}
	failed := e.add(t, alice.UserID, order.StatusPending, 1000)
	got, err = e.svc.SetPayment(ctx, commerce.System, failed.ID, order.PaymentFailed, "", "")
	if err != nil || got.Status != order.StatusCancelled || len(got.Active()) != 0 {
		t.Errorf("failed payment = %s, %v; want cancelled with stock released", got.Status, err)
	}
	if _, r := e.reserved(t); r != 2 {
		t.Errorf("reserved = %d; want only the paid order's 2", r)
	}
	if _, err := e.svc.SetPayment(ctx, alice, paid.ID, order.PaymentRefunded, "", ""); commerce.
		ErrorKind(err) != commerce.KindForbidden {
		t.Errorf("customer SetPayment = %v; want forbidden", err)
	}
	manager := commerce.User(9, commerce.RoleManager)
	if _, err := e.svc.SetPayment(ctx, manager, paid.ID, order.PaymentRefunded, "", ""); commerce.
		ErrorKind(err) != commerce.KindForbidden {
		t.Errorf("manager refund = %v; want forbidden: refunds stay with admins", err)
	}
	if got, err := e.svc.SetPayment(ctx, admin, paid.ID, order.PaymentRefunded, "", ""); err != nil ||
		got.PaymentStatus != order.PaymentRefunded {
		t.Errorf("admin refund = %s, %v; want refunded", got.PaymentStatus, err)
	}
}

func TestAccess(t *testing.T) {
	e := newEnv(t)
	o := e.add(t, alice.UserID, order.StatusPending, 1000)
	tests := []struct {
		name string
		p    commerce.Principal
		want commerce.Kind
	}{
		{"owner", alice, 0},
		{"staff", admin, 0},
		{"another customer", bob, commerce.KindNotFound},
		{"manager fulfils orders", commerce.User(9, commerce.RoleManager), 0},
		{"anonymous", commerce.Anonymous, commerce.KindUnauthenticated},
	}
	for _, tt := range tests {
		got, err := e.svc.Order(ctx, tt.p, o.ID)
		if tt.want == 0 && (err != nil || got.ID != o.ID) {
			t.Errorf("%s: Order = %v; want the order", tt.name, err)
		}
		if tt.want != 0 && commerce.ErrorKind(err) != tt.want {
			t.Errorf("%s: Order = %v; want %v", tt.name, err, tt.want)
		}
	}
	if _, err := e.svc.Order(ctx, bob, o.ID+999); commerce.ErrorKind(err) != commerce.KindNotFound {
		t.Errorf("missing order = %v; want not found", err)
	}
	if _, err := e.svc.Cancel(ctx, bob, o.ID, ""); commerce.ErrorKind(err) != commerce.KindNotFound {
		t.Errorf("stranger Cancel = %v; want not found", err)
	}
	if _, err := e.svc.SetStatus(ctx, alice, o.ID, order.StatusConfirmed, ""); commerce.
		ErrorKind(err) != commerce.KindForbidden {
		t.Errorf("customer SetStatus = %v; want forbidden", err)
	}
}

func TestOwnerCancel(t *testing.T) {
	e := newEnv(t)
	o := e.add(t, alice.UserID, order.StatusPending, 1000)
	got, err := e.svc.Cancel(ctx, alice, o.ID, "me arrepentí")
	if err != nil || got.Status != order.StatusCancelled || got.Timeline[0].ActorID != alice.UserID {
		t.Errorf("owner Cancel = %+v, %v; want cancelled by alice", got, err)
	}
	// Cancelling again says so, not that the order is under way.
	_, err = e.svc.Cancel(ctx, alice, o.ID, "")
	if commerce.ErrorKind(err) != commerce.KindConflict ||
		commerce.ErrorMessage(err) != "el pedido ya está cancelado" {
		t.Errorf("second owner Cancel = %v; want conflict \"el pedido ya está cancelado\"", err)
	}
	busy := e.add(t, alice.UserID, order.StatusProcessing, 1000)
	if _, err := e.svc.Cancel(ctx, alice, busy.ID, ""); commerce.ErrorKind(err) !=
		commerce.KindConflict {
		t.Errorf("owner Cancel of an order in progress = %v; want conflict", err)
	}
	if got, err := e.svc.Cancel(ctx, admin, busy.ID, ""); err != nil ||
		got.Status != order.StatusCancelled {
		t.Errorf("staff Cancel = %v; want cancelled", err)
	}
}

func TestHistoryAndSearch(t *testing.T) {
	e := newEnv(t)
	for i := range 5 {
		e.add(t, alice.UserID, order.StatusPending, int64(1000*(i+1)))
	}
	e.add(t, bob.UserID, order.StatusPending, 500)
	page, err := e.svc.History(ctx, alice, 2, 2)
	if err != nil || page.Total != 5 || page.Pages() != 3 || len(page.Orders) != 2 {
		t.Fatalf("History page 2 = %+v, %v; want 2 of 5", page, err)
	}
	if page.Orders[0].Total.Minor() != 3000 {
		t.Errorf("page 2 starts with %s; want the third newest, 3000", page.Orders[0].Total)
	}
	if _, err := e.svc.History(ctx, alice, 0, 101); commerce.ErrorKind(err) !=
		commerce.KindInvalid {
		t.Errorf("History(limit 101) = %v; want invalid", err)
	}
	if _, err := e.svc.Search(ctx, alice, order.Filter{}); commerce.ErrorKind(err) !=
		commerce.KindForbidden {
		t.Errorf("customer Search = %v; want forbidden", err)
	}
	all, err := e.svc.Search(ctx, admin, order.Filter{})
	if err != nil || all.Total != 6 {
		t.Errorf("Search = %d, %v; want 6", all.Total, err)
	}
	bad := order.Filter{Statuses: []order.Status{"lost"}}
	if f := fields(e.svc.Search(ctx, admin, bad)); f != "status" {
		t.Errorf("Search(lost) fields = %q; want status", f)
	}
}

func fields(_ order.Page, err error) string {
	var names []string
	for _, f := range commerce.ErrorFields(err) {
		names = append(names, f.Field)
	}
	return strings.Join(names, ",")
}

func TestExportCSV(t *testing.T) {
	e := newEnv(t)
	for range 3 {
		e.add(t, alice.UserID, order.StatusPending, 12990)
	}
	e.add(t, bob.UserID, order.StatusPending, 500)
	var buf bytes.Buffer
	if err := e.svc.ExportCSV(ctx, admin, order.Filter{}, &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 5 || rows[0][0] != "number" {
		t.Fatalf("CSV = %v, %v; want a header and 4 rows", rows, err)
	}
	if rows[2][12] != "12990" || rows[1][3] != "pending" {
		t.Errorf("row = %v; want total 12990 and status pending", rows[2])
	}
	if err := e.svc.ExportCSV(ctx, bob, order.Filter{}, &buf); commerce.ErrorKind(err) !=
		commerce.KindForbidden {
		t.Errorf("customer ExportCSV = %v; want forbidden", err)
	}
}

func TestNewNumber(t *testing.T) {
	n, err := order.NewNumber("CL", now, bytes.NewReader([]byte{0, 1, 2, 31, 32, 8, 9, 255}))
	if err != nil || n != "CL-2026-012Z-089Z" {
		t.Errorf("NewNumber = %q, %v; want CL-2026-012Z-089Z", n, err)
	}
	if _, err := order.NewNumber("CL", now, bytes.NewReader(nil)); err == nil {
		t.Error("NewNumber without randomness succeeded")
	}
}

func TestAddressNormalize(t *testing.T) {
	a := order.Address{Street: " Av. Brasil 10 ", City: "Valparaíso", Region: "valparaiso",
		Country: "Chile"}
	var bad commerce.Fields
	a.Normalize(&bad, "shipping_address.", "CL")
	if len(bad) != 0 || a.Country != "CL" || a.Region != "VS" || a.Street != "Av. Brasil 10" {
		t.Errorf("Normalize = %+v, %v; want CL, VS, trimmed", a, bad)
	}
	var missing commerce.Fields
	(&order.Address{Region: "Mendoza"}).Normalize(&missing, "shipping_address.", "CL")
	want := "shipping_address.street,shipping_address.city,shipping_address.region"
	if got := fields(order.Page{}, missing.Err("op")); got != want {
		t.Errorf("fields = %q; want %q", got, want)
	}
}
