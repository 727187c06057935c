package privfile

import (
	"encoding/json"
	"sync"
)

// Ordered writes JSON snapshots of one value to Path from several
// goroutines (the tea.Cmds of a UI): each save carries the generation of
// its snapshot, and one older than the last written is skipped, so a slow
// save never puts an older state over a newer one. The zero value with a
// Path is ready to use.
type Ordered struct {
	Path string
	mu   sync.Mutex
	last uint64
}

// SaveJSON writes v, indented, privately and atomically (Write), unless a
// newer generation was written already.
func (o *Ordered) SaveJSON(gen uint64, v any) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if gen < o.last {
		return nil
	}
	o.last = gen
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return Write(o.Path, b)
}
