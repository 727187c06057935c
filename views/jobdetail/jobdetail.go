// Package jobdetail is the detail of one generation job, shown beside
// the Jobs list in the split view, and full width by the Jobs pane when
// enter is pressed on a job still running: its provider, type and model,
// where it stands (the step of a running one), when it started and
// ended, the whole prompt and post text, the error of a failed one and
// where its result is. The job arrives in a views.OpenJobMsg with what
// the list holds, so the detail makes no request; a newer copy of the
// same job (a poll) redraws it where it is scrolled to.
package jobdetail

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/theme"
	"imagine/views"
)

// Screen is the detail of one job. It implements views.Screen.
type Screen struct {
	styles        *theme.Styles
	job           *api.GenerationJob
	width, height int
	trail         []string
	hint          string // keys named on the header's right (SetHint)
	off           int    // first line shown (the wheel scrolls)
}

// New returns an empty detail, drawn with styles; an OpenJobMsg fills it.
func New(styles *theme.Styles) *Screen { return &Screen{styles: styles, width: 40, height: 10} }

// Update takes the job to show; nothing else concerns it. Another job
// is shown from its start; a newer copy of the same one where it was.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(views.OpenJobMsg); ok {
		j := m.Job
		if s.job == nil || s.job.ID != j.ID {
			s.off = 0
		}
		s.job = &j
		s.off = max(0, min(s.off, len(s.body())-(s.height-1)))
	}
	return nil
}

// SetHint names keys on the header's right ("esc back"): none beside a
// list, whose keys are the list's.
func (s *Screen) SetHint(hint string) { s.hint = hint }

// SetStyles switches to new styles.
func (s *Screen) SetStyles(styles *theme.Styles) { s.styles = styles }

// SetSize sets the size the detail is drawn in.
func (s *Screen) SetSize(width, height int) { s.width, s.height = max(width, 20), max(height, 3) }

// Wheel scrolls the detail by dy lines.
func (s *Screen) Wheel(dy int) tea.Cmd {
	s.off = max(0, min(s.off+dy, len(s.body())-(s.height-1)))
	return nil
}

// CapturesInput is false: the detail has no text field.
func (s *Screen) CapturesInput() bool { return false }

// ShortHelp is empty: beside the list, the keys are the list's.
func (s *Screen) ShortHelp() []key.Binding { return nil }

// FullHelp is empty, as ShortHelp.
func (s *Screen) FullHelp() [][]key.Binding { return nil }

// Depth is 1: one screen.
func (s *Screen) Depth() int { return 1 }

// Crumbs names the job.
func (s *Screen) Crumbs() []string {
	if s.job == nil {
		return []string{"job"}
	}
	return []string{strings.ToLower(views.GenTypeName(s.job.Type)) + " job"}
}

// SetTrail sets the steps shown before the job in the header.
func (s *Screen) SetTrail(trail []string) { s.trail = append([]string(nil), trail...) }

// View draws the header line and as much of the detail as fits.
func (s *Screen) View() string {
	path := append(append([]string(nil), s.trail...), s.Crumbs()...)
	if len(s.trail) == 0 {
		path = append([]string{"Selected"}, path...)
	}
	lines := []string{views.Crumbs(path, s.hint, s.width, s.styles.Title, s.styles.Muted, s.styles.Faint)}
	body := s.body()
	from := min(s.off, len(body))
	for _, l := range body[from:] {
		if len(lines) >= s.height {
			break
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// body is every line of the detail, each at most the width.
func (s *Screen) body() []string {
	j := s.job
	if j == nil {
		return []string{s.styles.Faint.Render("nothing to show")}
	}
	st, w := s.styles, s.width-2
	pad := func(l string) string { return "  " + l }
	var out []string
	add := func(l string) { out = append(out, pad(views.Truncate(l, w))) }
	wrap := func(style lipgloss.Style, text string) {
		for _, l := range strings.Split(ansi.Wrap(views.NormalizeEmojiWidth(text), w, ""), "\n") {
			add(style.Render(l))
		}
	}

	head := views.GenTypeName(j.Type) + " · " + views.ProviderName(j.Provider)
	if j.Model != "" {
		head += " · " + j.Model
	}
	add(st.Bold.Render(head))
	add(s.statusLine(j))
	wrap(st.Muted, timesLine(j))
	// A section: a blank line, its name, its text wrapped (none if empty).
	for _, sec := range []struct {
		name, text string
		style      lipgloss.Style
	}{
		{"Prompt", j.Prompt, st.Text}, {"Post text", j.PostContent, st.Text},
		{"Why it failed", j.ErrorMessage, st.Error}, {"Result", j.ResultURL, st.Muted},
	} {
		if sec.text != "" {
			out = append(out, "")
			add(st.Faint.Render(sec.name))
			wrap(sec.style, sec.text)
		}
	}
	if j.PostID != "" {
		out = append(out, "")
		add(st.Muted.Render("posted: enter opens the post"))
	}
	return out
}

// statusLine is where the job stands, coloured by how it ended.
func (s *Screen) statusLine(j *api.GenerationJob) string {
	style := s.styles.Accent
	switch j.Status {
	case api.JobCompleted:
		style = s.styles.Success
	case api.JobFailed:
		style = s.styles.Error
	}
	line := style.Render(strings.ToLower(j.Status))
	if k := step(j.Status); k > 0 {
		line += s.styles.Muted.Render(fmt.Sprintf(" · step %d of %d", k, len(steps)))
	}
	if j.RetryCount > 0 {
		line += s.styles.Muted.Render(fmt.Sprintf(" · retried %d×", j.RetryCount))
	}
	return line
}

// steps are the stages a job goes through, in order.
var steps = []string{api.JobPending, api.JobGenerating, api.JobUploading, api.JobCompleted}

// step is the 1-based stage of a job still running, 0 for one that ended
// (or an unknown status): how far along it is.
func step(status string) int {
	for i, st := range steps[:len(steps)-1] {
		if st == status {
			return i + 1
		}
	}
	return 0
}

// timesLine says when the job was made and when it ended, by the clock.
func timesLine(j *api.GenerationJob) string {
	const layout = "Jan 2 15:04:05"
	line := "started " + j.CreatedAt.Local().Format(layout)
	if j.CompletedAt != nil && !j.CompletedAt.IsZero() {
		line += " · ended " + j.CompletedAt.Local().Format(layout) +
			" · took " + j.CompletedAt.Sub(j.CreatedAt).Round(time.Second).String()
	}
	return line
}
