package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// levelKey is the unique key of a stock level. variant_key is a generated
// column, COALESCE(variant_id, 0): a NULL variant_id in the key itself
// would let both engines store the same product level twice.
var levelKey = []string{"product_id", "variant_key", "warehouse_id"}

const levelCols = `product_id, variant_id, warehouse_id, quantity, reserved_quantity,
	reorder_point, reorder_quantity, updated_at`

// levelsBatch is how many levels one SetLevels transaction writes.
const levelsBatch = 2000

type levelRow struct {
	ProductID       int64         `db:"product_id"`
	VariantID       sql.NullInt64 `db:"variant_id"`
	WarehouseID     int64         `db:"warehouse_id"`
	Quantity        int           `db:"quantity"`
	Reserved        int           `db:"reserved_quantity"`
	ReorderPoint    int           `db:"reorder_point"`
	ReorderQuantity int           `db:"reorder_quantity"`
	UpdatedAt       time.Time     `db:"updated_at"`
}

func (r levelRow) level() inventory.Level {
	return inventory.Level{ProductID: commerce.ProductID(r.ProductID),
		VariantID:   commerce.VariantID(r.VariantID.Int64),
		WarehouseID: commerce.WarehouseID(r.WarehouseID),
		Quantity:    r.Quantity, Reserved: r.Reserved, ReorderPoint: r.ReorderPoint,
		ReorderQuantity: r.ReorderQuantity, UpdatedAt: r.UpdatedAt}
}

// Levels returns the stock of a product and its variants in every
// warehouse that holds any, the product's own first, then by variant and
// warehouse.
func (db *DB) Levels(ctx context.Context, product commerce.ProductID) ([]inventory.Level, error) {
	var rows []levelRow
	err := db.read.SelectContext(ctx, &rows, "SELECT "+levelCols+
		" FROM inventory WHERE product_id = ? ORDER BY variant_key, warehouse_id", product)
	if err != nil {
		return nil, fmt.Errorf("levels: %w", err)
	}
	ls := make([]inventory.Level, len(rows))
	for i, r := range rows {
		ls[i] = r.level()
	}
	return ls, nil
}

// Adjust adds a.Delta to one level, creating it when absent, and records
// the adjustment, in one transaction. The update is conditional, so
// concurrent adjustments never take the quantity below the reserved
// units: such an adjustment returns KindConflict and changes nothing. A
// missing product, variant or warehouse is KindInvalid.
func (db *DB) Adjust(ctx context.Context, a inventory.Adjustment) (inventory.Level, error) {
	const op = "adjust stock"
	now := db.now()
	if a.At.IsZero() {
		a.At = now
	}
	var l inventory.Level
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockProduct(ctx, tx, op, a.ProductID); err != nil {
			return err
		}
		if err := checkRoom(ctx, tx, op, a); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO inventory (product_id, variant_id,
			warehouse_id, quantity, reserved_quantity, updated_at) VALUES (?, ?, ?, 0, 0, ?)`+
			db.dialect.Upsert(levelKey, nil), a.ProductID, nullID(a.VariantID), a.WarehouseID, now)
		if err != nil {
			return db.writeError(ctx, tx, op, err, stockRefs(a.ProductID, a.VariantID,
				a.WarehouseID)...)
		}
		if err := applyDelta(ctx, tx, op, a, now); err != nil {
			return err
		}
		l, err = levelOf(ctx, tx, a.ProductID, a.VariantID, a.WarehouseID)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return nil
	})
	return l, err
}

// lockProduct takes the product's row lock before any stock row: the
// triggers on inventory write the product row, and concurrent transactions
// that first share it through a foreign key check and then all ask to write
// it deadlock in InnoDB. A missing product is KindInvalid.
func lockProduct(ctx context.Context, tx *sqlx.Tx, op string, id commerce.ProductID) error {
	res, err := tx.ExecContext(ctx, "UPDATE products SET available = available WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return commerce.Invalid(op, commerce.FieldError{Field: "product_id", Message: "no existe"})
	}
	return nil
}

// checkRoom refuses an adjustment that would take the product's units, over
// all its levels, past inventory.MaxUnits. The product's lock is held, so
// the sum stays true until the transaction ends.
func checkRoom(ctx context.Context, tx *sqlx.Tx, op string, a inventory.Adjustment) error {
	if a.Delta <= 0 {
		return nil
	}
	var total int64
	err := tx.GetContext(ctx, &total,
		"SELECT COALESCE(SUM(quantity), 0) FROM inventory WHERE product_id = ?", a.ProductID)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if total+int64(a.Delta) > inventory.MaxUnits {
		return &commerce.Error{Kind: commerce.KindConflict, Op: op,
			Message: "el producto no admite tantas unidades",
			Fields: []commerce.FieldError{{Field: "delta",
				Message: fmt.Sprintf("el producto quedaría con más de %d unidades",
					inventory.MaxUnits)}}}
	}
	return nil
}

// applyDelta changes the quantity where enough stays above the reserved
// units, and records the adjustment.
func applyDelta(ctx context.Context, tx *sqlx.Tx, op string, a inventory.Adjustment,
	now time.Time) error {
	res, err := tx.ExecContext(ctx, `UPDATE inventory SET quantity = quantity + ?, updated_at = ?
		WHERE product_id = ? AND variant_key = ? AND warehouse_id = ?
		AND quantity + ? >= reserved_quantity`, a.Delta, now, a.ProductID, a.VariantID,
		a.WarehouseID, a.Delta)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return belowReserved(op, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO stock_adjustments (product_id, variant_id,
		warehouse_id, delta, reason, note, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ProductID, nullID(a.VariantID), a.WarehouseID, a.Delta, string(a.Reason), a.Note,
		nullID(a.ActorID), a.At.UTC())
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

func belowReserved(op string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return &commerce.Error{Kind: commerce.KindConflict, Op: op,
		Message: "no hay unidades suficientes: quedarían menos que las reservadas",
		Fields:  []commerce.FieldError{{Field: "delta", Message: "deja el stock bajo lo reservado"}}}
}

func levelOf(ctx context.Context, q sqlx.QueryerContext, p commerce.ProductID,
	v commerce.VariantID, w commerce.WarehouseID) (inventory.Level, error) {
	var r levelRow
	err := sqlx.GetContext(ctx, q, &r, "SELECT "+levelCols+` FROM inventory
		WHERE product_id = ? AND variant_key = ? AND warehouse_id = ?`, p, v, w)
	return r.level(), err
}

func stockRefs(p commerce.ProductID, v commerce.VariantID, w commerce.WarehouseID) []ref {
	refs := []ref{refTo("product_id", "products", int64(p))}
	if v != 0 {
		refs = append(refs, ref{field: "variant_id",
			query: "SELECT 1 FROM product_variants WHERE id = ? AND product_id = ?",
			args:  []any{v, p}})
	}
	return append(refs, refTo("warehouse_id", "warehouses", int64(w)))
}

// refuseReserved returns KindConflict when orders hold reserved units in a
// stock row whose column (product_id or variant_id) is one of ids: deleting
// the row would leave those orders unable to release or ship their units.
func refuseReserved(ctx context.Context, tx *sqlx.Tx, op, column string, ids []int64) error {
	var held []int64
	err := selectIn(ctx, tx, &held, "SELECT reserved_quantity FROM inventory "+
		"WHERE reserved_quantity > 0 AND "+column+" IN ", ids)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if len(held) == 0 {
		return nil
	}
	field := "id"
	if column == "variant_id" {
		field = "variants"
	}
	return &commerce.Error{Kind: commerce.KindConflict, Op: op,
		Message: "hay pedidos en curso con unidades reservadas; desactívelo en vez de eliminarlo",
		Fields:  []commerce.FieldError{{Field: field, Message: "tiene unidades reservadas"}}}
}
