package syntax

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/lexicon"
)

// TrainOptions are the settings of a training run. The zero value trains
// with the settings chosen on the EWT development set.
type TrainOptions struct {
	TagEpochs   int    // passes over the training data for the tagger (default 8)
	ParseEpochs int    // passes for the parser (default 15); the best on dev is kept
	Folds       int    // jackknife folds giving the parser realistic tags (default 10)
	Seed        uint64 // shuffling and exploration; the same seed gives the same model
	Workers     int    // goroutines for the jackknife folds (default 2)
	// MinWeight drops the parser's averaged transition weights smaller
	// than this (default 1), LabelMinWeight the relation classifier's
	// (default 1) and TagMinWeight the tagger's (default 1): most
	// features seen in training barely move a decision, and dropping
	// them keeps the model small and fast (docs/performance.md says what
	// lower thresholds measured).
	MinWeight, LabelMinWeight, TagMinWeight float64
	// Names, when set, has the tagger read what these dictionaries say
	// each word is; the model keeps a copy of what it read.
	Names *lexicon.Lexicon
	// Log receives one line per epoch; nil for none.
	Log io.Writer
}

func (o *TrainOptions) defaults() {
	if o.TagEpochs == 0 {
		o.TagEpochs = 8
	}
	if o.ParseEpochs == 0 {
		o.ParseEpochs = 15
	}
	if o.Folds == 0 {
		o.Folds = 10
	}
	if o.Workers == 0 {
		o.Workers = 2
	}
	if o.MinWeight == 0 {
		o.MinWeight = 1
	}
	if o.LabelMinWeight == 0 {
		o.LabelMinWeight = 1
	}
	if o.TagMinWeight == 0 {
		o.TagMinWeight = 1
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// example is one treebank sentence as training reads it.
type example struct {
	words  []string
	infos  []wordInfo
	tags   []int // gold tag classes
	first  []int // tags the jackknifed first pass gives
	pred   []int // tags the jackknifed tagger gives
	heads  []int // 1-based, 0 = root; heads[0] unused
	rels   []int // relation ids, 1-based like heads
	lemmas []string
	xpos   []string
}

// vocab numbers strings by falling frequency, then by name, so the same
// data always gives the same numbering.
type vocab struct {
	names []string
	ids   map[string]int
}

func newVocab(counts map[string]int) *vocab {
	v := &vocab{ids: make(map[string]int)}
	for s := range counts {
		v.names = append(v.names, s)
	}
	sort.Slice(v.names, func(i, j int) bool {
		a, b := v.names[i], v.names[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return a < b
	})
	for i, s := range v.names {
		v.ids[s] = i
	}
	return v
}

// Train trains a model on train, choosing the parser's number of epochs on
// dev.
func Train(train, dev []*conllu.Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if len(train) == 0 {
		return nil, fmt.Errorf("train: no training sentences")
	}
	if opt.TagEpochs < 1 || opt.ParseEpochs < 1 || opt.Folds < 2 || opt.Workers < 1 {
		return nil, fmt.Errorf("train: want at least one epoch of each, two folds and one worker; got %d, %d, %d and %d",
			opt.TagEpochs, opt.ParseEpochs, opt.Folds, opt.Workers)
	}
	tagCounts, relCounts := map[string]int{}, map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			tagCounts[w.UPOS+" "+w.XPOS]++
			relCounts[w.Deprel]++
		}
	}
	tags, rels := newVocab(tagCounts), newVocab(relCounts)
	if len(tags.names) > 255 || len(rels.names) > 255 {
		return nil, fmt.Errorf("train: %d tags and %d relations; at most 255 each", len(tags.names), len(rels.names))
	}
	m := &Model{}
	var known func([]string, []uint64)
	if opt.Names != nil {
		m.names = nameTable(opt.Names)
		m.tagger.names = true
		known = func(words []string, out []uint64) { markNames(&m.names, words, out) }
	}
	m.tagger.amb = ambiguityClasses(train, tags)
	trainEx := examples(train, tags, rels, &m.tagger.amb, known)
	devEx := examples(dev, tags, rels, &m.tagger.amb, known)

	for _, t := range tags.names {
		u, x, _ := strings.Cut(t, " ")
		m.tagger.upos = append(m.tagger.upos, u)
		m.tagger.xpos = append(m.tagger.xpos, x)
	}
	m.rels = rels.names

	// Lemmas from the gold tags.
	lc := lemmaCounts{}
	for _, ex := range trainEx {
		for i, w := range ex.words {
			lc.add(w, ex.xpos[i], ex.lemmas[i])
		}
	}
	m.lemmas = lc.build()

	// The tagger's two passes, and the tags it gives each training
	// sentence when trained without it.
	m.tagger.frequent = frequentWords(trainEx)
	jackknife(trainEx, m.tagger, opt)
	m.tagger.w = trainTagger(trainEx, &m.tagger, false, opt.TagEpochs, opt.Seed, opt.TagMinWeight)
	m.tagger.second = trainTagger(trainEx, &m.tagger, true, opt.TagEpochs, opt.Seed+100, opt.TagMinWeight)
	for _, ex := range devEx {
		tagExample(&m.tagger, ex)
	}
	fmt.Fprintf(opt.Log, "tagger: dev accuracy %.4f (upos %.4f); jackknifed on train %.4f\n", tagAccuracy(devEx), uposAccuracy(devEx, m.tagger.upos), tagAccuracy(trainEx))

	trainParser(m, trainEx, devEx, opt)
	m.About = fmt.Sprintf("UD English-EWT (%d training sentences); tagger 2 passes of %d epochs, names %v; parser on %d-fold jackknifed tags; seed %d",
		len(train), opt.TagEpochs, opt.Names != nil, opt.Folds, opt.Seed)
	return m, nil
}

// ambiguityClasses numbers, for each lower-case form seen at least three
// times, the set of tags it has at least 5% of the time.
func ambiguityClasses(train []*conllu.Sentence, tags *vocab) table {
	counts := map[string]map[int]int{}
	var order []string
	for _, s := range train {
		for _, w := range s.Words {
			lw := strings.ToLower(word(w.Form))
			m := counts[lw]
			if m == nil {
				m = map[int]int{}
				counts[lw] = m
				order = append(order, lw)
			}
			m[tags.ids[w.UPOS+" "+w.XPOS]]++
		}
	}
	classes := map[string]int32{}
	var t table
	for _, lw := range order {
		total := 0
		for _, n := range counts[lw] {
			total += n
		}
		if total < 3 {
			continue
		}
		var set []int
		for tag, n := range counts[lw] {
			if 20*n >= total {
				set = append(set, tag)
			}
		}
		sort.Ints(set)
		name := fmt.Sprint(set)
		id, ok := classes[name]
		if !ok {
			id = int32(len(classes))
			classes[name] = id
		}
		t.insert(ambKey(hashString(lw)), id)
	}
	return t
}

func examples(sents []*conllu.Sentence, tags, rels *vocab, amb *table, known func([]string, []uint64)) []*example {
	out := make([]*example, 0, len(sents))
	for _, s := range sents {
		n := len(s.Words)
		ex := &example{
			words: make([]string, n), infos: make([]wordInfo, n),
			tags: make([]int, n), pred: make([]int, n), first: make([]int, n),
			heads: make([]int, n+1), rels: make([]int, n+1),
			lemmas: make([]string, n), xpos: make([]string, n),
		}
		for i, w := range s.Words {
			ex.words[i] = word(w.Form)
			ex.tags[i] = tags.ids[w.UPOS+" "+w.XPOS] // unknown tags become class 0
			ex.heads[i+1] = w.Head
			ex.rels[i+1] = rels.ids[w.Deprel]
			ex.lemmas[i] = w.Lemma
			ex.xpos[i] = w.XPOS
		}
		var k []uint64
		if known != nil {
			k = make([]uint64, n)
			known(ex.words, k)
		}
		describe(ex.words, k, amb, ex.infos)
		out = append(out, ex)
	}
	return out
}

// frequentWords finds the forms seen at least 50 times and tagged one way
// at least 99.5% of the time.
func frequentWords(exs []*example) table {
	counts := map[uint64]map[int]int{}
	var order []uint64
	for _, ex := range exs {
		for i, in := range ex.infos {
			m := counts[in.form]
			if m == nil {
				m = map[int]int{}
				counts[in.form] = m
				order = append(order, in.form)
			}
			m[ex.tags[i]]++
		}
	}
	var t table
	for _, f := range order {
		total, bestTag, bestN := 0, 0, -1
		for tag, n := range counts[f] {
			total += n
			if n > bestN || (n == bestN && tag < bestTag) {
				bestTag, bestN = tag, n
			}
		}
		if total >= 50 && float64(bestN) >= 0.995*float64(total) {
			t.insert(frequentKey(f), int32(bestTag))
		}
	}
	return t
}

// trainTagger trains a pass of the tagger: the first, or with second set
// the second, which reads the jackknifed first pass's tags of each
// example.
func trainTagger(exs []*example, t *tagger, second bool, epochs int, seed uint64, minWeight float64) *weights {
	p := newPerceptron(t.nclass())
	scores := make([]float32, t.nclass())
	var buf []uint64
	epochsOver(exs, epochs, seed, func(ex *example) {
		var first []int
		if second {
			first = ex.first
		}
		prev, prev2 := -1, -2
		for k := range ex.infos {
			i := at(k, len(ex.infos), !second)
			guess, ok := t.frequentClass(ex.infos[i])
			if !ok {
				buf = t.features(buf[:0], ex.infos, i, prev, prev2, first)
				clear(scores)
				p.score(buf, scores)
				guess = argmax(scores, nil)
				p.update(buf, ex.tags[i], guess)
				p.tick()
			}
			prev2, prev = prev, guess
		}
	})
	return p.average(minWeight)
}

// epochsOver calls train on every example, epochs times, in an order
// shuffled anew each time from seed.
func epochsOver(exs []*example, epochs int, seed uint64, train func(*example)) {
	rng := rand.New(rand.NewPCG(seed, 1))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			train(exs[k])
		}
	}
}

// tagExample sets ex.pred to what t tags.
func tagExample(t *tagger, ex *example) {
	n := len(ex.pred)
	t.tag(ex.infos, ex.pred, make([]int, n), make([]bool, n), make([]float32, t.nclass()), new([]uint64), nil)
}

// jackknife tags each training sentence with taggers trained on the other
// folds, so the second pass and the parser learn from tags as good as
// they will see: first the first pass for every fold, then both passes.
func jackknife(exs []*example, full tagger, opt TrainOptions) {
	folds := func(run func(in, out []*example, seed uint64)) {
		var wg sync.WaitGroup
		sem := make(chan struct{}, opt.Workers)
		for f := range opt.Folds {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				var in, out []*example
				for i, ex := range exs {
					if i%opt.Folds == f {
						out = append(out, ex)
					} else {
						in = append(in, ex)
					}
				}
				run(in, out, opt.Seed+uint64(f)+1)
			}()
		}
		wg.Wait()
	}
	folds(func(in, out []*example, seed uint64) {
		t := full
		t.frequent = frequentWords(in)
		t.w = trainTagger(in, &t, false, opt.TagEpochs, seed, opt.TagMinWeight)
		scores := make([]float32, t.nclass())
		var buf []uint64
		for _, ex := range out {
			t.pass(t.w, nil, ex.infos, ex.first, nil, nil, scores, &buf)
		}
	})
	folds(func(in, out []*example, seed uint64) {
		t := full
		t.frequent = frequentWords(in)
		t.w = trainTagger(in, &t, false, opt.TagEpochs, seed, opt.TagMinWeight)
		t.second = trainTagger(in, &t, true, opt.TagEpochs, seed+100, opt.TagMinWeight)
		for _, ex := range out {
			tagExample(&t, ex)
		}
	})
}

func uposAccuracy(exs []*example, upos []string) float64 {
	right, all := 0, 0
	for _, ex := range exs {
		for i := range ex.tags {
			all++
			if upos[ex.tags[i]] == upos[ex.pred[i]] {
				right++
			}
		}
	}
	return float64(right) / float64(max(all, 1))
}

func tagAccuracy(exs []*example) float64 {
	right, all := 0, 0
	for _, ex := range exs {
		for i := range ex.tags {
			all++
			if ex.tags[i] == ex.pred[i] {
				right++
			}
		}
	}
	return float64(right) / float64(max(all, 1))
}

func trainParser(m *Model, train, dev []*example, opt TrainOptions) {
	p := newPerceptron(ntrans)
	lp := newPerceptron(len(m.rels))
	rng := rand.New(rand.NewPCG(opt.Seed, 2))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var (
		s      state
		at     atoms
		feats  []uint64
		ok     [ntrans]bool
		cost   [ntrans]int
		sc     [ntrans]float32
		lscore = make([]float32, len(m.rels))
	)
	bestLAS := -1.0
	var bestParse scorer
	var bestLabel *weights
	for epoch := range opt.ParseEpochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := train[k]
			at.reset(ex.infos, ex.pred)
			s.reset(len(ex.words))
			for !s.done() {
				s.legal(&ok)
				// A forced transition is neither scored nor learned
				// from, but counts for averaging like any other.
				pred, best := forced(&ok), forced(&ok)
				if pred == none {
					s.costs(ex.heads, &ok, &cost)
					feats = parseFeatures(feats[:0], &s, &at)
					sc = [ntrans]float32{}
					p.score(feats, sc[:])
					pred = argmax(sc[:], ok[:])
					minCost := -1
					for t := range ntrans {
						if ok[t] && (minCost < 0 || cost[t] < minCost) {
							minCost = cost[t]
						}
					}
					var zero [ntrans]bool
					for t := range ntrans {
						zero[t] = ok[t] && cost[t] == minCost
					}
					best = argmax(sc[:], zero[:])
					if !zero[pred] {
						p.update(feats, best, pred)
					}
				}
				p.tick()
				next := best
				if epoch > 0 && rng.Float64() < 0.9 {
					next = pred
				}
				head, dep := s.apply(next)
				if dep == none {
					continue
				}
				feats = labelFeatures(feats[:0], &s, &at, head, dep)
				clear(lscore)
				lp.score(feats, lscore)
				label := argmax(lscore, nil)
				if ex.heads[dep] == head {
					lp.update(feats, ex.rels[dep], label)
					lp.tick()
					label = ex.rels[dep]
				}
				s.setLabel(head, dep, label)
			}
		}
		// Average and measure on dev; keep the best epoch.
		pw, lw := p.averageTrans(opt.MinWeight), lp.average(opt.LabelMinWeight)
		m.parse, m.label = pw, lw
		uas, las := attachment(m, dev)
		fmt.Fprintf(opt.Log, "parser epoch %d: dev uas %.4f las %.4f\n", epoch+1, uas, las)
		if las > bestLAS {
			bestLAS, bestParse, bestLabel = las, pw, lw
		}
	}
	m.parse, m.label = bestParse, bestLabel
}

// attachment parses dev with its predicted tags and returns UAS and LAS.
func attachment(m *Model, dev []*example) (uas, las float64) {
	right, labelled, all := 0, 0, 0
	w := &work{scores: make([]float32, 256)}
	for _, ex := range dev {
		w.infos, w.classes = ex.infos, ex.pred
		heads, labels := m.parseWords(w)
		for i := 1; i < len(heads); i++ {
			all++
			if heads[i] == ex.heads[i] {
				right++
				if labels[i] == ex.rels[i] {
					labelled++
				}
			}
		}
	}
	return float64(right) / float64(max(all, 1)), float64(labelled) / float64(max(all, 1))
}
