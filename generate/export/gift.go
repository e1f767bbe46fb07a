package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
)

// GIFT writes the quiz in Moodle's GIFT format: a $CATEGORY block for the
// article, then one block per question named by its fact id, in [html]
// format, escaped exactly as Moodle's own exporter escapes, with the
// explanation and source as general feedback. Ordering questions have no
// GIFT form and are left out with a note.
func GIFT(w io.Writer, q *quiz.Quiz) ([]Note, error) {
	bw := bufio.NewWriter(w)
	n := newNoter("gift")
	cat := "$course$/top/" + category(q)
	fmt.Fprintf(bw, "// %s\n// made by quizcard, seed %d\n\n", oneLine(q.Title), q.Seed)
	fmt.Fprintf(bw, "// question: 0  name: Switch category to %s\n$CATEGORY: %s\n", oneLine(cat), oneLine(cat))
	for _, it := range items(q) {
		qu := it.q
		var body strings.Builder
		switch qu.Form {
		case quiz.MC:
			for i, c := range it.choices {
				mark := "~"
				if i == it.answer {
					mark = "="
				}
				fmt.Fprintf(&body, "\t%s%s\n", mark, giftAnswer(mark, EscapeGIFT(htmlText(c))))
			}
		case quiz.TF:
			fmt.Fprintf(&body, "\t%s\n", map[bool]string{true: "TRUE", false: "FALSE"}[qu.Answer == 0])
		case quiz.Match:
			ok := true
			for i := range qu.Left {
				if strings.Contains(qu.Left[i], "->") || strings.Contains(qu.Right[i], "->") {
					ok = false
				}
			}
			if !ok {
				n.reject(it, `a text contains "->", which GIFT matching cannot escape`)
				continue
			}
			for i := range qu.Left {
				fmt.Fprintf(&body, "\t=%s -> %s\n", EscapeGIFT(htmlText(qu.Left[i])), EscapeGIFT(qu.Right[i]))
			}
		case quiz.Order:
			n.skip(it, "GIFT has no ordering questions")
			continue
		}
		name := Name(qu)
		fmt.Fprintf(bw, "\n// question: %s  fact: %s\n", qu.ID, oneLine(name))
		fmt.Fprintf(bw, "::%s::[html]%s{\n%s", EscapeGIFT(name), EscapeGIFT(para(qu.Prompt)), body.String())
		if fb := feedback(q, qu); fb != "" {
			fmt.Fprintf(bw, "\t####%s\n", EscapeGIFT(fb))
		}
		fmt.Fprintf(bw, "}\n")
	}
	return n.notes(), bw.Flush()
}

// giftAnswer guards an answer text that starts with "%": Moodle would read
// "%50%..." as a weight, so the weight is written out.
func giftAnswer(mark, s string) string {
	if strings.HasPrefix(s, "%") {
		if mark == "=" {
			return "%100%" + s
		}
		return "%0%" + s
	}
	return s
}

// EscapeGIFT escapes text the way Moodle's GIFT exporter does (repchar):
// backslash first, then ~ = # { } :, newlines as \n, carriage returns
// dropped.
func EscapeGIFT(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '~', '=', '#', '{', '}', ':':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// UnescapeGIFT reverses EscapeGIFT as Moodle's importer does.
func UnescapeGIFT(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch c := s[i+1]; c {
			case '\\', '~', '=', '#', '{', '}', ':':
				b.WriteByte(c)
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// oneLine keeps user text on one line in a comment or category line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
