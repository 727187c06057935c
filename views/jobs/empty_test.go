package jobs

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTheEmptyJobsPaneNamesEveryKeyBesideASplitDetail: the Jobs list is
// 54 columns wide beside the split view's detail at 120; its guidance
// wraps there instead of cutting the last key off.
func TestTheEmptyJobsPaneNamesEveryKeyBesideASplitDetail(t *testing.T) {
	hs := newHarness(t, 54, 20, true)
	view := ansi.Strip(hs.m.View())
	flat := strings.Join(strings.Fields(view), " ")
	for _, want := range []string{"n starts one", "h shows past jobs", "s connects an AI provider"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the empty pane at 54 columns does not say %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "…") {
		t.Errorf("the empty pane cuts its guidance:\n%s", view)
	}
}
