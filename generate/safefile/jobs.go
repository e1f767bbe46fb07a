package safefile

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// A Job makes one file by writing it to w; note says what was written,
// for the line that reports it ("students, 2 pages").
type Job struct {
	Name  string // file name within the output folder
	Write func(w io.Writer) (note string, err error)
}

// RunJobs runs the jobs side by side, each into the writer open returns for
// it, and returns their notes in order. open's done func is called once the
// job has written everything.
func RunJobs(jobs []Job, open func(name string) (w io.Writer, done func() error, err error)) ([]string, error) {
	notes := make([]string, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		w, done, err := open(j.Name)
		if err != nil {
			wg.Wait()
			return nil, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			notes[i], errs[i] = j.Write(w)
			if errs[i] == nil {
				errs[i] = done()
			}
		}()
	}
	wg.Wait()
	return notes, errors.Join(errs...)
}

// WriteJobs runs the jobs into files in dir, creating it. Each file goes to
// a temporary file first, and none replaces its destination unless all of
// them were written (see CommitAll). It returns the paths written, each with
// its job's note.
func WriteJobs(dir string, jobs []Job) (paths, notes []string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	var pending []*Pending
	notes, err = RunJobs(jobs, func(name string) (io.Writer, func() error, error) {
		p, err := Create(filepath.Join(dir, name), 0o644)
		if err != nil {
			return nil, nil, err
		}
		pending = append(pending, p)
		bw := bufio.NewWriterSize(p, 64<<10)
		return bw, bw.Flush, nil
	})
	if err == nil {
		err = CommitAll(pending)
	} else {
		for _, p := range pending {
			p.Abort()
		}
	}
	if err != nil {
		return nil, nil, err
	}
	for _, j := range jobs {
		paths = append(paths, filepath.Join(dir, j.Name))
	}
	return paths, notes, nil
}
