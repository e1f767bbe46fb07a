package fonts

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'A', true}, {'é', true}, {'’', true}, {'“', true}, {'–', true},
		{'—', true}, {'…', true}, {'•', true}, {'\n', true}, {'\t', true},
		{0x1F600, false}, // emoji: above U+FFFF
		{0x4E2D, false},  // CJK: not in the Go fonts
		{0x0007, false},  // a control character
		{-1, false}, {0x110000, false},
	} {
		if got := Covers(tc.r); got != tc.want {
			t.Errorf("Covers(%U) = %v, want %v", tc.r, got, tc.want)
		}
	}
}

// TestCoverage checks the generated table against the fonts themselves:
// for every rune up to U+FFFF, Covers must say what a parse of the three
// faces says (every face maps it to a glyph other than .notdef). A failure
// means the faces changed: run go generate ./generate/fonts.
func TestCoverage(t *testing.T) {
	var parsed []*sfnt.Font
	for _, f := range Faces {
		p, err := sfnt.Parse(f.ttf)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, p)
	}
	var buf sfnt.Buffer
	n := 0
	for r := rune(0); r <= 0xFFFF; r++ {
		want := true
		for _, f := range parsed {
			gi, err := f.GlyphIndex(&buf, r)
			want = want && err == nil && gi != 0
		}
		if want {
			n++
		}
		if r == '\n' || r == '\t' {
			want = true
		}
		if got := Covers(r); got != want {
			t.Errorf("Covers(%U) = %v, the fonts say %v", r, got, want)
		}
	}
	if n != covered {
		t.Errorf("the fonts cover %d runes, the table %d", n, covered)
	}
	for i := 1; i < len(coverage); i++ {
		if coverage[i].lo <= coverage[i-1].hi+1 {
			t.Errorf("ranges %d and %d overlap or touch", i-1, i)
		}
	}
}

func BenchmarkCovers(b *testing.B) {
	b.ReportAllocs()
	text := []rune("Khamenei’s “words” – naïve, 444 days — Tehran…")
	for i := 0; i < b.N; i++ {
		//lint:ignore S1029,SA6003 the runes are decoded once, before the loop: it times Covers alone
		for _, r := range text {
			if !Covers(r) {
				b.Fatal(r)
			}
		}
	}
}
