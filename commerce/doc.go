// Package commerce holds the vocabulary every other package of eCommerce Moderno
// shares: money and currencies, typed identifiers, error kinds, the acting
// principal with its permissions, events and the clock.
//
// It imports nothing else of this module, so every domain package can depend
// on it without cycles.
package commerce
