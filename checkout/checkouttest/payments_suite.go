package checkouttest

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// RunPayments checks a checkout.PaymentStore: events claimed once, even
// by racing deliveries, released claims claimed again, stale claims taken
// over, and refunds kept in order with their sequence unique. newStore
// returns a fresh store and the id of an order in it.
func RunPayments(t *testing.T, newStore func(t *testing.T) (checkout.PaymentStore,
	commerce.OrderID)) {
	t.Run("EventOnce", func(t *testing.T) {
		s, id := newStore(t)
		now := NewClock().Now()
		var won atomic.Int32
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok, err := s.ClaimEvent(ctx, "stripe", "evt_1", now, time.Minute)
				if err != nil {
					t.Error(err)
				}
				if ok {
					won.Add(1)
				}
			}()
		}
		wg.Wait()
		if won.Load() != 1 {
			t.Fatalf("%d racing claims of one event won; want 1", won.Load())
		}
		if err := s.CompleteEvent(ctx, "stripe", "evt_1", id); err != nil {
			t.Fatal(err)
		}
		if ok, err := s.ClaimEvent(ctx, "stripe", "evt_1", now.Add(time.Hour),
			time.Minute); ok || err != nil {
			t.Errorf("claim of an applied event = %v, %v; want false", ok, err)
		}
		if ok, err := s.ClaimEvent(ctx, "other", "evt_1", now, time.Minute); !ok || err != nil {
			t.Errorf("claim of the same id from another gateway = %v, %v; want true", ok, err)
		}
	})
	t.Run("ReleasedAndStaleClaims", func(t *testing.T) {
		s, _ := newStore(t)
		now := NewClock().Now()
		mustClaim := func(at time.Time, want bool) {
			t.Helper()
			ok, err := s.ClaimEvent(ctx, "stripe", "evt_2", at, time.Minute)
			if err != nil || ok != want {
				t.Fatalf("ClaimEvent at %s = %v, %v; want %v", at, ok, err, want)
			}
		}
		mustClaim(now, true)
		mustClaim(now.Add(30*time.Second), false) // in progress
		if err := s.ReleaseEvent(ctx, "stripe", "evt_2"); err != nil {
			t.Fatal(err)
		}
		mustClaim(now.Add(31*time.Second), true)             // released: claimed again
		mustClaim(now.Add(31*time.Second+time.Minute), true) // abandoned: taken over
	})
	t.Run("Refunds", func(t *testing.T) {
		s, id := newStore(t)
		at := NewClock().Now()
		for i, n := range []int64{5000, 2500} {
			r := checkout.RefundRecord{OrderID: id, Seq: i + 1, ActorID: 3, At: at,
				Amount: commerce.FromMinor(n, commerce.CLP), Reference: "re_" + string(rune('a'+i))}
			if err := s.AddRefund(ctx, r); err != nil {
				t.Fatalf("AddRefund(%d) = %v", i+1, err)
			}
		}
		err := s.AddRefund(ctx, checkout.RefundRecord{OrderID: id, Seq: 2, At: at,
			Amount: commerce.FromMinor(1, commerce.CLP)})
		if commerce.ErrorKind(err) != commerce.KindConflict {
			t.Errorf("AddRefund of a taken seq = %v; want KindConflict", err)
		}
		got, err := s.Refunds(ctx, id)
		if err != nil || len(got) != 2 {
			t.Fatalf("Refunds = %+v, %v; want two", got, err)
		}
		if got[0].Seq != 1 || got[0].Amount.Minor() != 5000 ||
			got[0].Amount.Currency() != commerce.CLP || got[1].Reference != "re_b" ||
			got[1].ActorID != 3 || !got[1].At.Equal(at) {
			t.Errorf("Refunds = %+v; want 5000 CLP then re_b by 3", got)
		}
		if none, err := s.Refunds(ctx, id+1000); err != nil || len(none) != 0 {
			t.Errorf("Refunds of another order = %v, %v; want none", none, err)
		}
	})
}
