package countries

import (
	"slices"
	"testing"
)

// TestFind: countries are found by name and other names, whatever the
// case and a leading "the"; demonyms and capitals find nothing. Expected
// rows are written out by hand.
func TestFind(t *testing.T) {
	for _, tc := range []struct {
		name, want, demonym string
	}{
		{"France", "France", "French"},
		{"france", "France", "French"},
		{"the United States", "United States", "Americans"},
		{"U.S.", "United States", "American"},
		{"America", "United States", "American"},
		{" The United Kingdom ", "United Kingdom", "British"},
		{"Islamic Republic of Iran", "Iran", "Iranian"},
		{"North Korea", "North Korea", "North Korean"},
	} {
		c, ok := Find(tc.name)
		if !ok || c.Name != tc.want || !slices.Contains(c.Demonyms, tc.demonym) {
			t.Errorf("Find(%q) = %+v, %v; want %s with demonym %s", tc.name, c, ok, tc.want, tc.demonym)
		}
	}
	for _, name := range []string{"French", "Paris", "Washington", "", "Atlantis", "the"} {
		if c, ok := Find(name); ok {
			t.Errorf("Find(%q) = %+v, want nothing", name, c)
		}
	}
}

// TestTable: every row has a name and a demonym, and no name or other
// name belongs to two countries.
func TestTable(t *testing.T) {
	all := All()
	if len(all) < 100 {
		t.Fatalf("%d countries", len(all))
	}
	seen := map[string]string{}
	for _, c := range all {
		if c.Name == "" || len(c.Demonyms) == 0 {
			t.Errorf("row %+v: no name or demonym", c)
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if other, dup := seen[key(n)]; dup && other != c.Name {
				t.Errorf("%q names both %s and %s", n, other, c.Name)
			}
			seen[key(n)] = c.Name
		}
	}
}
