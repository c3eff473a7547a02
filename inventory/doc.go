// Package inventory keeps stock: warehouses, the units of each product or
// variant in each warehouse with what is reserved for open orders, and the
// adjustments that changed them, each with its reason.
package inventory
