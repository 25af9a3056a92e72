package filter

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/store"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		f      store.Filter
		prefix string
		want   string // a part of the error; "" for no error
	}{
		{store.Filter{Dyad: "RUS-CHN", Both: true, Root: "04", Since: "2012-06"}, "--", ""},
		{store.Filter{Dyad: "RUSSIA-CHINA"}, "--", "--dyad: RUSSIA: want a three-letter country or group code such as RUS, CHN or IGO; did you mean RUS?"},
		{store.Filter{Dyad: "RUSSIA-CHINA"}, "", "dyad: RUSSIA: want a three-letter"},
		{store.Filter{Dyad: "RUS"}, "", `dyad "RUS": want SRC-TGT, two codes joined by a hyphen, such as RUS-CHN; for one side use source RUS or target RUS`},
		{store.Filter{Since: "June2012"}, "", `since "June2012": want an ISO date, 2012, 2012-06 or 2012-06-05`},
		{store.Filter{Quad: 5}, "--", "--quad 5: want 1"},
		{store.Filter{PLOVER: "CONSLT"}, "", "did you mean CONSULT?"},
		{store.Filter{Code: "42"}, "", "did you mean 042?"},
		{store.Filter{Both: true}, "", "both matches dyad in either direction, and there is no dyad"},
	}
	for _, tt := range tests {
		err := Check(tt.f, tt.prefix)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("Check(%+v) = %v, want nil", tt.f, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("Check(%+v, %q) = %v, want %q", tt.f, tt.prefix, err, tt.want)
		case tt.want != "" && tt.prefix == "" && strings.Contains(err.Error(), "--"):
			t.Errorf("Check(%+v, \"\") = %v, names a flag", tt.f, err)
		}
	}
}
