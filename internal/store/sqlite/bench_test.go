package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
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

// BenchmarkPutBusyStory stores one more report of a story a store already
// holds many reports of, in clusters of that many: a summit reported by
// every outlet. The reports agree on its day: reports that disagree add a
// disagreement with every other report, which is written, however it is
// clustered.
func BenchmarkPutBusyStory(b *testing.B) {
	for _, reports := range []int{100, 400, 1200} {
		b.Run(fmt.Sprint(reports), func(b *testing.B) {
			ctx := context.Background()
			s, err := Open(ctx, filepath.Join(b.TempDir(), "dyad.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			put := func(i int) {
				r := storyReport(i)
				if _, err := s.PutDocument(ctx, r.Doc, r.Events); err != nil {
					b.Fatal(err)
				}
			}
			for i := range reports {
				put(i)
			}
			i := reports
			for b.Loop() {
				put(i)
				i++
			}
		})
	}
}

// BenchmarkPutStoryBatch stores more reports of a story a store already
// holds 400 reports of, a batch of them at a time (PutDocuments), and
// reports the time per document: one transaction, one commit and one
// clustering of the story's clusters for the batch.
func BenchmarkPutStoryBatch(b *testing.B) {
	for _, batch := range []int{1, 16, 64} {
		b.Run(fmt.Sprint(batch), func(b *testing.B) {
			ctx := context.Background()
			s, err := Open(ctx, filepath.Join(b.TempDir(), "dyad.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			put := func(puts []store.Put) {
				for _, r := range s.PutDocuments(ctx, puts) {
					if r.Err != nil || !r.Added {
						b.Fatal(r.Err)
					}
				}
			}
			var puts []store.Put
			for i := range 400 {
				puts = append(puts, storyReport(i))
			}
			put(puts)
			i, docs := 400, 0
			for b.Loop() {
				puts = puts[:0]
				for range batch {
					puts = append(puts, storyReport(i))
					i++
				}
				put(puts)
				docs += batch
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(docs), "ms/doc")
		})
	}
}

// storyReport is report i of a summit: a document of five sentences and
// an event of each, all of one visit.
func storyReport(i int) store.Put {
	codes := []string{"042", "043", "040", "057", "061"}
	d := storetest.Doc(fmt.Sprintf("d%05d.txt", i), "story", "2012-06-07", "Putin arrived.", "Hu hosted him.", "They met.", "They signed.", "Deals followed.")
	var evs []doc.Event
	for k := range 5 {
		evs = append(evs, storetest.Event(d, fmt.Sprintf("e%d-%d", i, k), k, "RUSGOV", "CHN", codes[k], "2012-06-05"))
	}
	return store.Put{Doc: d, Events: evs}
}
