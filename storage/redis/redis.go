package redis

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"

	goredis "github.com/redis/go-redis/v9"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// DefaultPrefix starts every key when no other prefix is given.
const DefaultPrefix = "moderno:"

// Options tune Open. The zero value is ready to use.
type Options struct {
	// Prefix starts every key: DefaultPrefix when empty. A prefix query
	// parameter in the URL takes its place.
	Prefix string
	Clock  commerce.Clock // the time of limits; the system clock when nil
	// DriverLog hears what the go-redis driver reports on its own, such as
	// failed dials, whose errors the methods also return; nil drops it.
	// go-redis keeps one logger per process: the latest Open sets it.
	DriverLog *slog.Logger
}

// Client is a connection pool to one Redis database with the key prefix.
// It is safe for concurrent use.
type Client struct {
	rdb    *goredis.Client
	prefix string
	clock  commerce.Clock
}

// Open connects to the Redis server rawURL names, in the form of
// COMMERCE_REDIS_URL: redis://[user:password@]host:port/db or rediss://
// for TLS, with the query parameters of go-redis (dial_timeout,
// pool_size, ...) and prefix. It checks that the server answers.
func Open(ctx context.Context, rawURL string, opts Options) (*Client, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "redis" && u.Scheme != "rediss" {
		return nil, errors.New("redis: the url must be redis://host:port/db or rediss://host:port/db")
	}
	q := u.Query()
	if p := q.Get("prefix"); p != "" {
		opts.Prefix = p
	}
	q.Del("prefix")
	u.RawQuery = q.Encode()
	ro, err := goredis.ParseURL(u.String())
	if err != nil {
		return nil, fmt.Errorf("redis: %w", err) // go-redis names the part, not the password
	}
	goredis.SetLogger(driverLog{opts.DriverLog})
	c := &Client{rdb: goredis.NewClient(ro), prefix: opts.Prefix, clock: opts.Clock}
	if c.prefix == "" {
		c.prefix = DefaultPrefix
	}
	if c.clock == nil {
		c.clock = commerce.SystemClock{}
	}
	if err := c.Ping(ctx); err != nil {
		_ = c.rdb.Close()
		return nil, err
	}
	return c, nil
}

// Ping checks that the server answers, for health checks.
func (c *Client) Ping(ctx context.Context) error {
	if err := c.rdb.Ping(ctx).Err(); err != nil {
		return unavailable("redis.ping", err)
	}
	return nil
}

// Close closes the connections.
func (c *Client) Close() error { return c.rdb.Close() }

// Prefix returns the prefix of every key the client writes.
func (c *Client) Prefix() string { return c.prefix }

// key returns the key of parts under the prefix.
func (c *Client) key(parts ...string) string {
	k := c.prefix
	for _, p := range parts {
		k += p
	}
	return k
}

// unavailable wraps a failure of Redis as KindUnavailable, which callers
// treat as a dependency being down, not as the request's fault.
func unavailable(op string, err error) error {
	return commerce.Wrap(commerce.KindUnavailable, op, err, "servicio no disponible")
}

// driverLog passes the go-redis driver's messages to a logger, or drops
// them.
type driverLog struct{ log *slog.Logger }

func (d driverLog) Printf(ctx context.Context, format string, v ...any) {
	if d.log != nil {
		d.log.WarnContext(ctx, "redis driver", "message", fmt.Sprintf(format, v...))
	}
}
