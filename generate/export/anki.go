package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
)

// Anki writes the quiz as an Anki text import (Anki 2.1.55+ file headers)
// of Cloze notes, fields in the note type's order (Text, Back Extra), so
// they land right whatever the fields are called in the user's language:
//
//   - every question as a flashcard: the prompt, then its answer as a
//     cloze (matching: one cloze per pair; ordering: one per place);
//   - every fact with a true statement also as the statement with its
//     answer as a cloze.
//
// Back Extra holds the explanation and the source. Each note has a GUID
// from the article and the fact id, and the file asks Anki to update a
// note it already has: re-importing updates the same notes, and two banks
// with a fact of the same id do not overwrite each other's notes.
func Anki(w io.Writer, q *quiz.Quiz, _ Options) ([]Note, error) {
	bw := bufio.NewWriter(w)
	n := newNoter("anki")
	deck := "quizcard::" + strings.ReplaceAll(category(q), "::", ":")
	// "if matches: update current" makes a note with a known GUID update,
	// whatever the user chose for the last import.
	fmt.Fprintf(bw, "#separator:tab\n#html:true\n#notetype:Cloze\n#deck:%s\n#if matches:update current\n#tags column:3\n#guid column:4\n", oneLine(deck))
	seen := map[string]bool{}
	note := func(qu *quiz.Question, text, guid string) {
		if seen[guid] {
			return
		}
		seen[guid] = true
		tags := "quizcard"
		if qu.Kind != "" {
			tags += " " + qu.Kind
		}
		extra := ""
		if fb := plainFeedback(q, qu); fb != "" {
			extra = ankiText(fb)
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", ankiField(text), ankiField(extra), ankiField(tags), ankiField(guid))
		n.written++
	}
	for _, it := range items(q) {
		qu := it.q
		guid := AnkiGUID(q, qu)
		var text strings.Builder
		text.WriteString(ankiText(qu.Prompt))
		switch qu.Form {
		case quiz.MC:
			fmt.Fprintf(&text, "<br>%s", cloze(1, qu.Options[qu.Answer]))
		case quiz.TF:
			if qu.Statement != nil {
				break // the statement note below says it better
			}
			fmt.Fprintf(&text, "<br>True or false? %s", cloze(1, qu.Options[qu.Answer]))
		case quiz.Match:
			text.WriteString("<ul>")
			for i := range qu.Left {
				fmt.Fprintf(&text, "<li>%s: %s</li>", ankiText(qu.Left[i]), cloze(i+1, qu.Right[i]))
			}
			text.WriteString("</ul>")
		case quiz.Order:
			text.WriteString("<ol>")
			for i := range qu.Items {
				fmt.Fprintf(&text, "<li>%s</li>", cloze(i+1, qu.Items[i]))
			}
			text.WriteString("</ol>")
		}
		if qu.Form != quiz.TF || qu.Statement == nil {
			note(qu, text.String(), guid)
		}
		if s := qu.Statement; s != nil {
			note(qu, ankiText(s.Before)+cloze(1, s.Answer)+ankiText(s.After), guid+"-statement")
		}
	}
	return n.done(bw.Flush())
}

// AnkiGUID is a note's stable GUID: the article's hash and the question's
// id, so the same fact of the same bank always gives the same note.
func AnkiGUID(q *quiz.Quiz, qu *quiz.Question) string {
	return "quizcard-" + bankID(q) + "-" + ID(qu)
}

// plainFeedback is a question's explanation and source as one line.
func plainFeedback(q *quiz.Quiz, qu *quiz.Question) string {
	var parts []string
	if qu.Explain != "" {
		parts = append(parts, qu.Explain)
	}
	if qu.Source != "" {
		parts = append(parts, fmt.Sprintf("Source: “%s” (%s)", qu.Source, sourceLine(q)))
	}
	return strings.Join(parts, " ")
}

// ankiText is text for an HTML field in which "{{" must not open a cloze.
func ankiText(s string) string {
	return strings.NewReplacer("{", "&#123;", "}", "&#125;").Replace(htmlText(s))
}

// cloze hides s as cloze number k; ":" is written as a reference so that
// "::" in the text does not start a hint.
func cloze(k int, s string) string {
	return fmt.Sprintf("{{c%d::%s}}", k, strings.ReplaceAll(ankiText(s), ":", "&#58;"))
}

// ankiField quotes a field for Anki's CSV reader: inside quotes, tabs and
// line breaks are safe and a quote is doubled; line breaks become <br> and
// tabs spaces anyway, since the fields are HTML.
func ankiField(s string) string {
	s = strings.NewReplacer("\r\n", "<br>", "\n", "<br>", "\r", "<br>", "\t", " ").Replace(s)
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
