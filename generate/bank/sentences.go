package bank

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A Span is a stretch of the article text, in bytes: Text[Start:End].
type Span struct{ Start, End int }

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cmdr": true,
	"adm": true, "gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "pres": true,
	"mt": true, "ft": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "nos": true, "vol": true, "vs": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "bros": true, "ave": true, "blvd": true, "rd": true, "approx": true,
	"est": true, "fig": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true,
}

// Sentences splits text into sentences: a blank line always ends one, and
// so does . ! or ? (with any closing quotes or brackets after it) before
// white space and a capital letter, a digit or an opening quote, unless the
// full stop ends an abbreviation ("Sept.", "Mr.") or initials ("U.S.",
// "J."). Spans are trimmed of white space; empty ones are left out.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			// A blank line (only white space between two newlines) ends
			// a paragraph.
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				emit(i)
			}
		case r == '.' || r == '!' || r == '?':
			end := i + n
			for end < len(text) {
				c, m := utf8.DecodeRuneInString(text[end:])
				if !strings.ContainsRune(`"'”’»)]`, c) {
					break
				}
				end += m
			}
			// A closing quote after the full stop ends a quoted sentence
			// even after an abbreviation ("…for the U.S.").
			if r == '.' && end == i+n && abbreviated(text[:i], text[end:]) {
				break
			}
			if startsSentence(text[end:]) {
				emit(end)
				i = end
				continue
			}
		}
		i += n
	}
	emit(len(text))
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// abbreviated reports whether the word just before a full stop at the end
// of s is an abbreviation or an initial; next is the text after the stop.
func abbreviated(s, next string) bool {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= n
	}
	word := strings.ToLower(s[i:])
	if word == "" {
		return false
	}
	switch word {
	case "no", "nos", "vol", "fig":
		// Only before a number: "No. 5", but "He said no. Then…".
		t := strings.TrimLeft(next, " ")
		return t != "" && t[0] >= '0' && t[0] <= '9'
	}
	if abbreviations[word] {
		return true
	}
	// Initials: "J", "U.S", "D.C": single letters joined by full stops.
	for _, part := range strings.Split(word, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// startsSentence reports whether s (the text after a sentence mark) begins
// with white space and then what can start a sentence.
func startsSentence(s string) bool {
	t := strings.TrimLeft(s, " \t\r\n")
	if t == "" {
		return true
	}
	if len(t) == len(s) {
		return false // no white space: "3.5", "U.S.-backed"
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘«(`, r)
}

// sentenceIndex is the article's sentences folded for finding excerpts.
type sentenceIndex struct {
	spans  []Span
	folded string // every sentence folded as foldExcerpt does, joined by spaces
	starts []int  // where sentence i starts in folded
}

var indexMu sync.Mutex

func (b *Bank) sentenceIndex() *sentenceIndex {
	indexMu.Lock()
	defer indexMu.Unlock()
	if b.sentences != nil {
		return b.sentences
	}
	x := &sentenceIndex{spans: Sentences(b.Article.Text)}
	var sb strings.Builder
	for _, sp := range x.spans {
		f := foldExcerpt(b.Article.Text[sp.Start:sp.End])
		if sb.Len() > 0 && f != "" {
			sb.WriteByte(' ')
		}
		x.starts = append(x.starts, sb.Len())
		sb.WriteString(f)
	}
	x.folded = sb.String()
	b.sentences = x
	return x
}

// Sentences returns the article's sentences (see the function Sentences).
func (b *Bank) Sentences() []Span { return b.sentenceIndex().spans }

// SentencesOf returns the indices of the article sentences that excerpt
// lies in, compared as check compares excerpts; nil when it is not in the
// text.
func (b *Bank) SentencesOf(excerpt string) []int {
	x := b.sentenceIndex()
	f := foldExcerpt(excerpt)
	at := strings.Index(x.folded, f)
	if f == "" || at < 0 {
		return nil
	}
	var out []int
	for i, s := range x.starts {
		end := len(x.folded)
		if i+1 < len(x.starts) {
			end = x.starts[i+1]
		}
		if s < at+len(f) && at < end && end > s {
			out = append(out, i)
		}
	}
	return out
}
