// Package spreadsheet reads CSV files as spreadsheets and forms export
// them: UTF-8 with or without a byte-order mark, comma, semicolon or tab
// separated, a header row first. It refuses what it cannot read with a
// message that says how to save the file instead.
package spreadsheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A Table is a CSV file's header and rows.
type Table struct {
	File   string
	Header []string
	Rows   [][]string // without blank rows
	Lines  []int      // the line each row starts on
}

// Read reads a CSV file of at most maxBytes bytes and maxRows rows below
// the header. file names it in messages, which read file:line: message.
func Read(file string, data []byte, maxBytes, maxRows int) (*Table, error) {
	if len(data) > maxBytes {
		return nil, fmt.Errorf("%s: over %d KiB; is it the right file?", file, maxBytes>>10)
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, fmt.Errorf("%s: the file is UTF-16; save it as \"CSV UTF-8\"", file)
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if line := badUTF8(data); line > 0 {
		return nil, fmt.Errorf("%s:%d: not UTF-8 text; save the file as \"CSV UTF-8\"", file, line)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	t := &Table{File: file}
	header, err := r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: the file is empty", file)
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	t.Header = slicesClone(header)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, csvError(file, err)
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(t.Rows) == maxRows {
			return nil, fmt.Errorf("%s:%d: more than %d rows; split the file", file, line, maxRows)
		}
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, line)
	}
}

// Cell returns row i's field in column c, spaces collapsed; "" when the
// row is short or c is negative.
func (t *Table) Cell(i, c int) string {
	if c < 0 || c >= len(t.Rows[i]) {
		return ""
	}
	return strings.Join(strings.Fields(t.Rows[i][c]), " ")
}

// Column returns the first column whose header folds to one of names
// (see Fold), or -1.
func (t *Table) Column(names ...string) int {
	for i, h := range t.Header {
		for _, n := range names {
			if Fold(h) == n {
				return i
			}
		}
	}
	return -1
}

// Fold lower-cases s, strips accents and drops everything but letters and
// digits: "Student ID" and "student_id" both fold to "studentid",
// "Numéro" to "numero".
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// delimiter guesses the field separator from the first line: the one of
// comma, semicolon and tab that occurs most often outside quotes.
func delimiter(data []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range data {
		if c == '"' {
			quoted = !quoted
		}
		if !quoted && c == '\n' {
			break
		}
		if !quoted {
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// badUTF8 returns the 1-based line of the first invalid UTF-8, or 0.
func badUTF8(data []byte) int {
	if utf8.Valid(data) {
		return 0
	}
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %v; check the quotes on that line", file, pe.Line, pe.Err)
	}
	return fmt.Errorf("%s: %v", file, err)
}
