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
	coverOnce sync.Once
	covered   []bool // indexed by rune, for runes <= 0xFFFF
)

// Covers reports whether every face has a glyph for r. Runes above U+FFFF
// are never covered: gofpdf encodes text as UCS-2.
func Covers(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	coverOnce.Do(buildCoverage)
	return covered[r]
}

func buildCoverage() {
	covered = make([]bool, 0x10000)
	for r := range covered {
		covered[r] = true
	}
	var buf sfnt.Buffer
	for _, face := range Faces {
		f, err := sfnt.Parse(face.ttf)
		if err != nil {
			panic("fonts: embedded Go font does not parse: " + err.Error())
		}
		for r := range covered {
			if !covered[r] {
				continue
			}
			gi, err := f.GlyphIndex(&buf, rune(r))
			if err != nil || gi == 0 {
				covered[r] = false
			}
		}
	}
	// Layout controls the PDF code handles itself.
	covered['\n'] = true
	covered['\t'] = true
}
