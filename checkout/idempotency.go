package checkout

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// KeyState says whether the request that claimed a key has finished.
type KeyState string

// The states of an idempotency key.
const (
	KeyInProgress KeyState = "in_progress"
	KeyDone       KeyState = "done"
)

// Response is the first response given for a key, to be replayed. Status
// is the edge's status code (HTTP); Body is opaque bytes.
type Response struct {
	Status int
	Header map[string]string // the few headers to replay, such as Location
	Body   []byte
}

// KeyRecord is an idempotency key as stored.
type KeyRecord struct {
	Scope       string // whose key: "user:42", "guest:<token hash>"
	Key         string
	Fingerprint string // of the request, see Fingerprint
	State       KeyState
	Response    Response  // when done
	LockedUntil time.Time // an in-progress record older than this was abandoned
	ExpiresAt   time.Time // after this the key may be used again
	CreatedAt   time.Time
}

// KeyStore keeps idempotency keys, unique on (Scope, Key). The
// checkout/checkouttest suite checks every adapter against this contract.
type KeyStore interface {
	// Claim stores rec, in progress, and returns it and true, when no
	// record has its scope and key, or when the one there has expired
	// (ExpiresAt not after now) or was abandoned (in progress with
	// LockedUntil not after now), which rec replaces. Otherwise it returns
	// the record there and false, unchanged. The insert relies on the
	// unique constraint and the replacement is conditional on the old
	// record, so two racing claims never both return true.
	Claim(ctx context.Context, rec KeyRecord, now time.Time) (KeyRecord, bool, error)
	// Complete stores the response of a claimed key and marks it done.
	Complete(ctx context.Context, scope, key string, r Response) error
	// Release deletes a key still in progress, so that a retry runs again.
	Release(ctx context.Context, scope, key string) error
	// DeleteExpired deletes the records that expired before now and
	// returns how many.
	DeleteExpired(ctx context.Context, now time.Time) (int, error)
}

// IdempotencyConfig tunes Idempotency.
type IdempotencyConfig struct {
	Clock commerce.Clock // the system clock when nil
	TTL   time.Duration  // how long a key is remembered; 24 hours when zero
	Lock  time.Duration  // how long a request may run before its key counts as abandoned; 1 minute
}

// Idempotency runs requests at most once per key, as Stripe does: the first
// response for a key is stored and replayed to every retry; the same key
// with another request is refused; a retry while the first still runs is
// refused too.
type Idempotency struct {
	keys  KeyStore
	clock commerce.Clock
	ttl   time.Duration
	lock  time.Duration
}

// NewIdempotency returns an Idempotency over the store.
func NewIdempotency(keys KeyStore, cfg IdempotencyConfig) *Idempotency {
	i := &Idempotency{keys: keys, clock: cfg.Clock, ttl: cfg.TTL, lock: cfg.Lock}
	if i.clock == nil {
		i.clock = commerce.SystemClock{}
	}
	if i.ttl == 0 {
		i.ttl = 24 * time.Hour
	}
	if i.lock == 0 {
		i.lock = time.Minute
	}
	return i
}

// HeaderName is the field the key arrives in, and the name field errors use.
const HeaderName = "Idempotency-Key"

// Do runs run once for (scope, key) and returns its response, or the stored
// response and true when the key was used before with the same
// fingerprint. When run returns an error the key is released and the error
// returned, so a retry runs again: run should return errors only for
// failures worth retrying (internal, unavailable) and a Response for every
// outcome the client must see again (created, invalid, out of stock). Do
// returns KindInvalid naming Idempotency-Key for a malformed key or one used
// with another request, and KindConflict while the first request runs.
func (i *Idempotency) Do(ctx context.Context, scope, key, fingerprint string,
	run func(ctx context.Context) (Response, error)) (Response, bool, error) {
	const op = "checkout.idempotency"
	if err := CheckKey(key); err != nil {
		return Response{}, false, err
	}
	now := i.clock.Now()
	rec := KeyRecord{Scope: scope, Key: key, Fingerprint: fingerprint, State: KeyInProgress,
		LockedUntil: now.Add(i.lock), ExpiresAt: now.Add(i.ttl), CreatedAt: now}
	got, claimed, err := i.keys.Claim(ctx, rec, now)
	if err != nil {
		return Response{}, false, fmt.Errorf("%s: %w", op, err)
	}
	if !claimed {
		return replay(op, got, fingerprint)
	}

	resp, err := run(ctx)
	if err != nil {
		if rerr := i.keys.Release(ctx, scope, key); rerr != nil {
			return Response{}, false, fmt.Errorf("%s: %w (release key: %w)", op, err, rerr)
		}
		return Response{}, false, err
	}
	if err := i.keys.Complete(ctx, scope, key, resp); err != nil {
		return resp, false, fmt.Errorf("%s: store response: %w", op, err)
	}
	return resp, false, nil
}

func replay(op string, got KeyRecord, fingerprint string) (Response, bool, error) {
	switch {
	case got.Fingerprint != fingerprint:
		return Response{}, false, commerce.Invalid(op, commerce.FieldError{Field: HeaderName,
			Message: "esta clave ya se usó con otra solicitud"})
	case got.State != KeyDone:
		return Response{}, false, commerce.Errorf(commerce.KindConflict, op,
			"una solicitud con esta clave de idempotencia está en curso")
	}
	return got.Response, true, nil
}

// CheckKey returns KindInvalid naming Idempotency-Key unless key is 1 to 255
// printable ASCII characters.
func CheckKey(key string) error {
	ok := key != "" && len(key) <= 255
	for i := 0; ok && i < len(key); i++ {
		ok = key[i] > ' ' && key[i] < 0x7f
	}
	if ok {
		return nil
	}
	return commerce.Invalid("checkout.idempotency", commerce.FieldError{Field: HeaderName,
		Message: "de 1 a 255 caracteres ASCII visibles"})
}

// Fingerprint returns a digest of a request: its method, route and body.
// A JSON body is compacted and its object keys sorted first, so that the
// same request sent with other spacing or key order matches.
func Fingerprint(method, route string, body []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", method, route)
	h.Write(canonical(body))
	return hex.EncodeToString(h.Sum(nil))
}

func canonical(body []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return body
	}
	out, err := json.Marshal(v)
	if err != nil {
		return body
	}
	return out
}
