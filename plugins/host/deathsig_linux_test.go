package host_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/plugins/host"
)

// hostHelperEnv makes the test binary a host that runs the fault plugin,
// prints its pid and waits to be killed.
const hostHelperEnv = "MODERNO_HOST_HELPER_DIR"

func init() {
	dir := os.Getenv(hostHelperEnv)
	if dir == "" {
		return
	}
	h, err := host.Open(context.Background(), host.Config{Dir: dir,
		Names: []string{"faultgw"}, HealthInterval: -1})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	g, _ := h.Gateway("faultgw")
	fmt.Println("pid", g.Pid())
	select {} // until killed, without Close
}

// running reports whether pid is a live process: not gone, not a zombie
// nobody reaped.
func running(pid int) bool {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	_, after, ok := strings.Cut(string(b), ") ")
	return ok && !strings.HasPrefix(after, "Z")
}

// TestPluginDiesWithAKilledHost kills a host with SIGKILL, so that Close
// never runs: the kernel stops its plugin.
func TestPluginDiesWithAKilledHost(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), hostHelperEnv+"="+faultDir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("the helper host said nothing: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "pid ")))
	if err != nil || !running(pid) {
		t.Fatalf("the helper host said %q; want the pid of a running plugin", line)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	deadline := time.Now().Add(20 * time.Second)
	for running(pid) {
		if time.Now().After(deadline) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("plugin %d outlived its killed host", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
