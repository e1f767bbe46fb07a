package grade

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"fmt"
	"html/template"
	"image"
	"image/png"
	"io"
	"strconv"
)

// A Review is something a person must look at: an unsure row of boxes, or
// a page that could not be read.
type Review struct {
	Source      string // "scan.pdf page 3"
	Student, ID string
	Version     string
	Item, Row   int    // 1-based item and row; 0 for a whole page
	Reason      string // "2 boxes ticked", "no quizcard QR code found ..."
	Read        string // what was read, as the student would write it; "" for nothing
	Image       image.Image
	File        string // the image's name in the output, set by Files
}

// ReviewCSV writes the review list: one row per thing to check, with the
// image to look at.
func ReviewCSV(w io.Writer, reviews []Review) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"source", "student", "id", "version", "item", "row", "reason", "read", "see"})
	for i, r := range reviews {
		item, row := "", ""
		if r.Item > 0 {
			item, row = strconv.Itoa(r.Item), strconv.Itoa(r.Row)
		}
		cw.Write([]string{cell(r.Source), cell(r.Student), cell(r.ID), r.Version, item, row, r.Reason, r.Read, fmt.Sprintf("report.html#check-%d", i+1)})
	}
	cw.Flush()
	return cw.Error()
}

// dataURI returns img as a PNG data: URI, for the report to show inline.
func dataURI(img image.Image) (template.URL, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return "", err
	}
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())), nil
}
