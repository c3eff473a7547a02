package main

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/storage/redis"
)

// shared returns where sessions and rate limits live: in Redis when
// COMMERCE_REDIS_URL is set, so that every instance sharing it honours the
// others' revocations and counts, and otherwise in the database and in
// this process. Sessions moving between the two stores sign everyone out,
// which is safe.
func (m *Main) shared(ctx context.Context) (*redis.Client, auth.Store, ratelimit.Limiter,
	error) {
	if m.Config.RedisURL == "" {
		return nil, m.db, ratelimit.NewMemory(ratelimit.MemoryConfig{}), nil
	}
	c, err := redis.Open(ctx, m.Config.RedisURL, redis.Options{DriverLog: m.Log})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("COMMERCE_REDIS_URL %s: %w", redact(m.Config.RedisURL),
			err)
	}
	m.Log.Info("sessions, revocations and rate limits live in Redis",
		"redis", redact(m.Config.RedisURL), "prefix", c.Prefix())
	return c, c.Sessions(), c.Limiter(), nil
}

// checks are the checks of GET /health: the database, and Redis when
// sessions live there, since no signed-in request works without it.
func (m *Main) checks() map[string]func(context.Context) error {
	checks := map[string]func(context.Context) error{"database": m.db.Ping}
	if m.accounts != nil && m.accounts.redis != nil {
		checks["redis"] = m.accounts.redis.Ping
	}
	if m.ready != nil {
		checks["search"] = m.ready.check // failing while the index is built
	}
	return checks
}
