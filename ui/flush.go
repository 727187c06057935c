package ui

import (
	"errors"

	"imagine/views"
)

// draftFlusher is implemented by panes and stacks that hold composers.
type draftFlusher interface{ FlushDrafts() error }

// FlushDrafts writes every composer's draft to disk now. It does I/O, so it
// is for after the program's event loop has ended (cli calls it once Run
// returns, whether by q, ctrl+c or a signal), never from Update.
func (m *Model) FlushDrafts() error {
	var errs []error
	for _, id := range m.order {
		if f, ok := m.panes[id].(draftFlusher); ok {
			errs = append(errs, f.FlushDrafts())
		}
		if s := m.stacks[id]; s != nil {
			s.Each(func(sc views.Screen) {
				if f, ok := sc.(draftFlusher); ok {
					errs = append(errs, f.FlushDrafts())
				}
			})
		}
	}
	return errors.Join(errs...)
}
