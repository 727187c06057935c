package cli

import "testing"

func TestLinksAreNotOpenedOverSSH(t *testing.T) {
	for _, v := range []string{"SSH_CONNECTION", "SSH_TTY", "SSH_CLIENT"} {
		if urlOpener(env(map[string]string{v: "x", "PATH": "/usr/bin:/bin"})) != nil {
			t.Errorf("with %s set, links would be opened on the server", v)
		}
	}
}
