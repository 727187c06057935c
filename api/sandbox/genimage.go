package sandbox

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"math"
)

// genImageSize is the side of every generated image, in pixels.
const genImageSize = 256

// renderJobImage draws the "generated" picture of a job: a gradient with a
// pattern, colours and layout hashed from the prompt, so the same prompt
// always gives the same PNG. Video jobs get a play symbol (the picture is
// the video's poster) and audio jobs a waveform (cover art); the sandbox
// makes no real video or audio.
func renderJobImage(prompt, typ string) []byte {
	h := fnv.New64a()
	_, _ = h.Write([]byte(prompt))
	seed := h.Sum64()
	byteAt := func(i int) int { return int(seed >> (8 * (i % 8)) & 0xff) }

	hue := byteAt(0) * 360 / 256
	c1 := hsv(hue, 200, 235)
	c2 := hsv((hue+90+byteAt(1)%120)%360, 190, 160)
	c3 := hsv((hue+180)%360, 120, 250)
	pattern := byteAt(2) % 4
	cx, cy := 64+byteAt(3)/2, 64+byteAt(4)/2

	img := image.NewRGBA(image.Rect(0, 0, genImageSize, genImageSize))
	for y := range genImageSize {
		for x := range genImageSize {
			c := lerp(c1, c2, (x+y)*255/(2*genImageSize-2))
			if patternAt(pattern, x, y, cx, cy) {
				c = lerp(c, c3, 90)
			}
			img.SetRGBA(x, y, c)
		}
	}
	switch typ {
	case genVideo:
		drawPlaySymbol(img)
	case genVoice, genSoundEffect, genMusic:
		drawWaveform(img, seed)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		// Encoding an in-memory RGBA image cannot fail; a panic here is a
		// bug, which route() turns into a 500.
		panic(err)
	}
	return buf.Bytes()
}

// patternAt tells whether pixel (x, y) belongs to the pattern's lighter
// part: stripes, rings around (cx, cy), a checkerboard or dots.
func patternAt(pattern, x, y, cx, cy int) bool {
	switch pattern {
	case 0:
		return (x+y)/16%2 == 0
	case 1:
		dx, dy := float64(x-cx), float64(y-cy)
		return int(math.Sqrt(dx*dx+dy*dy))/14%2 == 0
	case 2:
		return (x/32+y/32)%2 == 0
	default:
		dx, dy := x%24-12, y%24-12
		return dx*dx+dy*dy < 25
	}
}

// drawPlaySymbol paints a white play triangle in the middle.
func drawPlaySymbol(img *image.RGBA) {
	for y := 80; y <= 176; y++ {
		for x := 100; x <= 180; x++ {
			if d := y - 128; d*d*80*80 <= (180-x)*(180-x)*48*48 {
				img.SetRGBA(x, y, lerp(img.RGBAAt(x, y), color.RGBA{255, 255, 255, 255}, 220))
			}
		}
	}
}

// drawWaveform paints white bars of hashed heights across the middle.
func drawWaveform(img *image.RGBA, seed uint64) {
	for i, x0 := 0, 40; x0 < 216; i, x0 = i+1, x0+8 {
		half := 8 + int((seed>>(i%60))&0x3f)*40/63
		for x := x0; x < x0+5; x++ {
			for y := 128 - half; y <= 128+half; y++ {
				img.SetRGBA(x, y, lerp(img.RGBAAt(x, y), color.RGBA{255, 255, 255, 255}, 220))
			}
		}
	}
}

// lerp mixes a towards b by t/255.
func lerp(a, b color.RGBA, t int) color.RGBA {
	mix := func(p, q uint8) uint8 { return uint8((int(p)*(255-t) + int(q)*t) / 255) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
}

// hsv converts a hue (0-359), saturation and value (0-255) to RGB.
func hsv(h, s, v int) color.RGBA {
	c := v * s / 255
	x := c * (60 - abs(h%120-60)) / 60
	m := v - c
	var r, g, b int
	switch h / 60 {
	case 0:
		r, g, b = c, x, 0
	case 1:
		r, g, b = x, c, 0
	case 2:
		r, g, b = 0, c, x
	case 3:
		r, g, b = 0, x, c
	case 4:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	return color.RGBA{uint8(r + m), uint8(g + m), uint8(b + m), 255}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
