// Package pricing prices a set of lines: catalog prices, compare-at savings,
// discounts from a hook, shipping methods and taxes, every amount rounded in
// the currency's minor units.
//
// Prices always come from catalog data the caller looked up, never from the
// shopper. By default a Pricer prices as Chilean shops do: IVA of 19% included
// in every price, shipping per region, tax rounded per line. Whatever the
// settings, a Quote satisfies exactly
//
//	Total = Subtotal + Shipping + TaxExclusive - Discount
//
// and every amount split over lines (a discount, the tax rounded on the
// total) goes through commerce.Allocate, so no peso is lost or invented.
package pricing
