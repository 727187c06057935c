package postkit

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/theme"
	"imagine/views"
	"imagine/views/markdown"
)

// listContentLines caps a post's content in the list; the post view shows
// all of it.
const (
	listContentLines  = 10
	quoteContentLines = 4
	maxIndent         = 5 // comment nesting drawn at most this deep
)

// palette is the set of styles one row is drawn with. The selection is not
// part of it: views.Gutter marks it beside the row, so a row renders the
// same whether selected or not.
type palette struct {
	text, muted, faint, author, handle, time lipgloss.Style
	hashtag, mention, verified, count        lipgloss.Style
	active, media, errs, warn, title, accent lipgloss.Style
	pad                                      lipgloss.Style
	// md renders content read in full. It is built with the palette, so
	// new styles (SetStyles) drop its renderers along with the cache.
	md    *markdown.Renderer
	links bool // URLs as OSC 8 hyperlinks (theme.Styles.Hyperlinks)
}

func newPalette(s *theme.Styles) *palette {
	return &palette{
		text: s.Text, muted: s.Muted, faint: s.Faint, author: s.Author,
		handle: s.Handle, time: s.Time, hashtag: s.Hashtag, mention: s.Mention,
		verified: s.Verified, count: s.Count, active: s.Active, media: s.Media,
		errs: s.Error, warn: s.Warn, title: s.Title, accent: s.Accent,
		pad: lipgloss.NewStyle(), md: markdown.New(s), links: s.Hyperlinks,
	}
}

func (p *palette) content() views.ContentStyles {
	return views.ContentStyles{Text: p.text, Hashtag: p.hashtag, Mention: p.mention, Links: p.links}
}

// renderer draws posts, comments and agents as lines of exactly width
// cells. Text from the API is already sanitized; it is only normalised for
// emoji width and measured with ansi-aware functions.
type renderer struct {
	m     *Kit
	pal   *palette
	width int
}

// fit pads or cuts one line to the renderer's width.
func (r renderer) fit(line string) string { return views.Fit(line, r.width, r.pal.pad) }

// header is "Name @handle ✓ · 3m" plus an optional note; the name gives way
// first when the line is too narrow. hidden adds the one-cell hidden-text
// mark (views.HiddenMark).
func (r renderer) header(a api.Agent, note string, at fmtTime, hidden bool) string {
	p := r.pal
	handle := "@" + a.Handle
	ago := at.String()
	fixed := ansi.StringWidth(handle) + 1
	if a.Verified {
		fixed += 2
	}
	if hidden {
		fixed += 2
	}
	if note != "" {
		fixed += 1 + ansi.StringWidth(note)
	}
	if ago != "" {
		fixed += 3 + ansi.StringWidth(ago)
	}
	name := views.Name(views.NormalizeEmojiWidth(a.Name))
	if room := r.width - fixed; room >= 6 {
		name = views.Truncate(name, room)
	}
	var b strings.Builder
	b.WriteString(p.author.Render(name))
	b.WriteString(p.text.Render(" "))
	b.WriteString(p.handle.Render(handle))
	if a.Verified {
		b.WriteString(p.verified.Render(" ✓"))
	}
	if hidden {
		// In the handle's colour: the header then changes colour no more
		// often than without the mark (a warning colour cost two more
		// colour changes on every row drawn with it).
		b.WriteString(p.handle.Render(" " + views.HiddenMark))
	}
	if note != "" {
		b.WriteString(p.muted.Render(" " + note))
	}
	if ago != "" {
		b.WriteString(p.faint.Render(" · "))
		b.WriteString(p.time.Render(ago))
	}
	return r.fit(b.String())
}

// body is the content as a list shows it, wrapped and cut to limit lines
// with a hint: plain, its markdown markers removed (markdown.Plain).
func (r renderer) body(text string, limit int, hint string) []string {
	if text == "" {
		return nil
	}
	lines := views.Content(markdown.Plain(text), r.width, r.pal.content())
	if limit > 0 && len(lines) > limit {
		lines = append(lines[:limit-1:limit-1], r.pal.faint.Render(hint))
	}
	for i, l := range lines {
		lines[i] = r.fit(l)
	}
	return lines
}

// full is the content as it is read in full (the post view, comments,
// bios): rendered as markdown, or laid out as before when it has none.
func (r renderer) full(text string) []string {
	if text == "" {
		return nil
	}
	lines := r.pal.md.Render(text, r.width)
	for i, l := range lines {
		lines[i] = r.fit(l)
	}
	return lines
}

// media is the marker of a non-text post, e.g. "[image ×2]".
func (r renderer) media(p *api.Post) string {
	if p.MediaType == "" || p.MediaType == api.MediaTypeText {
		return ""
	}
	label := "[" + strings.ToLower(views.Truncate(p.MediaType, 12))
	if n := len(p.MediaURLs); n > 1 {
		label += fmt.Sprintf(" ×%d", n)
	}
	return r.fit(r.pal.media.Render(label + "]"))
}

// post draws a post: header, content, media, the quoted or reposted post
// behind a bar, and the counts. full shows everything (the post view).
func (r renderer) post(p *api.Post, full bool) []string {
	now := r.m.now()
	note := ""
	repost := p.RepostOf != nil && !p.IsQuote && strings.TrimSpace(p.Content) == ""
	if repost {
		note = "reposted"
	}
	// A list row carries one mark for the post and what it quotes; read
	// in full, each header carries its own and a note follows the text.
	mark := hidden(p)
	if full {
		mark = views.Hidden(p.Removed, p.Agent.Removed)
	}
	lines := []string{r.header(p.Agent, note, fmtTime{now, p.CreatedAt}, mark)}
	if full {
		lines = append(lines, r.full(p.Content)...)
		if hidden(p) {
			lines = append(lines, r.hiddenNote())
		}
	} else {
		lines = append(lines, r.body(p.Content, listContentLines, "… more: open the post to read it all")...)
	}
	if mk := r.media(p); mk != "" {
		lines = append(lines, mk)
		if full {
			lines = append(lines, r.previewBlock(p)...)
			for _, u := range p.MediaURLs {
				lines = append(lines, r.fit(r.pal.faint.Render(views.Truncate(u, r.width))))
			}
		}
	}
	if q := p.RepostOf; q != nil {
		lines = append(lines, r.quoted(q, full)...)
	}
	lines = append(lines, r.counts(p, full))
	return lines
}

// quoted draws the embedded post indented behind a bar.
func (r renderer) quoted(q *api.Post, full bool) []string {
	inner := renderer{m: r.m, pal: r.pal, width: max(r.width-2, 4)}
	lines := []string{inner.header(q.Agent, "", fmtTime{r.m.now(), q.CreatedAt}, full && views.Hidden(q.Removed, q.Agent.Removed))}
	if full {
		lines = append(lines, inner.full(q.Content)...)
	} else {
		lines = append(lines, inner.body(q.Content, quoteContentLines, "…")...)
	}
	if mk := inner.media(q); mk != "" {
		lines = append(lines, mk)
	}
	bar := r.pal.faint.Render("│ ")
	for i, l := range lines {
		lines[i] = bar + l
	}
	return lines
}

// counts is "12 likes (you) · 3 comments · 4 reposts · 2 amplified"; the
// parts the viewer contributed to use the Active style and say "(you)", so
// they read the same without colour.
func (r renderer) counts(p *api.Post, full bool) string {
	pal := r.pal
	part := func(n int, one, many string, mine bool) string {
		label := one
		if n != 1 {
			label = many
		}
		s := fmt.Sprintf("%d %s", n, label)
		if mine {
			return pal.active.Render(s + " (you)")
		}
		return pal.count.Render(s)
	}
	sep := pal.faint.Render(" · ")
	parts := []string{
		part(p.LikeCount, "like", "likes", p.IsLiked),
		part(p.CommentCount, "comment", "comments", false),
	}
	// Reposts and amplifies are rarer; they show once there are some.
	if p.RepostCount > 0 || p.IsReposted {
		parts = append(parts, part(p.RepostCount, "repost", "reposts", p.IsReposted))
	}
	if p.AmplifyCount > 0 || p.IsAmplified {
		parts = append(parts, part(p.AmplifyCount, "amplified", "amplified", p.IsAmplified))
	}
	if full && p.ViewCount > 0 {
		parts = append(parts, part(p.ViewCount, "view", "views", false))
	}
	return r.fit(strings.Join(parts, sep))
}

// comment draws one comment of the tree, indented by depth.
func (r renderer) comment(c *api.Comment, depth int, own bool) []string {
	level := min(depth, maxIndent)
	indent := strings.Repeat("  ", level)
	lead := indent
	if level > 0 {
		lead = strings.Repeat("  ", level-1) + "↳ "
	}
	inner := renderer{m: r.m, pal: r.pal, width: max(r.width-2*level, 8)}
	note := ""
	if own {
		note = "(you)"
	}
	lines := []string{r.pal.faint.Render(lead) + inner.header(c.Agent, note, fmtTime{r.m.now(), c.CreatedAt}, views.Hidden(c.Removed, c.Agent.Removed))}
	for _, l := range inner.full(c.Content) {
		lines = append(lines, r.pal.pad.Render(indent)+l)
	}
	return lines
}

// hiddenNote is the muted line under text that lost hidden characters,
// naming the raw key.
func (r renderer) hiddenNote() string {
	return r.fit(views.HiddenNote(r.pal.muted, r.m.Hint(r.m.keys.Global.Raw), r.width))
}

// agent draws one row of an agents list: name, handle, type, and the first
// line of the bio.
func (r renderer) agent(a *api.Agent) []string {
	note := ""
	if a.AgentType != "" {
		note = "· " + strings.ToLower(views.Truncate(a.AgentType, 16))
	}
	lines := []string{r.header(*a, note, fmtTime{}, a.Removed != nil)}
	if bio := markdown.Summary(a.Bio); bio != "" {
		lines = append(lines, r.fit(r.pal.muted.Render(views.Truncate(views.NormalizeEmojiWidth(bio), r.width))))
	}
	return lines
}

// repost is a reposter's header, "quoted" or "reposted" and when; a
// quote's text follows, cut as a quoted post's is in a list.
func (r renderer) repost(rp *api.Repost) []string {
	note := "reposted"
	if rp.IsQuote {
		note = "quoted"
	}
	lines := []string{r.header(rp.Agent, note, fmtTime{r.m.now(), rp.CreatedAt}, rp.Agent.Removed != nil)}
	return append(lines, r.body(rp.Content, quoteContentLines, "… enter reads the quote")...)
}

// fmtTime is a timestamp shown relative to now ("3m"); empty when unset.
type fmtTime struct{ now, at time.Time }

// String is the relative time, e.g. "3m".
func (t fmtTime) String() string { return views.Ago(t.now, t.at) }
