package dev.kubesim.impl.kubectl.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The Go template engine behind {@code -o go-template}. The tables hold templates run by the real
 * kubectl v1.32 ({@code kubectl create configmap x --from-literal=a=b --from-literal=n=3
 * --dry-run=client -o go-template=...}) and what it printed: the output, {@code PARSE: } and the
 * parse error, or the output before an execution error, {@code |EXEC: } and the error.
 */
class GoTemplateTest {
  /** The object kubectl gave those templates. */
  private static final String CONFIG_MAP =
      "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\",\"creationTimestamp\":null},"
          + "\"data\":{\"a\":\"b\",\"n\":\"3\"}}";

  private static final String[][] KUBECTL = {
        {"{{.a}",
         "PARSE: template: output:1: bad character U+007D '}'"},
        {"{{.data.a}} {{.metadata.zz}} {{exists . \"data\" \"a\"}}",
         "b <no value> true"},
        {"{{.metadata.creationTimestamp.x}}",
         "|EXEC: template: output:1:11: executing \"output\" at <.metadata.creationTimestamp.x>: nil pointer evaluating interface {}.x"},
        {"{{.data.a.b}}",
         "|EXEC: template: output:1:7: executing \"output\" at <.data.a.b>: can't evaluate field b in type interface {}"},
        {"{{index .data \"zz\"}}",
         "<no value>"},
        {"{{printf \"%d\" .data.a}}",
         "%!d(string=b)"},
        {"{{nofunc 1}}",
         "PARSE: template: output:1: function \"nofunc\" not defined"},
        {"{{if}}",
         "PARSE: template: output:1: missing value for if"},
        {"{{range .data}}{{.}}",
         "PARSE: template: output:1: unexpected EOF"},
        {"{{1e6}} {{1000000.0}} {{3.0}} {{0.1}} {{1e21}} {{123456789.0}}",
         "1e+06 1e+06 3 0.1 1e+21 1.23456789e+08"},
        {"{{.metadata.creationTimestamp}}|{{print .metadata.creationTimestamp}}|{{.metadata}}|{{print 1 2 \"a\" 3 .}}",
         "<no value>|<nil>|map[creationTimestamp:<nil> name:x]|1 2a3 map[apiVersion:v1 data:map[a:b n:3] kind:ConfigMap metadata:map[creationTimestamp:<nil> name:x]]"},
        {"{{base64decode .data.zz}}",
         "|EXEC: template: output:1:20: executing \"output\" at <.data.zz>: invalid value; expected string"},
        {"{{base64decode \"!!\"}}",
         "|EXEC: template: output:1:2: executing \"output\" at <base64decode \"!!\">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 0"},
        {"{{base64decode \"aGVsbG8=\"}}|{{base64decode \"aGVsbG8\"}}|{{base64decode \"aGVsbA==\"}}|{{base64decode \"aGVsbA=\"}}",
         "hello||EXEC: template: output:1:30: executing \"output\" at <base64decode \"aGVsbG8\">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 4"},
        {"{{eq 3 3.0}}",
         "|EXEC: template: output:1:2: executing \"output\" at <eq 3 3.0>: error calling eq: incompatible types for comparison"},
        {"{{printf \"%5s|%-4d|%q|%v|%x|%.2f|%t|%d\" \"ab\" 7 \"q\\\"\" 1.5 255 3.14159 true}}{{printf \"%s %d\"}}{{printf \"%s\" 1 2}}",
         "   ab|7   |\"q\\\"\"|1.5|ff|3.14|true|%!d(MISSING)%!s(MISSING) %!d(MISSING)%!s(int=1)%!(EXTRA int=2)"},
        {"{{range 3}}{{.}}{{end}}",
         "|EXEC: template: output:1:8: executing \"output\" at <3>: range can't iterate over 3"},
        {"{{len .missing}}",
         "|EXEC: template: output:1:2: executing \"output\" at <len .missing>: error calling len: reflect: call of reflect.Value.Type on zero Value"},
        {"{{index .data 5}}",
         "|EXEC: template: output:1:2: executing \"output\" at <index .data 5>: error calling index: value has type int; should be string"},
        {"{{index \"abc\" 3}}",
         "|EXEC: template: output:1:2: executing \"output\" at <index \"abc\" 3>: error calling index: reflect: string index out of range"},
        {"{{index \"abc\" 1}}",
         "98"},
        {"{{slice \"abcd\" 1 3}}",
         "bc"},
        {"{{.data.a | printf \"%s-%s\" \"x\"}}",
         "x-b"},
        {"{{\"a\" | len}}",
         "1"},
        {"{{len 3}}",
         "|EXEC: template: output:1:2: executing \"output\" at <len 3>: error calling len: len of type int"},
        {"{{lt 1 2.0}}",
         "|EXEC: template: output:1:2: executing \"output\" at <lt 1 2.0>: error calling lt: incompatible types for comparison"},
        {"{{lt .missing 1}}",
         "|EXEC: template: output:1:2: executing \"output\" at <lt .missing 1>: error calling lt: invalid type for comparison"},
        {"{{eq .data .data}}",
         "|EXEC: template: output:1:2: executing \"output\" at <eq .data .data>: error calling eq: non-comparable type map[a:b n:3]: map[string]interface {}"},
        {"{{printf \"%05s|%5.1f|%e|%g|%x|%X|%o|%b|%c|%U|%q|%+d|% d|%#x|%T|%T\" \"ab\" 3.14159 1234.5678 0.00001 \"hi\" 255 8 5 65 65 65 5 5 255 1.0 .data}}",
         "000ab|  3.1|1.234568e+03|1e-05|6869|FF|10|101|A|U+0041|'A'|+5| 5|0xff|float64|map[string]interface {}"},
        {"{{printf \"%v %s %d\" .data .data .data}}",
         "map[a:b n:3] map[a:b n:3] map[%!d(string=a):%!d(string=b) %!d(string=n):%!d(string=3)]"},
        {"{{printf \"%#v\" .}}",
         "map[string]interface {}{\"apiVersion\":\"v1\", \"data\":map[string]interface {}{\"a\":\"b\", \"n\":\"3\"}, \"kind\":\"ConfigMap\", \"metadata\":map[string]interface {}{\"creationTimestamp\":interface {}(nil), \"name\":\"x\"}}"},
        {"{{and 1 0 2}}{{or 0 \"\" 3}}{{not 0}}",
         "03true"},
        {"{{html \"<a&b>\"}} {{js \"a'b\\\"<c>=\"}} {{urlquery \"a b&c/d\"}} {{html .missing}}",
         "&lt;a&amp;b&gt; a\\'b\\\"\\u003Cc\\u003E\\u003D a+b%26c%2Fd &lt;no value&gt;"},
        {"{{println 1 \"a\" 2}}",
         "1 a 2\n"},
        {"{{with .data}}{{.a}}{{else with .x}}y{{else}}z{{end}}",
         "b"},
        {"{{- /* c */ -}} x {{- 1 -}} y",
         "x1y"},
        {"{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}",
         "2"},
        {"{{range $i, $e := .data}}{{$i}}={{$e}};{{end}}",
         "a=b;n=3;"},
        {"{{range .data}}{{if eq . \"3\"}}{{break}}{{end}}{{.}}{{end}}",
         "b"},
        {"{{1e6}} {{1000000}} {{0x1F}} {{'a'}} {{-0.0}} {{1.0e-7}} {{100000.0}} {{123456.7}}",
         "1e+06 1000000 31 97 -0 1e-07 100000 123456.7"},
        {"{{range $k, $v := .metadata}}{{$k}}={{$v}}\n{{end}}",
         "creationTimestamp=<no value>\nname=x\n"},
        {"{{len .data}} {{len .metadata.name}}",
         "2 1"},
        {"{{(index .data \"a\")}} {{(index . \"data\").n}}",
         "b 3"},
        {"{{if eq .kind \"ConfigMap\" \"Pod\"}}yes{{else}}no{{end}}",
         "yes"},
        {"{{if and .data (not .spec)}}A{{else if .x}}B{{else}}C{{end}}",
         "A"},
        {"{{range .items}}x{{else}}empty{{end}}",
         "empty"},
        {"{{$}}",
         "map[apiVersion:v1 data:map[a:b n:3] kind:ConfigMap metadata:map[creationTimestamp:<nil> name:x]]"},
        {"{{.}}",
         "map[apiVersion:v1 data:map[a:b n:3] kind:ConfigMap metadata:map[creationTimestamp:<nil> name:x]]"},
        {"{{template \"x\" .}}",
         "|EXEC: template: output:1:11: executing \"output\" at <{{template \"x\" .}}>: template \"x\" not defined"},
        {"{{define \"x\"}}X{{.kind}}{{end}}{{template \"x\" .}}",
         "XConfigMap"},
        {"{{block \"b\" .data}}[{{.a}}]{{end}}",
         "[b]"},
        {"{{break}}",
         "PARSE: template: output:1: {{break}} outside {{range}}"},
        {"{{range .data}}{{continue}}{{end}}ok",
         "ok"},
        {"{{$x}}",
         "PARSE: template: output:1: undefined variable \"$x\""},
        {"{{$x := 1}}{{$x.y}}",
         "|EXEC: template: output:1:15: executing \"output\" at <$x.y>: can't evaluate field y in type int"},
        {"{{.data.a 1}}",
         "|EXEC: template: output:1:7: executing \"output\" at <.data.a>: a is not a method but has arguments"},
        {"{{\"a\" | \"b\"}}",
         "PARSE: template: output:1: non executable command in pipeline stage 2"},
        {"{{(1).x}}",
         "|EXEC: template: output:1:3: executing \"output\" at <1>: can't evaluate field x in type int"},
        {"{{printf \"%s\" nil}}",
         "%!s(<nil>)"},
        {"{{nil}}",
         "|EXEC: template: output:1:2: executing \"output\" at <nil>: nil is not a command"},
        {"{{print nil}}",
         "<nil>"},
        {"{{print}}",
         ""},
        {"{{printf}}",
         "|EXEC: template: output:1:2: executing \"output\" at <printf>: wrong number of args for printf: want at least 1 got 0"},
        {"{{slice .data 1}}",
         "|EXEC: template: output:1:2: executing \"output\" at <slice .data 1>: error calling slice: can't slice item of type map[string]interface {}"},
        {"{{index .data}}",
         "map[a:b n:3]"},
        {"{{index nil 1}}",
         "|EXEC: template: output:1:2: executing \"output\" at <index nil 1>: error calling index: index of untyped nil"},
        {"{{index .metadata.creationTimestamp 1}}",
         "|EXEC: template: output:1:2: executing \"output\" at <index .metadata.creationTimestamp 1>: error calling index: index of untyped nil"},
        {"{{\"unterminated}}",
         "PARSE: template: output:1: unterminated quoted string"},
        {"{{\"\\x41\\u00e9\\101\\t\"}}",
         "A\u00e9A\t"},
        {"{{printf \"%q\" \"\\u00e9\\x01\"}}",
         "\"\u00e9\\x01\""},
        {"{{printf \"%x %X % x %#x\" \"h\u00e9llo\" \"hi\" \"hi\" \"hi\"}}",
         "68c3a96c6c6f 6869 68 69 0x6869"},
        {"{{printf \"%6.2f|%-8.3e|%+.1g|%08.3f|%g|%g|%G\" 3.14159 1234.5 2.5 -3.14159 1e-5 123456789.0 1e-10}}",
         "  3.14|1.234e+03|+2|-003.142|1e-05|1.23456789e+08|1E-10"},
        {"{{printf \"%d %v %s\" 1 2.5 true}}",
         "1 2.5 %!s(bool=true)"},
        {"{{printf \"%*d|%-*d|%.*f\" 5 1 4 2 2 3.14159}}",
         "    1|2   |3.14"},
        {"{{printf \"%!\"}}",
         "%!!(MISSING)"},
        {"{{printf \"%\"}}",
         "%!(NOVERB)"},
        {"{{printf \"%z\" 1}}",
         "%!z(int=1)"},
        {"{{printf \"%5t|%-6v|%3c\" true false 66}}",
         " true|false |  B"},
        {"{{1 | printf \"%d %d\" 2}}",
         "2 1"},
        {"{{.data | len}}",
         "2"},
        {"{{not}}",
         "|EXEC: template: output:1:2: executing \"output\" at <not>: wrong number of args for not: want 1 got 0"},
        {"{{and}}",
         "|EXEC: template: output:1:2: executing \"output\" at <and>: wrong number of args for and: want at least 1 got 0"},
        {"{{eq 1}}",
         "|EXEC: template: output:1:2: executing \"output\" at <eq 1>: error calling eq: missing argument for comparison"},
        {"{{ne 1 2 3}}",
         "|EXEC: template: output:1:2: executing \"output\" at <ne>: wrong number of args for ne: want 2 got 3"},
        {"{{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 1.5}} {{lt true false}}",
         "true true true |EXEC: template: output:1:43: executing \"output\" at <lt true false>: error calling lt: invalid type for comparison"},
        {"{{eq nil nil}}",
         "true"},
        {"{{eq .missing .missing}}",
         "true"},
        {"{{eq .missing \"x\"}}",
         "false"},
        {"{{eq .data.a \"b\"}}",
         "true"},
        {"{{if .metadata.creationTimestamp}}T{{else}}F{{end}}",
         "F"},
        {"{{- \"a\" -}}   {{- \"b\" }}",
         "ab"},
        {"{{/* unclosed",
         "PARSE: template: output:1: unclosed comment"},
        {"{{/* c */ x}}",
         "PARSE: template: output:1: comment ends before closing delimiter"},
        {"{{.a",
         "PARSE: template: output:1: unclosed action"},
        {"}}",
         "}}"},
        {"{{(.data}}",
         "PARSE: template: output:1: unclosed left paren"},
        {"{{.data)}}",
         "PARSE: template: output:1: unexpected right paren"},
        {"{{3 | printf \"%d\"}}",
         "3"},
        {"{{printf \"%d\" | 3}}",
         "PARSE: template: output:1: non executable command in pipeline stage 2"},
        {"{{$x := 1}}{{range $x := .data}}{{$x}}{{end}}{{$x}}",
         "b31"},
        {"{{range $i, $e = .data}}{{end}}",
         "|EXEC: template: output:1:17: executing \"output\" at <.data>: undefined variable: $i"},
        {"{{$i := 0}}{{$e := 0}}{{range $i, $e = .data}}{{end}}{{$i}}{{$e}}",
         "n3"},
        {"{{range $a, $b, $c := .data}}{{end}}",
         "PARSE: template: output:1: too many declarations in range"},
        {"{{with $x := .data.a}}{{$x}}{{end}}",
         "b"},
        {"{{.data.a | base64decode}}",
         "|EXEC: template: output:1:12: executing \"output\" at <base64decode>: error calling base64decode: base64 decode failed: illegal base64 data at input byte 0"},
        {"{{1.5 | printf \"%v\"}}",
         "1.5"},
        {"{{0x10}} {{0o17}} {{0b101}} {{1_000}} {{017}} {{-5}} {{+5}}",
         "16 15 5 1000 15 -5 5"},
        {"{{99999999999999999999}}",
         "PARSE: template: output:1: integer overflow: \"99999999999999999999\""},
        {"{{1e400}}",
         "PARSE: template: output:1: illegal number syntax: \"1e400\""},
        {"{{'\n'}} {{'ab'}}",
         "PARSE: template: output:1: unterminated character constant"},
        {"{{html 1 \"a\" 2}} {{urlquery \"\u00e9\"}} {{js \"\\u2028\u00e9\"}}",
         "1a2 %C3%A9 \\u2028\u00e9"},
        {"{{call .data}}",
         "|EXEC: template: output:1:2: executing \"output\" at <call .data>: error calling call: non-function .data of type map[string]interface {}"},
        {"{{call nil}}",
         "|EXEC: template: output:1:2: executing \"output\" at <call nil>: error calling call: call of nil"},
        {"{{if 1}}{{else}}{{else}}{{end}}",
         "PARSE: template: output:1: expected end; found {{else}}"},
        {"{{end}}",
         "PARSE: template: output:1: unexpected {{end}}"},
        {"{{else}}",
         "PARSE: template: output:1: unexpected {{else}}"},
        {"{{range .data}}{{end}}{{continue}}",
         "PARSE: template: output:1: {{continue}} outside {{range}}"},
        {"{{printf \"%s\" .metadata.creationTimestamp}}",
         "%!s(<nil>)"},
        {"{{printf \"%v\" .metadata}}",
         "map[creationTimestamp:<nil> name:x]"},
        {"{{printf \"%d\" .metadata}}",
         "map[%!d(string=creationTimestamp):<nil> %!d(string=name):%!d(string=x)]"},
        {"{{exists .data \"a\"}} {{exists .data \"zz\"}} {{exists . \"metadata\" \"creationTimestamp\"}} {{exists .missing}} {{exists nil}}",
         "true false false true true"},
        {"{{index . \"data\" \"a\"}} {{index . \"data\" \"zz\" }}",
         "b <no value>"},
        {"{{slice \"h\u00e9llo\" 1 3}}",
         "\u00e9"},
        {"{{len \"h\u00e9llo\"}}",
         "6"},
        {"a\n  {{- .kind }}\n{{.data.a.b}}",
         "aConfigMap\n|EXEC: template: output:3:7: executing \"output\" at <.data.a.b>: can't evaluate field b in type interface {}"},
        {"line1\nline2 {{.metadata.creationTimestamp.x}}",
         "line1\nline2 |EXEC: template: output:2:17: executing \"output\" at <.metadata.creationTimestamp.x>: nil pointer evaluating interface {}.x"},
        {"{{if true}}\n{{.data.a.b}}\n{{end}}",
         "\n|EXEC: template: output:2:7: executing \"output\" at <.data.a.b>: can't evaluate field b in type interface {}"},
        {"{{.data\n.a}}",
         "|EXEC: template: output:1:2: executing \"output\" at <.data>: data is not a method but has arguments"},
        {"{{.data.a\n}}",
         "b"},
        {"{{ .kind -}}  \n  x",
         "ConfigMapx"},
        {"{{ .kind - }}",
         "PARSE: template: output:1: illegal number syntax: \"-\""},
        {"{{-3}}",
         "-3"},
        {"{{- 3}}",
         "3"},
        {"{{3 -}}",
         "3"},
        {"{{3-}}",
         "PARSE: template: output:1: bad number syntax: \"3-\""},
        {"{{.kind -}}\n\n{{- .kind}}",
         "ConfigMapConfigMap"},
        {"\u00e9{{.data.a.b}}",
         "\u00e9|EXEC: template: output:1:9: executing \"output\" at <.data.a.b>: can't evaluate field b in type interface {}"},
        {"{{range .data}}{{.x}}{{end}}",
         "|EXEC: template: output:1:17: executing \"output\" at <.x>: can't evaluate field x in type interface {}"},
        {"{{range $k, $v := .data}}{{$v.x}}{{end}}",
         "|EXEC: template: output:1:29: executing \"output\" at <$v.x>: can't evaluate field x in type interface {}"},
        {"{{with .data}}{{.a.x}}{{end}}",
         "|EXEC: template: output:1:18: executing \"output\" at <.a.x>: can't evaluate field x in type interface {}"},
        {"{{printf \"%s\" (index .data \"a\") | printf \"%q\"}}",
         "\"b\""},
        {"{{(index .data \"a\") | len}}",
         "1"},
        {"{{.data.a | len | printf \"%03d\"}}",
         "001"},
        {"{{if (eq .kind \"ConfigMap\")}}cm{{end}}",
         "cm"},
        {"{{$n := len .data}}{{$n}}{{if gt $n 1}} many{{end}}",
         "2 many"},
        {"{{range $i, $c := slice \"abc\" 0 2}}{{$i}}{{end}}",
         "|EXEC: template: output:1:32: executing \"output\" at <2>: range can't iterate over ab"},
        {"{{printf \"%v\" (slice \"abc\" 1)}}",
         "bc"},
        {"{{range $i, $e := .data}}{{if eq $i \"n\"}}{{break}}{{end}}{{$e}}{{end}}",
         "b"},
        {"{{range .data}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}",
         "3"},
        {"{{/* a comment */}}ok",
         "ok"},
        {"{{- /* a comment */ -}} ok",
         "ok"},
        {"{{/*a*/ }}",
         "PARSE: template: output:1: comment ends before closing delimiter"},
        {"{{.kind | printf \"%s\" | printf \"%q\" | len}}",
         "11"},
        {"{{printf \"%.3s|%.0d|%5.1s|%-5s|\" \"abcdef\" 0 \"xyz\" \"ab\"}}",
         "abc||    x|ab   |"},
        {"{{printf \"%08.3f|%-8.2f|%+d|%x|%o\" -3.5 2.0 -5 -255 -8}}",
         "-003.500|2.00    |-5|-ff|-10"},
        {"{{printf \"%e|%E|%.0e|%.0f|%.1f|%.1f\" 0.0 123456.0 15.0 2.5 0.05 0.25}}",
         "0.000000e+00|1.234560E+05|2e+01|2|0.1|0.2"},
        {"{{printf \"%g|%g|%g|%g|%.3g|%.10g\" 1e20 1e21 1e-4 1e-5 1234.5678 1.0}}",
         "1e+20|1e+21|0.0001|1e-05|1.23e+03|1"},
        {"{{1e20}} {{12345678.0}} {{0.000012}} {{1.7976931348623157e308}} {{5e-324}}",
         "1e+20 1.2345678e+07 1.2e-05 1.7976931348623157e+308 5e-324"},
        {"{{$x := 3}}{{$x = 4}}{{$x}}",
         "4"},
        {"{{$x = 4}}",
         "|EXEC: template: output:1:7: executing \"output\" at <4>: undefined variable: $x"},
        {"{{range $x = .data}}{{end}}",
         "|EXEC: template: output:1:13: executing \"output\" at <.data>: undefined variable: $x"},
        {"{{template \"a\"}}{{define \"a\"}}A{{end}}",
         "A"},
        {"{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }}{{template \"a\"}}",
         "PARSE: template: output:1: template: multiple definition of template \"a\""},
        {"{{.a}}{{define \"output\"}}zz{{end}}",
         "PARSE: template: output:1: template: multiple definition of template \"output\""},
        {"{{printf \"%v|%v|%v|%v|%v|%v\" 0.1 0.3 1e100 123456.0 1234567.0 0.0001}}",
         "0.1|0.3|1e+100|123456|1.234567e+06|0.0001"},
        {"{{printf \"%.2f|%.2f|%.0f|%.3e|%10.4g|%-10.1f|\" 2.675 1.005 0.5 6.02214076e23 3.14159265 -0.05}}",
         "2.67|1.00|0|6.022e+23|     3.142|-0.1      |"},
        {"{{printf \"%d|%5d|%-5d|%05d|%x|%X|%#o|%b|%+d\" 42 42 42 -42 3054 3054 8 10 0}}",
         "42|   42|42   |-0042|bee|BEE|010|1010|+0"},
        {"{{printf \"%s|%10s|%-10s|%.2s|%q|%x\" \"h\u00e9llo\" \"h\u00e9llo\" \"h\u00e9llo\" \"h\u00e9llo\" \"tab\\there\" \"\u00e9\"}}",
         "h\u00e9llo|     h\u00e9llo|h\u00e9llo     |h\u00e9|\"tab\\there\"|c3a9"},
        {"{{printf \"%c|%c|%U|%#U|%q\" 233 128512 233 233 233}}",
         "\u00e9|\ud83d\ude00|U+00E9|U+00E9 '\u00e9'|'\u00e9'"},
        {"{{printf \"%t|%v|%s\" false true false}}",
         "false|true|%!s(bool=false)"},
        {"{{printf \"%v|%d|%s\" nil nil nil}}",
         "<nil>|%!d(<nil>)|%!s(<nil>)"},
        {"{{printf \"%v\" .metadata.creationTimestamp}}",
         "<nil>"},
        {"{{printf \"%5v|%-5v|\" .data.a .data.n}}",
         "    b|3    |"},
        {"{{printf \"%6.2v\" 3.14159}}",
         "   3.1"},
        {"{{printf \"%v %v\" (slice \"abc\" 1) (len \"x\")}}",
         "bc 1"},
        {"{{printf \"%T %T %T %T %T\" 1 1.5 \"s\" true (index \"ab\" 0)}}",
         "int float64 string bool uint8"},
        {"{{index \"ab\" 0 | printf \"%c\"}}",
         "a"},
        {"{{printf \"%%|%5%|%-5%\"}}",
         "%|%|%"},
        {"{{printf \"%[1]d\" 5}}",
         "5"},
        {"{{printf \"%.*d\" 3 7}}",
         "007"},
        {"{{printf \"%-08d|%+08d|% 08d\" 5 5 5}}",
         "5       |+0000005| 0000005"},
        {"{{printf \"%08s|%-08s\" \"ab\" \"ab\"}}",
         "000000ab|ab      "},
        {"{{printf \"%e|%g\" 100000.0 100000.0}}",
         "1.000000e+05|100000"},
        {"{{printf \"%G|%E\" 1e-7 1e-7}}",
         "1E-07|1.000000E-07"},
        {"{{printf \"%.1f|%.1f|%.1f|%.1f\" 0.05 0.15 0.25 0.35}}",
         "0.1|0.1|0.2|0.3"},
        {"{{printf \"%v\" 9007199254740993}}",
         "9007199254740993"},
        {"{{9007199254740993}} {{-9223372036854775808}} {{18446744073709551615}}",
         "9007199254740993 -9223372036854775808 |EXEC: template: output:1:48: executing \"output\" at <18446744073709551615>: 18446744073709551615 overflows int"},
        {"{{print 1.0 2 \"x\" \"y\" 3}}",
         "1 2xy3"},
        {"{{print \"a\" 1 2 \"b\"}}",
         "a1 2b"},
        {"{{println}}",
         "\n"},
        {"{{println \"a\" nil}}",
         "a <nil>\n"},
        {"{{printf \"%s %s\" \"a\"}}",
         "a %!s(MISSING)"},
        {"{{printf \"%d %d\" 1 \"x\" 3}}",
         "1 %!d(string=x)%!(EXTRA int=3)"},
        {"{{printf \"%!d\" 1}}",
         "%!!(int=1)d"},
        {"{{printf \"%x|%X|%o\" -1 255 -8}}",
         "-1|FF|-10"},
        {"{{printf \"%6.3s|\" \"abcdef\"}}",
         "   abc|"},
        {"{{printf \"%v\" (index .data \"a\")}}",
         "b"},
        {"{{printf \"%[2]d %[1]d\" 1 2}}",
         "2 1"},
        {"{{printf \"%[3]d\" 1 2}}",
         "%!d(BADINDEX)"},
        {"{{printf \"%[1]d %d\" 1 2}}",
         "1 2"},
        {"{{printf \"%[x]d\" 1}}",
         "%!d(BADINDEX)"},
        {"{{printf \"%[1]*d\" 3 4}}",
         "  4"},
        {"{{printf \"%9999999999d|\" 1}}",
         "%!(NOVERB)%!(EXTRA int=1)"},
        {"{{printf \"%.9999999999d|\" 1}}",
         "%!(NOVERB)%!(EXTRA int=1)"},
        {"{{printf \"%*d|\" 10000000 1}}",
         "%!(BADWIDTH)1|"}
  };

  private static final String[][] KUBECTL_NO_MISSING_KEYS = {
        {"x{{.data.zz}}{{.metadata.creationTimestamp.x}}",
         "x|EXEC: template: output:1:8: executing \"output\" at <.data.zz>: map has no entry for key \"zz\""},
        {"{{.data.zz.q}}",
         "|EXEC: template: output:1:7: executing \"output\" at <.data.zz.q>: map has no entry for key \"zz\""},
        {"{{$x := .metadata.creationTimestamp}}{{$x.y}}",
         "|EXEC: template: output:1:41: executing \"output\" at <$x.y>: nil data; no entry for key \"y\""},
        {"{{index .data \"zz\"}}",
         "<no value>"},
        {"{{range .data}}{{.}}{{end}}{{.nope}}",
         "b3|EXEC: template: output:1:29: executing \"output\" at <.nope>: map has no entry for key \"nope\""},
        {"{{with .nope}}a{{end}}",
         "|EXEC: template: output:1:7: executing \"output\" at <.nope>: map has no entry for key \"nope\""},
        {"{{if .nope}}a{{end}}",
         "|EXEC: template: output:1:5: executing \"output\" at <.nope>: map has no entry for key \"nope\""},
        {"{{exists . \"nope\"}}",
         "false"}
  };

  private static Object data(String json) {
    try {
      return GoTemplate.data(new ObjectMapper().readTree(json));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the template gives, in the tables' form. */
  private static String run(String template, Object data, boolean allowMissingKeys) {
    GoTemplate parsed;
    try {
      parsed = GoTemplate.parse(template);
    } catch (GoTemplate.ParseException e) {
      return "PARSE: " + e.getMessage();
    }
    StringBuilder out = new StringBuilder();
    try {
      parsed.execute(data, allowMissingKeys, out);
      return out.toString();
    } catch (GoTemplate.ExecException e) {
      return out + "|EXEC: " + e.getMessage();
    }
  }

  private static String run(String template, Object data) {
    return run(template, data, true);
  }

  @Test
  void everyTemplateOfTheTableGivesWhatKubectlGave() {
    Object data = data(CONFIG_MAP);
    SoftAssertions soft = new SoftAssertions();
    for (String[] row : KUBECTL) {
      soft.assertThat(run(row[0], data)).as(row[0]).isEqualTo(row[1]);
    }
    soft.assertAll();
  }

  @Test
  void withMissingKeysRefusedTheTemplatesFailAsKubectlsDo() {
    Object data = data(CONFIG_MAP);
    SoftAssertions soft = new SoftAssertions();
    for (String[] row : KUBECTL_NO_MISSING_KEYS) {
      soft.assertThat(run(row[0], data, false)).as(row[0]).isEqualTo(row[1]);
    }
    soft.assertAll();
  }

  private static Object podList() {
    return data("""
        {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": [
          {"metadata": {"name": "kubernetes-bootcamp-1", "labels": {"app": "bootcamp", "tier": "web"}},
           "status": {"phase": "Running"}, "spec": {"replicas": 3}},
          {"metadata": {"name": "kubernetes-bootcamp-2", "labels": {}}, "status": {"phase": "Pending"}}]}
        """);
  }

  @Test
  void theTutorialsRangePrintsANameALine() {
    assertThat(run("{{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}", podList()))
        .isEqualTo("kubernetes-bootcamp-1\nkubernetes-bootcamp-2\n");
  }

  @Test
  void indexInParenthesesThenAFieldReadsTheFirstPort() {
    Object service = data("{\"spec\": {\"ports\": [{\"nodePort\": 31526, \"port\": 8080}]}}");
    assertThat(run("{{(index .spec.ports 0).nodePort}}", service)).isEqualTo("31526");
  }

  @Test
  void wholeNumbersAreInt64sAndOthersFloat64sAsKubectlDecodesThem() {
    Object numbers = data("{\"a\": 8080, \"b\": 3, \"c\": 1000000, \"d\": 0.5, \"e\": 2.0, \"f\": 1e21, "
        + "\"g\": 0.00001, \"h\": -2.5e-7, \"i\": 123456.7}");
    assertThat(run("{{.a}} {{.b}} {{.c}} {{.d}} {{.e}} {{.f}} {{.g}} {{.h}} {{.i}}", numbers))
        .isEqualTo("8080 3 1000000 0.5 2 1e+21 1e-05 -2.5e-07 123456.7");
    assertThat(run("{{printf \"%d|%v|%5.1f|%T|%T|%T\" .a .a .a .a .d (len .)}}", numbers))
        .isEqualTo("8080|8080|%!f(int64= 8080)|int64|float64|int");
    assertThat(run("{{eq .b 3}} {{gt .a 80}} {{lt .d 1.0}}", numbers)).isEqualTo("true true true");
    // slice takes its indexes as they come: a map's value is an interface {} (the real kubectl says the same)
    assertThat(run("{{slice \"abcd\" .b}}", numbers)).isEqualTo("|EXEC: template: output:1:2: executing \"output\" at "
        + "<slice \"abcd\" .b>: error calling slice: cannot index slice/array with type interface {}");
    assertThat(run("{{eq .d 1}}", numbers)).endsWith("error calling eq: incompatible types for comparison");
    assertThat(run("{{1e6}} {{1000000}} {{printf \"%v\" 1e6}}", numbers)).isEqualTo("1e+06 1000000 1e+06");
  }

  @Test
  void conditionsLoopsAndVariables() {
    Object pods = podList();
    assertThat(run("{{range .items}}{{if eq .status.phase \"Running\"}}{{.metadata.name}} {{end}}{{end}}", pods))
        .isEqualTo("kubernetes-bootcamp-1 ");
    assertThat(run("{{range $k, $v := (index .items 0).metadata.labels}}{{$k}}={{$v}}{{\"\\n\"}}{{end}}", pods))
        .isEqualTo("app=bootcamp\ntier=web\n");
    assertThat(run("{{len .items}}", pods)).isEqualTo("2");
    assertThat(run("{{range $i, $p := .items}}{{if $i}},{{end}}{{$i}}:{{$p.metadata.name}}{{end}}", pods))
        .isEqualTo("0:kubernetes-bootcamp-1,1:kubernetes-bootcamp-2");
    assertThat(run("{{with (index .items 1).metadata.labels}}{{.}}{{else}}none{{end}}", pods)).isEqualTo("none");
    assertThat(run("{{$n := 0}}{{range .items}}{{$n = .metadata.name}}{{end}}{{$n}}", pods))
        .isEqualTo("kubernetes-bootcamp-2");
    assertThat(run("{{range .items}}{{if not .spec}}{{break}}{{end}}{{.spec.replicas}}{{end}}", pods)).isEqualTo("3");
    assertThat(run("{{range .items}}{{if .spec}}{{continue}}{{end}}{{.metadata.name}}{{end}}", pods))
        .isEqualTo("kubernetes-bootcamp-2");
    assertThat(run("{{range .nothing}}x{{else}}empty{{end}}", pods)).isEqualTo("empty");
    assertThat(run("{{if and (eq (len .items) 2) (ne .kind \"Pod\")}}both{{else if .x}}x{{else}}neither{{end}}", pods))
        .isEqualTo("both");
    assertThat(run("{{printf \"%s\\t%s\\n\" .kind .apiVersion}}", pods)).isEqualTo("List\tv1\n");
    assertThat(run("  {{- .kind -}}  \n {{/* a comment */}}.", pods)).isEqualTo("List.");
  }

  @Test
  void base64decodeDecodesSecretsAndReportsBadData() {
    Object secret = data("{\"data\": {\"password\": \"czNjcjN0\", \"bad\": \"czNjc\"}}");
    assertThat(run("{{.data.password | base64decode}}", secret)).isEqualTo("s3cr3t");
    assertThat(run("{{base64decode .data.bad}}", secret)).isEqualTo("|EXEC: template: output:1:2: executing \"output\" at "
        + "<base64decode .data.bad>: error calling base64decode: base64 decode failed: illegal base64 data at input byte 4");
    assertThat(run("{{range $k, $v := .data}}{{$k}}{{end}}", secret)).isEqualTo("badpassword");
  }

  @Test
  void deepNestingFailsWithAnErrorNotAStackOverflow() {
    assertThat(run("{{" + "(".repeat(5000) + "1" + ")".repeat(5000) + "}}", podList()))
        .isEqualTo("PARSE: template: output:1: max expression depth exceeded");
    assertThat(run("{{if 1}}".repeat(20000) + "{{end}}".repeat(20000), podList()))
        .isEqualTo("PARSE: template: output:1: max expression depth exceeded");
    assertThat(run("{{define \"a\"}}{{template \"a\" .}}{{end}}{{template \"a\" .}}", podList()))
        .endsWith("exceeded maximum template depth (" + GoTemplate.MAX_EXEC_DEPTH + ")");
  }

  @Test
  void hugeOutputStopsAtTheLimitWithAnError() {
    Map<String, Object> data = new TreeMap<>();
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      items.add("item-" + i);
    }
    data.put("items", items);
    String out = run("{{range .items}}{{range $.items}}{{range $.items}}{{.}}{{end}}{{end}}{{end}}", data);
    assertThat(out).endsWith("the output exceeds " + GoTemplate.MAX_OUTPUT + " characters, the limit of this simulator");
    assertThat(out.length()).isLessThan(GoTemplate.MAX_OUTPUT + 1000);
    assertThat(run("{{$s := \"ab\"}}{{range .items}}{{$s = printf \"%s%s\" $s $s}}{{end}}", data))
        .contains("error calling printf: the result exceeds");
  }

  @Test
  void parsingNeedsATemplate() {
    assertThatThrownBy(() -> GoTemplate.parse("{{.a")).isInstanceOf(GoTemplate.ParseException.class)
        .hasMessage("template: output:1: unclosed action");
  }
}
