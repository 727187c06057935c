package media

import (
	"context"
	"testing"
)

func TestPreviewerRendersAndCachesByURL(t *testing.T) {
	srv := newImageServer(t, "image/png", pngOf(t, 40, 40))
	p := NewPreviewer(Options{AllowedHost: "api.example"})
	u := srv.URL + "/media/a.png"
	first, err := p.Render(context.Background(), u, PreviewCols, PreviewRows)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 12 {
		t.Fatalf("a square image is %d rows, want 12", len(first))
	}
	checkOnlySGR(t, first)
	// A second rendering, even narrower, comes from the decoded thumbnail.
	narrow, err := p.Render(context.Background(), u, 10, PreviewRows)
	if err != nil {
		t.Fatal(err)
	}
	if len(narrow) != 5 {
		t.Errorf("at 10 columns: %d rows, want 5", len(narrow))
	}
	if n := srv.hits.Load(); n != 1 {
		t.Errorf("the image was downloaded %d times, want once", n)
	}
}

func TestPreviewerCacheIsBounded(t *testing.T) {
	srv := newImageServer(t, "image/png", pngOf(t, 4, 4))
	p := NewPreviewer(Options{CacheSize: 2})
	for _, name := range []string{"a", "b", "c"} {
		if _, err := p.Render(context.Background(), srv.URL+"/"+name+".png", 4, 4); err != nil {
			t.Fatal(err)
		}
	}
	if p.Cached() != 2 {
		t.Errorf("cache holds %d, want 2", p.Cached())
	}
	// "a" was evicted: asking again downloads it again.
	if _, err := p.Render(context.Background(), srv.URL+"/a.png", 4, 4); err != nil {
		t.Fatal(err)
	}
	if n := srv.hits.Load(); n != 4 {
		t.Errorf("%d downloads, want 4", n)
	}
}

func TestAltTextNamesTheCleanHost(t *testing.T) {
	cases := map[string]string{
		"https://cdn.example/a.png":          "[image: cdn.example]",
		"http://127.0.0.1:8080/media/b.png":  "[image: 127.0.0.1]",
		"https://%1b%5d0;x%07.example/a.png": "[image]",
		"not a url at all":                   "[image]",
	}
	for in, want := range cases {
		if got := AltText(in); got != want {
			t.Errorf("AltText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatSizeRoundsUp(t *testing.T) {
	for n, want := range map[int64]string{
		820: "820 B", 1024: "1 KB", 1025: "2 KB", 1 << 20: "1 MB",
		1<<20 + 1: "1.1 MB", 61 << 20: "61 MB", 50<<20 + 1: "50.1 MB",
	} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
