package server

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The OpenAPI document is checked with a small validator of the JSON
// Schema subset it uses (type, properties, required, items, enum,
// minItems, maxItems, minimum, maximum, $ref to components), strict about
// properties the schema does not name, so an undocumented field fails.

type openAPIDoc struct {
	Paths      map[string]map[string]operation `json:"paths"`
	Components struct {
		Schemas map[string]*schema `json:"schemas"`
	} `json:"components"`
}

type operation struct {
	Parameters []struct {
		Name string `json:"name"`
		In   string `json:"in"`
	} `json:"parameters"`
	Responses map[string]struct {
		Content map[string]struct {
			Schema *schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

type schema struct {
	Ref        string             `json:"$ref"`
	Type       string             `json:"type"`
	Properties map[string]*schema `json:"properties"`
	Required   []string           `json:"required"`
	Items      *schema            `json:"items"`
	Enum       []any              `json:"enum"`
	MinItems   *int               `json:"minItems"`
	MaxItems   *int               `json:"maxItems"`
	Minimum    *float64           `json:"minimum"`
	Maximum    *float64           `json:"maximum"`
}

func loadOpenAPI(t *testing.T) *openAPIDoc {
	t.Helper()
	var d openAPIDoc
	if err := json.Unmarshal(openAPI, &d); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return &d
}

// operation finds the operation of method and a request path, matching
// the document's path templates ("/api/events/{id}").
func (d *openAPIDoc) operation(method, path string) (operation, bool) {
	for tmpl, ops := range d.Paths {
		re := "^" + regexp.MustCompile(`\\\{[^/]+\\\}`).ReplaceAllString(regexp.QuoteMeta(tmpl), `[^/]+`) + "$"
		if regexp.MustCompile(re).MatchString(path) {
			op, ok := ops[strings.ToLower(method)]
			return op, ok
		}
	}
	return operation{}, false
}

// validate checks v (decoded JSON) against s; errors name the path in v.
func (d *openAPIDoc) validate(s *schema, v any, at string) []string {
	if s.Ref != "" {
		name := strings.TrimPrefix(s.Ref, "#/components/schemas/")
		ref, ok := d.Components.Schemas[name]
		if !ok {
			return []string{fmt.Sprintf("%s: unknown schema %s", at, s.Ref)}
		}
		return d.validate(ref, v, at)
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	if len(s.Enum) > 0 && !slices.Contains(s.Enum, v) {
		bad("%v is not one of %v", v, s.Enum)
	}
	switch s.Type {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			bad("want an object, got %T", v)
			break
		}
		for _, r := range s.Required {
			if _, ok := m[r]; !ok {
				bad("missing required %q", r)
			}
		}
		if s.Properties == nil {
			break // a free-form object
		}
		for k, pv := range m {
			ps, ok := s.Properties[k]
			if !ok {
				bad("property %q is not in the schema", k)
				continue
			}
			errs = append(errs, d.validate(ps, pv, at+"."+k)...)
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			bad("want an array, got %T", v)
			break
		}
		if s.MinItems != nil && len(a) < *s.MinItems || s.MaxItems != nil && len(a) > *s.MaxItems {
			bad("%d items", len(a))
		}
		for i, item := range a {
			errs = append(errs, d.validate(s.Items, item, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "string":
		if _, ok := v.(string); !ok {
			bad("want a string, got %T", v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("want a boolean, got %T", v)
		}
	case "integer", "number":
		f, ok := v.(float64)
		if !ok {
			bad("want a %s, got %T", s.Type, v)
			break
		}
		if s.Type == "integer" && f != math.Trunc(f) {
			bad("want an integer, got %v", f)
		}
		if s.Minimum != nil && f < *s.Minimum || s.Maximum != nil && f > *s.Maximum {
			bad("%v out of range", f)
		}
	case "":
	default:
		bad("schema type %q unknown to the validator", s.Type)
	}
	return errs
}

// TestValidatorCatches: the validator is not a rubber stamp.
func TestValidatorCatches(t *testing.T) {
	d := loadOpenAPI(t)
	ev := &schema{Ref: "#/components/schemas/Event"}
	for _, body := range []string{
		`{"id":"x"}`, // missing fields
		`{"id":"x","doc":"d","doc_date":"2012","sentence":"s","sentence_index":0.5,"span":[0,1],"source":{"text":"a","code":"RUS"},"cameo":"042","root":"04","plover":"","goldstein":1,"quad":1,"trigger":"t","date":"2012","date_precision":"doc","modality":"asserted"}`,
		`{"id":"x","doc":"d","doc_date":"2012","sentence":"s","sentence_index":0,"span":[0,1],"source":{"text":"a","code":"RUS"},"cameo":"042","root":"04","plover":"","goldstein":1,"quad":1,"trigger":"t","date":"2012","date_precision":"week","modality":"asserted"}`,
		`{"id":"x","doc":"d","doc_date":"2012","sentence":"s","sentence_index":0,"span":[0,1],"source":{"text":"a","code":"RUS"},"cameo":"042","root":"04","plover":"","goldstein":1,"quad":1,"trigger":"t","date":"2012","date_precision":"doc","modality":"asserted","extra":1}`,
	} {
		var v any
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatal(err)
		}
		if errs := d.validate(ev, v, "$"); len(errs) == 0 {
			t.Errorf("validate(%s) found nothing wrong", body)
		}
	}
	good := `{"id":"x","doc":"d","doc_date":"2012","sentence":"s","sentence_index":0,"span":[0,1],"source":{"text":"a","code":"RUS"},"cameo":"042","root":"04","plover":"","goldstein":1,"quad":1,"trigger":"t","date":"2012","date_precision":"doc","modality":"asserted"}`
	var v any
	json.Unmarshal([]byte(good), &v)
	if errs := d.validate(ev, v, "$"); len(errs) > 0 {
		t.Errorf("validate(good event) = %v", errs)
	}
}

// TestOpenAPIRoutes: every API route of the server is in the document,
// and every documented path is served.
func TestOpenAPIRoutes(t *testing.T) {
	d := loadOpenAPI(t)
	s := &Server{}
	for _, pattern := range s.patterns() {
		method, path, _ := strings.Cut(pattern, " ")
		if !strings.HasPrefix(path, "/api/") {
			continue
		}
		ops, ok := d.Paths[path]
		if !ok {
			t.Errorf("route %s is not in openapi.json", pattern)
			continue
		}
		if _, ok := ops[strings.ToLower(method)]; !ok {
			t.Errorf("route %s: openapi.json has no %s for it", pattern, method)
		}
	}
	served := map[string]bool{}
	for _, pattern := range s.patterns() {
		served[pattern] = true
	}
	for path, ops := range d.Paths {
		for method := range ops {
			if !served[strings.ToUpper(method)+" "+path] {
				t.Errorf("openapi.json documents %s %s, which the server does not serve", method, path)
			}
		}
	}
}
