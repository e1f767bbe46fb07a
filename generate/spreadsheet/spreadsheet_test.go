package spreadsheet

import "testing"

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		header   []string
		rows     int
		lines    []int
	}{
		{"comma", "a,b\n1,2\n", []string{"a", "b"}, 1, []int{2}},
		{"semicolon beats commas inside quotes", "\"x,y\";b;c\n1;2;3\n", []string{"x,y", "b", "c"}, 1, []int{2}},
		{"tab", "a\tb\n1\t2\n\n3\t4\n", []string{"a", "b"}, 2, []int{2, 4}},
		{"BOM and CRLF", "\ufeffa,b\r\n1,2\r\n", []string{"a", "b"}, 1, []int{2}},
		{"a quoted field over two lines", "a,b\n\"1\n1\",2\n3,4\n", []string{"a", "b"}, 2, []int{2, 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := Read("f.csv", []byte(tc.in), 1<<20, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(tb.Header) != len(tc.header) || len(tb.Rows) != tc.rows {
				t.Fatalf("header %q, %d rows", tb.Header, len(tb.Rows))
			}
			for i := range tc.header {
				if tb.Header[i] != tc.header[i] {
					t.Errorf("header %q, want %q", tb.Header, tc.header)
				}
			}
			for i, l := range tc.lines {
				if tb.Lines[i] != l {
					t.Errorf("row %d on line %d, want %d", i, tb.Lines[i], l)
				}
			}
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Student ID": "studentid", "student_id": "studentid", "Numéro": "numero", "Prénom": "prenom", " E-mail ": "email"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
