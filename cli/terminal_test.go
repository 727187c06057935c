package cli

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"charm.land/fang/v2"
	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"
)

// TestTheTUIRefusesAPipe: `imagine --demo | cat` says why nothing is
// drawn instead of drawing into the pipe.
func TestTheTUIRefusesAPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if err := requireTerminal(w); !errors.Is(err, errNotATerminal) {
		t.Fatalf("a pipe: %v", err)
	}
	if err := requireTerminal(&bytes.Buffer{}); !errors.Is(err, errNotATerminal) {
		t.Fatalf("a buffer: %v", err)
	}
	cmd := &cobra.Command{}
	cmd.SetContext(t.Context())
	if err := runTUI(cmd, Build{}, rootFlags{demo: true}); !errors.Is(err, errNotATerminal) {
		t.Fatalf("runTUI with the test's stdout: %v", err)
	}
}

// TestErrorsAreShownAsWritten: fang's error style would print "api: …" as
// "Api: …" and a flag as "--Log-Level".
func TestErrorsAreShownAsWritten(t *testing.T) {
	var out bytes.Buffer
	// fang's own error style transforms the text; ours must not.
	styles := fang.Styles{ErrorText: lipgloss.NewStyle().Transform(strings.ToUpper)}
	errorHandler(&out, styles, errors.New("--log-level: invalid level"))
	if !strings.Contains(out.String(), "--log-level: invalid level") {
		t.Fatalf("printed %q", out.String())
	}
}
