package auth

import (
	"context"
	"log/slog"
	"strconv"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Security event names. Their Data is a SecurityEvent. The server logs them
// as structured JSON, for instance with SecurityLog.
const (
	EventLoginSucceeded   = "security.login.succeeded"
	EventLoginFailed      = "security.login.failed"    // Reason says why
	EventLoginThrottled   = "security.login.throttled" // the account is backing off
	EventTokenReused      = "security.token.reused"    // a used refresh token came back
	EventLogout           = "security.logout"
	EventPermissionDenied = "security.permission.denied"
	EventPasswordChanged  = "security.password.changed"
	EventResetRequested   = "security.password.reset_requested"
	EventPasswordReset    = "security.password.reset"
	EventEmailVerified    = "security.email.verified"
	EventUserRegistered   = "security.user.registered"
	EventRoleChanged      = "security.user.role_changed"
	EventUserActivated    = "security.user.activated"
	EventUserDeactivated  = "security.user.deactivated"
	EventUserErased       = "security.user.erased"
)

// SecurityEvents lists every security event name, for subscribing to all.
var SecurityEvents = []string{
	EventLoginSucceeded, EventLoginFailed, EventLoginThrottled, EventTokenReused, EventLogout,
	EventPermissionDenied, EventPasswordChanged, EventResetRequested, EventPasswordReset,
	EventEmailVerified, EventUserRegistered, EventRoleChanged, EventUserActivated,
	EventUserDeactivated, EventUserErased,
}

// SecurityEvent is what a security event tells. It never holds a password,
// a token, a key or an e-mail address.
type SecurityEvent struct {
	Type      string          `json:"type"`
	UserID    commerce.UserID `json:"user_id,omitempty"`  // whom it is about
	ActorID   commerce.UserID `json:"actor_id,omitempty"` // who acted, when not the user
	IP        string          `json:"ip,omitempty"`
	RequestID string          `json:"request_id,omitempty"`
	Reason    string          `json:"reason,omitempty"` // a short code, such as "bad_password"
	// Subject identifies an account that may not exist, such as the e-mail
	// of a failed sign-in, by a short hash so that logs hold no address.
	Subject string `json:"subject,omitempty"`
}

// Origin is where a request comes from. The HTTP layer stores it in the
// request's context with WithOrigin; security events read it from there.
type Origin struct {
	IP        string
	RequestID string
}

type originKey struct{}

// WithOrigin returns a copy of ctx that carries the origin.
func WithOrigin(ctx context.Context, o Origin) context.Context {
	return context.WithValue(ctx, originKey{}, o)
}

// OriginFrom returns the origin stored in ctx, or the zero Origin.
func OriginFrom(ctx context.Context) Origin {
	o, _ := ctx.Value(originKey{}).(Origin)
	return o
}

// Event returns a commerce event named name that carries se, with se.Type
// set to the name and the IP and request id taken from the origin in ctx
// when se has none.
func (se SecurityEvent) Event(ctx context.Context, name string, at time.Time) commerce.Event {
	o := OriginFrom(ctx)
	se.Type = name
	if se.IP == "" {
		se.IP = o.IP
	}
	if se.RequestID == "" {
		se.RequestID = o.RequestID
	}
	key := ""
	if se.UserID != 0 {
		key = "user:" + strconv.FormatInt(int64(se.UserID), 10)
	}
	return commerce.Event{Name: name, Key: key, At: at, Data: se}
}

// SecurityLog returns an event handler that writes every SecurityEvent to
// the logger, one record per event, at level Warn for failures and denials
// and Info otherwise. Subscribe it to each name in SecurityEvents.
func SecurityLog(logger *slog.Logger) commerce.Handler {
	return func(ctx context.Context, e commerce.Event) error {
		se, ok := e.Data.(SecurityEvent)
		if !ok {
			return nil
		}
		level := slog.LevelInfo
		switch e.Name {
		case EventLoginFailed, EventLoginThrottled, EventTokenReused, EventPermissionDenied:
			level = slog.LevelWarn
		}
		logger.LogAttrs(ctx, level, "security event",
			slog.String("event", e.Name),
			slog.Time("at", e.At),
			slog.Int64("user_id", int64(se.UserID)),
			slog.Int64("actor_id", int64(se.ActorID)),
			slog.String("ip", se.IP),
			slog.String("request_id", se.RequestID),
			slog.String("reason", se.Reason),
			slog.String("subject", se.Subject))
		return nil
	}
}
