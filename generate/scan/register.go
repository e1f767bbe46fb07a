package scan

import (
	"errors"
	"fmt"
	"math"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/quizcard/quizcard/generate/sheet"
)

// findQR decodes the sheet's QR code and returns its text and the image
// positions of its finder patterns: top left, top right, bottom left. The
// code sits near a corner of the page, so the four corners of the image are
// tried first (in whatever orientation the page was scanned), then the
// whole image.
func findQR(g *gray) (string, [3][2]float64, error) {
	side := min(g.w, g.h) * 37 / 100
	corners := [][2]int{{g.w - side, 0}, {0, g.h - side}, {0, 0}, {g.w - side, g.h - side}}
	reader := qrcode.NewQRCodeReader()
	try := func(left, top, w, h int, hints map[gozxing.DecodeHintType]interface{}) (text string, f [3][2]float64, err error) {
		defer func() {
			// A decoder bug on a strange image is a page not read, not a crash.
			if p := recover(); p != nil {
				err = fmt.Errorf("qr decoder: %v", p)
			}
		}()
		src, err := gozxing.NewPlanarYUVLuminanceSource(g.pix, g.stride, g.h, left, top, w, h, false)
		if err != nil {
			return "", [3][2]float64{}, err
		}
		bmp, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(src))
		if err != nil {
			return "", [3][2]float64{}, err
		}
		res, err := reader.Decode(bmp, hints)
		if err != nil {
			return "", [3][2]float64{}, err
		}
		pts := res.GetResultPoints()
		if len(pts) < 3 {
			return "", [3][2]float64{}, errors.New("the QR code's finder patterns were not reported")
		}
		at := func(p gozxing.ResultPoint) [2]float64 {
			return [2]float64{p.GetX() + float64(left), p.GetY() + float64(top)}
		}
		// ZXing reports bottom left, top left, top right.
		return res.GetText(), [3][2]float64{at(pts[1]), at(pts[2]), at(pts[0])}, nil
	}
	for _, c := range corners {
		if text, f, err := try(c[0], c[1], side, side, nil); err == nil {
			return text, f, nil
		}
	}
	return try(0, 0, g.w, g.h, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true})
}

// register fits the page transform: a first guess from the QR code's
// finder patterns, then the four corner marks found near where it puts
// them, then a check that the QR code is where the marks say.
func (r *Reading) register(finders [3][2]float64) error {
	pf := sheet.Finders(r.page.QR)
	guess, err := affine(pf, finders)
	if err != nil {
		return err
	}
	var marks [4]sheet.Point
	var found [4][2]float64
	var inkLevels []float64
	for i, m := range r.page.Marks {
		c := m.Centre()
		x, y, level, err := r.img.findMark(&guess, c, m.W)
		if err != nil {
			return fmt.Errorf("corner mark %d of 4: %v", i+1, err)
		}
		marks[i], found[i] = c, [2]float64{x, y}
		inkLevels = append(inkLevels, level)
	}
	if r.h, err = homography(marks, found); err != nil {
		return err
	}
	scale := r.h.scale(r.page.QR.Centre())
	if scale <= 0 || math.IsNaN(scale) {
		return errors.New("the corner marks do not span a page")
	}
	for i, p := range pf {
		x, y := r.h.apply(p)
		r.Residual = max(r.Residual, math.Hypot(x-finders[i][0], y-finders[i][1])/scale)
	}
	if r.Residual > 1.5 {
		return fmt.Errorf("the QR code is %.1f mm from where the corner marks put it: the page is folded, cut or not flat", r.Residual)
	}
	r.img.ink = median(inkLevels)
	return nil
}

// findMark looks for a corner mark of side mm whose centre the guess puts
// near c, and returns its centre in the image and its grey level. It takes
// the dark patch of the mark's size and shape nearest to the guess, within
// reach of it, then refines its centre on a close window.
func (g *gray) findMark(guess *transform, c sheet.Point, side float64) (float64, float64, float64, error) {
	scale := guess.scale(c)
	gx, gy := guess.apply(c)
	r := int((side/2 + markReach) * scale)
	x0, y0 := max(int(gx)-r, 0), max(int(gy)-r, 0)
	x1, y1 := min(int(gx)+r, g.w-1), min(int(gy)+r, g.h-1)
	if x1-x0 < r || y1-y0 < r {
		return 0, 0, 0, errors.New("not on the image: is the page cut off?")
	}
	thr, ok := g.midway(x0, y0, x1, y1)
	if !ok {
		return 0, 0, 0, errors.New("not found")
	}
	best, bestDist := [2]float64{}, math.Inf(1)
	for _, p := range g.darkSquaresAt(x0, y0, x1, y1, side*scale, thr) {
		if d := math.Hypot(p[0]-gx, p[1]-gy); d < bestDist {
			best, bestDist = p, d
		}
	}
	if math.IsInf(bestDist, 1) {
		return 0, 0, 0, errors.New("not found")
	}
	// Refine: the centre of the dark pixels on a window just around it,
	// at the threshold of that window.
	cx, cy := best[0], best[1]
	r = int((side/2 + 1.2) * scale)
	x0, y0 = max(int(cx)-r, 0), max(int(cy)-r, 0)
	x1, y1 = min(int(cx)+r, g.w-1), min(int(cy)+r, g.h-1)
	var sx, sy, n, sum float64
	for y := y0; y <= y1; y++ {
		row := g.pix[y*g.stride:]
		for x := x0; x <= x1; x++ {
			if v := row[x]; v < thr {
				sx += float64(x)
				sy += float64(y)
				n++
				sum += float64(v)
			}
		}
	}
	return sx / n, sy / n, sum / n, nil
}

// markReach is how far (mm) from where the QR code puts a corner mark it
// may be: the QR code is small, so a guess from it drifts across the page.
const markReach = 12.0

// darkSquares returns the centres of the dark patches in the window
// x0,y0–x1,y1 that have the size and shape of a square of want pixels a
// side (turned by up to 10°), at a threshold midway between the window's
// darkest and lightest pixels.
func (g *gray) darkSquares(x0, y0, x1, y1 int, want float64) [][2]float64 {
	thr, ok := g.midway(x0, y0, x1, y1)
	if !ok {
		return nil
	}
	return g.darkSquaresAt(x0, y0, x1, y1, want, thr)
}

// midway returns the grey level midway between the darkest and the
// lightest pixel of the window x0,y0–x1,y1 (every other pixel of every
// other row is read), and false when they differ by less than 60: the
// window holds no mark to tell from the paper.
func (g *gray) midway(x0, y0, x1, y1 int) (uint8, bool) {
	lo, hi := 255, 0
	for y := y0; y <= y1; y += 2 {
		for x := x0; x <= x1; x += 2 {
			v := int(g.pix[y*g.stride+x])
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if hi-lo < 60 {
		return 0, false
	}
	return uint8((lo + hi) / 2), true
}

// darkSquaresAt is darkSquares at a given threshold.
func (g *gray) darkSquaresAt(x0, y0, x1, y1 int, want float64, thr uint8) [][2]float64 {
	w, h := x1-x0+1, y1-y0+1
	seen := make([]bool, w*h)
	var out [][2]float64
	var stack []int
	for sy := range h {
		for sx := range w {
			i := sy*w + sx
			if seen[i] || g.pix[(sy+y0)*g.stride+sx+x0] >= thr {
				continue
			}
			// Flood the dark patch from here.
			seen[i] = true
			stack = append(stack[:0], i)
			n, mx, my := 0, 0, 0
			bx0, by0, bx1, by1 := sx, sy, sx, sy
			for len(stack) > 0 {
				j := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				px, py := j%w, j/w
				n, mx, my = n+1, mx+px, my+py
				bx0, by0, bx1, by1 = min(bx0, px), min(by0, py), max(bx1, px), max(by1, py)
				for _, nb := range [4][2]int{{px - 1, py}, {px + 1, py}, {px, py - 1}, {px, py + 1}} {
					if nb[0] < 0 || nb[1] < 0 || nb[0] >= w || nb[1] >= h {
						continue
					}
					k := nb[1]*w + nb[0]
					if !seen[k] && g.pix[(nb[1]+y0)*g.stride+nb[0]+x0] < thr {
						seen[k] = true
						stack = append(stack, k)
					}
				}
			}
			bw, bh := float64(bx1-bx0+1), float64(by1-by0+1)
			area := float64(n) / (want * want)
			if area < 0.7 || area > 1.45 || bw < 0.8*want || bh < 0.8*want || bw > 1.5*want || bh > 1.5*want {
				continue
			}
			out = append(out, [2]float64{float64(mx)/float64(n) + float64(x0), float64(my)/float64(n) + float64(y0)})
		}
	}
	return out
}
