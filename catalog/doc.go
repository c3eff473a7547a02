// Package catalog holds what a store sells: categories in a tree, brands,
// products with their variants, images and attributes. Service validates
// every change and checks who makes it; a Store, implemented by the adapters
// under storage/, keeps the data.
package catalog
