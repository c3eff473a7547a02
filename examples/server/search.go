package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
	"github.com/ecommerce-moderno/moderno/search/elasticsearch"
	"github.com/ecommerce-moderno/moderno/search/memory"
)

// searchEngine is what the server needs of a search engine: search/memory
// (the default, in this process) and search/elasticsearch provide it.
type searchEngine interface {
	search.Searcher
	search.Suggester
	search.Indexer
	search.Rebuilder
}

// searchState is the search side of a Main: the engine, the syncer that
// keeps it in step with the catalog, and the queue that feeds the syncer.
type searchState struct {
	engine   searchEngine
	embedded bool // the engine lives in this process and starts empty
	syncer   *search.Syncer
	queue    *syncQueue
	cancel   func() // unsubscribes from the bus
}

// openSearch builds the engine the configuration asks for and subscribes
// its syncer to the catalog's and inventory's events. It does not fill the
// index; buildSearchIndex does.
func (m *Main) openSearch(ctx context.Context) error {
	s := &searchState{}
	engine, embedded, err := newSearchEngine(m.Config, search.DefaultSynonyms(), nil, m.Log)
	if err != nil {
		return err
	}
	if !embedded {
		es := engine.(*elasticsearch.Engine)
		if err := es.Ensure(ctx); err != nil {
			return fmt.Errorf("search: elasticsearch at %s: %w",
				redact(m.Config.ElasticsearchURL), err)
		}
	}
	s.engine, s.embedded = engine, embedded
	s.syncer = search.NewSyncer(m.db, s.engine, search.SyncConfig{Logger: m.Log})
	s.queue = newSyncQueue(s.syncer.Handle, m.Log, time.Second)
	cancels := make([]func(), 0, len(search.Events))
	for _, name := range search.Events {
		if m.unsynced && embedded {
			break
		}
		cancels = append(cancels, m.events.Subscribe(name, s.queue.Publish))
	}
	s.cancel = func() {
		for _, c := range cancels {
			c()
		}
	}
	m.search = s
	return nil
}

// newSearchEngine returns the engine the configuration asks for:
// Elasticsearch when ElasticsearchURL is set (not yet checked: Ensure does),
// the embedded one otherwise. Nil ranges are the default price bands.
func newSearchEngine(cfg Config, syn *search.Synonyms, ranges []search.PriceRange,
	log *slog.Logger) (engine searchEngine, embedded bool, err error) {
	if cfg.ElasticsearchURL == "" {
		return memory.New(memory.Config{Synonyms: syn, PriceRanges: ranges}), true, nil
	}
	e, err := elasticsearch.New(elasticsearch.Config{Addresses: []string{cfg.ElasticsearchURL},
		Alias: cfg.SearchIndex, Synonyms: syn, PriceRanges: ranges, Logger: log})
	if err != nil {
		return nil, false, fmt.Errorf("search: %w", err)
	}
	return e, false, nil
}

// buildSearchIndex fills the index at start: always for the embedded
// engine, which starts empty, and for Elasticsearch only when its index is
// empty (a first start); otherwise it is kept, and followed by events.
func (m *Main) buildSearchIndex(ctx context.Context) error {
	s := m.search
	if !s.embedded {
		res, err := s.engine.Search(ctx, search.Query{Limit: 1})
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if res.Total > 0 {
			m.Log.Info("search: using the elasticsearch index as it is", "products", res.Total,
				"alias", m.Config.SearchIndex)
			return nil
		}
	}
	return m.reindex(ctx)
}

// reindex rebuilds the index from the database; searches keep being
// answered meanwhile.
func (m *Main) reindex(ctx context.Context) error {
	start := time.Now()
	if err := m.search.syncer.Reindex(ctx, m.search.engine); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	res, err := m.search.engine.Search(ctx, search.Query{Limit: 1})
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	engine := "embedded"
	if !m.search.embedded {
		engine = "elasticsearch"
	}
	m.Log.Info("search index built", "engine", engine, "products", res.Total,
		"duration", time.Since(start).Round(time.Millisecond).String())
	return nil
}

// closeSearch stops following events and waits for the queue to drain,
// for up to the shutdown timeout.
func (m *Main) closeSearch(ctx context.Context) error {
	if m.search == nil {
		return nil
	}
	m.search.cancel()
	err := m.search.queue.Close(ctx)
	m.search = nil
	return err
}

// syncQueue hands events to the search syncer off the request that caused
// them, one at a time, in order. An event whose handling fails, after the
// syncer's own retries, goes back to the end of the queue after a pause
// that grows to a minute: delivery is at least once for as long as the
// process runs. The syncer writes current state, so a repeat is harmless.
type syncQueue struct {
	handle func(context.Context, commerce.Event) error
	log    *slog.Logger
	pause  time.Duration // before the first retry of a failed event, doubling to a minute

	mu       sync.Mutex
	pending  []queued
	inflight int // taken by the worker and not yet done
	wake     chan struct{}
	ctx      context.Context
	stop     context.CancelFunc
	done     chan struct{}
}

type queued struct {
	event commerce.Event
	fails int
	after time.Time
}

func newSyncQueue(handle func(context.Context, commerce.Event) error, log *slog.Logger,
	pause time.Duration) *syncQueue {
	ctx, stop := context.WithCancel(context.Background())
	q := &syncQueue{handle: handle, log: log, pause: pause, wake: make(chan struct{}, 1), ctx: ctx,
		stop: stop, done: make(chan struct{})}
	go q.run()
	return q
}

// Publish queues an event; it never fails, so the change that caused it
// stands. It has the signature of a bus handler.
func (q *syncQueue) Publish(_ context.Context, e commerce.Event) error {
	q.push(queued{event: e})
	return nil
}

func (q *syncQueue) push(it queued) {
	q.mu.Lock()
	q.pending = append(q.pending, it)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// Len returns how many events wait or are being handled.
func (q *syncQueue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.pending) + q.inflight
}

func (q *syncQueue) run() {
	defer close(q.done)
	for q.ctx.Err() == nil {
		it, wait, ok := q.next()
		if !ok {
			select {
			case <-q.ctx.Done():
				return
			case <-q.wake:
			case <-time.After(wait):
			}
			continue
		}
		err := q.handle(q.ctx, it.event)
		if err != nil {
			it.fails++
			it.after = time.Now().Add(min(q.pause<<min(it.fails-1, 6), time.Minute))
			q.log.Error("search: an event could not reach the index; it will be retried",
				"event", it.event.Name, "key", it.event.Key, "fails", it.fails, "err", err)
		}
		q.mu.Lock()
		q.inflight--
		if err != nil {
			q.pending = append(q.pending, it)
		}
		q.mu.Unlock()
	}
}

// next takes the first event that is due; when none is, it says how long
// to wait for the earliest (a long while when the queue is empty).
func (q *syncQueue) next() (queued, time.Duration, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	now, wait := time.Now(), time.Hour
	for i, it := range q.pending {
		if !it.after.After(now) {
			q.pending = append(q.pending[:i:i], q.pending[i+1:]...)
			q.inflight++
			return it, 0, true
		}
		wait = min(wait, it.after.Sub(now))
	}
	return queued{}, wait, false
}

// Close waits until the queue holds nothing due, or ctx ends, and stops
// the worker. Events still waiting are reported as an error: the next
// start's reindex (embedded) or a reindex command (Elasticsearch) covers
// them.
func (q *syncQueue) Close(ctx context.Context) error {
	for q.due() {
		select {
		case <-ctx.Done():
			q.stop()
			<-q.done
			return fmt.Errorf("search: %d events not indexed: %w", q.Len(), ctx.Err())
		case <-time.After(10 * time.Millisecond):
		}
	}
	q.stop()
	<-q.done
	if n := q.Len(); n > 0 {
		return fmt.Errorf("search: %d events not indexed after retries", n)
	}
	return nil
}

// due reports whether an event is being handled or waits for no retry
// pause.
func (q *syncQueue) due() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.inflight > 0 {
		return true
	}
	now := time.Now()
	for _, it := range q.pending {
		if !it.after.After(now) {
			return true
		}
	}
	return false
}

// reindexCommand runs "commerce reindex": with Elasticsearch it builds a
// new index from the database and swaps the alias to it, while the servers
// keep answering from the old one. The embedded index lives inside each
// running server: they build it at start and rebuild it on SIGHUP; this
// command then checks the database can be indexed and says so.
func reindexCommand(ctx context.Context, m *Main, stdout io.Writer) error {
	defer m.Close()
	if err := m.Open(ctx); err != nil {
		return err
	}
	start := time.Now()
	if err := m.reindex(ctx); err != nil {
		return err
	}
	res, err := m.search.engine.Search(ctx, search.Query{Limit: 1})
	if err != nil {
		return err
	}
	took := time.Since(start).Round(time.Millisecond)
	if m.search.embedded {
		fmt.Fprintf(stdout, "indexed %d products in %s (embedded engine: this was a check; "+
			"a running server rebuilds its own index on start or on SIGHUP)\n", res.Total, took)
		return nil
	}
	fmt.Fprintf(stdout, "indexed %d products in %s into elasticsearch alias %q\n", res.Total,
		took, m.Config.SearchIndex)
	return nil
}
