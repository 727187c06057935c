package api

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode"

	"imagine/api/sanitize"
)

// The "removed" records (sanitize.Removed, the raw view of security.md §4.5
// E2) hold the original of a cleaned field on purpose, escaped: payload
// text such as "]52;" survives there as inert ASCII. The inertness tests
// below check them on their own (no control, bidi or C1 character) and
// leave them out of the payload scans.

// removedPtr is the type of the records.
var removedPtr = reflect.TypeFor[*sanitize.Removed]()

// removedIn returns the Raw text of every Removed record reachable from v.
func removedIn(v any) []string {
	var out []string
	var walk func(reflect.Value)
	walk = func(x reflect.Value) {
		switch x.Kind() {
		case reflect.Pointer, reflect.Interface:
			if x.IsNil() {
				return
			}
			if x.Type() == removedPtr {
				out = append(out, x.Interface().(*sanitize.Removed).Raw)
				return
			}
			walk(x.Elem())
		case reflect.Struct:
			for i := range x.NumField() {
				if x.Type().Field(i).IsExported() {
					walk(x.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range x.Len() {
				walk(x.Index(i))
			}
		case reflect.Map:
			for it := x.MapRange(); it.Next(); {
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}

// withoutRemoved returns v as JSON without its "removed" records, after
// checking that each record's text is inert.
func withoutRemoved(t *testing.T, v any) []byte {
	t.Helper()
	for _, raw := range removedIn(v) {
		for _, r := range raw {
			if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || unicode.Is(unicode.Bidi_Control, r) {
				t.Fatalf("removed record holds %U: %q", r, raw)
			}
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%T: marshal: %v", v, err)
	}
	var generic any
	if json.Unmarshal(b, &generic) != nil {
		return b
	}
	var strip func(any)
	strip = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			delete(x, "removed")
			for _, v := range x {
				strip(v)
			}
		case []any:
			for _, v := range x {
				strip(v)
			}
		}
	}
	strip(generic)
	out, _ := json.Marshal(generic)
	return out
}
