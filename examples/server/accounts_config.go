package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/pii"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/rest"
)

// production is the value of COMMERCE_ENV that demands explicit keys.
const production = "production"

// rateLimitTexts are the COMMERCE_RATE_LIMIT_* values as given.
type rateLimitTexts struct{ Auth, General, Search, Admin string }

// readAccounts reads the settings of accounts from the environment.
func (c *Config) readAccounts(getenv func(string) string) {
	c.Env = strings.ToLower(strings.TrimSpace(getenv("COMMERCE_ENV")))
	c.JWTKeys, c.PIIKeys = getenv("COMMERCE_JWT_KEYS"), getenv("COMMERCE_PII_KEYS")
	c.AdminEmail = getenv("COMMERCE_ADMIN_EMAIL")
	c.AdminPassword = getenv("COMMERCE_ADMIN_PASSWORD")
	c.PublicURL = getenv("COMMERCE_PUBLIC_URL")
	c.CORSOrigins = getenv("COMMERCE_CORS_ORIGINS")
	c.TrustedProxies = getenv("COMMERCE_TRUSTED_PROXIES")
	c.RateLimits = rateLimitTexts{Auth: getenv(ratelimit.EnvAuth),
		General: getenv(ratelimit.EnvGeneral), Search: getenv(ratelimit.EnvSearch),
		Admin: getenv(ratelimit.EnvAdmin)}
}

// validateAccounts checks the settings of accounts; keys are never quoted
// back.
func (c Config) validateAccounts() []error {
	var errs []error
	if c.Env != "" && c.Env != production && c.Env != "development" {
		errs = append(errs, fmt.Errorf("COMMERCE_ENV %q: want production or development", c.Env))
	}
	if c.JWTKeys != "" {
		if _, err := auth.ParseKeys(c.JWTKeys); err != nil {
			errs = append(errs, fmt.Errorf("COMMERCE_JWT_KEYS: %w", err))
		}
	} else if c.Env == production {
		errs = append(errs, errors.New("COMMERCE_JWT_KEYS: required in production: "+
			"id:base64 of at least 32 random bytes, such as k1:$(openssl rand -base64 32)"))
	}
	if c.PIIKeys != "" {
		if _, err := pii.ParseKeys(c.PIIKeys); err != nil {
			errs = append(errs, fmt.Errorf("COMMERCE_PII_KEYS: %w", err))
		}
	} else if c.Env == production {
		errs = append(errs, errors.New("COMMERCE_PII_KEYS: required in production: "+
			"id:base64 of exactly 32 random bytes, such as p1:$(openssl rand -base64 32)"))
	}
	if (c.AdminEmail == "") != (c.AdminPassword == "") {
		errs = append(errs, errors.New("COMMERCE_ADMIN_EMAIL and COMMERCE_ADMIN_PASSWORD: "+
			"give both or neither"))
	}
	if c.PublicURL != "" {
		if err := checkServiceURL(c.PublicURL, "http", "https"); err != nil {
			errs = append(errs, fmt.Errorf("COMMERCE_PUBLIC_URL %q: %w", c.PublicURL, err))
		}
	}
	if _, err := parseOrigins(c.CORSOrigins); err != nil {
		errs = append(errs, fmt.Errorf("COMMERCE_CORS_ORIGINS: %w", err))
	}
	if _, err := rest.ParseProxies(c.TrustedProxies); err != nil {
		errs = append(errs, fmt.Errorf("COMMERCE_TRUSTED_PROXIES: %w", err))
	}
	if _, err := c.rateLimits(); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// rateLimits returns the policy of the COMMERCE_RATE_LIMIT_* settings.
func (c Config) rateLimits() (ratelimit.Policy, error) {
	return ratelimit.PolicyFromEnv(func(name string) string {
		switch name {
		case ratelimit.EnvAuth:
			return c.RateLimits.Auth
		case ratelimit.EnvGeneral:
			return c.RateLimits.General
		case ratelimit.EnvSearch:
			return c.RateLimits.Search
		case ratelimit.EnvAdmin:
			return c.RateLimits.Admin
		}
		return ""
	})
}

// parseOrigins reads a comma-separated list of origins: scheme, host and
// port, nothing else.
func parseOrigins(list string) (map[string]bool, error) {
	out := map[string]bool{}
	for item := range strings.SplitSeq(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		u, err := url.Parse(item)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
			return nil, fmt.Errorf("%q: want an origin such as https://tienda.example.cl", item)
		}
		out[u.Scheme+"://"+strings.ToLower(u.Host)] = true
	}
	return out, nil
}

// keyRing returns the ring of the setting, or, when it is empty, the one
// kept in DataDir/secrets/name, generated there on the first start. The
// file is written once, readable by the owner only, and never rewritten.
func (c Config) keyRing(setting, name string, generate func() (string, error)) (string,
	error) {
	if setting != "" {
		return setting, nil
	}
	if c.Env == production {
		return "", fmt.Errorf("%s: no key configured in production", name)
	}
	dir := filepath.Join(c.DataDir, "secrets")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", dir, err)
	}
	defer root.Close()
	if data, err := root.ReadFile(name); err == nil {
		return strings.TrimSpace(string(data)), nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	ring, err := generate()
	if err != nil {
		return "", err
	}
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) { // another process wrote it meanwhile
		data, err := root.ReadFile(name)
		return strings.TrimSpace(string(data)), err
	} else if err != nil {
		return "", fmt.Errorf("create %s: %w", name, err)
	}
	if _, err := f.WriteString(ring + "\n"); err != nil {
		_ = f.Close()
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	return ring, f.Close()
}

// jwtKeys returns the signing keys: the setting's or the kept ones.
func (c Config) jwtKeys() ([]auth.Key, error) {
	ring, err := c.keyRing(c.JWTKeys, "jwt.keys", func() (string, error) {
		k, err := auth.GenerateKey("k1")
		return k.String(), err
	})
	if err != nil {
		return nil, err
	}
	return auth.ParseKeys(ring)
}

// piiKeys returns the keys that seal personal data: the setting's or the
// kept ones.
func (c Config) piiKeys() ([]pii.Key, error) {
	ring, err := c.keyRing(c.PIIKeys, "pii.keys", func() (string, error) {
		k, err := pii.GenerateKey("p1")
		return k.String(), err
	})
	if err != nil {
		return nil, err
	}
	return pii.ParseKeys(ring)
}
