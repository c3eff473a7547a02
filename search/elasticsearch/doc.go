// Package elasticsearch runs the store's search on Elasticsearch 8, for a
// catalog that outgrows one machine. It creates its index with the Spanish
// analysis of the specification's section 8.8 (lower case, ASCII folding,
// Spanish stop words and stemming, synonyms at query time), writes with the
// bulk API, and rebuilds into a fresh index that replaces the old one by an
// atomic alias swap, so searches never see a half-built index.
//
// The search/searchtest contract runs against it when
// COMMERCE_ELASTICSEARCH_URL names a server.
package elasticsearch
