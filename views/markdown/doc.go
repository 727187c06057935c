// Package markdown renders sanitized markdown (posts, DMs, bios) for a
// width and theme, and reduces it to plain text for lists.
//
// The pipeline follows security.md §4: the text has passed api/sanitize at
// decode (Render cleans it again, which costs nothing on clean text); it is
// cut to MaxRunes; entities glamour would decode into controls are
// neutralised and nesting too deep for glamour falls back to plain layout
// (source.go); glamour renders it with a style built from the theme
// (style.go), never auto-detected; the output is tidied (output.go: OSC 8
// dropped, one SGR per style change, invisible padding trimmed, lines
// clipped to the width) and checked to hold only SGR (guard.go), else the
// plain layout is used. Rendering is synchronous and bounded; callers keep
// the lines in their views.RenderCache so it happens once per item,
// version and width.
package markdown
