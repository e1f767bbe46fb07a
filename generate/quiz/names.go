package quiz

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/bank"
)

// This file decides when a text names something: an entity (by its name,
// short name or an alias), a date (in any of the ways articles write one)
// or a number (in digits, or in words before its unit). The rules that
// keep a paper from giving answers away all rest on it.

// normalize folds the typographic variants of quotes, dashes and spaces
// away but keeps case, so that acronyms can be told from words ("US" is
// not "us").
func normalize(s string) string { return bank.FoldTypography(s) }

// wordRune reports whether r continues a word or a number: a name is
// found in a text only between runes that do not.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+'
}

// acronym reports whether s is written in capitals only ("US", "UN",
// "JCPOA", "U.S."): such names are matched case-sensitively.
func acronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters > 0 && letters <= 6
}

// has reports whether text (normalized) holds name (normalized) as a whole
// word or phrase: not inside a longer word or number. Acronyms must match
// case; everything else matches regardless of case.
func has(text, name string) bool {
	if name == "" || len(name) > len(text) {
		return false
	}
	exact := acronym(name)
	first := lowerASCII(name[0])
	for i := 0; i+len(name) <= len(text); i++ {
		if lowerASCII(text[i]) != first {
			continue
		}
		seg := text[i : i+len(name)]
		if exact && seg != name || !exact && !strings.EqualFold(seg, name) {
			continue
		}
		end := i + len(name)
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[end:])
		// A decimal point or thousands separator followed by a digit
		// continues a number: "3" is not in "3.5" or "3,000".
		if end+1 < len(text) && (text[end] == '.' || text[end] == ',') && isDigit(text[end+1]) && isDigit(name[len(name)-1]) {
			after = '0'
		}
		if (i == 0 || !wordRune(before)) && (end == len(text) || !wordRune(after) || lastIsPunct(name)) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// lastIsPunct reports whether a name ends in punctuation ("U.S."), after
// which any rune may follow.
func lastIsPunct(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.'
}

// hasAny reports whether text names any of names.
func hasAny(text string, names []string) bool {
	for _, n := range names {
		if has(text, n) {
			return true
		}
	}
	return false
}

// monthAbbrev is how articles abbreviate months ("Sept. 17").
var monthAbbrev = [...]string{"", "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// dateForms returns the ways a text may write d: "3 November 2019",
// "November 3, 2019", "Nov. 3", "November 3", "May 2018", "1979"... A
// year the article does not print is left out, as it cannot give d away
// on its own.
func dateForms(d bank.Date) []string {
	month := ""
	if d.Month > 0 {
		month = time.Month(d.Month).String()
	}
	year := strconv.Itoa(d.Year)
	day := strconv.Itoa(d.Day)
	var out []string
	switch {
	case d.Precision == bank.Year && !d.Inferred:
		out = append(out, year)
	case d.Precision == bank.Month:
		if !d.Inferred {
			out = append(out, month+" "+year, month+", "+year, monthAbbrev[d.Month]+" "+year)
		}
	case d.Precision == bank.Day || d.Precision == bank.MonthDay:
		out = append(out, day+" "+month, month+" "+day, monthAbbrev[d.Month]+" "+day, day+" "+monthAbbrev[d.Month])
	}
	return out
}

// numberWords spells small whole numbers, for finding "four-point" or
// "one hundred percent" in a text.
var numberWords = map[int]string{
	0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
	8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen",
	15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty",
	30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety",
	100: "one hundred", 1000: "one thousand",
}

// numberForms returns the ways a text may write n: its digits with and
// without thousands separators, and, for a small whole number, its word
// followed by the unit ("four-point", "four points", "one hundred percent").
// A bare number word is too common ("one of the ways") to count.
func numberForms(n bank.Number) []string {
	out := []string{n.Digits()}
	if plain := strings.ReplaceAll(n.Digits(), ",", ""); plain != out[0] {
		out = append(out, plain)
	}
	if w, ok := numberWords[int(n.Value)]; ok && n.Decimals == 0 && float64(int(n.Value)) == n.Value && n.Unit != "" {
		one := n.Singular()
		out = append(out, w+" "+n.Unit, w+"-"+one, w+" "+one)
	}
	return out
}

// valueForms returns the ways a text may name v.
func valueForms(b *bank.Bank, v bank.Value) []string {
	switch v.Type {
	case bank.EntityValue:
		if e, ok := b.Entity(v.Entity); ok {
			return bank.Names(e)
		}
	case bank.DateValue:
		return dateForms(v.Date)
	case bank.NumberValue:
		return numberForms(v.Number)
	}
	return nil
}

// named returns the first of names that text holds (both normalized), or
// "": which name of a value a text gives away. Names come longest first
// (see bank.Names), so "Jane Smith" is found before "Smith".
func named(text string, names []string) string {
	for _, n := range names {
		if has(text, n) {
			return n
		}
	}
	return ""
}

// namesOwnAnswer says which name of f's answer, an entity, the question
// holds (n, one of bank.Names), and what to do: rephrase the question
// without it. A surname is a name of every person automatically, so one
// relative's full name names another: the message says so, and suggests
// calling that relative by role.
func (g *gen) namesOwnAnswer(f *bank.Fact, n string) error {
	e, _ := g.b.Entity(f.Answer.Entity)
	const msg = "the question names its own answer"
	fold := bank.Fold(n)
	bare := strings.TrimPrefix(strings.TrimPrefix(e.Name, "the "), "The ")
	words := strings.Fields(e.Name)
	switch {
	case fold == bank.Fold(e.Name) || fold == bank.Fold(bare):
		return fmt.Errorf("%s: it holds %q, the answer's name: rephrase the question without it", msg, n)
	case slices.ContainsFunc(e.Aliases, func(a string) bool { return bank.Fold(a) == fold }):
		return fmt.Errorf("%s: it holds %q, an alias of %s: rephrase the question without it", msg, n, e.Name)
	case e.Pool == bank.People && len(words) > 1 && fold == bank.Fold(words[len(words)-1]):
		text := normalize(f.Ask)
		for _, o := range g.b.Pool(bank.People) {
			if o.ID == e.ID || !has(text, normalize(o.Name)) || !slices.ContainsFunc(bank.Names(o), func(a string) bool { return bank.Fold(a) == fold }) {
				continue
			}
			call := "by role"
			if role := o.KnownRole(); role != "" {
				call = strconv.Quote("the " + role)
			}
			return fmt.Errorf("%s: it holds %q, the surname of %s, in %s's name (a person's last name names them, so relatives who share it name each other): rephrase the question without %q, e.g. call %s %s",
				msg, n, e.Name, o.Name, n, o.Name, call)
		}
		return fmt.Errorf("%s: it holds %q, the surname of %s (a person's last name names them): rephrase the question without it", msg, n, e.Name)
	case strings.Contains(e.Name, " ("):
		return fmt.Errorf("%s: it holds %q, which %s's name gives in parentheses: rephrase the question without it", msg, n, e.Name)
	}
	return fmt.Errorf("%s: it holds %q, a name of %s in quizcard's table of countries: rephrase the question without it", msg, n, e.Name)
}
