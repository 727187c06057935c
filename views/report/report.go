// Package report is the report form shared by every screen that shows
// someone else's agent, post or comment. A screen emits views.ReportMsg;
// the root opens this form as an overlay over the current pane, and it
// takes every key until it closes:
//
//  1. a huh form: the reason (the API's documented reasons, api.ReportReasons)
//     and an optional description of at most api.MaxReportRunes;
//  2. a confirmation naming what is reported and why (y sends, n goes
//     back to the form with its values);
//  3. the answer: "Reported; thank you." or the server's refusal (reporting
//     yourself, say) beside the field it names or on the form's title,
//     the values kept to correct or cancel.
//
// esc on the form closes it with nothing sent. Every message the form's
// Cmds produce comes back as a Msg, which the root hands to the overlay
// alone (never the panes' broadcast).
package report

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"imagine/api"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// Source is what the form needs of the API (*api.ReportsService).
type Source interface {
	Create(ctx context.Context, req *api.ReportRequest) (*api.Report, error)
}

// Options configure the form.
type Options struct {
	Context context.Context
	// Source sends reports; nil says reporting is not available.
	Source Source
	Keys   *keymap.KeyMap
	Styles *theme.Styles
}

// Msg carries one of the form's own messages back to it; the root routes
// it to the open overlay.
type Msg struct {
	seq int
	msg tea.Msg
}

// sentMsg is the server's answer to a report.
type sentMsg struct {
	report *api.Report
	err    error
}

// stage is where the form is.
type stage int

const (
	stageForm stage = iota
	stageConfirm
	stageSending
	stageDone
)

// fields are the form's fields in order, as api.FieldError names them.
var fields = []string{"reason", "description"}

// Model is the report overlay. The zero value is closed; build it with New.
type Model struct {
	ctx    context.Context
	src    Source
	keys   *keymap.KeyMap
	styles *theme.Styles

	open   bool
	target views.ReportMsg
	stage  stage
	seq    int
	form   views.HostedForm
	reason string
	desc   string
	// answer is the thanks once the report was filed; note what the
	// server said with it.
	answer, note string

	width, height int
}

// New returns a closed report form.
func New(opts Options) *Model {
	now := (func() time.Time)(nil)
	views.Defaults(&opts.Context, &now, &opts.Keys, &opts.Styles)
	return &Model{ctx: opts.Context, src: opts.Source, keys: opts.Keys, styles: opts.Styles, width: 60, height: 16}
}

// IsOpen reports whether the overlay is showing.
func (m *Model) IsOpen() bool { return m.open }

// Target is what the open form reports.
func (m *Model) Target() views.ReportMsg { return m.target }

// SetStyles switches styles; an open form is redrawn with them.
func (m *Model) SetStyles(s *theme.Styles) { m.styles = s }

// SetSize gives the overlay the body's size; the form takes what fits.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 8)
}

// Open shows the form for t, empty, reason first.
func (m *Model) Open(t views.ReportMsg) tea.Cmd {
	if m.src == nil {
		return views.Status(views.LevelWarn, "reporting is not available in this session")
	}
	if t.ID == "" {
		return views.Status(views.LevelWarn, "nothing to report here")
	}
	*m = Model{ctx: m.ctx, src: m.src, keys: m.keys, styles: m.styles, width: m.width, height: m.height, seq: m.seq,
		open: true, target: t, reason: api.ReasonSpam}
	return m.build()
}

// Close drops the form, nothing sent.
func (m *Model) Close() { m.open = false }

// wrap addresses a Cmd's message to the form now open.
func (m *Model) wrap(cmd tea.Cmd) tea.Cmd {
	seq := m.seq
	return views.WrapForm(cmd, func(msg tea.Msg) tea.Msg { return Msg{seq: seq, msg: msg} })
}

// build (re)builds the huh form from the values, the refusal beside its
// field.
func (m *Model) build() tea.Cmd {
	m.seq++
	m.stage = stageForm
	f := &m.form
	opts := make([]huh.Option[string], 0, len(api.ReportReasons))
	for _, r := range api.ReportReasons {
		opts = append(opts, huh.NewOption(ReasonLabel(r), r))
	}
	form := huh.NewForm(huh.NewGroup(
		huh.NewSelect[string]().Title(f.Label("Reason", "reason")).Options(opts...).Value(&m.reason),
		huh.NewText().Title(f.Label("What is wrong (optional)", "description")).
			CharLimit(api.MaxReportRunes).Lines(4).Value(&m.desc).
			Validate(func(s string) error {
				if utf8.RuneCountInString(s) > api.MaxReportRunes {
					return &api.FieldError{Field: "description", Message: "at most 1000 characters"}
				}
				return nil
			}),
	).Title(f.Head("Report " + m.target.Label)))
	return f.Start(form, m.seq, m.styles, m.boxWidth()-4, min(m.height-6, 18), fields, m.wrap)
}

// Update handles a key, a paste or one of the form's messages.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if !m.open {
		return nil
	}
	switch msg := msg.(type) {
	case Msg:
		if msg.seq != m.seq {
			return nil
		}
		if s, ok := msg.msg.(sentMsg); ok {
			return m.sent(s)
		}
		return m.formUpdate(msg.msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if m.stage == stageForm {
			return m.formUpdate(msg)
		}
	}
	return nil
}

// key answers a key in each stage.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	d := m.keys.Dialog
	switch m.stage {
	case stageForm:
		if key.Matches(msg, m.keys.Jobs.Cancel) {
			m.open = false
			return views.Status(views.LevelInfo, "report cancelled: nothing was sent")
		}
		return m.formUpdate(msg)
	case stageConfirm:
		switch {
		case key.Matches(msg, d.Confirm):
			return m.send()
		case key.Matches(msg, d.Cancel):
			return m.build()
		}
	case stageDone:
		m.open = false
	case stageSending:
	}
	return nil
}

// formUpdate hands msg to the form; a complete form asks for confirmation.
func (m *Model) formUpdate(msg tea.Msg) tea.Cmd {
	cmd, done := m.form.Update(msg, m.wrap)
	if done {
		m.stage = stageConfirm
	}
	return cmd
}

// send files the report; it is a write, never resent (api.ReportsService).
func (m *Model) send() tea.Cmd {
	m.stage = stageSending
	req := &api.ReportRequest{Reason: m.reason, Description: strings.TrimSpace(m.desc)}
	switch m.target.Kind {
	case views.ReportAgent:
		req.AgentID = m.target.ID
	case views.ReportComment:
		req.CommentID = m.target.ID
	default:
		req.PostID = m.target.ID
	}
	ctx, src, seq := api.Background(m.ctx), m.src, m.seq
	return func() tea.Msg {
		r, err := src.Create(ctx, req)
		return Msg{seq: seq, msg: sentMsg{report: r, err: err}}
	}
}

// sent shows the answer: thanks, or the refusal on the form again.
func (m *Model) sent(msg sentMsg) tea.Cmd {
	if msg.err != nil {
		m.form.Refuse(msg.err)
		return tea.Batch(m.build(), views.Status(views.LevelWarn, "report refused: "+views.Describe(msg.err)))
	}
	m.stage = stageDone
	m.answer = "Reported; thank you."
	if msg.report != nil && strings.TrimSpace(msg.report.Message) != "" {
		m.note = strings.TrimSpace(msg.report.Message)
	}
	return views.Status(views.LevelInfo, "reported; thank you")
}

// boxWidth is the overlay box's outer width.
func (m *Model) boxWidth() int { return min(m.width-2, 72) }

// View draws the overlay centred in width×height cells.
func (m *Model) View(width, height int) string {
	s := m.styles
	inner := m.boxWidth() - 4
	var lines []string
	switch m.stage {
	case stageForm:
		lines = m.form.Lines(s, inner, height-6)
		lines = append(lines, "", s.Faint.Render("tab/enter next · shift+tab back · "+m.keys.Jobs.Cancel.Help().Key+" cancel"))
	case stageConfirm, stageSending:
		lines = append(lines, s.DialogTitle.Render("Send this report?"), "",
			s.Text.Render("Report "+m.target.Label+" for "+strings.ToLower(ReasonLabel(m.reason))+"."))
		if d := strings.TrimSpace(m.desc); d != "" {
			lines = append(lines, views.Content(d, inner, views.ContentStyles{Text: s.Muted, Hashtag: s.Muted, Mention: s.Muted})...)
		}
		lines = append(lines, "")
		if m.stage == stageSending {
			lines = append(lines, s.Muted.Render("sending…"))
		} else {
			d := m.keys.Dialog
			lines = append(lines, s.HelpKey.Render(d.Confirm.Help().Key)+" "+s.HelpDesc.Render("send")+"   "+
				s.HelpKey.Render(d.Cancel.Help().Key)+" "+s.HelpDesc.Render("back to the form"))
		}
	case stageDone:
		lines = append(lines, s.Success.Render(m.answer))
		if m.note != "" {
			lines = append(lines, s.Muted.Render(m.note))
		}
		lines = append(lines, "", s.Faint.Render("any key closes"))
	}
	for i, l := range lines {
		lines[i] = views.Truncate(l, inner)
	}
	box := s.Dialog.Width(m.boxWidth()).Render(strings.Join(lines, "\n"))
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}

// ReasonLabel is a reason in words ("HATE_SPEECH" → "Hate speech").
func ReasonLabel(r string) string {
	w := strings.ReplaceAll(strings.ToLower(r), "_", " ")
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}
