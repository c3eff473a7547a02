package payment

import (
	"errors"
	"fmt"

	"github.com/ecommerce-moderno/moderno/commerce"
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

// Unavailable returns a failure of the gateway itself rather than of the
// payment: a plugin that crashed, timed out or whose circuit is open. It is
// retryable, and of kind commerce.KindUnavailable, so that the HTTP layer
// answers 503 and never 500.
func Unavailable(code string, err error) *Error {
	const msg = "el medio de pago no está disponible; inténtelo más tarde"
	return &Error{Code: code, Message: msg, Retryable: true,
		Err: commerce.Wrap(commerce.KindUnavailable, "payment."+code, err, msg)}
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
