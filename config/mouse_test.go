package config

import "testing"

func TestMouseIsOnUnlessTurnedOff(t *testing.T) {
	c, err := Load(write(t, "theme = \"dark\"\n"))
	if err != nil || c.Mouse != nil {
		t.Fatalf("unset: %v %v", c.Mouse, err)
	}
	c, err = Load(write(t, "mouse = false\n"))
	if err != nil || c.Mouse == nil || *c.Mouse {
		t.Fatalf("mouse = false: %v %v", c.Mouse, err)
	}
}
