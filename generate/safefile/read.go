package safefile

import (
	"fmt"
	"io"
	"os"
)

// ReadFile reads the regular file at path, refusing anything else (a
// FIFO, a device, a folder) before it reads a byte, and stops with an
// error once more than max bytes have come, however large the file grows
// while it is read. what names the file in messages ("bank").
func ReadFile(path, what string, max int64) ([]byte, error) {
	// Opening a FIFO for reading waits for a writer; without delay it does
	// not, and the check below refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s); give the %s as a file", path, kind(st.Mode()), what)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: %s is larger than %d MiB; refusing to read it", path, what, max>>20)
	}
	return data, nil
}

// kind names what a file that is not regular is.
func kind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// Writable returns an error when the file at path is read-only: no write
// permission for anyone (which root would ignore), or none for this
// process. A writer that replaces files by renaming could otherwise
// replace a file its owner meant to keep.
func Writable(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o222 == 0 || !canWrite(path) {
		return fmt.Errorf("%s is read-only (mode %v): make it writable first (chmod u+w)", path, st.Mode().Perm())
	}
	return nil
}
