// Package xlsx writes the one kind of spreadsheet quizcard needs: a workbook
// of one sheet ("Sheet1") of string cells, with column widths and document
// properties. Its output is byte for byte what github.com/xuri/excelize/v2
// (v2.11.1) writes for the same calls, which the tests check; it exists
// because excelize's package initialisation (some 1.3 MB and 21,000
// allocations, on every run of every command) was the largest start-up cost
// of the quizcard binary, while the Kahoot export uses five of its calls.
//
// The methods have excelize's names and meanings, so that code written for
// one reads the same with the other.
package xlsx

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The only sheet a File has.
const sheetName = "Sheet1"

// Limits, as excelize's.
const (
	maxColumns     = 16384
	maxRows        = 1048576
	maxColumnWidth = 255
	totalCellChars = 32767 // UTF-16 code units a cell holds; longer text is cut
)

// A File is a workbook being built. The zero value is not usable: call
// NewFile.
type File struct {
	cells   map[int]map[int]int // row → column → shared string index
	strs    []string            // the shared string table, in order of first use
	index   map[string]int      // shared string lookup (see SetCellStr)
	widths  map[int]float64     // column → width
	props   DocProperties
	propSet bool
}

// DocProperties are the workbook's core properties. Created and Modified
// are W3CDTF times ("2019-11-03T00:00:00Z").
type DocProperties struct {
	Title, Creator    string
	Created, Modified string
}

// NewFile returns an empty workbook with one sheet, "Sheet1".
func NewFile() *File {
	return &File{cells: map[int]map[int]int{}, index: map[string]int{}, widths: map[int]float64{}}
}

// Close releases nothing; it is here so that code written for excelize
// reads the same.
func (f *File) Close() error { return nil }

// SetCellStr sets cell (a reference such as "B2") of sheet
// "Sheet1" to the string value, kept as a shared string. Text longer than a
// cell holds (32,767 UTF-16 units) is cut, as Excel and excelize do.
func (f *File) SetCellStr(sheet, cell, value string) error {
	if sheet != sheetName {
		return fmt.Errorf("sheet %s does not exist", sheet)
	}
	col, row, err := CellNameToCoordinates(cell)
	if err != nil {
		return err
	}
	value = truncate(value)
	// excelize looks a string up by its text but files it under its
	// "_xHHHH_"-escaped form, so a text that escaping changes is stored
	// again each time it is set. Doing the same keeps the files identical.
	si, ok := f.index[value]
	if !ok {
		f.strs = append(f.strs, value)
		si = len(f.strs) - 1
		f.index[escapeBSTR(value)] = si
	}
	r := f.cells[row]
	if r == nil {
		r = map[int]int{}
		f.cells[row] = r
	}
	r[col] = si
	return nil
}

// SetColWidth sets the width of the columns from startCol to endCol ("B",
// "C"), at most 255 characters.
func (f *File) SetColWidth(sheet, startCol, endCol string, width float64) error {
	if sheet != sheetName {
		return fmt.Errorf("sheet %s does not exist", sheet)
	}
	lo, err := ColumnNameToNumber(startCol)
	if err != nil {
		return err
	}
	hi, err := ColumnNameToNumber(endCol)
	if err != nil {
		return err
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if width > maxColumnWidth {
		return errors.New("the width of the column must be less than or equal to 255 characters")
	}
	for c := lo; c <= hi; c++ {
		f.widths[c] = width
	}
	return nil
}

// SetDocProps sets the core document properties. An empty Created or
// Modified keeps excelize's template date, 2006-09-16.
func (f *File) SetDocProps(p *DocProperties) error {
	f.props = *p
	f.propSet = true
	return nil
}

// WriteTo writes the workbook as an .xlsx (zip) file.
func (f *File) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := f.parts()
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	// excelize writes the parts in reverse name order.
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	for _, name := range names {
		pw, err := zw.Create(name)
		if err != nil {
			return 0, err
		}
		if _, err := pw.Write(parts[name]); err != nil {
			return 0, err
		}
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.WriteTo(w)
}

//go:embed parts/styles.xml
var stylesXML []byte

//go:embed parts/theme1.xml
var themeXML []byte

const header = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// parts returns every file of the package by its path.
func (f *File) parts() map[string][]byte {
	shared := len(f.strs) > 0
	p := map[string][]byte{
		"xl/styles.xml":            stylesXML,
		"xl/theme/theme1.xml":      themeXML,
		"docProps/app.xml":         []byte(header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><TotalTime>0</TotalTime><Application>Go Excelize</Application></Properties>`),
		"_rels/.rels":              []byte(header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Target="docProps/app.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"></Relationship><Relationship Id="rId2" Target="docProps/core.xml" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"></Relationship><Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"></Relationship></Relationships>`),
		"xl/workbook.xml":          []byte(header + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="6" lowestEdited="6" rupBuild="14420"></fileVersion><workbookPr filterPrivacy="true" defaultThemeVersion="164011"></workbookPr><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="14805" windowHeight="8010"></workbookView></bookViews><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"></sheet></sheets><calcPr calcId="122211"></calcPr></workbook>`),
		"docProps/core.xml":        f.coreXML(),
		"xl/worksheets/sheet1.xml": f.sheetXML(),
	}
	types := `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"></Default><Default Extension="xml" ContentType="application/xml"></Default><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"></Override><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"></Override><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"></Override><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"></Override><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"></Override><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"></Override>`
	rels := `<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"></Relationship><Relationship Id="rId2" Target="styles.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"></Relationship><Relationship Id="rId3" Target="theme/theme1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"></Relationship>`
	if shared {
		types += `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"></Override>`
		rels += `<Relationship Id="rId4" Target="/xl/sharedStrings.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"></Relationship>`
		p["xl/sharedStrings.xml"] = f.sharedXML()
	}
	p["[Content_Types].xml"] = []byte(header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` + types + `</Types>`)
	p["xl/_rels/workbook.xml.rels"] = []byte(header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`)
	return p
}

func (f *File) coreXML() []byte {
	p := f.props
	if p.Created == "" {
		p.Created = "2006-09-16T00:00:00Z"
	}
	if p.Modified == "" {
		p.Modified = "2006-09-16T00:00:00Z"
	}
	var b bytes.Buffer
	b.WriteString(header)
	if !f.propSet {
		// Untouched, excelize keeps its template as it is.
		b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>xuri</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2006-09-16T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2006-09-16T00:00:00Z</dcterms:modified></cp:coreProperties>`)
		return b.Bytes()
	}
	b.WriteString(`<coreProperties xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	if p.Title != "" {
		element(&b, "dc:title", "", p.Title)
	}
	element(&b, "dc:creator", "", p.Creator)
	b.WriteString(`<lastModifiedBy></lastModifiedBy>`)
	element(&b, "dcterms:created", ` xsi:type="dcterms:W3CDTF"`, p.Created)
	element(&b, "dcterms:modified", ` xsi:type="dcterms:W3CDTF"`, p.Modified)
	b.WriteString(`</coreProperties>`)
	return b.Bytes()
}

// element writes <name attrs>text</name>, the text escaped as encoding/xml
// escapes character data.
func element(b *bytes.Buffer, name, attrs, text string) {
	b.WriteString("<" + name + attrs + ">")
	xml.EscapeText(b, []byte(text))
	b.WriteString("</" + name + ">")
}

func (f *File) sheetXML() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"></dimension><sheetViews><sheetView tabSelected="true" workbookViewId="0"></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"></sheetFormatPr>`)
	if len(f.widths) > 0 {
		cols := sortedKeys(f.widths)
		b.WriteString("<cols>")
		// Runs of adjacent columns of one width are one <col>.
		for i := 0; i < len(cols); {
			j := i + 1
			for j < len(cols) && cols[j] == cols[j-1]+1 && f.widths[cols[j]] == f.widths[cols[i]] {
				j++
			}
			fmt.Fprintf(&b, `<col customWidth="true" max="%d" min="%d" width="%s"></col>`,
				cols[j-1], cols[i], strconv.FormatFloat(f.widths[cols[i]], 'g', -1, 64))
			i = j
		}
		b.WriteString("</cols>")
	}
	b.WriteString("<sheetData>")
	for _, row := range sortedKeys(f.cells) {
		fmt.Fprintf(&b, `<row r="%d">`, row)
		for _, col := range sortedKeys(f.cells[row]) {
			name, _ := CoordinatesToCellName(col, row)
			fmt.Fprintf(&b, `<c r="%s" t="s"><v>%d</v></c>`, name, f.cells[row][col])
		}
		b.WriteString("</row>")
	}
	b.WriteString("</sheetData></worksheet>")
	return b.Bytes()
}

func (f *File) sharedXML() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	fmt.Fprintf(&b, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(f.strs), len(f.strs))
	for _, s := range f.strs {
		b.WriteString("<si>")
		attr := ""
		if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
			attr = ` xml:space="preserve"`
		}
		element(&b, "t", attr, s)
		b.WriteString("</si>")
	}
	b.WriteString("</sst>")
	return b.Bytes()
}

func isSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// truncate cuts s to the UTF-16 units a cell holds.
func truncate(s string) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > totalCellChars {
			return s[:i]
		}
	}
	return s
}

// escapeBSTR is excelize's bstrMarshal: each "_xHHHH_" (H a hex digit)
// that names a valid \u escape becomes "_x005F_xHHHH_"; one that does not
// (a surrogate) is dropped; a "_x005F_" becomes "_x005F_x005F_x005F_" when
// a valid "xHHHH_" follows it, else "_x005F_x005F_". Matches are found left
// to right without overlapping, as regexp's FindAll does.
func escapeBSTR(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	cursor := 0
	for i := 0; i+7 <= len(s); {
		if !isBSTR(s[i : i+7]) {
			i++
			continue
		}
		out.WriteString(s[cursor:i])
		sub := s[i : i+7]
		end := i + 7
		cursor = end
		i = end
		if sub == "_x005F_" {
			if end+6 <= len(s) && isHexEscape(s[end:end+6]) && !isSurrogate(s[end+1:end+5]) {
				out.WriteString(sub + "x005F" + sub)
			} else {
				out.WriteString(sub + "x005F_")
			}
			continue
		}
		if !isSurrogate(sub[2:6]) {
			out.WriteString("_x005F" + sub)
		}
	}
	out.WriteString(s[cursor:])
	return out.String()
}

// isSurrogate reports whether four hex digits name a UTF-16 surrogate, which
// strconv.Unquote refuses as a \u escape.
func isSurrogate(hex string) bool {
	n, _ := strconv.ParseUint(hex, 16, 16)
	return n >= 0xD800 && n <= 0xDFFF
}

// isBSTR reports whether s (7 bytes) is _xHHHH_.
func isBSTR(s string) bool {
	return s[0] == '_' && s[1] == 'x' && s[6] == '_' && isHex(s[2:6])
}

// isHexEscape reports whether s (6 bytes) is xHHHH_.
func isHexEscape(s string) bool { return s[0] == 'x' && s[5] == '_' && isHex(s[1:5]) }

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// ColumnNameToNumber returns the number of a column name: "A" is 1, "AA" 27.
func ColumnNameToNumber(name string) (int, error) {
	if name == "" || len(name) > 3 {
		return 0, fmt.Errorf("invalid column name %q", name)
	}
	n := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < 'A' || c > 'Z' {
			return 0, fmt.Errorf("invalid column name %q", name)
		}
		n = n*26 + int(c-'A') + 1
	}
	if n > maxColumns {
		return 0, fmt.Errorf("column number exceeds maximum limit")
	}
	return n, nil
}

// ColumnNumberToName returns the name of column n: 1 is "A", 27 "AA".
func ColumnNumberToName(n int) (string, error) {
	if n < 1 || n > maxColumns {
		return "", fmt.Errorf("invalid column number %d", n)
	}
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b), nil
}

// CoordinatesToCellName returns the name of the cell at column col and row
// row, both from 1: (2, 8) is "B8".
func CoordinatesToCellName(col, row int) (string, error) {
	if row < 1 || row > maxRows {
		return "", fmt.Errorf("invalid cell reference [%d, %d]", col, row)
	}
	name, err := ColumnNumberToName(col)
	if err != nil {
		return "", err
	}
	return name + strconv.Itoa(row), nil
}

// CellNameToCoordinates reads a cell name ("B8", "b8") as column and row
// numbers.
func CellNameToCoordinates(cell string) (col, row int, err error) {
	i := 0
	for i < len(cell) && ('A' <= cell[i] && cell[i] <= 'Z' || 'a' <= cell[i] && cell[i] <= 'z') {
		i++
	}
	if i == 0 || i == len(cell) || cell[i] == '0' {
		return 0, 0, fmt.Errorf("cannot convert cell %q to coordinates: invalid cell name %q", cell, cell)
	}
	if col, err = ColumnNameToNumber(strings.ToUpper(cell[:i])); err != nil {
		return 0, 0, err
	}
	row, err = strconv.Atoi(cell[i:])
	if err != nil || row < 1 || row > maxRows || strings.ContainsAny(cell[i:], "+-") {
		return 0, 0, fmt.Errorf("cannot convert cell %q to coordinates: invalid cell name %q", cell, cell)
	}
	return col, row, nil
}
