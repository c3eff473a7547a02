package host

import (
	"os/exec"
	"syscall"
)

// stopWithHost has the kernel kill the plugin when the host dies, even by
// SIGKILL, when Close never ran.
func stopWithHost(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
