package main

import (
	"fmt"
	"net"
	"net/url"
)

// checkLoopback refuses any target that is not on this machine's loopback:
// a load test must never leave it.
func checkLoopback(target string) error {
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("-target %q: want http://127.0.0.1:PORT", target)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-target %q: only loopback addresses (127.0.0.0/8, ::1) may be loaded",
			target)
	}
	return nil
}
