package sheet

import (
	"fmt"

	"github.com/quizcard/quizcard/generate/quiz"
)

// Where things go on every sheet page, in millimetres.
const (
	contentInset = 17.0 // left and right of the answer area
	headerTop    = 16.0 // top of the header, and of the QR code
	answersTop   = 48.0 // top of the answer area
	footerSpace  = 20.0 // below the answer area
	columnGap    = 5.0
	blockGap     = 1.8 // between questions
	idPitch      = 6.2 // between the id grid's columns
	idRowPitch   = 5.8
	idTitle      = 6.0 // the grid's heading
)

// A block is what must stay in one column: a question's rows, or the
// student-id grid.
type block struct {
	h    float64
	rows func(x, y float64) []Row
}

// layout places version v's answer rows in columns, page after page.
func layout(q *quiz.Quiz, v quiz.Version, paper Size, idGrid bool) (Layout, error) {
	var blocks []block
	if idGrid {
		blocks = append(blocks, idBlock())
	}
	for _, it := range v.Items {
		qu := q.Question(it.Question)
		if qu == nil {
			return Layout{}, fmt.Errorf("version %s: item %d asks question %q, which the quiz does not have", v.Label, it.Number, it.Question)
		}
		blocks = append(blocks, itemBlock(qu, it))
	}
	width := paper.W - 2*contentInset
	cols := int((width + columnGap) / (labelWidth + 4*BoxPitch + BoxSize + columnGap))
	cols = max(1, min(cols, 3))
	colW := (width - float64(cols-1)*columnGap) / float64(cols)
	bottom := paper.H - footerSpace
	if bottom-answersTop < idTitle+10*idRowPitch {
		return Layout{}, fmt.Errorf("the page (%.0f × %.0f mm) is too small for an answer sheet", paper.W, paper.H)
	}
	l := Layout{Version: v.Label}
	col, y := 0, answersTop
	page := newPage(paper)
	for _, b := range blocks {
		if y+b.h > bottom && y > answersTop {
			col, y = col+1, answersTop
			if col == cols {
				l.Pages = append(l.Pages, page)
				page, col = newPage(paper), 0
			}
		}
		x := contentInset + float64(col)*(colW+columnGap)
		page.Rows = append(page.Rows, b.rows(x, y)...)
		y += b.h
	}
	l.Pages = append(l.Pages, page)
	return l, nil
}

// newPage returns an empty page with its corner marks and QR code placed.
func newPage(paper Size) Page {
	far := func(side float64) float64 { return side - MarkInset - MarkSize }
	qr := QRModules * QRModule
	return Page{
		Marks: [4]Rect{
			{MarkInset, MarkInset, MarkSize, MarkSize},
			{far(paper.W), MarkInset, MarkSize, MarkSize},
			{far(paper.W), far(paper.H), MarkSize, MarkSize},
			{MarkInset, far(paper.H), MarkSize, MarkSize},
		},
		QR: Rect{paper.W - contentInset - qr, headerTop, qr, qr},
	}
}

// itemBlock returns the rows of one item: one for multiple choice and
// true/false, one per pair or position for matching and ordering.
func itemBlock(qu *quiz.Question, it quiz.Item) block {
	n := len(it.Order)
	letters := make([]string, n)
	for i := range letters {
		letters[i] = quiz.Letter(i)
	}
	labels := []string{fmt.Sprint(it.Number)}
	switch qu.Form {
	case quiz.TF:
		letters = []string{"T", "F"}
	case quiz.Match:
		labels = labels[:0]
		for i := range qu.Left {
			labels = append(labels, fmt.Sprintf("%d·%d", it.Number, i+1))
		}
	case quiz.Order:
		labels = labels[:0]
		for i := range qu.Items {
			labels = append(labels, fmt.Sprintf("%d %s", it.Number, ordinal(i+1)))
		}
	}
	return block{
		h: float64(len(labels))*RowPitch + blockGap,
		rows: func(x, y float64) []Row {
			rows := make([]Row, len(labels))
			for s, lab := range labels {
				r := Row{Item: it.Number, Sub: s, Label: lab, At: Point{x, y}, Letters: letters}
				for i := range letters {
					r.Boxes = append(r.Boxes, Rect{x + labelWidth + float64(i)*BoxPitch, y + (RowPitch-BoxSize)/2, BoxSize, BoxSize})
				}
				rows[s] = r
				y += RowPitch
			}
			return rows
		},
	}
}

// idBlock returns the student-id grid: IDDigits columns of boxes 0–9, one
// Row each, under a heading and a box to write each digit in.
func idBlock() block {
	digits := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	return block{
		h: idTitle + BoxSize + 1 + 10*idRowPitch + blockGap + 2,
		rows: func(x, y float64) []Row {
			rows := make([]Row, IDDigits)
			for d := range rows {
				bx := x + float64(d)*idPitch
				r := Row{Sub: d, At: Point{x, y}, Letters: digits}
				if d == 0 {
					r.Label = "Student id"
				}
				for k := range digits {
					r.Boxes = append(r.Boxes, Rect{bx, y + idTitle + BoxSize + 1 + float64(k)*idRowPitch + (idRowPitch-BoxSize)/2, BoxSize, BoxSize})
				}
				rows[d] = r
			}
			return rows
		},
	}
}

// Rows returns how many rows of boxes a question takes on the sheet: one
// for multiple choice and true/false, one per left-hand item of a matching
// question, one per position of an ordering question.
func Rows(q *quiz.Question) int {
	switch q.Form {
	case quiz.Match:
		return len(q.Left)
	case quiz.Order:
		return len(q.Items)
	}
	return 1
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return fmt.Sprintf("%dth", n)
}
