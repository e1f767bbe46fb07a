package scan

import (
	"errors"
	"math"

	"github.com/quizcard/quizcard/generate/sheet"
)

// A transform maps page millimetres to image pixels: a homography, which
// covers rotation, scale, shift, shear and the mild perspective of a
// camera or a curled page.
type transform [9]float64

// apply maps a page point to the image.
func (h *transform) apply(p sheet.Point) (float64, float64) {
	w := h[6]*p.X + h[7]*p.Y + h[8]
	return (h[0]*p.X + h[1]*p.Y + h[2]) / w, (h[3]*p.X + h[4]*p.Y + h[5]) / w
}

// scale returns pixels per millimetre near page point p.
func (h *transform) scale(p sheet.Point) float64 {
	x0, y0 := h.apply(p)
	x1, y1 := h.apply(sheet.Point{X: p.X + 1, Y: p.Y})
	x2, y2 := h.apply(sheet.Point{X: p.X, Y: p.Y + 1})
	return math.Sqrt(math.Abs((x1-x0)*(y2-y0) - (x2-x0)*(y1-y0)))
}

// homography returns the transform that maps the four page points to the
// four image points.
func homography(page [4]sheet.Point, img [4][2]float64) (transform, error) {
	var a [8][9]float64
	for i := range 4 {
		x, y, u, v := page[i].X, page[i].Y, img[i][0], img[i][1]
		a[2*i] = [9]float64{x, y, 1, 0, 0, 0, -u * x, -u * y, u}
		a[2*i+1] = [9]float64{0, 0, 0, x, y, 1, -v * x, -v * y, v}
	}
	sol, err := solve(a[:])
	if err != nil {
		return transform{}, err
	}
	return transform{sol[0], sol[1], sol[2], sol[3], sol[4], sol[5], sol[6], sol[7], 1}, nil
}

// affine returns the transform that maps three page points to three image
// points.
func affine(page [3]sheet.Point, img [3][2]float64) (transform, error) {
	var a [6][7]float64
	for i := range 3 {
		x, y := page[i].X, page[i].Y
		a[2*i] = [7]float64{x, y, 1, 0, 0, 0, img[i][0]}
		a[2*i+1] = [7]float64{0, 0, 0, x, y, 1, img[i][1]}
	}
	rows := make([][]float64, 6)
	for i := range rows {
		rows[i] = a[i][:]
	}
	sol, err := solveRows(rows)
	if err != nil {
		return transform{}, err
	}
	return transform{sol[0], sol[1], sol[2], sol[3], sol[4], sol[5], 0, 0, 1}, nil
}

func solve(a [][9]float64) ([]float64, error) {
	rows := make([][]float64, len(a))
	for i := range a {
		rows[i] = a[i][:]
	}
	return solveRows(rows)
}

// solveRows solves the n × n system whose augmented rows are given, by
// Gaussian elimination with partial pivoting.
func solveRows(m [][]float64) ([]float64, error) {
	n := len(m)
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil, errors.New("the page's reference points are degenerate")
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x, nil
}
