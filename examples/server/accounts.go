package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/pii"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/rest"
	"github.com/ecommerce-moderno/moderno/storage/redis"
)

// accounts is what the server keeps of accounts once opened.
type accounts struct {
	service  *customer.Service
	tokens   *auth.Tokens
	security *commerce.Bus // security events, logged as JSON
	limiter  ratelimit.Limiter
	redis    *redis.Client // nil unless COMMERCE_REDIS_URL is set
	limits   ratelimit.Policy
	proxies  rest.Proxies
	origins  map[string]bool
}

// openAccounts builds the account services over the database, with the
// keys of the configuration, and creates the first super admin when
// configured.
func (m *Main) openAccounts(ctx context.Context) error {
	c := m.Config
	jwtKeys, err := c.jwtKeys()
	if err != nil {
		return fmt.Errorf("jwt keys: %w", err)
	}
	piiKeys, err := c.piiKeys()
	if err != nil {
		return fmt.Errorf("pii keys: %w", err)
	}
	a := &accounts{security: &commerce.Bus{}}
	if a.limits, err = c.rateLimits(); err != nil {
		return err
	}
	if a.proxies, err = rest.ParseProxies(c.TrustedProxies); err != nil {
		return err
	}
	if a.origins, err = parseOrigins(c.CORSOrigins); err != nil {
		return err
	}
	logSecurity := auth.SecurityLog(m.Log)
	for _, name := range auth.SecurityEvents {
		a.security.Subscribe(name, logSecurity)
	}
	a.security.Subscribe(rest.EventStaffWrite, m.logStaffWrite)

	var sessions auth.Store
	if a.redis, sessions, a.limiter, err = m.shared(ctx); err != nil {
		return err
	}
	defer func() { // a failure below leaves no connection open
		if m.accounts == nil && a.redis != nil {
			_ = a.redis.Close()
		}
	}()
	a.tokens, err = auth.New(sessions, auth.Config{Keys: jwtKeys, Events: a.security,
		Logger: m.Log})
	if err != nil {
		return err
	}
	cipher, err := pii.New(piiKeys...)
	if err != nil {
		return err
	}
	a.service = customer.NewService(m.db, customer.Config{Tokens: a.tokens, Cipher: cipher,
		Mailer: &fileMailer{dir: filepath.Join(c.DataDir, "mail"), base: m.publicURL},
		Events: a.security, Logger: m.Log})
	m.accounts = a // the shop's daily cleanup purges expired sessions

	if c.AdminEmail == "" {
		return nil
	}
	created, err := a.service.Bootstrap(ctx, c.AdminEmail, c.AdminPassword)
	if err != nil {
		return fmt.Errorf("admin bootstrap: %w", err)
	}
	if created {
		m.Log.Info("created the first super admin from COMMERCE_ADMIN_EMAIL")
	}
	return nil
}

// publicURL is the base of the links in mails: COMMERCE_PUBLIC_URL, or the
// address the server listens on.
func (m *Main) publicURL() string {
	if m.Config.PublicURL != "" {
		return strings.TrimRight(m.Config.PublicURL, "/")
	}
	addr := m.Addr()
	if addr == "" {
		addr = m.Config.Addr
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil || host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// The storefront's pages that mails link to, with ?token=.
const (
	resetPage  = "/restablecer"
	verifyPage = "/verificar"
)

// fileMailer writes each mail as a text file under dir, for a developer
// (and the end-to-end tests) to read; a real shop puts its mail service
// behind customer.Mailer instead. The files hold single-use tokens: dir is
// readable by the owner only.
type fileMailer struct {
	dir  string
	base func() string
	seq  atomic.Int64
}

var subjects = map[string]string{
	customer.MailVerifyEmail:     "Confirme su correo electrónico",
	customer.MailPasswordReset:   "Restablezca su contraseña",
	customer.MailPasswordChanged: "Su contraseña cambió",
}

// Send writes the mail to a new file.
func (f *fileMailer) Send(_ context.Context, m customer.Mail) error {
	if err := os.MkdirAll(f.dir, 0o700); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "To: %s\nSubject: %s\nDate: %s\n\nHola %s:\n\n", m.To,
		subjects[m.Template], time.Now().UTC().Format(time.RFC1123Z), m.Name)
	page := ""
	switch m.Template {
	case customer.MailVerifyEmail:
		page = verifyPage
		b.WriteString("Confirme su correo electrónico con este enlace:\n")
	case customer.MailPasswordReset:
		page = resetPage
		b.WriteString("Alguien pidió restablecer su contraseña. Si fue usted, use este " +
			"enlace; si no, ignore este correo:\n")
	default:
		b.WriteString("Su contraseña cambió. Si no fue usted, restablézcala de inmediato.\n")
	}
	if page != "" {
		fmt.Fprintf(&b, "%s%s?token=%s\n\nEl enlace vence el %s (UTC).\n", f.base(), page,
			url.QueryEscape(m.Token), m.ExpiresAt.UTC().Format("2006-01-02 15:04"))
	}
	name := strconv.FormatInt(time.Now().UnixNano(), 10) + "-" +
		strconv.FormatInt(f.seq.Add(1), 10) + "-" + m.Template + ".txt"
	if err := os.WriteFile(filepath.Join(f.dir, name), []byte(b.String()), 0o600); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	return nil
}

// corsHeaders are the request headers a browser on an allowed origin may
// send.
const corsHeaders = "Authorization, Content-Type, Idempotency-Key, X-Cart-Token, " +
	"X-CSRF-Token, X-Request-ID, X-Session"

// edge sets HSTS on requests that came over TLS (directly or through a
// trusted proxy) and answers CORS for the origins of COMMERCE_CORS_ORIGINS.
// A cross-origin request from any other origin gets no CORS header, so the
// browser keeps its answer from the page; a preflight from one gets 403.
func (m *Main) edge(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var a accounts
		if m.accounts != nil {
			a = *m.accounts
		}
		h := w.Header()
		if a.proxies.HTTPS(r) {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		h.Add("Vary", "Origin")
		allowed := a.origins[strings.ToLower(origin)]
		preflight := r.Method == http.MethodOptions &&
			r.Header.Get("Access-Control-Request-Method") != ""
		if allowed {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Credentials", "true")
			h.Set("Access-Control-Expose-Headers", "ETag, Retry-After, X-Request-ID, "+
				"Location, X-Cart-Token, Idempotent-Replayed")
		}
		if !preflight {
			next.ServeHTTP(w, r)
			return
		}
		if !allowed {
			h.Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte(`{"error":{"code":"forbidden",` +
				`"message":"origen no permitido"}}` + "\n"))
			return
		}
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE")
		h.Set("Access-Control-Allow-Headers", corsHeaders)
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
	})
}

// logStaffWrite writes the audit trail of staff changes, one JSON record
// each.
func (m *Main) logStaffWrite(ctx context.Context, e commerce.Event) error {
	w, ok := e.Data.(rest.StaffWrite)
	if !ok {
		return nil
	}
	m.Log.LogAttrs(ctx, slog.LevelInfo, "audit", slog.String("event", e.Name),
		slog.Time("at", e.At), slog.Int64("actor_id", int64(w.ActorID)),
		slog.String("role", string(w.Role)), slog.String("method", w.Method),
		slog.String("route", w.Route), slog.Any("params", w.Params),
		slog.Int("status", w.Status), slog.String("ip", w.IP),
		slog.String("request_id", w.RequestID))
	return nil
}
