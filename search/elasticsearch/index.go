package elasticsearch

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

func unixNano() int64 { return time.Now().UnixNano() }

// Ensure creates a first, empty index behind the alias when the alias does
// not exist yet. It returns an error of kind commerce.KindUnavailable when
// the cluster fails.
func (e *Engine) Ensure(ctx context.Context) error {
	_, err := e.current(ctx)
	if commerce.ErrorKind(err) != commerce.KindNotFound {
		return err
	}
	name, err := e.create(ctx)
	if err != nil {
		return err
	}
	return e.swap(ctx, "", name)
}

// current returns the index behind the alias.
func (e *Engine) current(ctx context.Context) (string, error) {
	var a map[string]any
	req := esapi.IndicesGetAliasRequest{Name: []string{e.cfg.Alias}}
	if err := e.call(ctx, "get alias", req, &a); err != nil {
		return "", err
	}
	for name := range a {
		return name, nil
	}
	return "", commerce.NotFound("search.get alias", "índice")
}

// create makes a new index with the store's settings and returns its name.
func (e *Engine) create(ctx context.Context) (string, error) {
	name := e.cfg.Alias + "-" + strconv.FormatInt(e.now(), 10)
	req := esapi.IndicesCreateRequest{Index: name, Body: body(indexBody(e.cfg.Synonyms))}
	if err := e.call(ctx, "create index", req, nil); err != nil {
		return "", err
	}
	return name, nil
}

// swap points the alias from old (none when empty) to new in one atomic
// request.
func (e *Engine) swap(ctx context.Context, old, new string) error {
	actions := []obj{{"add": obj{"index": new, "alias": e.cfg.Alias}}}
	if old != "" {
		actions = append([]obj{{"remove": obj{"index": old, "alias": e.cfg.Alias}}}, actions...)
	}
	req := esapi.IndicesUpdateAliasesRequest{Body: body(obj{"actions": actions})}
	return e.call(ctx, "swap alias", req, nil)
}

// Rebuild fills a new index, refreshes it, points the alias at it and drops
// the old one. Writes made meanwhile go to both indices. It leaves the
// current index in place, and drops the new one, when fill fails.
func (e *Engine) Rebuild(ctx context.Context, fill search.Fill) error {
	old, err := e.current(ctx)
	if err != nil && commerce.ErrorKind(err) != commerce.KindNotFound {
		return err
	}
	name, err := e.start(ctx)
	if err != nil {
		return err
	}
	defer e.finish()

	err = fill(ctx, func(docs ...search.Document) error { return e.load(ctx, name, docs) })
	if err == nil {
		err = e.call(ctx, "refresh", esapi.IndicesRefreshRequest{Index: []string{name}}, nil)
	}
	if err == nil {
		err = e.swap(ctx, old, name)
	}
	if err != nil {
		e.drop(ctx, name)
		return err
	}
	if old != "" {
		e.drop(ctx, old)
	}
	return nil
}

// start creates the index a rebuild fills and makes writes reach it.
func (e *Engine) start(ctx context.Context) (string, error) {
	e.mu.Lock()
	busy := e.target != ""
	e.mu.Unlock()
	if busy {
		return "", commerce.Errorf(commerce.KindConflict, "search.rebuild",
			"ya se está reconstruyendo el índice")
	}
	name, err := e.create(ctx)
	if err != nil {
		return "", err
	}
	e.mu.Lock()
	e.target = name
	e.mu.Unlock()
	return name, nil
}

func (e *Engine) finish() {
	e.mu.Lock()
	e.target = ""
	e.mu.Unlock()
}

// load writes documents into the index being built.
func (e *Engine) load(ctx context.Context, index string, docs []search.Document) error {
	if len(docs) == 0 {
		return nil
	}
	var b []byte
	for _, d := range docs {
		b = appendLines(b, obj{"index": obj{"_id": strconv.FormatInt(int64(d.ID), 10)}},
			toSource(d))
	}
	return e.bulk(ctx, index, b, false)
}

// drop deletes an index that is no longer needed; a failure only leaves
// garbage behind, so it is logged.
func (e *Engine) drop(ctx context.Context, index string) {
	req := esapi.IndicesDeleteRequest{Index: []string{index}}
	if err := e.call(ctx, "delete index", req, nil); err != nil {
		e.log.WarnContext(ctx, "search: could not delete an old index", "index", index,
			"err", fmt.Sprint(err))
	}
}

// Drop deletes the index behind the alias, and with it the alias; tests
// use it to clean up.
func (e *Engine) Drop(ctx context.Context) error {
	name, err := e.current(ctx)
	if err != nil {
		return err
	}
	return e.call(ctx, "delete index", esapi.IndicesDeleteRequest{Index: []string{name}}, nil)
}
