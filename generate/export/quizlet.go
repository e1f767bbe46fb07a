package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
)

// Quizlet writes the quiz as text to paste into Quizlet's import box: one
// card a line, term TAB definition, with tabs and line breaks in the texts
// replaced by spaces. Matching questions give one card a pair.
func Quizlet(w io.Writer, q *quiz.Quiz, _ Options) ([]Note, error) {
	bw := bufio.NewWriter(w)
	n := newNoter("quizlet")
	card := func(it item, term, def string) {
		term, def = quizletField(term), quizletField(def)
		if term == "" || def == "" {
			n.reject(it, "a card would have an empty side")
			return
		}
		fmt.Fprintf(bw, "%s\t%s\n", term, def)
		n.written++
	}
	for _, it := range items(q) {
		qu := it.q
		switch qu.Form {
		case quiz.MC:
			card(it, qu.Prompt, it.choices[it.answer])
		case quiz.TF:
			card(it, qu.Prompt+" (true or false?)", qu.Correct)
		case quiz.Match:
			for i := range qu.Left {
				card(it, qu.Left[i], qu.Right[i])
			}
		case quiz.Order:
			card(it, qu.Prompt+" "+strings.Join(it.choices, "; "), strings.Join(qu.Items, " → "))
		}
	}
	return n.done(bw.Flush())
}

// quizletField puts a text on one line with no tab.
func quizletField(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ").Replace(s))
}
