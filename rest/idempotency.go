package rest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// ReplayedHeader marks a response replayed for an Idempotency-Key.
const ReplayedHeader = "Idempotent-Replayed"

// replayHeaders are the headers stored with a response and replayed.
var replayHeaders = []string{"Content-Type", "Location", CartTokenHeader, "Set-Cookie"}

// errServerFault makes checkout.Idempotency release a key whose request
// failed on our side, so that a retry runs again.
var errServerFault = errors.New("server fault")

// ruleError is an invalid-input error that is a 422 whatever the method,
// such as a key reused with another request on a DELETE.
type ruleError struct{ err error }

func (e *ruleError) Error() string { return e.err.Error() }
func (e *ruleError) Unwrap() error { return e.err }

// idempotent is middleware for a mutating route: a request with an
// Idempotency-Key header runs once per key and principal; its first
// response is stored and replayed to every retry with the same key, method,
// path and body (Idempotent-Replayed: true). The same key with another
// request is a 422 naming Idempotency-Key; a retry while the first request
// runs is a 409. Responses of 500 and above are not stored: the key is
// released and a retry runs again. Requests without the header run as they
// are.
func (h *Handler) idempotent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, sent := r.Header[checkout.HeaderName]; !sent {
			next.ServeHTTP(w, r)
			return
		}
		key := r.Header.Get(checkout.HeaderName)
		body, err := readBody(r, maxBody)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		fingerprint := checkout.Fingerprint(r.Method, r.URL.Path, body)
		var served *capture
		resp, _, err := h.keys.Do(r.Context(), h.keyScope(r), key, fingerprint,
			func(ctx context.Context) (checkout.Response, error) {
				served = newCapture()
				req := r.WithContext(ctx)
				req.Body = io.NopCloser(bytes.NewReader(body))
				next.ServeHTTP(served, req)
				if served.code >= http.StatusInternalServerError {
					return checkout.Response{}, errServerFault
				}
				return served.response(), nil
			})
		switch {
		case served != nil:
			// This request ran: it gets its own response, even when the
			// key could not be stored or released.
			if err != nil && !errors.Is(err, errServerFault) {
				h.logInternal(r.Context(), err)
			}
			served.writeTo(w)
		case err != nil:
			if commerce.ErrorKind(err) == commerce.KindInvalid {
				err = &ruleError{err}
			}
			h.writeError(w, r, err)
		default:
			replay(w, resp)
		}
	})
}

// keyScope says whose key it is: a signed-in user's, a guest's by the hash
// of their cart token, or, for a shopper with neither, their address's (as
// Config.ClientIP tells it behind a proxy).
func (h *Handler) keyScope(r *http.Request) string {
	if p := PrincipalFrom(r.Context()); p.UserID != 0 {
		return "user:" + strconv.FormatInt(int64(p.UserID), 10)
	}
	if t := cartToken(r); t != "" {
		return "guest:" + cart.HashToken(t)
	}
	return "addr:" + h.clientIP(r)
}

func replay(w http.ResponseWriter, resp checkout.Response) {
	hdr := w.Header()
	for k, v := range resp.Header {
		hdr.Set(k, v)
	}
	hdr.Set(ReplayedHeader, "true")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("Content-Length", strconv.Itoa(len(resp.Body)))
	w.WriteHeader(resp.Status)
	_, _ = w.Write(resp.Body)
}

// capture is a ResponseWriter that keeps the response, to store it before
// it is sent.
type capture struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func newCapture() *capture { return &capture{header: http.Header{}} }

func (c *capture) Header() http.Header { return c.header }

func (c *capture) WriteHeader(code int) {
	if c.code == 0 {
		c.code = code
	}
}

func (c *capture) Write(b []byte) (int, error) {
	if c.code == 0 {
		c.code = http.StatusOK
	}
	return c.body.Write(b)
}

func (c *capture) response() checkout.Response {
	resp := checkout.Response{Status: c.code, Body: c.body.Bytes(), Header: map[string]string{}}
	for _, k := range replayHeaders {
		if v := c.header.Get(k); v != "" {
			resp.Header[k] = v
		}
	}
	return resp
}

func (c *capture) writeTo(w http.ResponseWriter) {
	hdr := w.Header()
	for k, vs := range c.header {
		hdr[k] = vs
	}
	if c.code == 0 {
		c.code = http.StatusOK
	}
	w.WriteHeader(c.code)
	_, _ = w.Write(c.body.Bytes())
}
