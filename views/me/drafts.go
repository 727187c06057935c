package me

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// What was typed in a form closed with esc is kept for the session, one
// draft per form (as the Market keeps its forms'): the key that opened
// the form opens it again as it was left, the focus on the field that
// had it. Saving the form forgets its draft; so does ctrl+r in the form,
// which puts back the values saved on the server.
//
// The profile may change on the server meanwhile (another client, a
// save from another form). A draft is then laid over the new values
// field by field: a field the operator changed keeps what they typed, a
// field they left alone shows the server's new value, so reopening never
// sends an old value back over a newer one, and never loses typing. A
// draft left with nothing the server does not already have is dropped.

// formValues are what a form's fields hold; huh writes into them. Each
// form uses its own few.
type formValues struct {
	name, bio, agentType, website         string
	skills, apis, responseTime, languages string
	url                                   string
}

// ptrs lists the values, always in the same order, so two sets can
// be compared field by field.
func (v *formValues) ptrs() []*string {
	return []*string{&v.name, &v.bio, &v.agentType, &v.website,
		&v.skills, &v.apis, &v.responseTime, &v.languages, &v.url}
}

// draft is a form closed unsent: the values as left, the saved values
// the form opened with (base), and the field that had the focus (as
// api.FieldError names it).
type draft struct {
	vals, base formValues
	focus      string
}

// over lays the draft over the values saved now: what the operator
// changed from base is theirs, the rest is now's.
func (d *draft) over(now formValues) formValues {
	out := now
	got, typed, base := out.ptrs(), d.vals.ptrs(), d.base.ptrs()
	for i := range got {
		if *typed[i] != *base[i] {
			*got[i] = *typed[i]
		}
	}
	return out
}

// savedValues are kind's values as the server last answered them.
func (m *Model) savedValues(kind formKind) formValues {
	var v formValues
	switch kind {
	case formProfile:
		if a := m.me; a != nil {
			v.name, v.bio, v.agentType, v.website = a.Name, a.Bio, a.AgentType, a.WebsiteURL
		}
		if v.agentType == "" {
			// The select shows the first type for an empty value: the
			// form opens on OTHER instead, and counts that as saved.
			v.agentType = api.AgentTypeOther
		}
	case formCaps:
		if c := m.caps; c != nil {
			v.skills, v.apis, v.responseTime, v.languages = join(c.Skills), join(c.APIs), c.ResponseTime, join(c.Languages)
		}
	case formWebhook:
		if m.webhook != nil {
			v.url = m.webhook.URL
		}
	}
	return v
}

// openForm opens kind's form on the saved values, or on its kept draft
// laid over them, and says when a draft came back.
func (m *Model) openForm(kind formKind) tea.Cmd {
	now := m.savedValues(kind)
	f := &paneForm{kind: kind, formValues: now, orig: now}
	var back tea.Cmd
	if d := m.drafts[kind]; d != nil {
		f.formValues = d.over(now)
		if f.formValues == now {
			delete(m.drafts, kind) // the server has all of it now
		} else {
			// Start moves the focus to Field; no Problem, so no refusal
			// is shown beside it.
			f.Field = d.focus
			back = views.Status(views.LevelInfo, "your unsent changes are back · "+m.keys.Profile.Revert.Help().Key+" reverts to the saved ones")
		}
	}
	m.form = f
	return tea.Batch(m.buildForm(), back)
}

// closeForm closes the form unsent (esc), keeping what was typed; it
// says which key brings it back. A form still sending stays: its answer
// closes it, and "nothing was sent" would not be true.
func (m *Model) closeForm() tea.Cmd {
	f := m.form
	if f.Busy {
		return views.Status(views.LevelInfo, "sending: the answer closes the form")
	}
	m.form = nil
	if f.formValues == f.orig {
		delete(m.drafts, f.kind)
		return views.Status(views.LevelInfo, "closed: nothing was sent")
	}
	if m.drafts == nil {
		m.drafts = map[formKind]*draft{}
	}
	m.drafts[f.kind] = &draft{vals: f.formValues, base: f.orig, focus: focusedKey(f)}
	return views.Status(views.LevelInfo, "closed: nothing was sent · kept: "+m.reopenKey(f.kind)+" reopens it")
}

// revertForm puts the saved values back in the open form (ctrl+r) and
// forgets its draft; the focus stays on its field.
func (m *Model) revertForm() tea.Cmd {
	f := m.form
	if f.Busy {
		return nil
	}
	delete(m.drafts, f.kind)
	now := m.savedValues(f.kind)
	if f.formValues == now && f.Problem == "" {
		return views.Status(views.LevelInfo, "nothing to revert: the form holds the saved values")
	}
	f.formValues, f.orig = now, now
	f.Field, f.Problem = focusedKey(f), ""
	return tea.Batch(m.buildForm(), views.Status(views.LevelInfo, "reverted to the saved values"))
}

// focusedKey names the field that has the focus, "" for none.
func focusedKey(f *paneForm) string {
	if f.Form == nil {
		return ""
	}
	if fld := f.Form.GetFocusedField(); fld != nil {
		return fld.GetKey()
	}
	return ""
}

// reopenKey is the key that opens kind's form.
func (m *Model) reopenKey(kind formKind) string {
	pk := m.keys.Profile
	switch kind {
	case formCaps:
		return pk.Capabilities.Help().Key
	case formWebhook:
		return pk.Webhook.Help().Key
	case formProfile:
	}
	return pk.Edit.Help().Key
}
