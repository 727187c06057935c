package cli

import "testing"

func TestHyperlinksOnlyWhereTheTerminalShowsThem(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM_PROGRAM": "WezTerm"}, true},
		{map[string]string{"TERM": "xterm-kitty"}, true},
		{map[string]string{"VTE_VERSION": "7600"}, true},
		{map[string]string{"VTE_VERSION": "4800"}, false},
		{map[string]string{"TERM_PROGRAM": "WezTerm", "TMUX": "/tmp/tmux-0/default,1,0"}, false},
		{map[string]string{"TERM": "xterm-256color"}, false},
		{map[string]string{}, false},
	} {
		if got := hyperlinkTerminal(env(tc.env)); got != tc.want {
			t.Errorf("%v: hyperlinks = %v, want %v", tc.env, got, tc.want)
		}
	}
}
