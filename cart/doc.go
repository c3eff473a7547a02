// Package cart keeps shoppers' carts on the server: a signed-in customer
// has one cart on every device; a guest's cart is found by an opaque token
// (only its SHA-256 is stored) and merges into the customer's cart at
// sign-in by a MergeStrategy the embedding program chooses.
//
// A cart stores what the shopper chose and the price each item had when
// chosen; every read prices it again from the catalog and says which
// prices changed.
package cart
