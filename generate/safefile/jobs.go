package safefile

import (
	"bufio"
	"errors"
	"fmt"
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
// job has written everything. A job that panics (a bug) fails with an
// error instead of ending the process with its files half-written.
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
			defer func() {
				if r := recover(); r != nil { // a bug: fail the set, leave nothing half-written
					errs[i] = fmt.Errorf("write %s: internal error (a bug in quizcard; please report it): %v", j.Name, r)
				}
			}()
			notes[i], errs[i] = j.Write(w)
			if errs[i] == nil {
				errs[i] = done()
			}
		}()
	}
	wg.Wait()
	return notes, errors.Join(errs...)
}

// WriteJobs runs the jobs into files in dir, creating it, and puts the
// files in place together: all of them or, on any error, none (see
// commitSet). Each goes to a temporary file first. Writers of one folder
// take turns, and each first finishes or clears what a killed one left
// there. It returns the paths written, each with its job's note; errors
// name the files as the user knows them, never a temporary name.
func WriteJobs(dir string, jobs []Job) (paths, notes []string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, nil, err
	}
	defer unlock()
	if err := finishSet(dir); err != nil {
		return nil, nil, err
	}
	names := make([]string, len(jobs))
	for i, j := range jobs {
		names[i] = j.Name
	}
	removeStale(dir, names)
	var pending []*Pending
	notes, err = RunJobs(jobs, func(name string) (io.Writer, func() error, error) {
		p, err := Create(filepath.Join(dir, name), 0o644)
		if err != nil {
			return nil, nil, err
		}
		pending = append(pending, p)
		bw := bufio.NewWriterSize(destWriter{p}, 64<<10)
		return bw, bw.Flush, nil
	})
	if err == nil {
		err = commitSet(dir, pending)
	} else {
		abortFrom(pending, 0)
	}
	if err != nil {
		return nil, nil, err
	}
	for _, j := range jobs {
		paths = append(paths, filepath.Join(dir, j.Name))
	}
	return paths, notes, nil
}

// destWriter writes to a pending file, naming its destination in errors.
type destWriter struct{ p *Pending }

func (w destWriter) Write(b []byte) (int, error) {
	n, err := w.p.File.Write(b)
	if err != nil {
		err = fmt.Errorf("write %s: %w", w.p.path, unwrapPath(err))
	}
	return n, err
}
