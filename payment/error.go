package payment

import (
	"errors"
	"fmt"
)

// Error is a gateway's failure. Message is safe to show to the shopper, in
// Spanish; Code is the gateway's own, such as "card_declined".
type Error struct {
	Code    string
	Message string
	// Retryable says the same call, with the same idempotency key, may
	// succeed later: a timeout, a rate limit, the gateway down. A decline
	// is not retryable.
	Retryable bool
	Err       error
}

// Error returns the code, the message and the cause.
func (e *Error) Error() string {
	s := fmt.Sprintf("payment: %s: %s", e.Code, e.Message)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Declined returns a final failure: the payment was refused.
func Declined(code, message string) *Error {
	return &Error{Code: code, Message: message}
}

// Temporary returns a failure worth retrying with the same key.
func Temporary(code string, err error) *Error {
	return &Error{Code: code, Message: "el medio de pago no responde; inténtelo más tarde",
		Retryable: true, Err: err}
}

// Retryable reports whether err says a retry with the same idempotency key
// may succeed. Errors that are not an *Error, such as a broken connection
// to a plugin, are retryable: idempotency keys make the retry safe.
func Retryable(err error) bool {
	var e *Error
	if errors.As(err, &e) {
		return e.Retryable
	}
	return err != nil
}
