package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
)

// GIFT writes the quiz in Moodle's GIFT format: a $CATEGORY block for the
// article, then one block per question: a "// [id:…] [tag:…]" comment
// that Moodle 4.x and the GIFT grammar read as idnumber and tags, the
// question's readable name, [html] text escaped exactly as Moodle's own
// exporter escapes, feedback on wrong options, and the explanation and
// source as general feedback. Ordering questions have no standard GIFT
// form and are left out with a note.
func GIFT(w io.Writer, q *quiz.Quiz, opt Options) ([]Note, error) {
	bw := bufio.NewWriter(w)
	n := newNoter("gift")
	fmt.Fprintf(bw, "// %s\n// made by quizcard, seed %d\n\n", oneLine(q.Title), q.Seed)
	group := "\x00"
	for _, it := range items(q) {
		qu := it.q
		// One category for the article, or one per group of a pool.
		if qu.Group != group {
			group = qu.Group
			cat := groupCategory(q, group)
			fmt.Fprintf(bw, "// question: 0  name: Switch category to %s\n$CATEGORY: %s\n", oneLine(cat), oneLine(cat))
		}
		var body strings.Builder
		switch qu.Form {
		case quiz.MC:
			for i, c := range it.choices {
				mark := "~"
				if i == it.answer {
					mark = "="
				}
				fmt.Fprintf(&body, "\t%s%s%s\n", mark, giftLead(EscapeGIFT(htmlText(c))), giftComment(it.whyNot(i)))
			}
		case quiz.TF:
			// The first # text is shown to a student who picks the wrong
			// value; on a false statement that is "True", choice 0.
			answer, wrongWhy := "TRUE", it.whyNot(1)
			if qu.Answer == 1 {
				answer, wrongWhy = "FALSE", it.whyNot(0)
			}
			fmt.Fprintf(&body, "\t%s%s\n", answer, giftComment(wrongWhy))
		case quiz.Match:
			ok := true
			for i := range qu.Left {
				if strings.Contains(qu.Left[i], "->") || strings.Contains(qu.Right[i], "->") {
					ok = false
				}
			}
			for _, x := range qu.Extra {
				ok = ok && !strings.Contains(x, "->")
			}
			if !ok {
				n.reject(it, `a text contains "->", which GIFT matching cannot escape`)
				continue
			}
			for i := range qu.Left {
				fmt.Fprintf(&body, "\t=%s -> %s\n", giftLead(EscapeGIFT(htmlText(qu.Left[i]))), EscapeGIFT(plain(qu.Right[i])))
			}
			// A response that matches no one has an empty left side: the
			// importer keeps it as a subquestion without text, which
			// qtype_match offers as an extra wrong answer.
			for _, x := range qu.Extra {
				fmt.Fprintf(&body, "\t= -> %s\n", EscapeGIFT(plain(x)))
			}
		case quiz.Order:
			n.skip(it, "GIFT has no standard ordering question; --format moodle carries it")
			continue
		}
		fmt.Fprintf(bw, "\n// question: %s  name: %s\n// [id:%s]%s\n", qu.ID, oneLine(Title(qu)), giftBracket(ID(qu)), giftTags(qu))
		fmt.Fprintf(bw, "::%s::[html]%s{\n%s", EscapeGIFT(Title(qu)), EscapeGIFT(para(qu.Prompt)), body.String())
		if fb := feedback(q, qu); fb != "" {
			fmt.Fprintf(bw, "\t####%s\n", EscapeGIFT(fb))
		}
		fmt.Fprintf(bw, "}\n")
		n.written++
	}
	if opt.points() != 1 {
		n.extra = append(n.extra, Note(fmt.Sprintf("gift: GIFT has no points: Moodle gives each question 1 point, not %s (--format moodle carries --points)", num(opt.points()))))
	}
	return n.done(bw.Flush())
}

// giftLead guards the start of an escaped HTML answer, comment or
// matching item: Moodle reads "%50%…" after "~" as a weight, and the GIFT
// grammar after "=" too; Moodle reads a leading "[html]", "[plain]"… as a
// format. The first character becomes an HTML reference ("&#37;", its "#"
// escaped), which both read as text and a browser shows as the character.
func giftLead(s string) string {
	switch {
	case strings.HasPrefix(s, "%"):
		return `&\#37;` + s[1:]
	case strings.HasPrefix(s, "["):
		return `&\#91;` + s[1:]
	}
	return s
}

// giftComment writes the feedback for one answer: "#text", or "".
func giftComment(why string) string {
	if why == "" {
		return ""
	}
	return "#" + giftLead(EscapeGIFT(htmlText(why)))
}

// giftTags writes the question's tags for the id comment.
func giftTags(qu *quiz.Question) string {
	s := " [tag:quizcard]"
	if qu.Kind != "" {
		s += " [tag:" + giftBracket(qu.Kind) + "]"
	}
	return s
}

// giftBracket escapes "]" in an [id:…] or [tag:…] value as Moodle's
// write_idnumber_and_tags does, on one line.
func giftBracket(s string) string { return strings.ReplaceAll(oneLine(s), "]", `\]`) }

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

// oneLine keeps user text on one line in a comment or category line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
