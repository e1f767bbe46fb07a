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
	skipString := func(quote byte, multi bool) {
		// i points just past the opening quote(s).
		for i < n {
			c := src[i]
			if c == '\n' {
				line++
				if !multi {
					return
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
					i++
					return
				}
				if i+2 < n && src[i+1] == quote && src[i+2] == quote {
					i += 3
					// A multi-line string may end with up to two extra quotes.
					for k := 0; k < 2 && i < n && src[i] == quote; k++ {
						i++
					}
					return
				}
			}
			i++
		}
	}
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
			if i+2 < n && src[i+1] == c && src[i+2] == c {
				i += 3
				skipString(c, true)
			} else {
				i++
				skipString(c, false)
			}
		case lineStart && depth == 0 && c == '[':
			lineStart = false
			double := i+1 < n && src[i+1] == '['
			j := i + 1
			if double {
				j++
			}
			k := j
			for k < n && src[k] != ']' && src[k] != '\n' {
				k++
			}
			name := trimKey(string(src[j:k]))
			idx := seen[name]
			seen[name]++
			cur = &table{name: name, index: idx, line: line, start: i, array: double}
			tables = append(tables, cur)
			i = k
		case lineStart && depth == 0:
			// A key: read up to '=', past quoted parts ("2.5" = ...).
			lineStart = false
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
			key := trimKey(string(src[i:k]))
			if _, dup := cur.key(key); !dup {
				cur.order = append(cur.order, key)
				cur.lines = append(cur.lines, line)
			}
			i = k
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
