package scan

import (
	"errors"
	"math"

	"github.com/makiuchi-d/gozxing/qrcode/decoder"

	"github.com/quizcard/quizcard/generate/sheet"
)

// findQRByMarks reads the sheet's code when ZXing cannot find it, as on a
// blurred, noisy copy: it finds the four corner marks near the image's
// corners without a guess, and for each of the four ways the page can lie
// samples the code's modules where the layout puts them and lets ZXing's
// decoder (with its error correction) read them. Only the orientation whose
// modules decode is taken.
func findQRByMarks(g *gray, d *sheet.Doc) (string, [3][2]float64, error) {
	if d.Paper == nil || len(d.Sheets) == 0 || len(d.Sheets[0].Pages) == 0 {
		return "", [3][2]float64{}, ErrNoCode
	}
	pg := d.Sheets[0].Pages[0] // every sheet page has its marks and code in the same place
	scale := float64(max(g.w, g.h)) / max(d.Paper.W, d.Paper.H)
	side := pg.Marks[0].W
	reach := int(45 * scale)
	corners := [4][2]int{{0, 0}, {g.w - 1, 0}, {g.w - 1, g.h - 1}, {0, g.h - 1}}
	var found [4][2]float64
	for i, c := range corners {
		x0, y0 := max(c[0]-reach, 0), max(c[1]-reach, 0)
		x1, y1 := min(c[0]+reach, g.w-1), min(c[1]+reach, g.h-1)
		best, bestDist := [2]float64{}, math.Inf(1)
		for _, p := range g.darkSquares(x0, y0, x1, y1, side*scale*0.95) {
			if dist := math.Hypot(p[0]-float64(c[0]), p[1]-float64(c[1])); dist < bestDist {
				best, bestDist = p, dist
			}
		}
		if math.IsInf(bestDist, 1) {
			return "", [3][2]float64{}, ErrNoCode
		}
		found[i] = best
	}
	var marks [4]sheet.Point
	for i, m := range pg.Marks {
		marks[i] = m.Centre()
	}
	dec := decoder.NewDecoder()
	n := sheet.QRModules
	m := pg.QR.W / float64(n)
	for k := range 4 {
		var img [4][2]float64
		for i := range 4 {
			img[i] = found[(i+k)%4]
		}
		h, err := homography(marks, img)
		if err != nil {
			continue
		}
		// Each module's grey level: the mean over its middle.
		levels := make([]float64, n*n)
		lo, hi := 255.0, 0.0
		for y := range n {
			for x := range n {
				var sum float64
				for _, o := range [3]float64{0.3, 0.5, 0.7} {
					for _, p := range [3]float64{0.3, 0.5, 0.7} {
						px, py := h.apply(sheet.Point{X: pg.QR.X + (float64(x)+o)*m, Y: pg.QR.Y + (float64(y)+p)*m})
						sum += float64(g.at(px, py))
					}
				}
				v := sum / 9
				levels[y*n+x] = v
				lo, hi = min(lo, v), max(hi, v)
			}
		}
		bits := make([][]bool, n)
		for y := range bits {
			bits[y] = make([]bool, n)
			for x := range bits[y] {
				bits[y][x] = levels[y*n+x] < (lo+hi)/2
			}
		}
		res, err := dec.DecodeBoolMap(bits, nil)
		if err != nil {
			continue
		}
		var finders [3][2]float64
		for i, f := range sheet.Finders(pg.QR) {
			finders[i][0], finders[i][1] = h.apply(f)
		}
		return res.GetText(), finders, nil
	}
	return "", [3][2]float64{}, errors.Join(ErrNoCode, errors.New("the corner marks were found but the code would not read"))
}
