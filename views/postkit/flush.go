package postkit

// FlushDrafts writes the composer's drafts to disk now, synchronously; the
// program calls it once its event loop has ended (see
// composer.Model.FlushDraft), for the Feed pane and every pane's stack.
func (m *Kit) FlushDrafts() error { return m.comp.FlushDraft() }
