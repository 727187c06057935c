package composer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
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
				tuitest.CheckFrame(t, view, size[0], size[1])
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
		}
	}
}
