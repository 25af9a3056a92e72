package conllu

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

func BenchmarkReadFile(b *testing.B) {
	path := sharedtest.Path(b, "data", "ud", "en_ewt", "en_ewt-ud-train.conllu")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	for b.Loop() {
		if _, err := ReadFile(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	train := readEWT(b, "train")
	var n int64
	for _, s := range train {
		var buf bytes.Buffer
		if err := Write(&buf, s); err != nil {
			b.Fatal(err)
		}
		n += int64(buf.Len())
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, s := range train {
			if err := Write(io.Discard, s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkScore(b *testing.B) {
	dev := readEWT(b, "dev")
	system := perturb(dev)
	for b.Loop() {
		if _, err := Score(dev, system); err != nil {
			b.Fatal(err)
		}
	}
}
