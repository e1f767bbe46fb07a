package draft

import (
	"sort"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
)

// A numberMention is a figure the article gives, with its qualifier ("more
// than") and unit ("U.S. diplomats").
type numberMention struct {
	start, end int // qualifier, figure and unit as written
	numStart   int // where the figure itself starts
	number     bank.Number
}

var numberRE = lazyRegexp(`(?i)(?:(?P<cur>[$€£])|\b)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<pct>\s?%|\s+percent|\s+per cent)?(?P<scale>\s+(?:million|billion|trillion|thousand))?`)

var spelledRE = lazyRegexp(`(?i)\b(?P<words>(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)(?:[\s-]+|\b))+)`)

var spelledValue = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// findNumbers returns the figures of text outside the spans in skip
// (dates), each with its qualifier and unit read from the words around it.
func findNumbers(text string, sents []sentence, skip func(s, e int) bool) []numberMention {
	f := numberFinder{text: text, sents: sents, skip: skip, tokIdx: map[int][2]int{}}
	for si, s := range sents {
		for ti, t := range s.toks {
			if t.start >= 0 {
				f.tokIdx[t.start] = [2]int{si, ti}
			}
		}
	}
	f.digits()
	f.words()
	sort.Slice(f.out, func(i, j int) bool { return f.out[i].start < f.out[j].start })
	return f.out
}

// A numberFinder collects the figures of one text as findNumbers reads it.
type numberFinder struct {
	text   string
	sents  []sentence
	skip   func(s, e int) bool
	tokIdx map[int][2]int // sentence and token index of each token, by offset
	out    []numberMention
}

// digits finds the figures written in digits: "444", "$5 billion", "5%",
// "50 million people".
func (f *numberFinder) digits() {
	text := f.text
	for _, m := range numberRE().FindAllStringSubmatchIndex(text, -1) {
		part := func(name string) string {
			i := numberRE().SubexpIndex(name)
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		n, err := bank.ParseNumber(part("num"))
		if err != nil {
			continue
		}
		var unit []string
		if sc := strings.TrimSpace(strings.ToLower(part("scale"))); sc != "" {
			unit = append(unit, sc)
		}
		if part("pct") != "" {
			unit = append(unit, "percent")
		}
		switch part("cur") {
		case "$":
			unit = append(unit, "dollars")
		case "€":
			unit = append(unit, "euros")
		case "£":
			unit = append(unit, "pounds")
		}
		n.Unit = strings.Join(unit, " ")
		from := m[1]
		if n.Unit != "" && part("pct") == "" && part("cur") == "" {
			// "50 million people": the unit goes on after the scale.
		} else if n.Unit != "" {
			from = -1 // "$5 billion", "5%": complete as they are
		}
		if from < 0 {
			if f.skip(m[0], m[1]) || inRange(text, m[0], m[1]) {
				continue
			}
			start := m[0]
			if q, at := qualifierBefore(text, m[0]); q != "" {
				n.Qualifier, start = q, at
			}
			f.out = append(f.out, numberMention{start: start, end: m[1], numStart: m[0], number: n})
			continue
		}
		f.add(m[0], m[1], n, from)
	}
}

// words finds the figures spelled out, from two up: "three", "one hundred
// percent"; not a fraction, and not one a figure in digits already covers.
func (f *numberFinder) words() {
	text := f.text
	for _, m := range spelledRE().FindAllStringSubmatchIndex(text, -1) {
		words := strings.TrimRight(text[m[2]:m[3]], " -")
		v, ok := spelled(words)
		if !ok || v < 2 || fraction().MatchString(text[max(0, m[2]-20):m[2]]) {
			continue
		}
		end := m[2] + len(words)
		if covered(f.out, m[2]) {
			continue
		}
		n := bank.Number{Value: v}
		// "one hundred percent".
		rest := text[end:]
		if strings.HasPrefix(rest, " percent") {
			n.Unit = "percent"
			start := m[2]
			if q, at := qualifierBefore(text, m[2]); q != "" {
				n.Qualifier, start = q, at
			}
			if !f.skip(start, end+8) {
				f.out = append(f.out, numberMention{start: start, end: end + 8, numStart: m[2], number: n})
			}
			continue
		}
		f.add(m[2], end, n, end)
	}
}

// add records the figure n at text[s:e] with the unit that follows from
// unitFrom on (after n's own, "million"), and the qualifier before it;
// not one inside skip, a range, a name or code ("P5+1", "COVID-19"), or a
// label, nor a bare figure with no unit.
func (f *numberFinder) add(s, e int, n bank.Number, unitFrom int) {
	text := f.text
	if f.skip(s, e) || inRange(text, s, e) {
		return
	}
	// Part of a name or a code: "P5+1", "COVID-19", "G7", "3.5-inch".
	if s > 0 && strings.ContainsAny(text[s-1:s], "+-/_#") || e < len(text) && strings.ContainsAny(text[e:e+1], "+-/_:") {
		return
	}
	if s > 0 && isLetter(text[s-1]) || labelled(text, s) {
		return
	}
	unit, ue := unitAfter(text, unitFrom, f.sents, f.tokIdx)
	if n.Unit != "" && unit != "" {
		unit = n.Unit + " " + unit
	} else if n.Unit != "" {
		unit = n.Unit
	}
	if unit == "" {
		return // a bare figure makes a poor question
	}
	n.Unit = unit
	start := s
	if q, at := qualifierBefore(text, s); q != "" {
		n.Qualifier, start = q, at
	}
	f.out = append(f.out, numberMention{start: start, end: ue, numStart: s, number: n})
}

func covered(ms []numberMention, at int) bool {
	for _, m := range ms {
		if m.start <= at && at < m.end {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// spelled reads "one hundred", "fifty", "twenty-five", "two million".
func spelled(words string) (float64, bool) {
	total, cur := 0.0, 0.0
	for _, w := range strings.FieldsFunc(strings.ToLower(words), func(r rune) bool { return r == ' ' || r == '-' }) {
		switch w {
		case "hundred":
			if cur == 0 {
				cur = 1
			}
			cur *= 100
		case "thousand", "million", "billion":
			scale := map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9}[w]
			if cur == 0 {
				cur = 1
			}
			total += cur * scale
			cur = 0
		default:
			v, ok := spelledValue[w]
			if !ok {
				return 0, false
			}
			cur += v
		}
	}
	return total + cur, true
}

// unitAfter reads the unit that follows a figure: nouns and adjectives
// up to the first plural or mass noun ("U.S. diplomats", "days", "oil
// tankers"), at most three words. It returns the unit and where it ends.
func unitAfter(text string, at int, sents []sentence, tokIdx map[int][2]int) (string, int) {
	i := at
	for i < len(text) && text[i] == ' ' {
		i++
	}
	idx, ok := tokIdx[i]
	if !ok {
		return "", at
	}
	toks := sents[idx[0]].toks
	var words []string
	end := at
	for k := idx[1]; k < len(toks) && len(words) < 3; k++ {
		t := toks[k]
		if t.start < 0 {
			break
		}
		switch {
		case t.tag == "NNS" || t.tag == "NNPS":
			words = append(words, t.text)
			return strings.Join(words, " "), t.end
		case t.tag == "NN" && (len(words) == 0 || strings.HasSuffix(strings.ToLower(t.text), "percent")):
			if k+1 < len(toks) && (toks[k+1].tag == "NNS" || toks[k+1].tag == "NN") {
				words = append(words, t.text)
				continue
			}
			if strings.ToLower(t.text) == "percent" || strings.ToLower(t.text) == "km" {
				return t.text, t.end
			}
			return "", at
		case t.tag == "JJ" || t.tag == "NNP" || t.tag == "NN":
			words = append(words, t.text)
			end = t.end
		default:
			return "", at
		}
	}
	_ = end
	return "", at
}

// qualifierBefore returns a qualifier quizcard knows written just before
// at ("more than 50"), and where it starts.
func qualifierBefore(text string, at int) (string, int) {
	before := strings.TrimRight(text[:at], " ")
	lower := strings.ToLower(before)
	best, bestAt := "", at
	for _, q := range bank.Qualifiers() {
		if strings.HasSuffix(lower, q) {
			s := len(before) - len(q)
			if (s == 0 || !isLetter(before[s-1])) && len(q) > len(best) {
				best, bestAt = q, s
			}
		}
	}
	return best, bestAt
}

func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

var rangeBefore = lazyRegexp(`(?i)(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred))\s*(?:to|-|–|and)\s*$`)
var rangeAfter = lazyRegexp(`(?i)^\s*(?:to|-|–)\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)`)

// inRange reports whether text[s:e] is one end of a range ("40 to 60
// year olds", "ten to 32 pages"): the unit belongs to both ends, and
// neither makes a fair question alone.
func inRange(text string, s, e int) bool {
	return rangeBefore().MatchString(text[max(0, s-16):s]) || rangeAfter().MatchString(text[e:min(len(text), e+16)])
}

// fraction matches "a quarter of a" before "million": not a count.
var fraction = lazyRegexp(`(?i)(?:quarter|half|third|fraction|fifth|tenth)\s+(?:of\s+)?an?\s+$`)

var numberLabels = set(`type level phase category stage article section chapter grade class tier
route flight room number no. covid apollo sts version page figure table item unit block gate
platform line channel episode season series part step round game week day`)

// labelled reports whether the number at s names something ("Type 2
// diabetes", "Apollo 11") rather than counting it.
func labelled(text string, s int) bool {
	before := strings.TrimRight(text[:s], " ")
	i := strings.LastIndexAny(before, " \n(") + 1
	w := before[i:]
	if w == "" || len(before) == len(text[:s]) {
		return false
	}
	return numberLabels()[strings.ToLower(w)] && w[0] >= 'A' && w[0] <= 'Z'
}
