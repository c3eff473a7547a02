package cart

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Cart is a shopper's cart as stored. Exactly one of CustomerID and
// TokenHash is set.
type Cart struct {
	ID         int64
	CustomerID commerce.UserID // zero for a guest
	TokenHash  string          // hex SHA-256 of a guest's token; empty for a customer
	Items      []Item          // in the order they were added
	LastItemID int64           // item ids are never reused within a cart
	Version    int64           // bumped by every update, for optimistic locking
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Item is one product or variant in a cart. UnitPrice is the price when the
// shopper last chose it, to tell them when it changed.
type Item struct {
	ID        int64
	ProductID commerce.ProductID
	VariantID commerce.VariantID
	Quantity  int
	UnitPrice commerce.Money
	AddedAt   time.Time
}

// Store keeps carts. Adapters return commerce errors. The cart/carttest
// suite checks every adapter against this contract.
type Store interface {
	// CartByCustomer returns a customer's cart with its items, or
	// KindNotFound.
	CartByCustomer(ctx context.Context, id commerce.UserID) (Cart, error)
	// CartByToken returns a guest's cart by its token hash, or KindNotFound.
	CartByToken(ctx context.Context, hash string) (Cart, error)
	// CreateCart stores a new cart with its items, sets c.ID and c.Version
	// to 1. It returns KindConflict when the customer or the token hash
	// already has a cart (both are unique).
	CreateCart(ctx context.Context, c *Cart) error
	// UpdateCart replaces a cart's fields and items, only when its stored
	// version is c.Version, and increments c.Version; otherwise it returns
	// KindConflict and changes nothing.
	UpdateCart(ctx context.Context, c *Cart) error
	// DeleteCart removes a cart and its items; a missing cart is no error.
	DeleteCart(ctx context.Context, id int64) error
	// Merge, in one transaction, stores into (created when into.ID is
	// zero, else updated as UpdateCart does) and deletes the guest cart,
	// only when the guest cart's version is still guest.Version. It returns
	// KindConflict and changes nothing when either cart changed meanwhile.
	Merge(ctx context.Context, into *Cart, guest Cart) error
	// DeleteGuestCarts removes guest carts not updated since before and
	// returns how many.
	DeleteGuestCarts(ctx context.Context, before time.Time) (int, error)
}

// Catalog finds products with their variants and the units available;
// catalog.Store implements it. It returns KindNotFound.
type Catalog interface {
	Product(ctx context.Context, id commerce.ProductID) (catalog.Product, error)
}

// NewToken returns a new guest token, 32 random bytes in URL-safe base64,
// and the hash to store.
func NewToken(random io.Reader) (token, hash string, err error) {
	var b [32]byte
	if _, err := io.ReadFull(random, b[:]); err != nil {
		return "", "", fmt.Errorf("cart token: %w", err)
	}
	token = base64.RawURLEncoding.EncodeToString(b[:])
	return token, HashToken(token), nil
}

// HashToken returns the hash a guest token is stored under. Tokens carry
// 256 random bits, so a plain SHA-256 suffices: there is nothing to guess.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// WholeNumber reads a JSON value that must be a whole number written as one,
// such as 2, and reports false for 1.5, "2", 2e0, true, null or one out of
// range, so that the edge can answer a field error instead of a malformed
// body.
func WholeNumber(raw json.RawMessage) (int64, bool) {
	s := string(raw)
	digits := s
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if digits == "" || len(digits) > 1 && digits[0] == '0' {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}
