package cli

import (
	"errors"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// errNotATerminal is why the TUI does not start when its output is not a
// terminal (`imagine --demo | cat`): a screen drawn into a pipe shows
// nothing useful, and waiting there looks like a hang.
var errNotATerminal = errors.New("standard output is not a terminal, and the TUI needs one " +
	"(run it in a terminal, or over SSH with ssh -t)")

// requireTerminal reports errNotATerminal unless out is a terminal.
func requireTerminal(out io.Writer) error {
	f, ok := out.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return errNotATerminal
	}
	return nil
}
