// Package privfile writes files that only their owner may read: drafts, the
// DM outbox, credentials. A write is atomic (a reader sees the old file or
// the new one, never half of each) and durable once it returns.
package privfile

import (
	"os"
	"path/filepath"
)

// Write stores data at path with mode 0600, creating the directory with
// mode 0700. It writes a temporary file in the same directory, syncs it and
// renames it over path (security.md §6: os.WriteFile keeps the mode of an
// existing file and does not sync).
func Write(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			_ = os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename durable; not every filesystem allows it
		_ = d.Close()
	}
	return nil
}
