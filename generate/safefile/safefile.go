// Package safefile writes files so that a crash or a full disk never leaves
// one half-written: each file goes to a temporary file in the same folder,
// is flushed to disk, then renamed over its destination.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A Pending is a file being written: a temporary file beside its
// destination. Write to it, then CommitAll it (with the files that go
// with it) or Abort.
type Pending struct {
	*os.File
	path   string
	closed bool
}

// Create starts writing path. An existing file keeps its mode; a new one
// gets perm.
func Create(path string, perm fs.FileMode) (*Pending, error) {
	mode := perm
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("write %s: not a regular file", path)
		}
		mode = st.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	p := &Pending{File: tmp, path: path}
	if err := tmp.Chmod(mode); err != nil {
		p.Abort()
		return nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return p, nil
}

// flush syncs and closes the temporary file.
func (p *Pending) flush() error {
	if p.closed {
		return nil
	}
	p.closed = true
	err := p.File.Sync()
	if cerr := p.File.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", p.path, unwrapPath(err))
	}
	return nil
}

// Abort removes the temporary file; the destination is untouched.
func (p *Pending) Abort() {
	if !p.closed {
		p.closed = true
		p.File.Close()
	}
	os.Remove(p.File.Name())
}

// CommitAll flushes every pending file to disk before renaming the first,
// so a failure while flushing leaves every destination untouched. On error
// every file not yet renamed is aborted.
func CommitAll(ps []*Pending) error {
	abort := func(from int) {
		for _, p := range ps[from:] {
			p.Abort()
		}
	}
	for _, p := range ps {
		if err := p.flush(); err != nil {
			abort(0)
			return err
		}
	}
	dirs := map[string]bool{}
	for i, p := range ps {
		if err := os.Rename(p.File.Name(), p.path); err != nil {
			abort(i)
			return fmt.Errorf("write %s: %w", p.path, unwrapPath(err))
		}
		dirs[filepath.Dir(p.path)] = true
	}
	// Make the renames themselves durable.
	for dir := range dirs {
		if d, err := os.Open(dir); err == nil {
			d.Sync()
			d.Close()
		}
	}
	return nil
}

// A File is one file to write with WriteAll.
type File struct {
	Path string
	Data []byte
}

// Write writes one file atomically.
func Write(path string, data []byte, perm fs.FileMode) error {
	return WriteAll([]File{{path, data}}, perm)
}

// WriteAll writes several files, all or nothing as far as the file system
// allows (see CommitAll).
func WriteAll(files []File, perm fs.FileMode) error {
	var ps []*Pending
	for _, f := range files {
		p, err := Create(f.Path, perm)
		if err == nil {
			_, err = p.Write(f.Data)
			if err != nil {
				p.Abort()
				err = fmt.Errorf("write %s: %w", f.Path, unwrapPath(err))
			}
		}
		if err != nil {
			for _, q := range ps {
				q.Abort()
			}
			return err
		}
		ps = append(ps, p)
	}
	return CommitAll(ps)
}

// unwrapPath drops the temporary file's name from an error: users know the
// destination, not our temp file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// RemoveStale removes the temporary files that writers of path killed
// mid-write left behind. Call it only while holding Lock(path): a live
// writer holds the lock for as long as its temporary file exists.
func RemoveStale(path string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*"))
	for _, m := range matches {
		os.Remove(m)
	}
}
