package syntax

import "testing"

// shapeHash must hash exactly what shape spells, or a model would read
// other features than it was trained on.
func TestShapeHash(t *testing.T) {
	for _, w := range []string{"", "Beijing", "U.S.", "1,500", "AAAAbbbb", "naïve", "Ünal", "€5", "x-ray", "日本", "MiG-29s", "’s"} {
		if got, want := shapeHash(w), hashString(shape(w)); got != want {
			t.Errorf("shapeHash(%q) = %x, want hashString(%q) = %x", w, got, shape(w), want)
		}
	}
}
