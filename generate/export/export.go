// Package export writes a quiz for learning platforms and flashcard apps:
// one file per format (GIFT, Moodle XML, Canvas QTI, Kahoot, Anki, Quizlet,
// a self-contained HTML quiz). Each exporter takes the quiz that
// quiz.Build made (the same contract as quiz.json) and writes the first
// version's question and option order, so right answers are spread over
// the letters even where a platform does not shuffle.
package export

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/quiz"
)

// A Note is one line for the user about what a format could not carry:
// questions left out and why. Nothing is ever cut silently.
type Note string

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

// item is a question as exports write it: version A's position and order.
type item struct {
	n       int // 1-based position in version A
	q       *quiz.Question
	choices []string // shown order (mc, tf: options; match: right column with its extras; order: items)
	answer  int      // mc, tf: index of the right choice in choices
	pos     []int    // match: pos[i] = index in choices of q.Right[i]; order: index in choices of q.Items[i]
}

// items returns the quiz's questions in version A's order.
func items(q *quiz.Quiz) []item {
	if len(q.Versions) == 0 {
		return nil
	}
	var out []item
	for _, it := range q.Versions[0].Items {
		qu := q.Question(it.Question)
		x := item{n: it.Number, q: qu, choices: qu.Shown(it)}
		x.pos = make([]int, len(it.Order))
		for shown, orig := range it.Order {
			x.pos[orig] = shown
			if orig == qu.Answer {
				x.answer = shown
			}
		}
		if qu.Form == quiz.Match {
			x.pos = x.pos[:len(qu.Right)] // the extra responses match nothing
		}
		out = append(out, x)
	}
	return out
}

// noter collects the questions a format leaves out, by form.
type noter struct {
	format string
	left   map[quiz.Form][]string
	why    map[quiz.Form]string
	extra  []Note
}

func newNoter(format string) *noter {
	return &noter{format: format, left: map[quiz.Form][]string{}, why: map[quiz.Form]string{}}
}

// skip leaves out a question the format cannot carry in its form.
func (n *noter) skip(it item, why string) {
	n.left[it.q.Form] = append(n.left[it.q.Form], it.q.ID)
	n.why[it.q.Form] = why
}

// reject leaves out one question that does not fit the format's limits.
func (n *noter) reject(it item, why string) {
	n.extra = append(n.extra, Note(fmt.Sprintf("%s: left out %s (%s): %s", n.format, it.q.ID, Name(it.q), why)))
}

func (n *noter) notes() []Note {
	var out []Note
	for _, f := range quiz.Forms {
		if ids := n.left[f]; len(ids) > 0 {
			out = append(out, Note(fmt.Sprintf("%s: left out %d %s %s (%s): %s", n.format, len(ids), f.Name(),
				plural(len(ids), "question"), strings.Join(ids, ", "), n.why[f])))
		}
	}
	return append(out, n.extra...)
}

// Name returns a question's stable name, derived from its fact id (or, for
// matching and ordering, from its entities), so re-imports update rather
// than duplicate.
func Name(q *quiz.Question) string {
	if len(q.Facts) == 1 {
		return q.Facts[0]
	}
	ids := append([]string(nil), q.Entities...)
	sort.Strings(ids)
	sum := sha256.Sum256([]byte(strings.Join(ids, "\x00")))
	return string(q.Form) + "-" + hex.EncodeToString(sum[:])[:10]
}

// feedback is a question's explanation and source, as HTML.
func feedback(q *quiz.Quiz, qu *quiz.Question) string {
	var b strings.Builder
	if qu.Correct != "" && qu.Form != quiz.MC {
		fmt.Fprintf(&b, "<p>Answer: %s</p>", htmlText(qu.Correct))
	}
	if qu.Explain != "" {
		fmt.Fprintf(&b, "<p>%s</p>", htmlText(qu.Explain))
	}
	if qu.Source != "" {
		fmt.Fprintf(&b, "<p>Source: “%s” (%s, %s)</p>", htmlText(qu.Source),
			htmlText(q.Article.Outlet), htmlText(humanDate(q.Article.Date)))
	}
	return b.String()
}

// plainFeedback is feedback as one line of plain text.
func plainFeedback(q *quiz.Quiz, qu *quiz.Question) string {
	var parts []string
	if qu.Explain != "" {
		parts = append(parts, qu.Explain)
	}
	if qu.Source != "" {
		parts = append(parts, fmt.Sprintf("Source: “%s” (%s, %s)", qu.Source, q.Article.Outlet, humanDate(q.Article.Date)))
	}
	return strings.Join(parts, " ")
}

func humanDate(iso string) string {
	if d, err := bank.ParseDate(iso); err == nil {
		return d.String()
	}
	return iso
}

// htmlText escapes text for HTML element content: & < > only, so quotes
// stay readable in formats that show the source.
func htmlText(s string) string { return htmlEscaper.Replace(s) }

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// para wraps escaped text in a paragraph.
func para(s string) string { return "<p>" + htmlText(s) + "</p>" }

// category is the question-bank path for the quiz's article: no slashes,
// which platforms read as levels.
func category(q *quiz.Quiz) string {
	return strings.NewReplacer("/", "-", "\n", " ").Replace(q.Article.Title)
}

// xmlChars reports whether s is text a bank can hold and XML can carry
// unchanged: valid UTF-8, no control characters but tab and newline (the
// bank refuses the others, and XML turns \r\n into \n).
func xmlChars(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) {
			return false
		}
	}
	return true
}
