package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"text/tabwriter"
	"time"
)

// errUsage asks for the usage text; it is not a failure of its own.
var errUsage = errors.New("usage")

const usage = `Usage: commerce [flags] [command]

Commands:
  serve               migrate, import the demo catalog into an empty catalog, serve (default)
  migrate up          apply pending migrations
  migrate down        revert the latest migration
  migrate status      list migrations and whether they are applied
  import              import the demo catalog again (idempotent: updates by SKU)
  reindex             rebuild the search index from the database while searches go on
                      (Elasticsearch: a new index, then an alias swap; the embedded
                      index is rebuilt by each server at start and on SIGHUP)
  health              ask the running server's /health; exit 0 when healthy

Flags (each overrides its environment variable):
  -addr               COMMERCE_ADDR (default :8080)
  -data-dir           COMMERCE_DATA_DIR (default ./data)
  -database-url       COMMERCE_DATABASE_URL: sqlite:PATH or mysql://user:pass@host:port/db
                      (default sqlite:$COMMERCE_DATA_DIR/commerce.db)
  -redis-url          COMMERCE_REDIS_URL: redis://host:port/db[?prefix=p:]; sessions and
                      rate limits shared by every instance
  -elasticsearch-url  COMMERCE_ELASTICSEARCH_URL: search on Elasticsearch 8 at http(s)://host:port
                      (default: the embedded engine, built in memory at start)
  -search-index       COMMERCE_SEARCH_INDEX: the Elasticsearch alias (default products)
  -log-level          COMMERCE_LOG_LEVEL: debug, info, warn or error (default info)
  -shutdown-timeout   how long a stop waits for requests in flight (default 15s)
  -reservation-ttl    COMMERCE_RESERVATION_TTL: how long an unpaid order holds its stock
                      before the sweeper cancels it (default 30m; 1m to 720h)
  -secure-cookies     COMMERCE_SECURE_COOKIES=true: the guest cart cookie is Secure even
                      over plain HTTP, behind a proxy that ends TLS

Accounts (environment only):
  COMMERCE_ENV               production: refuse to start without the two key rings below
  COMMERCE_JWT_KEYS          id:base64,... (newest signs, all verify; each >= 32 bytes);
                             generated once into $COMMERCE_DATA_DIR/secrets when unset
  COMMERCE_PII_KEYS          id:base64,... of 32 bytes each, sealing phones and addresses
  COMMERCE_ADMIN_EMAIL       with COMMERCE_ADMIN_PASSWORD: the first super admin, created
                             once when absent, never overwritten
  COMMERCE_PUBLIC_URL        base of the links in mails (default: the listening address);
                             mails are written to $COMMERCE_DATA_DIR/mail
  COMMERCE_CORS_ORIGINS      origins allowed to call the API from a browser
  COMMERCE_TRUSTED_PROXIES   CIDRs whose X-Forwarded-For/-Proto are believed
  COMMERCE_RATE_LIMIT_AUTH, _GENERAL, _SEARCH, _ADMIN
                             count/period or off (default 5/1m, 1000/1h, 100/1m, 500/1h)
  COMMERCE_BANK_NAME, _ACCOUNT_TYPE, _ACCOUNT_NUMBER, _RUT, _HOLDER, _EMAIL
                             the account bank transfers go to (demo values outside
                             production, where they are required)
`

// run is the program: it reads the configuration, runs the command and
// returns the exit code. Logs are JSON on stderr; command output goes to
// stdout.
func run(ctx context.Context, args []string, getenv func(string) string,
	stdout, stderr io.Writer) int {
	cfg, cmd, err := ParseConfig(args, getenv)
	if errors.Is(err, errUsage) {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "commerce: invalid configuration:\n%v\n", err)
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	if err := dispatch(ctx, cfg, cmd, log, stdout); err != nil {
		log.Error("commerce: "+err.Error(), "command", commandName(cmd))
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

// commandName is the command that ran: its first word, serve when none was
// given (logging the argument slice printed "[]" for the default).
func commandName(cmd []string) string {
	if len(cmd) == 0 {
		return "serve"
	}
	return cmd[0]
}

func dispatch(ctx context.Context, cfg Config, cmd []string, log *slog.Logger,
	stdout io.Writer) error {
	name, operands := "serve", []string(nil)
	if len(cmd) > 0 {
		name, operands = cmd[0], cmd[1:]
	}
	switch {
	case name == "serve" && len(operands) == 0:
		return serve(ctx, NewMain(cfg, log))
	case name == "migrate" && len(operands) == 1:
		return migrate(ctx, NewMain(cfg, log), operands[0], stdout)
	case name == "import" && len(operands) == 0:
		m := NewMain(cfg, log)
		m.unsynced = true // a running server's embedded index is its own; see reindex
		defer m.Close()
		if err := m.Open(ctx); err != nil {
			return err
		}
		return m.importDemo(ctx)
	case name == "reindex" && len(operands) == 0:
		return reindexCommand(ctx, NewMain(cfg, log), stdout)
	case name == "health" && len(operands) == 0:
		return health(ctx, cfg.Addr)
	}
	return fmt.Errorf("%w: unknown command %q; see commerce -h", errUsage, cmd)
}

// serve runs the server until SIGINT or SIGTERM, then drains it. SIGHUP
// rebuilds the search index while searches go on.
func serve(ctx context.Context, m *Main) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := m.Run(ctx); err != nil {
		return errors.Join(err, m.Close())
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	rebuilt := make(chan struct{})
	close(rebuilt)
wait:
	for {
		select {
		case <-hup:
			select {
			case <-rebuilt:
			default:
				m.Log.Warn("search: a rebuild is already running; SIGHUP ignored")
				continue
			}
			rebuilt = make(chan struct{})
			go func(done chan struct{}) {
				defer close(done)
				if err := m.reindex(ctx); err != nil {
					m.Log.Error("search: rebuild failed; the old index keeps serving",
						"err", err)
				}
			}(rebuilt)
		case <-ctx.Done():
			m.Log.Info("stopping: draining requests in flight",
				"timeout", m.Config.ShutdownTimeout.String())
			break wait
		case err := <-m.Failed():
			m.served <- err // Close waits for it
			m.Log.Error("the server stopped", "err", err)
			break wait
		}
	}
	<-rebuilt
	if err := m.Close(); err != nil {
		return err
	}
	m.Log.Info("stopped")
	return nil
}

// migrate runs "migrate up", "migrate down" or "migrate status".
func migrate(ctx context.Context, m *Main, op string, stdout io.Writer) error {
	db, err := openDatabase(ctx, m.Config.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	switch op {
	case "up":
		return db.Migrate(ctx)
	case "down":
		return db.MigrateDown(ctx)
	case "status":
		st, err := db.MigrationStatus(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "VERSION\tNAME\tAPPLIED")
		for _, s := range st {
			applied := "no"
			if s.Applied {
				applied = s.AppliedAt.UTC().Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "%05d\t%s\t%s\n", s.Version, s.Name, applied)
		}
		return tw.Flush()
	}
	return fmt.Errorf("%w: migrate %q: want up, down or status", errUsage, op)
}

// health asks the server at addr for /health, for container health checks
// where no curl is at hand.
func health(ctx context.Context, addr string) error {
	host, port, _ := net.SplitHostPort(addr)
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	url := "http://" + net.JoinHostPort(host, port) + "/health"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health: %s", resp.Status)
	}
	return nil
}
