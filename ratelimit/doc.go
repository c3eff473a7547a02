// Package ratelimit counts requests per key (an IP, a user) against limits
// such as "5/1m": at most that many in any window of that length.
//
// A Limiter decides; Memory is the in-process one, and the Redis adapter
// shares limits across server instances. Both run the contract suite in
// ratelimittest. Limits come from configuration strings parsed by Parse, and
// Policy gathers the four of the specification (authentication, general,
// search and administration) with their environment variables.
package ratelimit
