package cli

import (
	"testing"

	"imagine/config"
	"imagine/ui"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestNotifyDetection(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want ui.NotifyMethod
		tmux bool
	}{
		{map[string]string{"TERM_PROGRAM": "iTerm.app"}, ui.NotifyOSC9, false},
		{map[string]string{"TERM": "xterm-kitty"}, ui.NotifyOSC99, false},
		{map[string]string{"TERM_PROGRAM": "WezTerm"}, ui.NotifyOSC777, false},
		{map[string]string{"TERM": "foot"}, ui.NotifyOSC777, false},
		{map[string]string{"TMUX": "/tmp/tmux-0/default,1,0", "LC_TERMINAL": "iTerm2"}, ui.NotifyOSC9, true},
		{map[string]string{"TMUX": "/tmp/x", "TERM": "tmux-256color"}, ui.NotifyBell, true},
		{map[string]string{"TERM": "xterm-256color"}, ui.NotifyBell, false},
	} {
		o, err := notifyOptions(config.Notify{}, env(tc.env))
		if err != nil || o.Method != tc.want || o.Tmux != tc.tmux {
			t.Errorf("%v: got %s tmux=%v err=%v, want %s tmux=%v", tc.env, o.Method, o.Tmux, err, tc.want, tc.tmux)
		}
	}
}

func TestNotifyConfig(t *testing.T) {
	o, err := notifyOptions(config.Notify{Method: "off", DND: true, Mute: []string{"Jobs"}}, env(nil))
	if err != nil || o.Method != ui.NotifyOff || !o.DoNotDisturb || !o.Muted["jobs"] {
		t.Fatalf("%+v %v", o, err)
	}
	if _, err := notifyOptions(config.Notify{Method: "popup"}, env(nil)); err == nil {
		t.Fatal("an unknown method should be refused")
	}
}
