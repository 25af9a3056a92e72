//go:build !linux

package syntax

// adviseHuge does nothing but on Linux.
func adviseHuge[T any](s []T) {}
