package views

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/theme"
)

// OpenURLMsg asks the root to open a web address with the system's opener.
// The root does so only when the terminal is the operator's own machine,
// never for an SSH session, where the opener would run on the server.
type OpenURLMsg struct{ URL string }

// LinkPicker is the list `o` shows over a screen: the mentions, hashtags
// and URLs of what is on it, and a post it embeds (a quote's). enter
// follows the chosen one (a profile, a hashtag's posts, the URL shown in
// full and opened, the post), y copies it, esc closes. Screens keep one
// and hand it keys while it is open.
type LinkPicker struct {
	links []Link
	cur   int
	open  bool
}

// Show opens the picker on links, each once, or says there are none.
func (p *LinkPicker) Show(links []Link) tea.Cmd {
	links = uniqueLinks(links)
	if len(links) == 0 {
		return Status(LevelInfo, "no mention, hashtag or link here")
	}
	p.links, p.cur, p.open = links, 0, true
	return nil
}

// uniqueLinks drops the links met before, by kind and target: a mention
// in a comment and in its post is listed once.
func uniqueLinks(links []Link) []Link {
	seen := map[Link]bool{}
	out := links[:0:0]
	for _, l := range links {
		k := Link{Kind: l.Kind, Target: strings.ToLower(l.Target)}
		if !seen[k] {
			seen[k] = true
			out = append(out, l)
		}
	}
	return out
}

// IsOpen reports whether the picker takes the keys.
func (p *LinkPicker) IsOpen() bool { return p.open }

// Help is the keys of the open picker, for a pane's footer.
func (p *LinkPicker) Help(k keymap.ListKeys) []key.Binding {
	return []key.Binding{k.Open, k.Copy, k.Back}
}

// Close closes the picker.
func (p *LinkPicker) Close() { p.open = false }

// Key handles a key while the picker is open.
func (p *LinkPicker) Key(msg tea.KeyPressMsg, k *keymap.KeyMap) tea.Cmd {
	switch {
	case key.Matches(msg, k.List.Down):
		p.cur = min(p.cur+1, len(p.links)-1)
	case key.Matches(msg, k.List.Up):
		p.cur = max(p.cur-1, 0)
	case key.Matches(msg, k.List.Back, k.List.Links):
		p.open = false
	case key.Matches(msg, k.List.Copy):
		p.open = false
		return Copy(p.copyText(p.links[p.cur]))
	case key.Matches(msg, k.List.Open):
		p.open = false
		return Follow(p.links[p.cur])
	}
	return nil
}

// copyText is what copying a link puts on the clipboard: the URL, the
// handle or the tag as written, a post's web address.
func (p *LinkPicker) copyText(l Link) string {
	if l.Copy != "" {
		return l.Copy
	}
	return l.Text
}

// Follow opens what a link leads to: an agent's profile, a hashtag's
// posts, a post, or the URL.
func Follow(l Link) tea.Cmd {
	switch l.Kind {
	case LinkMention:
		return Open(OpenProfileMsg{Handle: l.Target})
	case LinkHashtag:
		return Open(OpenHashtagMsg{Tag: l.Target})
	case LinkPost:
		return Open(OpenPostMsg{PostID: l.Target})
	}
	return Open(OpenURLMsg{URL: l.Target})
}

// Copy puts text on the operator's clipboard with OSC 52, a sequence the
// program writes itself (content can never emit one: the sanitizer removes
// every escape), and says so.
func Copy(text string) tea.Cmd {
	return tea.Batch(tea.SetClipboard(text), Status(LevelInfo, "copied "+Truncate(text, 60)))
}

// Lines draws the picker in at most height lines of width cells: a title,
// then one row per link with the chosen one marked in the gutter, the
// window following the choice.
func (p *LinkPicker) Lines(width, height int, s *theme.Styles) []string {
	if height < 2 {
		return nil
	}
	g := NewGutter(s)
	lines := []string{Fit(s.Title.Render("Links")+s.Faint.Render(" · enter open · y copy · esc close"), width, s.Text)}
	rows := height - 1
	top := max(0, min(p.cur-rows+1, len(p.links)-rows))
	for i := top; i < len(p.links) && len(lines) < height; i++ {
		l := p.links[i]
		// What following it opens, then the link as the content shows it.
		kind, st := "web page ", s.Text
		switch l.Kind {
		case LinkMention:
			kind, st = "profile  ", s.Mention
		case LinkHashtag:
			kind, st = "posts of ", s.Hashtag
		case LinkPost:
			kind = "post     "
		}
		row := s.Faint.Render(kind) + st.Render(Truncate(l.Text, width-GutterWidth-9))
		lines = append(lines, g.Mark([]string{row}, i == p.cur)[0])
	}
	return lines
}

// Over draws the open picker over the bottom of a screen's lines (at most
// half the height, 12 rows), leaving them as they are when it is closed.
func (p *LinkPicker) Over(lines []string, width, height int, s *theme.Styles) []string {
	if !p.open {
		return lines
	}
	over := p.Lines(width, min(height/2, 12), s)
	at := max(height-len(over), 0)
	out := append(make([]string, 0, height), lines[:min(at, len(lines))]...)
	for len(out) < at {
		out = append(out, "")
	}
	return append(out, over...)
}
