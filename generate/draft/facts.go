package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/fonts"
)

// A Fact is one drafted fact: what quizcard new writes as a [[facts]]
// table with draft = true.
type Fact struct {
	ID, Kind, Ask string
	// Answer is an entity id, a date as the bank writes it ("2018-05",
	// "[2019-10-30]") or a number ("444").
	Answer          string
	Unit, Qualifier string
	Wrong           []string
	Statement       string
	Explain         string
	Source          string // verbatim from the article
	Caption         string
	Sentence        int    // index of the article sentence it comes from
	Item            string // what was extracted: "role", "action", "quote", "date", "number"
}

// maxWords is the longest excerpt a fact quotes; longer sentences are
// cut to the words around the item.
const maxWords = 40

// window returns the part of sentence sp around text[s:e], at most
// maxWords words, cut at word boundaries, and whether it was cut at the
// start and at the end.
func window(text string, sp bank.Span, s, e, maxWords int) (int, int, bool, bool) {
	a, b := sp.Start, sp.End
	if len(strings.Fields(text[a:b])) <= maxWords {
		return a, b, false, false
	}
	// Grow a window from the item, word by word, alternating sides.
	ws, we := s, e
	for len(strings.Fields(text[ws:we])) < maxWords {
		grew := false
		if ws > a {
			i := strings.LastIndexByte(strings.TrimRight(text[a:ws], " "), ' ')
			if i < 0 {
				ws = a
			} else {
				ws = a + i + 1
			}
			grew = true
		}
		if we < b && len(strings.Fields(text[ws:we])) < maxWords {
			i := strings.IndexByte(strings.TrimLeft(text[we:b], " "), ' ')
			lead := len(text[we:b]) - len(strings.TrimLeft(text[we:b], " "))
			if i < 0 {
				we = b
			} else {
				we = we + lead + i
			}
			grew = true
		}
		if !grew {
			break
		}
	}
	// Start after a clause boundary when one is near, rather than in the
	// middle of a phrase.
	if ws > a {
		head := text[ws:s]
		if i := strings.IndexAny(head, ",;:)"); i >= 0 && len(strings.Fields(head[:i])) <= 8 && strings.TrimSpace(head[i+1:]) != "" {
			ws += i + 1
			for ws < s && text[ws] == ' ' {
				ws++
			}
		}
	}
	return ws, we, ws > a, we < b
}

// clipped returns text[a:b] with "…" where it was cut, and item replaced
// by gap when gap is not empty.
func clipped(text string, a, b, s, e int, cutStart, cutEnd bool, gap string) string {
	var sb strings.Builder
	if cutStart {
		sb.WriteString("…")
	}
	if gap != "" {
		sb.WriteString(text[a:s])
		sb.WriteString(gap)
		sb.WriteString(text[e:b])
	} else {
		sb.WriteString(text[a:b])
	}
	if cutEnd {
		sb.WriteString("…")
	}
	return curly(oneLine(sb.String()))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// curly turns straight double quotes into curly ones, so that a quotation
// inside a question reads as one.
func curly(s string) string {
	var b strings.Builder
	open := true
	for i, r := range s {
		if r != '"' {
			b.WriteRune(r)
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if i == 0 || unicode.IsSpace(prev) || prev == '(' || prev == '“' {
			open = true
		} else if !open || unicode.IsLetter(prev) || unicode.IsPunct(prev) {
			open = false
		}
		if open {
			b.WriteRune('“')
		} else {
			b.WriteRune('”')
		}
		open = !open
	}
	return b.String()
}

// drawable reports whether the PDF fonts draw every character of s; a
// fact that quotes what they cannot is left out.
func drawable(s string) bool {
	for _, r := range s {
		if !fonts.Covers(r) {
			return false
		}
	}
	return true
}

// precisionWord says what a date answer is: "Which year", "Which month".
func precisionWord(d bank.Date) string {
	switch d.Precision {
	case bank.Year:
		return "Which year"
	case bank.Month:
		return "Which month"
	case bank.MonthDay:
		return "Which day"
	}
	return "Which date"
}

func trimEnd(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".,;:") }
