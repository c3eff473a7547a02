package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Defaults of Config.
const (
	DefaultIssuer     = "moderno"
	DefaultAudience   = "moderno-api"
	DefaultAccessTTL  = time.Hour
	DefaultRefreshTTL = 7 * 24 * time.Hour
	DefaultSessionTTL = 30 * 24 * time.Hour
	DefaultLeeway     = 30 * time.Second
)

// Config holds what Tokens needs besides its store.
type Config struct {
	// Keys sign and check access tokens, newest first: the first signs,
	// all check. Required.
	Keys     []Key
	Issuer   string // the iss claim; DefaultIssuer when empty
	Audience string // the aud claim; DefaultAudience when empty
	// AccessTTL, RefreshTTL and SessionTTL are the lives of an access
	// token, of a refresh token, and of a session however often it rotates.
	// The defaults are an hour, seven days and thirty days.
	AccessTTL  time.Duration
	RefreshTTL time.Duration
	SessionTTL time.Duration
	// Leeway absorbs clock skew between server instances when checking
	// times: DefaultLeeway when zero, none when negative.
	Leeway time.Duration
	Clock  commerce.Clock     // the system clock when nil
	Events commerce.Publisher // security events are dropped when nil
	Logger *slog.Logger       // hears failing event consumers; nil is silent
}

// Pair is what a sign-in or a refresh hands out.
type Pair struct {
	AccessToken      string
	RefreshToken     string
	AccessExpiresAt  time.Time
	RefreshExpiresAt time.Time
	Session          string // the family id, for "sign out this device"
}

// Claims is what a valid access token says.
type Claims struct {
	UserID    commerce.UserID
	Role      commerce.Role
	TokenID   string // the jti claim
	Session   string // the sid claim: the family that issued the token
	IssuedAt  time.Time
	ExpiresAt time.Time
}

// Principal returns the principal the token speaks for.
func (c Claims) Principal() commerce.Principal { return commerce.User(c.UserID, c.Role) }

// Resolver returns the principal a user acts as now, or an error when the
// user may no longer sign in (deactivated, erased, password expired). Refresh
// calls it so that a rotated token carries the user's current role.
type Resolver func(ctx context.Context, id commerce.UserID) (commerce.Principal, error)

// Tokens issues, rotates, checks and revokes tokens. It is safe for
// concurrent use.
type Tokens struct {
	store  Store
	keys   map[string][]byte
	signer string
	cfg    Config
	parser *jwt.Parser
	clock  commerce.Clock
	events commerce.Publisher
	log    *slog.Logger
}

// New returns Tokens over the store. It fails when no key is given, two keys
// share an id, or the lives are inconsistent.
func New(store Store, cfg Config) (*Tokens, error) {
	if err := defaults(&cfg); err != nil {
		return nil, err
	}
	t := &Tokens{store: store, keys: map[string][]byte{}, signer: cfg.Keys[0].ID, cfg: cfg,
		clock: cfg.Clock, events: cfg.Events, log: cfg.Logger}
	for _, k := range cfg.Keys {
		if _, dup := t.keys[k.ID]; dup {
			return nil, fmt.Errorf("auth: key id %q given twice", k.ID)
		}
		if len(k.secret) < MinKeySize {
			return nil, fmt.Errorf("auth: key %q is shorter than %d bytes", k.ID, MinKeySize)
		}
		t.keys[k.ID] = k.secret
	}
	t.parser = jwt.NewParser(
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(cfg.Issuer),
		jwt.WithAudience(cfg.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(max(cfg.Leeway, 0)),
		jwt.WithTimeFunc(t.clock.Now),
	)
	return t, nil
}

func defaults(cfg *Config) error {
	if len(cfg.Keys) == 0 {
		return errors.New("auth: no signing key given")
	}
	cfg.Issuer = or(cfg.Issuer, DefaultIssuer)
	cfg.Audience = or(cfg.Audience, DefaultAudience)
	cfg.AccessTTL = or(cfg.AccessTTL, DefaultAccessTTL)
	cfg.RefreshTTL = or(cfg.RefreshTTL, DefaultRefreshTTL)
	cfg.SessionTTL = or(cfg.SessionTTL, DefaultSessionTTL)
	cfg.Leeway = or(cfg.Leeway, DefaultLeeway)
	if cfg.AccessTTL < 0 || cfg.RefreshTTL < cfg.AccessTTL || cfg.SessionTTL < cfg.RefreshTTL {
		return errors.New("auth: want 0 < access ttl <= refresh ttl <= session ttl")
	}
	if cfg.Clock == nil {
		cfg.Clock = commerce.SystemClock{}
	}
	if cfg.Events == nil {
		cfg.Events = commerce.Discard
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return nil
}

func or[T comparable](v, fallback T) T {
	var zero T
	if v == zero {
		return fallback
	}
	return v
}

// AccessTTL returns how long an access token lives, for the expires_in of a
// sign-in response.
func (t *Tokens) AccessTTL() time.Duration { return t.cfg.AccessTTL }

// Issue starts a new session for the user p and returns its first pair of
// tokens. It returns KindInternal when p is not a signed-in user.
func (t *Tokens) Issue(ctx context.Context, p commerce.Principal) (Pair, error) {
	if p.UserID <= 0 || !p.Role.Valid() || p.IsSystem() {
		return Pair{}, errors.New("auth.issue: the principal is not a user")
	}
	now := t.clock.Now()
	return t.issue(ctx, p, newID(), now, now)
}

func (t *Tokens) issue(ctx context.Context, p commerce.Principal, family string,
	started, now time.Time) (Pair, error) {
	claims, access, err := t.sign(p, family, now)
	if err != nil {
		return Pair{}, err
	}
	raw, hash := newRefresh()
	r := Refresh{Hash: hash, Family: family, UserID: p.UserID, Started: started,
		IssuedAt: now, ExpiresAt: now.Add(t.cfg.RefreshTTL)}
	if end := started.Add(t.cfg.SessionTTL); end.Before(r.ExpiresAt) {
		r.ExpiresAt = end
	}
	if err := t.store.SaveRefresh(ctx, r); err != nil {
		return Pair{}, fmt.Errorf("auth.issue: %w", err)
	}
	return Pair{AccessToken: access, RefreshToken: raw, AccessExpiresAt: claims.ExpiresAt,
		RefreshExpiresAt: r.ExpiresAt, Session: family}, nil
}

func (t *Tokens) sign(p commerce.Principal, family string, now time.Time) (Claims, string,
	error) {
	c := Claims{UserID: p.UserID, Role: p.Role, TokenID: newID(), Session: family,
		IssuedAt: now, ExpiresAt: now.Add(t.cfg.AccessTTL)}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, toJWT(c, t.cfg))
	tok.Header["kid"] = t.signer
	signed, err := tok.SignedString(t.keys[t.signer])
	if err != nil {
		return Claims{}, "", fmt.Errorf("auth.sign: %w", err)
	}
	return c, signed, nil
}

// Refresh rotates a refresh token: it spends the token and returns a new
// pair of the same session for the principal resolve gives. A token already
// spent means it was copied: the whole session is revoked and
// EventTokenReused published. It returns KindUnauthenticated for an unknown,
// spent, revoked or expired token, and resolve's error, after revoking the
// session, when the user may no longer sign in.
func (t *Tokens) Refresh(ctx context.Context, raw string, resolve Resolver) (Pair, error) {
	const op = "auth.refresh"
	hash, ok := hashRefresh(raw)
	if !ok {
		return Pair{}, unauthenticated(op, errors.New("malformed refresh token"))
	}
	now := t.clock.Now()
	r, err := t.store.UseRefresh(ctx, hash, now)
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return Pair{}, unauthenticated(op, errors.New("unknown refresh token"))
	} else if err != nil {
		return Pair{}, fmt.Errorf("%s: %w", op, err)
	}
	if err := t.check(ctx, r, now); err != nil {
		return Pair{}, err
	}

	p, err := resolve(ctx, r.UserID)
	if err != nil {
		if kind := commerce.ErrorKind(err); kind != commerce.KindInternal &&
			kind != commerce.KindUnavailable {
			_ = t.store.RevokeFamily(ctx, r.Family, now)
		}
		return Pair{}, err
	}
	if p.UserID != r.UserID {
		return Pair{}, fmt.Errorf("%s: resolver returned another user", op)
	}
	return t.issue(ctx, p, r.Family, r.Started, now)
}

// check refuses a refresh token that was revoked, spent or expired. A spent
// one revokes its family.
func (t *Tokens) check(ctx context.Context, r Refresh, now time.Time) error {
	const op = "auth.refresh"
	switch {
	case !r.RevokedAt.IsZero():
		return unauthenticated(op, errors.New("revoked refresh token"))
	case !r.UsedAt.IsZero():
		if err := t.store.RevokeFamily(ctx, r.Family, now); err != nil {
			return fmt.Errorf("%s: revoke reused family: %w", op, err)
		}
		t.publish(ctx, SecurityEvent{UserID: r.UserID, Reason: "refresh_token_reused"},
			EventTokenReused, now)
		return unauthenticated(op, errors.New("reused refresh token; session revoked"))
	case !now.Before(r.ExpiresAt):
		return unauthenticated(op, errors.New("expired refresh token"))
	}
	return nil
}

// Verify checks an access token: its signature under a key of the ring,
// HS256 and nothing else, issuer, audience, expiry, not-before and issue
// time against the clock, and that neither it nor its session was revoked.
// It returns KindUnauthenticated for a token that fails any check.
func (t *Tokens) Verify(ctx context.Context, raw string) (Claims, error) {
	const op = "auth.verify"
	if raw == "" || len(raw) > 4096 {
		return Claims{}, unauthenticated(op, errors.New("missing or oversized token"))
	}
	var jc jwtClaims
	if _, err := t.parser.ParseWithClaims(raw, &jc, t.key); err != nil {
		return Claims{}, unauthenticated(op, err)
	}
	c, err := fromJWT(jc)
	if err != nil {
		return Claims{}, unauthenticated(op, err)
	}
	revoked, err := t.store.Revoked(ctx, c.TokenID, c.Session)
	if err != nil {
		return Claims{}, fmt.Errorf("%s: %w", op, err)
	}
	if revoked {
		return Claims{}, unauthenticated(op, errors.New("revoked token"))
	}
	return c, nil
}

// Authenticate returns the principal an access token speaks for, and
// commerce.Anonymous for the empty string. It returns the errors of Verify.
func (t *Tokens) Authenticate(ctx context.Context, raw string) (commerce.Principal, error) {
	if raw == "" {
		return commerce.Anonymous, nil
	}
	c, err := t.Verify(ctx, raw)
	if err != nil {
		return commerce.Anonymous, err
	}
	return c.Principal(), nil
}

func (t *Tokens) key(tok *jwt.Token) (any, error) {
	if tok.Method != jwt.SigningMethodHS256 {
		return nil, errors.New("unexpected signing method")
	}
	kid, _ := tok.Header["kid"].(string)
	secret, ok := t.keys[kid]
	if !ok {
		return nil, errors.New("unknown key id")
	}
	return secret, nil
}

// Logout ends the session of the access token, of the refresh token, or of
// both: every token of the session is revoked. Either may be empty. It
// returns KindUnauthenticated when neither names a session.
func (t *Tokens) Logout(ctx context.Context, access, refresh string) error {
	const op = "auth.logout"
	now := t.clock.Now()
	var families []string
	user := commerce.UserID(0)
	if c, err := t.Verify(ctx, access); err == nil {
		families, user = append(families, c.Session), c.UserID
		if err := t.store.RevokeToken(ctx, c.TokenID, c.ExpiresAt); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	if hash, ok := hashRefresh(refresh); ok {
		if r, err := t.store.UseRefresh(ctx, hash, now); err == nil {
			families, user = append(families, r.Family), r.UserID
		}
	}
	if len(families) == 0 {
		return unauthenticated(op, errors.New("no session named"))
	}
	for _, f := range families {
		if err := t.store.RevokeFamily(ctx, f, now); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	t.publish(ctx, SecurityEvent{UserID: user}, EventLogout, now)
	return nil
}

// RevokeUser ends every session of the user, as when the password changes
// or the account is deactivated.
func (t *Tokens) RevokeUser(ctx context.Context, id commerce.UserID) error {
	if err := t.store.RevokeUser(ctx, id, t.clock.Now()); err != nil {
		return fmt.Errorf("auth.revoke user: %w", err)
	}
	return nil
}

// Purge forgets expired tokens and revocations. Run it now and then.
func (t *Tokens) Purge(ctx context.Context) error {
	if err := t.store.Purge(ctx, t.clock.Now().Add(-max(t.cfg.Leeway, 0))); err != nil {
		return fmt.Errorf("auth.purge: %w", err)
	}
	return nil
}

func (t *Tokens) publish(ctx context.Context, se SecurityEvent, name string, at time.Time) {
	if err := t.events.Publish(ctx, se.Event(ctx, name, at)); err != nil {
		t.log.ErrorContext(ctx, "auth: event consumer failed", "event", name, "err", err)
	}
}

// unauthenticated returns the one error every refused token gets, so that a
// caller learns nothing of why; the cause stays in the chain for logs.
func unauthenticated(op string, cause error) error {
	return commerce.Wrap(commerce.KindUnauthenticated, op, cause, "sesión no válida o expirada")
}
