package redis

import (
	"context"
	"fmt"
	"strconv"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/ecommerce-moderno/moderno/ratelimit"
)

// allowScript counts one request in the window at KEYS[1], a hash of bucket
// number to count plus the field "last", the newest bucket counted. ARGV:
// the bucket of now, the number of buckets before it that the window
// covers, the limit's count, and how long the key may idle, in
// milliseconds. Buckets that left the window are deleted; a clock stepping
// back counts as the newest bucket, as in ratelimit.Memory. It returns
// {1, bucket, sum before} when it counted the request, and
// {0, bucket, sum, buckets and counts...} when it refused it.
var allowScript = goredis.NewScript(`
local b = ARGV[1]
local last = redis.call('HGET', KEYS[1], 'last')
if last and tonumber(last) > tonumber(b) then b = last end
local oldest = tonumber(b) - tonumber(ARGV[2])
local fields = redis.call('HGETALL', KEYS[1])
local sum, kept = 0, {}
for i = 1, #fields, 2 do
  local f = fields[i]
  if f ~= 'last' then
    if tonumber(f) < oldest then
      redis.call('HDEL', KEYS[1], f)
    else
      sum = sum + tonumber(fields[i + 1])
      kept[#kept + 1] = f
      kept[#kept + 1] = fields[i + 1]
    end
  end
end
if sum >= tonumber(ARGV[3]) then
  local out = {0, b, sum}
  for i = 1, #kept do out[#out + 1] = kept[i] end
  return out
end
redis.call('HINCRBY', KEYS[1], b, 1)
redis.call('HSET', KEYS[1], 'last', b)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {1, b, sum}
`)

// Limiter is a ratelimit.Limiter whose windows live in Redis, shared by
// every instance that uses the same server and prefix. Each key's window
// is cut into ratelimit.Slots buckets and counted as ratelimit.Memory
// counts it, atomically, by one script per request. It takes the time from
// the client's clock.
type Limiter struct {
	c *Client
}

var _ ratelimit.Limiter = (*Limiter)(nil)

// Limiter returns the rate limiter over the client.
func (c *Client) Limiter() *Limiter { return &Limiter{c: c} }

// Allow counts one request under key when it fits the limit. When Redis
// fails it returns a refusal and a KindUnavailable error; callers choose
// whether to let the request through.
func (l *Limiter) Allow(ctx context.Context, key string, lim ratelimit.Limit) (
	ratelimit.Decision, error) {
	if lim.Unlimited() {
		return ratelimit.Decision{Allowed: true, Limit: lim}, nil
	}
	const op = "redis.allow"
	now := l.c.clock.Now()
	width := max(lim.Period/ratelimit.Slots, time.Nanosecond)
	bucket := now.UnixNano() / int64(width)
	idle := (lim.Period + 2*width).Milliseconds() + 1
	res, err := allowScript.Run(ctx, l.c.rdb, []string{l.c.key("rl:", lim.String(), ":", key)},
		bucket, ratelimit.Slots, lim.Count, idle).Slice()
	if err != nil {
		return ratelimit.Decision{Limit: lim}, unavailable(op, err)
	}
	ints, err := integers(res)
	if err != nil || len(ints) < 3 || len(ints)%2 == 0 {
		return ratelimit.Decision{Limit: lim}, unavailable(op,
			fmt.Errorf("unexpected answer %v: %w", res, err))
	}
	sum := int(ints[2])
	if ints[0] == 1 {
		return ratelimit.Decision{Allowed: true, Limit: lim, Remaining: lim.Count - sum - 1}, nil
	}
	counts := map[int64]int{}
	for i := 3; i < len(ints); i += 2 {
		counts[ints[i]] = int(ints[i+1])
	}
	return ratelimit.Decision{Limit: lim,
		RetryAfter: retryAfter(ints[1], counts, sum, lim.Count, width, now)}, nil
}

// retryAfter returns how long until enough of the oldest buckets leave the
// window of bucket b for one more request to fit, as ratelimit.Memory
// does: bucket i leaves when bucket i+Slots+1 begins.
func retryAfter(b int64, counts map[int64]int, sum, count int, width time.Duration,
	now time.Time) time.Duration {
	for i := b - ratelimit.Slots; i <= b; i++ {
		sum -= counts[i]
		if sum < count {
			return time.Unix(0, (i+ratelimit.Slots+1)*int64(width)).Sub(now)
		}
	}
	return width
}

// integers reads a script's answer of numbers and numeric strings.
func integers(vs []any) ([]int64, error) {
	out := make([]int64, len(vs))
	for i, v := range vs {
		switch v := v.(type) {
		case int64:
			out[i] = v
		case string:
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, err
			}
			out[i] = n
		default:
			return nil, fmt.Errorf("element %d is %T", i, v)
		}
	}
	return out, nil
}
