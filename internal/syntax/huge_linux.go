package syntax

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks Linux to back the memory of s with huge pages (2 MB)
// when it can: the weight tables are megabytes read at random, and with
// 4 KB pages most lookups would also miss the TLB. Only pages not yet
// touched are affected, so call it before filling s. Errors are ignored:
// the advice is only a hint, and the tables work either way.
func adviseHuge[T any](s []T) {
	if len(s) == 0 {
		return
	}
	const page = 4096
	p := unsafe.Pointer(unsafe.SliceData(s))
	addr := uintptr(p)
	size := uintptr(len(s)) * unsafe.Sizeof(s[0])
	skip := (page - addr%page) % page // to the first whole page
	if size < skip+2<<20 {
		return
	}
	n := (size - skip) &^ (page - 1)
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, skip)), n), 14) // MADV_HUGEPAGE
}
