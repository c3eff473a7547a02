package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

// orderMail sends the order confirmation when the outbox relay publishes
// order.created: number, lines, total and, while the payment is pending,
// the method's instructions (where to transfer). The relay delivers at
// least once; a marker file per order, taken before the mail is written,
// keeps a repeated event from mailing twice.
type orderMail struct {
	dir     string // <data>/mail, where the mails go
	orders  *order.Service
	email   func(ctx context.Context, id commerce.UserID) (to, name string, err error)
	methods func(method string) (display, instructions string)
	now     func() time.Time
}

// handle is the bus handler of order.created.
func (om *orderMail) handle(ctx context.Context, e commerce.Event) error {
	raw, ok := strings.CutPrefix(e.Key, "order:")
	id, err := strconv.ParseInt(raw, 10, 64)
	if !ok || err != nil {
		return fmt.Errorf("order mail: event key %q names no order", e.Key)
	}
	sent := filepath.Join(om.dir, "orders", raw+".sent")
	if err := os.MkdirAll(filepath.Dir(sent), 0o700); err != nil {
		return fmt.Errorf("order mail: %w", err)
	}
	f, err := os.OpenFile(filepath.Clean(sent), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil // mailed already
	}
	if err != nil {
		return fmt.Errorf("order mail: %w", err)
	}
	_ = f.Close()
	if err := om.send(ctx, commerce.OrderID(id)); err != nil {
		_ = os.Remove(sent) // the relay repeats the event: try again then
		return err
	}
	return nil
}

// send writes the confirmation of one order to a new file.
func (om *orderMail) send(ctx context.Context, id commerce.OrderID) error {
	o, err := om.orders.Order(ctx, commerce.System, id)
	if err != nil {
		return fmt.Errorf("order mail: %w", err)
	}
	to, name, err := om.email(ctx, o.CustomerID)
	if err != nil {
		return fmt.Errorf("order mail: order %s: %w", o.Number, err)
	}
	display, instructions := om.methods(o.PaymentMethod)
	if display == "" {
		display = o.PaymentMethod
	}
	var b strings.Builder
	fmt.Fprintf(&b, "To: %s\nSubject: Recibimos su pedido %s\nDate: %s\n\nHola %s:\n\n",
		to, o.Number, om.now().UTC().Format(time.RFC1123Z), name)
	fmt.Fprintf(&b, "Gracias por su compra. Su pedido %s:\n\n", o.Number)
	for _, l := range o.Lines {
		fmt.Fprintf(&b, "  %d × %s (%s): %s\n", l.Quantity, l.Name, l.SKU, l.Total.Format())
	}
	fmt.Fprintf(&b, "\nEnvío: %s\nTotal: %s\nMedio de pago: %s\n", o.Shipping.Format(),
		o.Total.Format(), display)
	if o.PaymentStatus == order.PaymentPending && instructions != "" {
		fmt.Fprintf(&b, "\n%s\n", instructions)
	}
	file := strconv.FormatInt(om.now().UnixNano(), 10) + "-order-" + o.Number + ".txt"
	if err := os.WriteFile(filepath.Join(om.dir, file), []byte(b.String()), 0o600); err != nil {
		return fmt.Errorf("order mail: %w", err)
	}
	return nil
}

// openOrderMail subscribes the order confirmation mail to order.created,
// when the shop and accounts are on.
func (m *Main) openOrderMail() {
	if m.orders == nil || m.accounts == nil {
		return
	}
	om := &orderMail{dir: filepath.Join(m.Config.DataDir, "mail"), orders: m.orders,
		now: time.Now,
		email: func(ctx context.Context, id commerce.UserID) (string, string, error) {
			u, err := m.accounts.service.Profile(ctx, commerce.System, id)
			return u.Email, u.Name, err
		},
		methods: func(method string) (string, string) {
			if m.gateways == nil {
				return "", ""
			}
			g, ok := m.gateways.Gateway(method)
			if !ok {
				return "", ""
			}
			d := g.Describe()
			return d.DisplayName, d.Instructions
		}}
	m.events.Subscribe(order.EventCreated, om.handle)
}
