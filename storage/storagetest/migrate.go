package storagetest

import (
	"context"
	"testing"
)

// testMigrations reverts every migration, checks the status, and applies
// them again, twice, the second time as a no-op.
func testMigrations(t *testing.T, s Stores) {
	m := s.Migrations
	if m == nil {
		t.Skip("the adapter has no migrations")
	}
	ctx := context.Background()
	before, err := m.MigrationStatus(ctx)
	must(t, "MigrationStatus", err)
	if len(before) == 0 {
		t.Fatal("MigrationStatus() = []; want the adapter's migrations")
	}
	for _, st := range before {
		if !st.Applied || st.AppliedAt.IsZero() {
			t.Fatalf("MigrationStatus() after Migrate: %+v; want applied", st)
		}
	}
	for range before {
		must(t, "MigrateDown", m.MigrateDown(ctx))
	}
	must(t, "MigrateDown(none applied)", m.MigrateDown(ctx))
	after, err := m.MigrationStatus(ctx)
	must(t, "MigrationStatus", err)
	for _, st := range after {
		if st.Applied {
			t.Fatalf("MigrationStatus() after going down: %+v; want not applied", st)
		}
	}
	must(t, "Migrate", m.Migrate(ctx))
	must(t, "Migrate(again)", m.Migrate(ctx))
	again, err := m.MigrationStatus(ctx)
	must(t, "MigrationStatus", err)
	for _, st := range again {
		if !st.Applied {
			t.Fatalf("MigrationStatus() after Migrate: %+v; want applied", st)
		}
	}
	mustCategory(t, s, 0)
}
