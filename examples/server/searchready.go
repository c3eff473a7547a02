package main

import (
	"context"
	"errors"
	"sync/atomic"

	"github.com/ecommerce-moderno/moderno/rest"
	"github.com/ecommerce-moderno/moderno/search"
)

// readySearch answers searches once the index is built, and
// rest.ErrSearchBuilding (503 search_unavailable) until then, so that the
// server opens its port before building the index.
type readySearch struct {
	engine rest.SearchEngine
	ready  atomic.Bool
	built  chan struct{} // closed when the build ends, built or not
	cancel context.CancelFunc
}

func (s *readySearch) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if !s.ready.Load() {
		return search.Result{}, rest.ErrSearchBuilding
	}
	return s.engine.Search(ctx, q)
}

func (s *readySearch) Suggest(ctx context.Context, prefix string,
	limit int) ([]search.Suggestion, error) {
	if !s.ready.Load() {
		return nil, rest.ErrSearchBuilding
	}
	return s.engine.Suggest(ctx, prefix, limit)
}

// check is the "search" check of GET /health: failing while the index is
// being built.
func (s *readySearch) check(context.Context) error {
	if !s.ready.Load() {
		return errors.New("search: the index is being built")
	}
	return nil
}

// newReadySearch gates the Main's engine until buildInBackground is done.
func (m *Main) newReadySearch() *readySearch {
	return &readySearch{engine: m.search.engine}
}

// buildInBackground builds the index after the port is open; searches
// answer 503 meanwhile. stopBuild ends it.
func (m *Main) buildInBackground(s *readySearch) {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.built = cancel, make(chan struct{})
	go func() {
		defer close(s.built)
		if err := m.buildSearchIndex(ctx); err != nil {
			if ctx.Err() == nil {
				m.Log.Error("search: building the index failed; search stays unavailable",
					"err", err)
			}
			return
		}
		s.ready.Store(true)
	}()
}

// stopBuild cancels a build in progress and waits for it, before the
// database closes.
func (m *Main) stopBuild() {
	if m.ready == nil || m.ready.built == nil {
		return
	}
	m.ready.cancel()
	<-m.ready.built
}

// searchAPI is the engine the API searches: gated while Run builds the
// index, the engine itself otherwise.
func (m *Main) searchAPI() rest.SearchEngine {
	if m.ready != nil {
		return m.ready
	}
	return m.search.engine
}
