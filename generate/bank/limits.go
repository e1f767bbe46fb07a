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
	sc := shapeScan{data: data, line: 1, atKey: true, rootNames: map[string]bool{}}
	sc.run()
	return sc.s
}

// A shapeScan is shapeOf reading its source once, left to right: where it
// is, what is open, and what it has counted.
type shapeScan struct {
	s     shape
	data  []byte
	i     int // the next byte to read
	line  int
	stack [MaxDepth]container // every open container is deeper than its parent
	open  int                 // containers open

	tableDepth int // depth of the current [table]
	tableKeys  int // keys written in it
	rootKeys   int // keys of the top level, table names included
	rootNames  map[string]bool
	values     int
	tables     int

	atKey bool // the next token is a key (statement start, or after { or , in a table)
	elem  bool // the next token starts an array element
}

// run reads the source token by token until it ends or a limit is
// crossed.
func (sc *shapeScan) run() {
	data, n := sc.data, len(sc.data)
	for sc.i < n {
		c := data[sc.i]
		switch {
		case c == '\n':
			sc.line++
			sc.i++
			if sc.open == 0 {
				sc.atKey = true
			}
		case c == ' ' || c == '\t' || c == '\r':
			sc.i++
		case c == '#':
			for sc.i < n && data[sc.i] != '\n' {
				sc.i++
			}
		case sc.open == 0 && sc.atKey && c == '[':
			if !sc.header() {
				return
			}
		case sc.atKey && (sc.open == 0 || sc.stack[sc.open-1].table) && c != '}' && c != ',':
			if !sc.key() {
				return
			}
		case c == ']' || c == '}':
			if sc.open > 0 {
				sc.open--
			}
			sc.i++
			sc.atKey, sc.elem = false, false
		case c == ',':
			sc.i++
			if sc.open > 0 {
				sc.atKey, sc.elem = sc.stack[sc.open-1].table, !sc.stack[sc.open-1].table
			}
		case sc.elem && sc.open > 0:
			if !sc.element(c) {
				return
			}
		case c == '"' || c == '\'':
			if !sc.skipString() {
				return
			}
		default:
			sc.i++
		}
	}
}

// header reads a table header at i: [a.b] or [[a.b]], an array holding the
// table. It counts the top-level name, the header's depth, its values and
// the tables it makes, and reports false when that crosses a limit.
func (sc *shapeScan) header() bool {
	data, n := sc.data, len(sc.data)
	sc.i++
	double := sc.i < n && data[sc.i] == '['
	if double {
		sc.i++
	}
	from := sc.i
	parts := sc.keyParts(']')
	if root, _, _ := strings.Cut(string(data[from:sc.i]), "."); !sc.rootNames[strings.TrimSpace(root)] {
		sc.rootNames[strings.TrimSpace(root)] = true
		if sc.rootKeys++; sc.rootKeys > MaxKeys {
			sc.s.keysLine = sc.line
			return false
		}
	}
	sc.tableDepth = parts
	if double {
		sc.tableDepth++
	}
	if sc.s.openString > 0 || !sc.deep(sc.tableDepth) || !sc.count(sc.tableDepth) || !sc.table(parts) {
		return false
	}
	sc.tableKeys = 0
	sc.atKey = false
	for sc.i < n && data[sc.i] == ']' {
		sc.i++
	}
	return true
}

// key reads a key and the start of its value at i: a = v, a.b.c = v,
// "a".'b' = v. It counts the key in its table, its depth, its values and
// the tables a dotted key makes, and reports false when that crosses a
// limit.
func (sc *shapeScan) key() bool {
	data, n := sc.data, len(sc.data)
	base, keys := sc.tableDepth, &sc.tableKeys
	if sc.open > 0 {
		base, keys = sc.stack[sc.open-1].depth, &sc.stack[sc.open-1].keys
	} else if sc.tableDepth == 0 {
		keys = &sc.rootKeys
	}
	if *keys++; *keys > MaxKeys {
		sc.s.keysLine = sc.line
		return false
	}
	d := base + sc.keyParts('=')
	if sc.s.openString > 0 || !sc.deep(d) || !sc.count(d-base) || !sc.table(d-base-1) {
		return false
	}
	sc.atKey = false
	if sc.i < n && data[sc.i] == '=' {
		sc.i++
	}
	for sc.i < n && (data[sc.i] == ' ' || data[sc.i] == '\t') {
		sc.i++
	}
	return sc.value(d)
}

// element reads the array element that starts with c at i, one deeper than
// its array, and reports false when it crosses a limit.
func (sc *shapeScan) element(c byte) bool {
	sc.elem = false
	d := sc.stack[sc.open-1].depth + 1
	if !sc.deep(d) || !sc.count(1) {
		return false
	}
	switch c {
	case '"', '\'':
		return sc.skipString()
	case '[', '{':
		return sc.value(d)
	}
	sc.i++
	return true
}

// count counts k values.
func (sc *shapeScan) count(k int) bool {
	sc.values += k
	if sc.values > MaxValues {
		sc.s.manyLine = sc.line
		return false
	}
	return true
}

// table counts k tables made.
func (sc *shapeScan) table(k int) bool {
	sc.tables += k
	if sc.tables > MaxTables {
		sc.s.tablesLine = sc.line
		return false
	}
	return true
}

// deep checks a depth d against MaxDepth.
func (sc *shapeScan) deep(d int) bool {
	if d > MaxDepth {
		sc.s.deepLine = sc.line
		return false
	}
	return true
}

// skipString moves i past the string that opens at i; it reports false
// when the source ends inside a multi-line string.
func (sc *shapeScan) skipString() bool {
	data, n := sc.data, len(sc.data)
	q := data[sc.i]
	if sc.i+2 < n && data[sc.i+1] == q && data[sc.i+2] == q {
		start := sc.line
		for sc.i += 3; sc.i < n; sc.i++ {
			switch c := data[sc.i]; {
			case c == '\n':
				sc.line++
			case c == '\\' && q == '"':
				if sc.i+1 < n && data[sc.i+1] == '\n' {
					sc.line++
				}
				sc.i++
			case c == q && sc.i+2 < n && data[sc.i+1] == q && data[sc.i+2] == q:
				for sc.i += 3; sc.i < n && data[sc.i] == q; sc.i++ {
				}
				return true
			}
		}
		sc.s.openString = start
		return false
	}
	for sc.i++; sc.i < n && data[sc.i] != '\n'; sc.i++ {
		if data[sc.i] == '\\' && q == '"' {
			sc.i++
		} else if data[sc.i] == q {
			sc.i++
			break
		}
	}
	return true
}

// keyParts moves i past a (dotted) key or table name ending at stop and
// returns its number of parts.
func (sc *shapeScan) keyParts(stop byte) int {
	data, n := sc.data, len(sc.data)
	parts := 1
	for sc.i < n && data[sc.i] != stop && data[sc.i] != '\n' {
		switch data[sc.i] {
		case '"', '\'':
			if !sc.skipString() {
				return parts
			}
			continue
		case '.':
			parts++
		}
		sc.i++
	}
	return parts
}

// value starts a value d deep at i: an array or inline table opens.
func (sc *shapeScan) value(d int) bool {
	data, n := sc.data, len(sc.data)
	if sc.i >= n || (data[sc.i] != '[' && data[sc.i] != '{') {
		return true
	}
	if !sc.deep(d) || (data[sc.i] == '{' && !sc.table(1)) {
		return false
	}
	sc.stack[sc.open] = container{table: data[sc.i] == '{', depth: d}
	sc.open++
	sc.atKey, sc.elem = data[sc.i] == '{', data[sc.i] == '['
	sc.i++
	return true
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
