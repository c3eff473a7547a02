package rest

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Proxies are the networks of the reverse proxies in front of the server,
// such as nginx, whose X-Forwarded-For and X-Forwarded-Proto headers are
// believed. A request from anywhere else is taken at its word: its peer
// address is the client, and it came over TLS only when it did.
type Proxies []netip.Prefix

// ParseProxies reads a comma-separated list of CIDRs or single addresses,
// such as "10.0.0.0/8, 127.0.0.1", the form of COMMERCE_TRUSTED_PROXIES.
func ParseProxies(list string) (Proxies, error) {
	var ps Proxies
	for item := range strings.SplitSeq(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if !strings.Contains(item, "/") {
			a, err := netip.ParseAddr(item)
			if err != nil {
				return nil, fmt.Errorf("%q: not an IP address or CIDR", item)
			}
			ps = append(ps, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(item)
		if err != nil {
			return nil, fmt.Errorf("%q: not an IP address or CIDR", item)
		}
		ps = append(ps, p.Masked())
	}
	return ps, nil
}

func (ps Proxies) trusts(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range ps {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// peer returns the address of the connection's other end.
func peer(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}

// ClientIP returns the address of the client: the peer, or, when the peer
// is a trusted proxy, the nearest address in X-Forwarded-For that is not a
// trusted proxy itself (addresses further left could be forged by the
// client).
func (ps Proxies) ClientIP(r *http.Request) string {
	ip := peer(r)
	if !ip.IsValid() {
		return r.RemoteAddr
	}
	if !ps.trusts(ip) {
		return ip.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // a forged or garbled hop: stop at the last good one
		}
		ip = a.Unmap()
		if !ps.trusts(ip) {
			break
		}
	}
	return ip.String()
}

// HTTPS reports whether the client reached us over TLS: on this connection,
// or, through a trusted proxy, as its X-Forwarded-Proto says.
func (ps Proxies) HTTPS(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	if !ps.trusts(peer(r)) {
		return false
	}
	proto, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
	return strings.EqualFold(strings.TrimSpace(proto), "https")
}
