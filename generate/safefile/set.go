package safefile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A folder that WriteJobs writes a set of files into is locked while it
// works (other writers of the folder wait) and holds, for the moment the
// files are renamed into place, a journal of those renames. The journal is
// written only once every new file is complete on disk, so a run killed
// part-way through the renames is finished by the next run in the folder:
// the set appears whole, or the old set stays.
const journal = ".quizcard-commit"

// rename and link are os.Rename and os.Link; tests make them fail.
var (
	rename = os.Rename
	link   = os.Link
)

// lockDir takes the folder's lock, waiting for another writer to finish.
func lockDir(dir string) (unlock func(), err error) {
	l, err := openDirLock(dir)
	if err == nil {
		unlock, err = l.wait(dir, Wait{})
	}
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", dir, err)
	}
	return unlock, nil
}

// finishSet completes the renames of a run killed while it was putting its
// set of files in place, as its journal in dir lists them. Call it under
// the folder's lock.
func finishSet(dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, journal))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", dir, unwrapPath(err))
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		tmp, dest, ok := strings.Cut(sc.Text(), "\t")
		if !ok || !ownTemp(tmp, dest, ".tmp-") {
			continue // not a line this package wrote
		}
		from, to := filepath.Join(dir, tmp), filepath.Join(dir, dest)
		if _, err := os.Lstat(from); err == nil { // else renamed before the run was killed
			if err := rename(from, to); err != nil {
				return fmt.Errorf("write %s: finishing the files an interrupted run left: %w", to, unwrapPath(err))
			}
		}
		removeGlob(dir, "."+dest+".old-*")
	}
	syncDir(dir)
	os.Remove(filepath.Join(dir, journal))
	syncDir(dir)
	return nil
}

// ownTemp reports whether name is a temporary name this package gives dest
// (".DEST" + kind + random), both plain names within one folder.
func ownTemp(name, dest, kind string) bool {
	plain := func(s string) bool { return s != "" && s != "." && s != ".." && !strings.ContainsAny(s, `/\`) }
	return plain(name) && plain(dest) && strings.HasPrefix(name, "."+dest+kind)
}

// removeStale removes what killed writers of these files in dir left:
// temporary files, backups and a half-written journal. Call it under the
// folder's lock, after finishSet.
func removeStale(dir string, names []string) {
	for _, n := range names {
		removeGlob(dir, "."+n+".tmp-*")
		removeGlob(dir, "."+n+".old-*")
	}
	removeGlob(dir, "."+journal+".tmp-*") // the journal being written
}

func removeGlob(dir, pattern string) {
	matches, _ := filepath.Glob(filepath.Join(dir, pattern))
	for _, m := range matches {
		os.Remove(m)
	}
}

// commitSet puts a set of pending files, all in dir, in place together:
// every file is flushed to disk, the old files are kept under second names
// (hard links), the journal is written, then the renames run. If a rename
// fails, the files already renamed get their old content back and the
// error says so; a run killed during the renames is finished by the next
// (finishSet). On error no temporary file stays.
func commitSet(dir string, ps []*Pending) error {
	if len(ps) == 1 {
		return CommitAll(ps) // one rename is all or nothing by itself
	}
	for _, p := range ps {
		if err := p.flush(); err != nil {
			abortFrom(ps, 0)
			return err
		}
	}
	backups := make([]string, len(ps))
	existed := make([]bool, len(ps))
	stamp := time.Now().UnixNano()
	for i, p := range ps {
		if _, err := os.Lstat(p.path); err != nil {
			continue
		}
		existed[i] = true
		b := filepath.Join(dir, fmt.Sprintf(".%s.old-%d", filepath.Base(p.path), stamp))
		if link(p.path, b) == nil {
			backups[i] = b
		}
	}
	removeBackups := func() {
		for _, b := range backups {
			if b != "" {
				os.Remove(b)
			}
		}
	}
	var list strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&list, "%s\t%s\n", filepath.Base(p.File.Name()), filepath.Base(p.path))
	}
	if err := Write(filepath.Join(dir, journal), []byte(list.String()), 0o644); err != nil {
		abortFrom(ps, 0)
		removeBackups()
		return fmt.Errorf("write %s: %w", ps[0].path, unwrapPath(err))
	}
	for i, p := range ps {
		if err := rename(p.File.Name(), p.path); err != nil {
			err = fmt.Errorf("write %s: %w", p.path, unwrapPath(err))
			return rollBack(dir, ps, i, backups, existed, err)
		}
	}
	syncDir(dir)
	// Should the removals not reach the disk, the next run finds every
	// file in place and only clears them.
	os.Remove(filepath.Join(dir, journal))
	removeBackups()
	return nil
}

// rollBack undoes the renames of ps[:i] after err stopped the set at
// ps[i]: each file gets its old content back from its backup, or goes if
// it is new, and the temporary files go. When a replaced file has no
// backup (the file system could not make one), the journal and the
// temporary files stay instead, and the next run finishes the set.
func rollBack(dir string, ps []*Pending, i int, backups []string, existed []bool, err error) error {
	for j := range ps[:i] {
		if backups[j] == "" && existed[j] {
			return fmt.Errorf("%w; %d of the set's files were already replaced: the next run in %s finishes the set", err, i, dir)
		}
	}
	var undo error
	for j, p := range ps[:i] {
		if backups[j] == "" {
			os.Remove(p.path)
		} else if rerr := rename(backups[j], p.path); rerr != nil && undo == nil {
			undo = fmt.Errorf("%w; putting the old %s back failed too (%v): the files in %s may not belong together",
				err, p.path, unwrapPath(rerr), dir)
		}
	}
	abortFrom(ps, i)
	for _, b := range backups {
		if b != "" {
			os.Remove(b)
		}
	}
	os.Remove(filepath.Join(dir, journal))
	syncDir(dir)
	if undo != nil {
		return undo
	}
	return fmt.Errorf("%w; no file of the set was changed", err)
}

// abortFrom removes the temporary files of ps[from:].
func abortFrom(ps []*Pending, from int) {
	for _, p := range ps[from:] {
		p.Abort()
	}
}

// syncDir makes renames in dir durable.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
