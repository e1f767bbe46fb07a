//go:build unix

package safefile

import "syscall"

// canWrite reports whether this process may write the file at path.
func canWrite(path string) bool { return syscall.Access(path, 2 /* W_OK */) == nil }
