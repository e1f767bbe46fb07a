package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// inQuotes prepares a verbatim excerpt to be printed inside “…”: outer
// straight or curly double quotes are dropped, quotation marks inside
// become single typographic quotes (‘…’), straight apostrophes become ’,
// and a trailing comma, semicolon or colon that belongs to the sentence
// around the excerpt is trimmed. The bank keeps the verbatim text; this is
// for print only.
func inQuotes(s string) string {
	s = strings.TrimSpace(s)
	marks := 0
	for _, r := range s {
		if isDoubleMark(r) {
			marks++
		}
	}
	first, fn := utf8.DecodeRuneInString(s)
	last, ln := utf8.DecodeLastRuneInString(s)
	switch {
	case outerPair(s) && len(s) > fn+ln:
		s = s[fn : len(s)-ln] // the article's own quoting
	case marks%2 == 1 && isDoubleMark(first):
		s = s[fn:] // a stray opening mark
	case marks%2 == 1 && isDoubleMark(last):
		s = s[:len(s)-ln] // a stray closing mark
	}
	s = strings.TrimRight(strings.TrimSpace(s), " ,;:")
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		if isDoubleMark(r) || r == '\'' {
			if opening(prev) {
				r = '‘'
			} else {
				r = '’'
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isDoubleMark(r rune) bool { return strings.ContainsRune("\"“”„‟″", r) }

// opening reports whether a quotation mark after prev opens a quotation:
// after a space, an opening bracket or a dash.
func opening(prev rune) bool {
	return unicode.IsSpace(prev) || strings.ContainsRune("([{–—-/", prev)
}

// outerPair reports whether s opens with a double quotation mark whose
// closing partner is the last rune of s.
func outerPair(s string) bool {
	depth, prev := 0, ' '
	for i, r := range s {
		if isDoubleMark(r) {
			if opening(prev) {
				depth++
			} else {
				depth--
			}
			if depth <= 0 {
				return i+utf8.RuneLen(r) == len(s) && isDoubleMark(firstRune(s))
			}
		} else if i == 0 {
			return false
		}
		prev = r
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// wrapWords splits str into lines no wider than w in style s, breaking
// only at spaces: a word is never cut. A word wider than w gets a line of
// its own and sets over, so that a layout can try another size or shape.
func (t text) wrapWords(s style, str string, w float64) (lines []string, over bool) {
	key := wrapKey{s, -w, str} // negative width: not the same cache as wrap
	if l, ok := t.wraps[key]; ok {
		return l, t.overs[key]
	}
	t.use(s)
	space := t.d.GetStringWidth(" ")
	for _, para := range strings.Split(str, "\n") {
		line, lw := "", 0.0
		for _, word := range strings.Fields(para) {
			ww := t.d.GetStringWidth(word)
			if ww > w+1e-9 {
				over = true
			}
			switch {
			case line == "":
				line, lw = word, ww
			case lw+space+ww <= w+1e-9:
				line, lw = line+" "+word, lw+space+ww
			default:
				lines = append(lines, line)
				line, lw = word, ww
			}
		}
		lines = append(lines, line)
	}
	t.wraps[key] = lines
	if over {
		t.overs[key] = true
	}
	return lines, over
}
