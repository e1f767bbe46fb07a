package bank

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	pluralize "github.com/gertd/go-pluralize"
)

// Precision says which parts of a Date are known.
type Precision int

// Date precisions. MonthDay is a day and month the article gives without a
// year ("23 August").
const (
	Year Precision = iota + 1
	Month
	Day
	MonthDay
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	case MonthDay:
		return "day and month"
	}
	return "unknown"
}

// A Date is a calendar date known to a given precision.
type Date struct {
	Year, Month, Day int
	Precision        Precision
	// Inferred says the article does not print the year: the curator
	// worked it out (written "[2019]-09-24" in the bank). It is shown in
	// brackets, never as if the article gave it.
	Inferred bool
	// Resolved says the article gives no calendar date at all, only a
	// weekday or a relative one ("Wednesday", "last month"): the whole
	// date was worked out from the article's date (written
	// "[2019-10-30]"; Inferred is set too). It is shown in brackets.
	Resolved bool
	// Said is how the article gives a resolved date, when the bank writes
	// it that way ("Tuesday", "last month"): String shows both.
	Said string
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Precision == 0 }

// ParseDate reads "1953", "2018-05", "2019-11-03" or "--08-23" (day and
// month, year unknown) and checks that the date can exist. A year in
// square brackets ("[2019]-09-24") is one the article does not print; a
// whole month or day in brackets ("[2019-10-30]") is one it gives only as
// a weekday or a relative date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if inner, ok := strings.CutPrefix(s, "["); ok && strings.HasSuffix(s, "]") &&
		strings.Count(s, "[") == 1 && strings.Count(s, "]") == 1 && strings.Contains(inner, "-") {
		inner = strings.TrimSuffix(inner, "]")
		d, err := ParseDate(inner)
		if err != nil {
			return Date{}, errors.New(strings.Replace(err.Error(), strconv.Quote(inner), strconv.Quote(s), 1))
		}
		if d.Precision != Day && d.Precision != Month {
			return Date{}, fmt.Errorf("date %q: only a year, a month or a day can be in brackets", s)
		}
		d.Inferred, d.Resolved = true, true
		return d, nil
	}
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 || strings.ContainsAny(s[end+1:], "[]") {
			return Date{}, fmt.Errorf("date %q: want the year alone in brackets, as in \"[2019]-09-24\"", s)
		}
		inner := s[1:end] + s[end+1:]
		d, err := ParseDate(inner)
		if err != nil {
			return Date{}, errors.New(strings.Replace(err.Error(), strconv.Quote(inner), strconv.Quote(s), 1))
		}
		if d.Precision == MonthDay {
			return Date{}, fmt.Errorf("date %q: only a year can be in brackets", s)
		}
		d.Inferred = true
		return d, nil
	}
	var d Date
	var err error
	atoi := func(t string, digits int) int {
		if err != nil {
			return 0
		}
		if len(t) != digits {
			err = dateFormError(s)
			return 0
		}
		n, e := strconv.Atoi(t)
		if e != nil || n < 0 {
			err = dateFormError(s)
		}
		return n
	}
	switch parts := strings.Split(s, "-"); {
	case strings.HasPrefix(s, "--"):
		parts = strings.Split(s[2:], "-")
		if len(parts) != 2 {
			return Date{}, dateFormError(s)
		}
		d = Date{Month: atoi(parts[0], 2), Day: atoi(parts[1], 2), Precision: MonthDay}
	case len(parts) == 1:
		d = Date{Year: atoi(parts[0], 4), Precision: Year}
	case len(parts) == 2:
		d = Date{Year: atoi(parts[0], 4), Month: atoi(parts[1], 2), Precision: Month}
	case len(parts) == 3:
		d = Date{Year: atoi(parts[0], 4), Month: atoi(parts[1], 2), Day: atoi(parts[2], 2), Precision: Day}
	default:
		return Date{}, dateFormError(s)
	}
	if err != nil {
		return Date{}, err
	}
	if d.Precision != MonthDay && d.Year < 1 {
		return Date{}, fmt.Errorf("date %q does not exist", s)
	}
	if d.Precision != Year && (d.Month < 1 || d.Month > 12) {
		return Date{}, fmt.Errorf("date %q does not exist: no month %d", s, d.Month)
	}
	if d.Precision == Day || d.Precision == MonthDay {
		y := d.Year
		if d.Precision == MonthDay {
			y = 2000 // a leap year: 29 February can exist
		}
		if d.Day < 1 || d.Day > daysIn(y, d.Month) {
			return Date{}, fmt.Errorf("date %q does not exist", s)
		}
	}
	return d, nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// String formats d for people: "1953", "May 2018", "3 November 2019",
// "23 August"; an inferred year in brackets: "24 September [2019]".
func (d Date) String() string {
	if d.Resolved {
		plain := d
		plain.Inferred, plain.Resolved, plain.Said = false, false, ""
		if d.Said != "" {
			return d.Said + " [" + plain.String() + "]"
		}
		return "[" + plain.String() + "]"
	}
	if d.Inferred {
		return strings.TrimSpace(d.Printed() + " [" + strconv.Itoa(d.Year) + "]")
	}
	switch d.Precision {
	case Year:
		return strconv.Itoa(d.Year)
	case Month:
		return time.Month(d.Month).String() + " " + strconv.Itoa(d.Year)
	case Day:
		return strconv.Itoa(d.Day) + " " + time.Month(d.Month).String() + " " + strconv.Itoa(d.Year)
	case MonthDay:
		return strconv.Itoa(d.Day) + " " + time.Month(d.Month).String()
	}
	return ""
}

// HumanDate returns an ISO date as in the bank ("2019-11-03") the way
// people read it ("3 November 2019"), or iso itself when ParseDate
// cannot read it.
func HumanDate(iso string) string {
	if d, err := ParseDate(iso); err == nil {
		return d.String()
	}
	return iso
}

// Printed returns what the article itself gives of d: String without an
// inferred year ("24 September"), or "" when only the year is inferred.
func (d Date) Printed() string {
	if !d.Inferred {
		return d.String()
	}
	if d.Resolved {
		return d.Said
	}
	switch d.Precision {
	case Day:
		return strconv.Itoa(d.Day) + " " + time.Month(d.Month).String()
	case Month:
		return time.Month(d.Month).String()
	}
	return ""
}

// Short formats d compactly for timelines: "1953", "May 2018", "3 Nov 2019",
// "24 Sep [2019]".
func (d Date) Short() string {
	if d.Resolved {
		plain := d
		plain.Inferred, plain.Resolved = false, false
		return "[" + plain.Short() + "]"
	}
	if d.Inferred {
		p := d.Printed()
		if d.Precision == Day {
			p = strconv.Itoa(d.Day) + " " + time.Month(d.Month).String()[:3]
		} else if d.Precision == Month {
			p = time.Month(d.Month).String()[:3]
		}
		return strings.TrimSpace(p + " [" + strconv.Itoa(d.Year) + "]")
	}
	switch d.Precision {
	case Day:
		return strconv.Itoa(d.Day) + " " + time.Month(d.Month).String()[:3] + " " + strconv.Itoa(d.Year)
	case MonthDay:
		return strconv.Itoa(d.Day) + " " + time.Month(d.Month).String()[:3]
	case Month:
		return time.Month(d.Month).String()[:3] + " " + strconv.Itoa(d.Year)
	}
	return d.String()
}

// ISO formats d as it is written in the bank.
func (d Date) ISO() string {
	if d.Inferred {
		plain := d
		plain.Inferred, plain.Resolved = false, false
		iso := plain.ISO()
		if d.Resolved {
			return "[" + iso + "]"
		}
		return "[" + iso[:4] + "]" + iso[4:]
	}
	switch d.Precision {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case MonthDay:
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	}
	return ""
}

// Time returns the first instant of d in UTC (1 January for a bare year).
// A MonthDay date has no year and returns the zero time.
func (d Date) Time() time.Time {
	if d.Precision == MonthDay || d.IsZero() {
		return time.Time{}
	}
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Compare orders dates by their first instant; MonthDay dates compare by
// month and day only. It returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	key := func(x Date) [3]int { return [3]int{x.Year, x.Month, x.Day} }
	a, b := key(d), key(e)
	if d.Precision == MonthDay || e.Precision == MonthDay {
		a[0], b[0] = 0, 0
	}
	for i := range a {
		switch {
		case a[i] < b[i]:
			return -1
		case a[i] > b[i]:
			return 1
		}
	}
	return 0
}

// A Number is a numeric answer as the article gives it.
type Number struct {
	Value     float64
	Decimals  int    // digits after the point, as written
	Unit      string // "days", in the plural
	UnitOne   string // the unit's singular when inflection would get it wrong; "" to inflect
	Qualifier string // "more than"
}

// ParseNumber reads a number as a curator writes it: "444", "41", "2.5",
// "1,000". It refuses anything else, and negatives, NaN and infinities.
func ParseNumber(s string) (Number, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if t == "" {
		return Number{}, fmt.Errorf("number %q does not parse", s)
	}
	for _, r := range t {
		if (r < '0' || r > '9') && r != '.' && r != '-' {
			return Number{}, fmt.Errorf("number %q does not parse", s)
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e15 {
		return Number{}, fmt.Errorf("number %q does not parse", s)
	}
	if v < 0 {
		return Number{}, fmt.Errorf("number %q is negative", s)
	}
	n := Number{Value: v}
	if i := strings.IndexByte(t, '.'); i >= 0 {
		n.Decimals = len(t) - i - 1
	}
	return n, nil
}

// Digits formats the number alone, with thousands separators and its
// decimals as written: "1,000", "2.5".
func (n Number) Digits() string {
	s := strconv.FormatFloat(n.Value, 'f', n.Decimals, 64)
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	if len(intPart) > 3 {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		intPart = b.String()
	}
	return intPart + frac
}

// String formats the number with its qualifier and unit: "more than 50
// diplomats". Units are written in the plural; exactly 1 takes the
// singular ("1 person", "1 crisis").
func (n Number) String() string {
	s := n.Digits()
	if n.Qualifier != "" {
		s = n.Qualifier + " " + s
	}
	if n.Unit != "" {
		unit := n.Unit
		if n.Value == 1 && n.Decimals == 0 {
			unit = n.Singular()
		}
		s += " " + unit
	}
	return s
}

// inflect returns go-pluralize's English rules, with two it gets wrong for
// the units news uses: one medium, many media; one species, many species.
// They are built on first use: compiling them takes some 0.5 ms and 345 kB,
// which every command paid at start-up, --version included.
var inflect = sync.OnceValue(func() *pluralize.Client {
	c := pluralize.NewClient()
	c.AddIrregularRule("medium", "media")
	c.AddUncountableRule("species")
	return c
})

// Singular returns the unit in the singular: UnitOne when the bank gives
// it, else the plural inflected by its head noun ("U.S. diplomats" → "U.S.
// diplomat", "miles per hour" → "mile per hour", "people" → "person").
func (n Number) Singular() string {
	if n.UnitOne != "" {
		return n.UnitOne
	}
	words := strings.Fields(n.Unit)
	if len(words) == 0 {
		return ""
	}
	head := len(words) - 1
	for i, w := range words {
		if i > 0 && (w == "per" || w == "of") {
			head = i - 1
			break
		}
	}
	words[head] = inflect().Singular(words[head])
	return strings.Join(words, " ")
}

// A Bound says what a number's qualifier claims about the true figure.
type Bound int

// The bounds a qualifier can set.
const (
	Exact Bound = iota // no qualifier: "444 days"
	Above              // "more than 50": the figure is above the number
	Below              // "fewer than 50": the figure is below it
	About              // "about 12,000": the figure is near it
)

// qualifiers are the qualifiers quizcard understands, with what each
// claims. "nearly" and "almost" put the figure just under the number, but
// a student reads them as "about": the distractors must then be far off.
var qualifiers = map[string]Bound{
	"more than": Above, "over": Above, "above": Above, "at least": Above,
	"upwards of": Above, "in excess of": Above, "just over": Above,
	"fewer than": Below, "less than": Below, "under": Below, "below": Below,
	"up to": Below, "at most": Below, "no more than": Below, "just under": Below,
	"about": About, "around": About, "roughly": About, "some": About,
	"nearly": About, "almost": About, "approximately": About, "close to": About,
	"an estimated": About, "estimated": About, "some estimated": About,
}

// Qualifiers lists the qualifiers quizcard understands, sorted.
func Qualifiers() []string {
	out := make([]string, 0, len(qualifiers))
	for q := range qualifiers {
		out = append(out, q)
	}
	sort.Strings(out)
	return out
}

// QualifierBound returns what qualifier q claims, and whether quizcard
// knows it. Case and spacing do not matter.
func QualifierBound(q string) (Bound, bool) {
	q = strings.ToLower(NormalizeSpace(q))
	if q == "" {
		return Exact, true
	}
	b, ok := qualifiers[q]
	return b, ok
}

// Bound returns what n's qualifier claims.
func (n Number) Bound() Bound {
	b, _ := QualifierBound(n.Qualifier)
	return b
}

// Implies reports whether the article's figure n makes the same words
// with x in its place true as well: "more than 50" makes "more than 40"
// true, "up to 32" makes "up to 36" true. An exact or approximate figure
// implies no other.
func (n Number) Implies(x float64) bool {
	switch n.Bound() {
	case Above:
		return x < n.Value
	case Below:
		return x > n.Value
	}
	return false
}

// relativeDates are the words a bank may write a date in as the article
// does, with how each resolves against the article's date.
var relativeDates = map[string]func(ref time.Time) Date{
	"today":      func(t time.Time) Date { return day(t) },
	"yesterday":  func(t time.Time) Date { return day(t.AddDate(0, 0, -1)) },
	"tomorrow":   func(t time.Time) Date { return day(t.AddDate(0, 0, 1)) },
	"this month": func(t time.Time) Date { return month(t) },
	"last month": func(t time.Time) Date { return month(t.AddDate(0, -1, 1-t.Day())) },
	"next month": func(t time.Time) Date { return month(t.AddDate(0, 1, 1-t.Day())) },
	"this year":  func(t time.Time) Date { return Date{Year: t.Year(), Precision: Year} },
	"last year":  func(t time.Time) Date { return Date{Year: t.Year() - 1, Precision: Year} },
	"next year":  func(t time.Time) Date { return Date{Year: t.Year() + 1, Precision: Year} },
}

func day(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: Day}
}

func month(t time.Time) Date { return Date{Year: t.Year(), Month: int(t.Month()), Precision: Month} }

// ResolveRelative reads a date written as the article gives it relative to
// its own date ref: "today", "yesterday", "tomorrow", a weekday (the
// latest one on or before ref: "Tuesday" in an article of Wednesday 13
// April 2011 is 12 April), "this/last/next month" and "this/last/next
// year". The date comes back Inferred and Resolved, with Said set; ok is
// false when s is none of these or ref is not a day.
func ResolveRelative(s string, ref Date) (Date, bool) {
	if ref.Precision != Day {
		return Date{}, false
	}
	words := strings.ToLower(NormalizeSpace(s))
	words = strings.TrimPrefix(words, "on ")
	t := ref.Time()
	var d Date
	if f, ok := relativeDates[words]; ok {
		d = f(t)
	} else {
		found := false
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			if words == strings.ToLower(wd.String()) || words == "last "+strings.ToLower(wd.String()) {
				back := (int(t.Weekday()) - int(wd) + 7) % 7
				if strings.HasPrefix(words, "last ") && back == 0 {
					back = 7
				}
				d, found = day(t.AddDate(0, 0, -back)), true
			}
		}
		if !found {
			return Date{}, false
		}
	}
	d.Inferred, d.Resolved, d.Said = true, true, strings.TrimSpace(s)
	return d, true
}
