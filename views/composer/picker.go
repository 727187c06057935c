package composer

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"imagine/api/sanitize"
	"imagine/theme"
)

// maxListed caps a directory listing; a huge directory still opens fast.
const maxListed = 2000

// pickEntry is one directory entry the picker offers.
type pickEntry struct {
	name string // the name on disk; always clean (see listDir)
	dir  bool
	size int64
}

// picker is the path input with tab completion that attaches local files.
// The directory of the typed path is listed in a Cmd, filtered to
// directories and accepted extensions; the entries matching the typed
// prefix show under the input.
type picker struct {
	input   textinput.Model
	start   string // the directory a relative path starts from
	home    string
	dir     string // the absolute directory listed (or being listed)
	entries []pickEntry
	hidden  int // entries skipped for unprintable names
	loading bool
	err     error
	matches []int // indices into entries matching the typed prefix
	sel     int   // index into matches
}

func newPicker() picker {
	in := textinput.New()
	in.Prompt = "File: "
	in.Placeholder = "path to an image or video"
	km := textinput.DefaultKeyMap()
	// Tab completes paths; up and down move through the matches; the
	// clipboard is read by bracketed paste only (over SSH ctrl+v would read
	// the server's clipboard).
	km.AcceptSuggestion.SetEnabled(false)
	km.NextSuggestion.SetEnabled(false)
	km.PrevSuggestion.SetEnabled(false)
	km.Paste.SetEnabled(false)
	in.KeyMap = km
	return picker{input: in}
}

func (p *picker) setStyles(s *theme.Styles) {
	st := textinput.DefaultStyles(s.Dark)
	st.Cursor.Blink = false
	p.input.SetStyles(st)
}

// abbrev shows dir with the home directory as "~", ending in a separator.
func (p *picker) abbrev(dir string) string {
	if p.home != "" && (dir == p.home || strings.HasPrefix(dir, p.home+string(filepath.Separator))) {
		dir = "~" + strings.TrimPrefix(dir, p.home)
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return dir
}

// split parses the typed value into the absolute directory to list, the
// directory part as typed and the name prefix being typed.
func (p *picker) split() (absDir, typedDir, prefix string) {
	v := p.input.Value()
	if i := strings.LastIndex(v, string(filepath.Separator)); i >= 0 {
		typedDir, prefix = v[:i+1], v[i+1:]
	} else {
		prefix = v
	}
	absDir = p.resolve(typedDir)
	return absDir, typedDir, prefix
}

// resolve turns a typed path into an absolute one: "~" is the home
// directory, a relative path starts from the start directory.
func (p *picker) resolve(typed string) string {
	switch {
	case typed == "~" || strings.HasPrefix(typed, "~"+string(filepath.Separator)):
		typed = filepath.Join(p.home, strings.TrimPrefix(typed, "~"))
	case typed == "":
		return filepath.Clean(p.start)
	case !filepath.IsAbs(typed):
		typed = filepath.Join(p.start, typed)
	}
	return filepath.Clean(typed)
}

// refilter recomputes the matches for the typed prefix. Hidden entries
// show only once the prefix starts with a dot.
func (p *picker) refilter() {
	_, _, prefix := p.split()
	p.matches = p.matches[:0]
	lp := strings.ToLower(prefix)
	for i, e := range p.entries {
		if strings.HasPrefix(e.name, ".") && !strings.HasPrefix(prefix, ".") {
			continue
		}
		if strings.HasPrefix(strings.ToLower(e.name), lp) {
			p.matches = append(p.matches, i)
		}
	}
	p.sel = min(p.sel, max(len(p.matches)-1, 0))
}

// current is the highlighted match, if any.
func (p *picker) current() (pickEntry, bool) {
	if len(p.matches) == 0 {
		return pickEntry{}, false
	}
	return p.entries[p.matches[p.sel]], true
}

// listDir reads dir for the picker: directories and files with an accepted
// extension, directories first. Names that are not clean printable text
// are skipped and counted (T27), so a name can never inject escapes into
// the input or the listing. It does I/O: call it from a Cmd.
func listDir(dir string) ([]pickEntry, int, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, 0, err
	}
	var out []pickEntry
	hidden := 0
	for _, de := range des {
		name := de.Name()
		if sanitize.Line(name) != name || strings.ContainsRune(name, filepath.Separator) {
			hidden++
			continue
		}
		info, err := de.Info()
		if err != nil {
			continue
		}
		isDir := de.IsDir()
		if info.Mode()&os.ModeSymlink != 0 {
			if st, err := os.Stat(filepath.Join(dir, name)); err == nil {
				isDir, info = st.IsDir(), st
			}
		}
		if !isDir && !allowedExt(name) {
			continue
		}
		out = append(out, pickEntry{name: name, dir: isDir, size: info.Size()})
		if len(out) >= maxListed {
			break
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].dir != out[j].dir {
			return out[i].dir
		}
		return strings.ToLower(out[i].name) < strings.ToLower(out[j].name)
	})
	return out, hidden, nil
}

// openPicker shows the path input, starting in Options.StartDir (or the
// working directory, or the home directory).
func (m *Model) openPicker() tea.Cmd {
	p := &m.picker
	m.setMode(modePicker)
	p.err = nil
	if p.start == "" {
		// The start directory is resolved once, in a Cmd (os.Getwd is a
		// system call).
		start, id := m.opts.StartDir, m.opts.ID
		p.loading = true
		return tea.Batch(p.input.Focus(), func() tea.Msg {
			home, _ := os.UserHomeDir()
			dir := start
			if dir == "" {
				if wd, err := os.Getwd(); err == nil {
					dir = wd
				} else {
					dir = home
				}
			}
			entries, hidden, err := listDir(dir)
			return dirListedMsg{id: id, dir: dir, start: dir, home: home, entries: entries, hidden: hidden, err: err}
		})
	}
	p.input.SetValue(p.abbrev(p.start))
	p.input.CursorEnd()
	return tea.Batch(p.input.Focus(), m.relist())
}

// relist lists the directory of the typed path when it changed.
func (m *Model) relist() tea.Cmd {
	p := &m.picker
	abs, _, _ := p.split()
	if abs == p.dir && !p.loading {
		p.refilter()
		return nil
	}
	p.dir, p.loading, p.err = abs, true, nil
	id := m.opts.ID
	return func() tea.Msg {
		entries, hidden, err := listDir(abs)
		return dirListedMsg{id: id, dir: abs, entries: entries, hidden: hidden, err: err}
	}
}

// dirListed shows a listing, unless the operator typed on to another
// directory meanwhile.
func (m *Model) dirListed(msg dirListedMsg) tea.Cmd {
	p := &m.picker
	if msg.start != "" {
		p.start, p.home = msg.start, msg.home
		if p.input.Value() != "" {
			// A path was typed before the start directory was known: it
			// stays, and what it names is listed.
			return m.relist()
		}
		p.dir = msg.dir
		p.input.SetValue(p.abbrev(msg.start))
		p.input.CursorEnd()
	}
	if msg.dir != p.dir {
		return nil
	}
	p.loading = false
	p.entries, p.hidden, p.err = msg.entries, msg.hidden, msg.err
	p.sel = 0
	p.refilter()
	return nil
}

// pickerKey handles a key while the path input is open.
func (m *Model) pickerKey(msg tea.KeyPressMsg) tea.Cmd {
	p := &m.picker
	k := m.opts.Keys
	switch {
	case key.Matches(msg, k.Composer.Cancel):
		if m.req.pickOnly {
			m.closePicker()
			return nil
		}
		return m.setMode(modeText)
	case msg.String() == "tab":
		return m.complete()
	case key.Matches(msg, k.List.Down) && msg.Text == "":
		if len(p.matches) > 0 {
			p.sel = (p.sel + 1) % len(p.matches)
		}
		return nil
	case key.Matches(msg, k.List.Up) && msg.Text == "":
		if len(p.matches) > 0 {
			p.sel = (p.sel + len(p.matches) - 1) % len(p.matches)
		}
		return nil
	case msg.String() == "enter":
		return m.choose()
	case restartsPath(p.input.Value(), msg.Text):
		// As in Emacs's find-file: "/" or "~" typed right after a folder
		// starts the path over, so an absolute path can be typed over
		// the prefilled one.
		p.input.SetValue(msg.Text)
		p.input.CursorEnd()
		p.sel = 0
		return m.relist()
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() == before {
		return cmd
	}
	p.sel = 0
	return tea.Batch(cmd, m.relist())
}

// restartsPath reports whether typing text at the end of value starts a
// new path: a separator or "~" right after a folder's separator.
func restartsPath(value, text string) bool {
	sep := string(filepath.Separator)
	return (text == sep || text == "~") && strings.HasSuffix(value, sep)
}

// pickerPaste takes a pasted path: an absolute one (or one under ~)
// replaces the input, anything else is inserted. Quotes a file manager
// adds and a file:// prefix are dropped.
func (m *Model) pickerPaste(content string) tea.Cmd {
	p := &m.picker
	s := sanitize.Line(strings.TrimSpace(content))
	s = strings.Trim(s, `'"`)
	s = strings.TrimPrefix(s, "file://")
	if s == "" {
		return nil
	}
	if filepath.IsAbs(s) || strings.HasPrefix(s, "~") {
		p.input.SetValue(s)
	} else {
		p.input.SetValue(p.input.Value() + s)
	}
	p.input.CursorEnd()
	p.sel = 0
	return m.relist()
}

// complete extends the typed name to the longest prefix the matches
// share; when it cannot, it moves to the next match.
func (m *Model) complete() tea.Cmd {
	p := &m.picker
	if len(p.matches) == 0 {
		return nil
	}
	_, typedDir, prefix := p.split()
	common := p.entries[p.matches[0]].name
	for _, i := range p.matches[1:] {
		common = commonPrefix(common, p.entries[i].name)
	}
	if len(p.matches) == 1 {
		e := p.entries[p.matches[0]]
		if e.dir {
			common += string(filepath.Separator)
		}
	}
	if len(common) <= len(prefix) || strings.EqualFold(common, prefix) && len(p.matches) > 1 {
		p.sel = (p.sel + 1) % len(p.matches)
		return nil
	}
	p.input.SetValue(typedDir + common)
	p.input.CursorEnd()
	return m.relist()
}

// commonPrefix is the longest common prefix of a and b, case-insensitive,
// spelled as in a; it never splits a UTF-8 sequence.
func commonPrefix(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && strings.EqualFold(string(ra[n]), string(rb[n])) {
		n++
	}
	return string(ra[:n])
}

// choose opens the highlighted directory or attaches the highlighted file;
// with no match it attaches the typed path as it is (the check then says
// what is wrong with it).
func (m *Model) choose() tea.Cmd {
	p := &m.picker
	abs, typedDir, prefix := p.split()
	if e, ok := p.current(); ok {
		if e.dir {
			p.input.SetValue(typedDir + e.name + string(filepath.Separator))
			p.input.CursorEnd()
			p.sel = 0
			return m.relist()
		}
		return m.attachPath(filepath.Join(abs, e.name))
	}
	if prefix == "" {
		return nil
	}
	return m.attachPath(filepath.Join(abs, prefix))
}
