package watch

import (
	"bufio"
	"bytes"
	"strings"
)

// robots is the part of a robots.txt (RFC 9309) that applies to one user
// agent: its allow and disallow rules.
type robots struct {
	rules []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string // a path prefix; * matches any run, a final $ the end
}

// parseRobots reads the group of a robots.txt for the agent whose product
// token is agent ("dyad"), else the group for "*". Lines it does not know
// are ignored, as the RFC asks.
func parseRobots(b []byte, agent string) *robots {
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []robotsRule
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents {
				cur = &group{}
				groups = append(groups, cur)
				inAgents = true
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
		case "allow", "disallow":
			inAgents = false
			if cur != nil && value != "" {
				cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: value})
			}
		}
	}
	var own, star []robotsRule
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				star = append(star, g.rules...)
			case a != "" && strings.Contains(agent, a):
				own = append(own, g.rules...)
			}
		}
	}
	if own != nil {
		return &robots{rules: own}
	}
	return &robots{rules: star}
}

// allows reports whether path (with its query) may be fetched: the
// longest matching rule decides, and allow wins a tie.
func (r *robots) allows(path string) bool {
	if r == nil {
		return true
	}
	best, allowed := -1, true
	for _, rule := range r.rules {
		if !matchRobots(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || (n == best && rule.allow) {
			best, allowed = n, rule.allow
		}
	}
	return allowed
}

// matchRobots matches a robots.txt path pattern against path.
func matchRobots(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, part := range parts[1:] {
		if anchored && i == len(parts)-2 {
			return strings.HasSuffix(rest, part)
		}
		j := strings.Index(rest, part)
		if j < 0 {
			return false
		}
		rest = rest[j+len(part):]
	}
	return !anchored || rest == ""
}
