// Package scan reads scanned answer sheets: it finds a page's QR code and
// corner marks, fits the transform from the sheet's layout to the image
// (rotation, scale, shift, mild perspective), and measures every answer
// box, deciding ticked, empty or unsure with thresholds calibrated on the
// page itself. It does not grade: it says what is on the page.
package scan

import (
	"errors"
	"fmt"
	"image"
	"image/draw"
	"math"
	"slices"

	"github.com/quizcard/quizcard/generate/sheet"
)

// A State is what a box holds.
type State uint8

// The states of a box.
const (
	Empty  State = iota // nothing, or only the printed letter
	Ticked              // a clear mark: filled, ticked, crossed, pencil
	Unsure              // a faint, tiny or erased mark: a person must look
)

func (s State) String() string { return [...]string{"empty", "ticked", "unsure"}[s] }

// A Box is one measured answer box.
type Box struct {
	Fill  float64 // mean darkness inside the box, 0 (paper) to 1 (ink)
	Ink   float64 // share of the inside that is clearly inked
	Span  float64 // share of the inside's width or height the ink reaches across
	State State
}

// A Row is one row of boxes as read.
type Row struct {
	Item, Sub int // as in sheet.Row
	Boxes     []Box
	// Choice is the box read as the answer, -1 for none. With Review set it
	// is only a proposal (or -1) and the row needs a person's eye.
	Choice int
	Review string // why a person must look: "2 boxes ticked", ...
}

// A Reading is what one scanned answer-sheet page says.
type Reading struct {
	Code     sheet.Code
	Rows     []Row   // one per row of the layout's page, in its order
	Residual float64 // mm between where the QR code was found and where the corner marks put it
	page     *sheet.Page
	img      *gray
	h        transform
}

// Errors that say a page is not a readable answer sheet.
var (
	ErrBlank  = errors.New("blank page")
	ErrNoCode = errors.New("no quizcard code found: not a page of this quiz, or the code is damaged")
	// ErrQuestions is a page of questions: it has nothing to read.
	ErrQuestions = errors.New("a page of questions")
)

// Page reads one scanned page of the quiz d. It returns ErrBlank for an
// empty page, ErrNoCode when no sheet code is found, and another error when
// the page is a sheet that cannot be read safely.
func Page(img image.Image, d *sheet.Doc) (*Reading, error) {
	g := toGray(img)
	if g.w < 200 || g.h < 200 {
		return nil, fmt.Errorf("the image is only %d × %d pixels; scan at 150 dpi or more", g.w, g.h)
	}
	if g.blank() {
		return nil, ErrBlank
	}
	text, finders, err := findQR(g)
	if err != nil {
		text, finders, err = findQRByMarks(g, d)
	}
	if err != nil {
		return nil, ErrNoCode
	}
	code, err := sheet.ParseCode(text)
	if err != nil {
		return nil, err
	}
	if code.Quiz != d.ID {
		return nil, fmt.Errorf("the sheet belongs to another quiz (its code says %s, quiz.json is %s)", code.Quiz, d.ID)
	}
	if code.Page == 0 {
		return nil, ErrQuestions
	}
	l := d.Layout(code.Version)
	if l == nil || code.Page > len(l.Pages) {
		return nil, fmt.Errorf("the sheet's code %q names a version or page quiz.json does not have", text)
	}
	r := &Reading{Code: code, page: &l.Pages[code.Page-1], img: g}
	if err := r.register(finders); err != nil {
		return nil, err
	}
	if err := r.measure(); err != nil {
		return nil, err
	}
	return r, nil
}

// gray is an 8-bit grey image with its origin at 0, 0.
type gray struct {
	pix        []uint8
	stride     int
	w, h       int
	white, ink float64 // the page's paper and ink levels, once measured
}

// toGray returns img's luminance without copying when it can: the Y plane
// of a JPEG, or a grey image as it is.
func toGray(img image.Image) *gray {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.Gray:
		return &gray{pix: m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], stride: m.Stride, w: b.Dx(), h: b.Dy()}
	case *image.YCbCr:
		return &gray{pix: m.Y[m.YOffset(b.Min.X, b.Min.Y):], stride: m.YStride, w: b.Dx(), h: b.Dy()}
	}
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Rect, img, b.Min, draw.Src)
	return &gray{pix: g.Pix, stride: g.Stride, w: b.Dx(), h: b.Dy()}
}

// at returns the pixel nearest to x, y, or white outside the image.
func (g *gray) at(x, y float64) uint8 {
	ix, iy := int(x+0.5), int(y+0.5)
	if ix < 0 || iy < 0 || ix >= g.w || iy >= g.h {
		return 255
	}
	return g.pix[iy*g.stride+ix]
}

// blank reports whether the page has next to no ink: the back of a sheet.
func (g *gray) blank() bool {
	dark, n := 0, 0
	for y := g.h / 20; y < g.h-g.h/20; y += 4 {
		row := g.pix[y*g.stride : y*g.stride+g.w]
		for x := g.w / 20; x < g.w-g.w/20; x += 4 {
			n++
			if row[x] < 110 {
				dark++
			}
		}
	}
	return dark*1000 < n
}

// darkness maps a grey level to 0 (the page's paper) .. 1 (its ink).
func (g *gray) darkness(v uint8) float64 {
	d := (g.white - float64(v)) / (g.white - g.ink)
	return min(max(d, 0), 1)
}

// median returns the median of v, which it sorts.
func median(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	slices.Sort(v)
	return v[len(v)/2]
}
