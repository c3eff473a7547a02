package host

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc/health/grpc_health_v1"

	"github.com/ecommerce-moderno/moderno/plugins/sdk"
)

// process is one running plugin program and the host's client of it.
type process struct {
	client *plugin.Client
	grpc   *plugin.GRPCClient
	rpc    *sdk.Client
	pid    int
}

// launch starts the plugin at path with env, to run until life ends, completes the handshake and
// asks it to describe itself.
func launch(life context.Context, path string, env []string, cfg *Config) (*process,
	error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("host: plugin %s: %w", path, err)
	}
	if info.IsDir() || info.Mode().Perm()&0o111 == 0 {
		return nil, fmt.Errorf("host: plugin %s is not an executable file", path)
	}
	// The path is the operator's configuration.
	cmd := exec.CommandContext(life, path) //nolint:gosec // not user input
	cmd.Env = env
	stopWithHost(cmd)
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  sdk.Handshake,
		Plugins:          sdk.Plugins(nil),
		Cmd:              cmd,
		SkipHostEnv:      true,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		StartTimeout:     cfg.StartTimeout,
		Stderr:           cfg.Stderr,
		Logger:           hclog.NewNullLogger(),
	})
	p, err := dispense(client)
	if err != nil {
		client.Kill()
		return nil, fmt.Errorf("host: plugin %s: %w", path, err)
	}
	if cmd.Process != nil {
		p.pid = cmd.Process.Pid
	}
	return p, nil
}

func dispense(client *plugin.Client) (*process, error) {
	proto, err := client.Client()
	if err != nil {
		return nil, err
	}
	conn, ok := proto.(*plugin.GRPCClient)
	if !ok {
		return nil, errors.New("the plugin does not speak gRPC")
	}
	raw, err := conn.Dispense(sdk.PluginName)
	if err != nil {
		return nil, err
	}
	rpc, ok := raw.(*sdk.Client)
	if !ok {
		return nil, fmt.Errorf("the plugin dispensed a %T", raw)
	}
	return &process{client: client, grpc: conn, rpc: rpc}, nil
}

// healthy reports whether the process runs and answers gRPC's health
// check before ctx ends.
func (p *process) healthy(ctx context.Context) bool {
	if p.client.Exited() {
		return false
	}
	_, err := grpc_health_v1.NewHealthClient(p.grpc.Conn).Check(ctx,
		&grpc_health_v1.HealthCheckRequest{Service: plugin.GRPCServiceName})
	return err == nil
}

func (p *process) kill() { p.client.Kill() }

// pluginEnv returns the part of env a plugin named name may see: its own
// COMMERCE_<NAME>_ variables and what programs need to run.
func pluginEnv(name string, env []string) []string {
	own := "COMMERCE_" + strings.ToUpper(name) + "_"
	var out []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, own), k == "PATH", k == "HOME", k == "TMPDIR", k == "TZ",
			k == "LANG", strings.HasPrefix(k, "LC_"), k == "SSL_CERT_FILE",
			k == "SSL_CERT_DIR":
			out = append(out, kv)
		}
	}
	return out
}
