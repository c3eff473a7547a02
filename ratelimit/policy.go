package ratelimit

import (
	"errors"
	"fmt"
	"time"
)

// Policy holds the limits of the specification's section 5.10.
type Policy struct {
	Auth    Limit // per IP on the authentication routes
	General Limit // per IP on every route
	Search  Limit // per user (or IP when anonymous) on search
	Admin   Limit // per staff user on the administration routes
}

// DefaultPolicy returns the limits of the specification: 5/1m for
// authentication, 1000/1h in general, 100/1m for search and 500/1h for
// administration.
func DefaultPolicy() Policy {
	return Policy{
		Auth:    Limit{Count: 5, Period: time.Minute},
		General: Limit{Count: 1000, Period: time.Hour},
		Search:  Limit{Count: 100, Period: time.Minute},
		Admin:   Limit{Count: 500, Period: time.Hour},
	}
}

// The environment variables PolicyFromEnv reads.
const (
	EnvAuth    = "COMMERCE_RATE_LIMIT_AUTH"
	EnvGeneral = "COMMERCE_RATE_LIMIT_GENERAL"
	EnvSearch  = "COMMERCE_RATE_LIMIT_SEARCH"
	EnvAdmin   = "COMMERCE_RATE_LIMIT_ADMIN"
)

// PolicyFromEnv returns DefaultPolicy with each limit replaced by the value
// of its variable when getenv (os.Getenv, usually) gives one. The error
// names every variable that does not parse.
func PolicyFromEnv(getenv func(string) string) (Policy, error) {
	p := DefaultPolicy()
	var errs []error
	for _, v := range []struct {
		name  string
		limit *Limit
	}{{EnvAuth, &p.Auth}, {EnvGeneral, &p.General}, {EnvSearch, &p.Search},
		{EnvAdmin, &p.Admin}} {
		text := getenv(v.name)
		if text == "" {
			continue
		}
		l, err := Parse(text)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", v.name, err))
			continue
		}
		*v.limit = l
	}
	return p, errors.Join(errs...)
}
