package scan_test

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/pdf"
	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/roster"
	"github.com/quizcard/quizcard/generate/sheet"
)

// The synthetic-scan suite: the real sheets, rendered by poppler, filled in
// as people fill them in, then put through what a scanner or copier does to
// a page. The expected answers are the marks the test drew.

// need returns the path of a poppler tool, or skips the test when it is
// missing outside CI (.ci/run installs poppler-utils).
func need(t testing.TB, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed", tool)
		}
		t.Skipf("%s is not installed", tool)
	}
	return p
}

// classDoc makes a quiz with every question form from the built-in bank,
// n students (none: unnamed copies), and prints the copies.
func classDoc(t testing.TB, n, versions int, seed uint64) (*sheet.Doc, []byte) {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	opt := quiz.Options{Count: 12, Versions: versions, Seed: seed, Forms: []quiz.Form{quiz.MC, quiz.TF, quiz.Match, quiz.Order}}
	q, err := quiz.Build(b, opt, rand.New(rand.NewPCG(seed, 0)))
	if err != nil {
		t.Fatal(err)
	}
	var students []roster.Student
	for i := range n {
		students = append(students, roster.Student{Name: fmt.Sprintf("Student %d", i+1), ID: fmt.Sprintf("s%03d", i+1)})
	}
	d, err := sheet.New(q, students, sheet.Size{W: pdf.A4.W, H: pdf.A4.H})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := pdf.Copies(&buf, d, pdf.A4, pdf.Meta{Title: "synthetic"}); err != nil {
		t.Fatal(err)
	}
	return d, buf.Bytes()
}

// A sheetPage is one answer-sheet page as rendered, and which one it is
// according to its printed header (read with pdftotext, not with the code
// under test).
type sheetPage struct {
	img     *image.Gray
	dpi     float64
	version string
	copy    int
	page    int // within the copy's sheet
	pdfPage int
}

var headerRE = regexp.MustCompile(`Answer sheet · Version ([A-Z]+)(?: · copy ([0-9]+))?`)

// renderSheets renders the answer-sheet pages of a copies PDF at dpi,
// after skipping the first skip of them, limit at most.
func renderSheets(t testing.TB, pdfData []byte, dpi int, skip, limit int) []sheetPage {
	t.Helper()
	pdftotext, pdftoppm := need(t, "pdftotext"), need(t, "pdftoppm")
	dir := t.TempDir()
	in := filepath.Join(dir, "copies.pdf")
	if err := os.WriteFile(in, pdfData, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", in, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var pages []sheetPage
	seen := map[string]int{}
	for i, text := range strings.Split(string(out), "\f") {
		m := headerRE.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		c, _ := strconv.Atoi(m[2])
		key := m[1] + "/" + m[2]
		seen[key]++
		if skip > 0 {
			skip--
			continue
		}
		pages = append(pages, sheetPage{version: m[1], copy: c, page: seen[key], pdfPage: i + 1, dpi: float64(dpi)})
		if len(pages) == limit {
			break
		}
	}
	if len(pages) == 0 {
		return nil
	}
	first, last := strconv.Itoa(pages[0].pdfPage), strconv.Itoa(pages[len(pages)-1].pdfPage)
	base := filepath.Join(dir, "p")
	if err := exec.Command(pdftoppm, "-gray", "-png", "-r", strconv.Itoa(dpi), "-f", first, "-l", last, in, base).Run(); err != nil {
		t.Fatal(err)
	}
	// pdftoppm pads page numbers to the width of the document's last page.
	width := len(strconv.Itoa(strings.Count(string(out), "\f")))
	for i := range pages {
		p := &pages[i]
		f, err := os.Open(fmt.Sprintf("%s-%0*d.png", base, width, p.pdfPage))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		g := image.NewGray(img.Bounds())
		draw.Draw(g, g.Rect, img, img.Bounds().Min, draw.Src)
		p.img = g
	}
	return pages
}

// Mark styles, as people make them.
type style int

const (
	blank   style = iota
	full          // a filled box
	partial       // about half the box filled
	check         // a tick
	cross         // an X
	pencil        // a box filled in grey pencil
	// Ambiguous: a person must look.
	erased // a mark rubbed out (faint grey left), and a clear mark in another box
	double // two boxes filled
	dot    // a small dot, a pen touched the box
	light  // a tick so light it is barely there
)

var styleNames = [...]string{"blank", "full", "partial", "check", "cross", "pencil", "erased", "double", "dot", "light"}

func (s style) String() string  { return styleNames[s] }
func (s style) ambiguous() bool { return s >= erased }

// truth is what a row holds: its style, and the box a clear mark is in
// (for erased, the clear mark's box).
type truth struct {
	style  style
	choice int // -1 for blank and the ambiguous styles without a clear mark
	other  int // erased: the erased box; double: the second box
}

// ink draws on an upright rendered page in millimetres.
type ink struct {
	g   *image.Gray
	s   float64 // pixels per mm
	rng *rand.Rand
}

// paint darkens the pixels for which inside(x mm, y mm) holds to level,
// the way ink covers paper: never lighter than what is there.
func (k ink) paint(x0, y0, x1, y1 float64, level float64, inside func(x, y float64) bool) {
	b := k.g.Bounds()
	for py := max(int(y0*k.s), 0); py <= min(int(y1*k.s), b.Dy()-1); py++ {
		for px := max(int(x0*k.s), 0); px <= min(int(x1*k.s), b.Dx()-1); px++ {
			x, y := (float64(px)+0.5)/k.s, (float64(py)+0.5)/k.s
			if !inside(x, y) {
				continue
			}
			v := level + k.rng.NormFloat64()*6
			i := py*k.g.Stride + px
			k.g.Pix[i] = uint8(min(float64(k.g.Pix[i]), max(0, min(255, v))))
		}
	}
}

// stroke draws a pen line of width w mm through the points.
func (k ink) stroke(w, level float64, pts ...[2]float64) {
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		k.paint(min(a[0], b[0])-w, min(a[1], b[1])-w, max(a[0], b[0])+w, max(a[1], b[1])+w, level, func(x, y float64) bool {
			return segDist(x, y, a, b) <= w/2
		})
	}
}

func segDist(x, y float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := ((x-a[0])*dx + (y-a[1])*dy) / (dx*dx + dy*dy)
	t = min(max(t, 0), 1)
	return math.Hypot(x-a[0]-t*dx, y-a[1]-t*dy)
}

// mark draws one style of mark in box r, with the jitter of a hand.
func (k ink) mark(st style, r sheet.Rect) {
	j := func(v float64) float64 { return v + (k.rng.Float64()-0.5)*0.5 }
	at := func(fx, fy float64) [2]float64 { return [2]float64{j(r.X + fx*r.W), j(r.Y + fy*r.H)} }
	pen := 30 + k.rng.Float64()*40
	switch st {
	case full:
		x0, y0 := j(r.X+0.3), j(r.Y+0.3)
		x1, y1 := j(r.X+r.W-0.3), j(r.Y+r.H-0.3)
		k.paint(x0, y0, x1, y1, pen, func(x, y float64) bool { return x >= x0 && x <= x1 && y >= y0 && y <= y1 })
	case partial:
		cx, cy, rad := j(r.X+r.W*0.45), j(r.Y+r.H*0.55), r.W*(0.30+k.rng.Float64()*0.08)
		k.paint(cx-rad, cy-rad, cx+rad, cy+rad, pen, func(x, y float64) bool { return math.Hypot(x-cx, y-cy) <= rad })
	case check:
		k.stroke(0.45+k.rng.Float64()*0.25, pen, at(0.15, 0.5), at(0.42, 0.85), at(0.95, 0.05))
	case cross:
		w := 0.45 + k.rng.Float64()*0.25
		k.stroke(w, pen, at(0.1, 0.1), at(0.9, 0.9))
		k.stroke(w, pen, at(0.9, 0.1), at(0.1, 0.9))
	case pencil:
		lvl := 105 + k.rng.Float64()*25
		x0, y0, x1, y1 := r.X+0.2, r.Y+0.2, r.X+r.W-0.2, r.Y+r.H-0.2
		k.paint(x0, y0, x1, y1, lvl, func(x, y float64) bool { return true })
	case erased:
		x0, y0, x1, y1 := r.X+0.4, r.Y+0.4, r.X+r.W-0.4, r.Y+r.H-0.4
		k.paint(x0, y0, x1, y1, 200+k.rng.Float64()*15, func(x, y float64) bool { return true })
	case dot:
		cx, cy, rad := j(r.X+r.W/2), j(r.Y+r.H/2), 0.55+k.rng.Float64()*0.15
		k.paint(cx-rad, cy-rad, cx+rad, cy+rad, pen, func(x, y float64) bool { return math.Hypot(x-cx, y-cy) <= rad })
	case light:
		k.stroke(0.5, 175+k.rng.Float64()*15, at(0.15, 0.5), at(0.42, 0.85), at(0.95, 0.05))
	}
}

// fill marks every row of a sheet page with random styles and returns the
// truth per row, in layout order. The student-id grid, if any, gets the
// digits of id, each ticked clearly in one of the clear styles.
func fill(p sheetPage, pg *sheet.Page, rng *rand.Rand, id string) []truth {
	k := ink{g: p.img, s: p.dpi / 25.4, rng: rng}
	out := make([]truth, len(pg.Rows))
	for i, row := range pg.Rows {
		n := len(row.Boxes)
		if row.Item == 0 {
			d := int(id[row.Sub] - '0')
			st := style(1 + rng.IntN(5))
			k.mark(st, row.Boxes[d])
			out[i] = truth{style: st, choice: d, other: -1}
			continue
		}
		var st style
		switch x := rng.Float64(); {
		case x < 0.12:
			st = blank
		case x < 0.78:
			st = style(1 + rng.IntN(5)) // full ... pencil
		default:
			st = style(int(erased) + rng.IntN(4))
		}
		tr := truth{style: st, choice: -1, other: -1}
		a := rng.IntN(n)
		b := (a + 1 + rng.IntN(n-1)) % n
		switch st {
		case blank:
		case erased:
			k.mark(erased, row.Boxes[b])
			k.mark(full, row.Boxes[a])
			tr.choice, tr.other = a, b
		case double:
			k.mark(full, row.Boxes[a])
			k.mark(style(1+rng.IntN(4)), row.Boxes[b])
			tr.other = b
		case dot, light:
			k.mark(st, row.Boxes[a])
			tr.other = a
		default:
			k.mark(st, row.Boxes[a])
			tr.choice = a
		}
		out[i] = tr
	}
	return out
}

// A scanner is what happens to a page between the desk and the file.
type scanner struct {
	rotate      float64 // degrees, about the page centre
	flip        bool    // fed upside down: 180° more
	scale       float64
	dx, dy      float64 // mm
	perspective float64 // per mm, of a page not quite flat
	blur        float64 // Gaussian sigma, pixels
	noise       float64 // grey levels
	quality     int     // JPEG quality
}

// randomScanner returns a scanner with random faults; harsh ones blur
// more, add more noise and compress harder, as a cheap copier does.
func randomScanner(rng *rand.Rand, harsh bool) scanner {
	r := func(a, b float64) float64 { return a + rng.Float64()*(b-a) }
	sc := scanner{
		rotate:      r(-10, 10),
		flip:        rng.IntN(3) == 0,
		scale:       r(0.96, 1.04),
		dx:          r(-6, 6),
		dy:          r(-6, 6),
		perspective: r(-1, 1) * 1e-4,
		blur:        r(0, 1.3),
		noise:       r(0, 8),
		quality:     45 + rng.IntN(50),
	}
	if harsh {
		sc.blur, sc.noise, sc.quality = r(1.3, 2.0), r(8, 14), 25+rng.IntN(20)
	}
	return sc
}

func (sc scanner) String() string {
	return fmt.Sprintf("rotate %.1f° flip %v scale %.3f shift %.1f,%.1f mm perspective %.1e blur %.2f noise %.1f jpeg %d",
		sc.rotate, sc.flip, sc.scale, sc.dx, sc.dy, sc.perspective, sc.blur, sc.noise, sc.quality)
}

// apply returns the scanned page as JPEG bytes: the page warped onto a
// canvas that holds all of it (as a scanner that crops to the page does),
// blurred, with noise.
func (sc scanner) apply(src *image.Gray, dpi float64, rng *rand.Rand) []byte {
	w, h := float64(src.Rect.Dx()), float64(src.Rect.Dy())
	th := sc.rotate * math.Pi / 180
	if sc.flip {
		th += math.Pi
	}
	cos, sin := math.Cos(th)*sc.scale, math.Sin(th)*sc.scale
	px := dpi / 25.4
	// forward: source pixel -> canvas pixel, before the canvas offset.
	fwd := func(x, y float64) (float64, float64) {
		x, y = x-w/2, y-h/2
		u, v := cos*x-sin*y, sin*x+cos*y
		d := 1 + sc.perspective/px*(x+y)
		return u/d + sc.dx*px, v/d + sc.dy*px
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range [][2]float64{{0, 0}, {w, 0}, {0, h}, {w, h}} {
		u, v := fwd(c[0], c[1])
		minX, minY, maxX, maxY = min(minX, u), min(minY, v), max(maxX, u), max(maxY, v)
	}
	margin := 3 * px
	minX, minY = minX-margin, minY-margin
	cw, ch := int(maxX-minX+margin), int(maxY-minY+margin)
	dst := image.NewGray(image.Rect(0, 0, cw, ch))
	// Invert numerically: the perspective is mild, so a fixed-point
	// iteration from the affine inverse converges in a few steps.
	det := cos*cos + sin*sin
	for y := range ch {
		for x := range cw {
			u, v := float64(x)+minX-sc.dx*px, float64(y)+minY-sc.dy*px
			sx, sy := (cos*u+sin*v)/det, (-sin*u+cos*v)/det
			for range 3 {
				d := 1 + sc.perspective/px*(sx+sy)
				sx, sy = (cos*u*d+sin*v*d)/det, (-sin*u*d+cos*v*d)/det
			}
			dst.Pix[y*dst.Stride+x] = bilinear(src, sx+w/2, sy+h/2)
		}
	}
	if sc.blur > 0.2 {
		gaussian(dst, sc.blur)
	}
	for i, v := range dst.Pix {
		dst.Pix[i] = uint8(max(0, min(255, float64(v)+rng.NormFloat64()*sc.noise)))
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: sc.quality}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// bilinear samples src at x, y; outside the page is the scanner's lid,
// a light grey.
func bilinear(src *image.Gray, x, y float64) uint8 {
	x, y = x-0.5, y-0.5
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	fx, fy := x-float64(x0), y-float64(y0)
	get := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= src.Rect.Dx() || y >= src.Rect.Dy() {
			return 235
		}
		return float64(src.Pix[y*src.Stride+x])
	}
	v := get(x0, y0)*(1-fx)*(1-fy) + get(x0+1, y0)*fx*(1-fy) + get(x0, y0+1)*(1-fx)*fy + get(x0+1, y0+1)*fx*fy
	return uint8(v + 0.5)
}

// gaussian blurs g in place with a separable kernel.
func gaussian(g *image.Gray, sigma float64) {
	r := int(math.Ceil(2.5 * sigma))
	k := make([]float64, 2*r+1)
	var sum float64
	for i := range k {
		x := float64(i - r)
		k[i] = math.Exp(-x * x / (2 * sigma * sigma))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	w, h := g.Rect.Dx(), g.Rect.Dy()
	tmp := make([]float64, w*h)
	for y := range h {
		for x := range w {
			var s float64
			for i, kv := range k {
				xx := min(max(x+i-r, 0), w-1)
				s += kv * float64(g.Pix[y*g.Stride+xx])
			}
			tmp[y*w+x] = s
		}
	}
	for y := range h {
		for x := range w {
			var s float64
			for i, kv := range k {
				yy := min(max(y+i-r, 0), h-1)
				s += kv * tmp[yy*w+x]
			}
			g.Pix[y*g.Stride+x] = uint8(s + 0.5)
		}
	}
}

// bundle puts JPEG pages into one PDF, as a copier's scan-to-PDF does.
func bundle(t testing.TB, pages [][]byte) string {
	t.Helper()
	var rs []io.Reader
	for _, p := range pages {
		rs = append(rs, bytes.NewReader(p))
	}
	out := filepath.Join(t.TempDir(), "scan.pdf")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	imp := api.DefaultImportConfig()
	if err := api.ImportImages(nil, f, rs, imp, nil); err != nil {
		t.Fatal(err)
	}
	return out
}
