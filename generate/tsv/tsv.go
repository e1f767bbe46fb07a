// Package tsv reads the small tab-separated tables quizcard embeds: the
// countries, the organisations new recognises, the well-known people it
// offers as foils.
package tsv

import "strings"

// Rows returns the rows of table, one per line, each split at tabs into at
// least n fields (missing ones are empty). Empty lines and lines that
// start with # are comments and make no row.
func Rows(table string, n int) [][]string {
	var rows [][]string
	for _, line := range strings.Split(table, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < n {
			f = append(f, "")
		}
		rows = append(rows, f)
	}
	return rows
}

// List returns the values of a field that holds several, separated by
// semicolons: "U.S.; America" gives "U.S." and "America". Spaces around a
// value are trimmed and empty values dropped.
func List(field string) []string {
	var out []string
	for _, p := range strings.Split(field, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
