package scan

import (
	"image"

	"github.com/quizcard/quizcard/generate/sheet"
)

// cropScale is the resolution of review images, pixels per millimetre
// (about 200 dpi).
const cropScale = 8.0

// Crop returns row i of the page as an upright image, from its label to a
// little past its last box, whatever the scan's orientation.
func (r *Reading) Crop(i int) image.Image {
	row := r.page.Rows[i]
	last := row.Boxes[len(row.Boxes)-1]
	x0, y0 := row.At.X-1.5, row.At.Y
	x1, y1 := last.X+last.W+2, last.Y+last.H+(last.Y-row.At.Y)
	if row.Item == 0 { // an id column: from its heading to its last box
		x0, x1 = row.Boxes[0].X-2, row.Boxes[0].X+row.Boxes[0].W+2
		y0 = row.Boxes[0].Y - sheet.BoxSize - 3
	}
	return r.view(x0, y0, x1, y1, cropScale)
}

// view resamples the page rectangle x0,y0–x1,y1 (mm) at scale pixels per
// mm.
func (r *Reading) view(x0, y0, x1, y1, scale float64) image.Image {
	w, h := int((x1-x0)*scale), int((y1-y0)*scale)
	out := image.NewGray(image.Rect(0, 0, max(w, 1), max(h, 1)))
	for y := range h {
		for x := range w {
			px, py := r.h.apply(sheet.Point{X: x0 + (float64(x)+0.5)/scale, Y: y0 + (float64(y)+0.5)/scale})
			out.Pix[y*out.Stride+x] = r.img.at(px, py)
		}
	}
	return out
}

// shrink returns img scaled down by an integer factor so that its longer
// side is at most side pixels, for an unreadable page's thumbnail.
func shrink(img image.Image, side int) image.Image {
	g := toGray(img)
	f := max(1, (max(g.w, g.h)+side-1)/side)
	out := image.NewGray(image.Rect(0, 0, g.w/f, g.h/f))
	for y := range g.h / f {
		for x := range g.w / f {
			sum := 0
			for dy := range f {
				for dx := range f {
					sum += int(g.pix[(y*f+dy)*g.stride+x*f+dx])
				}
			}
			out.Pix[y*out.Stride+x] = uint8(sum / (f * f))
		}
	}
	return out
}
