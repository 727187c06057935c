package privfile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrTooLarge is the error of a read that met more bytes than allowed:
// a file of ours is never that large, so it is corrupt or not ours.
var ErrTooLarge = errors.New("larger than allowed")

// Read returns the content of the file at path, refusing one larger than
// limit bytes with an error wrapping ErrTooLarge, without reading it all.
func Read(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadFrom(f, limit)
}

// ReadFrom is Read over what r holds (a file already opened and checked).
func ReadFrom(r io.Reader, limit int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}
