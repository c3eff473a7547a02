// Package rest serves the catalog part of the store's HTTP API (see
// docs/api.md) as handlers a program mounts on its own router: the product
// listing and detail, the category tree, the brands and a health check.
//
// Handlers read the acting principal from the request's context, where an
// authentication hook put it (everyone is commerce.Anonymous without one),
// and call the domain services with it; the services check permissions.
// Errors of the services become statuses in one place, and anything that is
// not a commerce error reaches the client as a generic "error interno"
// while its details go, once, to the optional logger with the request id.
//
// Amounts are written as exact JSON numbers from their decimals, with an
// es-CL formatted string beside them.
package rest
