package bank

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// The shape limits a bank must keep before the TOML decoder sees it. The
// decoder has no depth limit: arrays nested millions deep overflow its
// stack, and inline tables, dotted keys or table headers nested thousands
// deep make it run for minutes in gigabytes. A real bank nests four deep
// ([[facts]] → wrong → a value) and holds a few values per fact.
const (
	// MaxDepth is how deeply tables, dotted keys and arrays may nest.
	MaxDepth = 32
	// MaxValues is how many values (keys, table headers and array
	// elements) a bank may hold: over 10,000 facts' worth, and what the
	// decoder reads in about half a second.
	MaxValues = 250_000
	// MaxTables is how many tables a bank may make: table headers, the
	// tables dotted keys imply and inline tables. Each costs the decoder
	// about ten times a plain value; a 10,000-fact bank makes 10,000.
	MaxTables = 25_000
	// MaxKeys is how many keys one table may hold (the top level counts
	// each table name once); a fact has at most 20.
	MaxKeys = 100
)

// CheckShape refuses TOML source nested deeper than MaxDepth, holding more
// than MaxValues values or MaxTables tables, or more than MaxKeys keys in
// one table, with the line where the limit is crossed, before any
// decoding. It reads data once, in constant memory. It returns nil or
// an ErrorList of one problem.
func CheckShape(name string, data []byte) error {
	s := shapeOf(data)
	switch {
	case s.deepLine > 0:
		return ErrorList{{File: name, Line: s.deepLine, Msg: fmt.Sprintf(
			"nesting deeper than %d levels (tables, dotted keys, inline tables or arrays): a bank needs only a few levels; refusing to read it", MaxDepth)}}
	case s.manyLine > 0:
		return ErrorList{{File: name, Line: s.manyLine, Msg: fmt.Sprintf(
			"more than %s values (keys, tables and array elements): refusing to read it", thousands(MaxValues))}}
	case s.tablesLine > 0:
		return ErrorList{{File: name, Line: s.tablesLine, Msg: fmt.Sprintf(
			"more than %s tables (table headers, dotted keys and inline tables): refusing to read it", thousands(MaxTables))}}
	case s.keysLine > 0:
		return ErrorList{{File: name, Line: s.keysLine, Msg: fmt.Sprintf(
			"more than %s keys in one table: refusing to read it", thousands(MaxKeys))}}
	}
	return nil
}

// shape is what shapeOf finds: the line where a limit is first crossed (0
// when it is not) and, when the source ends inside a multi-line string,
// the line where that string opens.
type shape struct {
	deepLine, manyLine, tablesLine, keysLine int
	openString                               int
}

// A container is an array or inline table open in a value, with its own
// depth: an array's elements sit one deeper, a table's keys one deeper per
// part of the key.
type container struct {
	table bool // inline table { } rather than array [ ]
	depth int
	keys  int // keys written in an inline table
}

// shapeOf measures nesting and values in TOML source. It understands
// enough TOML to tell keys from values (strings of the four kinds,
// comments, headers, dotted and quoted keys, arrays and inline tables) and
// stops at the first limit crossed. Malformed source gives some answer;
// the decoder reports the syntax. The depth of a value counts the levels
// above it: `a = 1` is 1 deep, `[x.y]` puts its keys 3 deep.
func shapeOf(data []byte) shape {
	var s shape
	var stack [MaxDepth]container // every open container is deeper than its parent
	open := 0                     // containers open
	tableDepth := 0               // depth of the current [table]
	tableKeys := 0                // keys written in it
	rootKeys := 0                 // keys of the top level, table names included
	rootNames := map[string]bool{}
	values, tables := 0, 0
	line := 1
	n := len(data)
	i := 0
	atKey := true // the next token is a key (statement start, or after { or , in a table)
	elem := false // the next token starts an array element
	count := func(k int) bool {
		values += k
		if values > MaxValues {
			s.manyLine = line
			return false
		}
		return true
	}
	// table counts k tables made.
	table := func(k int) bool {
		tables += k
		if tables > MaxTables {
			s.tablesLine = line
			return false
		}
		return true
	}
	deep := func(d int) bool {
		if d > MaxDepth {
			s.deepLine = line
			return false
		}
		return true
	}
	// skipString moves i past the string that opens at i; it reports
	// false when the source ends inside a multi-line string.
	skipString := func() bool {
		q := data[i]
		if i+2 < n && data[i+1] == q && data[i+2] == q {
			start := line
			for i += 3; i < n; i++ {
				switch c := data[i]; {
				case c == '\n':
					line++
				case c == '\\' && q == '"':
					if i+1 < n && data[i+1] == '\n' {
						line++
					}
					i++
				case c == q && i+2 < n && data[i+1] == q && data[i+2] == q:
					for i += 3; i < n && data[i] == q; i++ {
					}
					return true
				}
			}
			s.openString = start
			return false
		}
		for i++; i < n && data[i] != '\n'; i++ {
			if data[i] == '\\' && q == '"' {
				i++
			} else if data[i] == q {
				i++
				break
			}
		}
		return true
	}
	// keyParts moves i past a (dotted) key or table name ending at stop
	// and returns its number of parts.
	keyParts := func(stop byte) int {
		parts := 1
		for i < n && data[i] != stop && data[i] != '\n' {
			switch data[i] {
			case '"', '\'':
				if !skipString() {
					return parts
				}
				continue
			case '.':
				parts++
			}
			i++
		}
		return parts
	}
	// value starts a value d deep at i: an array or inline table opens.
	value := func(d int) bool {
		if i >= n || (data[i] != '[' && data[i] != '{') {
			return true
		}
		if !deep(d) || (data[i] == '{' && !table(1)) {
			return false
		}
		stack[open] = container{table: data[i] == '{', depth: d}
		open++
		atKey, elem = data[i] == '{', data[i] == '['
		i++
		return true
	}
	for i < n {
		c := data[i]
		switch {
		case c == '\n':
			line++
			i++
			if open == 0 {
				atKey = true
			}
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			for i < n && data[i] != '\n' {
				i++
			}
		case open == 0 && atKey && c == '[':
			// A table header: [a.b] or [[a.b]], an array holding the table.
			i++
			double := i < n && data[i] == '['
			if double {
				i++
			}
			from := i
			parts := keyParts(']')
			if root, _, _ := strings.Cut(string(data[from:i]), "."); !rootNames[strings.TrimSpace(root)] {
				rootNames[strings.TrimSpace(root)] = true
				if rootKeys++; rootKeys > MaxKeys {
					s.keysLine = line
					return s
				}
			}
			tableDepth = parts
			if double {
				tableDepth++
			}
			if s.openString > 0 || !deep(tableDepth) || !count(tableDepth) || !table(parts) {
				return s
			}
			tableKeys = 0
			atKey = false
			for i < n && data[i] == ']' {
				i++
			}
		case atKey && (open == 0 || stack[open-1].table) && c != '}' && c != ',':
			// A key: a = v, a.b.c = v, "a".'b' = v.
			base, keys := tableDepth, &tableKeys
			if open > 0 {
				base, keys = stack[open-1].depth, &stack[open-1].keys
			} else if tableDepth == 0 {
				keys = &rootKeys
			}
			if *keys++; *keys > MaxKeys {
				s.keysLine = line
				return s
			}
			d := base + keyParts('=')
			if s.openString > 0 || !deep(d) || !count(d-base) || !table(d-base-1) {
				return s
			}
			atKey = false
			if i < n && data[i] == '=' {
				i++
			}
			for i < n && (data[i] == ' ' || data[i] == '\t') {
				i++
			}
			if !value(d) {
				return s
			}
		case c == ']' || c == '}':
			if open > 0 {
				open--
			}
			i++
			atKey, elem = false, false
		case c == ',':
			i++
			if open > 0 {
				atKey, elem = stack[open-1].table, !stack[open-1].table
			}
		case elem && open > 0:
			elem = false
			if !deep(stack[open-1].depth+1) || !count(1) {
				return s
			}
			switch c {
			case '"', '\'':
				if !skipString() {
					return s
				}
			case '[', '{':
				if !value(stack[open-1].depth + 1) {
					return s
				}
			default:
				i++
			}
		case c == '"' || c == '\'':
			if !skipString() {
				return s
			}
		default:
			i++
		}
	}
	return s
}

// thousands formats n with commas: 500,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// unterminated reports a multi-line string that runs to the end of data,
// at the line where it opens, when the decoder stopped (at line) inside it:
// the decoder itself can only say the file ended.
func unterminated(name string, data []byte, line int) (Error, bool) {
	open := shapeOf(data).openString
	if open == 0 || line < open {
		return Error{}, false
	}
	start := 0
	for l := 1; l < open; l++ {
		start += bytes.IndexByte(data[start:], '\n') + 1
	}
	text := data[start:]
	if end := bytes.IndexByte(text, '\n'); end >= 0 {
		text = text[:end]
	}
	quote := `'''`
	at := bytes.Index(text, []byte(quote))
	if dq := bytes.Index(text, []byte(`"""`)); dq >= 0 && (at < 0 || dq < at) {
		quote, at = `"""`, dq
	}
	return Error{File: name, Line: open, Col: at + 1, Msg: fmt.Sprintf("this %s string never ends: close it with %s", quote, quote)}, true
}
