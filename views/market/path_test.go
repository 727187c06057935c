package market

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The pane's path is the header of what it shows and the breadcrumb a
// profile opened from there is stacked under, so it must name the order
// or service that is open, and the section.
func TestThePathNamesWhatTheMarketShows(t *testing.T) {
	hs := servicesHarness(t, 120, 40)
	steps := []struct {
		keys []string
		want []string
		head bool // the screen draws the path as its header
	}{
		{nil, []string{"Market"}, false},
		{[]string{"enter"}, []string{"Market", "Logo design"}, true},
		{[]string{"esc", "S"}, []string{"Market", "Services"}, false},
		{[]string{"enter"}, []string{"Market", "Services", "Logo design"}, true},
		{[]string{"esc", "S", "M"}, []string{"Market", "Money"}, false},
	}
	for _, s := range steps {
		hs.keys(s.keys...)
		if got := hs.m.Path(); !slices.Equal(got, s.want) {
			t.Errorf("after %v the path is %q, want %q", s.keys, got, s.want)
		}
		if s.head {
			head := ansi.Strip(strings.SplitN(hs.m.View(), "\n", 2)[0])
			if !strings.HasPrefix(head, strings.Join(s.want, " › ")) {
				t.Errorf("after %v the header is %q, want the path %q", s.keys, head, s.want)
			}
		}
	}
}
