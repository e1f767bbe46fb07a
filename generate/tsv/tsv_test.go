package tsv

import (
	"reflect"
	"testing"
)

func TestRows(t *testing.T) {
	table := "# name\taliases\tdemonyms\nFrance\t\tFrench\n\nUnited States\tU.S.; America\nMonaco"
	want := [][]string{{"France", "", "French"}, {"United States", "U.S.; America", ""}, {"Monaco", "", ""}}
	if got := Rows(table, 3); !reflect.DeepEqual(got, want) {
		t.Errorf("Rows = %q, want %q", got, want)
	}
	// A row with more fields than asked keeps them all.
	if got := Rows("a\tb\tc\td", 2); len(got) != 1 || len(got[0]) != 4 {
		t.Errorf("Rows with extra fields = %q", got)
	}
	if got := Rows("", 3); got != nil {
		t.Errorf("Rows of nothing = %q", got)
	}
}

func TestList(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"U.S.; America", []string{"U.S.", "America"}},
		{" the U.S. ;;America; ", []string{"the U.S.", "America"}},
		{"", nil},
		{" ; ", nil},
		{"French", []string{"French"}},
	} {
		if got := List(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("List(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
