package redis

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// The keys of Sessions, after the client's prefix:
//
//	rt:<hash>     hash of a refresh token: f family, u user, s started,
//	              i issued, e expires, ud used, rv revoked ("" when zero)
//	fam:<family>  set of the hashes of the family's tokens
//	frv:<family>  the time the family was revoked, when it was
//	usr:<user>    set of the user's families
//	jti:<id>      a revoked access token id, expiring with the token
//	exp:rt        sorted set of refresh token hashes by expiry
//	exp:jti       sorted set of revoked ids by expiry
//
// Times are Unix microseconds in decimal, which Lua's numbers hold
// exactly.

// saveScript stores a refresh token unless its hash is taken, revoked at
// its issue when its family is. KEYS: rt, fam, frv, usr, exp:rt. ARGV:
// hash, family, user, started, issued, expires, used, revoked, and the
// Unix milliseconds after which Redis may drop the token on its own.
var saveScript = goredis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local revoked = ARGV[8]
if revoked == '' and redis.call('EXISTS', KEYS[3]) == 1 then revoked = ARGV[5] end
redis.call('HSET', KEYS[1], 'f', ARGV[2], 'u', ARGV[3], 's', ARGV[4], 'i', ARGV[5],
  'e', ARGV[6], 'ud', ARGV[7], 'rv', revoked)
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[2])
redis.call('ZADD', KEYS[5], ARGV[6], ARGV[1])
local drop = tonumber(ARGV[9])
for _, k in ipairs({KEYS[1], KEYS[2], KEYS[3], KEYS[4]}) do
  if redis.call('PEXPIRETIME', k) ~= -2 and redis.call('PEXPIRETIME', k) < drop then
    redis.call('PEXPIREAT', k, drop)
  end
end
return 1
`)

// useScript marks the token at KEYS[1] used at ARGV[1] when it is neither
// used nor revoked, and returns its fields as they were, or nil.
var useScript = goredis.NewScript(`
local v = redis.call('HMGET', KEYS[1], 'f', 'u', 's', 'i', 'e', 'ud', 'rv')
if not v[1] then return false end
if v[6] == '' and v[7] == '' then redis.call('HSET', KEYS[1], 'ud', ARGV[1]) end
return v
`)

// revokeScript revokes at ARGV[1] the family ARGV[4], or every family of
// the user ARGV[4] when ARGV[3] is "user"; ARGV[2] is the prefix. A family
// revoked before keeps its time. Redis may drop the revocation when the
// family's tokens go, or after ARGV[5] milliseconds for a family without
// tokens.
var revokeScript = goredis.NewScript(`
local at, p = ARGV[1], ARGV[2]
local fams = {ARGV[4]}
if ARGV[3] == 'user' then fams = redis.call('SMEMBERS', p .. 'usr:' .. ARGV[4]) end
for _, f in ipairs(fams) do
  local frv = p .. 'frv:' .. f
  redis.call('SET', frv, at, 'NX')
  local drop = redis.call('PEXPIRETIME', p .. 'fam:' .. f)
  if drop > 0 then
    redis.call('PEXPIREAT', frv, drop)
  elseif redis.call('TTL', frv) == -1 then
    redis.call('PEXPIRE', frv, ARGV[5])
  end
  for _, h in ipairs(redis.call('SMEMBERS', p .. 'fam:' .. f)) do
    local k = p .. 'rt:' .. h
    if redis.call('HGET', k, 'rv') == '' then redis.call('HSET', k, 'rv', at) end
  end
end
return #fams
`)

// purgeScript forgets at most ARGV[3] refresh tokens and as many revoked
// ids that expired before ARGV[2], and the families and revocations left
// without tokens; ARGV[1] is the prefix. It returns how many it forgot.
var purgeScript = goredis.NewScript(`
local p, before, n = ARGV[1], '(' .. ARGV[2], ARGV[3]
local hs = redis.call('ZRANGEBYSCORE', p .. 'exp:rt', '-inf', before, 'LIMIT', 0, n)
for _, h in ipairs(hs) do
  local k = p .. 'rt:' .. h
  local v = redis.call('HMGET', k, 'f', 'u')
  if v[1] then
    local fam = p .. 'fam:' .. v[1]
    redis.call('SREM', fam, h)
    if redis.call('SCARD', fam) == 0 then
      redis.call('DEL', p .. 'frv:' .. v[1])
      redis.call('SREM', p .. 'usr:' .. v[2], v[1])
    end
  end
  redis.call('DEL', k)
  redis.call('ZREM', p .. 'exp:rt', h)
end
local ids = redis.call('ZRANGEBYSCORE', p .. 'exp:jti', '-inf', before, 'LIMIT', 0, n)
for _, id in ipairs(ids) do
  redis.call('DEL', p .. 'jti:' .. id)
  redis.call('ZREM', p .. 'exp:jti', id)
end
return #hs + #ids
`)

// afterExpiry is how long after a token expires Redis may drop it, and its
// family, user and revocation keys once all their tokens went, on its own:
// Purge forgets them at the token's expiry, and this bounds what is left
// when Purge does not run. It exceeds any clock leeway.
const afterExpiry = time.Hour

// orphanRevocation is how long Redis keeps the revocation of a family that
// has no tokens: longer than any session.
const orphanRevocation = 60 * 24 * time.Hour

// purgeBatch is how many tokens one run of purgeScript forgets at most, so
// that no run blocks Redis for long.
const purgeBatch = 500

// Sessions is an auth.Store in Redis, shared by every instance that uses
// the same server and prefix: a logout or a reused refresh token on one
// instance is refused on all. Every change is one atomic script.
type Sessions struct {
	c *Client
}

var _ auth.Store = (*Sessions)(nil)

// Sessions returns the session store over the client.
func (c *Client) Sessions() *Sessions { return &Sessions{c: c} }

func micros(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.FormatInt(t.UnixMicro(), 10)
}

func fromMicros(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("time %q: %w", s, err)
	}
	return time.UnixMicro(n).UTC(), nil
}

// SaveRefresh stores a new refresh token. It returns KindConflict for a
// taken hash.
func (s *Sessions) SaveRefresh(ctx context.Context, r auth.Refresh) error {
	const op = "redis.save refresh"
	c := s.c
	user := strconv.FormatInt(int64(r.UserID), 10)
	n, err := saveScript.Run(ctx, c.rdb, []string{c.key("rt:", r.Hash),
		c.key("fam:", r.Family), c.key("frv:", r.Family), c.key("usr:", user), c.key("exp:rt")},
		r.Hash, r.Family, user, micros(r.Started), micros(r.IssuedAt), micros(r.ExpiresAt),
		micros(r.UsedAt), micros(r.RevokedAt), r.ExpiresAt.Add(afterExpiry).UnixMilli()).Int()
	if err != nil {
		return unavailable(op, err)
	}
	if n == 0 {
		return commerce.Errorf(commerce.KindConflict, op, "token repetido")
	}
	return nil
}

// UseRefresh marks the token used when it was neither used nor revoked,
// and returns it as it was. It returns KindNotFound for an unknown hash.
func (s *Sessions) UseRefresh(ctx context.Context, hash string, at time.Time) (auth.Refresh,
	error) {
	const op = "redis.use refresh"
	vs, err := useScript.Run(ctx, s.c.rdb, []string{s.c.key("rt:", hash)}, micros(at)).Slice()
	if errors.Is(err, goredis.Nil) {
		return auth.Refresh{}, commerce.NotFound(op, "token")
	} else if err != nil {
		return auth.Refresh{}, unavailable(op, err)
	}
	r, err := refresh(hash, vs)
	if err != nil {
		return auth.Refresh{}, fmt.Errorf("%s: %w", op, err)
	}
	return r, nil
}

// refresh reads the fields useScript returns.
func refresh(hash string, vs []any) (auth.Refresh, error) {
	if len(vs) != 7 {
		return auth.Refresh{}, fmt.Errorf("token %s: %d fields", hash, len(vs))
	}
	f := make([]string, len(vs))
	for i, v := range vs {
		f[i], _ = v.(string)
	}
	user, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return auth.Refresh{}, fmt.Errorf("token %s: user %q", hash, f[1])
	}
	r := auth.Refresh{Hash: hash, Family: f[0], UserID: commerce.UserID(user)}
	for i, t := range []*time.Time{&r.Started, &r.IssuedAt, &r.ExpiresAt, &r.UsedAt,
		&r.RevokedAt} {
		if *t, err = fromMicros(f[i+2]); err != nil {
			return auth.Refresh{}, fmt.Errorf("token %s: %w", hash, err)
		}
	}
	return r, nil
}

// RevokeFamily revokes every token of the family and remembers the family
// as revoked.
func (s *Sessions) RevokeFamily(ctx context.Context, family string, at time.Time) error {
	return s.revoke(ctx, "redis.revoke family", "family", family, at)
}

// RevokeUser revokes every family of the user.
func (s *Sessions) RevokeUser(ctx context.Context, user commerce.UserID, at time.Time) error {
	return s.revoke(ctx, "redis.revoke user", "user", strconv.FormatInt(int64(user), 10), at)
}

func (s *Sessions) revoke(ctx context.Context, op, mode, arg string, at time.Time) error {
	err := revokeScript.Run(ctx, s.c.rdb, nil, micros(at), s.c.prefix, mode, arg,
		orphanRevocation.Milliseconds()).Err()
	if err != nil {
		return unavailable(op, err)
	}
	return nil
}

// RevokeToken remembers the access token id as revoked until it expires.
func (s *Sessions) RevokeToken(ctx context.Context, id string, expires time.Time) error {
	c := s.c
	_, err := c.rdb.TxPipelined(ctx, func(p goredis.Pipeliner) error {
		p.Set(ctx, c.key("jti:", id), micros(expires), 0)
		p.PExpireAt(ctx, c.key("jti:", id), expires.Add(afterExpiry))
		p.ZAdd(ctx, c.key("exp:jti"), goredis.Z{Score: float64(expires.UnixMicro()),
			Member: id})
		return nil
	})
	if err != nil {
		return unavailable("redis.revoke token", err)
	}
	return nil
}

// Revoked reports whether the access token id or its family was revoked.
// It fails, and auth refuses the token, when Redis does not answer.
func (s *Sessions) Revoked(ctx context.Context, id, family string) (bool, error) {
	n, err := s.c.rdb.Exists(ctx, s.c.key("jti:", id), s.c.key("frv:", family)).Result()
	if err != nil {
		return false, unavailable("redis.revoked", err)
	}
	return n > 0, nil
}

// Purge forgets refresh tokens and revoked ids that expired before the
// time, and revoked families none of whose tokens is left, in batches.
func (s *Sessions) Purge(ctx context.Context, before time.Time) error {
	for {
		n, err := purgeScript.Run(ctx, s.c.rdb, nil, s.c.prefix,
			strconv.FormatInt(before.UnixMicro(), 10), purgeBatch).Int()
		if err != nil {
			return unavailable("redis.purge", err)
		}
		if n < purgeBatch {
			return nil
		}
	}
}
