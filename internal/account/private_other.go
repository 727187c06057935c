//go:build !unix

package account

import (
	"io/fs"
	"os"
)

// checkPrivate accepts every file: outside Unix, file modes do not say who
// may read a file (Windows uses ACLs, which the profile directory already
// limits to its user).
func checkPrivate(*os.File, string) error { return nil }

func checkPrivateInfo(fs.FileInfo, string) error { return nil }

// ownedByMe is true outside Unix, where ownership is not in the mode.
func ownedByMe(fs.FileInfo) bool { return true }
