package bank

import (
	"fmt"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/fonts"
)

// CheckText returns why the text s cannot go into a quiz, a card or an
// export, or nil: it holds a control character other than tab and line
// breaks, or a character the PDF fonts cannot draw (above U+FFFF, CJK, ...).
// Bank text and text from flags (a quiz title) go through it alike. what
// names the text in the message: "ask", "--title".
func CheckText(what, s string) error {
	for _, r := range s {
		if control(r) {
			return fmt.Errorf("%s has the control character %U: remove it (quizzes, cards and exports cannot carry it)", what, r)
		}
		if !fonts.Covers(r) {
			return fmt.Errorf("%s has the character %U (%s) that the PDF fonts cannot draw", what, r, runeName(r))
		}
	}
	return nil
}

// control reports the C0 and C1 control characters, DEL and the
// non-characters U+FFFE and U+FFFF, but tab, line feed and carriage
// return, which text may hold.
func control(r rune) bool {
	if r == '\t' || r == '\n' || r == '\r' {
		return false
	}
	return r < 0x20 || (r >= 0x7F && r < 0xA0) || r == 0xFFFE || r == 0xFFFF
}

// MaxTitle is the longest title, in characters, a quiz takes: the quiz
// title flag and the article's title and quiz_title.
const MaxTitle = 200

// CheckTitle returns why s cannot be a quiz title, or nil: it is longer
// than MaxTitle characters, or CheckText refuses it. what names the text
// in the message: "--title".
func CheckTitle(what, s string) error {
	if n := utf8.RuneCountInString(s); n > MaxTitle {
		return titleTooLong(what, n)
	}
	return CheckText(what, s)
}

func titleTooLong(what string, n int) error {
	return fmt.Errorf("%s is %s characters long; a title takes at most %d: shorten it", what, thousands(n), MaxTitle)
}

// titleLengths checks the article's titles against MaxTitle.
func (p *parser) titleLengths(b *Bank, add func(int, string, string, ...any)) {
	for _, t := range []struct{ key, s string }{{"title", b.Article.Title}, {"quiz_title", b.Article.QuizTitle}} {
		if n := utf8.RuneCountInString(t.s); n > MaxTitle {
			add(p.articleLine(t.key), "article", "%v", titleTooLong(t.key, n))
		}
	}
}
