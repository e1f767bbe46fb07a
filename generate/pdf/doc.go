// Package pdf draws quizcard's printable documents: quiz papers, answer keys
// and briefing cards. It is the only package that imports gofpdf. Every
// document embeds the Go fonts, is laid out by measuring text with the same
// metrics that draw it, and is byte-for-byte reproducible for the same input
// and date.
package pdf

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/quizcard/quizcard/generate/fonts"
)

// A Paper is a page size in millimetres, portrait.
type Paper struct {
	Name string
	W, H float64
}

// Paper sizes. A6 is the ISO 105×148 mm, not gofpdf's 105×148.5.
var (
	A4     = Paper{"A4", 210, 297}
	Letter = Paper{"Letter", 215.9, 279.4}
	A5     = Paper{"A5", 148, 210}
	A6     = Paper{"A6", 105, 148}
	Card46 = Paper{"4×6 in", 101.6, 152.4}
	Card35 = Paper{"3×5 in", 127, 76.2} // landscape, as index cards are used
)

// ParsePaper reads a paper name as the command line takes it: a4, letter,
// a5, a6, 4x6 or 3x5.
func ParsePaper(s string) (Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "a4":
		return A4, nil
	case "letter", "us-letter", "usletter":
		return Letter, nil
	case "a5":
		return A5, nil
	case "a6":
		return A6, nil
	case "4x6":
		return Card46, nil
	case "3x5":
		return Card35, nil
	}
	return Paper{}, fmt.Errorf("unknown paper %q (want a4, letter, a5, a6, 4x6 or 3x5)", s)
}

// Meta is a document's metadata. Date is written as its creation and
// modification date; pass a fixed time for reproducible files.
type Meta struct {
	Title, Subject, Keywords string
	Creator                  string // "quizcard 0.1.0"
	Date                     time.Time
}

const family = "go"

// newDoc returns a document of the given paper with the Go fonts loaded,
// metadata set and every source of nondeterminism pinned.
func newDoc(p Paper, m Meta) *gofpdf.Fpdf {
	orient := "P"
	if p.W > p.H {
		orient = "L"
	}
	d := gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: orient,
		UnitStr:        "mm",
		Size:           gofpdf.SizeType{Wd: min(p.W, p.H), Ht: max(p.W, p.H)},
	})
	for _, f := range fonts.Faces {
		// gofpdf v1.16.2 writes into the bytes it is given: pass a copy.
		d.AddUTF8FontFromBytes(family, f.Style, f.TTF())
	}
	d.SetCatalogSort(true)
	d.SetCompression(false)
	d.SetCreationDate(m.Date.UTC())
	d.SetModificationDate(m.Date.UTC())
	d.SetTitle(m.Title, true)
	d.SetSubject(m.Subject, true)
	d.SetKeywords(m.Keywords, true)
	d.SetAuthor("quizcard", true)
	d.SetCreator(m.Creator, true)
	d.SetProducer(m.Creator+" (gofpdf)", true)
	d.SetAutoPageBreak(false, 0)
	d.SetCellMargin(0)
	d.SetFont(family, "", 10)
	return d
}

// ptmm converts points to millimetres.
func ptmm(pt float64) float64 { return pt * 25.4 / 72 }

// style is a font style and size, and the line height it is set with.
type style struct {
	face string  // "", "B" or "I"
	size float64 // points
	lead float64 // line height in points
}

// text is a small drawing helper over a document: it measures and draws
// with the same metrics. Measure everything before the first page is added:
// gofpdf writes every font change into the open page. Drawn text is queued
// and written per page grouped by style (flush), because each font change
// costs some 60 bytes of page content.
type text struct {
	d *gofpdf.Fpdf
	*textState
}

type textState struct {
	wraps map[wrapKey][]string // versions repeat the same texts: wrap once
	overs map[wrapKey]bool     // wrapWords results with a word wider than the line
	cur   style                // the font last selected, to skip redundant selections
	col   rgb                  // text colour for queued runs
	runs  []run
}

// A run is one line of text waiting to be drawn.
type run struct {
	s     style
	col   rgb
	x, y  float64 // top-left of the line box
	w     float64 // box width, for centred text
	align byte    // 'L', 'C' or 'R'
	str   string
}

type wrapKey struct {
	s   style
	w   float64
	str string
}

func newText(d *gofpdf.Fpdf) text {
	return text{d, &textState{cur: style{size: -1}, wraps: map[wrapKey][]string{}, overs: map[wrapKey]bool{}}}
}

func (t text) use(s style) {
	if t.cur.face == s.face && t.cur.size == s.size {
		return
	}
	t.cur = s
	t.d.SetFont(family, s.face, s.size)
}

// wrap splits s into lines no wider than w millimetres in style s.
func (t text) wrap(s style, str string, w float64) []string {
	k := wrapKey{s, w, str}
	if lines, ok := t.wraps[k]; ok {
		return lines
	}
	t.use(s)
	var out []string
	for _, para := range strings.Split(str, "\n") {
		lines := t.d.SplitText(para, w)
		if len(lines) == 0 {
			lines = []string{""}
		}
		out = append(out, lines...)
	}
	t.wraps[k] = out
	return out
}

// height returns the height in millimetres of n lines in style s.
func (s style) height(n int) float64 { return float64(n) * ptmm(s.lead) }

// lines queues lines from (x, y) and returns the y below them.
func (t text) lines(s style, x, y, w float64, lines []string) float64 {
	lh := ptmm(s.lead)
	for _, l := range lines {
		if l != "" {
			t.runs = append(t.runs, run{s: s, col: t.col, x: x, y: y, w: w, align: 'L', str: l})
		}
		y += lh
	}
	return y
}

// centre queues one line centred in a box of width w.
func (t text) centre(s style, x, y, w float64, str string) { t.aligned(s, x, y, w, 'C', str) }

// aligned queues one line aligned 'L', 'C' or 'R' in a box of width w.
func (t text) aligned(s style, x, y, w float64, align byte, str string) {
	t.runs = append(t.runs, run{s: s, col: t.col, x: x, y: y, w: w, align: align, str: str})
}

// width returns the width of str in style s. Measure only: see text.
func (t text) width(s style, str string) float64 {
	t.use(s)
	return t.d.GetStringWidth(str)
}

// An rgb is a colour, 0–255 per channel.
type rgb struct{ r, g, b int }

// setGrey sets the grey level (0 black, 255 white) of queued text and of
// lines drawn from now on.
func (t text) setGrey(level int) { t.setColor(rgb{level, level, level}) }

// setColor sets the colour of queued text and of lines drawn from now on.
func (t text) setColor(c rgb) {
	t.col = c
	t.d.SetDrawColor(c.r, c.g, c.b)
}

// flush draws the queued text, one font and colour at a time.
func (t text) flush() {
	sort.SliceStable(t.runs, func(i, j int) bool {
		a, b := t.runs[i], t.runs[j]
		if a.s.face != b.s.face {
			return a.s.face < b.s.face
		}
		if a.s.size != b.s.size {
			return a.s.size < b.s.size
		}
		return a.col.r*65536+a.col.g*256+a.col.b < b.col.r*65536+b.col.g*256+b.col.b
	})
	col := rgb{-1, -1, -1}
	for _, r := range t.runs {
		t.use(r.s)
		if r.col != col {
			col = r.col
			t.d.SetTextColor(col.r, col.g, col.b)
		}
		lh := ptmm(r.s.lead)
		x := r.x
		switch r.align {
		case 'C':
			x += (r.w - t.d.GetStringWidth(r.str)) / 2
		case 'R':
			x += r.w - t.d.GetStringWidth(r.str)
		}
		// The baseline CellFormat would use for a cell of height lh.
		t.d.Text(x, r.y+lh/2+0.3*ptmm(r.s.size), r.str)
	}
	t.runs = t.runs[:0]
	t.d.SetTextColor(0, 0, 0)
}
