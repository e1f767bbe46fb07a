// Package english words counts and sentences in English for messages and
// printed text: "1 page", "2 pages", a capital at the start of a sentence.
package english

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// PluralWord returns singular when n is 1 and plural otherwise; an empty
// plural stands for singular+"s". PluralWord(2, "problem", "") is
// "problems", PluralWord(1, "person", "people") is "person".
func PluralWord(n int, singular, plural string) string {
	if n == 1 {
		return singular
	}
	if plural == "" {
		return singular + "s"
	}
	return plural
}

// Plural returns n and the word PluralWord picks for it: Plural(1, "page",
// "") is "1 page", Plural(3, "page", "") is "3 pages".
func Plural(n int, singular, plural string) string {
	return strconv.Itoa(n) + " " + PluralWord(n, singular, plural)
}

// Capitalise returns s with its first letter in upper case, for text that
// starts a sentence: "the U.S." becomes "The U.S.". An empty s, or one
// that does not start with a valid UTF-8 character, comes back unchanged.
func Capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n <= 1 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
