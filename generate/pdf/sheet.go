package pdf

import (
	"fmt"
	"io"

	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/sheet"
)

// Styles of the answer sheet.
var (
	sTitle  = style{"B", 12, 14}
	sName   = style{"B", 14, 17}
	sBody   = style{"", 9.5, 12}
	sLabel  = style{"B", 8.5, 10}
	sLetter = style{"", 6.5, 7}
)

// Copies writes one copy per entry of d.Copies, in order: the questions of
// the copy's version with the student's name and class printed in the
// header, then its answer sheet, each copy starting on an odd page so that
// the stack prints double-sided. It returns the number of pages.
func Copies(w io.Writer, d *sheet.Doc, p Paper, m Meta) (int, error) {
	doc := newDoc(p, m)
	t := newText(doc)
	x, width := qMargin, p.W-2*qMargin
	st := quizStyleAt(1)
	title := footerTitle(t, d.Title, width-t.width(qFooter, " · copy 9999"))
	f := &flow{t: t, top: qMargin, bottom: p.H - qMargin}
	type laid struct {
		c     sheet.Copy
		pages [][]placed
		sheet *sheet.Layout
		who   string
	}
	var copies []laid
	for _, c := range d.Copies {
		v, l := d.Version(c.Version), d.Layout(c.Version)
		if v == nil || l == nil {
			return 0, fmt.Errorf("copy %d: no version %q", c.Number, c.Version)
		}
		who := c.Name
		if c.ID != "" {
			who += " (" + c.ID + ")"
		}
		s := section{name: "copy " + fmt.Sprint(c.Number)}
		s.blocks = append(s.blocks, headerBlock(t, st, d.Title, c.Version, instructions(d.Quiz, *v), x, width, who, c.Class))
		var prev quiz.Form
		for _, it := range v.Items {
			qu := d.Question(it.Question)
			b := questionBlock(t, st, qu, it, x, width)
			if qu.Form != prev {
				b = withHeading(t, st, sectionNames[qu.Form], b, x, width)
				prev = qu.Form
			}
			s.blocks = append(s.blocks, b)
		}
		pages, err := f.paginate(s)
		if err != nil {
			return 0, err
		}
		copies = append(copies, laid{c, pages, l, clipTo(t, sName, who, p.W-90)})
	}
	note := t.wrap(sBody, "Mark your answers here: only this sheet is read. Fill or tick one box per row "+
		"with a dark pen or pencil; to change an answer, erase it completely. Matching (7·1, 7·2, ...): "+
		"the letter for each numbered item; ordering (8 1st, 8 2nd, ...): the letter in each place.", p.W-2*qMargin-sheet.QRModules*sheet.QRModule-8)
	for _, c := range copies {
		label := "Version " + c.c.Version
		if c.c.Number > 0 {
			label += fmt.Sprintf(" · copy %d", c.c.Number)
		}
		total := len(c.pages) + len(c.sheet.Pages)
		foot := footer(t, p, title, " · "+label)
		// Pages of questions carry a small code too, so that a scan of the
		// whole copy is sorted without guessing.
		qcode, err := sheet.QR(sheet.Code{Quiz: d.ID, Version: c.c.Version, Copy: c.c.Number}.String())
		if err != nil {
			return 0, err
		}
		side := sheet.QuestionQRModule * float64(len(qcode))
		qr := sheet.Rect{X: p.W - sheet.QuestionQRInset - side, Y: p.H - sheet.QuestionQRInset - side, W: side, H: side}
		for n, page := range c.pages {
			doc.AddPage()
			for _, pl := range page {
				pl.b.draw(pl.y)
			}
			doc.SetFillColor(0, 0, 0)
			drawQR(t, qr, qcode)
			foot(n+1, total)
			t.flush()
		}
		for n := range c.sheet.Pages {
			doc.AddPage()
			code := sheet.Code{Quiz: d.ID, Version: c.c.Version, Copy: c.c.Number, Page: n + 1}
			if err := drawSheet(t, &c.sheet.Pages[n], code, c.who, label, note); err != nil {
				return 0, err
			}
			foot(len(c.pages)+n+1, total)
			t.flush()
		}
		if total%2 == 1 {
			doc.AddPage() // the back of the last sheet: the next copy starts on a front
		}
	}
	return finish(doc, w)
}

// drawSheet draws one answer-sheet page.
func drawSheet(t text, pg *sheet.Page, code sheet.Code, who, label string, note []string) error {
	doc := t.d
	modules, err := sheet.QR(code.String())
	if err != nil {
		return err
	}
	doc.SetFillColor(0, 0, 0)
	for _, m := range pg.Marks {
		doc.Rect(m.X, m.Y, m.W, m.H, "F")
	}
	drawQR(t, pg.QR, modules)

	// The header, left of the QR code.
	x, y := pg.Marks[0].X+pg.Marks[0].W+2, pg.QR.Y
	t.lines(sTitle, x, y, pg.QR.X-x-4, []string{"Answer sheet · " + label})
	y += ptmm(sTitle.lead) + 1
	if who != "" {
		t.lines(sName, x, y, pg.QR.X-x-4, []string{who})
	} else {
		nw := t.width(sBody, "Name ")
		t.lines(sBody, x, y+1, nw, []string{"Name"})
		doc.SetLineWidth(0.2)
		doc.Line(x+nw, y+5.5, pg.QR.X-8, y+5.5)
	}
	y += ptmm(sName.lead) + 1.5
	t.setGrey(70)
	t.lines(sBody, x, y, pg.QR.X-x-4, note)
	t.setGrey(0)

	for _, r := range pg.Rows {
		if r.Label != "" {
			s := sLabel
			lh := ptmm(s.lead)
			ly := r.At.Y + (sheet.RowPitch-lh)/2
			if r.Item == 0 {
				ly = r.At.Y
			}
			t.lines(s, r.At.X, ly, 12, []string{r.Label})
		}
		doc.SetLineWidth(0.3)
		if r.Item == 0 && len(r.Boxes) > 0 {
			// The id grid: a box to write each digit in, above its column.
			b := r.Boxes[0]
			doc.Rect(b.X, b.Y-sheet.BoxSize-2, b.W, b.H+0.8, "D")
		}
		for i, b := range r.Boxes {
			doc.Rect(b.X, b.Y, b.W, b.H, "D")
			t.setGrey(175)
			t.centre(sLetter, b.X, b.Y+(b.H-ptmm(sLetter.lead))/2, b.W, r.Letters[i])
			t.setGrey(0)
		}
	}
	return nil
}

// drawQR draws the modules in r, one rectangle per run of dark modules.
func drawQR(t text, r sheet.Rect, modules [][]bool) {
	m := r.W / float64(len(modules))
	for y, row := range modules {
		for x := 0; x < len(row); x++ {
			if !row[x] {
				continue
			}
			run := x
			for run < len(row) && row[run] {
				run++
			}
			t.d.Rect(r.X+float64(x)*m, r.Y+float64(y)*m, float64(run-x)*m, m+0.04, "F") // overlap rows: no hairline gaps
			x = run
		}
	}
}
