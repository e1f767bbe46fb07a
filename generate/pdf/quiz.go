package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/english"
	"github.com/quizcard/quizcard/generate/quiz"
)

// Styles of the quiz papers (A4 and Letter).
var (
	qTitle   = style{"B", 16, 19}
	qVersion = style{"B", 13, 16}
	qBody    = style{"", 10.5, 14}
	qBold    = style{"B", 10.5, 14}
	qSmall   = style{"I", 8.5, 11}
	qSection = style{"B", 8.5, 11}
	qFooter  = style{"", 8, 10}
)

const (
	qMargin  = 18.0 // mm
	qIndent  = 8.0  // question text, from the number
	qOptText = 10.0 // option text, from the option box
	qBox     = 3.6  // answer box side
	qGap     = 5.0  // between questions
)

var sectionNames = map[quiz.Form]string{
	quiz.MC:    "Multiple choice: tick one box",
	quiz.TF:    "True or false: tick one box",
	quiz.Match: "Matching: write the letter of the match in each box",
	quiz.Order: "Ordering: write the letters from earliest to latest",
}

// quizStyle is the type and spacing of the questions on a students'
// paper, at some scale of the standard ones.
type quizStyle struct {
	body, bold, small, section style
	indent, optText, box, gap  float64
}

// quizStyleAt returns the question styles at scale k (1: the standard).
func quizStyleAt(k float64) quizStyle {
	return quizStyle{
		body: qBody.scaled(k), bold: qBold.scaled(k), small: qSmall.scaled(k), section: qSection.scaled(k),
		indent: qIndent, optText: qOptText * k, box: qBox * k, gap: qGap * k,
	}
}

// shrinkTo lists the scales a quiz may be set at, largest first: a
// version that fits on one page fewer at a slightly smaller size is set
// at that size.
var shrinkTo = []float64{1, 0.95, 0.9}

// Quiz writes the students' paper: one section per version, each starting on
// a new page, with a header to fill in, numbered questions, answer boxes and
// "page x of y" footers. It returns the number of pages.
func Quiz(w io.Writer, q *quiz.Quiz, p Paper, m Meta) (int, error) {
	d := newDoc(p, m)
	t := newText(d)
	f := &flow{t: t, top: qMargin, bottom: p.H - qMargin}
	sections := quizSections(t, q, p, quizStyleAt(1))
	if f.mightSave(sections, shrinkTo[len(shrinkTo)-1]) {
		// The largest scale that takes as few pages as the smallest.
		least, err := f.pages(quizSections(t, q, p, quizStyleAt(shrinkTo[len(shrinkTo)-1])))
		if err != nil {
			return 0, err
		}
		for _, k := range shrinkTo {
			try := sections
			if k != 1 {
				try = quizSections(t, q, p, quizStyleAt(k))
			}
			if n, err := f.pages(try); err == nil && n == least {
				sections = try
				break
			}
		}
	}
	if err := f.draw(sections); err != nil {
		return 0, err
	}
	return finish(d, w)
}

// quizSections measures every version of the quiz in style st.
func quizSections(t text, q *quiz.Quiz, p Paper, st quizStyle) []section {
	x, width := qMargin, p.W-2*qMargin
	var sections []section
	for _, v := range q.Versions {
		label := v.Label
		s := section{name: "version " + label, footer: footer(t, p, footerTitle(t, q.Title, width), " · Version "+label)}
		s.blocks = append(s.blocks, headerBlock(t, st, q.Title, label, instructions(q, v), x, width))
		var prev quiz.Form
		for _, it := range v.Items {
			qu := q.Question(it.Question)
			b := questionBlock(t, st, qu, it, x, width)
			if qu.Form != prev {
				b = withHeading(t, st, sectionNames[qu.Form], b, x, width)
				prev = qu.Form
			}
			s.blocks = append(s.blocks, b)
		}
		sections = append(sections, s)
	}
	return sections
}

// footer returns a section footer: title, label and "page x of y",
// centred.
func footer(t text, p Paper, title, label string) func(page, pages int) {
	return func(page, pages int) {
		t.setGrey(110)
		t.centre(qFooter, qMargin, p.H-qMargin+5, p.W-2*qMargin, fmt.Sprintf("%s%s · page %d of %d", title, label, page, pages))
		t.setGrey(0)
	}
}

// footerTitle clips a title for a footer of width w that also carries a
// label and "page x of y".
func footerTitle(t text, title string, w float64) string {
	return clipTo(t, qFooter, title, w-t.width(qFooter, " · Version ZZ · page 99 of 99")-10)
}

// clipTo shortens str to fit w: it cuts at a word and adds an ellipsis,
// and cuts inside a word only when the first word alone is too wide.
func clipTo(t text, s style, str string, w float64) string {
	if t.width(s, str) <= w {
		return str
	}
	words := strings.Fields(str)
	for n := len(words) - 1; n >= 1; n-- {
		cut := strings.TrimRight(strings.Join(words[:n], " "), " ,;:–—-·")
		if strings.HasSuffix(cut, ".") {
			cut += " " // "U.S. …", not "U.S.…"
		}
		if t.width(s, cut+"…") <= w {
			return cut + "…"
		}
	}
	r := []rune(str)
	for len(r) > 1 && t.width(s, string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// instructions says how to answer the forms version v holds, and no other:
// a paper without ordering says nothing about ordering.
func instructions(q *quiz.Quiz, v quiz.Version) string {
	has := map[quiz.Form]bool{}
	for _, it := range v.Items {
		if qu := q.Question(it.Question); qu != nil {
			has[qu.Form] = true
		}
	}
	var parts []string
	switch {
	case has[quiz.MC] && has[quiz.TF]:
		parts = append(parts, "tick one box for multiple choice and true or false")
	case has[quiz.MC]:
		parts = append(parts, "tick one box for each question")
	case has[quiz.TF]:
		parts = append(parts, "tick True or False")
	}
	if has[quiz.Match] {
		parts = append(parts, "for matching, write a letter in each box")
	}
	if has[quiz.Order] {
		parts = append(parts, "for ordering, write the letters from earliest to latest")
	}
	if len(parts) == 0 {
		return "Answer every question."
	}
	return "Answer every question. " + english.Capitalise(strings.Join(parts, "; ")) + "."
}

// headerBlock measures a version's header: title, version box, the
// instructions note, and the name, class and date lines, with fill's texts
// printed on them when given.
func headerBlock(t text, st quizStyle, title, label, instructions string, x, w float64, fill ...string) block {
	boxW := t.width(qVersion, "Version "+label) + 8
	titleLines := t.wrap(qTitle, title, w-boxW-6)
	titleH := max(qTitle.height(len(titleLines)), 12) + 4
	fields := []struct {
		label string
		frac  float64
		w     float64
	}{{"Name", 0.5, 0}, {"Class", 0.22, 0}, {"Date", 0.28, 0}}
	filled := make([]string, len(fields))
	for i := range fields {
		fields[i].w = t.width(st.body, fields[i].label+" ")
		if i < len(fill) && fill[i] != "" {
			filled[i] = clipTo(t, st.bold, fill[i], w*fields[i].frac-fields[i].w-6)
		}
	}
	note := t.wrap(st.small, instructions, w)
	h := titleH + 8 + st.small.height(len(note)) + 6
	return block{h: h, draw: func(y float64) {
		d := t.d
		t.lines(qTitle, x, y, w-boxW-6, titleLines)
		d.SetLineWidth(0.5)
		d.Rect(x+w-boxW, y, boxW, 10, "D")
		t.centre(qVersion, x+w-boxW, y+(10-ptmm(qVersion.lead))/2, boxW, "Version "+label)
		y += titleH
		// Name, class and date lines to fill in.
		d.SetLineWidth(0.2)
		fx := x
		for i, fl := range fields {
			t.lines(st.body, fx, y, fl.w, []string{fl.label})
			if filled[i] != "" {
				t.lines(st.bold, fx+fl.w+1, y, w*fl.frac-fl.w-6, []string{filled[i]})
			}
			d.Line(fx+fl.w, y+4.6, fx+w*fl.frac-4, y+4.6)
			fx += w * fl.frac
		}
		y += 8
		t.setGrey(70)
		y = t.lines(st.small, x, y, w, note)
		t.setGrey(0)
		d.SetLineWidth(0.3)
		d.Line(x, y+2, x+w, y+2)
	}}
}

// withHeading puts a section heading above a question, kept on its page.
func withHeading(t text, st quizStyle, name string, b block, x, w float64) block {
	h := st.section.height(1) + 2
	return block{h: h + b.h, draw: func(y float64) {
		t.setGrey(90)
		t.lines(st.section, x, y, w, []string{strings.ToUpper(name)})
		t.setGrey(0)
		b.draw(y + h)
	}}
}

// questionBlock measures one question as a version shows it, and returns
// the block that draws it.
func questionBlock(t text, st quizStyle, q *quiz.Question, it quiz.Item, x, w float64) block {
	qh := newQuestionHead(t, st, it.Number, q.Prompt, x, w)
	shown := q.Shown(it)
	switch q.Form {
	case quiz.TF:
		return trueFalseBlock(qh, shown)
	case quiz.Match:
		return matchBlock(qh, q.Left, shown)
	case quiz.Order:
		return orderBlock(qh, shown)
	}
	return choiceBlock(qh, shown)
}

// A questionHead is what every question's block starts with: its number
// in the margin and its prompt wrapped beside it, from x; the answer
// parts go below, from tx, tw wide.
type questionHead struct {
	t      text
	st     quizStyle
	x      float64
	tx, tw float64 // where the prompt and answer parts go, and their width
	number string
	prompt []string
	h      float64 // the head's height, with the space below it
}

// newQuestionHead wraps a question's prompt for the column x to x+w and
// measures it.
func newQuestionHead(t text, st quizStyle, number int, prompt string, x, w float64) questionHead {
	qh := questionHead{t: t, st: st, x: x, tx: x + st.indent, tw: w - st.indent, number: fmt.Sprintf("%d.", number)}
	qh.prompt = t.wrap(st.body, prompt, qh.tw)
	qh.h = st.body.height(len(qh.prompt)) + 1.5
	return qh
}

// draw draws the number and the prompt at y.
func (qh questionHead) draw(y float64) {
	qh.t.lines(qh.st.bold, qh.x, y, qh.st.indent, []string{qh.number})
	qh.t.lines(qh.st.body, qh.tx, y, qh.tw, qh.prompt)
}

// box draws a tick box at bx on the line of body text at by.
func (qh questionHead) box(bx, by float64) {
	qh.t.d.SetLineWidth(0.3)
	qh.t.d.Rect(bx, by+(ptmm(qh.st.body.lead)-qh.st.box)/2, qh.st.box, qh.st.box, "D")
}

// trueFalseBlock lays out a true/false question: the shown options ("True",
// "False") side by side, each after its box.
func trueFalseBlock(qh questionHead, shown []string) block {
	t, st := qh.t, qh.st
	widths := make([]float64, len(shown))
	for i, o := range shown {
		widths[i] = t.width(st.body, o)
	}
	return block{h: qh.h + st.body.height(1) + st.gap, draw: func(y float64) {
		qh.draw(y)
		y += qh.h
		bx := qh.tx
		for i, o := range shown {
			qh.box(bx, y)
			t.lines(st.body, bx+st.box+2, y, widths[i], []string{o})
			bx += st.box + 2 + widths[i] + 12
		}
	}}
}

// matchBlock lays out a matching question: a box and the numbered left
// items in one column, the lettered responses (shown) in the other.
func matchBlock(qh questionHead, left, shown []string) block {
	t, st, d := qh.t, qh.st, qh.t.d
	tx, tw := qh.tx, qh.tw
	// Split the width between the columns by how long their texts are.
	const boxCol, gutter = 9.0, 6.0
	avail := tw - boxCol - gutter
	// The right column is longer than the left (it holds responses
	// that match no one): rows past the left items have no box.
	var lw, rw float64
	for i := range left {
		lw = max(lw, t.width(st.body, fmt.Sprintf("%d. %s", i+1, left[i])))
	}
	for _, r := range shown {
		rw = max(rw, t.width(st.body, "A. "+r))
	}
	leftW := min(max(avail*lw/(lw+rw), avail*0.35), avail*0.65)
	rightW := avail - leftW
	type row struct {
		left, right []string
		box         bool
	}
	rows := make([]row, max(len(left), len(shown)))
	h := qh.h
	for i := range rows {
		if i < len(left) {
			rows[i].left = t.wrap(st.body, fmt.Sprintf("%d. %s", i+1, left[i]), leftW)
			rows[i].box = true
		}
		if i < len(shown) {
			rows[i].right = t.wrap(st.body, quiz.Letter(i)+". "+shown[i], rightW)
		}
		h += st.body.height(max(len(rows[i].left), len(rows[i].right))) + 1
	}
	return block{h: h + st.gap, draw: func(y float64) {
		qh.draw(y)
		y += qh.h
		for _, r := range rows {
			if r.box {
				d.SetLineWidth(0.3)
				d.Rect(tx, y+(ptmm(st.body.lead)-5)/2, 6, 5, "D")
			}
			t.lines(st.body, tx+boxCol, y, leftW, r.left)
			t.lines(st.body, tx+boxCol+leftW+gutter, y, rightW, r.right)
			y += st.body.height(max(len(r.left), len(r.right))) + 1
		}
	}}
}

// orderBlock lays out an ordering question: the lettered events (shown),
// then a row of boxes from "Earliest" to "Latest" to write the letters in.
func orderBlock(qh questionHead, shown []string) block {
	t, st, d := qh.t, qh.st, qh.t.d
	tx, tw := qh.tx, qh.tw
	items := make([][]string, len(shown))
	h := qh.h
	for i, s := range shown {
		items[i] = t.wrap(st.body, s, tw-8)
		h += st.body.height(len(items[i])) + 0.5
	}
	h += 2 + 7
	return block{h: h + st.gap, draw: func(y float64) {
		qh.draw(y)
		y += qh.h
		for i, lines := range items {
			t.lines(st.bold, tx, y, 8, []string{quiz.Letter(i) + "."})
			y = t.lines(st.body, tx+8, y, tw-8, lines) + 0.5
		}
		y += 2
		lh := ptmm(st.small.lead)
		t.setGrey(70)
		t.lines(st.small, tx, y+(7-lh)/2, 14, []string{"Earliest"})
		t.setGrey(0)
		bx := tx + 16
		d.SetLineWidth(0.3)
		for i := range items {
			d.Rect(bx, y, 8, 7, "D")
			if i < len(items)-1 {
				t.centre(st.body, bx+8, y+(7-ptmm(st.body.lead))/2, 6, "→")
			}
			bx += 14
		}
		t.setGrey(70)
		t.lines(st.small, bx, y+(7-lh)/2, 14, []string{"Latest"})
		t.setGrey(0)
	}}
}

// choiceBlock lays out a multiple-choice question: one box and letter per
// option (shown).
func choiceBlock(qh questionHead, shown []string) block {
	t, st := qh.t, qh.st
	opts := make([][]string, len(shown))
	h := qh.h
	for i, o := range shown {
		opts[i] = t.wrap(st.body, o, qh.tw-st.optText)
		h += st.body.height(len(opts[i])) + 0.8
	}
	return block{h: h + st.gap, draw: func(y float64) {
		qh.draw(y)
		y += qh.h
		for i, lines := range opts {
			qh.box(qh.tx, y)
			t.lines(st.bold, qh.tx+st.box+1.6, y, 5, []string{quiz.Letter(i)})
			y = t.lines(st.body, qh.tx+st.optText, y, qh.tw-st.optText, lines) + 0.8
		}
	}}
}
