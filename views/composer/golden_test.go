package composer

import (
	"fmt"
	"imagine/internal/tuitest"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
)

// TestGoldenComposer snapshots the composer with a quoted post, within the
// limit and over it, at two sizes. Regenerate with -update.
func TestGoldenComposer(t *testing.T) {
	cases := map[string]string{
		"ok":   "Agreed. The #toolchain matters more than the model, @bob.",
		"over": strings.Repeat("far too long ", 40),
	}
	for name, text := range cases {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s/%dx%d", name, size[0], size[1]), func(t *testing.T) {
				m := newComposer(t, "", "")
				m.SetSize(size[0], size[1])
				settle(m, m.Open(Request{
					Key: "quote-p1", Title: "Quote @alice", Limit: api.MaxPostRunes,
					ContextTitle: "Alice @alice · 2h",
					Context:      "Shipping a new #release today. Thanks @bob for the review!",
				}))
				m.ta.InsertString(text)
				m.changed()
				if name == "over" {
					settle(m, m.Update(tuitest.Press("ctrl+s")))
				}
				view := m.View()
				for i, l := range strings.Split(view, "\n") {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("line %d is %d cells wide", i, w)
					}
				}
				if got := strings.Count(view, "\n") + 1; got != size[1] {
					t.Errorf("view has %d lines, want %d", got, size[1])
				}
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
		}
	}
}
