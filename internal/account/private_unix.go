//go:build unix

package account

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// checkPrivate refuses a file that others may read or write, or that
// another user owns (OpenSSH's "UNPROTECTED PRIVATE KEY FILE").
func checkPrivate(f *os.File, path string) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	return checkPrivateInfo(st, path)
}

func checkPrivateInfo(st fs.FileInfo, path string) error {
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("%w: %s has mode %04o, readable by others; run: chmod 600 %s",
			ErrInsecureFile, path, perm, path)
	}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok && int(sys.Uid) != os.Getuid() {
		return fmt.Errorf("%w: %s belongs to user %d, not to you (%d); remove it or run: chown %d %s",
			ErrInsecureFile, path, sys.Uid, os.Getuid(), os.Getuid(), path)
	}
	return nil
}

// ownedByMe reports whether the current user owns what st describes.
func ownedByMe(st fs.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	return !ok || int(sys.Uid) == os.Getuid()
}
