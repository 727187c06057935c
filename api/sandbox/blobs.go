package sandbox

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

// Stored files (uploads, avatars, generated images, Byte videos and
// posters) live in a blobStore, apart from their records, so that their
// bytes are bounded: in memory (the default) or on disk in
// Options.MediaDir, and in both cases at most Options.MaxMediaBytes
// together. A file that does not fit makes room by evicting the oldest
// stored files, in the order they were stored, whoever owns them; their
// records go too, so their /media/ URLs answer 404 and they leave the
// owner's media list. A single file bigger than the whole cap is refused
// with 507 insufficient_storage. The same uploads in the same order always
// evict the same files.

// Default caps on the bytes of all stored files.
const (
	defaultMaxMediaMemory = 128 << 20
	defaultMaxMediaDisk   = 2 << 30
)

// errNoRoom is a file bigger than the whole storage cap.
var errNoRoom = errors.New("file larger than the media storage cap")

// blobStore holds the bytes of stored files by media ID.
type blobStore struct {
	mu    sync.Mutex
	dir   string // "" keeps the bytes in memory
	max   int64
	total int64
	order []string          // IDs, oldest first
	size  map[string]int64  // every stored ID
	mem   map[string][]byte // IDs kept in memory
}

// newBlobStore keeps files in dir (memory when "") up to max bytes (the
// default cap when max <= 0).
func newBlobStore(dir string, max int64) *blobStore {
	if max <= 0 {
		max = defaultMaxMediaMemory
		if dir != "" {
			max = defaultMaxMediaDisk
		}
	}
	return &blobStore{dir: dir, max: max, size: map[string]int64{}, mem: map[string][]byte{}}
}

// put stores data under id and returns the IDs evicted to make room. On
// disk, a file that cannot be written is kept in memory instead (and
// counts against the same cap), so storing never fails but for errNoRoom.
func (b *blobStore) put(id string, data []byte) (evicted []string, err error) {
	n := int64(len(data))
	if n > b.max {
		return nil, errNoRoom
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.dropLocked(id)
	evicted = b.makeRoomLocked(n)
	if b.dir == "" || b.writeFile(id, data) != nil {
		// A slice with much spare capacity (a grown buffer) is copied to
		// its exact size, so the spare bytes do not stay allocated.
		if spare := cap(data) - len(data); spare > 64<<10 && spare > len(data)/16 {
			data = bytes.Clone(data)
		}
		b.mem[id] = data[:len(data):len(data)]
	}
	b.size[id] = n
	b.total += n
	b.order = append(b.order, id)
	return evicted, nil
}

// putFile is put for a file already written to a temporary path of the
// store's directory: it is renamed into place (or, if that fails, read
// into memory). The temporary file is left alone on errNoRoom.
func (b *blobStore) putFile(id, tmp string, n int64) (evicted []string, err error) {
	if n > b.max {
		return nil, errNoRoom
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.dropLocked(id)
	evicted = b.makeRoomLocked(n)
	if err := os.Rename(tmp, b.path(id)); err != nil {
		data, rerr := os.ReadFile(tmp)
		if rerr != nil {
			return evicted, rerr
		}
		b.mem[id] = data
	}
	b.size[id] = n
	b.total += n
	b.order = append(b.order, id)
	return evicted, nil
}

// makeRoomLocked evicts the oldest files until n more bytes fit.
func (b *blobStore) makeRoomLocked(n int64) (evicted []string) {
	for b.total+n > b.max && len(b.order) > 0 {
		old := b.order[0]
		b.dropLocked(old)
		evicted = append(evicted, old)
	}
	return evicted
}

// writeFile writes a file of the disk store (mode 0600 in a 0700 dir).
func (b *blobStore) writeFile(id string, data []byte) error {
	if err := os.MkdirAll(b.dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(b.dir, ".upload-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), b.path(id))
	}
	if werr != nil {
		_ = os.Remove(tmp.Name())
	}
	return werr
}

// path is where a file of the disk store lives.
func (b *blobStore) path(id string) string { return filepath.Join(b.dir, id) }

// open returns the bytes of id and their length.
func (b *blobStore) open(id string) (io.ReadCloser, int64, bool) {
	b.mu.Lock()
	n, found := b.size[id]
	data, inMem := b.mem[id]
	b.mu.Unlock()
	switch {
	case !found:
		return nil, 0, false
	case inMem:
		return io.NopCloser(bytes.NewReader(data)), n, true
	}
	f, err := os.Open(b.path(id))
	if err != nil {
		return nil, 0, false
	}
	return f, n, true
}

// bytes returns the whole content of id.
func (b *blobStore) bytes(id string) ([]byte, bool) {
	rc, n, found := b.open(id)
	if !found {
		return nil, false
	}
	defer rc.Close()
	data := make([]byte, n)
	if _, err := io.ReadFull(rc, data); err != nil {
		return nil, false
	}
	return data, true
}

// remove forgets id and deletes its file.
func (b *blobStore) remove(id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.dropLocked(id)
}

// dropLocked removes id from the accounting, memory and disk.
func (b *blobStore) dropLocked(id string) {
	n, found := b.size[id]
	if !found {
		return
	}
	if _, inMem := b.mem[id]; inMem {
		delete(b.mem, id)
	} else {
		_ = os.Remove(b.path(id))
	}
	delete(b.size, id)
	b.total -= n
	for i, o := range b.order {
		if o == id {
			b.order = append(b.order[:i], b.order[i+1:]...)
			break
		}
	}
}

// usage is the number of bytes stored and the cap.
func (b *blobStore) usage() (used, max int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.total, b.max
}

// noRoom is the 507 for a file bigger than the whole storage cap.
func noRoom(size, max int64) *apiError {
	return newError(http.StatusInsufficientStorage, "insufficient_storage",
		"The sandbox stores at most %s of files in all and this one is %s", formatSize(max), formatSize(size))
}
