package syntax

// Embedded is the model file dyad embeds, for tests and benchmarks.
var Embedded = embedded
