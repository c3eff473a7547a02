package rest

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
)

// writeJSON encodes v as the response body with the status. A value that
// cannot be encoded is a programming error; the client then gets a bare 500.
func writeJSON(w http.ResponseWriter, r *http.Request, code int, v any) {
	body, err := encode(v)
	if err != nil {
		http.Error(w, `{"error":{"code":"internal","message":"error interno"}}`,
			http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body) //nolint:gosec // JSON with its Content-Type, not HTML
	}
}

// writeCached answers a read with 200 and v, or with 304 when the client
// already holds the same body. The entity tag is a hash of the body: cheap
// next to the queries that made it, and it saves the transfer.
func (h *Handler) writeCached(w http.ResponseWriter, r *http.Request, v any) {
	body, err := encode(v)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	tag := etag(body)
	hdr := w.Header()
	hdr.Set("ETag", tag)
	hdr.Add("Vary", "Authorization, Cookie")
	hdr.Set("Cache-Control", h.cacheControl(r))
	if matches(r.Header.Get("If-None-Match"), tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr.Set("Content-Type", "application/json; charset=utf-8")
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// cacheControl lets shared caches keep what every anonymous shopper sees
// for a short while; answers for a signed-in principal may differ per
// person, so only the browser keeps them and asks again each time.
func (h *Handler) cacheControl(r *http.Request) string {
	if PrincipalFrom(r.Context()).Authenticated() || h.maxAge <= 0 {
		return "private, no-cache"
	}
	return "public, max-age=" + strconv.Itoa(h.maxAge)
}

func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// etag returns a weak entity tag for the body: equal bodies, equal tags.
func etag(body []byte) string {
	f := fnv.New64a()
	_, _ = f.Write(body)
	return `W/"` + strconv.FormatUint(f.Sum64(), 36) + `"`
}

// matches reports whether an If-None-Match header names the tag, comparing
// weakly as RFC 9110 asks for GET.
func matches(header, tag string) bool {
	if header == "" {
		return false
	}
	if strings.TrimSpace(header) == "*" {
		return true
	}
	want := strings.TrimPrefix(tag, "W/")
	for c := range strings.SplitSeq(header, ",") {
		if strings.TrimPrefix(strings.TrimSpace(c), "W/") == want {
			return true
		}
	}
	return false
}
