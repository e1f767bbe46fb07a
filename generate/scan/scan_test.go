package scan_test

import (
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"bytes"

	"github.com/quizcard/quizcard/generate/scan"
	"github.com/quizcard/quizcard/generate/sheet"
)

// tally counts how the rows of a run were read against the truth.
type tally struct {
	clear, clearRight, clearFlagged, clearWrong       int // clear marks
	blank, blankRight, blankFlagged, blankWrong       int
	ambiguous, ambiguousFlagged, ambiguousSilent      int
	pages, pagesRead, pagesRefused, byStyle, proposal int
	styles                                            map[style][3]int // read right, flagged, wrong
}

func (t *tally) String() string {
	pct := func(a, b int) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.2f%%", 100*float64(a)/float64(b))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "pages: %d, read %d, refused %d\n", t.pages, t.pagesRead, t.pagesRefused)
	fmt.Fprintf(&b, "clear marks: %d, read right %s, flagged %s, wrong %d\n", t.clear, pct(t.clearRight, t.clear), pct(t.clearFlagged, t.clear), t.clearWrong)
	fmt.Fprintf(&b, "blank rows: %d, read blank %s, flagged %s, wrong %d\n", t.blank, pct(t.blankRight, t.blank), pct(t.blankFlagged, t.blank), t.blankWrong)
	fmt.Fprintf(&b, "ambiguous rows: %d, flagged %s, silent %d\n", t.ambiguous, pct(t.ambiguousFlagged, t.ambiguous), t.ambiguousSilent)
	for s := blank; s <= light; s++ {
		c := t.styles[s]
		fmt.Fprintf(&b, "  %-8s right %4d flagged %4d wrong %d\n", s, c[0], c[1], c[2])
	}
	return b.String()
}

type pageKey struct {
	version   string
	copy, num int
}

type filled struct {
	rows []truth
	sc   scanner
}

// runSuite fills and scans the sheet pages of a class at each dpi, bundles
// them with a question page and a blank back in shuffled order into one
// PDF, reads it back, and tallies the readings against the truth.
func runSuite(t *testing.T, dpis []int, students, versions, pagesPerDPI int, seed uint64) *tally {
	d, pdfData := classDoc(t, students, versions, seed)
	rng := rand.New(rand.NewPCG(seed, 99))
	truths := map[pageKey]filled{}
	var jpegs [][]byte
	for i, dpi := range dpis {
		for _, p := range renderSheets(t, pdfData, dpi, i*pagesPerDPI, pagesPerDPI) {
			l := d.Layout(p.version)
			pg := &l.Pages[p.page-1]
			rows := fill(p, pg, rng)
			sc := randomScanner(rng)
			truths[pageKey{p.version, p.copy, p.page}] = filled{rows, sc}
			jpegs = append(jpegs, sc.apply(p.img, p.dpi, rng))
		}
	}
	// A blank back of a page, as a duplex scan brings in.
	white := image.NewGray(image.Rect(0, 0, 1240, 1754))
	for i := range white.Pix {
		white.Pix[i] = 245
	}
	var wb bytes.Buffer
	jpeg.Encode(&wb, white, nil)
	jpegs = append(jpegs, wb.Bytes())
	rng.Shuffle(len(jpegs), func(i, j int) { jpegs[i], jpegs[j] = jpegs[j], jpegs[i] })
	path := bundle(t, jpegs)

	tl := &tally{styles: map[style][3]int{}}
	seen := map[pageKey]bool{}
	err := scan.Files([]string{path}, func(s scan.Scan, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %v", s.Source, err)
		}
		r, err := scan.Page(s.Image, d)
		if errors.Is(err, scan.ErrBlank) {
			return nil
		}
		tl.pages++
		if err != nil {
			tl.pagesRefused++
			t.Logf("%s: refused: %v", s.Source, err)
			return nil
		}
		k := pageKey{r.Code.Version, r.Code.Copy, r.Code.Page}
		f, ok := truths[k]
		if !ok || seen[k] {
			t.Errorf("%s: read as %+v, which was not scanned (or twice)", s.Source, r.Code)
			return nil
		}
		seen[k] = true
		tl.pagesRead++
		for i, row := range r.Rows {
			tl.add(t, s.Source+" "+f.sc.String(), i, row, f.rows[i])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen)+tl.pagesRefused != len(truths) {
		t.Errorf("read %d pages and refused %d of %d sheet pages", len(seen), tl.pagesRefused, len(truths))
	}
	return tl
}

func (tl *tally) add(t *testing.T, where string, i int, row scan.Row, tr truth) {
	c := tl.styles[tr.style]
	flagged := row.Review != ""
	switch {
	case tr.style.ambiguous():
		tl.ambiguous++
		if flagged {
			tl.ambiguousFlagged++
			c[1]++
		} else {
			tl.ambiguousSilent++
			c[2]++
			t.Errorf("%s: row %d (%s in box %d, other %d): read %d without a flag; boxes %+v", where, i, tr.style, tr.choice, tr.other, row.Choice, row.Boxes)
		}
	case tr.style == blank:
		tl.blank++
		switch {
		case !flagged && row.Choice == -1:
			tl.blankRight++
			c[0]++
		case flagged:
			tl.blankFlagged++
			c[1]++
		default:
			tl.blankWrong++
			c[2]++
			t.Errorf("%s: row %d: blank read as %d; boxes %+v", where, i, row.Choice, row.Boxes)
		}
	default:
		tl.clear++
		switch {
		case !flagged && row.Choice == tr.choice:
			tl.clearRight++
			c[0]++
		case flagged:
			tl.clearFlagged++
			c[1]++
			t.Logf("%s: row %d: %s in box %d flagged: %s; boxes %+v", where, i, tr.style, tr.choice, row.Review, row.Boxes)
		default:
			tl.clearWrong++
			c[2]++
			t.Errorf("%s: row %d: %s in box %d read as %d; boxes %+v", where, i, tr.style, tr.choice, row.Choice, row.Boxes)
		}
	}
	tl.styles[tr.style] = c
}

// TestSyntheticScans is the suite's representative subset: a few pages at
// each of 150, 200 and 300 dpi. QUIZCARD_SCAN_SWEEP=1 runs the full sweep
// (TestSyntheticSweep).
func TestSyntheticScans(t *testing.T) {
	tl := runSuite(t, []int{150, 200, 300}, 9, 2, 3, 11)
	t.Logf("\n%s", tl)
	if tl.pagesRefused > 0 || tl.clearWrong+tl.blankWrong+tl.ambiguousSilent > 0 {
		t.Errorf("pages refused or rows read wrong silently:\n%s", tl)
	}
	if tl.clearRight*100 < tl.clear*97 {
		t.Errorf("fewer than 97%% of clear marks read without a flag:\n%s", tl)
	}
}

// TestSyntheticSweep is the full sweep: a class of 30 on two versions,
// every sheet at 150, 200 and 300 dpi.
func TestSyntheticSweep(t *testing.T) {
	if os.Getenv("QUIZCARD_SCAN_SWEEP") == "" {
		t.Skip("set QUIZCARD_SCAN_SWEEP=1 for the full sweep")
	}
	total := &tally{styles: map[style][3]int{}}
	for i, seed := range []uint64{1, 2, 3} {
		_ = i
		tl := runSuite(t, []int{150, 200, 300}, 30, 2, 10, seed)
		total.merge(tl)
	}
	t.Logf("\n%s", total)
}

func (tl *tally) merge(o *tally) {
	tl.clear += o.clear
	tl.clearRight += o.clearRight
	tl.clearFlagged += o.clearFlagged
	tl.clearWrong += o.clearWrong
	tl.blank += o.blank
	tl.blankRight += o.blankRight
	tl.blankFlagged += o.blankFlagged
	tl.blankWrong += o.blankWrong
	tl.ambiguous += o.ambiguous
	tl.ambiguousFlagged += o.ambiguousFlagged
	tl.ambiguousSilent += o.ambiguousSilent
	tl.pages += o.pages
	tl.pagesRead += o.pagesRead
	tl.pagesRefused += o.pagesRefused
	for s, c := range o.styles {
		m := tl.styles[s]
		for i := range c {
			m[i] += c[i]
		}
		tl.styles[s] = m
	}
}

var _ = sheet.Code{}
