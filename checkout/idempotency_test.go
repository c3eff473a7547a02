package checkout_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
)

func TestIdempotencySemantics(t *testing.T) {
	keys := checkout.NewIdempotency(checkouttest.NewMemory(), checkout.IdempotencyConfig{})
	body := checkout.Fingerprint("POST", "/orders", []byte(`{"a": 1, "b": [1, 2]}`))
	same := checkout.Fingerprint("POST", "/orders", []byte(`{"b":[1,2],"a":1}`))
	other := checkout.Fingerprint("POST", "/orders", []byte(`{"a":2}`))
	if body != same || body == other {
		t.Fatal("Fingerprint does not ignore spacing and key order, or ignores values")
	}
	runs := 0
	ok := func(context.Context) (checkout.Response, error) {
		runs++
		return checkout.Response{Status: 201, Body: []byte("creado")}, nil
	}
	resp, replayed, err := keys.Do(ctx, "user:1", "k", body, ok)
	if err != nil || replayed || resp.Status != 201 {
		t.Fatalf("first Do = %+v, %v, %v", resp, replayed, err)
	}
	resp, replayed, err = keys.Do(ctx, "user:1", "k", same, ok)
	if err != nil || !replayed || string(resp.Body) != "creado" || runs != 1 {
		t.Errorf("replay = %+v, %v, %v (runs %d); want the stored response", resp, replayed,
			err, runs)
	}
	_, _, err = keys.Do(ctx, "user:1", "k", other, ok)
	if f := commerce.ErrorFields(err); len(f) != 1 || f[0].Field != checkout.HeaderName {
		t.Errorf("another body = %v; want invalid Idempotency-Key", err)
	}

	// A request that fails for a reason worth retrying leaves no trace.
	down := errors.New("database down")
	_, _, err = keys.Do(ctx, "user:1", "k2", body, func(context.Context) (checkout.Response,
		error) {
		return checkout.Response{}, down
	})
	if !errors.Is(err, down) {
		t.Fatalf("failing run = %v; want its error", err)
	}
	if _, replayed, err := keys.Do(ctx, "user:1", "k2", body, ok); err != nil || replayed {
		t.Errorf("retry after a failure = %v, %v; want a fresh run", replayed, err)
	}

	// While the first request runs, a second one is a conflict.
	_, _, err = keys.Do(ctx, "user:1", "k3", body, func(ctx context.Context) (checkout.Response,
		error) {
		_, _, inner := keys.Do(ctx, "user:1", "k3", body, ok)
		if commerce.ErrorKind(inner) != commerce.KindConflict {
			t.Errorf("concurrent Do = %v; want conflict", inner)
		}
		return checkout.Response{Status: 201}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "con espacio", string(make([]byte, 256))} {
		if _, _, err := keys.Do(ctx, "user:1", bad, body, ok); commerce.ErrorKind(err) !=
			commerce.KindInvalid {
			t.Errorf("Do(key %q) = %v; want invalid", bad, err)
		}
	}
}
