package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

const warehouseCols = "id, code, name, address, active, created_at, updated_at"

type warehouseRow struct {
	ID        int64     `db:"id"`
	Code      string    `db:"code"`
	Name      string    `db:"name"`
	Address   string    `db:"address"`
	Active    bool      `db:"active"`
	CreatedAt time.Time `db:"created_at"`
	UpdatedAt time.Time `db:"updated_at"`
}

func (r warehouseRow) warehouse() inventory.Warehouse {
	return inventory.Warehouse{ID: commerce.WarehouseID(r.ID), Code: r.Code, Name: r.Name,
		Address: r.Address, Active: r.Active, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// CreateWarehouse stores a new warehouse and sets its ID and times. It
// returns KindConflict for a taken code.
func (db *DB) CreateWarehouse(ctx context.Context, w *inventory.Warehouse) error {
	const op = "create warehouse"
	now := db.now()
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO warehouses (code, name, address, active,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, w.Code, w.Name, w.Address,
			w.Active, now, now)
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		w.ID, w.CreatedAt, w.UpdatedAt = commerce.WarehouseID(id), now, now
		return nil
	})
}

// UpdateWarehouse stores every field of a warehouse. It returns
// KindNotFound and KindConflict for a taken code.
func (db *DB) UpdateWarehouse(ctx context.Context, w *inventory.Warehouse) error {
	const op = "update warehouse"
	now := db.now()
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE warehouses SET code = ?, name = ?, address = ?,
			active = ?, updated_at = ? WHERE id = ?`, w.Code, w.Name, w.Address, w.Active, now,
			w.ID)
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		w.UpdatedAt = now
		return mustAffect(op, "bodega", res)
	})
}

// Warehouse returns a warehouse by id. It returns KindNotFound.
func (db *DB) Warehouse(ctx context.Context,
	id commerce.WarehouseID) (inventory.Warehouse, error) {
	return db.warehouseWhere(ctx, "id = ?", id)
}

// WarehouseByCode returns a warehouse by code. It returns KindNotFound.
func (db *DB) WarehouseByCode(ctx context.Context, code string) (inventory.Warehouse, error) {
	return db.warehouseWhere(ctx, "code = ?", code)
}

func (db *DB) warehouseWhere(ctx context.Context, where string,
	arg any) (inventory.Warehouse, error) {
	var r warehouseRow
	err := db.read.GetContext(ctx, &r, "SELECT "+warehouseCols+" FROM warehouses WHERE "+
		where, arg)
	if err != nil {
		return inventory.Warehouse{}, readError("warehouse", "bodega", err)
	}
	return r.warehouse(), nil
}

// Warehouses returns every warehouse ordered by code.
func (db *DB) Warehouses(ctx context.Context) ([]inventory.Warehouse, error) {
	var rows []warehouseRow
	err := db.read.SelectContext(ctx, &rows, "SELECT "+warehouseCols+
		" FROM warehouses ORDER BY code")
	if err != nil {
		return nil, fmt.Errorf("warehouses: %w", err)
	}
	ws := make([]inventory.Warehouse, len(rows))
	for i, r := range rows {
		ws[i] = r.warehouse()
	}
	return ws, nil
}
