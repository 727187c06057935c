package market

import (
	"reflect"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/theme"
)

// The listing form runs a huh form inside the pane as the Jobs pane's
// generation form does (views/jobs/formhost.go): its Cmds are wrapped so
// their messages come back as formMsg tagged with the form's id (the
// root broadcasts unknown messages to every pane), the cursor's blink is
// dropped, and the pane draws its own hints.

// formMaxWidth bounds the width of a form on wide terminals.
const formMaxWidth = 96

// formMsg is a message of the form id.
type formMsg struct {
	form int
	msg  tea.Msg
}

// hostForm prepares f to run inside the pane and returns its first Cmd.
func (m *Model) hostForm(f *huh.Form, id int) tea.Cmd {
	f.WithTheme(huh.ThemeFunc(func(bool) *huh.Styles { return huhStyles(m.styles) })).
		WithKeyMap(huhKeys()).
		WithShowHelp(false).
		WithShowErrors(true).
		WithAccessible(false).
		WithWidth(min(m.width, formMaxWidth)).
		WithHeight(max(m.height-4, 3))
	f.SubmitCmd, f.CancelCmd = nil, nil
	return wrapForm(id, f.Init())
}

func huhKeys() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Quit.SetEnabled(false)
	k.Text.Editor.SetEnabled(false)
	return k
}

var cursorPkg = reflect.TypeFor[cursor.BlinkMsg]().PkgPath()

var cmdType = reflect.TypeFor[tea.Cmd]()

// wrapForm wraps the Cmd of form id so its messages come back as formMsg.
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
	f.Description = s.Muted
	f.ErrorIndicator = f.ErrorIndicator.Inherit(s.Error)
	f.ErrorMessage = f.ErrorMessage.Inherit(s.Error)
	f.SelectSelector = f.SelectSelector.Inherit(s.Cursor)
	f.Option = s.Text
	f.SelectedOption = s.Accent
	f.UnselectedOption = s.Text
	f.TextInput.Cursor = s.Cursor
	f.TextInput.Placeholder = s.Faint
	f.TextInput.Prompt = s.Accent
	f.TextInput.Text = s.Text
	t.Blurred = t.Focused
	b := &t.Blurred
	b.Base = b.Base.BorderStyle(huh.ThemeBase(s.Dark).Blurred.Base.GetBorderStyle())
	b.Card = b.Base
	b.Title = s.Muted
	t.Group.Title = s.Title
	t.Group.Description = s.Muted
	return t
}
