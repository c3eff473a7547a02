package rest

import "github.com/ecommerce-moderno/moderno/commerce"

// ErrSearchBuilding is what a SearchEngine returns while its index is being
// built, such as at a server's start: the search routes answer 503 with the
// code search_unavailable and a Retry-After of SearchRetrySeconds.
var ErrSearchBuilding = commerce.Errorf(commerce.KindUnavailable, "search",
	"la búsqueda se está preparando; inténtelo de nuevo en unos segundos")

// SearchRetrySeconds is the Retry-After of ErrSearchBuilding.
const SearchRetrySeconds = "5"
