package draft

import (
	"sort"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
)

// A quoteMention is words the article quotes, and who said them.
type quoteMention struct {
	open, close int // the quote marks: text[open] and the byte before close
	start, end  int // the quoted words
	speaker     *entity
	how         string // "after", "before", "continues", for tests
}

// findQuotes returns the article's quotations with their speakers: "…,"
// X said; X said: "…"; X charged that "…"; "…," he said (the last person
// named); a paragraph that only quotes goes on quoting the speaker of the
// paragraph before.
func findQuotes(text string, sents []sentence, es *entities) []quoteMention {
	spans := quoteSpans(text)
	// People named outside quotes, in order, for "he said".
	inQuote := func(at int) bool {
		for _, q := range spans {
			if q.open <= at && at < q.close {
				return true
			}
		}
		return false
	}
	type named struct {
		at int
		e  *entity
	}
	var people []named
	for at, e := range es.at {
		if (e.pool == bank.People || e.pool == bank.Groups && e.known == nil) && !inQuote(at) {
			people = append(people, named{at, e})
		}
	}
	sort.Slice(people, func(i, j int) bool { return people[i].at < people[j].at })
	lastBefore := func(at int, pool bank.Pool) *entity {
		var found *entity
		for _, p := range people {
			if p.at >= at {
				break
			}
			if p.e.pool == pool {
				found = p.e
			}
		}
		return found
	}
	var out []quoteMention
	for i, q := range spans {
		para := paraBounds(text, q.open)
		// After: `," Khamenei said.` / `," said Khamenei` / `," he said`.
		after := text[q.close:min(len(text), q.close+120, para[1])]
		if cut := strings.IndexAny(after, ".\"“"); cut >= 0 {
			after = after[:cut]
		}
		before := text[max(para[0], sentenceStart(sents, q.open)):q.open]
		var speaker *entity
		how := ""
		if hasSpeechVerb(after) {
			speaker, how = firstSpeaker(es, q.close, q.close+len(after), lastBefore), "after"
		}
		if speaker == nil && introducesQuote(before) {
			speaker, how = firstSpeaker(es, q.open-len(before), q.open, lastBefore), "before"
		}
		if speaker == nil && strings.TrimSpace(before) == "" && strings.TrimSpace(after) == "" {
			// A quotation that opens a sentence after one whose subject
			// is a person: "Cornyn issued a statement. “Like many…”".
			if si := sentenceIndex(sents, q.open); si > 0 && sents[si-1].End > para[0] {
				speaker, how = firstSpeaker(es, sents[si-1].Start, sents[si-1].End, lastBefore), "previous"
			}
		}
		if speaker == nil && i > 0 && strings.TrimSpace(text[para[0]:q.open]) == "" && strings.TrimSpace(after) == "" && len(out) > 0 {
			// A paragraph that is all quote goes on from the one before.
			if prev := out[len(out)-1]; prev.speaker != nil && paraBounds(text, prev.open)[1] >= para[0]-3 {
				speaker, how = prev.speaker, "continues"
			}
		}
		q.speaker, q.how = speaker, how
		out = append(out, q)
	}
	out = append(out, blockQuotes(text, sents, es, spans, lastBefore)...)
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func sentenceIndex(sents []sentence, at int) int {
	for i, s := range sents {
		if s.Start <= at && at < s.End {
			return i
		}
	}
	return -1
}

// blockQuotes finds quotations set as paragraphs of their own after
// "Kevin Fenton, Director of Health and Wellbeing at PHE, said:", without
// quotation marks: every paragraph up to the next such introduction.
func blockQuotes(text string, sents []sentence, es *entities, marked []quoteMention, lastBefore func(int, bank.Pool) *entity) []quoteMention {
	var out []quoteMention
	var speaker *entity
	at := 0
	for _, p := range strings.Split(text, "\n\n") {
		start := at
		at += len(p) + 2
		t := strings.TrimSpace(p)
		if t == "" {
			continue
		}
		if strings.HasSuffix(t, ":") && hasSpeechVerb(t) && len(strings.Fields(t)) <= 25 {
			speaker = firstSpeaker(es, start, start+len(p), lastBefore)
			continue
		}
		if speaker == nil || strings.ContainsAny(t, "\"“”") {
			speaker = nil
			continue
		}
		lead := strings.Index(p, t)
		out = append(out, quoteMention{open: start + lead, close: start + lead + len(t), start: start + lead, end: start + lead + len(t), speaker: speaker, how: "block"})
	}
	return out
}

// quoteSpans finds the quotations: curly pairs, and straight quotes
// paired within a paragraph. A quote left open at the end of a paragraph
// closes there (the next paragraph reopens it).
func quoteSpans(text string) []quoteMention {
	var out []quoteMention
	open := -1
	curly := false
	for i := 0; i < len(text); i++ {
		switch {
		case strings.HasPrefix(text[i:], "\n\n"):
			if open >= 0 {
				out = append(out, quoteMention{open: open, close: i, start: open + markLen(text, open), end: i})
				open = -1
			}
		case strings.HasPrefix(text[i:], "“") && open < 0:
			open, curly = i, true
		case strings.HasPrefix(text[i:], "”") && open >= 0 && curly:
			out = append(out, quoteMention{open: open, close: i + len("”"), start: open + len("“"), end: i})
			open = -1
		case text[i] == '"' && open < 0:
			open, curly = i, false
		case text[i] == '"' && open >= 0 && !curly:
			out = append(out, quoteMention{open: open, close: i + 1, start: open + 1, end: i})
			open = -1
		}
	}
	if open >= 0 {
		out = append(out, quoteMention{open: open, close: len(text), start: open + markLen(text, open), end: len(text)})
	}
	return out
}

func markLen(text string, at int) int {
	if strings.HasPrefix(text[at:], "“") {
		return len("“")
	}
	return 1
}

// paraBounds returns the paragraph around at.
func paraBounds(text string, at int) [2]int {
	s := strings.LastIndex(text[:at], "\n\n")
	if s < 0 {
		s = 0
	} else {
		s += 2
	}
	e := strings.Index(text[at:], "\n\n")
	if e < 0 {
		e = len(text)
	} else {
		e += at
	}
	return [2]int{s, e}
}

func sentenceStart(sents []sentence, at int) int {
	for _, s := range sents {
		if s.Start <= at && at < s.End {
			return s.Start
		}
	}
	return at
}

var wordRE = lazyRegexp(`[\p{L}']+`)

func hasSpeechVerb(s string) bool {
	for _, w := range wordRE().FindAllString(strings.ToLower(s), -1) {
		if speechVerbs()[w] || w == "according" {
			return true
		}
	}
	return false
}

// introducesQuote reports whether text before a quote hands over to it:
// "Khamenei said, ", "X charged that ", "adding that ", "told his
// audience on Sunday: ".
func introducesQuote(before string) bool {
	t := strings.TrimSpace(before)
	if t == "" {
		return false
	}
	if strings.HasSuffix(t, ":") {
		return true
	}
	words := wordRE().FindAllString(strings.ToLower(t), -1)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if last == "that" && len(words) > 1 {
		last = words[len(words)-2]
	}
	return speechVerbs()[last]
}

// firstSpeaker returns who speaks in text[s:e]: the first person (or
// publication) named there that is not a possessive ("Macron's
// initiative"), preferring one a verb follows; for "he" or "she" before
// any name, the last person named before s.
func firstSpeaker(es *entities, s, e int, lastBefore func(int, bank.Pool) *entity) *entity {
	var ats []int
	for at, ent := range es.at {
		if at >= s && at < e && (ent.pool == bank.People || ent.pool == bank.Groups && ent.known == nil) {
			ats = append(ats, at)
		}
	}
	sort.Ints(ats)
	var first, verbed, owner *entity
	firstAt := -1
	for _, at := range ats {
		ent := es.at[at]
		end := at
		for _, m := range ent.mentions {
			if m.start == at {
				end = m.end
			}
		}
		if possessive().MatchString(es.text[end:]) {
			if owner == nil && statementAfter().MatchString(es.text[end:]) {
				owner = ent // "Cornyn's statement added"
			}
			continue
		}
		if first == nil {
			first, firstAt = ent, at
		}
		if verbed == nil && verbFollows(es.text[end:]) {
			verbed = ent
		}
	}
	for _, m := range wordRE().FindAllStringIndex(es.text[s:e], -1) {
		w := strings.ToLower(es.text[s+m[0] : s+m[1]])
		if (w == "he" || w == "she") && (firstAt < 0 || s+m[0] < firstAt) {
			return lastBefore(s, bank.People)
		}
	}
	if verbed != nil {
		return verbed
	}
	if first == nil {
		return owner
	}
	return first
}

var statementAfter = lazyRegexp(`^\s*['’]s\s+(?:statement|spokesman|spokeswoman|spokesperson|office|letter|post|tweet|message|lawyer)\b`)

// verbFollows reports whether the text after a name goes on with a verb
// ("said", "has also said", "told").
func verbFollows(rest string) bool {
	words := wordRE().FindAllString(strings.ToLower(rest[:min(len(rest), 40)]), 3)
	for i, w := range words {
		if speechVerbs()[w] || strings.HasSuffix(w, "ed") || w == "has" || w == "had" || w == "is" || w == "was" || w == "will" || w == "would" || w == "spoke" || w == "told" {
			return true
		}
		if i == 0 && (w == "also" || w == "then" || w == "later" || w == "once") {
			continue
		}
		return false
	}
	return false
}
