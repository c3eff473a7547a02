package redis_test

import (
	"crypto/rand"
	"strconv"
	"testing"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/ecommerce-moderno/moderno/auth"
)

// TestKeysExpireWithoutPurge checks that Redis drops what Sessions writes
// an hour after the tokens expire, so that it stays bounded when Purge
// never runs: the token, its family, its user's set and the revocation.
func TestKeysExpireWithoutPurge(t *testing.T) {
	u := testURL(t)
	prefix := newPrefix(t)
	s := open(t, u, prefix, nil).Sessions()
	opts, err := goredis.ParseURL(u)
	if err != nil {
		t.Fatal(err)
	}
	rdb := goredis.NewClient(opts)
	defer rdb.Close()
	ctx := t.Context()

	issued := time.Date(2031, 3, 4, 5, 6, 7, 0, time.UTC)
	short := auth.Refresh{Hash: auth.HashToken(rand.Text()), Family: rand.Text(), UserID: 9,
		Started: issued, IssuedAt: issued, ExpiresAt: issued.Add(time.Hour)}
	long := short
	long.Hash, long.ExpiresAt = auth.HashToken(rand.Text()), issued.Add(7*24*time.Hour)
	for _, r := range []auth.Refresh{long, short} {
		if err := s.SaveRefresh(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RevokeFamily(ctx, short.Family, issued); err != nil {
		t.Fatal(err)
	}
	lastDrop := long.ExpiresAt.Add(time.Hour).UnixMilli()
	for key, want := range map[string]int64{
		"rt:" + short.Hash:       short.ExpiresAt.Add(time.Hour).UnixMilli(),
		"rt:" + long.Hash:        lastDrop,
		"fam:" + long.Family:     lastDrop,
		"frv:" + long.Family:     lastDrop,
		"usr:" + strconv.Itoa(9): lastDrop,
	} {
		got, err := rdb.Do(ctx, "PEXPIRETIME", prefix+key).Int64()
		if err != nil || got != want {
			t.Errorf("PEXPIRETIME %s = %d, %v; want %d", key, got, err, want)
		}
	}

	orphan := rand.Text()
	if err := s.RevokeFamily(ctx, orphan, issued); err != nil {
		t.Fatal(err)
	}
	ttl, err := rdb.PTTL(ctx, prefix+"frv:"+orphan).Result()
	if err != nil || ttl <= 59*24*time.Hour || ttl > 60*24*time.Hour {
		t.Errorf("TTL of a revoked family without tokens = %v, %v; want 60 days", ttl, err)
	}
}
