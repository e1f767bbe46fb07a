package pdf

import (
	"fmt"
	"io"

	"github.com/jung-kurt/gofpdf"
)

// A block is a piece of a page that must not be split: it knows its height
// before it is drawn.
type block struct {
	h    float64
	draw func(y float64)
}

// A section is a run of pages: a quiz version, an answer key. Each starts on
// a new page and numbers its own pages.
type section struct {
	name   string
	blocks []block
	footer func(page, pages int)
}

// A flow places sections' blocks on pages: a block that does not fit in
// what is left of a page starts the next one.
type flow struct {
	t           text
	top, bottom float64 // content box, mm from the top of the page
}

type placed struct {
	b block
	y float64
}

// paginate assigns blocks to pages; a block taller than a page is an error.
func (f *flow) paginate(s section) ([][]placed, error) {
	var pages [][]placed
	var cur []placed
	y := f.top
	for i, b := range s.blocks {
		if b.h > f.bottom-f.top {
			return nil, fmt.Errorf("%s: item %d is taller than a page (%.0f mm)", s.name, i+1, b.h)
		}
		if y+b.h > f.bottom && len(cur) > 0 {
			pages = append(pages, cur)
			cur, y = nil, f.top
		}
		cur = append(cur, placed{b, y})
		y += b.h
	}
	if len(cur) > 0 {
		pages = append(pages, cur)
	}
	return pages, nil
}

// pages returns how many pages the sections take.
func (f *flow) pages(sections []section) (int, error) {
	n := 0
	for _, s := range sections {
		pages, err := f.paginate(s)
		if err != nil {
			return 0, err
		}
		n += len(pages)
	}
	return n, nil
}

// mightSave reports whether some section could take a page fewer with its
// blocks k times as tall: whether setting them smaller is worth measuring.
func (f *flow) mightSave(sections []section, k float64) bool {
	for _, s := range sections {
		pages, err := f.paginate(s)
		if err != nil || len(pages) < 2 {
			continue
		}
		h := 0.0
		for _, b := range s.blocks {
			h += b.h
		}
		if h*k <= float64(len(pages)-1)*(f.bottom-f.top) {
			return true
		}
	}
	return false
}

// draw lays out every section before drawing any, so that nothing is drawn
// when something does not fit.
func (f *flow) draw(sections []section) error {
	laid := make([][][]placed, len(sections))
	for i, s := range sections {
		pages, err := f.paginate(s)
		if err != nil {
			return err
		}
		laid[i] = pages
	}
	for i, s := range sections {
		for n, page := range laid[i] {
			f.t.d.AddPage()
			for _, p := range page {
				p.b.draw(p.y)
			}
			if s.footer != nil {
				s.footer(n+1, len(laid[i]))
			}
			f.t.flush()
		}
	}
	return nil
}

// finish writes the document, reporting any error gofpdf recorded.
func finish(d *gofpdf.Fpdf, w io.Writer) (int, error) {
	if err := d.Error(); err != nil {
		return 0, fmt.Errorf("pdf: %w", err)
	}
	n := d.PageCount()
	if err := d.Output(w); err != nil {
		return 0, fmt.Errorf("pdf: %w", err)
	}
	return n, nil
}
