package views

import (
	"reflect"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/theme"
)

// Panes run huh forms inside themselves (the Jobs pane's generation form,
// the Market's listing form). What they share is here: the keys, the
// styles, and the wrapping of a form's Cmds, so that the form's own
// messages (next field, next group) come back to that form only, even
// though the root broadcasts unknown messages to every pane.

// FormMaxWidth bounds the width of a form on wide terminals.
const FormMaxWidth = 96

// FormKeys are huh's default keys without quitting (esc is the pane's
// cancel, ctrl+c the root's) and without the external editor (a pane
// cannot hand the terminal over from inside a wrapped Cmd).
func FormKeys() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Quit.SetEnabled(false)
	k.Text.Editor.SetEnabled(false)
	return k
}

// FormStyles dresses huh's fields in the theme's semantic styles.
func FormStyles(s *theme.Styles) *huh.Styles {
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

// cursorPkg is the package of bubbles' blinking cursor.
var cursorPkg = reflect.TypeFor[cursor.BlinkMsg]().PkgPath()

// cmdType is the type of a tea.Cmd, to recognise batches and sequences.
var cmdType = reflect.TypeFor[tea.Cmd]()

// WrapForm wraps a form's Cmd so its message comes back as into(message),
// addressed to that form. Batches and sequences are unpacked and their
// Cmds wrapped one by one. The cursor's blink Cmds are dropped before they
// run: a steady cursor keeps an open form from redrawing the screen twice
// a second.
func WrapForm(cmd tea.Cmd, into func(tea.Msg) tea.Msg) tea.Cmd {
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
				if w := WrapForm(c, into); w != nil {
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
		return into(msg)
	}
}

// isBlink reports whether cmd is one of the cursor's blink timers.
func isBlink(cmd tea.Cmd) bool {
	fn := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	return fn != nil && strings.HasPrefix(fn.Name(), cursorPkg+".")
}
