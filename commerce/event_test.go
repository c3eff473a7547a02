package commerce_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
)

func TestBus(t *testing.T) {
	var bus commerce.Bus
	var got []string
	cancel := bus.Subscribe("a", func(_ context.Context, e commerce.Event) error {
		got = append(got, "a:"+e.Key)
		return nil
	})
	bus.Subscribe("*", func(_ context.Context, e commerce.Event) error {
		got = append(got, "*:"+e.Key)
		return errors.New("consumer down")
	})

	err := bus.Publish(context.Background(), commerce.Event{Name: "a", Key: "1"},
		commerce.Event{Name: "b", Key: "2"})
	if err == nil {
		t.Error("Publish hid a consumer's error")
	}
	want := []string{"a:1", "*:1", "*:2"}
	if len(got) != len(want) {
		t.Fatalf("delivered %v; want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("delivery %d = %q; want %q", i, got[i], want[i])
		}
	}

	cancel()
	got = nil
	_ = bus.Publish(context.Background(), commerce.Event{Name: "a", Key: "3"})
	if len(got) != 1 || got[0] != "*:3" {
		t.Errorf("after cancel delivered %v; want only the wildcard", got)
	}
}

func TestBusConcurrent(t *testing.T) {
	var bus commerce.Bus
	var mu sync.Mutex
	n := 0
	bus.Subscribe("x", func(context.Context, commerce.Event) error {
		mu.Lock()
		n++
		mu.Unlock()
		return nil
	})
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = bus.Publish(context.Background(), commerce.Event{Name: "x"})
			cancel := bus.Subscribe("y", func(context.Context, commerce.Event) error { return nil })
			cancel()
		}()
	}
	wg.Wait()
	if n != 50 {
		t.Errorf("handled %d events; want 50", n)
	}
}
