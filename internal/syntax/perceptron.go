package syntax

import (
	"math"
	"sort"
)

// Features are hashed: a template number and up to three atoms (a word's
// hash, a tag, a label, a distance) are mixed into one uint64 key. Keys are
// looked up in open-addressing tables, never Go maps, so scoring a state
// allocates nothing.

// mix folds b into the running hash a: a is multiplied before b is
// added, so small atoms (tags, labels, distances) under different
// templates never meet, then the bits are mixed by the finaliser of
// splitmix64.
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 + b
	h ^= h >> 30
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 27
	h *= 0x94D049BB133111EB
	return h ^ h>>31
}

// feat returns the key of template t over atoms a, b, c; never 0.
func feat(t int, a, b, c uint64) uint64 {
	h := mix(mix(mix(uint64(t)+1, a), b), c)
	if h == 0 {
		h = 1
	}
	return h
}

// hashString is FNV-1a, the hash of a word or an affix.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// table maps keys to row numbers by open addressing with linear probing,
// keeping keys whole: the perceptron's index while training, and the
// model's small word tables. Frozen weights keep only fingerprints.
type table struct {
	keys []uint64
	rows []int32
	n    int
}

func (t *table) find(k uint64) (int32, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	mask := uint64(len(t.keys) - 1)
	for i := k & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.rows[i], true
		case 0:
			return 0, false
		}
	}
}

// insert returns the row of k, adding row next when k is new.
func (t *table) insert(k uint64, next int32) (int32, bool) {
	if 4*(t.n+1) > 3*len(t.keys) {
		t.grow()
	}
	mask := uint64(len(t.keys) - 1)
	for i := k & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.rows[i], false
		case 0:
			t.keys[i], t.rows[i] = k, next
			t.n++
			return next, true
		}
	}
}

func (t *table) grow() {
	old, oldRows := t.keys, t.rows
	size := 1024
	if len(old) > 0 {
		size = 2 * len(old)
	}
	t.keys, t.rows, t.n = make([]uint64, size), make([]int32, size), 0
	for i, k := range old {
		if k != 0 {
			t.insert(k, oldRows[i])
		}
	}
}

// entry is one class weight of a feature while training, with what
// averaging needs: the running sum of the weight over all updates so far,
// brought up to date lazily at step ts.
type entry struct {
	class int32
	ts    int32
	w     float32
	sum   float64
}

// perceptron is an averaged multiclass perceptron over hashed features
// with sparse rows: a feature carries weights only for the classes it was
// ever updated for.
type perceptron struct {
	nclass int
	tab    table
	rows   [][]entry
	step   int32 // updates so far (one per training instance)
}

func newPerceptron(nclass int) *perceptron { return &perceptron{nclass: nclass} }

// score adds each feature's class weights to scores (len nclass).
func (p *perceptron) score(feats []uint64, scores []float32) {
	for _, f := range feats {
		r, ok := p.tab.find(f)
		if !ok {
			continue
		}
		for _, e := range p.rows[r] {
			scores[e.class] += e.w
		}
	}
}

// tick counts one training instance, whether or not it updates.
func (p *perceptron) tick() { p.step++ }

// update moves the weights of feats toward good and away from bad.
func (p *perceptron) update(feats []uint64, good, bad int) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r, fresh := p.tab.insert(f, int32(len(p.rows)))
		if fresh {
			p.rows = append(p.rows, nil)
		}
		p.add(r, good, 1)
		p.add(r, bad, -1)
	}
}

func (p *perceptron) add(r int32, class int, v float32) {
	row := p.rows[r]
	for i := range row {
		e := &row[i]
		if int(e.class) == class {
			e.sum += float64(p.step-e.ts) * float64(e.w)
			e.ts = p.step
			e.w += v
			return
		}
	}
	p.rows[r] = append(row, entry{class: int32(class), ts: p.step, w: v})
}

// average returns the averaged weights as a frozen model, dropping class
// weights whose magnitude is below min and features left with none.
func (p *perceptron) average(min float64) *weights {
	type kept struct {
		key  uint64
		ents []entry
	}
	var all []kept
	maxAbs := 0.0
	for i, k := range p.tab.keys {
		if k == 0 {
			continue
		}
		var ents []entry
		for _, e := range p.rows[p.tab.rows[i]] {
			sum := e.sum + float64(p.step-e.ts)*float64(e.w)
			avg := sum / float64(max(p.step, 1))
			if math.Abs(avg) < min {
				continue
			}
			maxAbs = math.Max(maxAbs, math.Abs(avg))
			ents = append(ents, entry{class: e.class, sum: avg})
		}
		sort.Slice(ents, func(i, j int) bool { return ents[i].class < ents[j].class })
		if len(ents) > 0 {
			all = append(all, kept{k, ents})
		}
	}
	w := &weights{nclass: p.nclass}
	if maxAbs == 0 {
		maxAbs = 1
	}
	w.scale = float32(maxAbs / 32767)
	size := 1024
	for 3*size < 4*len(all) {
		size *= 2
	}
	w.slots = make([]slot, size)
	at := make([]int32, size) // slot → index in all, plus one
	mask := uint64(size - 1)
	for j, k := range all {
		i := k.key & mask
		for at[i] != 0 {
			i = (i + 1) & mask
		}
		at[i] = int32(j + 1)
	}
	// Class weights are laid out in slot order, so a slot's offset
	// follows from the counts before it.
	for i, j := range at {
		if j == 0 {
			continue
		}
		off := uint32(len(w.ents))
		for _, e := range all[j-1].ents {
			if v := int16(math.Round(e.sum / float64(w.scale))); v != 0 {
				w.ents = append(w.ents, went{val: v, class: uint8(e.class)})
			}
		}
		w.slots[i] = slot{fpn: fingerprint(all[j-1].key)<<8 | (uint32(len(w.ents)) - off), off: off}
	}
	return w
}

// fingerprint is 24 bits of k that the slot number does not use.
func fingerprint(k uint64) uint32 { return uint32(k>>40) | 1 }

// weights is a frozen perceptron: an open-addressing table of slots, each
// a 24-bit key fingerprint and where its class weights lie, the weights
// stored as int16 multiples of scale. A lookup touches one slot and one
// run of weights, so scoring costs two cache misses per feature at most.
type weights struct {
	nclass int
	scale  float32
	slots  []slot
	ents   []went
}

// slot packs a 24-bit key fingerprint with the number of class weights
// (at most 255), and the offset of those weights.
type slot struct {
	fpn uint32 // fingerprint<<8 | count; 0 for an empty slot
	off uint32
}

type went struct {
	val   int16
	class uint8
}

// score adds each feature's class weights to scores (len nclass).
func (w *weights) score(feats []uint64, scores []float32) {
	// Features are scored in batches: first every feature's slot is read
	// into a local array, loads the processor can overlap since none
	// depends on another; then the class weights of the features found
	// are gathered the same way, and only then added up. Lookups in
	// tables of megabytes are cache misses, and overlapping them is most
	// of the speed of tagging and parsing.
	mask := uint64(len(w.slots) - 1)
	var slots [batch]slot
	var rows [batch][]went
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for k, f := range feats[:n] {
			slots[k] = w.slots[f&mask]
		}
		found := 0
		for k, f := range feats[:n] {
			s := slots[k]
			fp := fingerprint(f)
			for i := f & mask; s.fpn != 0 && s.fpn>>8 != fp; {
				i = (i + 1) & mask
				s = w.slots[i]
			}
			if s.fpn != 0 {
				rows[found] = w.ents[s.off : s.off+s.fpn&0xff]
				found++
			}
		}
		for _, row := range rows[:found] {
			for _, e := range row {
				scores[e.class] += float32(e.val) * w.scale
			}
		}
		feats = feats[n:]
	}
}

// batch is how many features a lookup reads at once.
const batch = 64

// scorer is what tagging and parsing need of a model: the trainer while
// training, the frozen weights after.
type scorer interface {
	score(feats []uint64, scores []float32)
}

// transWeights holds the parser's transition weights inline in the slots:
// with three classes, a feature's weights fit beside its fingerprint, so
// a lookup is one cache miss.
type transWeights struct {
	scale float32
	slots []transSlot
	fps   []uint32 // each slot's whole fingerprint, for writing the model
}

// transSlot is eight bytes: 16 bits of the key's fingerprint (the slot
// number holds more of the key) and the three weights.
type transSlot struct {
	fp uint16 // 0 for an empty slot
	w  [ntrans]int16
}

// fp16 shortens a slot's 24-bit fingerprint to 16 bits, never 0.
func fp16(fp uint32) uint16 { return uint16(fp>>8) | 1 }

// inline returns w, which must have ntrans classes, as transWeights.
func (w *weights) inline() *transWeights {
	t := &transWeights{scale: w.scale, slots: make([]transSlot, len(w.slots)), fps: make([]uint32, len(w.slots))}
	adviseHuge(t.slots)
	for i, s := range w.slots {
		if s.fpn == 0 {
			continue
		}
		ts := &t.slots[i]
		ts.fp = fp16(s.fpn >> 8)
		t.fps[i] = s.fpn >> 8
		for _, e := range w.ents[s.off : s.off+s.fpn&0xff] {
			ts.w[e.class] = e.val
		}
	}
	return t
}

func (t *transWeights) score(feats []uint64, scores []float32) {
	// As weights.score: read the slots of a batch first, then use them.
	mask := uint64(len(t.slots) - 1)
	var slots [batch]transSlot
	var sum [ntrans]int32
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for k, f := range feats[:n] {
			slots[k] = t.slots[f&mask]
		}
		for k, f := range feats[:n] {
			s := slots[k]
			fp := fp16(fingerprint(f))
			for i := f & mask; s.fp != 0 && s.fp != fp; {
				i = (i + 1) & mask
				s = t.slots[i]
			}
			if s.fp != 0 {
				sum[0] += int32(s.w[0])
				sum[1] += int32(s.w[1])
				sum[2] += int32(s.w[2])
			}
		}
		feats = feats[n:]
	}
	for c, v := range sum {
		scores[c] += float32(v) * t.scale
	}
}

// weights returns t in the general layout, as the model file stores it.
func (t *transWeights) weights() *weights {
	w := &weights{nclass: ntrans, scale: t.scale, slots: make([]slot, len(t.slots))}
	for i, s := range t.slots {
		if s.fp == 0 {
			continue
		}
		off, n := uint32(len(w.ents)), uint32(0)
		for c, v := range s.w {
			if v != 0 {
				w.ents = append(w.ents, went{val: v, class: uint8(c)})
				n++
			}
		}
		w.slots[i] = slot{fpn: t.fps[i]<<8 | n, off: off}
	}
	return w
}
