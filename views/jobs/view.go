package jobs

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/views"
)

const (
	// minBlock is the narrowest a job block gets before the live view
	// uses fewer columns; colGap separates the columns.
	minBlock = 50
	colGap   = 2
	// formChrome is the rows around an open form: the header, a note
	// line, the counters and the hints.
	formChrome = 4
)

// View implements ui.Pane: the open form, or the screen showing.
func (m *Model) View() string {
	switch {
	case m.keyForm != nil:
		return m.keyFormView()
	case m.form != nil:
		return m.genFormView()
	case m.jobView != nil:
		return m.jobView.screen.View()
	}
	switch m.screen {
	case viewHistory:
		return m.historyView()
	case viewServices:
		return m.servicesView()
	case viewLive:
	}
	return m.liveView()
}

// header is the title line (with hints on its right) and, when there is
// one, the banner or the last poll's error (headerNotice).
func (m *Model) header(title, hint string) []string {
	return append([]string{views.Spread(title, m.pal.faint.Render(hint), m.width)}, m.headerNotice()...)
}

// maxBannerRows bounds the banner: a refusal is read whole (the key that
// fixes it comes last), but never pushes the jobs off the pane.
const maxBannerRows = 2

// headerNotice is the banner, wrapped to at most maxBannerRows, or the
// last poll's error, on one line; nil when there is neither.
func (m *Model) headerNotice() []string {
	p := m.pal
	switch {
	case m.banner != "":
		st := p.warn
		if m.bannerLevel == views.LevelError {
			st = p.errs
		}
		rows := strings.Split(ansi.Wrap(m.banner, m.width, ""), "\n")
		if len(rows) > maxBannerRows {
			rows = append(rows[:maxBannerRows-1], views.Truncate(strings.Join(rows[maxBannerRows-1:], " "), m.width))
		}
		for i, r := range rows {
			rows[i] = st.Render(r)
		}
		return rows
	case m.err != nil:
		return []string{views.Truncate(p.warn.Render("couldn't refresh: "+views.Describe(m.err)+" · showing what was loaded"), m.width)}
	}
	return nil
}

// slots is the header's "2 of 3 generation slots in use"; with every
// slot in use it adds that n still drafts the next job (sent once a slot
// frees), shorter when the pane is narrow (beside the split view's
// detail).
func (m *Model) slots() string {
	p := m.pal
	used := m.jobs.activeCount()
	s := fmt.Sprintf("%d of %d generation slots in use", used, api.MaxConcurrentJobs)
	if used >= api.MaxConcurrentJobs {
		n := m.keys.Jobs.New.Help().Key
		long := s + " · " + n + " drafts the next one"
		if ansi.StringWidth("Jobs · "+long) > m.width {
			return p.warn.Render(s + " · " + n + " drafts")
		}
		return p.warn.Render(long)
	}
	return p.muted.Render(s)
}

// liveHeader is the live view's header lines.
func (m *Model) liveHeader() []string {
	p := m.pal
	jk := m.keys.Jobs
	title := p.title.Render("Jobs")
	if m.jobs.loaded {
		title += p.muted.Render(" · ") + m.slots()
	}
	hint := jk.New.Help().Key + " new · " + jk.History.Help().Key + " history · " + jk.Services.Help().Key + " services"
	return append(m.header(title, hint), "")
}

// liveView is the live jobs as blocks, in up to three columns.
func (m *Model) liveView() string {
	p := m.pal
	lines := m.liveHeader()
	switch {
	case m.gen == nil:
		lines = append(lines, p.muted.Render("Generation is not available."))
	case !m.jobs.loaded && m.err != nil:
		lines = append(lines, views.Wrapped(p.muted, "retrying in the background; "+m.keys.Global.Refresh.Help().Key+" retries now", m.width)...)
	case !m.jobs.loaded:
		lines = append(lines, p.muted.Render("loading…"))
	case len(m.jobs.entries) == 0:
		jk := m.keys.Jobs
		lines = append(lines, views.Wrapped(p.muted, "No generation running and none failed recently.", m.width)...)
		lines = append(lines, views.Wrapped(p.faint, jk.New.Help().Key+" starts one · "+jk.History.Help().Key+
			" shows past jobs · "+jk.Services.Help().Key+" connects an AI provider", m.width)...)
	case m.live.Active() && m.live.Len() == 0:
		lines = append(lines, p.muted.Render("No job matches."))
	default:
		lines = append(lines, m.grid(m.bodyHeight())...)
	}
	if m.live.Active() {
		for len(lines) < m.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, m.live.Line(len(m.jobs.entries), m.width))
	}
	return views.Rows(lines, m.height)
}

// columns is how many job blocks fit side by side.
func (m *Model) columns() int {
	switch {
	case m.width >= 3*minBlock+2*colGap:
		return 3
	case m.width >= 2*minBlock+colGap:
		return 2
	}
	return 1
}

// bodyHeight is the room for job blocks under the live header.
func (m *Model) bodyHeight() int {
	chrome := 2 + filterRows(&m.live) + len(m.headerNotice())
	return max(m.height-chrome, 1)
}

// gridRows is the number of rows of blocks.
func (m *Model) gridRows() int {
	c := m.columns()
	return (m.liveCount() + c - 1) / c
}

func rowHeight(int) int { return blockLines + 1 }

// fixWindow keeps the selection in range and its row of blocks visible.
func (m *Model) fixWindow() {
	n := len(m.jobs.entries)
	m.sel = min(max(m.sel, 0), max(n-1, 0))
	m.win.Cursor = m.livePos() / m.columns()
	m.win.Fix(m.gridRows(), m.bodyHeight(), rowHeight)
}

// pageJobs is how many jobs a page key moves over.
func (m *Model) pageJobs() int {
	return max(m.bodyHeight()/(blockLines+1), 1) * m.columns()
}

// grid draws the visible rows of blocks.
func (m *Model) grid(height int) []string {
	m.fixWindow()
	cols := m.columns()
	w := (m.width - (cols-1)*colGap) / cols
	gap := strings.Repeat(" ", colGap)
	blank := strings.Repeat(" ", w)
	return m.win.Render(m.gridRows(), height, func(row int, _ bool) []string {
		out := make([]string, blockLines+1)
		for c := range cols {
			i := row*cols + c
			var b []string
			if i < m.liveCount() {
				b = m.live.Mark(m.block(m.liveAt(i), i == m.livePos(), w))
			}
			for l := range blockLines {
				cell := blank
				if b != nil {
					cell = b[l]
				}
				if c > 0 {
					out[l] += gap
				}
				out[l] += cell
			}
		}
		for l := range out {
			out[l] = strings.TrimRight(out[l], " ")
		}
		return out
	})
}

// selectedJob is the live job under the cursor, if any.
func (m *Model) selectedJob() *api.GenerationJob {
	if len(m.jobs.entries) == 0 {
		return nil
	}
	i := m.sel
	if m.live.Active() {
		// The job under the filter's cursor, even while the query is
		// typed (sel is then kept aside for esc).
		var ok bool
		if i, ok = m.live.Selected(); !ok {
			return nil
		}
	}
	return &m.jobs.entries[min(i, len(m.jobs.entries)-1)].job
}

// selectedID is the ID of the live job under the cursor, or "".
func (m *Model) selectedID() string {
	if j := m.selectedJob(); j != nil {
		return j.ID
	}
	return ""
}

// reselect puts the cursor back on job id after the list changed.
func (m *Model) reselect(id string) {
	if i := m.jobs.index(id); i >= 0 {
		m.sel = i
	}
	m.fixWindow()
}
