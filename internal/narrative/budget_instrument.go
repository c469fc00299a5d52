package narrative

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
)

// The functions instrument calls. Their names cannot be written in a
// template that parses (the placeholders do not have them), only put
// into its tree.
const (
	tickRange  = "_range"
	tickBlock  = "_block"
	printCheck = "_printed"
)

// instrument adds the budget's checks to every tree of t, once, after
// parsing:
//
//   - {{ $_ := _range }} at the start of every range body and
//     {{ $_ := _block }} at the start of every template and block, so a
//     loop or a recursion that calls no function still stops when the
//     time is up or the output is full, at the line of the range or block;
//   - | _printed "PIPELINE" at the end of every action that prints, so a
//     missing value is an error at its line, not "<no value>" or "<nil>"
//     in the brief.
func instrument(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Root == nil {
			continue
		}
		instrumentList(tt.Root)
		tt.Root.Nodes = append([]parse.Node{tickAction(tickBlock, tt.Root.Pos)}, tt.Root.Nodes...)
	}
}

func instrumentList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if len(n.Pipe.Decl) == 0 {
				text := n.Pipe.String()
				n.Pipe.Cmds = append(n.Pipe.Cmds, &parse.CommandNode{
					NodeType: parse.NodeCommand, Pos: n.Pos,
					Args: []parse.Node{
						&parse.IdentifierNode{NodeType: parse.NodeIdentifier, Pos: n.Pos, Ident: printCheck},
						&parse.StringNode{NodeType: parse.NodeString, Pos: n.Pos, Quoted: strconv.Quote(text), Text: text},
					},
				})
			}
		case *parse.IfNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.WithNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.RangeNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
			if n.List != nil {
				n.List.Nodes = append([]parse.Node{tickAction(tickRange, n.Pos)}, n.List.Nodes...)
			}
		}
	}
}

// tickAction is {{ $_ := NAME }} at pos: a call whose value is not printed.
func tickAction(name string, pos parse.Pos) *parse.ActionNode {
	return &parse.ActionNode{
		NodeType: parse.NodeAction, Pos: pos,
		Pipe: &parse.PipeNode{
			NodeType: parse.NodePipe, Pos: pos,
			Decl: []*parse.VariableNode{{NodeType: parse.NodeVariable, Pos: pos, Ident: []string{"$_"}}},
			Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos,
				Args: []parse.Node{&parse.IdentifierNode{NodeType: parse.NodeIdentifier, Pos: pos, Ident: name}}}},
		},
	}
}

// printed passes on what an action prints, or fails when text/template
// would print <no value> (a missing value) or <nil> (a nil pointer, or
// print nil).
func printed(pipe string, v any) (any, error) {
	mark := ""
	switch x := v.(type) {
	case nil:
		mark = "<no value>"
	case string:
		mark = missingMark(x)
	case bool, int, int64, float64:
	default:
		switch rv := reflect.ValueOf(v); rv.Kind() {
		case reflect.Pointer, reflect.Interface:
			if rv.IsNil() {
				mark = "<nil>"
			}
		case reflect.Slice, reflect.Array, reflect.Map:
			mark = missingMark(fmt.Sprint(v))
		}
	}
	if mark != "" {
		return nil, fmt.Errorf("at <%s>: prints %s: a value the template asked for is missing (a dict key or list element that is not there, or nil)", pipe, mark)
	}
	if t := goValue(reflect.ValueOf(v), 0); t != "" {
		// fmt would print a memory address or a struct's raw fields:
		// text no reader wants, and not the same from one run to the next.
		return nil, fmt.Errorf("at <%s>: prints a Go value (%s), not text: print one of its fields instead (such as .Name or .Text)", pipe, t)
	}
	return v, nil
}

// goValue names the type of a struct, or a pointer, list or dict holding
// one, that has no String method: what fmt prints as an address or as
// raw fields. "" when v prints as text.
func goValue(v reflect.Value, depth int) string {
	if !v.IsValid() || depth > 4 {
		return ""
	}
	if v.CanInterface() {
		switch v.Interface().(type) {
		case fmt.Stringer, error:
			return ""
		}
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Struct:
		return v.Type().String()
	case reflect.Interface:
		return goValue(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if v.Len() > 0 {
			return goValue(v.Index(0), depth+1)
		}
	case reflect.Map:
		if it := v.MapRange(); it.Next() {
			return goValue(it.Value(), depth+1)
		}
	}
	return ""
}

// missingMark is "<no value>" or "<nil>" when s has one that is not
// escaped (text from the dataset has its < escaped), else "".
func missingMark(s string) string {
	for _, mark := range []string{"<no value>", "<nil>"} {
		for i := 0; ; {
			j := strings.Index(s[i:], mark)
			if j < 0 {
				break
			}
			j += i
			bs := 0
			for k := j - 1; k >= 0 && s[k] == '\\'; k-- {
				bs++
			}
			if bs%2 == 0 {
				return mark
			}
			i = j + 1
		}
	}
	return ""
}
