package scan_test

import (
	"errors"
	"image"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/scan"
	"github.com/quizcard/quizcard/generate/sheet"
)

// TestRefusesWhatItCannotReadSafely: a damaged or foreign page is refused
// with a reason, never read as answers.
func TestRefusesWhatItCannotReadSafely(t *testing.T) {
	d, pdfData := classDoc(t, 2, 1, 21)
	other, _ := classDoc(t, 2, 1, 22)
	pages := renderSheets(t, pdfData, 150, 0, 1)
	p := pages[0]
	pg := &d.Layout(p.version).Pages[0]
	rng := rand.New(rand.NewPCG(1, 2))
	fill(p, pg, rng, "")
	s := p.dpi / 25.4
	whiteOut := func(img *image.Gray, r sheet.Rect, pad float64) *image.Gray {
		out := *img
		out.Pix = append([]uint8(nil), img.Pix...)
		for y := int((r.Y - pad) * s); y < int((r.Y+r.H+pad)*s); y++ {
			for x := int((r.X - pad) * s); x < int((r.X+r.W+pad)*s); x++ {
				out.Pix[y*out.Stride+x] = 250
			}
		}
		return &out
	}
	if _, err := scan.Page(p.img, d); err != nil {
		t.Fatalf("the undamaged page: %v", err)
	}
	for _, tc := range []struct {
		name string
		img  image.Image
		doc  *sheet.Doc
		want string
	}{
		{"a corner mark torn off", whiteOut(p.img, pg.Marks[2], 2), d, "corner mark 3 of 4: not found"},
		{"the code covered", whiteOut(p.img, pg.QR, 1), d, scan.ErrNoCode.Error()},
		{"a sheet of another quiz", p.img, other, "the sheet belongs to another quiz"},
		{"a thumbnail", image.NewGray(image.Rect(0, 0, 120, 170)), d, "scan at 150 dpi or more"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := scan.Page(tc.img, tc.doc)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v (reading %v), want an error containing %q", err, r != nil, tc.want)
			}
			if errors.Is(err, scan.ErrBlank) {
				t.Error("refused as blank")
			}
		})
	}
}

// TestCodeWithoutFinder: a code whose top-left finder pattern is torn off
// cannot be located by ZXing's detector; it is read from where the corner
// marks put its modules, upside down as well.
func TestCodeWithoutFinder(t *testing.T) {
	d, pdfData := classDoc(t, 2, 1, 23)
	p := renderSheets(t, pdfData, 150, 0, 1)[0]
	pg := &d.Layout(p.version).Pages[0]
	s := p.dpi / 25.4
	m := pg.QR.W / sheet.QRModules
	for y := int(pg.QR.Y * s); y < int((pg.QR.Y+7*m)*s); y++ {
		for x := int(pg.QR.X * s); x < int((pg.QR.X+7*m)*s); x++ {
			p.img.Pix[y*p.img.Stride+x] = 250
		}
	}
	flipped := image.NewGray(p.img.Rect)
	for i, v := range p.img.Pix {
		flipped.Pix[len(p.img.Pix)-1-i] = v
	}
	for name, img := range map[string]*image.Gray{"upright": p.img, "upside down": flipped} {
		r, err := scan.Page(img, d)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Code.Copy != p.copy || r.Code.Version != p.version || r.Code.Page != 1 {
			t.Errorf("%s: read %+v, the page is copy %d version %s", name, r.Code, p.copy, p.version)
		}
	}
}
