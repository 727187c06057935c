package market

// FlushDrafts writes the composer's drafts to disk now, synchronously; the
// program calls it once its event loop has ended (see
// composer.Model.FlushDraft).
func (m *Model) FlushDrafts() error { return m.comp.FlushDraft() }
