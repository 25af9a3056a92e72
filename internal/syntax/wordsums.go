package syntax

// wordSums keeps, for the word types one worker met last, the class
// weights of the tagger's bias and word features (wordFeatures) summed:
// they are the same for every token of a type, so a token whose type is
// here is scored from its sum and its context features alone: 25
// lookups instead of 37 in the first pass, 37 instead of 49 in the
// second (the embedded model, without names). The sums are integers, so scores
// are the same to the bit. The model is shared by every worker and this
// is not: each work has one per tagger pass. A slot holds the type that
// last fell in it (direct-mapped), so memory is bounded: slots × classes
// × 4 bytes, 3.3 MB a pass for the model's 102 classes.
type wordSums struct {
	keys []uint64 // the type of each slot, 0 when empty
	sums []int32  // nclass sums per slot
}

// wordSumSlots is the number of slots of a wordSums, a power of two.
const (
	wordSumBits  = 13
	wordSumSlots = 1 << wordSumBits
)

// find returns the slot of in's type (nclass sums) and whether it holds
// them; when it does not, the slot is in's from now on and its caller
// fills it.
func (c *wordSums) find(in *wordInfo, nclass int) ([]int32, bool) {
	if len(c.sums) != wordSumSlots*nclass {
		c.keys, c.sums = make([]uint64, wordSumSlots), make([]int32, wordSumSlots*nclass)
	}
	k := wordSumKey(in)
	slot := wordSumSlot(k)
	sum := c.sums[slot*nclass : (slot+1)*nclass]
	if c.keys[slot] == k {
		return sum, true
	}
	c.keys[slot] = k
	return sum, false
}

// wordSumKey is the type of in for wordSums, never 0. The word features
// read the word's spelling, which its form's hash stands for, and its
// flags, which add whether it comes first.
func wordSumKey(in *wordInfo) uint64 { return mix(in.form, in.flags) | 1 }

// wordSumSlot is the slot of key k: its high bits, since its lowest is
// always 1.
func wordSumSlot(k uint64) int { return int(k >> (64 - wordSumBits)) }
