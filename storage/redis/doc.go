// Package redis keeps in Redis what every server instance must share and
// no single process may hold alone: the counts of the rate limits and the
// sessions with their revocations.
//
// Open connects to the server a COMMERCE_REDIS_URL names, such as
// redis://:password@127.0.0.1:6379/0 or rediss:// for TLS, and every key
// the package writes starts with a prefix (DefaultPrefix, or the prefix
// option or query parameter), so that several shops or test runs can share
// one database. Then:
//
//   - Limiter is a ratelimit.Limiter whose windows live in Redis, cut into
//     the same buckets as ratelimit.Memory and counted by one Lua script
//     per request, so limits hold across instances. When Redis fails,
//     Allow returns the error: the rest package then lets the request
//     through and logs (the limits shield the shop, and an outage of their
//     store must not close it); the per-account back-off of failed sign-ins
//     lives in the database and still holds.
//   - Sessions is an auth.Store in Redis: refresh tokens, their families,
//     revoked families and revoked access token ids, each change atomic in
//     a Lua script. Revoked is one EXISTS, so checking an access token on
//     each request costs a round trip to Redis, not to the database. When
//     Redis fails, every method returns the error, and auth refuses the
//     token: revocations fail closed.
//
// Sessions live as long as Redis keeps them: without persistence, a
// restart of Redis signs everyone out, which is safe. Expired tokens leave
// when auth.Tokens.Purge runs, and in any case Redis drops every key an
// hour after the last token it concerns expires. The keys of one operation
// are not in one hash slot, so Redis Cluster is not supported; a single
// server or Sentinel is.
package redis
