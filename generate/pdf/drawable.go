package pdf

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/fonts"
)

// Undrawable is the error of a document that would hold characters the
// PDF fonts cannot draw (Persian, Arabic, CJK, emoji): no PDF is made.
// Problems are the bank's texts that hold such characters, at their lines.
type Undrawable struct {
	Runes    []rune
	Problems bank.ErrorList
}

func (e Undrawable) Error() string {
	var b strings.Builder
	for _, p := range e.Problems {
		b.WriteString(p.Error())
		b.WriteByte('\n')
	}
	var rs []string
	for _, r := range e.Runes {
		rs = append(rs, fmt.Sprintf("%U", r))
	}
	fmt.Fprintf(&b, "the PDF fonts cannot draw %s, so no PDF was written; formats other than pdf carry any text (--format json,gift,moodle,qti,kahoot,anki,quizlet,html)", strings.Join(rs, ", "))
	return b.String()
}

// Drawable checks every string v holds (a quiz, a card) against the PDF
// fonts. It returns nil when the fonts draw them all, else Undrawable with
// the bank's texts that hold the characters.
func Drawable(b *bank.Bank, v any) error {
	missing := map[rune]bool{}
	eachString(reflect.ValueOf(v), func(s string) {
		for _, r := range s {
			if !fonts.Covers(r) && r != '\r' {
				missing[r] = true
			}
		}
	})
	if len(missing) == 0 {
		return nil
	}
	e := Undrawable{}
	for r := range missing {
		e.Runes = append(e.Runes, r)
	}
	sort.Slice(e.Runes, func(i, j int) bool { return e.Runes[i] < e.Runes[j] })
	for _, p := range b.Undrawable {
		for _, r := range e.Runes {
			if strings.Contains(p.Msg, fmt.Sprintf("%U", r)) {
				e.Problems = append(e.Problems, p)
				break
			}
		}
	}
	if len(e.Problems) == 0 {
		e.Problems = b.Undrawable
	}
	return e
}

// eachString calls f with every string reachable from v.
func eachString(v reflect.Value, f func(string)) {
	switch v.Kind() {
	case reflect.String:
		f(v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(v.Elem(), f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachString(v.Field(i), f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachString(v.Index(i), f)
		}
	}
}
