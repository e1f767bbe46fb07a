package bank

// A table is one [name] or [[name]] table as it appears in the source, with
// the line of its header and of each key written directly in it. The TOML
// decoder does not expose positions, so Parse scans the text itself to put a
// line number on every problem it reports.
type table struct {
	name  string   // "" for the keys before the first header
	index int      // n-th table of that name (for [[arrays]])
	line  int      // line of the header, 1-based
	start int      // byte offset of the header
	array bool     // [[name]] rather than [name]
	order []string // keys in source order
	lines []int    // line of each key in order
}

// key returns the line of a key written directly in the table.
func (t *table) key(k string) (int, bool) {
	for i, o := range t.order {
		if o == k {
			return t.lines[i], true
		}
	}
	return 0, false
}

// scanTables splits TOML source into its tables. It understands just enough
// TOML (strings of all four kinds, comments, brackets inside values) to find
// headers and keys; the real decoder has already accepted the syntax.
func scanTables(src []byte) []*table {
	top := &table{line: 1}
	tables := []*table{top}
	seen := map[string]int{}
	cur := top
	line := 1
	depth := 0        // open [ and { inside a value
	lineStart := true // only whitespace so far on this statement's line
	i := 0
	n := len(src)
	for i < n {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
			if depth == 0 {
				lineStart = true
			}
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			for i < n && src[i] != '\n' {
				i++
			}
		case (c == '"' || c == '\'') && !(lineStart && depth == 0):
			lineStart = false
			i, line = skipString(src, i, line)
		case lineStart && depth == 0 && c == '[':
			lineStart = false
			name, double, end := tableHeader(src, i)
			idx := seen[name]
			seen[name]++
			cur = &table{name: name, index: idx, line: line, start: i, array: double}
			tables = append(tables, cur)
			i = end
		case lineStart && depth == 0:
			lineStart = false
			key, end := keyName(src, i)
			if _, dup := cur.key(key); !dup {
				cur.order = append(cur.order, key)
				cur.lines = append(cur.lines, line)
			}
			i = end
		case c == '[' || c == '{':
			depth++
			i++
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
			i++
		default:
			i++
		}
	}
	return tables
}

// skipString reads the string whose opening quote is at src[i], on the
// given line: basic or literal, on one line or multi-line. It returns the
// offset just past it and the line there.
func skipString(src []byte, i, line int) (int, int) {
	n := len(src)
	quote := src[i]
	multi := i+2 < n && src[i+1] == quote && src[i+2] == quote
	if multi {
		i += 3
	} else {
		i++
	}
	for i < n {
		c := src[i]
		if c == '\n' {
			line++
			if !multi {
				return i, line
			}
		}
		if c == '\\' && quote == '"' {
			if i+1 < n && src[i+1] == '\n' {
				line++ // a line-ending backslash in a multi-line string
			}
			i += 2
			continue
		}
		if c == quote {
			if !multi {
				return i + 1, line
			}
			if i+2 < n && src[i+1] == quote && src[i+2] == quote {
				i += 3
				// A multi-line string may end with up to two extra quotes.
				for k := 0; k < 2 && i < n && src[i] == quote; k++ {
					i++
				}
				return i, line
			}
		}
		i++
	}
	return i, line
}

// tableHeader reads the [name] or [[name]] header that opens at src[i]. It
// returns the name, whether it is an array of tables, and the offset of
// the first ] (or of the end of the line) after the name.
func tableHeader(src []byte, i int) (name string, double bool, end int) {
	n := len(src)
	double = i+1 < n && src[i+1] == '['
	j := i + 1
	if double {
		j++
	}
	k := j
	for k < n && src[k] != ']' && src[k] != '\n' {
		k++
	}
	return trimKey(string(src[j:k])), double, k
}

// keyName reads the key that starts at src[i], up to its = (past quoted
// parts: "2.5" = ...) or the end of the line, and returns it with the
// offset where it stops.
func keyName(src []byte, i int) (string, int) {
	n := len(src)
	k := i
	for k < n && src[k] != '=' && src[k] != '\n' {
		if q := src[k]; q == '"' || q == '\'' {
			for k++; k < n && src[k] != q && src[k] != '\n'; k++ {
				if src[k] == '\\' && q == '"' && k+1 < n && src[k+1] != '\n' {
					k++ // an escaped character
				}
			}
			if k < n && src[k] == '\n' {
				break
			}
		}
		k++
	}
	k = min(k, n)
	return trimKey(string(src[i:k])), k
}

// trimKey strips spaces and one level of quotes from a key or table name.
func trimKey(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return s
}
