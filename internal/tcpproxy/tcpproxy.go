// Package tcpproxy forwards TCP connections on loopback to a server until
// it is killed, for tests that cut a dependency off as a dead server or a
// broken network would.
package tcpproxy

import (
	"context"
	"io"
	"net"
	"sync"
	"testing"
)

// Proxy forwards the connections made to Addr to the target.
type Proxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
	wg    sync.WaitGroup
	once  sync.Once
}

// Start listens on a free loopback port and forwards to target, until Kill
// or the end of the test.
func Start(tb testing.TB, target string) *Proxy {
	tb.Helper()
	ctx := tb.Context()
	ln, err := new(net.ListenConfig).Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	p := &Proxy{ln: ln}
	p.wg.Add(1)
	go p.serve(ctx, target)
	tb.Cleanup(p.Kill)
	return p
}

// Addr returns the address to connect to instead of the target.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

func (p *Proxy) serve(ctx context.Context, target string) {
	defer p.wg.Done()
	for {
		in, err := p.ln.Accept()
		if err != nil {
			return
		}
		out, err := new(net.Dialer).DialContext(ctx, "tcp", target)
		if err != nil {
			_ = in.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, in, out)
		p.mu.Unlock()
		p.wg.Add(2)
		go p.pipe(in, out)
		go p.pipe(out, in)
	}
}

func (p *Proxy) pipe(dst, src net.Conn) {
	defer p.wg.Done()
	_, _ = io.Copy(dst, src)
	_ = dst.Close()
}

// Kill stops listening, closes every connection and waits for the
// forwarding to end: from then on the target looks dead.
func (p *Proxy) Kill() {
	p.once.Do(func() {
		_ = p.ln.Close()
		p.mu.Lock()
		for _, c := range p.conns {
			_ = c.Close()
		}
		p.mu.Unlock()
		p.wg.Wait()
	})
}
