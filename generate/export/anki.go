package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
)

// Anki writes the quiz as an Anki text import (Anki 2.1.54+ file headers):
// tab-separated, HTML fields, deck and note type named, and a GUID column
// derived from the fact id, so that importing the file again updates the
// same notes instead of adding copies. Every form fits a front and a back.
func Anki(w io.Writer, q *quiz.Quiz) ([]Note, error) {
	bw := bufio.NewWriter(w)
	deck := "quizcard::" + strings.ReplaceAll(category(q), "::", ":")
	fmt.Fprintf(bw, "#separator:tab\n#html:true\n#notetype:Basic\n#deck:%s\n#columns:Front\tBack\tTags\tGUID\n#tags column:3\n#guid column:4\n", oneLine(deck))
	for _, it := range items(q) {
		qu := it.q
		var front, back strings.Builder
		front.WriteString(htmlText(qu.Prompt))
		switch qu.Form {
		case quiz.MC:
			front.WriteString(htmlList(`ol type="A"`, it.choices))
			fmt.Fprintf(&back, "<b>%s. %s</b>", quiz.Letter(it.answer), htmlText(it.choices[it.answer]))
		case quiz.TF:
			front.WriteString("<br>True or false?")
			fmt.Fprintf(&back, "<b>%s</b>", htmlText(qu.Correct))
		case quiz.Match:
			pairs := make([]string, len(qu.Left))
			for i := range qu.Left {
				pairs[i] = qu.Left[i] + " → " + qu.Right[i]
			}
			front.WriteString(htmlList("ul", qu.Left))
			back.WriteString(htmlList("ul", pairs))
		case quiz.Order:
			front.WriteString(htmlList("ul", it.choices))
			back.WriteString(htmlList("ol", qu.Items))
		}
		if fb := plainFeedback(q, qu); fb != "" {
			fmt.Fprintf(&back, "<br><small>%s</small>", htmlText(fb))
		}
		tags := "quizcard"
		if qu.Kind != "" {
			tags += " " + qu.Kind
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", ankiField(front.String()), ankiField(back.String()), ankiField(tags), ankiField(AnkiGUID(qu)))
	}
	return nil, bw.Flush()
}

// htmlList writes items as an HTML list; tag is "ul", "ol" or an ol with
// attributes.
func htmlList(tag string, items []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<%s>", tag)
	for _, it := range items {
		fmt.Fprintf(&b, "<li>%s</li>", htmlText(it))
	}
	name, _, _ := strings.Cut(tag, " ")
	fmt.Fprintf(&b, "</%s>", name)
	return b.String()
}

// AnkiGUID is a note's stable GUID: the same fact always gives the same one.
func AnkiGUID(q *quiz.Question) string { return "quizcard-" + Name(q) }

// ankiField quotes a field for Anki's CSV reader: inside quotes, tabs and
// line breaks are safe and a quote is doubled; line breaks become <br> and
// tabs spaces anyway, since the fields are HTML.
func ankiField(s string) string {
	s = strings.NewReplacer("\r\n", "<br>", "\n", "<br>", "\r", "<br>", "\t", " ").Replace(s)
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
