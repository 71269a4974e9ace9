#!/bin/sh
# ansi2svg.sh - the README pictures' converter (tools/ansi2svg.py): the
# colours of a captured screen (256-colour, 24-bit, reverse), wide
# characters two cells, text escaped for XML.
. "$(dirname "$0")/lib.sh"
setup_tmp

printf '\033[38;5;16m\033[48;5;110m hktop \033[0m A<&>\n\033[7m\033[38;5;40mrev\033[0m \033[38;2;255;0;0m\350\205\276\350\256\257\033[0m!\n' \
	> "$T/in.ansi"
python3 "$top_srcdir/tools/ansi2svg.py" 20 2 < "$T/in.ansi" > "$T/out.svg"
is "$?" 0 "converts"
svg=$(cat "$T/out.svg")
like "$svg" '^<svg xmlns="http://www.w3.org/2000/svg" width="168" height="34"' "20x2 cells of 8.4x17"
like "$svg" '<rect x="0.0" y="0" width="59.1" height="17" fill="#87afd7"/>' "colour 110 behind ' hktop ', one rect"
like "$svg" 'fill="#000000"[^>]*>&#160;hktop&#160;<' "its text in colour 16"
like "$svg" '>&#160;A&lt;&amp;&gt;</text>' "text escaped, spaces kept as no-break ones"
like "$svg" '<rect x="0.0" y="17" width="25.5" height="17" fill="#00d700"/>' "reverse: the colour behind"
like "$svg" 'fill="#1c1c1c"[^>]*>rev<' "and the background's in front"
like "$svg" 'x="33.6" y="[0-9.]*" fill="#ff0000"[^>]*>腾<' "24-bit colour; a wide character at its cell"
like "$svg" 'x="50.4" y="[0-9.]*" fill="#ff0000"[^>]*>讯<' "the next two cells on"
like "$svg" 'x="67.2" y="[0-9.]*" fill="#d0d0d0"[^>]*>!<' "then the default colour, after both"
done_testing
