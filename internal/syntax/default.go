package syntax

import (
	"bytes"
	_ "embed"
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
