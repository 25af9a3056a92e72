package cluster

import (
	"fmt"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

// manyEvents is n events of one pair spread over ten years, a few reports
// of each real-world event, as a store of one busy dyad holds.
func manyEvents(n int) []doc.Event {
	codes := []string{"040", "042", "057", "061", "112", "130", "190", "036"}
	evs := make([]doc.Event, n)
	for i := range evs {
		day := (i / 3) % 3650
		date := fmt.Sprintf("%04d-%02d-%02d", 2010+day/365, 1+day%365/31, 1+day%31%28)
		evs[i] = ev(fmt.Sprintf("e%06d", i), fmt.Sprintf("d%d", i/7), i%7, "RUSGOV", "CHN", codes[(i/3)%len(codes)], date)
	}
	return evs
}

func BenchmarkAssign(b *testing.B) {
	evs := manyEvents(5000)
	for b.Loop() {
		Assign(evs)
	}
}
