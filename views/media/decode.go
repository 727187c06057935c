package media

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"net/http"
)

// Decode limits. A 5 MB file can still declare billions of pixels (a
// decompression bomb), so the header is checked before any pixel is decoded.
const (
	MaxPixels = 4096 * 4096
	maxSide   = 16384
	// thumbSide is the largest side kept after decoding: previews are about
	// 24×24 pixels, so a small thumbnail is all the cache needs to hold.
	thumbSide = 128
)

// ErrUnsupported is returned for formats that are not previewed (WebP:
// golang.org/x/image is not a dependency of this module).
var ErrUnsupported = errors.New("image format is not previewed")

// Decode reads a PNG, JPEG or GIF (its first frame) from b, chosen by
// sniffing the bytes, not by what the server claimed.
func Decode(b []byte) (image.Image, error) {
	type codec struct {
		config func([]byte) (image.Config, error)
		decode func([]byte) (image.Image, error)
	}
	rd := func(f func(*bytes.Reader) (image.Config, error)) func([]byte) (image.Config, error) {
		return func(b []byte) (image.Config, error) { return f(bytes.NewReader(b)) }
	}
	codecs := map[string]codec{
		"image/png": {
			rd(func(r *bytes.Reader) (image.Config, error) { return png.DecodeConfig(r) }),
			func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) },
		},
		"image/jpeg": {
			rd(func(r *bytes.Reader) (image.Config, error) { return jpeg.DecodeConfig(r) }),
			func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) },
		},
		"image/gif": {
			rd(func(r *bytes.Reader) (image.Config, error) { return gif.DecodeConfig(r) }),
			func(b []byte) (image.Image, error) { return gif.Decode(bytes.NewReader(b)) },
		},
	}
	kind := http.DetectContentType(b)
	c, ok := codecs[kind]
	if !ok {
		if kind == "image/webp" {
			return nil, ErrUnsupported
		}
		return nil, fmt.Errorf("%w (%s)", ErrNotImage, kind)
	}
	cfg, err := c.config(b)
	if err != nil {
		return nil, err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxSide || cfg.Height > maxSide || cfg.Width*cfg.Height > MaxPixels {
		return nil, fmt.Errorf("%w (%d×%d pixels)", ErrTooLarge, cfg.Width, cfg.Height)
	}
	return c.decode(b)
}

// Thumbnail shrinks img so that its longer side is at most side pixels,
// averaging a grid of up to 4×4 samples per target pixel; an image already
// small enough is copied as is. The result is what the preview cache keeps.
func Thumbnail(img image.Image, side int) *image.NRGBA {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	w, h := sw, sh
	if w > side || h > side {
		if w >= h {
			w, h = side, max(sh*side/sw, 1)
		} else {
			w, h = max(sw*side/sh, 1), side
		}
	}
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		y0, y1 := b.Min.Y+y*sh/h, b.Min.Y+max((y+1)*sh/h, y*sh/h+1)
		for x := range w {
			x0, x1 := b.Min.X+x*sw/w, b.Min.X+max((x+1)*sw/w, x*sw/w+1)
			out.SetNRGBA(x, y, average(img, x0, y0, x1, y1, 4))
		}
	}
	return out
}

// average is the mean colour of the rectangle [x0,x1)×[y0,y1) of img, read
// from at most grid×grid evenly spread samples. Colours are averaged
// premultiplied, so transparent pixels do not darken their neighbours.
func average(img image.Image, x0, y0, x1, y1, grid int) color.NRGBA {
	nx, ny := min(x1-x0, grid), min(y1-y0, grid)
	var r, g, bl, a uint64
	for j := range ny {
		y := y0 + (2*j+1)*(y1-y0)/(2*ny)
		for i := range nx {
			x := x0 + (2*i+1)*(x1-x0)/(2*nx)
			cr, cg, cb, ca := img.At(x, y).RGBA()
			r, g, bl, a = r+uint64(cr), g+uint64(cg), bl+uint64(cb), a+uint64(ca)
		}
	}
	n := uint64(nx * ny)
	if a == 0 || n == 0 {
		return color.NRGBA{}
	}
	// Un-premultiply: colour channels over the summed alpha.
	return color.NRGBA{
		R: uint8(r * 255 / a),
		G: uint8(g * 255 / a),
		B: uint8(bl * 255 / a),
		A: uint8(a / n >> 8),
	}
}
