package sanitize

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Struct cleans, in place, every string reachable from v, which is normally a
// pointer to a freshly decoded value. It follows pointers, structs, slices,
// arrays, maps and interfaces, including generic types such as Page[T].
// Unexported fields are skipped (the fields of an embedded struct still
// count). A string struct field is cleaned according to its tag:
//
//	`clean:"block"`     Block
//	`clean:"identity"`  Identity
//	`clean:"raw"`       left alone (ids and secrets that must stay byte-exact)
//	`clean:"line"`, no tag or another value   Line
//
// The tag of a field also applies to the strings inside it: the elements of
// a []string or the values of a map[string]string field (map keys are always
// cleaned as Line). Named string types such as `type Secret string` are left
// alone unless the field carries a clean tag. Values reachable only through
// a non-pointer argument cannot be set and are left alone; pass a pointer.
//
// Per-type field plans are cached, and already clean strings are not copied,
// so cleaning a clean value does not allocate.
func Struct(v any) {
	if v == nil {
		return
	}
	var w walker
	w.value(reflect.ValueOf(v), policy{})
}

// policy says how the strings found under one struct field are cleaned.
type policy struct {
	mode   mode
	tagged bool // the field has a clean tag: named string types are cleaned too
}

// fieldPlan is one struct field worth visiting.
type fieldPlan struct {
	index int
	pol   policy
	// keep is set for a string field tagged with the "keep" option in a
	// struct that has a *Removed field; name is its JSON name.
	keep bool
	name string
}

// structPlan lists the fields of a struct type that may hold strings.
type structPlan struct {
	fields []fieldPlan
	// removed is the index of the *Removed field, or -1.
	removed int
}

var removedType = reflect.TypeFor[*Removed]()

var (
	// plans caches a *structPlan per struct type. It is the package's one
	// piece of shared state: a cache of facts about types, written once per
	// type and safe for concurrent use.
	plans sync.Map

	stringType = reflect.TypeFor[string]()
)

// planFor returns the cached plan of struct type t.
func planFor(t reflect.Type) *structPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan)
	}
	return newPlanner().plan(t)
}

// planner builds plans, tracking the struct types in progress so that
// recursive types (a Post that points to a Post) terminate.
type planner struct {
	building map[reflect.Type]bool
}

func newPlanner() *planner {
	return &planner{building: map[reflect.Type]bool{}}
}

// plan builds, caches and returns the plan of struct type t.
func (p *planner) plan(t reflect.Type) *structPlan {
	if sp, ok := plans.Load(t); ok {
		return sp.(*structPlan)
	}
	p.building[t] = true
	sp := &structPlan{removed: -1}
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && f.Type == removedType {
			sp.removed = i
		}
	}
	for i := range t.NumField() {
		f := t.Field(i)
		// Exported fields, and embedded structs whose exported fields are
		// promoted (reflect lets those be set even when the embedded type
		// itself is unexported).
		if !f.IsExported() && !(f.Anonymous && f.Type.Kind() == reflect.Struct) {
			continue
		}
		tag, opt, _ := strings.Cut(f.Tag.Get("clean"), ",")
		pol, raw := tagPolicy(tag)
		if raw || !p.mayHold(f.Type, pol.tagged) {
			continue
		}
		fp := fieldPlan{index: i, pol: pol}
		if opt == "keep" && sp.removed >= 0 && f.Type.Kind() == reflect.String {
			fp.keep, fp.name = true, jsonName(f)
		}
		sp.fields = append(sp.fields, fp)
	}
	delete(p.building, t)
	actual, _ := plans.LoadOrStore(t, sp)
	return actual.(*structPlan)
}

// mayHold reports whether a value of type t may hold a string that cleaning
// would touch. Types in progress count as holding one (conservative).
func (p *planner) mayHold(t reflect.Type, tagged bool) bool {
	switch t.Kind() {
	case reflect.String:
		return tagged || t == stringType
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return p.mayHold(t.Elem(), tagged)
	case reflect.Map:
		return p.mayHold(t.Key(), false) || p.mayHold(t.Elem(), tagged)
	case reflect.Interface:
		return true
	case reflect.Struct:
		if p.building[t] {
			return true
		}
		return len(p.plan(t).fields) > 0
	}
	return false
}

// holds reports whether a struct or array value of type t may hold a string,
// from the cached plans, so that copying it is worth it.
func holds(t reflect.Type) bool {
	for t.Kind() == reflect.Array {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		return len(planFor(t).fields) > 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32,
		reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16,
		reflect.Uint32, reflect.Uint64, reflect.Uintptr, reflect.Float32,
		reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	}
	return true
}

// tagPolicy decodes a clean tag; raw is true for `clean:"raw"`.
func tagPolicy(tag string) (pol policy, raw bool) {
	switch tag {
	case "":
		return policy{mode: modeLine}, false
	case "raw":
		return policy{}, true
	case "block":
		return policy{mode: modeBlock, tagged: true}, false
	case "identity":
		return policy{mode: modeIdentity, tagged: true}, false
	}
	// "line" and unknown values: the safe default.
	return policy{mode: modeLine, tagged: true}, false
}

// cleanString cleans s per the policy's mode.
func cleanString(s string, pol policy) string {
	out, _ := cleanFlags(s, pol)
	return out
}

// cleanFlags cleans s per the policy's mode and reports what was removed.
func cleanFlags(s string, pol policy) (string, Flags) {
	switch pol.mode {
	case modeBlock:
		return BlockFlags(s)
	case modeIdentity:
		return IdentityFlags(s)
	}
	return LineFlags(s)
}

// kept cleans the kept string field f of struct v and, when hidden text or
// controls were removed, records the original in v's *Removed field.
func (w *walker) kept(v reflect.Value, sp *structPlan, f fieldPlan) {
	fv := v.Field(f.index)
	if !fv.CanSet() {
		return
	}
	s := fv.String()
	c, fl := cleanFlags(s, f.pol)
	if c == s {
		return
	}
	fv.SetString(c)
	if !fl.Shows() {
		return
	}
	rv := v.Field(sp.removed)
	if !rv.CanSet() {
		return
	}
	if rv.IsNil() {
		rv.Set(reflect.ValueOf(&Removed{}))
	}
	rv.Interface().(*Removed).add(f.name, s, fl)
}

// jsonName is the JSON name of struct field f, or its Go name.
func jsonName(f reflect.StructField) string {
	if n, _, _ := strings.Cut(f.Tag.Get("json"), ","); n != "" && n != "-" {
		return n
	}
	return f.Name
}

// cycleDepth is the nesting depth of pointers, maps and slices from which the
// walker starts remembering what it visited, so that cyclic values (never
// produced by JSON decoding) cannot make it recurse forever. Shallower values
// cost nothing extra.
const cycleDepth = 32

// visit identifies a reference-typed value for cycle detection.
type visit struct {
	t   reflect.Type
	ptr uintptr
	n   int
}

// walker carries the state of one Struct call.
type walker struct {
	depth int
	seen  map[visit]bool
}

// value cleans the strings reachable from v.
func (w *walker) value(v reflect.Value, pol policy) {
	switch v.Kind() {
	case reflect.String:
		if !v.CanSet() || (!pol.tagged && v.Type() != stringType) {
			return
		}
		s := v.String()
		if c := cleanString(s, pol); c != s {
			v.SetString(c)
		}
	case reflect.Struct:
		sp := planFor(v.Type())
		for _, f := range sp.fields {
			if f.keep {
				w.kept(v, sp, f)
				continue
			}
			w.value(v.Field(f.index), f.pol)
		}
	case reflect.Pointer:
		if !v.IsNil() && w.enter(v) {
			w.value(v.Elem(), pol)
			w.depth--
		}
	case reflect.Slice:
		if v.Len() > 0 && w.enter(v) {
			w.elements(v, pol)
			w.depth--
		}
	case reflect.Array:
		w.elements(v, pol)
	case reflect.Map:
		if v.Len() > 0 && w.enter(v) {
			w.mapEntries(v, pol)
			w.depth--
		}
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		if nv, ok := w.inner(v.Elem(), pol); ok && v.CanSet() {
			v.Set(nv)
		}
	}
}

// enter accounts one level of nesting for v and reports whether to descend
// (false when v was already visited in a deep walk). The caller decrements
// depth after a true result.
func (w *walker) enter(v reflect.Value) bool {
	w.depth++
	if w.depth <= cycleDepth {
		return true
	}
	key := visit{t: v.Type(), ptr: v.Pointer()}
	if v.Kind() == reflect.Slice {
		key.n = v.Len()
	}
	if w.seen == nil {
		w.seen = map[visit]bool{}
	}
	if w.seen[key] {
		w.depth--
		return false
	}
	w.seen[key] = true
	return true
}

// elements cleans the elements of a slice or array.
func (w *walker) elements(v reflect.Value, pol policy) {
	if v.Type().Elem().Kind() < reflect.Array {
		return // bools and numbers: nothing to do, skip the loop
	}
	for i := range v.Len() {
		w.value(v.Index(i), pol)
	}
}

// inner cleans a value that cannot be set in place (held by an interface or
// a map). Reference values are cleaned where they point; strings, structs
// and arrays are cleaned in a copy, returned with true for the caller to
// store.
func (w *walker) inner(e reflect.Value, pol policy) (reflect.Value, bool) {
	switch e.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		w.value(e, pol)
	case reflect.Interface:
		if !e.IsNil() {
			return w.inner(e.Elem(), pol)
		}
	case reflect.String:
		if !pol.tagged && e.Type() != stringType {
			return reflect.Value{}, false
		}
		s := e.String()
		c := cleanString(s, pol)
		if c == s {
			return reflect.Value{}, false
		}
		nv := reflect.New(e.Type()).Elem()
		nv.SetString(c)
		return nv, true
	case reflect.Struct, reflect.Array:
		if !e.CanInterface() || !holds(e.Type()) {
			return reflect.Value{}, false
		}
		nv := reflect.New(e.Type()).Elem()
		nv.Set(e)
		w.value(nv, pol)
		return nv, true
	}
	return reflect.Value{}, false
}

// mapEntries cleans the values of a map, then its string keys (as Line).
// Values are replaced in place; a key that changes is moved, and when two
// keys clean to the same text the entry already under that text (or else the
// first in sorted order) is kept, so the outcome is deterministic.
func (w *walker) mapEntries(v reflect.Value, pol policy) {
	t := v.Type()
	cleanKeys := t.Key().Kind() == reflect.String && (pol.tagged || t.Key() == stringType)
	var moved []reflect.Value
	iter := v.MapRange()
	for iter.Next() {
		k := iter.Key()
		if nv, ok := w.inner(iter.Value(), pol); ok {
			v.SetMapIndex(k, nv)
		}
		if cleanKeys && Line(k.String()) != k.String() {
			moved = append(moved, k)
		}
	}
	slices.SortFunc(moved, func(a, b reflect.Value) int {
		switch as, bs := a.String(), b.String(); {
		case as < bs:
			return -1
		case as > bs:
			return 1
		}
		return 0
	})
	for _, k := range moved {
		e := v.MapIndex(k)
		v.SetMapIndex(k, reflect.Value{})
		nk := reflect.New(t.Key()).Elem()
		nk.SetString(Line(k.String()))
		if !v.MapIndex(nk).IsValid() {
			v.SetMapIndex(nk, e)
		}
	}
}
