//go:build !linux

package syntax

// hugeTable returns a table of n elements; on Linux, in huge pages.
func hugeTable[T any](n int) []T { return make([]T, n) }

// collapseHuge does nothing but on Linux.
func collapseHuge[T any](s []T) {}
