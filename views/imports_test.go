package views_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The layering of views/ (architecture.md §6.3, issue 8): a pane never
// imports another pane, so a pane can be built, tested and replaced alone;
// what several panes show (a post, a profile, a conversation) is a shared
// screen or kit they may import, which never imports a pane; and views
// itself, the kit of every pane, imports none of its subpackages but the
// kits. Each package under views/ is one of these kinds.
var (
	// panes are the tabs of the root (ui.PaneID), one package each.
	panes = []string{"feed", "notifications", "messages", "market", "jobs", "explore", "me"}
	// screens are shared screens any pane may push onto its stack:
	// post, profile and hashtag are a post, an agent's profile and a
	// hashtag's posts; postkit holds the agents lists, the Media screen
	// and what every screen of posts shares (the kit they are stacked on);
	// jobdetail is a generation job beside the Jobs list.
	screens = []string{"postkit", "post", "profile", "hashtag", "jobdetail"}
	// kits are building blocks of panes and screens.
	kits = []string{"composer", "markdown", "media", "report"}
	// standalone are models the command line runs on their own, before
	// the TUI (onboarding); like kits, they import only kits.
	standalone = []string{"onboarding"}
)

const module = "imagine/views/"

// importsOf is the set of views/ subpackages the non-test Go files of dir
// import, by name.
func importsOf(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range file.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if name, ok := strings.CutPrefix(path, module); ok && !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// TestEveryViewsPackageHasAKind fails for a new package under views/ that
// is not listed above, so its place in the layering is decided, not
// inherited by accident.
func TestEveryViewsPackageHasAKind(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "testdata" {
			continue
		}
		name := e.Name()
		if !slices.Contains(panes, name) && !slices.Contains(screens, name) && !slices.Contains(kits, name) && !slices.Contains(standalone, name) {
			t.Errorf("views/%s is neither a pane, a shared screen nor a kit: list it in imports_test.go", name)
		}
	}
}

// TestPanesNeverImportEachOther checks the import graph of views/: panes
// import no pane, shared screens import no pane, kits import neither, and
// views imports only kits.
func TestPanesNeverImportEachOther(t *testing.T) {
	check := func(pkg string, imports []string, allowed func(string) bool) {
		for _, imp := range imports {
			if !allowed(imp) {
				t.Errorf("%s imports views/%s", pkg, imp)
			}
		}
	}
	isKit := func(s string) bool { return slices.Contains(kits, s) }
	isShared := func(s string) bool { return isKit(s) || slices.Contains(screens, s) }
	check("views", importsOf(t, "."), isKit)
	for _, p := range panes {
		check("views/"+p, importsOf(t, p), isShared)
	}
	for _, s := range screens {
		check("views/"+s, importsOf(t, s), isShared)
	}
	for _, k := range append(append([]string(nil), kits...), standalone...) {
		check("views/"+k, importsOf(t, k), isKit)
	}
}
