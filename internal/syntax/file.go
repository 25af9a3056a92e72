package syntax

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
)

// The model file is gzip-compressed binary: a magic line, then each part
// in a fixed order, integers as little-endian or uvarints, strings and
// slices prefixed by their length. Writing the same model twice gives the
// same bytes (gzip carries no time stamp here).

const magic = "dyad syntax model 4\n"

// WriteTo writes m in the model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	e := &encoder{w: &buf}
	e.bytes([]byte(magic))
	e.str(m.About)
	e.table(&m.names)
	e.strs(m.tagger.upos)
	e.strs(m.tagger.xpos)
	e.table(&m.tagger.frequent)
	e.table(&m.tagger.amb)
	e.weights(m.tagger.w.(*weights))
	e.weights(m.tagger.second.(*weights))
	e.strs(m.rels)
	e.trans(m.parse.(*transTable))
	e.weights(m.label.(*weights))
	e.lemmas(m.lemmas)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	n, err := zw.Write(buf.Bytes())
	if err != nil {
		return int64(n), err
	}
	return int64(n), zw.Close()
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	return decode(data)
}

// decode reads a model from the uncompressed bytes of a model file.
func decode(data []byte) (*Model, error) {
	d := &decoder{b: data}
	if string(d.take(len(magic))) != magic {
		return nil, errors.New("syntax model: not a dyad syntax model")
	}
	m := &Model{}
	m.About = d.str()
	m.names = d.table()
	m.tagger.names = m.names.n > 0
	m.tagger.upos = d.strs()
	m.tagger.xpos = d.strs()
	m.tagger.frequent = d.table()
	m.tagger.amb = d.table()
	m.tagger.w = d.weights()
	m.tagger.second = d.weights()
	m.rels = d.strs()
	m.parse = d.trans()
	m.label = d.weights()
	m.lemmas = d.lemmas()
	if d.err != nil {
		return nil, fmt.Errorf("syntax model: %w", d.err)
	}
	if len(m.tagger.upos) != len(m.tagger.xpos) || len(m.rels) == 0 {
		return nil, errors.New("syntax model: inconsistent tag or relation tables")
	}
	m.leads()
	return m, nil
}

type encoder struct {
	w   *bytes.Buffer
	tmp [binary.MaxVarintLen64]byte
}

func (e *encoder) bytes(b []byte) { e.w.Write(b) }
func (e *encoder) uint(v uint64)  { e.w.Write(binary.AppendUvarint(e.tmp[:0], v)) }
func (e *encoder) str(s string)   { e.uint(uint64(len(s))); e.w.WriteString(s) }

func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) table(t *table) {
	// Keys are written in increasing order, not slot order, so a table
	// read back and written again gives the same bytes.
	var keys []uint64
	for _, k := range t.keys {
		if k != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		row, _ := t.find(k)
		e.w.Write(binary.LittleEndian.AppendUint64(nil, k))
		e.uint(uint64(row))
	}
}

func (e *encoder) weights(w *weights) {
	e.uint(uint64(w.nclass))
	e.w.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(w.scale)))
	e.uint(uint64(len(w.buckets)))
	e.uint(uint64(len(w.ents)))
	// Every bucket's fingerprints, then the number of class weights of
	// each slot; offsets follow from the numbers, in bucket order.
	b := make([]byte, 0, 16*len(w.buckets))
	for _, k := range w.buckets {
		b = binary.LittleEndian.AppendUint64(b, k.fps[0])
		b = binary.LittleEndian.AppendUint64(b, k.fps[1])
	}
	e.w.Write(b)
	b = b[:0]
	for _, k := range w.buckets {
		for _, r := range k.ref {
			b = append(b, byte(r))
		}
	}
	e.w.Write(b)
	b = b[:0]
	for _, x := range w.ents {
		b = append(b, x.class)
	}
	e.w.Write(b)
	b = b[:0]
	for _, x := range w.ents {
		b = binary.LittleEndian.AppendUint16(b, uint16(x.val))
	}
	e.w.Write(b)
}

// trans writes the parser's buckets as they lie in memory: every
// bucket's fingerprints, then every bucket's weights.
func (e *encoder) trans(t *transTable) {
	e.w.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(t.scale)))
	e.uint(uint64(len(t.buckets)))
	b := make([]byte, 0, 16*len(t.buckets))
	for _, k := range t.buckets {
		b = binary.LittleEndian.AppendUint64(b, k.fps[0])
		b = binary.LittleEndian.AppendUint64(b, k.fps[1])
	}
	e.w.Write(b)
	b = b[:0]
	for _, k := range t.buckets {
		for _, w := range k.w {
			for _, v := range w {
				b = binary.LittleEndian.AppendUint16(b, uint16(v))
			}
		}
	}
	e.w.Write(b)
}

func (e *encoder) lemmas(l *lemmatizer) {
	keys := make([]string, 0, len(l.rules))
	for k := range l.rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		r := l.rules[k]
		e.str(k)
		lower := uint64(0)
		if r.lower {
			lower = 1
		}
		e.uint(lower)
		e.uint(uint64(r.cut))
		e.str(r.add)
	}
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("truncated or corrupt at %s", what)
	}
}

func (d *decoder) take(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		d.fail("data")
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) count() int {
	// Every counted item takes at least a byte, so a count larger than
	// what is left is corrupt; checking it first keeps a damaged file
	// from allocating for items it does not hold.
	v := d.uint()
	if v > uint64(len(d.b)) {
		d.fail("count")
		return 0
	}
	return int(v)
}

func (d *decoder) str() string { return string(d.take(d.count())) }

func (d *decoder) strs() []string {
	n := d.count()
	out := make([]string, 0, min(n, 1024))
	for range n {
		out = append(out, d.str())
		if d.err != nil {
			return nil
		}
	}
	return out
}

func (d *decoder) table() table {
	var t table
	n := d.count()
	for range n {
		k := d.take(8)
		if d.err != nil {
			break
		}
		t.insert(binary.LittleEndian.Uint64(k), int32(d.uint()))
	}
	return t
}

func (d *decoder) weights() *weights {
	w := &weights{nclass: d.count()}
	scale := d.take(4)
	nb, nents := d.count(), d.count()
	if d.err != nil || nb == 0 || nb&(nb-1) != 0 || nents >= 1<<24 {
		d.fail("weights")
		return w
	}
	w.scale = math.Float32frombits(binary.LittleEndian.Uint32(scale))
	fps, counts := d.take(16*nb), d.take(bucketSlots*nb)
	class, val := d.take(nents), d.take(2*nents)
	if d.err != nil {
		return w
	}
	w.buckets = hugeTable[bucket](nb)
	off, room := 0, false
	for i := range w.buckets {
		b := &w.buckets[i]
		b.fps[0] = binary.LittleEndian.Uint64(fps[16*i:])
		b.fps[1] = binary.LittleEndian.Uint64(fps[16*i+8:])
		for j := range b.ref {
			n := int(counts[bucketSlots*i+j])
			// A slot that holds a feature has class weights: a lookup
			// that finds it reads the first.
			if (b.fps[j/4]>>(16*(j%4))&0xffff != 0) != (n > 0) {
				d.fail("weights")
				return w
			}
			b.ref[j] = uint32(off)<<8 | uint32(n)
			off += n
		}
		room = room || !b.full()
	}
	if off != nents || !room {
		d.fail("weights")
		return w
	}
	w.ents = hugeTable[went](nents)
	for i := range w.ents {
		c := class[i]
		if int(c) >= w.nclass {
			d.fail("weights")
			return w
		}
		w.ents[i] = went{val: int16(binary.LittleEndian.Uint16(val[2*i:])), class: c}
	}
	collapseHuge(w.buckets)
	collapseHuge(w.ents)
	return w
}

func (d *decoder) trans() *transTable {
	t := &transTable{}
	scale := d.take(4)
	n := d.count()
	if d.err != nil || n == 0 || n&(n-1) != 0 {
		d.fail("transitions")
		return t
	}
	t.scale = math.Float32frombits(binary.LittleEndian.Uint32(scale))
	fps, ws := d.take(16*n), d.take(2*bucketSlots*ntrans*n)
	if d.err != nil {
		return t
	}
	t.buckets = hugeTable[transBucket](n)
	room := false
	for i := range t.buckets {
		b := &t.buckets[i]
		b.fps[0] = binary.LittleEndian.Uint64(fps[16*i:])
		b.fps[1] = binary.LittleEndian.Uint64(fps[16*i+8:])
		for j := range b.w {
			for c := range b.w[j] {
				b.w[j][c] = int16(binary.LittleEndian.Uint16(ws[2*((i*bucketSlots+j)*ntrans+c):]))
			}
		}
		room = room || !b.full()
	}
	// A lookup walks past full buckets: one must have room.
	if !room {
		d.fail("transitions")
	}
	collapseHuge(t.buckets)
	return t
}

func (d *decoder) lemmas() *lemmatizer {
	n := d.count()
	l := &lemmatizer{rules: make(map[string]lemmaRule, n)}
	for range n {
		k := d.str()
		r := lemmaRule{lower: d.uint() == 1, cut: int(d.uint()), add: d.str()}
		if d.err != nil {
			break
		}
		l.rules[k] = r
	}
	return l
}
