package draft

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/quizcard/quizcard/generate/bank"
)

// A dateMention is a date the article gives, as written, and what it
// means: absolute ("May 2018"), a day and month without a year ("23
// August", kept so), or a weekday or relative date ("Sunday", "last
// month") resolved against the article's date and marked inferred.
type dateMention struct {
	start, end int
	date       bank.Date
	resolved   bool // a weekday or relative date, worked out
}

const (
	monthRE = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	dayRE   = `(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?`
	yearRE  = `(?:1[6-9][0-9]{2}|20[0-9]{2})`
	wdayRE  = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
)

// datePatterns returns the patterns, most specific first; each names its
// parts. They are compiled on first use (see lazyRegexp).
var datePatterns = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`\b(?:(?P<wday>` + wdayRE + `),?\s+)?(?P<month>` + monthRE + `)\s+(?P<day>` + dayRE + `),?\s+(?P<year>` + yearRE + `)\b`),
		regexp.MustCompile(`\b(?:(?P<wday>` + wdayRE + `),?\s+)?(?:the\s+)?(?P<day>` + dayRE + `)\s+(?:of\s+)?(?P<month>` + monthRE + `),?\s+(?P<year>` + yearRE + `)\b`),
		regexp.MustCompile(`\b(?P<year>` + yearRE + `)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])\b`),
		regexp.MustCompile(`\b(?P<month>` + monthRE + `)\s+(?:of\s+)?(?P<year>` + yearRE + `)\b`),
		regexp.MustCompile(`\b(?:(?P<wday>` + wdayRE + `),?\s+)?(?P<month>` + monthRE + `)\s+(?P<day>` + dayRE + `)\b`),
		regexp.MustCompile(`\b(?:(?P<wday>` + wdayRE + `),?\s+)?(?:the\s+)?(?P<day>` + dayRE + `)\s+(?:of\s+)?(?P<month>` + monthRE + `)\b`),
		regexp.MustCompile(`\b(?P<rel>(?:last|next|this|earlier this|later this)\s+(?:week|month|year)|today|yesterday|tomorrow|(?P<n>two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2})\s+(?P<unit>years|months|days|weeks)\s+ago)\b`),
		regexp.MustCompile(`\b(?:(?:last|on|this|next|late|early)\s+)?(?P<wday>` + wdayRE + `)\b`),
		regexp.MustCompile(`\b(?P<year>` + yearRE + `)\b`),
	}
})

var smallNumbers = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// findDates returns the dates of text, resolved against the article's
// date, in text order; spans never overlap.
func findDates(text string, article time.Time) []dateMention {
	taken := make([]bool, len(text)+1)
	var out []dateMention
	for _, re := range datePatterns() {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			s, e := m[0], m[1]
			if taken[s] || taken[e-1] {
				continue
			}
			part := func(name string) string {
				i := re.SubexpIndex(name)
				if i < 0 || m[2*i] < 0 {
					return ""
				}
				return text[m[2*i]:m[2*i+1]]
			}
			d, resolved, ok := readDate(part, article)
			if !ok {
				continue
			}
			if re == datePatterns()[len(datePatterns())-1] && !bareYear(text, s, e, article) {
				continue
			}
			// "on Sunday": the date is the weekday alone.
			if part("month") == "" && part("year") == "" && part("rel") == "" {
				if i := re.SubexpIndex("wday"); i >= 0 {
					s = m[2*i]
				}
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			out = append(out, dateMention{start: s, end: e, date: d, resolved: resolved})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// bareYear reports whether a four-digit number is a year: not part of a
// larger figure ("1,979"), not a count ("1979 people"), and not after the
// article's year.
func bareYear(text string, s, e int, article time.Time) bool {
	if s > 0 && strings.ContainsAny(text[s-1:s], ",.$€£-") {
		return false
	}
	if e < len(text) && strings.ContainsAny(text[e:e+1], ",%") && e+1 < len(text) && text[e+1] >= '0' && text[e+1] <= '9' {
		return false
	}
	y, _ := strconv.Atoi(text[s:e])
	if !article.IsZero() && y > article.Year()+1 {
		return false
	}
	rest := strings.Fields(text[e:min(len(text), e+20)])
	if len(rest) > 0 {
		switch strings.Trim(rest[0], ",.;:") {
		case "people", "troops", "soldiers", "votes", "dollars", "euros", "percent", "km", "kilometres", "miles", "meters", "metres", "tons", "tonnes", "cases":
			return false
		}
	}
	return true
}

// readDate reads the date a pattern matched, given its named parts, on an
// article published on article (zero when unknown). resolved is true when
// the date was worked out from the article's date ("yesterday", "last
// month", "on Tuesday"); ok is false when the parts make no date quizcard
// can use.
func readDate(part func(string) string, article time.Time) (d bank.Date, resolved, ok bool) {
	if rel := part("rel"); rel != "" {
		if article.IsZero() {
			return bank.Date{}, false, false
		}
		return relativeDate(rel, part("n"), part("unit"), article)
	}
	year, _ := strconv.Atoi(part("year"))
	month := 0
	if m := part("month"); m != "" {
		month = months[strings.ToLower(strings.TrimSuffix(m, "."))]
	} else if m := part("mon"); m != "" {
		month, _ = strconv.Atoi(m)
	}
	day := 0
	if d := part("day"); d != "" {
		day, _ = strconv.Atoi(strings.TrimRight(d, "stndrh"))
	}
	wday := part("wday")
	switch {
	case year > 0 && month > 0 && day > 0:
		d = bank.Date{Year: year, Month: month, Day: day, Precision: bank.Day}
	case year > 0 && month > 0:
		d = bank.Date{Year: year, Month: month, Precision: bank.Month}
	case year > 0:
		d = bank.Date{Year: year, Precision: bank.Year}
	case month > 0 && day > 0:
		d = bank.Date{Month: month, Day: day, Precision: bank.MonthDay}
		// With a weekday that fits the article's year (or the one
		// before), the year is known too: "Sunday November 3".
		if wday != "" && !article.IsZero() {
			for _, y := range []int{article.Year(), article.Year() - 1} {
				t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
				if int(t.Weekday()) == weekdays[strings.ToLower(wday)] && !t.After(article.AddDate(0, 0, 7)) {
					d = bank.Date{Year: y, Month: month, Day: day, Precision: bank.Day, Inferred: true}
					break
				}
			}
		}
	case wday != "":
		if article.IsZero() {
			return bank.Date{}, false, false
		}
		// The last such weekday on or before the article's date: news
		// reports what has happened.
		back := (int(article.Weekday()) - weekdays[strings.ToLower(wday)] + 7) % 7
		t := article.AddDate(0, 0, -back)
		return bank.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: bank.Day, Inferred: true, Resolved: true}, true, true
	default:
		return bank.Date{}, false, false
	}
	if _, err := bank.ParseDate(d.ISO()); err != nil {
		return bank.Date{}, false, false
	}
	return d, false, true
}

// relativeDate resolves rel, a date given relative to the article's date
// ("yesterday", "last month", "next year", "three years ago", with n and
// unit the parts of an "ago"), against article, which is not zero. It
// returns readDate's results; "this week" and the like are too vague and
// give no date.
func relativeDate(rel, n, unit string, article time.Time) (bank.Date, bool, bool) {
	var d bank.Date
	switch rel = strings.ToLower(strings.Join(strings.Fields(rel), " ")); {
	case rel == "today":
		d = bank.Date{Year: article.Year(), Month: int(article.Month()), Day: article.Day(), Precision: bank.Day}
	case rel == "yesterday":
		t := article.AddDate(0, 0, -1)
		d = bank.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: bank.Day}
	case rel == "tomorrow":
		t := article.AddDate(0, 0, 1)
		d = bank.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: bank.Day}
	case strings.HasSuffix(rel, "week"):
		return bank.Date{}, false, false // too vague for a question
	case strings.HasSuffix(rel, "month"):
		t := time.Date(article.Year(), article.Month(), 1, 0, 0, 0, 0, time.UTC)
		switch {
		case strings.HasPrefix(rel, "last"):
			t = t.AddDate(0, -1, 0)
		case strings.HasPrefix(rel, "next"):
			t = t.AddDate(0, 1, 0)
		}
		d = bank.Date{Year: t.Year(), Month: int(t.Month()), Precision: bank.Month}
	case strings.HasSuffix(rel, "year"):
		y := article.Year()
		switch {
		case strings.HasPrefix(rel, "last"):
			y--
		case strings.HasPrefix(rel, "next"):
			y++
		}
		return bank.Date{Year: y, Precision: bank.Year, Inferred: true}, true, true
	case strings.HasSuffix(rel, "ago"):
		k, ok := smallNumbers[n]
		if !ok {
			k, _ = strconv.Atoi(n)
		}
		switch unit {
		case "years":
			return bank.Date{Year: article.Year() - k, Precision: bank.Year, Inferred: true}, true, true
		case "months":
			t := time.Date(article.Year(), article.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -k, 0)
			d = bank.Date{Year: t.Year(), Month: int(t.Month()), Precision: bank.Month}
		default:
			return bank.Date{}, false, false
		}
	}
	d.Inferred, d.Resolved = true, true
	return d, true, true
}
