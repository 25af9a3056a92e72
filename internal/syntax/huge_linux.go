package syntax

import (
	"syscall"
	"unsafe"
)

const (
	hugePage     = 2 << 20
	madvHugepage = 14 // MADV_HUGEPAGE
	madvCollapse = 25 // MADV_COLLAPSE, Linux 6.1 and later
)

// hugeTable returns a table of n elements for weights read at random.
// One of at least a huge page (2 MB) starts at a huge page's boundary
// and Linux is asked to back it with huge pages: with 4 KB pages most
// lookups in tables of megabytes would also miss the TLB. The advice
// only applies to pages not yet touched; collapseHuge, once the table
// is filled, moves the others. T must hold no pointers, and its size
// divide 2 MB. Errors are ignored: the advice is only a hint, and the
// tables work either way.
func hugeTable[T any](n int) []T {
	var zero T
	size := unsafe.Sizeof(zero)
	if uintptr(n)*size < hugePage {
		return make([]T, n)
	}
	// Half a huge page or more would be lost to alignment otherwise.
	extra := int(hugePage / size)
	s := make([]T, n+extra)
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	off := int((hugePage - addr%hugePage) % hugePage / size)
	s = s[off : off+n : off+n]
	madviseWhole(s, madvHugepage)
	return s
}

// collapseHuge moves the memory of s, filled, into huge pages now. The
// Go runtime zeroes memory it reuses, touching it, before it hands it
// out, so the advice of hugeTable often comes too late, and the kernel's
// background work (khugepaged) reaches such pages late or never. Older
// kernels lack MADV_COLLAPSE: the error is ignored.
func collapseHuge[T any](s []T) { madviseWhole(s, madvCollapse) }

// madviseWhole gives advice for the whole pages of s, when s spans at
// least one huge page.
func madviseWhole[T any](s []T, advice int) {
	if len(s) == 0 {
		return
	}
	const page = 4096
	p := unsafe.Pointer(unsafe.SliceData(s))
	addr := uintptr(p)
	size := uintptr(len(s)) * unsafe.Sizeof(s[0])
	skip := (page - addr%page) % page // to the first whole page
	if size < skip+hugePage {
		return
	}
	n := (size - skip) &^ (page - 1)
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, skip)), n), advice)
}
