package elasticsearch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// Config tunes an Engine.
type Config struct {
	// Addresses are the nodes' URLs, such as http://127.0.0.1:9200.
	Addresses []string
	// Alias is the name searches and writes use; each build of the index
	// gets a name of its own behind it. "products" when empty.
	Alias string
	// Synonyms applied at search time; none when nil.
	Synonyms *search.Synonyms
	// PriceRanges are the price facet's bands; search.DefaultPriceRanges
	// when nil.
	PriceRanges []search.PriceRange
	// Refresh makes every write wait until searches see it. Tests want it;
	// without it writes show within the index's refresh interval, a second.
	Refresh bool
	// Transport carries the requests; http.DefaultTransport when nil.
	Transport http.RoundTripper
	// Logger hears what cannot be returned, such as a failed clean-up of
	// an old index. Nil is silent.
	Logger *slog.Logger
}

// Engine searches an Elasticsearch index. It is safe for concurrent use.
type Engine struct {
	es     *elasticsearch.Client
	cfg    Config
	log    *slog.Logger
	now    func() int64 // names new indices
	mu     sync.Mutex
	target string // the index a rebuild is filling, "" when none
}

// The interfaces Engine implements.
var (
	_ search.Searcher  = (*Engine)(nil)
	_ search.Suggester = (*Engine)(nil)
	_ search.Indexer   = (*Engine)(nil)
	_ search.Rebuilder = (*Engine)(nil)
)

// New returns an engine over the cluster. It makes no request; call Ensure
// before the first write.
func New(cfg Config) (*Engine, error) {
	if cfg.Alias == "" {
		cfg.Alias = "products"
	}
	if cfg.PriceRanges == nil {
		cfg.PriceRanges = search.DefaultPriceRanges()
	}
	es, err := elasticsearch.NewClient(elasticsearch.Config{Addresses: cfg.Addresses,
		Transport: cfg.Transport})
	if err != nil {
		return nil, fmt.Errorf("elasticsearch: %w", err)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Engine{es: es, cfg: cfg, log: log, now: unixNano}, nil
}

// errUnavailable is the cause of errors that mean the cluster failed us.
var errUnavailable = errors.New("elasticsearch unavailable")

// unavailable wraps a transport or server failure for the caller.
func unavailable(op string, err error) error {
	return commerce.Wrap(commerce.KindUnavailable, "search."+op,
		fmt.Errorf("%w: %w", errUnavailable, err), "la búsqueda no está disponible")
}

// call sends a request and decodes a successful JSON answer into out,
// which may be nil. A 404 is returned as commerce.KindNotFound.
func (e *Engine) call(ctx context.Context, op string, req esapi.Request, out any) error {
	res, err := req.Do(ctx, e.es)
	if err != nil {
		return unavailable(op, err)
	}
	defer res.Body.Close()
	if res.StatusCode == http.StatusNotFound {
		return commerce.NotFound("search."+op, "índice")
	}
	if res.IsError() {
		msg, _ := io.ReadAll(io.LimitReader(res.Body, 2048))
		return unavailable(op, fmt.Errorf("%s: %s", res.Status(), bytes.TrimSpace(msg)))
	}
	if out == nil {
		_, _ = io.Copy(io.Discard, res.Body)
		return nil
	}
	if err := json.NewDecoder(res.Body).Decode(out); err != nil {
		return unavailable(op, fmt.Errorf("decode answer: %w", err))
	}
	return nil
}

func body(v any) io.Reader {
	data, err := json.Marshal(v)
	if err != nil {
		panic("elasticsearch: marshal request: " + err.Error()) // our own types
	}
	return bytes.NewReader(data)
}
