package rest

import (
	"crypto/rand"
	"crypto/subtle"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

// The cookie mode of the browser application (docs/api.md): a request with
// SessionHeader: cookie gets its refresh token in an HttpOnly cookie that
// script cannot read, and a CSRF token in a cookie that script reads and
// sends back in CSRFHeader.
const (
	SessionHeader = "X-Session"
	CSRFHeader    = "X-CSRF-Token"
	RefreshCookie = "moderno_refresh"
	CSRFCookie    = "moderno_csrf"
	refreshPath   = "/auth"
	cookieMaxAge  = 7 * 24 * time.Hour
)

// Bearer returns an Authenticator that verifies the access token of the
// Authorization: Bearer header with the tokens. A request without the
// header is anonymous; a bad, expired or revoked token is 401.
func Bearer(tokens *auth.Tokens) Authenticator {
	return func(r *http.Request) (commerce.Principal, error) {
		raw, err := bearerToken(r)
		if err != nil || raw == "" {
			return commerce.Anonymous, err
		}
		return tokens.Authenticate(r.Context(), raw)
	}
}

// bearerToken returns the token of the Authorization header, "" when there
// is none, and an error for a header of another scheme.
func bearerToken(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", nil
	}
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return "", commerce.Errorf(commerce.KindUnauthenticated, "rest.authenticate",
			"use Authorization: Bearer <token>")
	}
	return strings.TrimSpace(token), nil
}

// sessionJSON is the answer of a sign-in, in the shape of section 5.2. In
// cookie mode RefreshToken is empty and left out.
type sessionJSON struct {
	AccessToken  string               `json:"access_token"`
	RefreshToken string               `json:"refresh_token,omitempty"`
	TokenType    string               `json:"token_type"`
	ExpiresIn    int64                `json:"expires_in"`
	User         customer.SessionUser `json:"user"`
}

type messageJSON struct {
	Message string `json:"message"`
}

// accountRoutes adds the routes of accounts, administration and the staff
// writes of the catalog, when the Handler has the accounts service.
func (h *Handler) accountRoutes(r chi.Router) {
	if h.accounts == nil {
		return
	}
	r.Group(func(r chi.Router) {
		r.Use(h.limit("auth", h.limits.Auth, perIP))
		r.Post("/auth/register", h.register)
		r.Post("/auth/login", h.login)
		r.Post("/auth/forgot-password", h.forgotPassword)
		r.Post("/auth/reset-password", h.resetPassword)
		r.Post("/auth/verify-email", h.verifyEmail)
		r.Post("/auth/change-expired-password", h.changeExpiredPassword)
	})
	// Refresh and logout spend a token of 256 random bits, nothing to
	// guess: the general limit is enough, and the browser refreshes on
	// every page load.
	r.Post("/auth/refresh", h.refresh)
	r.Post("/auth/logout", h.logout)
	h.meRoutes(r)
	r.Group(func(r chi.Router) {
		r.Use(h.staffOnly, h.limit("admin", h.limits.Admin, perUser), h.auditWrites)
		h.adminRoutes(r)
		h.staffRoutes(r)
	})
}

// cookieMode reports whether the client asked for the refresh token in a
// cookie.
func cookieMode(r *http.Request) bool {
	return strings.EqualFold(strings.TrimSpace(r.Header.Get(SessionHeader)), "cookie")
}

// writeSession answers a new session: the refresh token in the body, or in
// cookie mode in the HttpOnly cookie with a fresh CSRF token beside it.
func (h *Handler) writeSession(w http.ResponseWriter, r *http.Request, code int,
	s customer.Session) {
	body := sessionJSON{AccessToken: s.AccessToken, RefreshToken: s.RefreshToken,
		TokenType: s.TokenType, ExpiresIn: s.ExpiresIn, User: s.User}
	if cookieMode(r) {
		body.RefreshToken = ""
		setSessionCookies(w, s.RefreshToken, rand.Text(), int(cookieMaxAge/time.Second))
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, code, body)
}

// setSessionCookies sets both cookies of cookie mode; maxAge -1 deletes
// them.
func setSessionCookies(w http.ResponseWriter, refresh, csrf string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: RefreshCookie, Value: refresh, Path: refreshPath,
		MaxAge: maxAge, HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
	// The CSRF cookie is meant for script to read: not HttpOnly.
	http.SetCookie(w, &http.Cookie{Name: CSRFCookie, Value: csrf, Path: "/", //nolint:gosec
		MaxAge: maxAge, Secure: true, SameSite: http.SameSiteStrictMode})
}

// errCSRF answers a cookie-mode request whose CSRF header does not match.
var errCSRF = commerce.Errorf(commerce.KindForbidden, "rest.csrf",
	"falta el encabezado X-CSRF-Token o no coincide con la cookie moderno_csrf")

// cookieRefresh returns the refresh token of the cookie after checking
// that the CSRF header matches the CSRF cookie. Without a refresh cookie
// there is no session to protect: that is a 401, so that a browser without
// a session learns just that.
func cookieRefresh(r *http.Request) (string, error) {
	rc, err := r.Cookie(RefreshCookie)
	if err != nil || rc.Value == "" {
		return "", commerce.Errorf(commerce.KindUnauthenticated, "rest.refresh",
			"sesión no válida o expirada")
	}
	c, err := r.Cookie(CSRFCookie)
	header := r.Header.Get(CSRFHeader)
	if err != nil || c.Value == "" || header == "" ||
		subtle.ConstantTimeCompare([]byte(c.Value), []byte(header)) != 1 {
		return "", errCSRF
	}
	return rc.Value, nil
}

type credentialsJSON struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// register serves POST /auth/register.
func (h *Handler) register(w http.ResponseWriter, r *http.Request) {
	var in customer.Registration
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	s, err := h.accounts.Register(r.Context(), in)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeSession(w, r, http.StatusCreated, s)
}

// login serves POST /auth/login.
func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	var in credentialsJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	s, err := h.accounts.Login(r.Context(), in.Email, in.Password)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeSession(w, r, http.StatusOK, s)
}

type changeExpiredJSON struct {
	Email           string `json:"email"`
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// changeExpiredPassword serves POST /auth/change-expired-password, for staff
// whose password expired and who therefore cannot sign in.
func (h *Handler) changeExpiredPassword(w http.ResponseWriter, r *http.Request) {
	var in changeExpiredJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	s, err := h.accounts.ChangeExpiredPassword(r.Context(), in.Email, in.CurrentPassword,
		in.NewPassword)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeSession(w, r, http.StatusOK, s)
}

type refreshJSON struct {
	RefreshToken string `json:"refresh_token"`
}

// refresh serves POST /auth/refresh.
func (h *Handler) refresh(w http.ResponseWriter, r *http.Request) {
	var raw string
	if cookieMode(r) {
		var err error
		if raw, err = cookieRefresh(r); err != nil {
			h.writeError(w, r, err)
			return
		}
	} else {
		var in refreshJSON
		if err := readJSON(r, h.maxBody, &in); err != nil {
			h.writeError(w, r, err)
			return
		}
		if in.RefreshToken == "" {
			h.writeError(w, r, commerce.Invalid("rest.refresh", commerce.FieldError{
				Field: "refresh_token", Message: "es obligatorio"}))
			return
		}
		raw = in.RefreshToken
	}
	s, err := h.accounts.Refresh(r.Context(), raw)
	if err != nil {
		if cookieMode(r) && commerce.ErrorKind(err) == commerce.KindUnauthenticated {
			setSessionCookies(w, "", "", -1)
		}
		h.writeError(w, r, err)
		return
	}
	h.writeSession(w, r, http.StatusOK, s)
}

// logout serves POST /auth/logout: it ends the session of the access token,
// the refresh token (body or cookie), or both.
func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	access, err := bearerToken(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var refresh string
	if cookieMode(r) {
		if refresh, err = cookieRefresh(r); commerce.ErrorKind(err) == commerce.KindForbidden {
			h.writeError(w, r, err)
			return
		}
		setSessionCookies(w, "", "", -1)
	} else if r.ContentLength != 0 {
		var in refreshJSON
		if err := readJSON(r, h.maxBody, &in); err != nil {
			h.writeError(w, r, err)
			return
		}
		refresh = in.RefreshToken
	}
	if err := h.accounts.Logout(r.Context(), access, refresh); err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}

type emailJSON struct {
	Email string `json:"email"`
}

// forgotPassword serves POST /auth/forgot-password. The answer is the same
// whether the account exists or not.
func (h *Handler) forgotPassword(w http.ResponseWriter, r *http.Request) {
	var in emailJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	if err := h.accounts.ForgotPassword(r.Context(), in.Email); err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, r, http.StatusAccepted, messageJSON{Message: "si existe una cuenta con " +
		"ese correo, le enviamos un enlace para restablecer la contraseña"})
}

type resetJSON struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

// resetPassword serves POST /auth/reset-password.
func (h *Handler) resetPassword(w http.ResponseWriter, r *http.Request) {
	var in resetJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	if err := h.accounts.ResetPassword(r.Context(), in.Token, in.Password); err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, r, http.StatusOK, messageJSON{Message: "contraseña actualizada; " +
		"inicie sesión con la nueva"})
}

type tokenJSON struct {
	Token string `json:"token"`
}

// verifyEmail serves POST /auth/verify-email.
func (h *Handler) verifyEmail(w http.ResponseWriter, r *http.Request) {
	var in tokenJSON
	if err := readJSON(r, h.maxBody, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	if err := h.accounts.VerifyEmail(r.Context(), in.Token); err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, r, http.StatusOK, messageJSON{Message: "correo electrónico verificado"})
}

// staffOnly refuses anybody but staff before the route runs; the services
// check the exact permission again.
func (h *Handler) staffOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := PrincipalFrom(r.Context())
		switch {
		case p.IsSystem() || p.Role.Staff() && p.UserID != 0:
			next.ServeHTTP(w, r)
		case !p.Authenticated():
			h.writeError(w, r, commerce.Errorf(commerce.KindUnauthenticated, "rest.staff",
				"debe iniciar sesión"))
		default:
			se := auth.SecurityEvent{ActorID: p.UserID, Reason: "not_staff"}
			if err := h.events.Publish(r.Context(), se.Event(r.Context(),
				auth.EventPermissionDenied, time.Now())); err != nil {
				h.logInternal(r.Context(), err)
			}
			h.writeError(w, r, commerce.Errorf(commerce.KindForbidden, "rest.staff",
				"no tiene permiso para esta acción"))
		}
	})
}
