package bank

import "bytes"

// A TableSpan is where one table is written in a bank file: from its
// header to where the next table's header, or the comments just before
// it, begin.
type TableSpan struct {
	Name       string // "facts", "people", "article"; "" for keys before any header
	Index      int    // the n-th table of that name, from 0
	Line       int    // line of the header, 1-based
	Start, End int    // data[Start:End] is the table, with the blank lines after it
}

// TableSpans returns the tables written in data, in order. data should
// be a bank Parse accepts; for anything else the spans are a best guess.
func TableSpans(data []byte) []TableSpan {
	tables := scanTables(data)
	var out []TableSpan
	for i, t := range tables {
		if t.name == "" && i == 0 {
			continue
		}
		end := len(data)
		if i+1 < len(tables) {
			end = tables[i+1].start
		}
		out = append(out, TableSpan{Name: t.name, Index: t.index, Line: t.line, Start: t.start, End: commentsBefore(data, t.start, end)})
	}
	return out
}

// commentsBefore returns where the comment lines that stand right before
// end begin (blank lines between them and the table's keys stay with the
// table), or end when there are none.
func commentsBefore(data []byte, start, end int) int {
	cut := end
	for i := end; i > start; {
		j := bytes.LastIndexByte(data[:i-1], '\n') + 1 // start of the line ending at i-1
		if j <= start {
			break
		}
		line := bytes.TrimSpace(data[j:i])
		switch {
		case len(line) == 0:
		case line[0] == '#':
			cut = j
		default:
			return cut
		}
		i = j
	}
	return cut
}
