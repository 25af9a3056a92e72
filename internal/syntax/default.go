package syntax

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"strings"
	"sync"
)

// en_ewt.model is trained by "dyad train --ud ../shared/data/ud/en_ewt
// --out internal/syntax/en_ewt.model" from UD English-EWT (CC BY-SA 4.0;
// see NOTICE at the repository root).
//
//go:embed en_ewt.model
var embedded []byte

// Default returns the embedded model, loaded once and shared.
var Default = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(embedded))
})

// EmbeddedVersion names the embedded model: its file format and the first
// twelve hex digits of the SHA-256 of its bytes, which "dyad train" makes
// the same for the same treebank (scripts/check-model).
func EmbeddedVersion() string {
	sum := sha256.Sum256(embedded)
	return strings.TrimSpace(magic) + " sha256:" + hex.EncodeToString(sum[:])[:12]
}
