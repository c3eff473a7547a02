package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is the server's configuration, read from COMMERCE_* variables and
// overridden by flags.
type Config struct {
	Addr             string     // where to listen, host:port
	DataDir          string     // local state: the SQLite file by default
	DatabaseURL      string     // sqlite:PATH or mysql://user:pass@host:port/db
	RedisURL         string     // accepted and checked; used by later issues
	ElasticsearchURL string     // search on Elasticsearch; the embedded engine when empty
	LogLevel         slog.Level // debug, info, warn or error
	// ShutdownTimeout bounds how long a stop waits for requests in flight.
	ShutdownTimeout time.Duration

	// accounts settings (issue 3)

	// Env is COMMERCE_ENV; "production" refuses to start without
	// COMMERCE_JWT_KEYS and COMMERCE_PII_KEYS.
	Env string
	// JWTKeys (COMMERCE_JWT_KEYS) and PIIKeys (COMMERCE_PII_KEYS) are key
	// rings, id:base64,... newest first. Outside production, when empty,
	// keys are generated once into DataDir/secrets and kept.
	JWTKeys, PIIKeys string
	// AdminEmail and AdminPassword (COMMERCE_ADMIN_*) create the first super
	// admin once; there is no default password.
	AdminEmail, AdminPassword string
	// PublicURL (COMMERCE_PUBLIC_URL) is the base of links in mails.
	PublicURL string
	// CORSOrigins (COMMERCE_CORS_ORIGINS) lists the origins, such as
	// https://admin.example.cl, that may call the API from a browser.
	CORSOrigins string
	// TrustedProxies (COMMERCE_TRUSTED_PROXIES) lists the CIDRs of the
	// proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.
	TrustedProxies string
	// RateLimits are the COMMERCE_RATE_LIMIT_* texts; empty means default.
	RateLimits rateLimitTexts

	// shop settings (issue 4)

	// ReservationTTL is how long stock stays reserved for a pending unpaid
	// order before the sweeper cancels it (COMMERCE_RESERVATION_TTL).
	ReservationTTL time.Duration
	// SecureCookies marks the guest cart cookie Secure behind a proxy that
	// ends TLS (COMMERCE_SECURE_COOKIES).
	SecureCookies bool

	// search settings (issue 6)

	// SearchIndex is the Elasticsearch alias searches use when
	// ElasticsearchURL is set; each rebuild makes an index behind it.
	SearchIndex string
	// PprofAddr (COMMERCE_PPROF_ADDR) serves net/http/pprof on this
	// loopback address, apart from the API; off when empty.
	PprofAddr string

	// payments settings (issue 5)
	paymentSettings
}

// ParseConfig reads the configuration from the environment (through
// getenv) and then from the flags in args. It returns the arguments left
// after the flags: the command and its operands. Every value is checked;
// the error says which one is wrong and how to write it.
func ParseConfig(args []string, getenv func(string) string) (Config, []string, error) {
	var (
		c        Config
		logLevel string
	)
	fs := flag.NewFlagSet("commerce", flag.ContinueOnError)
	fs.SetOutput(discard{})
	fs.StringVar(&c.Addr, "addr", envOr(getenv, "COMMERCE_ADDR", ":8080"),
		"address to listen on (COMMERCE_ADDR)")
	fs.StringVar(&c.DataDir, "data-dir", envOr(getenv, "COMMERCE_DATA_DIR", "./data"),
		"directory of local state (COMMERCE_DATA_DIR)")
	fs.StringVar(&c.DatabaseURL, "database-url", getenv("COMMERCE_DATABASE_URL"),
		"sqlite:PATH or mysql://user:pass@host:port/db (COMMERCE_DATABASE_URL)")
	fs.StringVar(&c.RedisURL, "redis-url", getenv("COMMERCE_REDIS_URL"),
		"redis://host:port/db (COMMERCE_REDIS_URL)")
	fs.StringVar(&c.ElasticsearchURL, "elasticsearch-url", getenv("COMMERCE_ELASTICSEARCH_URL"),
		"http(s)://host:port (COMMERCE_ELASTICSEARCH_URL)")
	fs.StringVar(&logLevel, "log-level", envOr(getenv, "COMMERCE_LOG_LEVEL", "info"),
		"debug, info, warn or error (COMMERCE_LOG_LEVEL)")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", 15*time.Second,
		"how long a stop waits for requests in flight")
	// accounts flags (issue 3)
	c.readAccounts(getenv)

	// shop flags (issue 4)
	reservationTTL := envOr(getenv, "COMMERCE_RESERVATION_TTL", "30m")
	fs.Func("reservation-ttl", "how long an unpaid order holds its stock, such as 30m "+
		"(COMMERCE_RESERVATION_TTL)", func(v string) error { reservationTTL = v; return nil })
	fs.BoolVar(&c.SecureCookies, "secure-cookies", getenv("COMMERCE_SECURE_COOKIES") == "true",
		"mark cookies Secure behind a TLS proxy (COMMERCE_SECURE_COOKIES=true)")

	// search flags (issue 6)
	fs.StringVar(&c.SearchIndex, "search-index", envOr(getenv, "COMMERCE_SEARCH_INDEX",
		"products"), "Elasticsearch alias of the product index (COMMERCE_SEARCH_INDEX)")
	c.PprofAddr = getenv("COMMERCE_PPROF_ADDR")

	// payments flags (issue 5)
	c.readPayments(getenv)

	rest, err := parseFlags(fs, args)
	if err != nil {
		return Config{}, nil, err
	}
	if err := c.LogLevel.UnmarshalText([]byte(logLevel)); err != nil {
		return Config{}, nil, fmt.Errorf("COMMERCE_LOG_LEVEL %q: want debug, info, warn or error",
			logLevel)
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = "sqlite:" + filepath.Join(c.DataDir, "commerce.db")
	}
	if c.ReservationTTL, err = time.ParseDuration(reservationTTL); err != nil {
		return Config{}, nil, fmt.Errorf("COMMERCE_RESERVATION_TTL %q: want a duration such "+
			"as 30m or 2h", reservationTTL)
	}
	return c, rest, c.Validate()
}

// parseFlags parses flags before and after the command, so that both
// "commerce -addr :9 serve" and "commerce serve -addr :9" work.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		return nil, flagError(fs, err)
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return nil, nil
	}
	if err := fs.Parse(rest[1:]); err != nil {
		return nil, flagError(fs, err)
	}
	return append([]string{rest[0]}, fs.Args()...), nil
}

func flagError(fs *flag.FlagSet, err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return errUsage
	}
	return fmt.Errorf("%w; see commerce -h", err)
}

// Validate checks every value and says which is wrong.
func (c Config) Validate() error {
	var errs []error
	if err := checkAddr(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("COMMERCE_ADDR %q: %w", c.Addr, err))
	}
	if _, err := parseDatabaseURL(c.DatabaseURL); err != nil {
		errs = append(errs, fmt.Errorf("COMMERCE_DATABASE_URL %q: %w", redact(c.DatabaseURL), err))
	}
	if err := checkServiceURL(c.RedisURL, "redis", "rediss"); err != nil {
		errs = append(errs, fmt.Errorf("COMMERCE_REDIS_URL %q: %w", redact(c.RedisURL), err))
	}
	if err := checkServiceURL(c.ElasticsearchURL, "http", "https"); err != nil {
		errs = append(errs, fmt.Errorf("COMMERCE_ELASTICSEARCH_URL %q: %w",
			redact(c.ElasticsearchURL), err))
	}
	if c.ElasticsearchURL != "" && !validIndexName(c.SearchIndex) {
		errs = append(errs, fmt.Errorf("COMMERCE_SEARCH_INDEX %q: want lower-case letters, "+
			"digits, - and _, starting with a letter or digit, at most 200", c.SearchIndex))
	}
	if c.ShutdownTimeout <= 0 {
		errs = append(errs, errors.New("-shutdown-timeout: must be positive"))
	}
	if c.ReservationTTL < time.Minute || c.ReservationTTL > 30*24*time.Hour {
		errs = append(errs, fmt.Errorf("COMMERCE_RESERVATION_TTL %v: from 1m to 720h",
			c.ReservationTTL))
	}
	if err := checkPprofAddr(c.PprofAddr); err != nil {
		errs = append(errs, fmt.Errorf("COMMERCE_PPROF_ADDR %q: %w", c.PprofAddr, err))
	}
	errs = append(errs, c.validateAccounts()...)
	errs = append(errs, c.validatePayments()...)
	return errors.Join(errs...)
}

// validIndexName reports whether s can name an Elasticsearch alias.
func validIndexName(s string) bool {
	if s == "" || len(s) > 200 || s[0] == '-' || s[0] == '_' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func checkAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return errors.New("want host:port or :port, such as :8080")
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return errors.New("the port must be a number from 0 to 65535")
	}
	if strings.ContainsAny(host, "/ ") {
		return errors.New("the host must be a name or an IP address")
	}
	return nil
}

// checkServiceURL checks an optional URL of a service: one of the schemes
// and a host.
func checkServiceURL(raw string, schemes ...string) error {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return errors.New("not a URL")
	}
	for _, s := range schemes {
		if u.Scheme == s {
			if u.Host == "" {
				return errors.New("the URL needs a host")
			}
			return nil
		}
	}
	return fmt.Errorf("the scheme must be %s", strings.Join(schemes, " or "))
}

// redact hides the password of a URL, for messages and logs.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		if strings.Contains(raw, "@") {
			return "(hidden: it may hold a password)"
		}
		return raw
	}
	return u.Redacted()
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func envOr(getenv func(string) string, name, def string) string {
	if v := getenv(name); v != "" {
		return v
	}
	return def
}
