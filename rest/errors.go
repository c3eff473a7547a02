package rest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

// malformedError marks a request the server could not read at all (a bad
// query string, a body that is not JSON), as opposed to one that reads well
// but breaks a rule. Both are commerce.KindInvalid; only the status differs.
type malformedError struct{ err error }

func (e *malformedError) Error() string { return e.err.Error() }
func (e *malformedError) Unwrap() error { return e.err }

// malformed returns an invalid-input error naming the fields, marked as a
// request that could not be read.
func malformed(fields ...commerce.FieldError) error {
	return &malformedError{err: commerce.Invalid("rest.read request", fields...)}
}

// status maps an error to its HTTP status. It is the only place that knows
// how commerce error kinds become statuses.
func status(r *http.Request, err error) int {
	switch commerce.ErrorKind(err) {
	case commerce.KindInvalid:
		var big *tooLargeError
		if errors.As(err, &big) {
			return http.StatusRequestEntityTooLarge
		}
		var m *malformedError
		var rule *ruleError
		if errors.As(err, &rule) {
			return http.StatusUnprocessableEntity
		}
		if errors.As(err, &m) || !hasBody(r) {
			return http.StatusBadRequest
		}
		return http.StatusUnprocessableEntity
	case commerce.KindNotFound:
		return http.StatusNotFound
	case commerce.KindConflict, commerce.KindOutOfStock:
		return http.StatusConflict
	case commerce.KindUnauthenticated:
		return http.StatusUnauthorized
	case commerce.KindForbidden:
		return http.StatusForbidden
	case commerce.KindRateLimited:
		return http.StatusTooManyRequests
	case commerce.KindUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// hasBody reports whether the request's method carries a body, so that a
// rule broken by the body is a 422 and a bad query parameter a 400.
func hasBody(r *http.Request) bool {
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
		return true
	case http.MethodDelete: // DELETE /me carries the password
		return r.ContentLength > 0
	}
	return false
}

// errorBody is the JSON of every error response.
type errorBody struct {
	Error errorJSON `json:"error"`
}

type errorJSON struct {
	Code      string                `json:"code"`
	Message   string                `json:"message"`
	Fields    []commerce.FieldError `json:"fields,omitempty"`
	RequestID string                `json:"request_id,omitempty"`
}

// writeError answers with the error's status and body. Internal errors are
// logged here, once, with the request id; the client reads only a generic
// message.
func (h *Handler) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := status(r, err)
	kind := commerce.ErrorKind(err)
	if code == http.StatusInternalServerError {
		kind = commerce.KindInternal
		h.logInternal(r.Context(), err)
	}
	body := errorBody{Error: errorJSON{
		Code:      kind.String(),
		Message:   commerce.ErrorMessage(err),
		Fields:    commerce.ErrorFields(err),
		RequestID: RequestIDFrom(r.Context()),
	}}
	if kind == commerce.KindInternal {
		body.Error.Message, body.Error.Fields = "error interno", nil
	}
	if errors.Is(err, ErrSearchBuilding) {
		body.Error.Code = "search_unavailable"
		w.Header().Set("Retry-After", SearchRetrySeconds)
	}
	if errors.Is(err, customer.ErrPasswordExpired) {
		body.Error.Code = "password_expired" // a 403 the sign-in page answers with a form
	}
	switch kind {
	case commerce.KindRateLimited:
		w.Header().Set("Retry-After", strconv.Itoa(retrySeconds(err)))
	case commerce.KindUnauthenticated:
		w.Header().Set("WWW-Authenticate", `Bearer realm="moderno"`)
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, code, body)
}

// retrySeconds is the error's wait in whole seconds, rounded up, at least
// one; a minute when the error does not say.
func retrySeconds(err error) int {
	d := commerce.RetryAfter(err)
	if d <= 0 {
		return 60
	}
	return max(1, int((d+time.Second-1)/time.Second))
}

func (h *Handler) logInternal(ctx context.Context, err error) {
	if h.log == nil || errors.Is(err, context.Canceled) {
		return
	}
	h.log.LogAttrs(ctx, slog.LevelError, "rest: internal error",
		slog.String("request_id", RequestIDFrom(ctx)), slog.String("err", err.Error()))
}

// errNoRoute answers a path the API does not serve.
var errNoRoute = commerce.Errorf(commerce.KindNotFound, "rest.route", "ruta no encontrada")

// panicError carries a recovered panic to the log as an internal error.
type panicError struct{ v any }

func (e panicError) Error() string { return fmt.Sprintf("panic: %v", e.v) }

// internal marks err as a fault of ours whatever kinds it wraps: a product
// whose category cannot be found is broken data, not a missing page.
func internal(err error) error {
	return commerce.Wrap(commerce.KindInternal, "rest", err, "")
}
