// Package fonts holds the TrueType faces every quizcard PDF embeds (the Go
// fonts) and answers which runes they can draw.
package fonts

import (
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

//go:generate go run gen.go

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

// A runeRange is the runes from lo to hi, both included.
type runeRange struct{ lo, hi rune }

// Covers reports whether every face has a glyph for r. Runes above U+FFFF
// are never covered: gofpdf encodes text as UCS-2. The answer comes from a
// table made from the fonts by go generate (gen.go), so no font is parsed
// at run time.
func Covers(r rune) bool {
	// Layout controls the PDF code handles itself.
	if r == '\n' || r == '\t' {
		return true
	}
	if r < 0 || r > 0xFFFF {
		return false
	}
	if r < 0x80 {
		return ascii[r/64]&(1<<(r%64)) != 0
	}
	// Binary search for the first range that ends at or after r.
	lo, hi := 0, len(coverage)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if coverage[m].hi < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(coverage) && coverage[lo].lo <= r
}
