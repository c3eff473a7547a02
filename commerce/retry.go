package commerce

import (
	"errors"
	"fmt"
	"time"
)

// retryAfter is the cause of a rate-limited error: how long to wait.
type retryAfter time.Duration

func (r retryAfter) Error() string {
	return fmt.Sprintf("retry after %s", time.Duration(r))
}

// RateLimited returns an error of kind KindRateLimited for op that tells
// the caller to wait at least wait before trying again. The HTTP layer
// answers it with 429 and a Retry-After header read with RetryAfter.
func RateLimited(op string, wait time.Duration) *Error {
	secs := RetrySeconds(wait)
	return &Error{Kind: KindRateLimited, Op: op, Err: retryAfter(wait),
		Message: fmt.Sprintf("demasiados intentos; inténtelo de nuevo en %d segundos", secs)}
}

// RetryAfter returns how long to wait before trying again, when err's chain
// holds an error made by RateLimited, and zero otherwise.
func RetryAfter(err error) time.Duration {
	var r retryAfter
	if errors.As(err, &r) {
		return time.Duration(r)
	}
	return 0
}

// RetrySeconds returns the wait in whole seconds rounded up, at least 1, as
// the Retry-After header wants it.
func RetrySeconds(wait time.Duration) int64 {
	secs := int64((wait + time.Second - 1) / time.Second)
	return max(secs, 1)
}
