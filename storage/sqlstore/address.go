package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

const addressCols = `id, user_id, label, recipient, phone, street, details, commune, city,
	region, postal_code, country, is_default, created_at, updated_at`

type addressRow struct {
	ID         int64     `db:"id"`
	UserID     int64     `db:"user_id"`
	Label      string    `db:"label"`
	Recipient  string    `db:"recipient"`
	Phone      string    `db:"phone"`
	Street     string    `db:"street"`
	Details    string    `db:"details"`
	Commune    string    `db:"commune"`
	City       string    `db:"city"`
	Region     string    `db:"region"`
	PostalCode string    `db:"postal_code"`
	Country    string    `db:"country"`
	Default    bool      `db:"is_default"`
	CreatedAt  time.Time `db:"created_at"`
	UpdatedAt  time.Time `db:"updated_at"`
}

func (r addressRow) address() customer.Address {
	return customer.Address{ID: customer.AddressID(r.ID), UserID: commerce.UserID(r.UserID),
		Label: r.Label, Recipient: r.Recipient, Phone: r.Phone, Street: r.Street,
		Details: r.Details, Commune: r.Commune, City: r.City, Region: r.Region,
		PostalCode: r.PostalCode, Country: r.Country, Default: r.Default,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// CreateAddress stores a new address of a.UserID and sets a.ID; a default
// address takes the default from the user's others. It returns KindInvalid
// for an unknown user.
func (db *DB) CreateAddress(ctx context.Context, a *customer.Address) error {
	const op = "create address"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO addresses (user_id, label, recipient,
			phone, street, details, commune, city, region, postal_code, country, is_default,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			int64(a.UserID), a.Label, a.Recipient, a.Phone, a.Street, a.Details, a.Commune,
			a.City, a.Region, a.PostalCode, a.Country, a.Default, stamp(a.CreatedAt),
			stamp(a.UpdatedAt))
		if err != nil {
			return db.writeError(ctx, tx, op, err, refTo("user_id", "users", int64(a.UserID)))
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		a.ID = customer.AddressID(id)
		return soleDefault(ctx, tx, op, *a)
	})
}

// soleDefault takes the default from the user's other addresses when a is
// the default.
func soleDefault(ctx context.Context, tx *sqlx.Tx, op string, a customer.Address) error {
	if !a.Default {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE addresses SET is_default = ? WHERE user_id = ?
		AND id <> ? AND is_default = ?`, false, int64(a.UserID), int64(a.ID), true)
	if err != nil {
		return fmt.Errorf("%s: default: %w", op, err)
	}
	return nil
}

// UpdateAddress writes every field of the address a.ID of a.UserID but its
// creation time, which it sets in a. It returns KindNotFound when the user
// has no such address.
func (db *DB) UpdateAddress(ctx context.Context, a *customer.Address) error {
	const op = "update address"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE addresses SET label = ?, recipient = ?,
			phone = ?, street = ?, details = ?, commune = ?, city = ?, region = ?,
			postal_code = ?, country = ?, is_default = ?, updated_at = ?
			WHERE id = ? AND user_id = ?`, a.Label, a.Recipient, a.Phone, a.Street, a.Details,
			a.Commune, a.City, a.Region, a.PostalCode, a.Country, a.Default,
			stamp(a.UpdatedAt), int64(a.ID), int64(a.UserID))
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if err := mustAffect(op, "dirección", res); err != nil {
			return err
		}
		var created time.Time
		err = tx.GetContext(ctx, &created, "SELECT created_at FROM addresses WHERE id = ?",
			int64(a.ID))
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		a.CreatedAt = created.UTC()
		return soleDefault(ctx, tx, op, *a)
	})
}

// DeleteAddress deletes the address of the user. It returns KindNotFound
// when the user has no such address.
func (db *DB) DeleteAddress(ctx context.Context, user commerce.UserID,
	id customer.AddressID) error {
	const op = "delete address"
	res, err := db.write.ExecContext(ctx, "DELETE FROM addresses WHERE id = ? AND user_id = ?",
		int64(id), int64(user))
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return mustAffect(op, "dirección", res)
}

// Address returns the address of the user. It returns KindNotFound when
// the user has no such address.
func (db *DB) Address(ctx context.Context, user commerce.UserID,
	id customer.AddressID) (customer.Address, error) {
	var r addressRow
	err := db.read.GetContext(ctx, &r, "SELECT "+addressCols+" FROM addresses "+
		"WHERE id = ? AND user_id = ?", int64(id), int64(user))
	if err != nil {
		return customer.Address{}, readError("address", "dirección", err)
	}
	return r.address(), nil
}

// Addresses returns the user's addresses by id.
func (db *DB) Addresses(ctx context.Context, user commerce.UserID) ([]customer.Address,
	error) {
	var rows []addressRow
	err := db.read.SelectContext(ctx, &rows, "SELECT "+addressCols+" FROM addresses "+
		"WHERE user_id = ? ORDER BY id", int64(user))
	if err != nil {
		return nil, fmt.Errorf("addresses: %w", err)
	}
	as := make([]customer.Address, len(rows))
	for i, r := range rows {
		as[i] = r.address()
	}
	return as, nil
}
