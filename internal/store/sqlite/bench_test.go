package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// BenchmarkPutBusyPair stores one document into a store that already
// holds 5,000 events of its pair of countries, which it clusters again.
func BenchmarkPutBusyPair(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "dyad.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	codes := []string{"040", "042", "057", "061", "112", "130", "190", "036"}
	put := func(i int) {
		day := i % 3650
		date := fmt.Sprintf("%04d-%02d-%02d", 2010+day/365, 1+day%365/31, 1+day%31%28)
		d := storetest.Doc(fmt.Sprintf("d%d.txt", i), fmt.Sprint("seed", i), date, "Putin met Xi.", "They signed.", "Both spoke.", "Talks went on.", "It ended.")
		var evs []doc.Event
		for k := range 5 {
			evs = append(evs, storetest.Event(d, fmt.Sprintf("e%d-%d", i, k), k, "RUSGOV", "CHN", codes[(i+k)%len(codes)], date))
		}
		if _, err := s.PutDocument(ctx, d, evs); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 1000 {
		put(i)
	}
	i := 1000
	for b.Loop() {
		put(i)
		i++
	}
}
