package bank

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// This file holds what turns a refusal into advice: which id a name
// means, which table a misspelt header means, what a date written another
// way is, why a string ended early, where an excerpt differs from the
// article.

// didYouMean returns ` (did you mean "macron"?)` when s, which is not an
// entity id, is the name, an alias or a near spelling of one entity in
// pools (any pool when none is given).
func (b *Bank) didYouMean(s string, pools ...Pool) string {
	if id := b.meant(s, pools); id != "" {
		return fmt.Sprintf(" (did you mean %q?)", id)
	}
	return ""
}

func (b *Bank) meant(s string, pools []Pool) string {
	want := Fold(s)
	if want == "" {
		return ""
	}
	var byName, byNear []string
	bestD := max(1, len(want)/4) + 1
	for _, e := range b.Entities {
		if len(pools) > 0 && !inPools(e.Pool, pools) {
			continue
		}
		for _, n := range append(Names(e), e.ID) {
			if Fold(n) == want {
				byName = append(byName, e.ID)
				break
			}
		}
		if d := editDistance(want, e.ID); d < bestD {
			bestD, byNear = d, []string{e.ID}
		} else if d == bestD && d <= max(1, len(want)/4) {
			byNear = append(byNear, e.ID)
		}
	}
	switch {
	case len(byName) == 1:
		return byName[0]
	case len(byName) == 0 && len(byNear) == 1:
		return byNear[0]
	}
	return ""
}

// tableNames maps what people write for a table to the table quizcard
// reads: [[person]] is [[people]].
var tableNames = map[string]string{
	"person": "people", "persons": "people", "peoples": "people", "group": "groups",
	"place": "places", "deal": "deals", "event": "events", "fact": "facts",
	"matchings": "matching", "match": "matching", "articles": "article", "entities": "people",
	"organisations": "groups", "organizations": "groups", "countries": "groups", "country": "groups",
	"cities": "places", "city": "places", "quotes": "facts", "question": "facts", "questions": "facts",
}

// SuggestDate turns a date written another way into the bank's form:
// "May 2018" → "2018-05", "11/03/2019" (US style) → "2019-11-03",
// "Sunday, November 3, 2019" → "2019-11-03", "23 August" → "--08-23".
func SuggestDate(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	for _, l := range []struct{ layout, out string }{
		{"January 2006", "2006-01"}, {"Jan 2006", "2006-01"}, {"Jan. 2006", "2006-01"},
		{"January 2, 2006", "2006-01-02"}, {"January 2 2006", "2006-01-02"}, {"2 January 2006", "2006-01-02"},
		{"Jan 2, 2006", "2006-01-02"}, {"Jan. 2, 2006", "2006-01-02"}, {"2 Jan 2006", "2006-01-02"},
		{"Monday, January 2, 2006", "2006-01-02"}, {"Monday January 2, 2006", "2006-01-02"},
		{"Monday, 2 January 2006", "2006-01-02"}, {"Monday 2 January 2006", "2006-01-02"},
		{"1/2/2006", "2006-01-02"}, {"01/02/2006", "2006-01-02"}, {"2006/01/02", "2006-01-02"},
		{"2006-1-2", "2006-01-02"}, {"2006-1", "2006-01"}, {"2006.01.02", "2006-01-02"},
		{"January 2", "--01-02"}, {"2 January", "--01-02"}, {"Jan 2", "--01-02"}, {"2 Jan", "--01-02"},
		{"Monday, January 2", "--01-02"}, {"Monday January 2", "--01-02"},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t.Format(l.out), true
		}
	}
	return "", false
}

// dateFormError is ParseDate's refusal of a date in another form, with
// the bank's form of it when SuggestDate finds one.
func dateFormError(s string) error {
	if d, ok := SuggestDate(s); ok {
		return fmt.Errorf("date %q: write it %q (YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD without a year)", s, d)
	}
	if _, ok := weekdays[strings.ToLower(s)]; ok {
		return fmt.Errorf("date %q: a weekday is a date only in a bank, worked out from the article's date; elsewhere write the day with the year in brackets, e.g. \"[2019-10-30]\"", s)
	}
	return fmt.Errorf("date %q: want YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD", s)
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// basicString matches `key = "…"…` on one line; literalString `key = '…'…`.
var (
	basicString   = regexp.MustCompile(`^(\s*[A-Za-z0-9_.-]+\s*=\s*)"(.*)"\s*(#.*)?$`)
	literalString = regexp.MustCompile(`^(\s*[A-Za-z0-9_.-]+\s*=\s*)'(.*)'\s*(#[^']*)?$`)
)

// quoteHint explains the TOML error a `"` inside a basic string, or a `'`
// inside a literal string, causes: the string ends at that quote and the
// rest of the line is left over. line is the offending line and col the
// 1-based column of the error; "" when the error is not of that kind.
func quoteHint(line string, col int) string {
	if col < 2 || col-2 >= len(line) {
		return ""
	}
	before := strings.TrimRight(line[:col-1], " ")
	if before == "" {
		return ""
	}
	switch before[len(before)-1] {
	case '"':
		return basicHint(line)
	case '\'':
		return literalHint(line)
	}
	return ""
}

// basicHint is quoteHint's advice for a `"` inside a "…" string.
func basicHint(line string) string {
	m := basicString.FindStringSubmatch(line)
	if m == nil {
		return `the string ended early at a " inside it: write \" for a quote inside a "…" string, or use a literal '…' string`
	}
	inner := m[2]
	fix := m[1] + `"` + strings.ReplaceAll(strings.ReplaceAll(inner, `\"`, `"`), `"`, `\"`) + `"`
	if !strings.Contains(inner, "'") {
		fix = m[1] + "'" + strings.ReplaceAll(inner, `\"`, `"`) + "'"
	}
	return fmt.Sprintf("the string ended early at a \" inside it: write %s (a literal '…' string keeps \" as it is; in a \"…\" string write \\\")", strings.TrimSpace(fix))
}

// literalHint is quoteHint's advice for an apostrophe inside a '…'
// string, which has no escapes: the string ends there. The line is shown
// rewritten in "…" quotes, or, when it holds a " or a backslash, as a
// triple-quoted literal string (with ’ when even that cannot hold it); an
// apostrophe doubled or written \' (escapes other languages use) is taken
// for one.
func literalHint(line string) string {
	const why = "the string ended early at a ' inside it (a '…' string ends at the next apostrophe)"
	m := literalString.FindStringSubmatch(line)
	if m == nil {
		return why + `: use "…" quotes, the typographic apostrophe ’, or a '''…''' multi-line literal string`
	}
	inner := strings.NewReplacer(`\'`, "'", "''", "'").Replace(m[2])
	var fix, or string
	switch {
	case !strings.ContainsAny(inner, `"\`):
		fix = m[1] + `"` + inner + `"`
		or = "write ’, the typographic apostrophe, or use a '''…''' multi-line literal string"
	case !strings.Contains(inner, "''") && !strings.HasSuffix(inner, "'"):
		fix = m[1] + "'''" + inner + "'''"
		or = `write ’, the typographic apostrophe, or use "…" quotes, writing \" for " and \\ for \`
	default:
		fix = m[1] + "'" + strings.ReplaceAll(inner, "'", "’") + "'"
		or = `use "…" quotes, writing \" for " and \\ for \`
	}
	return fmt.Sprintf("%s: write %s (or %s)", why, strings.TrimSpace(fix), or)
}

// closest finds the passage of text most like excerpt, word for word, and
// says where they differ: `closest passage: "…"; it has "Y" where the
// excerpt has "X"`.
func closest(text, excerpt string) string {
	ew := strings.Fields(excerpt)
	tw := strings.Fields(text)
	if len(ew) == 0 || len(tw) == 0 {
		return ""
	}
	key := func(w string) string { return foldExcerpt(w) }
	n := len(ew)
	best, bestAt := -1, 0
	want := map[string]int{}
	for _, w := range ew {
		want[key(w)]++
	}
	for i := 0; i < len(tw); i++ {
		// Words in common, in any order: an added or dropped word does
		// not hide the passage.
		score := 0
		have := map[string]int{}
		for k := 0; k < n && i+k < len(tw); k++ {
			w := key(tw[i+k])
			if have[w] < want[w] {
				score += 2
			}
			if w == key(ew[k]) {
				score++ // in the same place: breaks ties
				if k == 0 {
					score++
				}
			}
			have[w]++
		}
		if score > best {
			best, bestAt = score, i
		}
	}
	if best < 2*max(2, n/3) {
		return ""
	}
	passage := tw[bestAt:min(len(tw), bestAt+n)]
	for k := range ew {
		if k >= len(passage) || key(passage[k]) != key(ew[k]) {
			has := ""
			if k < len(passage) {
				has = passage[k]
			}
			return fmt.Sprintf("; the closest passage is %q: it has %q where the excerpt has %q", clip(strings.Join(passage, " "), 80), has, ew[k])
		}
	}
	return ""
}

// excerptHint says why an excerpt is not found: an omission, or where it
// differs from the closest passage.
func excerptHint(text, excerpt string) string {
	if strings.Contains(excerpt, "...") || strings.Contains(excerpt, "…") || strings.Contains(excerpt, "[...]") && !strings.Contains(text, "[...]") {
		return "; an excerpt is one unbroken passage: \"...\" omissions are not allowed (quote one part, or write two facts)"
	}
	return closest(text, excerpt)
}

// rewriteAnswer says which key to write a fact's answer under when it
// was written under the wrong one for its kind: `date = "2018-05"`.
func rewriteAnswer(b *Bank, f Fact, want ValueType) string {
	raw := ""
	switch f.Answer.Type {
	case EntityValue:
		raw = f.Answer.Entity
	case DateValue:
		raw = f.Answer.Date.ISO()
	case NumberValue:
		raw = f.Answer.Number.Digits()
	}
	switch want {
	case DateValue:
		if _, err := ParseDate(raw); err == nil {
			return fmt.Sprintf(": write date = %q", raw)
		}
		if d, ok := SuggestDate(raw); ok {
			return fmt.Sprintf(": write date = %q", d)
		}
		return `: write date = "YYYY-MM-DD" (or "YYYY", "YYYY-MM", "--MM-DD")`
	case NumberValue:
		fields := strings.Fields(raw)
		if len(fields) > 0 {
			if n, err := ParseNumber(fields[0]); err == nil {
				s := ": write number = " + n.Digits()
				if len(fields) > 1 {
					s += fmt.Sprintf(" and unit = %q", strings.Join(fields[1:], " "))
				}
				return s
			}
		}
		return ": write number = 123 (and unit = \"…\")"
	}
	if id := b.meant(raw, nil); id != "" {
		return fmt.Sprintf(": write answer = %q", id)
	}
	return ": write answer = \"an-entity-id\""
}
