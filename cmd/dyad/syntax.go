package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/syntax"
)

const helpTrain = `Trains dyad's tagger, lemmatizer and dependency parser from a Universal
Dependencies treebank folder (--ud, holding *-ud-train.conllu and
*-ud-dev.conllu) and writes the model to --out. The development file chooses
the parser's number of epochs. The same data and --seed give the same bytes.
The model dyad embeds is internal/syntax/en_ewt.model, trained with
  dyad train --ud ../shared/data/ud/en_ewt --out internal/syntax/en_ewt.model`

const helpParse = `Cleans one document, splits it into sentences and prints each sentence's
tokens with their tags, lemmas, heads and relations as CoNLL-U (every sentence,
also those the pipeline would not parse).`

const helpEvalParse = `"dyad eval parse --ud FILE.conllu" tags and parses the words of each sentence
of FILE and prints precision, recall and F1 per relation, then one line:
  upos=0.951 xpos=0.942 lemma=0.970 uas=0.861 las=0.823 sentences=2077
Scores are F1 over words aligned as in the CoNLL 2018 shared task; las compares
the universal relation (before ':'), las_full below the table the whole label.
With --raw, dyad tokenizes each sentence's "# text" itself, so the tokenizer
is measured too. With --model FILE, it scores that model file (one "dyad train"
wrote) instead of the embedded model, so a new model is measured before it is
committed.`

func runTrain(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("train", &cfg, "quiet")
	ud := fs.String("ud", "", "folder with the treebank's *-ud-train.conllu and *-ud-dev.conllu")
	out := fs.String("out", "", "where to write the model")
	seed := fs.Uint64("seed", 1, "seed for shuffling and exploration")
	names := fs.Bool("names", false, "let the tagger read what dyad's embedded dictionaries say each word is")
	var opt syntax.TrainOptions
	fs.IntVar(&opt.TagEpochs, "tag-epochs", 0, "passes of the tagger over the training data (0: the default, 8)")
	fs.IntVar(&opt.ParseEpochs, "parse-epochs", 0, "passes of the parser (0: the default, 15)")
	fs.IntVar(&opt.Folds, "folds", 0, "jackknife folds for the parser's tags (0: the default, 10); fewer train faster")
	fs.Float64Var(&opt.MinWeight, "min-weight", 0, "drop the parser's averaged transition weights below this (0: the default, 1); lower keeps more, in a larger model")
	fs.Float64Var(&opt.LabelMinWeight, "label-min-weight", 0, "the same for the relation classifier (0: the default, 1)")
	fs.Float64Var(&opt.TagMinWeight, "tag-min-weight", 0, "the same for the tagger (0: the default, 1)")
	if _, err := parse(fs, &cfg, args); err != nil {
		return err
	}
	if *ud == "" || *out == "" {
		return usagef("--ud DIR and --out FILE are required")
	}
	if opt.TagEpochs < 0 || opt.ParseEpochs < 0 || opt.Folds < 0 || opt.Folds == 1 {
		return usagef("--tag-epochs and --parse-epochs must be positive and --folds at least 2")
	}
	if opt.MinWeight < 0 || opt.LabelMinWeight < 0 || opt.TagMinWeight < 0 {
		return usagef("--min-weight, --label-min-weight and --tag-min-weight must be positive")
	}
	read := func(split string) ([]*conllu.Sentence, error) {
		paths, _ := filepath.Glob(filepath.Join(*ud, "*-ud-"+split+".conllu"))
		if len(paths) != 1 {
			return nil, fmt.Errorf("%s: want one *-ud-%s.conllu, found %d", *ud, split, len(paths))
		}
		return conllu.ReadFile(paths[0])
	}
	train, err := read("train")
	if err != nil {
		return err
	}
	dev, err := read("dev")
	if err != nil {
		return err
	}
	opt.Seed, opt.Log = *seed, e.stderr
	if *names {
		if opt.Names, err = lexicon.Default(); err != nil {
			return fmt.Errorf("embedded dictionaries: %w", err)
		}
	}
	if cfg.Quiet {
		opt.Log = io.Discard
	}
	start := time.Now()
	m, err := syntax.Train(train, dev, opt)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	if !cfg.Quiet {
		fmt.Fprintf(e.stderr, "dyad train: wrote %s in %s\n", *out, time.Since(start).Round(time.Second))
	}
	return nil
}

func runParse(ctx context.Context, e *env, args []string) error {
	var cfg config
	d, err := preparedDocument(ctx, e, "parse", args, &cfg)
	if err != nil {
		return err
	}
	if len(d.Sentences) == 0 {
		return fmt.Errorf("%s: no sentences", d.Origin)
	}
	m, err := syntax.Default()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	for _, s := range d.Sentences {
		toks := nlp.Tokenize(s.Text)
		m.Analyze(toks)
		if err := conllu.Write(w, syntax.Sentence(d.ID+"-"+strconv.Itoa(s.Index+1), s.Text, toks)); err != nil {
			return err
		}
	}
	return nil
}

// evalParse scores the model on a CoNLL-U file: the embedded model, or
// the one in the file modelPath names.
func evalParse(e *env, path string, raw bool, modelPath string) error {
	var m *syntax.Model
	var err error
	if modelPath != "" {
		m, err = loadModel(modelPath)
	} else {
		m, err = syntax.Default()
	}
	if err != nil {
		return err
	}
	gold, err := conllu.ReadFile(path)
	if err != nil {
		return err
	}
	sc, err := conllu.Score(gold, m.Parse(gold, raw))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	rels := make([]string, 0, len(sc.Rel))
	for r := range sc.Rel {
		rels = append(rels, r)
	}
	sort.Slice(rels, func(i, j int) bool {
		a, b := sc.Rel[rels[i]], sc.Rel[rels[j]]
		if a.Gold != b.Gold {
			return a.Gold > b.Gold
		}
		return rels[i] < rels[j]
	})
	fmt.Fprintf(w, "%-14s %6s %6s %6s %6s %6s\n", "relation", "gold", "system", "P", "R", "F1")
	for _, r := range rels {
		p := sc.Rel[r]
		fmt.Fprintf(w, "%-14s %6d %6d %6.3f %6.3f %6.3f\n", r, p.Gold, p.System, p.P, p.R, p.F1)
	}
	if raw {
		fmt.Fprintf(w, "tokens=%.3f words=%.3f\n", sc.Tokens, sc.WordsF1)
	}
	fmt.Fprintf(w, "las_full=%.3f\n", sc.LASFull)
	fmt.Fprintln(w, sc.Line())
	return nil
}

// loadModel reads a model file written by dyad train.
func loadModel(path string) (*syntax.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := syntax.Load(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
