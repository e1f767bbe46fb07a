package scan

import "image"

// This file gives the tests in package scan_test what production does not
// need: the pages of scan files one by one, to read each with Page.

// A Scan is one page image from an input file.
type Scan struct {
	Source string // "scans.pdf page 3", "img_0042.png"
	Image  image.Image
}

// Files calls fn with every page image of the given files in order: each
// page of a PDF (its largest image, as a scanner or copier stores it), and
// each PNG, JPEG or TIFF file. A folder stands for the files in it, sorted
// by name. Only one page is held in memory at a time. A page that cannot be
// decoded is passed with a nil Image and the reason in err.
func Files(paths []string, fn func(s Scan, err error) error) error {
	return encoded(paths, func(source string, data []byte, err error) error {
		var img image.Image
		if err == nil {
			img, err = decode(data)
		}
		return fn(Scan{Source: source, Image: img}, err)
	})
}
