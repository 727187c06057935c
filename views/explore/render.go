package explore

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/theme"
	"imagine/views"
	"imagine/views/markdown"
)

// palette is the set of styles rows are drawn with. The selection is not
// part of it: views.Gutter marks it beside the row.
type palette struct {
	title, head, text, muted, faint, author, handle, verified lipgloss.Style
	time, count, active, accent, tag, warn, errs, media, pad  lipgloss.Style
	content                                                   views.ContentStyles
}

func newPalette(s *theme.Styles) *palette {
	return &palette{
		title: s.Title, head: s.Muted.Inherit(s.Bold), text: s.Text, muted: s.Muted, faint: s.Faint,
		author: s.Author, handle: s.Handle, verified: s.Verified, time: s.Time, count: s.Count,
		active: s.Active, accent: s.Accent, tag: s.Hashtag, warn: s.Warn, errs: s.Error, media: s.Media,
		pad:     lipgloss.NewStyle(),
		content: views.ContentStyles{Text: s.Text, Hashtag: s.Hashtag, Mention: s.Mention},
	}
}

// cacheKey identifies one rendered row body: the list it is in (a row's
// heading differs between lists), the row, and its version.
type cacheKey struct {
	l   *list
	id  string
	ver int
}

// syncCache aligns the cache with the width and the minute (ages move).
func (m *Model) syncCache() { m.cache.Sync(m.width, m.shown.Unix()/60) }

// lines is row r of l as drawn: its cached body behind the gutter, the
// heading (if any) with a blank gutter.
func (m *Model) lines(l *list, r *row, sel bool) []string {
	body := m.body(l, r)
	from := 0
	if r.head != "" {
		from = 1
	}
	return l.query.Mark(m.gut.MarkFrom(body, from, sel))
}

// heights measures l's visible rows from their cached bodies.
func (m *Model) heights(l *list) views.HeightFunc {
	return func(i int) int { return len(m.body(l, l.vis[i])) }
}

// body renders r once per version and width: heading, then the row.
func (m *Model) body(l *list, r *row) []string {
	return m.cache.Get(cacheKey{l: l, id: r.id(), ver: r.ver}, func() []string {
		w := m.width - views.GutterWidth
		var out []string
		if r.head != "" {
			out = append(out, views.Fit(m.pal.head.Render(r.head), w, m.pal.pad))
		}
		switch r.kind {
		case kindPost:
			out = append(out, m.postLines(r.post, w)...)
		case kindAgent:
			out = append(out, m.agentLines(r.agent, r.featured, w)...)
		case kindTag:
			out = append(out, m.tagLine(r.tag, w))
		case kindByte:
			out = append(out, m.byteLines(r.byt, w)...)
		case kindByteTop:
			out = append(out, m.byteFull(r.byt, w)...)
		case kindComment:
			out = append(out, m.commentLines(r.comment, r.depth, w)...)
		case kindQuery:
			out = append(out, views.Fit(m.pal.faint.Render("↺ ")+m.pal.text.Render(views.NormalizeEmojiWidth(r.query)), w, m.pal.pad))
		}
		return out
	})
}

// who is "Name @handle ✓", the name giving way first, with the one-cell
// hidden-text mark when the name or bio lost hidden characters, or when
// hidden is set (the text beside it did).
func (m *Model) who(a *api.Agent, room int, hidden ...bool) string {
	p := m.pal
	h := "@" + a.Handle
	fixed := whoFixed(a, hidden...)
	mark := a.Removed != nil || (len(hidden) > 0 && hidden[0])
	name := views.Truncate(views.Name(views.NormalizeEmojiWidth(a.Name)), max(room-fixed, whoNameMin))
	s := p.author.Render(name) + p.pad.Render(" ") + p.handle.Render(h)
	if a.Verified {
		s += p.verified.Render(" ✓")
	}
	if mark {
		s += p.warn.Render(" " + views.HiddenMark)
	}
	return s
}

// whoNameMin is the fewest cells of a name who keeps.
const whoNameMin = 6

// whoFixed is the width of who's parts that are never cut: the handle
// (an agent's identity), the verified and hidden-text marks.
func whoFixed(a *api.Agent, hidden ...bool) int {
	fixed := ansi.StringWidth("@"+a.Handle) + 1
	if a.Verified {
		fixed += 2
	}
	if a.Removed != nil || (len(hidden) > 0 && hidden[0]) {
		fixed += 2
	}
	return fixed
}

// whoMin is the narrowest who draws a.
func whoMin(a *api.Agent, hidden ...bool) int {
	return whoFixed(a, hidden...) + min(ansi.StringWidth(views.Name(views.NormalizeEmojiWidth(a.Name))), whoNameMin)
}

// rightThatFits is the first of the right-hand parts that fits beside
// who drawn at its narrowest with after it (a post's time), or "": a row
// once dropped its counts altogether when the longest did not fit.
func rightThatFits(w, leftMin int, parts ...string) string {
	for _, r := range parts {
		if leftMin+1+ansi.StringWidth(r) <= w {
			return r
		}
	}
	return ""
}

// postLines is a post in two lines: who and when, then the start of it.
func (m *Model) postLines(post *api.Post, w int) []string {
	p := m.pal
	hidden := post.Removed != nil
	ago := views.Ago(m.now(), post.CreatedAt)
	after := ""
	if ago != "" {
		after = p.faint.Render(" · ") + p.time.Render(ago)
	}
	aw := ansi.StringWidth(after)
	counts := rightThatFits(w, whoMin(&post.Agent, hidden)+aw,
		m.counts(post.LikeCount, post.IsLiked, post.CommentCount), m.likes(post.LikeCount, post.IsLiked))
	head := m.who(&post.Agent, w-ansi.StringWidth(counts)-1-aw, hidden) + after
	text := markdown.Plain(post.Content)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i] + " …"
	}
	if post.MediaType != "" && post.MediaType != api.MediaTypeText {
		text = "[" + strings.ToLower(views.Truncate(post.MediaType, 12)) + "] " + text
	}
	return []string{
		views.Fit(views.Spread(head, counts, w), w, p.pad),
		views.Fit(p.pad.Render("  ")+views.Highlight(views.Truncate(views.NormalizeEmojiWidth(text), w-2), p.content), w, p.pad),
	}
}

// likes is "♥ 3", in the Active style when one is the operator's: the
// counts where the comments do not fit.
func (m *Model) likes(likes int, liked bool) string {
	if liked {
		return m.pal.active.Render(fmt.Sprintf("♥ %d (you)", likes))
	}
	return m.pal.count.Render(fmt.Sprintf("♥ %d", likes))
}

// counts is "♥ 3 · 2 comments", the like in the Active style when it is
// the operator's.
func (m *Model) counts(likes int, liked bool, comments int) string {
	p := m.pal
	like := p.count.Render(fmt.Sprintf("♥ %d", likes))
	if liked {
		like = p.active.Render(fmt.Sprintf("♥ %d (you)", likes))
	}
	return like + p.faint.Render(" · ") + p.count.Render(plural(comments, "comment"))
}

// agentLines is an agent in one or two lines: who, type and followers,
// then the start of the bio.
func (m *Model) agentLines(a *api.Agent, featured bool, w int) []string {
	p := m.pal
	// Where the row is narrow the type goes first, then the follower
	// count: whether the operator follows the agent stays longest.
	var parts []string
	short := p.muted.Render(plural(a.FollowerCount, "follower"))
	if a.IsFollowing != nil && *a.IsFollowing {
		parts = []string{p.active.Render("following")}
		short = parts[0] + p.faint.Render(" · ") + short
	}
	parts = append([]string{short}, parts...)
	if a.AgentType != "" {
		parts = append([]string{p.faint.Render(strings.ToLower(a.AgentType)+" · ") + short}, parts...)
	}
	right := rightThatFits(w, whoMin(a)+2, parts...) // 2: a featured agent's star
	left := m.who(a, w-ansi.StringWidth(right)-1)
	if featured {
		left = p.accent.Render("★ ") + left
	}
	out := []string{views.Fit(views.Spread(left, right, w), w, p.pad)}
	if bio := markdown.Summary(a.Bio); bio != "" {
		out = append(out, views.Fit(p.pad.Render("  ")+p.muted.Render(views.Truncate(views.NormalizeEmojiWidth(bio), w-2)), w, p.pad))
	}
	return out
}

// tagLine is "#tag · 12 posts".
func (m *Model) tagLine(t api.TrendingTag, w int) string {
	p := m.pal
	s := p.tag.Render("#" + views.NormalizeEmojiWidth(t.Tag))
	if t.Posts > 0 {
		s += p.faint.Render(" · ") + p.muted.Render(plural(t.Posts, "post"))
	}
	return views.Fit(s, w, p.pad)
}

// byteLines is a Byte in two lines: duration and caption, then who,
// when, likes and comments.
func (m *Model) byteLines(b *api.Byte, w int) []string {
	p := m.pal
	caption := markdown.Summary(b.Caption)
	if caption == "" {
		caption = "(no caption)"
	}
	top := p.media.Render("▶ "+duration(b.Duration)) + p.pad.Render(" ") +
		views.Highlight(views.Truncate(views.NormalizeEmojiWidth(caption), max(w-8, 4)), p.content)
	who := m.who(&b.Agent, w-30)
	if ago := views.Ago(m.now(), b.CreatedAt); ago != "" {
		who += p.faint.Render(" · ") + p.time.Render(ago)
	}
	return []string{
		views.Fit(top, w, p.pad),
		views.Fit(p.pad.Render("  ")+views.Spread(who, m.counts(b.LikeCount, b.IsLiked, b.CommentCount), w-2), w, p.pad),
	}
}

// commentLines is a comment: who and when, then its text. A reply is
// indented by its depth in the thread, "↳" marking it, as a post's
// replies are.
func (m *Model) commentLines(c *api.ByteComment, depth, w int) []string {
	p := m.pal
	level := min(depth, maxDepth)
	indent, lead := strings.Repeat("  ", level), ""
	if level > 0 {
		lead = strings.Repeat("  ", level-1) + "↳ "
	}
	iw := max(w-2*level, 12) // the room right of the indent
	head := m.who(&c.Agent, iw-10)
	if ago := views.Ago(m.now(), c.CreatedAt); ago != "" {
		head += p.faint.Render(" · ") + p.time.Render(ago)
	}
	out := []string{views.Fit(p.faint.Render(lead)+head, w, p.pad)}
	for _, l := range views.Content(views.NormalizeEmojiWidth(c.Content), max(iw-2, 4), p.content) {
		out = append(out, views.Fit(p.pad.Render(indent+"  ")+l, w, p.pad))
	}
	return out
}

// duration is seconds as "0:42", "?" when unknown.
func duration(sec int) string {
	if sec <= 0 {
		return "?:??"
	}
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}

// plural is "1 post", "2 posts".
func plural(n int, one string) string { return strconv.Itoa(n) + " " + views.Plural(n, one) }

// byteFull is the open Byte: who and when, the poster frame, the caption
// in full, the counts, the video's address and its keys.
func (m *Model) byteFull(b *api.Byte, w int) []string {
	p := m.pal
	head := p.media.Render("▶ "+duration(b.Duration)) + p.faint.Render(" · ") + m.who(&b.Agent, w-20)
	if ago := views.Ago(m.now(), b.CreatedAt); ago != "" {
		head += p.faint.Render(" · ") + p.time.Render(ago)
	}
	out := []string{views.Fit(head, w, p.pad)}
	if bv := m.byteView; bv != nil && bv.byt == b {
		for _, l := range bv.poster {
			out = append(out, views.Fit(l, w, p.pad))
		}
	}
	for _, l := range views.Content(views.NormalizeEmojiWidth(b.Caption), w, p.content) {
		out = append(out, views.Fit(l, w, p.pad))
	}
	counts := m.counts(b.LikeCount, b.IsLiked, b.CommentCount)
	if b.ViewCount > 0 {
		counts += p.faint.Render(" · ") + p.count.Render(plural(b.ViewCount, "view"))
	}
	out = append(out, views.Fit(counts, w, p.pad))
	if b.VideoURL != "" {
		ek, lk := m.keys.Explore, m.keys.List
		out = append(out, views.Fit(p.faint.Render(views.Truncate(b.VideoURL, w)), w, p.pad),
			views.Fit(p.faint.Render(ek.Watch.Help().Key+" watch · "+lk.Copy.Help().Key+" copy the address"), w, p.pad))
	}
	return out
}
