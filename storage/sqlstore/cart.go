package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/commerce"
)

var _ cart.Store = (*DB)(nil)

type cartRow struct {
	ID         int64          `db:"id"`
	CustomerID sql.NullInt64  `db:"customer_id"`
	TokenHash  sql.NullString `db:"token_hash"`
	LastItemID int64          `db:"last_item_id"`
	Version    int64          `db:"version"`
	CreatedAt  time.Time      `db:"created_at"`
	UpdatedAt  time.Time      `db:"updated_at"`
}

type cartItemRow struct {
	ID        int64           `db:"id"`
	ProductID int64           `db:"product_id"`
	VariantID sql.NullInt64   `db:"variant_id"`
	Quantity  int             `db:"quantity"`
	UnitPrice decimal.Decimal `db:"unit_price"`
	Currency  string          `db:"currency"`
	AddedAt   time.Time       `db:"added_at"`
}

// CartByCustomer returns a customer's cart with its items, or KindNotFound.
func (db *DB) CartByCustomer(ctx context.Context, id commerce.UserID) (cart.Cart, error) {
	if id == 0 {
		return cart.Cart{}, commerce.NotFound("cart", "carrito")
	}
	return db.cartWhere(ctx, "customer_id = ?", id)
}

// CartByToken returns a guest's cart by its token hash, or KindNotFound.
func (db *DB) CartByToken(ctx context.Context, hash string) (cart.Cart, error) {
	if hash == "" {
		return cart.Cart{}, commerce.NotFound("cart", "carrito")
	}
	return db.cartWhere(ctx, "token_hash = ?", hash)
}

func (db *DB) cartWhere(ctx context.Context, where string, arg any) (cart.Cart, error) {
	const op = "cart"
	var r cartRow
	err := db.read.GetContext(ctx, &r, `SELECT id, customer_id, token_hash, last_item_id,
		version, created_at, updated_at FROM carts WHERE `+where, arg)
	if err != nil {
		return cart.Cart{}, readError(op, "carrito", err)
	}
	c := cart.Cart{ID: r.ID, CustomerID: commerce.UserID(r.CustomerID.Int64),
		TokenHash: r.TokenHash.String, LastItemID: r.LastItemID, Version: r.Version,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	var items []cartItemRow
	err = db.read.SelectContext(ctx, &items, `SELECT id, product_id, variant_id, quantity,
		unit_price, currency, added_at FROM cart_items WHERE cart_id = ? ORDER BY position`, c.ID)
	if err != nil {
		return cart.Cart{}, fmt.Errorf("%s: %w", op, err)
	}
	for _, it := range items {
		c.Items = append(c.Items, cart.Item{ID: it.ID, ProductID: commerce.ProductID(it.ProductID),
			VariantID: commerce.VariantID(it.VariantID.Int64), Quantity: it.Quantity,
			UnitPrice: money(it.UnitPrice, commerce.Currency(strings.TrimSpace(it.Currency))),
			AddedAt:   it.AddedAt})
	}
	return c, nil
}

// CreateCart stores a new cart with its items and sets its ID and version
// 1. It returns KindConflict when the customer or the token already has a
// cart.
func (db *DB) CreateCart(ctx context.Context, c *cart.Cart) error {
	var id int64
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		id, err = db.createCart(ctx, tx, c)
		return err
	})
	if err == nil {
		c.ID, c.Version = id, 1
	}
	return err
}

func (db *DB) createCart(ctx context.Context, tx *sqlx.Tx, c *cart.Cart) (int64, error) {
	const op = "create cart"
	id, err := insertID(ctx, tx, "carts", []string{"customer_id", "token_hash",
		"last_item_id", "version", "created_at", "updated_at"}, nullID(c.CustomerID),
		nullString(c.TokenHash), c.LastItemID, 1, utc(c.CreatedAt), utc(c.UpdatedAt))
	if err != nil {
		if v, _ := db.dialect.Classify(err); v == Unique {
			return 0, commerce.Errorf(commerce.KindConflict, op, "el carrito ya existe")
		}
		return 0, fmt.Errorf("%s: %w", op, err)
	}
	return id, insertCartItems(ctx, tx, op, id, c.Items)
}

func insertCartItems(ctx context.Context, tx *sqlx.Tx, op string, id int64,
	items []cart.Item) error {
	rows := make([][]any, len(items))
	for i, it := range items {
		rows[i] = []any{id, it.ID, i, it.ProductID, nullID(it.VariantID), it.Quantity,
			it.UnitPrice.Amount(), string(it.UnitPrice.Currency()), utc(it.AddedAt)}
	}
	err := insertRows(ctx, tx, "cart_items", []string{"cart_id", "id", "position",
		"product_id", "variant_id", "quantity", "unit_price", "currency", "added_at"}, rows, "")
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// UpdateCart replaces a cart's fields and items when its stored version is
// still c.Version, and increments c.Version. It returns KindConflict and
// changes nothing otherwise.
func (db *DB) UpdateCart(ctx context.Context, c *cart.Cart) error {
	err := db.inTx(ctx, func(tx *sqlx.Tx) error { return db.updateCart(ctx, tx, c) })
	if err == nil {
		c.Version++
	}
	return err
}

func (db *DB) updateCart(ctx context.Context, tx *sqlx.Tx, c *cart.Cart) error {
	const op = "update cart"
	res, err := tx.ExecContext(ctx, `UPDATE carts SET customer_id = ?, token_hash = ?,
		last_item_id = ?, version = version + 1, created_at = ?, updated_at = ?
		WHERE id = ? AND version = ?`, nullID(c.CustomerID), nullString(c.TokenHash),
		c.LastItemID, utc(c.CreatedAt), utc(c.UpdatedAt), c.ID, c.Version)
	if err != nil {
		if v, _ := db.dialect.Classify(err); v == Unique {
			return commerce.Errorf(commerce.KindConflict, op, "el carrito ya existe")
		}
		return fmt.Errorf("%s: %w", op, err)
	}
	if n, err := rowsAffected(res, nil); err != nil || n == 0 {
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return changed(op)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM cart_items WHERE cart_id = ?", c.ID); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return insertCartItems(ctx, tx, op, c.ID, c.Items)
}

func changed(op string) error {
	return commerce.Errorf(commerce.KindConflict, op,
		"el carrito cambió mientras se modificaba; inténtelo de nuevo")
}

// DeleteCart removes a cart and its items; a missing cart is no error.
func (db *DB) DeleteCart(ctx context.Context, id int64) error {
	// The items go with the cart, ON DELETE CASCADE.
	if _, err := db.write.ExecContext(ctx, "DELETE FROM carts WHERE id = ?", id); err != nil {
		return fmt.Errorf("delete cart: %w", err)
	}
	return nil
}

// Merge stores into (created when into.ID is zero, else updated as
// UpdateCart does) and deletes the guest cart, in one transaction, only
// when the guest cart's version is still guest.Version. It returns
// KindConflict and changes nothing when either cart changed meanwhile.
func (db *DB) Merge(ctx context.Context, into *cart.Cart, guest cart.Cart) error {
	const op = "merge carts"
	var id int64
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM carts WHERE id = ? AND version = ?",
			guest.ID, guest.Version)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if n, err := rowsAffected(res, nil); err != nil || n == 0 {
			if err != nil {
				return fmt.Errorf("%s: %w", op, err)
			}
			return changed(op)
		}
		if into.ID != 0 {
			return db.updateCart(ctx, tx, into)
		}
		id, err = db.createCart(ctx, tx, into)
		return err
	})
	switch {
	case err != nil:
		return err
	case into.ID == 0:
		into.ID, into.Version = id, 1
	default:
		into.Version++
	}
	return nil
}

// DeleteGuestCarts removes guest carts not updated since before and
// returns how many.
func (db *DB) DeleteGuestCarts(ctx context.Context, before time.Time) (int, error) {
	res, err := db.write.ExecContext(ctx, `DELETE FROM carts
		WHERE customer_id IS NULL AND updated_at < ?`, utc(before))
	if err != nil {
		return 0, fmt.Errorf("delete guest carts: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
