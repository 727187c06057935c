package jobs

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/theme"
	"imagine/views"
)

// spinFrames are the spinner's frames, one cell each.
const spinFrames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

// spinFrame is frame i of the spinner.
func spinFrame(i int) string {
	r := []rune(spinFrames)
	return string(r[i%len(r)])
}

// palette is the set of styles a job block or row is drawn with. The
// selection is not part of it: views.Gutter marks it beside the block.
type palette struct {
	text, bold, muted, faint, title, accent, ok, warn, errs lipgloss.Style
	pad                                                     lipgloss.Style
}

func newPalette(s *theme.Styles) *palette {
	return &palette{
		text: s.Text, bold: s.Text.Inherit(s.Bold), muted: s.Muted, faint: s.Faint,
		title: s.Title, accent: s.Accent, ok: s.Success, warn: s.Warn, errs: s.Error,
		pad: lipgloss.NewStyle(),
	}
}

// blockLines is the height of a job block; blocks are separated by one
// blank line.
const blockLines = 4

// block draws a live job: exactly blockLines lines of exactly w cells.
//
//	Image · OpenAI · gpt-image-1                          0:42
//	“a lighthouse in fog”
//	●━━●━━○━━○ generating ⠹
//	(the error of a failed job, or the text of the post made)
func (m *Model) block(e *entry, sel bool, w int) []string {
	p := m.pal
	j := &e.job
	iw := max(w-views.GutterWidth, 1)
	head := views.GenTypeName(j.Type) + " · " + views.ProviderName(j.Provider)
	if j.Model != "" {
		head += " · " + j.Model
	}
	lines := []string{
		spread(p, p.bold.Render(views.Truncate(head, iw)), p.muted.Render(m.liveClock(j)), iw),
		p.muted.Render(views.Truncate("“"+views.NormalizeEmojiWidth(firstLine(j.Prompt))+"”", iw)),
		m.progress(p, e, iw),
		m.detail(p, j, iw),
	}
	for i, l := range lines {
		lines[i] = views.Fit(l, iw, p.pad)
	}
	return m.gut.Mark(lines, sel)
}

// liveClock is the elapsed time, led by the spinner while the job is
// active. The two sit side by side and change on the same tick, so a
// running job costs one short span of the screen per second.
func (m *Model) liveClock(j *api.GenerationJob) string {
	if isActive(j.Status) {
		return spinFrame(m.frame) + " " + m.elapsedText(j)
	}
	return m.elapsedText(j)
}

// progress is the status line of a block: the stepper and the stage, with
// the spinner while the job is active; for a failed job, the retries left.
func (m *Model) progress(p *palette, e *entry, w int) string {
	j := &e.job
	if j.Status == api.JobFailed {
		left := max(api.MaxJobRetries-j.RetryCount, 0)
		s := p.errs.Render("✕ failed")
		switch {
		case e.retrying:
			s += p.muted.Render(" · retrying…")
		case left > 0:
			s += p.muted.Render(fmt.Sprintf(" · %d of %d retries left · %s retry", left, api.MaxJobRetries, m.keys.Jobs.Retry.Help().Key))
		default:
			s += p.muted.Render(" · no retries left · " + m.keys.Jobs.New.Help().Key + " starts a new one")
		}
		return views.Truncate(s, w)
	}
	k := stage(j.Status)
	if k < 0 {
		return views.Truncate(p.muted.Render("? "+j.Status), w)
	}
	s := stepper(p, k) + p.pad.Render(" ")
	switch {
	case j.Status == api.JobCompleted && j.PostID != "":
		s += p.ok.Render("posted") + p.faint.Render(" · "+m.keys.List.Open.Help().Key+" opens the post")
	case j.Status == api.JobCompleted:
		s += p.ok.Render("completed")
	default:
		s += p.accent.Render(j.Status + "…")
	}
	return views.Truncate(s, w)
}

// spread puts left and right on one line of w cells, right-aligned, the
// gap drawn in the palette's padding (so a selected row's background
// spans it); right is dropped when both do not fit.
func spread(p *palette, left, right string, w int) string {
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	if right == "" || lw+1+rw > w {
		return views.Truncate(left, w)
	}
	return left + p.pad.Render(strings.Repeat(" ", w-lw-rw)) + right
}

// stepper draws the four stages, ●━━●━━○━━○, with stage k (the current
// one) highlighted and the ones before it done.
func stepper(p *palette, k int) string {
	var b strings.Builder
	for i := range 4 {
		if i > 0 {
			st := p.faint
			if i <= k {
				st = p.ok
			}
			b.WriteString(st.Render("━━"))
		}
		switch {
		case i == k:
			b.WriteString(p.accent.Render("●"))
		case i < k:
			b.WriteString(p.ok.Render("●"))
		default:
			b.WriteString(p.faint.Render("○"))
		}
	}
	return b.String()
}

// detail is the last line of a block: why a job failed, or the text of
// the post a completed job made.
func (m *Model) detail(p *palette, j *api.GenerationJob, w int) string {
	switch j.Status {
	case api.JobFailed:
		return p.errs.Render(views.Truncate(views.NormalizeEmojiWidth(orDefault(firstLine(j.ErrorMessage), "no reason given")), w))
	case api.JobCompleted:
		if t := firstLine(j.PostContent); t != "" {
			return p.faint.Render(views.Truncate("post: "+views.NormalizeEmojiWidth(t), w))
		}
	}
	return ""
}

// elapsedText is how long a job has run (active), took (completed), or
// ran before failing.
func (m *Model) elapsedText(j *api.GenerationJob) string {
	switch {
	case j.CreatedAt.IsZero():
		// No start time from the server: no elapsed time, rather than the
		// 2562047:47:16 since year 1.
		return ""
	case isActive(j.Status):
		return clock(m.shown.Sub(j.CreatedAt))
	case j.Status == api.JobCompleted && j.CompletedAt != nil:
		return "took " + span(j.CompletedAt.Sub(j.CreatedAt))
	case j.Status == api.JobCompleted:
		return "took " + span(j.UpdatedAt.Sub(j.CreatedAt))
	case j.Status == api.JobFailed:
		return "after " + span(j.UpdatedAt.Sub(j.CreatedAt))
	}
	return ""
}

// span is how long a finished job took, as its detail says it ("42s",
// "1m5s"): a running one's clock ("0:42") is a timer that moves.
func span(d time.Duration) string { return max(d, 0).Round(time.Second).String() }

// clock formats a duration as m:ss, or h:mm:ss from an hour on; negative
// durations (clock skew) count as zero.
func clock(d time.Duration) string {
	s := int(max(d, 0) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// historyRowHeight is the height of a history row.
const historyRowHeight = 2

// historyRow draws a past job in two lines of exactly the pane's width.
func (m *Model) historyRow(j *api.GenerationJob, sel bool) []string {
	p := m.pal
	w := max(m.width-views.GutterWidth, 1)
	icon, word := p.accent.Render("◌"), p.accent.Render(j.Status)
	switch j.Status {
	case api.JobCompleted:
		icon, word = p.ok.Render("●"), p.ok.Render("completed")
	case api.JobFailed:
		icon, word = p.errs.Render("✕"), p.errs.Render("failed")
	}
	head := icon + p.pad.Render(" ") + word + p.bold.Render(" "+views.GenTypeName(j.Type)+" · "+views.ProviderName(j.Provider))
	if j.Model != "" {
		head += p.muted.Render(" · " + j.Model)
	}
	right := p.muted.Render(views.Ago(m.shown, j.CreatedAt))
	second := p.muted.Render("  " + views.NormalizeEmojiWidth(firstLine(j.Prompt)))
	if j.Status == api.JobFailed && j.ErrorMessage != "" {
		second = p.errs.Render("  " + views.NormalizeEmojiWidth(firstLine(j.ErrorMessage)))
	}
	return m.gut.Mark([]string{
		views.Fit(spread(p, head, right, w), w, p.pad),
		views.Fit(views.Truncate(second, w), w, p.pad),
	}, sel)
}

// serviceRow draws a provider: its masked key exactly as the server sent
// it, on or off, and the last test's answer.
func (m *Model) serviceRow(provider string, sel bool) []string {
	p := m.pal
	w := max(m.width-views.GutterWidth, 1)
	s := &m.svcs
	name := p.bold.Render(fmt.Sprintf("%-14s", views.ProviderName(provider)))
	c := s.find(provider)
	var line string
	if c == nil {
		line = name + p.faint.Render(" not connected")
	} else {
		state := p.ok.Render("● on ")
		if !c.IsActive {
			state = p.faint.Render("○ off")
		}
		line = name + p.text.Render(" "+fmt.Sprintf("%-12s", views.NormalizeEmojiWidth(c.APIKey))+" ") + state
		if ago := views.Ago(m.shown, c.UpdatedAt); ago != "" {
			line += p.faint.Render(" · updated " + ago)
		}
	}
	lines := []string{views.Fit(views.Truncate(line, w), w, p.pad)}
	var under string
	switch b := s.busy[provider]; {
	case b == actTest:
		under = p.muted.Render("testing the key…")
	case b != "":
		under = p.muted.Render(b + "…")
	case s.tests[provider] != nil && s.tests[provider].Success:
		under = p.ok.Render("✓ " + orDefault(s.tests[provider].Message, "the key works"))
	case s.tests[provider] != nil:
		under = p.errs.Render("✕ " + orDefault(s.tests[provider].Message, "the key was refused"))
	}
	if under != "" {
		lines = append(lines, views.Fit(views.Truncate(p.pad.Render("  ")+under, w), w, p.pad))
	}
	return m.gut.Mark(lines, sel)
}
