package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// openLogFile opens path for appending log lines without changing a file
// we did not make: a new file is created 0600 (O_EXCL, so a file appearing
// meanwhile is not taken over), an existing one is used as it is, and only
// a regular file reached without a symlink will do. `--log-file /dev/null`
// run as root must not turn /dev/null into a 0600 device nobody else can
// write, and a link planted at the log's path must not redirect it.
func openLogFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY|os.O_APPEND|noFollow, 0o600)
	if err == nil || !errors.Is(err, fs.ErrExist) {
		return f, err
	}
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s)", path, describeMode(info.Mode()))
	}
	f, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND|noFollow, 0)
	if err != nil {
		return nil, err
	}
	// Lstat and open are two steps: check that what was opened is still
	// a regular file.
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	return f, nil
}

// describeMode names what a non-regular file is, for the message.
func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return m.Type().String()
}
