package roster

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []Student
	}{
		{"comma", "name,id,class\nAda Lovelace,s01,4B\nAlan Turing,s02,4B\n",
			[]Student{{"Ada Lovelace", "s01", "4B", 2}, {"Alan Turing", "s02", "4B", 3}}},
		{"semicolon and BOM, as Excel exports in Europe", "\ufeffNom;ID;Classe\r\nÉmilie du Châtelet;17;2nde A\r\n",
			[]Student{{"Émilie du Châtelet", "17", "2nde A", 2}}},
		{"no class, extra columns, blank rows", "Student ID,Email,Name\n42,x@y,  Grace   Hopper \n\n,,\n43,z@y,Ada\n",
			[]Student{{"Grace Hopper", "42", "", 2}, {"Ada", "43", "", 5}}},
		{"first and last names", "Last name;First name;Number\nCurie;Marie;7\n",
			[]Student{{"Marie Curie", "7", "", 2}}},
		{"quoted fields with the delimiter inside", "name,id\n\"Smith, John\",\"a;1\"\n",
			[]Student{{"Smith, John", "a;1", "", 2}}},
		{"tab separated", "name\tid\nKim\t1\n", []Student{{"Kim", "1", "", 2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse("class.csv", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d students %+v, want %+v", len(got), got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("student %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "class.csv: the roster is empty; the first line names the columns: name,id,class"},
		{"header only", "name,id\n", "class.csv: no students below the header line"},
		{"no header", "Ada,1\nAlan,2\n", `class.csv:1: no name column in the header "Ada,1"; the first line names the columns: name,id,class`},
		{"no id column", "name,class\nAda,4B\n", `class.csv:1: no id column in the header "name,class"; the first line names the columns: name,id,class`},
		{"every row problem at once", "name,id\nAda,1\n,2\nAlan,\nGrace,1\n",
			"class.csv:3: no name\nclass.csv:4: \"Alan\" has no id\nclass.csv:5: id \"1\" is also on line 2"},
		{"latin-1", "name,id\nJos\xe9,1\n", `class.csv:2: not UTF-8 text; save the file as "CSV UTF-8"`},
		{"utf-16", "\xff\xfen\x00", `class.csv: the file is UTF-16; save it as "CSV UTF-8"`},
		{"bad quotes", "name,id\n\"Ada,1\nAlan\",2,\"x\"y\n", `class.csv:3: extraneous or missing " in quoted-field; check the quotes on that line`},
		{"undrawable", "name,id\n王,1\n", `class.csv:2: name "王" has '王' (U+738B), which the PDF fonts cannot draw`},
		{"too long", "name,id\n" + strings.Repeat("a", 81) + ",1\n", `class.csv:2: name "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" is longer than 80 characters`},
		{"too big", "name,id\n" + strings.Repeat("a,1\n", MaxBytes/4+1), "class.csv: over 1024 KiB; is it the right file?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("class.csv", []byte(tc.in))
			if err == nil || err.Error() != tc.want {
				t.Errorf("got error\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
}

func TestTooManyStudents(t *testing.T) {
	var b strings.Builder
	b.WriteString("name,id\n")
	for i := 0; i <= MaxStudents; i++ {
		b.WriteString("a,")
		b.WriteString(strings.Repeat("x", i%7+1))
		b.WriteString(string(rune('0'+i%10)) + "\n")
	}
	_, err := Parse("big.csv", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "more than 5000 rows") {
		t.Errorf("got %v", err)
	}
}
