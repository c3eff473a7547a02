//go:build !linux

package host

import "os/exec"

// stopWithHost does nothing outside Linux: Close stops the plugins.
func stopWithHost(*exec.Cmd) {}
