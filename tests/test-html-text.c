/* test-html-text.c - HTML to plain text: references, tags, comments, scripts, the output cap */
#include "config.h"

#include <string.h>

#include "base/html_text.h"
#include "tap.h"

int main(void)
{
	char out[256];

#define HTML(in, want, what) do { \
	html_text_decode(out, sizeof out, in, strlen(in), true); \
	is_str(out, want, "html: %s", what); \
} while (0)
	HTML("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&#39;", "a & b <c> \"d\" 'e'", "basic references");
	HTML("&#x4e2d;&#20013;&#X4E2D;", "中中中", "numeric references");
	HTML("&#0;&#xd800;&#x110000;", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", "impossible code points");
	HTML("&#123456789;&#x;&#;&amp", "&#123456789;&#x;&#;&amp", "malformed references kept");
	HTML("&nosuch; &AMP;", "&nosuch; &AMP;", "unknown names kept");
	HTML("A<b>B</b>C<br>D<p>E</p>", "ABC D E ", "inline tags vanish, block tags space");
	HTML("x<!-- <b>y</b> -->z<!-- open", "xz", "comments");
	HTML("1<script type='a'>if (a<b) x()</script>2<STYLE>p>a{}</style>3", "123", "script and style");
	HTML("<scripts>k</scripts>", "k", "<scripts> is not <script>");
	HTML("a < b > c", "a < b > c", "bare < is text");
	HTML("<a title=\"x>y\">link</a>", "link", "> inside a quoted attribute");
	HTML("tail<a href=", "tail", "unterminated tag");
	html_text_decode(out, sizeof out, "<b>&amp;</b>", 12, false);
	is_str(out, "<b>&</b>", "html: references only");
	html_text_decode(out, 4, "abcdef", 6, true);
	is_str(out, "abc", "html: output cap");
	return tap_done();
}
