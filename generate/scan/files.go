package scan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // scans come as JPEG ...
	_ "image/png"  // ... PNG ...
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	_ "golang.org/x/image/tiff" // ... or TIFF
)

// Limits on input, checked before decoding.
const (
	MaxFileBytes = 512 << 20  // one scan file: 120 colour pages at 300 dpi are about 150 MiB
	MaxPixels    = 40_000_000 // one page image: A4 at 600 dpi is 35 million
)

// encoded calls fn with every page image of the files, still encoded.
func encoded(paths []string, fn func(source string, data []byte, err error) error) error {
	files, err := expand(paths)
	if err != nil {
		return err
	}
	for _, p := range files {
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		if st.Size() > MaxFileBytes {
			return fmt.Errorf("%s: over %d MiB; split the scan", p, MaxFileBytes>>20)
		}
		if strings.EqualFold(filepath.Ext(p), ".pdf") {
			err = pdfPages(p, fn)
		} else {
			err = imageFile(p, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

var imageExts = []string{".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}

// expand replaces folders by their scan files and refuses other files.
func expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			if !slices.Contains(imageExts, strings.ToLower(filepath.Ext(p))) {
				return nil, fmt.Errorf("%s: not a scan: give PDF, PNG, JPEG or TIFF files", p)
			}
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		n := len(out)
		for _, e := range entries {
			if !e.IsDir() && slices.Contains(imageExts, strings.ToLower(filepath.Ext(e.Name()))) {
				out = append(out, filepath.Join(p, e.Name()))
			}
		}
		if len(out) == n {
			return nil, fmt.Errorf("%s: no PDF, PNG, JPEG or TIFF files in the folder", p)
		}
	}
	return out, nil
}

func imageFile(path string, fn func(string, []byte, error) error) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return fn(filepath.Base(path), data, nil)
}

// decode decodes an image after checking its size.
func decode(data []byte) (image.Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a PNG, JPEG or TIFF image: %v", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxPixels {
		return nil, fmt.Errorf("a %d × %d pixel image is too large for a page; scan at 150 to 300 dpi", cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s image: %v", format, err)
	}
	return img, nil
}

// pdfPages passes the page images of a scanned PDF.
func pdfPages(path string, fn func(string, []byte, error) error) (err error) {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := readPDF(f, conf)
	if err != nil {
		return fmt.Errorf("%s: not a readable PDF: %v", path, err)
	}
	name := filepath.Base(path)
	for n := 1; n <= ctx.PageCount; n++ {
		src := fmt.Sprintf("%s page %d", name, n)
		data, err := pageImage(ctx, n)
		if err := fn(src, data, err); err != nil {
			return err
		}
	}
	return nil
}

// readPDF reads a PDF, turning a panic inside the PDF library into an error.
func readPDF(r io.ReadSeeker, conf *model.Configuration) (ctx *model.Context, err error) {
	defer func() {
		if p := recover(); p != nil {
			ctx, err = nil, fmt.Errorf("%v", p)
		}
	}()
	return api.ReadValidateAndOptimize(r, conf)
}

// pageImage returns the encoded bytes of the largest image on page n.
func pageImage(ctx *model.Context, n int) (data []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, fmt.Errorf("%v", p)
		}
	}()
	imgs, err := pdfcpu.ExtractPageImages(ctx, n, false)
	if err != nil {
		return nil, err
	}
	// The page image is the biggest one; ties go to the first object.
	keys := slices.Sorted(maps.Keys(imgs))
	for _, k := range keys {
		im := imgs[k]
		if im.Thumb || im.Reader == nil {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(im.Reader, MaxFileBytes))
		if err != nil {
			return nil, err
		}
		if len(b) > len(data) {
			data = b
		}
	}
	if data == nil {
		return nil, errors.New("the page has no image: print the sheets, then scan them")
	}
	return data, nil
}
