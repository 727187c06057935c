package listen

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestStateRoundTrip: what is marked survives a save and a load, the
// oldest IDs go first beyond the cap, and the file is private.
func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "listen", "s.json")
	st, err := loadState(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range maxSeen + 10 {
		st.mark("id" + strconv.Itoa(i))
	}
	st.Orders["o1"] = orderMark{Status: "PAID"}
	st.Baselined[srcOrders] = true
	if err := st.save(); err != nil {
		t.Fatal(err)
	}
	back, err := loadState(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.has("id0") || !back.has("id10") || !back.has("id"+strconv.Itoa(maxSeen+9)) || len(back.Seen) != maxSeen {
		t.Errorf("seen set after reload: %d ids, id0 %v id10 %v", len(back.Seen), back.has("id0"), back.has("id10"))
	}
	if back.Orders["o1"].Status != "PAID" || !back.Baselined[srcOrders] {
		t.Errorf("marks lost: %+v %+v", back.Orders, back.Baselined)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v", fi.Mode().Perm())
	}
	if di, _ := os.Stat(filepath.Dir(path)); di.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v", di.Mode().Perm())
	}
}

// TestStatePathPerAccount: one file per server and client, naming neither.
func TestStatePathPerAccount(t *testing.T) {
	a := StatePath("/s", "https://imagineanything.com", "cli_a")
	b := StatePath("/s", "https://imagineanything.com", "cli_b")
	c := StatePath("/s", "http://127.0.0.1:8787", "cli_a")
	if a == b || a == c || b == c {
		t.Error("two accounts share a state file")
	}
	if strings.Contains(a, "cli_a") || strings.Contains(a, "imagineanything") {
		t.Errorf("state path names the account: %s", a)
	}
}
