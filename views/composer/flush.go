package composer

import "errors"

// FlushDraft writes what is typed to disk now, synchronously. The program
// calls it once its event loop has ended (q, ctrl+c, a signal), where I/O
// no longer holds up a frame: the save that follows typing waits for a
// pause, and the keystrokes of the last moment before quitting would
// otherwise be lost with it. A send in flight keeps its draft, as always.
func (m *Model) FlushDraft() error {
	var errs []error
	if m.open {
		errs = append(errs, m.store.save(m.req.Key, m.gen, m.ta.Value()))
	}
	for key, text := range m.stash {
		if m.open && key == m.req.Key {
			continue // the text being typed is newer
		}
		errs = append(errs, m.store.save(key, m.gen, text))
	}
	return errors.Join(errs...)
}
