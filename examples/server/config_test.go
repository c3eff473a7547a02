package main

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func env(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

func TestParseConfigDefaults(t *testing.T) {
	c, cmd, err := ParseConfig(nil, env(nil))
	if err != nil {
		t.Fatalf("ParseConfig() = %v", err)
	}
	want := Config{Addr: ":8080", DataDir: "./data", DatabaseURL: "sqlite:data/commerce.db",
		LogLevel: slog.LevelInfo, ShutdownTimeout: 15 * time.Second,
		ReservationTTL: 30 * time.Minute, SearchIndex: "products"}
	for _, v := range bankVars {
		*v.field(&want.bankSettings) = v.demo
	}
	if c != want || cmd != nil {
		t.Errorf("ParseConfig() = %+v, %v; want %+v, no command", c, cmd, want)
	}
}

func TestParseConfigOverrides(t *testing.T) {
	vars := map[string]string{"COMMERCE_ADDR": "127.0.0.1:9000", "COMMERCE_DATA_DIR": "/srv",
		"COMMERCE_LOG_LEVEL": "debug", "COMMERCE_REDIS_URL": "redis://cache:6379/0"}
	c, cmd, err := ParseConfig([]string{"migrate", "-log-level", "WARN", "status"}, env(vars))
	if err != nil {
		t.Fatalf("ParseConfig = %v", err)
	}
	if c.Addr != "127.0.0.1:9000" || c.LogLevel != slog.LevelWarn ||
		c.DatabaseURL != "sqlite:"+filepath.Join("/srv", "commerce.db") ||
		c.RedisURL != "redis://cache:6379/0" {
		t.Errorf("ParseConfig = %+v; want env values with the flag's log level", c)
	}
	if strings.Join(cmd, " ") != "migrate status" {
		t.Errorf("command = %v; want migrate status", cmd)
	}
}

func TestParseConfigInvalid(t *testing.T) {
	tests := []struct {
		name string
		vars map[string]string
		want string
	}{
		{"addr without port", map[string]string{"COMMERCE_ADDR": "8080"}, "COMMERCE_ADDR"},
		{"addr port", map[string]string{"COMMERCE_ADDR": ":99999"}, "COMMERCE_ADDR"},
		{"engine", map[string]string{"COMMERCE_DATABASE_URL": "postgres://x/y"}, "DATABASE_URL"},
		{"sqlite empty", map[string]string{"COMMERCE_DATABASE_URL": "sqlite:"}, "DATABASE_URL"},
		{"mysql no db", map[string]string{"COMMERCE_DATABASE_URL": "mysql://u:p@h:3306/"},
			"database name"},
		{"mysql no user", map[string]string{"COMMERCE_DATABASE_URL": "mysql://h:3306/db"},
			"user"},
		{"redis scheme", map[string]string{"COMMERCE_REDIS_URL": "http://cache"}, "REDIS_URL"},
		{"redis host", map[string]string{"COMMERCE_REDIS_URL": "redis://"}, "REDIS_URL"},
		{"es scheme", map[string]string{"COMMERCE_ELASTICSEARCH_URL": "ftp://es"},
			"ELASTICSEARCH_URL"},
		{"log level", map[string]string{"COMMERCE_LOG_LEVEL": "loud"}, "LOG_LEVEL"},
		{"search index", map[string]string{"COMMERCE_ELASTICSEARCH_URL": "http://es:9200",
			"COMMERCE_SEARCH_INDEX": "Products!"}, "SEARCH_INDEX"},
		{"pprof public", map[string]string{"COMMERCE_PPROF_ADDR": "0.0.0.0:6060"}, "PPROF_ADDR"},
		{"pprof any host", map[string]string{"COMMERCE_PPROF_ADDR": ":6060"}, "PPROF_ADDR"},
		{"pprof name", map[string]string{"COMMERCE_PPROF_ADDR": "example.com:6060"},
			"PPROF_ADDR"},
		{"pprof port", map[string]string{"COMMERCE_PPROF_ADDR": "127.0.0.1"}, "PPROF_ADDR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseConfig(nil, env(tt.vars))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseConfig(%v) = %v; want an error naming %s", tt.vars, err, tt.want)
			}
		})
	}
}

func TestConfigHidesPasswords(t *testing.T) {
	_, _, err := ParseConfig(nil, env(map[string]string{
		"COMMERCE_DATABASE_URL": "mysql://shop:s3cret@db:3306/",
		"COMMERCE_REDIS_URL":    "ftp://:t0ken@cache"}))
	if err == nil || strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(),
		"t0ken") {
		t.Errorf("ParseConfig error = %v; want one without the passwords", err)
	}
}

func TestMySQLDSN(t *testing.T) {
	got, err := mysqlDSN("mysql://shop:p%40ss@db.local/commerce")
	want := "shop:p@ss@tcp(db.local:3306)/commerce"
	if err != nil || !strings.HasPrefix(got, want) {
		t.Errorf("mysqlDSN = %q, %v; want %q", got, err, want)
	}
}

func TestCommands(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"COMMERCE_DATA_DIR": dir}
	call := func(args ...string) (int, string) {
		var out, errs bytes.Buffer
		code := run(context.Background(), args, env(vars), &out, &errs)
		return code, out.String() + errs.String()
	}
	if code, out := call("-h"); code != 0 || !strings.Contains(out, "migrate status") {
		t.Errorf("commerce -h = %d %q; want 0 and the usage", code, out)
	}
	if code, out := call("bogus"); code != 2 || !strings.Contains(out, `"command":"bogus"`) {
		t.Errorf("commerce bogus = %d %q; want 2 and the command named in the log", code, out)
	}
	if code, out := call("-addr", "nope"); code != 2 || !strings.Contains(out, "COMMERCE_ADDR") {
		t.Errorf("commerce -addr nope = %d %q; want 2 naming COMMERCE_ADDR", code, out)
	}
	if code, out := call("migrate", "up"); code != 0 {
		t.Fatalf("migrate up = %d %s", code, out)
	}
	if code, out := call("migrate", "status"); code != 0 || strings.Contains(out, " no\n") {
		t.Errorf("migrate status after up = %d %q; want all applied", code, out)
	}
	if code, out := call("migrate", "down"); code != 0 {
		t.Fatalf("migrate down = %d %s", code, out)
	}
	if code, out := call("migrate", "status"); code != 0 || !strings.Contains(out, " no\n") {
		t.Errorf("migrate status after down = %d %q; want one not applied", code, out)
	}
	if code, _ := call("migrate", "sideways"); code != 2 {
		t.Errorf("migrate sideways = %d; want 2", code)
	}
}

func TestCommandName(t *testing.T) {
	for _, c := range []struct {
		cmd  []string
		want string
	}{{nil, "serve"}, {[]string{"migrate", "up"}, "migrate"}, {[]string{"reindex"}, "reindex"}} {
		if got := commandName(c.cmd); got != c.want {
			t.Errorf("commandName(%q) = %q; want %q", c.cmd, got, c.want)
		}
	}
}
