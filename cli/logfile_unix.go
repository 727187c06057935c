//go:build unix

package cli

import "syscall"

// noFollow makes opening the log file fail on a symbolic link.
const noFollow = syscall.O_NOFOLLOW
