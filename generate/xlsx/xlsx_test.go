package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The independent source for every test here is excelize itself (v2.11.1,
// kept as a test-only dependency): the same calls must give the same bytes.

// op is one call, made on both writers.
type op struct {
	kind  string // "cell", "width", "props"
	a, b  string // cell and value; or start and end column
	width float64
	props DocProperties
}

func cell(ref, v string) op { return op{kind: "cell", a: ref, b: v} }

func width(from, to string, w float64) op { return op{kind: "width", a: from, b: to, width: w} }

func props(p DocProperties) op { return op{kind: "props", props: p} }

// both runs the ops on excelize and on this package and returns the files.
func both(t testing.TB, ops []op) (want, got []byte) {
	t.Helper()
	ex := excelize.NewFile()
	defer ex.Close()
	f := NewFile()
	for i, o := range ops {
		var errEx, errF error
		switch o.kind {
		case "cell":
			errEx = ex.SetCellStr("Sheet1", o.a, o.b)
			errF = f.SetCellStr("Sheet1", o.a, o.b)
		case "width":
			errEx = ex.SetColWidth("Sheet1", o.a, o.b, o.width)
			errF = f.SetColWidth("Sheet1", o.a, o.b, o.width)
		case "props":
			p := o.props
			errEx = ex.SetDocProps(&excelize.DocProperties{Title: p.Title, Creator: p.Creator, Created: p.Created, Modified: p.Modified})
			errF = f.SetDocProps(&p)
		}
		if (errEx != nil) != (errF != nil) {
			t.Fatalf("op %d %+v: excelize error %v, xlsx error %v", i, o, errEx, errF)
		}
	}
	var a, b bytes.Buffer
	if _, err := ex.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), b.Bytes()
}

// sameBytes fails with the first part that differs.
func sameBytes(t testing.TB, want, got []byte) {
	t.Helper()
	if bytes.Equal(want, got) {
		return
	}
	wp, gp := unzip(t, want), unzip(t, got)
	for name, w := range wp {
		g, ok := gp[name]
		switch {
		case !ok:
			t.Errorf("part %s missing", name)
		case w != g:
			t.Errorf("part %s differs:\nexcelize: %s\nxlsx:     %s", name, w, g)
		}
	}
	for name := range gp {
		if _, ok := wp[name]; !ok {
			t.Errorf("extra part %s", name)
		}
	}
	t.Errorf("files differ (%d and %d bytes)", len(want), len(got))
}

func unzip(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
	}
	return parts
}

var dates = DocProperties{Title: "Quiz: talks", Creator: "quizcard", Created: "2019-11-03T00:00:00Z", Modified: "2019-11-03T00:00:00Z"}

func TestSameAsExcelize(t *testing.T) {
	long := strings.Repeat("é", totalCellChars+5)
	emoji := strings.Repeat("😀", totalCellChars/2+3) // two UTF-16 units each
	cases := map[string][]op{
		"kahoot layout": {
			cell("B2", "Quiz template"), cell("B3", "Add questions"),
			cell("B8", "Question - max 120 characters"), cell("C8", "Answer 1"), cell("H8", "Correct"),
			cell("A9", "1"), cell("B9", "Who?"), cell("C9", "Macron"), cell("D9", "Trump"), cell("G9", "20"), cell("H9", "1"),
			cell("A10", "2"), cell("B10", "When?"), cell("C10", ""), cell("G10", "30"), cell("H10", "2"),
			width("B", "B", 60), width("C", "F", 28), props(dates),
		},
		"empty workbook":    {},
		"no doc properties": {cell("A1", "x")},
		"only properties":   {props(dates)},
		"empty title and creator": {
			cell("A1", "x"), props(DocProperties{Created: "2019-11-03T00:00:00Z"}),
		},
		"escaped title": {
			cell("A1", "x"), props(DocProperties{Title: `Iran & the "U.S." <talks> 'now'` + "\t\n", Creator: "a&b"}),
		},
		"special text": {
			cell("A1", `<b>&amp; "quoted" 'single' ]]>`), cell("A2", " leading"), cell("A3", "trailing "),
			cell("A4", "\ttab"), cell("A5", "line\nbreak\r\n"), cell("A6", "ctrl \x01\x1f char"),
			cell("A7", "bad utf-8 \xff\xfe"), cell("A8", "Khamenei’s “words” – 😀"), cell("A9", "\uFFFE\uFFFF"),
		},
		"repeated strings": {
			cell("A1", "20"), cell("B1", "20"), cell("A2", "20"), cell("C3", ""), cell("D3", ""),
		},
		"bstr escapes": {
			cell("A1", "_x0041_"), cell("A2", "_x0041_"), cell("A3", "_x005F_x0041_"), cell("A4", "_x005F_"),
			cell("A5", "_xD800_ and _x005F_xDFFF_"), cell("A6", "_x005F_x0041_"), cell("A7", "a_x12G4_b_x00e9_c"),
			cell("A8", "__x0041__x0042_"), cell("A9", "_x005F_x005F_x0041_"),
		},
		"overwritten cell": {cell("B2", "first"), cell("B2", "second"), cell("B2", "first")},
		"out of order":     {cell("H9", "h"), cell("A9", "a"), cell("C2", "c"), cell("AA100", "aa"), cell("XFD20", "last"), cell("B300", "far")},
		"long text":        {cell("A1", long), cell("A2", emoji), cell("A3", long)},
		"widths": {
			cell("A1", "x"), width("C", "F", 28), width("A", "C", 10.5), width("E", "E", 8.43),
			width("H", "G", 0), width("J", "J", 10.5), width("K", "K", 10.5),
		},
		"one range":   {cell("A1", "x"), width("C", "F", 28)},
		"wide column": {cell("A1", "x"), width("A", "A", 255)},
		"bad calls": {
			cell("a1", "lower case"), cell("A0", "row 0"), cell("1A", "x"), cell("", "x"), cell("XFE1", "x"), cell("A1048577", "x"),
			width("A", "B", 255.5), width("", "B", 1), cell("B2", "ok"),
		},
	}
	for name, ops := range cases {
		t.Run(name, func(t *testing.T) {
			want, got := both(t, ops)
			sameBytes(t, want, got)
		})
	}
}

// FuzzSameAsExcelize sets cells and widths from arbitrary input on both
// writers. Run: go test ./generate/xlsx -run '^$' -fuzz FuzzSameAsExcelize
func FuzzSameAsExcelize(f *testing.F) {
	f.Add("Who?", "Macron", "_x0041_", uint8(2), uint8(3), 28.0)
	f.Add(" a", "b ", "", uint8(0), uint8(200), 255.0)
	f.Add("&<>\"'", "\x00\t\n", "é😀", uint8(30), uint8(1), 0.5)
	f.Fuzz(func(t *testing.T, a, b, c string, col, row uint8, w float64) {
		ref := func(dc, dr int) string {
			name, _ := CoordinatesToCellName(int(col)%40+1+dc, int(row)+1+dr)
			return name
		}
		colName, _ := ColumnNumberToName(int(col)%40 + 1)
		ops := []op{
			cell(ref(0, 0), a), cell(ref(1, 0), b), cell(ref(0, 1), c), cell(ref(2, 2), a),
			width("B", colName, w), props(DocProperties{Title: c, Creator: b}),
		}
		want, got := both(t, ops)
		sameBytes(t, want, got)
	})
}

func TestCellNames(t *testing.T) {
	for _, tc := range []struct {
		col, row int
		name     string
	}{{1, 1, "A1"}, {2, 8, "B8"}, {26, 9, "Z9"}, {27, 10, "AA10"}, {702, 1, "ZZ1"}, {703, 1, "AAA1"}, {16384, 1048576, "XFD1048576"}} {
		got, err := CoordinatesToCellName(tc.col, tc.row)
		want, _ := excelize.CoordinatesToCellName(tc.col, tc.row)
		if err != nil || got != tc.name || got != want {
			t.Errorf("CoordinatesToCellName(%d, %d) = %q, %v; want %q", tc.col, tc.row, got, err, tc.name)
		}
		c, r, err := CellNameToCoordinates(tc.name)
		if err != nil || c != tc.col || r != tc.row {
			t.Errorf("CellNameToCoordinates(%q) = %d, %d, %v", tc.name, c, r, err)
		}
	}
	for _, bad := range [][2]int{{0, 1}, {1, 0}, {16385, 1}, {1, 1048577}} {
		if name, err := CoordinatesToCellName(bad[0], bad[1]); err == nil {
			t.Errorf("CoordinatesToCellName(%d, %d) = %q, want an error", bad[0], bad[1], name)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		f := NewFile()
		for r := 1; r <= 50; r++ {
			for c := 1; c <= 8; c++ {
				name, _ := CoordinatesToCellName(c, r)
				f.SetCellStr("Sheet1", name, fmt.Sprintf("text %d", (r*c)%37))
			}
		}
		f.SetColWidth("Sheet1", "B", "B", 60)
		f.SetDocProps(&dates)
		f.WriteTo(io.Discard)
	}
}
