package scan_test

import (
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"bytes"

	"github.com/quizcard/quizcard/generate/scan"
)

// tally counts how the rows of a run were read against the truth.
type tally struct {
	clear, clearRight, clearFlagged, clearWrong  int // clear marks
	blank, blankRight, blankFlagged, blankWrong  int
	ambiguous, ambiguousFlagged, ambiguousSilent int
	pages, pagesRead, pagesRefused, proposal     int
	styles                                       map[style][3]int // read right, flagged, wrong
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
	fmt.Fprintf(&b, "ambiguous rows: %d, flagged %s, silent %d, wrong proposal %d\n", t.ambiguous, pct(t.ambiguousFlagged, t.ambiguous), t.ambiguousSilent, t.proposal)
	for s := blank; s <= light; s++ {
		c := t.styles[s]
		fmt.Fprintf(&b, "  %-8s right %4d flagged %4d wrong %d\n", s, c[0], c[1], c[2])
	}
	return b.String()
}

// pageKey names a scanned page: version, copy and sheet page, or for an
// unnamed sheet the student id ticked on it.
type pageKey struct {
	version   string
	copy, num int
	id        string
}

type filled struct {
	rows []truth
	sc   scanner
}

// suite says what to scan.
type suite struct {
	dpis        []int
	students    int // 0: unnamed masters, photocopied
	versions    int
	pagesPerDPI int
	harsh       bool // a cheap copier's blur, noise and compression
	seed        uint64
}

// runSuite fills and scans the sheet pages of a class at each dpi, bundles
// them with a blank back in shuffled order into one PDF, reads it back, and
// tallies the readings against the truth.
func runSuite(t *testing.T, su suite) *tally {
	d, pdfData := classDoc(t, su.students, su.versions, su.seed)
	rng := rand.New(rand.NewPCG(su.seed, 99))
	truths := map[pageKey]filled{}
	var jpegs [][]byte
	for i, dpi := range su.dpis {
		var pages []sheetPage
		if su.students > 0 {
			pages = renderSheets(t, pdfData, dpi, i*su.pagesPerDPI, su.pagesPerDPI)
		} else {
			// Photocopies of the masters: each filled in by another student.
			masters := renderSheets(t, pdfData, dpi, 0, len(d.Versions))
			for k := range su.pagesPerDPI {
				p := masters[k%len(masters)]
				img := *p.img
				img.Pix = bytes.Clone(p.img.Pix)
				p.img = &img
				pages = append(pages, p)
			}
		}
		for _, p := range pages {
			l := d.Layout(p.version)
			pg := &l.Pages[p.page-1]
			id := ""
			if p.copy == 0 {
				id = fmt.Sprintf("%08d", rng.IntN(1e8))
			}
			rows := fill(p, pg, rng, id)
			sc := randomScanner(rng, su.harsh)
			truths[pageKey{p.version, p.copy, p.page, id}] = filled{rows, sc}
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
		k := pageKey{r.Code.Version, r.Code.Copy, r.Code.Page, ""}
		if r.Code.Copy == 0 {
			for _, row := range r.Rows {
				if row.Item == 0 && row.Choice >= 0 && row.Review == "" {
					k.id += strconv.Itoa(row.Choice)
				}
			}
		}
		f, ok := truths[k]
		if !ok || seen[k] {
			t.Errorf("%s: read as %+v, which was not scanned (or twice)", s.Source, k)
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
			if tr.style == erased && row.Choice != tr.choice && row.Choice != -1 {
				tl.proposal++
				t.Errorf("%s: row %d: erased %d, ticked %d: proposed %d", where, i, tr.other, tr.choice, row.Choice)
			}
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

// TestSyntheticScans is the suite's representative subset: three named
// sheets at each of 150, 200 and 300 dpi, and photocopied unnamed masters
// through a harsh copier at 200 dpi. QUIZCARD_SCAN_SWEEP=1 runs the full
// sweep (TestSyntheticSweep).
func TestSyntheticScans(t *testing.T) {
	tl := runSuite(t, suite{dpis: []int{150, 200, 300}, students: 9, versions: 2, pagesPerDPI: 3, seed: 11})
	tl.merge(runSuite(t, suite{dpis: []int{200}, versions: 2, pagesPerDPI: 3, harsh: true, seed: 12}))
	t.Logf("\n%s", tl)
	if tl.pagesRefused > 0 || tl.clearWrong+tl.blankWrong+tl.ambiguousSilent+tl.proposal > 0 {
		t.Errorf("pages refused or rows read wrong silently:\n%s", tl)
	}
	if tl.clearRight*100 < tl.clear*97 {
		t.Errorf("fewer than 97%% of clear marks read without a flag:\n%s", tl)
	}
}

// TestSyntheticSweep is the full sweep: classes of 30 on two versions at
// 150, 200 and 300 dpi, ordinary and harsh copiers, and photocopied
// unnamed masters. It prints the rates the README quotes.
func TestSyntheticSweep(t *testing.T) {
	if os.Getenv("QUIZCARD_SCAN_SWEEP") == "" {
		t.Skip("set QUIZCARD_SCAN_SWEEP=1 for the full sweep")
	}
	// QUIZCARD_SCAN_SEED=N shifts every seed, for a fresh sample.
	shift, _ := strconv.ParseUint(os.Getenv("QUIZCARD_SCAN_SEED"), 10, 64)
	total := &tally{styles: map[style][3]int{}}
	for _, su := range []suite{
		{dpis: []int{150, 200, 300}, students: 30, versions: 2, pagesPerDPI: 10, seed: 1},
		{dpis: []int{150, 200, 300}, students: 30, versions: 2, pagesPerDPI: 10, seed: 2},
		{dpis: []int{150, 200, 300}, students: 30, versions: 3, pagesPerDPI: 10, harsh: true, seed: 3},
		{dpis: []int{150, 200, 300}, versions: 2, pagesPerDPI: 8, seed: 4},
		{dpis: []int{150, 300}, versions: 2, pagesPerDPI: 8, harsh: true, seed: 5},
	} {
		su.seed += shift * 100
		tl := runSuite(t, su)
		t.Logf("%+v:\n%s", su, tl)
		total.merge(tl)
	}
	t.Logf("all:\n%s", total)
	if total.pagesRefused > 0 || total.clearWrong+total.blankWrong+total.ambiguousSilent+total.proposal > 0 {
		t.Errorf("pages refused or rows read wrong silently")
	}
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
	tl.proposal += o.proposal
	for s, c := range o.styles {
		m := tl.styles[s]
		for i := range c {
			m[i] += c[i]
		}
		tl.styles[s] = m
	}
}
