package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

const orderCols = `id, number, customer_id, status, payment_status, currency, subtotal,
	discount, shipping, shipping_tax, tax, tax_inclusive, total, shipping_method,
	payment_method, payment_reference, shipping_address, billing_address, notes,
	idempotency_key, reserved_until, shipped_at, delivered_at, cancelled_at, created_at,
	updated_at`

type orderRow struct {
	ID               int64           `db:"id"`
	Number           string          `db:"number"`
	CustomerID       int64           `db:"customer_id"`
	Status           string          `db:"status"`
	PaymentStatus    string          `db:"payment_status"`
	Currency         string          `db:"currency"`
	Subtotal         decimal.Decimal `db:"subtotal"`
	Discount         decimal.Decimal `db:"discount"`
	Shipping         decimal.Decimal `db:"shipping"`
	ShippingTax      decimal.Decimal `db:"shipping_tax"`
	Tax              decimal.Decimal `db:"tax"`
	TaxInclusive     bool            `db:"tax_inclusive"`
	Total            decimal.Decimal `db:"total"`
	ShippingMethod   string          `db:"shipping_method"`
	PaymentMethod    string          `db:"payment_method"`
	PaymentReference string          `db:"payment_reference"`
	ShippingAddress  []byte          `db:"shipping_address"`
	BillingAddress   []byte          `db:"billing_address"`
	Notes            string          `db:"notes"`
	IdempotencyKey   sql.NullString  `db:"idempotency_key"`
	ReservedUntil    sql.NullTime    `db:"reserved_until"`
	ShippedAt        sql.NullTime    `db:"shipped_at"`
	DeliveredAt      sql.NullTime    `db:"delivered_at"`
	CancelledAt      sql.NullTime    `db:"cancelled_at"`
	CreatedAt        time.Time       `db:"created_at"`
	UpdatedAt        time.Time       `db:"updated_at"`
}

func (r orderRow) order() (order.Order, error) {
	cur := commerce.Currency(strings.TrimSpace(r.Currency))
	o := order.Order{ID: commerce.OrderID(r.ID), Number: r.Number,
		CustomerID: commerce.UserID(r.CustomerID), Status: order.Status(r.Status),
		PaymentStatus: order.PaymentStatus(r.PaymentStatus), Currency: cur,
		Subtotal: money(r.Subtotal, cur), Discount: money(r.Discount, cur),
		Shipping: money(r.Shipping, cur), ShippingTax: money(r.ShippingTax, cur),
		Tax: money(r.Tax, cur), TaxInclusive: r.TaxInclusive, Total: money(r.Total, cur),
		ShippingMethod: r.ShippingMethod, PaymentMethod: r.PaymentMethod,
		PaymentReference: r.PaymentReference, Notes: r.Notes,
		IdempotencyKey: r.IdempotencyKey.String, ReservedUntil: r.ReservedUntil.Time,
		ShippedAt: nullTime(r.ShippedAt), DeliveredAt: nullTime(r.DeliveredAt),
		CancelledAt: nullTime(r.CancelledAt), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if err := json.Unmarshal(r.ShippingAddress, &o.ShippingAddress); err != nil {
		return o, fmt.Errorf("order %d shipping address: %w", r.ID, err)
	}
	if len(r.BillingAddress) > 0 {
		o.BillingAddress = new(order.Address)
		if err := json.Unmarshal(r.BillingAddress, o.BillingAddress); err != nil {
			return o, fmt.Errorf("order %d billing address: %w", r.ID, err)
		}
	}
	return o, nil
}

func nullTime(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	return &t.Time
}

// timeValue stores the zero time as NULL and any other in UTC.
func timeValue(t time.Time) sql.NullTime {
	return sql.NullTime{Time: utc(t), Valid: !t.IsZero()}
}

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// createOrder inserts an order with its lines, allocations and timeline and
// sets their ids. A taken number or idempotency key is an error wrapping
// order.ErrNumberTaken or order.ErrKeyTaken.
func (db *DB) createOrder(ctx context.Context, tx *sqlx.Tx, o *order.Order) error {
	const op = "create order"
	ship, err := json.Marshal(o.ShippingAddress)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	var bill []byte
	if o.BillingAddress != nil {
		if bill, err = json.Marshal(o.BillingAddress); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	id, err := insertID(ctx, tx, "orders", []string{"number", "customer_id", "status",
		"payment_status", "currency", "subtotal", "discount", "shipping", "shipping_tax", "tax",
		"tax_inclusive", "total", "shipping_method", "payment_method", "payment_reference",
		"shipping_address", "billing_address", "notes", "idempotency_key", "reserved_until",
		"created_at", "updated_at"}, o.Number, o.CustomerID, string(o.Status),
		string(o.PaymentStatus), string(o.Currency), o.Subtotal.Amount(), o.Discount.Amount(),
		o.Shipping.Amount(), o.ShippingTax.Amount(), o.Tax.Amount(), o.TaxInclusive,
		o.Total.Amount(), o.ShippingMethod, o.PaymentMethod, o.PaymentReference, string(ship),
		nullBytes(bill), o.Notes, nullString(o.IdempotencyKey), timeValue(o.ReservedUntil),
		utc(o.CreatedAt), utc(o.UpdatedAt))
	if err != nil {
		return db.orderError(op, err)
	}
	lineIDs := make([]int64, len(o.Lines))
	for i, l := range o.Lines {
		lineIDs[i], err = insertID(ctx, tx, "order_lines", []string{"order_id", "position",
			"product_id", "variant_id", "name", "sku", "quantity", "unit_price", "amount",
			"discount", "tax_rate", "tax", "total"}, id, i, l.ProductID, nullID(l.VariantID),
			l.Name, l.SKU, l.Quantity, l.UnitPrice.Amount(), l.Amount.Amount(),
			l.Discount.Amount(), l.TaxRate, l.Tax.Amount(), l.Total.Amount())
		if err != nil {
			return fmt.Errorf("%s: line %d: %w", op, i, err)
		}
	}
	allocs := make([][]any, len(o.Allocations))
	for i, a := range o.Allocations {
		allocs[i] = []any{id, a.ProductID, nullID(a.VariantID), a.WarehouseID, a.Quantity,
			string(a.State)}
	}
	err = insertRows(ctx, tx, "order_allocations", []string{"order_id", "product_id",
		"variant_id", "warehouse_id", "quantity", "state"}, allocs, "")
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	entryIDs, err := insertEntries(ctx, tx, id, o.Timeline)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	o.ID = commerce.OrderID(id)
	for i := range o.Lines {
		o.Lines[i].ID = lineIDs[i]
	}
	for i := range o.Timeline {
		o.Timeline[i].ID = entryIDs[i]
	}
	return nil
}

// orderError tells a taken order number and a taken idempotency key from
// other failures.
func (db *DB) orderError(op string, err error) error {
	v, name := db.dialect.Classify(err)
	switch {
	case v == Unique && strings.Contains(name, "number"):
		return fmt.Errorf("%s: %w", op, order.ErrNumberTaken)
	case v == Unique && (strings.Contains(name, "idempotency_key") ||
		strings.Contains(name, "customer_key")):
		return fmt.Errorf("%s: %w", op, order.ErrKeyTaken)
	}
	return fmt.Errorf("%s: %w", op, err)
}

func nullBytes(b []byte) sql.NullString {
	return sql.NullString{String: string(b), Valid: b != nil}
}

// insertID inserts one row and returns its id.
func insertID(ctx context.Context, x sqlx.ExecerContext, table string, cols []string,
	vals ...any) (int64, error) {
	res, err := x.ExecContext(ctx, "INSERT INTO "+table+" ("+strings.Join(cols, ", ")+
		") VALUES ("+marks(len(vals))+")", vals...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// insertEntries appends timeline entries to an order and returns their ids.
func insertEntries(ctx context.Context, x sqlx.ExecerContext, orderID int64,
	es []order.Entry) ([]int64, error) {
	ids := make([]int64, len(es))
	for i, e := range es {
		var err error
		ids[i], err = insertID(ctx, x, "order_timeline", []string{"order_id", "kind",
			"from_status", "to_status", "actor_id", "note", "created_at"}, orderID,
			string(e.Kind), e.From, e.To, nullID(e.ActorID), e.Note, utc(e.At))
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
	}
	return ids, nil
}

// Order returns an order with its lines, allocations and timeline. It
// returns KindNotFound.
func (db *DB) Order(ctx context.Context, id commerce.OrderID) (order.Order, error) {
	return db.orderWhere(ctx, "order", "id = ?", id)
}

// OrderByKey returns the order a customer placed with an idempotency key.
// It returns KindNotFound.
func (db *DB) OrderByKey(ctx context.Context, customer commerce.UserID,
	key string) (order.Order, error) {
	if key == "" {
		return order.Order{}, commerce.NotFound("order by key", "pedido")
	}
	return db.orderWhere(ctx, "order by key", "customer_id = ? AND idempotency_key = ?",
		customer, key)
}

func (db *DB) orderWhere(ctx context.Context, op, where string, args ...any) (order.Order,
	error) {
	var r orderRow
	err := db.read.GetContext(ctx, &r, "SELECT "+orderCols+" FROM orders WHERE "+where, args...)
	if err != nil {
		return order.Order{}, readError(op, "pedido", err)
	}
	o, err := r.order()
	if err != nil {
		return o, fmt.Errorf("%s: %w", op, err)
	}
	if err := readOrderChildren(ctx, db.read, &o); err != nil {
		return o, fmt.Errorf("%s: %w", op, err)
	}
	return o, nil
}

type lineRow struct {
	ID        int64           `db:"id"`
	ProductID int64           `db:"product_id"`
	VariantID sql.NullInt64   `db:"variant_id"`
	Name      string          `db:"name"`
	SKU       string          `db:"sku"`
	Quantity  int             `db:"quantity"`
	UnitPrice decimal.Decimal `db:"unit_price"`
	Amount    decimal.Decimal `db:"amount"`
	Discount  decimal.Decimal `db:"discount"`
	TaxRate   decimal.Decimal `db:"tax_rate"`
	Tax       decimal.Decimal `db:"tax"`
	Total     decimal.Decimal `db:"total"`
}

type allocationRow struct {
	OrderID     int64         `db:"order_id"`
	ProductID   int64         `db:"product_id"`
	VariantID   sql.NullInt64 `db:"variant_id"`
	WarehouseID int64         `db:"warehouse_id"`
	Quantity    int           `db:"quantity"`
	State       string        `db:"state"`
}

func (r allocationRow) allocation() order.Allocation {
	return order.Allocation{ProductID: commerce.ProductID(r.ProductID),
		VariantID: commerce.VariantID(r.VariantID.Int64), WarehouseID: commerce.WarehouseID(
			r.WarehouseID), Quantity: r.Quantity, State: order.AllocationState(r.State)}
}

const allocationCols = "order_id, product_id, variant_id, warehouse_id, quantity, state"

type entryRow struct {
	ID       int64         `db:"id"`
	Kind     string        `db:"kind"`
	From     string        `db:"from_status"`
	To       string        `db:"to_status"`
	ActorID  sql.NullInt64 `db:"actor_id"`
	Note     string        `db:"note"`
	CreateAt time.Time     `db:"created_at"`
}

// readOrderChildren reads an order's lines, allocations and timeline.
func readOrderChildren(ctx context.Context, q sqlx.QueryerContext, o *order.Order) error {
	var lines []lineRow
	err := sqlx.SelectContext(ctx, q, &lines, `SELECT id, product_id, variant_id, name, sku,
		quantity, unit_price, amount, discount, tax_rate, tax, total FROM order_lines
		WHERE order_id = ? ORDER BY position`, o.ID)
	if err != nil {
		return fmt.Errorf("lines: %w", err)
	}
	c := o.Currency
	for _, r := range lines {
		o.Lines = append(o.Lines, order.Line{ID: r.ID, ProductID: commerce.ProductID(r.ProductID),
			VariantID: commerce.VariantID(r.VariantID.Int64), Name: r.Name, SKU: r.SKU,
			Quantity: r.Quantity, UnitPrice: money(r.UnitPrice, c), Amount: money(r.Amount, c),
			Discount: money(r.Discount, c), TaxRate: r.TaxRate.Round(6), Tax: money(r.Tax, c),
			Total: money(r.Total, c)})
	}
	if o.Allocations, err = readAllocations(ctx, q, o.ID, ""); err != nil {
		return err
	}
	var entries []entryRow
	err = sqlx.SelectContext(ctx, q, &entries, `SELECT id, kind, from_status, to_status,
		actor_id, note, created_at FROM order_timeline WHERE order_id = ? ORDER BY id`, o.ID)
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	for _, r := range entries {
		o.Timeline = append(o.Timeline, order.Entry{ID: r.ID, Kind: order.EntryKind(r.Kind),
			From: r.From, To: r.To, ActorID: commerce.UserID(r.ActorID.Int64), Note: r.Note,
			At: r.CreateAt})
	}
	return nil
}

// readAllocations reads an order's allocations in the order they were
// made, only those in state when it is not empty.
func readAllocations(ctx context.Context, q sqlx.QueryerContext, id commerce.OrderID,
	state order.AllocationState) ([]order.Allocation, error) {
	query := "SELECT " + allocationCols + " FROM order_allocations WHERE order_id = ?"
	args := []any{id}
	if state != "" {
		query += " AND state = ?"
		args = append(args, string(state))
	}
	var rows []allocationRow
	err := sqlx.SelectContext(ctx, q, &rows, query+
		" ORDER BY id", args...)
	if err != nil {
		return nil, fmt.Errorf("allocations: %w", err)
	}
	out := make([]order.Allocation, len(rows))
	for i, r := range rows {
		out[i] = r.allocation()
	}
	return out, nil
}
