//go:build unix

package account

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive cross-process lock on path (created 0600 if
// needed) and returns its release. It blocks while another process holds
// it; holders only read, merge and rename a small file.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		_ = f.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	}, nil
}
