package jobs

import (
	"reflect"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/theme"
)

// formMaxWidth bounds the width of a form on wide terminals.
const formMaxWidth = 96

// formHost runs a huh form inside the pane. The form's Cmds are wrapped so
// their messages come back as formMsg tagged with the host's id: the root
// broadcasts unknown messages to every pane, and huh's own messages
// (next field, next group) must reach this form only.
type formHost struct {
	id   int
	form *huh.Form
}

// host prepares f to run inside the pane: the pane's styles and keys, no
// help (the pane draws its own hints), nothing to quit, and the size of
// the pane. It returns the host and the form's first Cmd.
func (m *Model) host(f *huh.Form) (*formHost, tea.Cmd) {
	m.formSeq++
	f.WithTheme(huh.ThemeFunc(func(bool) *huh.Styles { return m.huhSt })).
		WithKeyMap(huhKeys()).
		WithShowHelp(false).
		WithShowErrors(true).
		WithAccessible(false)
	f.SubmitCmd, f.CancelCmd = nil, nil
	h := &formHost{id: m.formSeq, form: f}
	m.sizeHost(h)
	return h, wrapForm(h.id, f.Init())
}

// sizeHost gives a form the width of the pane (up to formMaxWidth) and
// the rows between the pane's header and footer, less the two rows huh
// adds under a group when a field shows an error.
func (m *Model) sizeHost(h *formHost) {
	if h == nil {
		return
	}
	h.form.WithWidth(min(m.width, formMaxWidth)).WithHeight(max(m.height-formChrome-2, 3))
}

// sizeForms resizes the open forms.
func (m *Model) sizeForms() {
	if m.form != nil {
		m.sizeHost(m.form.host)
	}
	if m.keyForm != nil {
		m.sizeHost(m.keyForm.host)
	}
}

// update hands msg to the form and wraps what it returns.
func (h *formHost) update(msg tea.Msg) tea.Cmd {
	_, cmd := h.form.Update(msg)
	return wrapForm(h.id, cmd)
}

// done reports whether the operator submitted the form.
func (h *formHost) done() bool { return h.form.State == huh.StateCompleted }

// filtering reports whether the focused field is a select being filtered,
// where esc belongs to the field (it ends the filter).
func (h *formHost) filtering() bool {
	s, ok := h.form.GetFocusedField().(*huh.Select[string])
	return ok && s.GetFiltering()
}

// huhKeys are huh's default keys without quitting (esc is the pane's
// cancel, ctrl+c the root's) and without the external editor (the pane
// cannot hand the terminal over from inside a wrapped Cmd).
func huhKeys() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Quit.SetEnabled(false)
	k.Text.Editor.SetEnabled(false)
	return k
}

// cursorPkg is the package of bubbles' blinking cursor.
var cursorPkg = reflect.TypeFor[cursor.BlinkMsg]().PkgPath()

// cmdType is the type of a tea.Cmd, to recognise batches and sequences.
var cmdType = reflect.TypeFor[tea.Cmd]()

// wrapForm wraps the Cmd of form id so its messages come back as formMsg.
// Batches and sequences are unpacked and their Cmds wrapped one by one.
// The cursor's blink Cmds are dropped before they run: a steady cursor
// keeps an open form from redrawing the screen twice a second.
func wrapForm(id int, cmd tea.Cmd) tea.Cmd {
	if cmd == nil || isBlink(cmd) {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		if msg == nil {
			return nil
		}
		t := reflect.TypeOf(msg)
		if t.PkgPath() == cursorPkg {
			return nil
		}
		if t.Kind() == reflect.Slice && t.Elem() == cmdType {
			v := reflect.ValueOf(msg)
			cmds := make([]tea.Cmd, 0, v.Len())
			for i := range v.Len() {
				c, _ := v.Index(i).Interface().(tea.Cmd)
				if w := wrapForm(id, c); w != nil {
					cmds = append(cmds, w)
				}
			}
			if len(cmds) == 0 {
				return nil
			}
			if _, batch := msg.(tea.BatchMsg); batch {
				return tea.BatchMsg(cmds)
			}
			return tea.Sequence(cmds...)()
		}
		return formMsg{form: id, msg: msg}
	}
}

// isBlink reports whether cmd is one of the cursor's blink timers.
func isBlink(cmd tea.Cmd) bool {
	fn := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	return fn != nil && strings.HasPrefix(fn.Name(), cursorPkg+".")
}

// huhStyles dresses huh's fields in the pane's semantic styles.
func huhStyles(s *theme.Styles) *huh.Styles {
	t := huh.ThemeBase(s.Dark)
	f := &t.Focused
	f.Base = f.Base.BorderForeground(s.FrameFocused.GetBorderLeftForeground())
	f.Card = f.Base
	f.Title = s.Title
	f.NoteTitle = s.Title
	f.Description = s.Muted
	f.ErrorIndicator = f.ErrorIndicator.Inherit(s.Error)
	f.ErrorMessage = f.ErrorMessage.Inherit(s.Error)
	f.SelectSelector = f.SelectSelector.Inherit(s.Cursor)
	f.Option = s.Text
	f.SelectedOption = s.Accent
	f.UnselectedOption = s.Text
	f.NextIndicator = f.NextIndicator.Inherit(s.Accent)
	f.PrevIndicator = f.PrevIndicator.Inherit(s.Accent)
	f.TextInput.Cursor = s.Cursor
	f.TextInput.Placeholder = s.Faint
	f.TextInput.Prompt = s.Accent
	f.TextInput.Text = s.Text
	t.Blurred = t.Focused
	b := &t.Blurred
	b.Base = b.Base.BorderStyle(huh.ThemeBase(s.Dark).Blurred.Base.GetBorderStyle())
	b.Card = b.Base
	b.Title = s.Muted
	b.NextIndicator, b.PrevIndicator = b.NextIndicator.UnsetString(), b.PrevIndicator.UnsetString()
	t.Group.Title = s.Title
	t.Group.Description = s.Muted
	return t
}
