package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/examples/server/web"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/plugins/host"
	"github.com/ecommerce-moderno/moderno/pricing"
	"github.com/ecommerce-moderno/moderno/rest"
)

// Main is the whole server wired by hand: the database, the services, the
// API and the storefront. main runs one; the end-to-end tests run others.
type Main struct {
	Config Config
	Log    *slog.Logger
	// Web is the built storefront; web.Dist() when nil.
	Web fs.FS
	// DemoLimit makes the first-start import read at most this many
	// records of each demo source; zero reads everything.
	DemoLimit int

	// around wraps the whole handler; tests use it to add slow routes.
	around func(http.Handler) http.Handler

	db        database
	catalog   *catalog.Service
	inventory *inventory.Service
	ln        net.Listener
	http      *http.Server
	served    chan error // Serve's result, once it returns

	// accounts (issue 3)
	accounts *accounts

	// shop (issue 4)
	events   *commerce.Bus // catalog, stock and order events; Open makes it, the outbox relay feeds it
	pricer   *pricing.Pricer
	carts    *cart.Service
	orders   *order.Service
	checkout *checkout.Service
	keys     *checkout.Idempotency
	jobs     *jobs
	tick     ticker // the jobs' ticks; real tickers when nil

	// search (issue 6)
	search    *searchState
	stopPprof func()       // closes the opt-in profiler; nil when none runs
	ready     *readySearch // answers 503 until the index is built in the background
	// unsynced leaves the embedded index out of the services' events, for
	// commands whose index nobody reads (commerce import).
	unsynced bool

	// payments (issue 5)
	plugins  *host.Host         // the payment plugins' processes
	gateways *payment.Registry  // the methods checkout offers
	payments *checkout.Payments // webhooks and refunds
}

// NewMain returns a Main for the configuration, logging to log.
func NewMain(cfg Config, log *slog.Logger) *Main {
	return &Main{Config: cfg, Log: log}
}

// Open opens and migrates the database and builds the services over it.
func (m *Main) Open(ctx context.Context) error {
	db, err := openDatabase(ctx, m.Config.DatabaseURL)
	if err != nil {
		return err
	}
	m.db = db
	if err := db.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	m.events = &commerce.Bus{}
	m.catalog = catalog.NewService(db, catalog.Config{Currency: commerce.CLP, Logger: m.Log,
		Events: m.events})
	m.inventory = inventory.NewService(db, inventory.Config{Logger: m.Log, Events: m.events})

	// accounts wiring (issue 3)
	if err := m.openAccounts(ctx); err != nil {
		return err
	}

	// payments gateways (issue 5), before the checkout that offers them
	if err := m.openGateways(ctx); err != nil {
		return err
	}

	// shop wiring (issue 4)
	m.openShop()

	// search wiring (issue 6)
	if err := m.openSearch(ctx); err != nil {
		return err
	}

	// payments wiring (issue 5)
	m.openPayments()
	return nil
}

// Run opens the database, imports the demo catalog when the catalog is
// empty, and starts serving. It returns once the server listens; Close
// stops it.
func (m *Main) Run(ctx context.Context) error {
	if err := m.Open(ctx); err != nil {
		return err
	}
	if err := m.seed(ctx); err != nil {
		return err
	}
	m.ready = m.newReadySearch() // the index is built once the port is open
	handler, err := m.handler()
	if err != nil {
		return err
	}
	if m.around != nil {
		handler = m.around(handler)
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", m.Config.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", m.Config.Addr, err)
	}
	m.ln = ln
	m.http = &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(m.Log.Handler(), slog.LevelWarn),
	}
	if m.stopPprof, err = startPprof(ctx, m.Config.PprofAddr, m.Log); err != nil {
		_ = ln.Close()
		return err
	}
	m.served = make(chan error, 1)
	go func() { m.served <- m.http.Serve(ln) }()
	m.Log.Info("listening", "addr", ln.Addr().String(), "database", redact(m.Config.DatabaseURL))
	m.buildInBackground(m.ready)
	return nil
}

// Addr returns the address the server listens on, with the port the system
// chose when the configuration asked for port 0.
func (m *Main) Addr() string {
	if m.ln == nil {
		return ""
	}
	return m.ln.Addr().String()
}

// Failed returns a channel that yields the error that stopped the server
// on its own, if it ever stops so.
func (m *Main) Failed() <-chan error { return m.served }

// Close stops the server: it stops accepting connections, lets requests in
// flight finish for up to Config.ShutdownTimeout, then cuts the rest and
// closes the database.
func (m *Main) Close() error {
	var errs []error
	if m.stopPprof != nil {
		m.stopPprof()
		m.stopPprof = nil
	}
	if m.http != nil {
		ctx, cancel := context.WithTimeout(context.Background(), m.Config.ShutdownTimeout)
		defer cancel()
		if err := m.http.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("drain requests: %w", err))
			_ = m.http.Close()
		}
		if err := <-m.served; err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, fmt.Errorf("serve: %w", err))
		}
		m.http = nil
	}
	m.stopBuild() // before the database it reads closes
	m.jobs.Stop() // before the database they use closes
	m.jobs = nil
	if err := m.closePayments(); err != nil {
		errs = append(errs, fmt.Errorf("stop payment plugins: %w", err))
	}
	if m.accounts != nil && m.accounts.redis != nil {
		if err := m.accounts.redis.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close redis: %w", err))
		}
		m.accounts.redis = nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), m.Config.ShutdownTimeout)
	defer cancel()
	if err := m.closeSearch(ctx); err != nil {
		errs = append(errs, err)
	}
	if m.db != nil {
		if err := m.db.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close database: %w", err))
		}
		m.db = nil
	}
	return errors.Join(errs...)
}

// handler routes the API at the root and the storefront everywhere else,
// behind the middleware every response goes through.
func (m *Main) handler() (http.Handler, error) {
	files := m.Web
	if files == nil {
		files = web.Dist()
	}
	store, err := newStorefront(files)
	if err != nil {
		return nil, err
	}
	// Stripe.js may load only when the Stripe gateway is configured (issue 5).
	if m.gateways != nil {
		_, stripe := m.gateways.Gateway("stripe")
		store.csp = storefrontCSP(stripe)
	}
	if store.index == nil {
		m.Log.Warn("the storefront is not built; run make run or make build")
	}
	api := rest.New(rest.Config{
		Catalog: m.catalog,
		Logger:  m.Log,
		Checks:  m.checks(),

		// accounts API (issue 3)
		Accounts: m.accounts.service, Inventory: m.inventory,
		Authenticate: rest.Bearer(m.accounts.tokens), Limiter: m.accounts.limiter,
		Limits: m.accounts.limits, Events: m.accounts.security,
		ClientIP: m.accounts.proxies.ClientIP,

		// shop API (issue 4)
		Carts: m.carts, Checkout: m.checkout, Orders: m.orders, Idempotency: m.keys,
		Pricer: m.pricer, SecureCookies: m.Config.SecureCookies,

		// search API (issue 6)
		Search: m.searchAPI(), // Limits.Search (above) counts its routes

		// payments API (issue 5)
		Payments: m.payments, PaymentMethods: m.gateways,
		PaymentPublicKeys: m.Config.publicKeys(),
	})
	r := chi.NewRouter()
	r.Use(rest.RequestID, logRequests(m.Log), recoverPanics(m.Log), secure, m.edge)
	r.NotFound(api.NotFound)
	r.MethodNotAllowed(api.MethodNotAllowed)
	api.Register(r)
	pages := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if api.Owns(r.URL.Path) {
			api.NotFound(w, r)
			return
		}
		store.ServeHTTP(w, r)
	})
	r.Get("/*", pages)
	r.Head("/*", pages)
	return r, nil
}
