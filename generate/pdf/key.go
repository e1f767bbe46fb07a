package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
	"github.com/quizcard/quizcard/generate/quiz"
)

var (
	kCell  = style{"", 9, 11}
	kCellB = style{"B", 9, 11}
	kQuote = style{"I", 9.5, 12.5}
	kLabel = style{"B", 9.5, 12.5}
	kBody  = style{"", 9.5, 12.5}
)

// Key writes the teacher's answer key: for every version a compact grid of
// question numbers and right answers to mark with, then each question once
// with its answer, explanation and source excerpt. It returns the number of
// pages.
func Key(w io.Writer, q *quiz.Quiz, p Paper, m Meta) (int, error) {
	d := newDoc(p, m)
	t := newText(d)
	x, width := qMargin, p.W-2*qMargin
	published := bank.HumanDate(q.Article.Date)
	intro := fmt.Sprintf("%d questions · %s · seed %d · from “%s”, %s, %s",
		len(q.Questions), english.Plural(len(q.Versions), "version", ""), q.Seed,
		q.Article.Title, q.Article.Outlet, published)
	titleLines := t.wrap(qTitle, "Answer key: "+q.Title, width)
	introLines := t.wrap(qSmall, intro, width)
	// The whole command that makes this quiz again, when the caller
	// recorded it: the seed alone does not.
	var again []string
	if q.Command != "" {
		again = t.wrap(kCell, "To make this quiz again: "+q.Command, width)
	}
	blocks := []block{{
		h: qTitle.height(len(titleLines)) + 2 + qSmall.height(len(introLines)) + kCell.height(len(again)) + 5,
		draw: func(y float64) {
			y = t.lines(qTitle, x, y, width, titleLines) + 2
			t.setGrey(70)
			y = t.lines(qSmall, x, y, width, introLines)
			t.lines(kCell, x, y, width, again)
			t.setGrey(0)
		},
	}}
	for _, v := range q.Versions {
		blocks = append(blocks, gridBlock(t, q, v, x, width))
	}
	blocks = append(blocks, block{h: qSection.height(1) + 3, draw: func(y float64) {
		t.setGrey(90)
		t.lines(qSection, x, y+1, width, []string{"ANSWERS, EXPLANATIONS AND SOURCES"})
		t.setGrey(0)
	}})
	// Explanations follow version A's numbering; other versions' numbers
	// are given with each.
	pos := positions(q)
	for _, it := range q.Versions[0].Items {
		blocks = append(blocks, explainBlock(t, q, q.Question(it.Question), pos[it.Question], published, x, width))
	}
	s := section{name: "answer key", blocks: blocks, footer: footer(t, p, "Answer key · "+footerTitle(t, q.Title, width-t.width(qFooter, "Answer key · ")), "")}
	f := &flow{t: t, top: qMargin, bottom: p.H - qMargin}
	if err := f.draw([]section{s}); err != nil {
		return 0, err
	}
	return finish(d, w)
}

// positions maps each question to its number in every version.
func positions(q *quiz.Quiz) map[string][]string {
	out := map[string][]string{}
	for _, v := range q.Versions {
		for _, it := range v.Items {
			out[it.Question] = append(out[it.Question], fmt.Sprintf("%s%d", v.Label, it.Number))
		}
	}
	return out
}

// gridBlock draws one version's answers as rows of numbered cells; long
// answers (matching, ordering) follow the grid on their own lines.
func gridBlock(t text, q *quiz.Quiz, v quiz.Version, x, w float64) block {
	const perRow = 10
	cellW := w / perRow
	cellH := ptmm(kCell.lead) + 1
	var short, long []quiz.Item
	for _, it := range v.Items {
		if f := q.Question(it.Question).Form; f == quiz.Match || f == quiz.Order {
			long = append(long, it)
		} else {
			short = append(short, it)
		}
	}
	rows := (len(short) + perRow - 1) / perRow
	var longLines [][]string
	h := qVersion.height(1) + 1 + float64(rows)*2*cellH + float64(rows)*1.5
	for _, it := range long {
		l := t.wrap(kCell, fmt.Sprintf("%d (%s): %s", it.Number, q.Question(it.Question).Form.Name(), it.Key), w)
		longLines = append(longLines, l)
		h += kCell.height(len(l)) + 0.5
	}
	h += 5
	return block{h: h, draw: func(y float64) {
		d := t.d
		y = t.lines(qVersion, x, y, w, []string{"Version " + v.Label}) + 1
		d.SetLineWidth(0.2)
		for r := 0; r < rows; r++ {
			for c := 0; c < perRow; c++ {
				i := r*perRow + c
				if i >= len(short) {
					break
				}
				cx := x + float64(c)*cellW
				d.SetFillColor(235, 235, 235)
				d.Rect(cx, y, cellW, cellH, "FD")
				d.Rect(cx, y+cellH, cellW, cellH, "D")
				pad := (cellH - ptmm(kCell.lead)) / 2
				t.centre(kCell, cx, y+pad, cellW, fmt.Sprint(short[i].Number))
				t.centre(kCellB, cx, y+cellH+pad, cellW, short[i].Key)
			}
			y += 2*cellH + 1.5
		}
		for _, l := range longLines {
			y = t.lines(kCell, x, y, w, l) + 0.5
		}
	}}
}

// explainBlock gives one question's answer, explanation and source.
func explainBlock(t text, q *quiz.Quiz, qu *quiz.Question, pos []string, published string, x, w float64) block {
	where := strings.Join(pos, " ")
	if len(pos) > 12 {
		where = strings.Join(pos[:12], " ") + " …"
	}
	head := t.wrap(kLabel, fmt.Sprintf("%s (%s): %s", where, qu.Form.Name(), qu.Prompt), w)
	answer := t.wrap(kBody, "Answer: "+qu.Correct, w-4)
	var explain, source []string
	if qu.Explain != "" {
		explain = t.wrap(kBody, qu.Explain, w-4)
	}
	if qu.Source != "" {
		source = t.wrap(kQuote, "“"+inQuotes(qu.Source)+"” ("+q.Article.Outlet+", "+published+")", w-4)
	}
	h := kLabel.height(len(head)) + kBody.height(len(answer)+len(explain)) + kQuote.height(len(source)) + 4
	return block{h: h, draw: func(y float64) {
		y = t.lines(kLabel, x, y, w, head)
		y = t.lines(kBody, x+4, y, w-4, answer)
		y = t.lines(kBody, x+4, y, w-4, explain)
		t.setGrey(70)
		t.lines(kQuote, x+4, y, w-4, source)
		t.setGrey(0)
	}}
}
