// Package fonts holds the TrueType faces every quizcard PDF embeds (the Go
// fonts) and answers which runes they can draw.
package fonts

import (
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Face is one embedded font face.
type Face struct {
	Style string // gofpdf style: "", "B" or "I"
	ttf   []byte
}

// TTF returns a private copy of the face's TrueType bytes. gofpdf v1.16.2
// writes into the slice it is given, so every document needs its own copy.
func (f Face) TTF() []byte { return append([]byte(nil), f.ttf...) }

// Faces lists the faces in the order documents register them.
var Faces = []Face{
	{Style: "", ttf: goregular.TTF},
	{Style: "B", ttf: gobold.TTF},
	{Style: "I", ttf: goitalic.TTF},
}

var (
	parseOnce sync.Once
	parsed    []*sfnt.Font
	ascii     [128]bool // coverage of ASCII, worked out once

	mu      sync.Mutex
	checked = map[rune]bool{} // coverage of other runes, as they are asked about
	buf     sfnt.Buffer
)

// Covers reports whether every face has a glyph for r. Runes above U+FFFF
// are never covered: gofpdf encodes text as UCS-2.
func Covers(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	parseOnce.Do(parse)
	if r < 128 {
		return ascii[r]
	}
	mu.Lock()
	defer mu.Unlock()
	ok, seen := checked[r]
	if !seen {
		ok = lookup(r)
		checked[r] = ok
	}
	return ok
}

func parse() {
	for _, face := range Faces {
		f, err := sfnt.Parse(face.ttf)
		if err != nil {
			panic("fonts: embedded Go font does not parse: " + err.Error())
		}
		parsed = append(parsed, f)
	}
	var b sfnt.Buffer
	for r := range ascii {
		ascii[r] = lookupWith(&b, rune(r))
	}
}

// lookup is lookupWith under mu, sharing one buffer.
func lookup(r rune) bool { return lookupWith(&buf, r) }

func lookupWith(b *sfnt.Buffer, r rune) bool {
	// Layout controls the PDF code handles itself.
	if r == '\n' || r == '\t' {
		return true
	}
	for _, f := range parsed {
		gi, err := f.GlyphIndex(b, r)
		if err != nil || gi == 0 {
			return false
		}
	}
	return true
}
