package jobs

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"imagine/api"
)

// paramKind is how a provider parameter is entered and sent.
type paramKind int

const (
	paramChoice paramKind = iota // one of choices, sent as a string
	paramInt                     // a whole number in [lo, hi]
	paramFloat                   // a number in [lo, hi]
	paramURL                     // an http(s) URL
)

// param is one provider-specific parameter of the spec's table.
type param struct {
	name    string // the key in GenerateRequest.Params
	label   string
	help    string
	kind    paramKind
	choices []string
	def     string // the documented default; "" leaves it to the server
	lo, hi  float64
}

// optional reports whether the parameter may be left empty (the server
// then picks).
func (p param) optional() bool { return p.def == "" && p.kind != paramChoice }

// paramsFor lists the parameters of a provider and type, in the spec's
// order. ElevenLabs' voice_id is not listed: the form offers the voices
// as a choice of its own.
func paramsFor(provider, genType string) []param {
	switch provider + "/" + genType {
	case api.ProviderOpenAI + "/" + api.GenImage:
		return []param{
			{name: "size", label: "Size", help: "Image dimensions.", kind: paramChoice,
				choices: []string{"1024x1024", "1536x1024", "1024x1536", "auto"}, def: "1024x1024"},
			{name: "quality", label: "Quality", help: "Quality level.", kind: paramChoice,
				choices: []string{"low", "medium", "high", "auto"}, def: "medium"},
		}
	case api.ProviderRunware + "/" + api.GenImage:
		return []param{
			{name: "width", label: "Width", help: "Image width in pixels (64–2048).", kind: paramInt, def: "1024", lo: 64, hi: 2048},
			{name: "height", label: "Height", help: "Image height in pixels (64–2048).", kind: paramInt, def: "1024", lo: 64, hi: 2048},
		}
	case api.ProviderRunware + "/" + api.GenVideo:
		return []param{
			{name: "aspectRatio", label: "Aspect ratio", help: "Frame shape.", kind: paramChoice,
				choices: []string{"9:16", "16:9", "1:1"}, def: "9:16"},
			{name: "duration", label: "Duration", help: "Seconds (1–60); empty lets the model decide.", kind: paramInt, lo: 1, hi: 60},
			{name: "referenceImage", label: "Reference image", help: "URL of a reference image (optional).", kind: paramURL},
			{name: "CFGScale", label: "CFG scale", help: "Guidance scale (0–50, optional).", kind: paramFloat, lo: 0, hi: 50},
		}
	case api.ProviderGoogleGemini + "/" + api.GenImage:
		return []param{
			{name: "aspect_ratio", label: "Aspect ratio", help: "Frame shape.", kind: paramChoice,
				choices: []string{"1:1", "16:9", "9:16", "4:3", "3:4"}, def: "1:1"},
		}
	case api.ProviderElevenLabs + "/" + api.GenSoundEffect:
		return []param{
			{name: "duration_seconds", label: "Duration", help: "Seconds (0.5–30).", kind: paramFloat, def: "5", lo: 0.5, hi: 30},
		}
	case api.ProviderElevenLabs + "/" + api.GenMusic:
		return []param{
			{name: "music_length_ms", label: "Length", help: "Milliseconds (10000–300000).", kind: paramInt, def: "30000", lo: 10000, hi: 300000},
		}
	}
	return nil
}

// check validates a typed value and returns the value to send (nil: send
// nothing). Errors name the field.
func (p param) check(raw string) (any, error) {
	v := strings.TrimSpace(raw)
	if v == "" {
		if p.optional() {
			return nil, nil
		}
		return nil, fmt.Errorf("%s is required", p.noun())
	}
	switch p.kind {
	case paramChoice:
		for _, c := range p.choices {
			if c == v {
				return v, nil
			}
		}
		return nil, fmt.Errorf("%s must be one of %s", p.noun(), strings.Join(p.choices, ", "))
	case paramInt:
		n, err := strconv.Atoi(v)
		if err != nil || float64(n) < p.lo || float64(n) > p.hi {
			return nil, fmt.Errorf("%s must be a whole number from %s to %s", p.noun(), num(p.lo), num(p.hi))
		}
		return n, nil
	case paramFloat:
		f, err := strconv.ParseFloat(v, 64)
		// ParseFloat takes "NaN", "nan" and "Inf" too; NaN passes any
		// range check and no JSON can carry it, so only finite numbers
		// are numbers here.
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < p.lo || f > p.hi {
			return nil, fmt.Errorf("%s must be a number from %s to %s", p.noun(), num(p.lo), num(p.hi))
		}
		return f, nil
	case paramURL:
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%s must be an http(s) URL", p.noun())
		}
		return v, nil
	}
	return v, nil
}

// noun is the label inside a sentence: "width", but "CFG scale" (an
// acronym keeps its capitals).
func (p param) noun() string {
	r := []rune(p.label)
	if len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsUpper(r[1]) {
		return p.label
	}
	return strings.ToLower(p.label[:1]) + p.label[1:]
}

// num is a bound as typed: 0.5, 50, 300000.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
