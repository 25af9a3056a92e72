package timex

import "testing"

func TestDateStringPrecision(t *testing.T) {
	tests := []struct {
		d         Date
		str, prec string
	}{
		{Date{2012, 6, 5}, "2012-06-05", "day"},
		{Date{2013, 9, 0}, "2013-09", "month"},
		{Date{2014, 0, 0}, "2014", "year"},
		{Date{}, "", ""},
		{Date{800, 1, 2}, "0800-01-02", "day"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.str {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.str)
		}
		if got := tt.d.Precision(); got != tt.prec {
			t.Errorf("%#v.Precision() = %q, want %q", tt.d, got, tt.prec)
		}
	}
}

func TestParseISO(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2012-06-07", Date{2012, 6, 7}, true},
		{"2012-06", Date{2012, 6, 0}, true},
		{"2012", Date{2012, 0, 0}, true},
		{" 2011-10-17 ", Date{2011, 10, 17}, true},
		{"2012-06-07T08:30:00Z", Date{2012, 6, 7}, true},
		{"2012-06-07T08:30:00+03:00", Date{2012, 6, 7}, true},
		{"2012-06-07 08:30", Date{2012, 6, 7}, true},
		{"2012-02-29", Date{2012, 2, 29}, true},
		{"2013-02-29", Date{}, false},
		{"2012-13", Date{}, false},
		{"2012-00-10", Date{}, false},
		{"2012-06-31", Date{}, false},
		{"2012/06/07", Date{}, false},
		{"12-06-07", Date{}, false},
		{"June 2012", Date{}, false},
		{"", Date{}, false},
		{"+012", Date{}, false},
		{"2012-6-7", Date{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseISO(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseISO(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseISORoundTrip(t *testing.T) {
	for _, s := range []string{"2012-06-07", "2013-09", "2014", "1999-12-31"} {
		d, ok := ParseISO(s)
		if !ok || d.String() != s {
			t.Errorf("ParseISO(%q).String() = %q (ok %v)", s, d.String(), ok)
		}
	}
}
