package syntax

import (
	"math"
	"math/bits"
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

// kept is a feature's averaged class weights, sorted by class, as
// freezing keeps them.
type kept struct {
	key  uint64
	ents []entry // class and the averaged weight in sum
}

// averaged returns the averaged weights of every feature, in table
// order, dropping class weights whose magnitude is below min and features
// left with none, and the largest magnitude kept.
func (p *perceptron) averaged(min float64) (all []kept, maxAbs float64) {
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
	if maxAbs == 0 {
		maxAbs = 1
	}
	return all, maxAbs
}

// average returns the averaged weights as a frozen model, dropping class
// weights whose magnitude is below min and features left with none.
func (p *perceptron) average(min float64) *weights {
	all, maxAbs := p.averaged(min)
	w := &weights{nclass: p.nclass, scale: float32(maxAbs / 32767)}
	type feature struct {
		key uint64
		row []went
	}
	var feats []feature
	for _, k := range all {
		var row []went
		for _, e := range k.ents {
			if v := int16(math.Round(e.sum / float64(w.scale))); v != 0 {
				row = append(row, went{val: v, class: uint8(e.class)})
			}
		}
		if len(row) > 0 {
			feats = append(feats, feature{k.key, row})
		}
	}
	w.buckets = hugeTable[bucket](bucketsFor(len(feats)))
	mask := uint64(len(w.buckets) - 1)
	// Class weights are laid out in bucket and slot order once every
	// feature has its slot, so the file need not store offsets.
	rows := make([][bucketSlots][]went, len(w.buckets))
	for _, f := range feats {
		i, j := put(w.buckets, f.key&mask, fp16(f.key))
		rows[i][j] = f.row
	}
	for i := range w.buckets {
		for j, row := range rows[i] {
			if len(row) > 0 {
				w.buckets[i].ref[j] = uint32(len(w.ents))<<8 | uint32(len(row))
				w.ents = append(w.ents, row...)
			}
		}
	}
	return w
}

// weights is a frozen perceptron: its features in buckets of one cache
// line, eight 16-bit key fingerprints and where the class weights of
// each lie, the weights stored as int16 multiples of scale. A lookup
// reads one bucket and one run of weights, two cache misses at most.
type weights struct {
	nclass  int
	scale   float32
	buckets []bucket
	ents    []went
	// leads holds the summed class weights of features that often come
	// first in a list scored (a bias that every token reads, say), so
	// that score starts from them instead of adding a long row again.
	leads []lead
}

type lead struct {
	key uint64
	acc [256]int32
}

// bucket is 64 bytes: fingerprints as in transBucket, and for each slot
// the offset of its class weights in ents (24 bits) and their number.
type bucket struct {
	fps [2]uint64
	ref [bucketSlots]uint32
	_   [16]byte
}

type went struct {
	val   int16
	class uint8
}

// lead keeps the class weights of keys summed, for lists scored that
// start with one of them. Weights are added as integers, so the scores
// are the same to the bit.
func (w *weights) lead(keys ...uint64) {
	for _, k := range keys {
		l := lead{key: k}
		w.add(&l.acc, []uint64{k})
		w.leads = append(w.leads, l)
	}
}

// score adds each feature's class weights to scores (len nclass).
func (w *weights) score(feats []uint64, scores []float32) {
	var acc [256]int32
	if len(feats) > 0 && w.start(&acc, feats[0]) {
		feats = feats[1:]
	}
	w.add(&acc, feats)
	w.scaled(&acc, scores)
}

// start sets acc to the summed class weights of key k and reports
// whether k is a lead; it leaves acc alone when it is not.
func (w *weights) start(acc *[256]int32, k uint64) bool {
	for i := range w.leads {
		if l := &w.leads[i]; l.key == k {
			*acc = l.acc
			return true
		}
	}
	return false
}

// scaled adds the class weights summed in acc to scores, scaled.
func (w *weights) scaled(acc *[256]int32, scores []float32) {
	for c := range scores {
		scores[c] += float32(acc[c&255]) * w.scale
	}
}

// add adds each feature's class weights to acc, by class.
func (w *weights) add(acc *[256]int32, feats []uint64) { w.addSplit(nil, 0, acc, feats) }

// addSplit is add, but the class weights of the first nw features go to
// word and those of the rest to acc: one round of lookups gives a
// token's word features and its context features apart.
func (w *weights) addSplit(word *[256]int32, nw int, acc *[256]int32, feats []uint64) {
	// Features are scored in batches: first the fingerprints of every
	// feature's bucket are read into a local array, loads the processor
	// can overlap since none depends on another; then the buckets, now in
	// cache, are searched, and the first class weight of each feature
	// found is read the same way; only then are the weights added up, as
	// integers, scaled once at the end. Lookups in tables of megabytes are
	// cache misses, and overlapping them is most of the speed of tagging
	// and parsing.
	mask := uint64(len(w.buckets) - 1)
	var lo [batch]uint64
	var rows [batch][]went
	var heads [batch]went
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for k, f := range feats[:n] {
			lo[k] = w.buckets[f&mask].fps[0]
		}
		found, fw := 0, 0
		for k, f := range feats[:n] {
			if k == nw {
				fw = found
			}
			i := f & mask
			b := &w.buckets[i]
			fp := fp16(f)
			j := match(lo[k], b.fps[1], fp)
			for j >= bucketSlots && b.full() {
				i = (i + 1) & mask
				b = &w.buckets[i]
				j = match(b.fps[0], b.fps[1], fp)
			}
			// Branch-free: a miss reads slot 0 and is not counted.
			hit := j < bucketSlots
			r := b.ref[j&(bucketSlots-1)]
			rows[found] = w.ents[r>>8 : r>>8+r&0xff]
			if hit {
				found++
			}
		}
		if nw >= n {
			fw = found
		}
		for k, row := range rows[:found] {
			heads[k] = row[0]
		}
		sumRows(word, rows[:fw], heads[:fw])
		sumRows(acc, rows[fw:found], heads[fw:found])
		nw = max(nw-n, 0)
		feats = feats[n:]
	}
}

// sumRows adds the class weights of rows, whose first weights are
// heads, to acc.
func sumRows(acc *[256]int32, rows [][]went, heads []went) {
	for k, row := range rows {
		acc[heads[k].class] += int32(heads[k].val)
		for _, e := range row[1:] {
			acc[e.class] += int32(e.val)
		}
	}
}

// batch is how many features a lookup reads at once.
const batch = 64

// scorer is what tagging and parsing need of a model: the trainer while
// training, the frozen weights after.
type scorer interface {
	score(feats []uint64, scores []float32)
}

// transTable holds the parser's transition weights in buckets of one
// cache line each: eight 16-bit key fingerprints, then the three weights
// of each. A key lives in the bucket its low bits name or, when that one
// is full, in the first one after it with room, so a lookup reads one
// cache line but for the few keys of a full bucket.
type transTable struct {
	scale   float32
	buckets []transBucket
}

// transBucket is 64 bytes: fingerprints 0-3 in fps[0] and 4-7 in fps[1],
// 16 bits each and 0 for an empty slot, slots filled in order.
type transBucket struct {
	fps [2]uint64
	w   [bucketSlots][ntrans]int16
}

const (
	bucketSlots = 8
	lanes       = 0x0001000100010001 // 1 in each 16-bit lane
	highs       = 0x8000800080008000 // the top bit of each lane
)

// fp16 is the fingerprint of key k in a bucket: 16 bits the bucket number
// does not use, never 0.
func fp16(k uint64) uint16 { return uint16(k>>48) | 1 }

// match returns the slot of fingerprint fp in a bucket whose
// fingerprints are fps0 and fps1, or bucketSlots or more when the bucket
// does not hold it. The lanes of a word that hold fp become 0 once xored
// with it, and (v - lanes) &^ v & highs sets the top bit of the lowest
// zero lane (and maybe of lanes above it, which the lowest comes before).
func match(fps0, fps1 uint64, fp uint16) int {
	pat := uint64(fp) * lanes
	v0, v1 := fps0^pat, fps1^pat
	z0 := (v0 - lanes) &^ v0 & highs
	z1 := (v1 - lanes) &^ v1 & highs
	// Interleave: the top bit of lane i of fps[0] becomes bit 16i, of
	// fps[1] bit 16i+1.
	tz := bits.TrailingZeros64(z0>>15 | z1>>14)
	return tz>>4 + 4*(tz&1) + 8*(tz>>6)
}

// full reports whether every slot of b is taken.
func (b *transBucket) full() bool { return b.fps[1]>>48 != 0 }
func (b *bucket) full() bool      { return b.fps[1]>>48 != 0 }

// bucketsFor returns how many buckets hold n features at most half full,
// so a bucket seldom overflows: a power of two, at least 64.
func bucketsFor(n int) int {
	b := 64
	for b*bucketSlots < 2*n {
		b *= 2
	}
	return b
}

// putIn stores fingerprint fp of a key whose bucket is i in the first
// bucket from i with room, and returns that bucket and slot.
func putIn[B any](bs []B, fps func(*B) *[2]uint64, i uint64, fp uint16) (uint64, int) {
	mask := uint64(len(bs) - 1)
	for fps(&bs[i])[1]>>48 != 0 {
		i = (i + 1) & mask
	}
	f := fps(&bs[i])
	j := 0
	for f[j/4]>>(16*(j%4))&0xffff != 0 {
		j++
	}
	f[j/4] |= uint64(fp) << (16 * (j % 4))
	return i, j
}

func put(bs []bucket, i uint64, fp uint16) (uint64, int) {
	return putIn(bs, func(b *bucket) *[2]uint64 { return &b.fps }, i, fp)
}

// averageTrans returns the averaged weights of a perceptron over the
// transitions as a transTable, dropping weights below min as average does.
func (p *perceptron) averageTrans(min float64) *transTable {
	all, maxAbs := p.averaged(min)
	t := &transTable{scale: float32(maxAbs / 32767)}
	n := bucketsFor(len(all))
	t.buckets = hugeTable[transBucket](n)
	mask := uint64(n - 1)
	for _, k := range all {
		var w [ntrans]int16
		for _, e := range k.ents {
			w[e.class] = int16(math.Round(e.sum / float64(t.scale)))
		}
		if w == [ntrans]int16{} {
			continue
		}
		t.put(k.key&mask, fp16(k.key), w)
	}
	return t
}

// put stores the weights w of a key with fingerprint fp whose bucket is
// i, in the first bucket from i with room.
func (t *transTable) put(i uint64, fp uint16, w [ntrans]int16) {
	i, j := putIn(t.buckets, func(b *transBucket) *[2]uint64 { return &b.fps }, i, fp)
	t.buckets[i].w[j] = w
}

func (t *transTable) score(feats []uint64, scores []float32) {
	// As weights.score, in two rounds: first the fingerprints of each
	// feature's bucket are read, loads the processor overlaps since none
	// depends on another; then the buckets, now in cache, are searched.
	mask := uint64(len(t.buckets) - 1)
	var sum [ntrans]int32
	var lo [batch]uint64
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for k, f := range feats[:n] {
			lo[k] = t.buckets[f&mask].fps[0]
		}
		for k, f := range feats[:n] {
			i := f & mask
			b := &t.buckets[i]
			fp := fp16(f)
			j := match(lo[k], b.fps[1], fp)
			for j >= bucketSlots && b.full() {
				i = (i + 1) & mask
				b = &t.buckets[i]
				j = match(b.fps[0], b.fps[1], fp)
			}
			// Branch-free add: keep is all ones when j is a slot.
			keep := int32(j-bucketSlots) >> 31
			w := &b.w[j&(bucketSlots-1)]
			sum[0] += int32(w[0]) & keep
			sum[1] += int32(w[1]) & keep
			sum[2] += int32(w[2]) & keep
		}
		feats = feats[n:]
	}
	for c, v := range sum {
		scores[c] += float32(v) * t.scale
	}
}
