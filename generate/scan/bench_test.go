//go:build unix

package scan_test

import (
	"bytes"
	"image"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/quizcard/quizcard/generate/scan"
)

// BenchmarkPage is grade's work per scanned page at 200 dpi: decode the
// JPEG a copier stores, find the code and the marks, read every box. It
// reports pages per second on one core (run with -cpu 1).
func BenchmarkPage(b *testing.B) {
	d, pdfData := classDoc(b, 4, 2, 5)
	rng := rand.New(rand.NewPCG(5, 5))
	var jpegs [][]byte
	for _, p := range renderSheets(b, pdfData, 200, 0, 4) {
		l := d.Layout(p.version)
		fill(p, &l.Pages[p.page-1], rng, "")
		jpegs = append(jpegs, randomScanner(rng, false).apply(p.img, p.dpi, rng))
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		img, _, err := image.Decode(bytes.NewReader(jpegs[i%len(jpegs)]))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := scan.Page(img, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	// On a shared machine wall time says little: pages per second of this
	// process's own CPU time is the figure to compare with the target.
	b.ReportMetric(float64(b.N)/(cpuTime()-cpu0).Seconds(), "pages/cpu-s")
}

// cpuTime returns the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
