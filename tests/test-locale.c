/* test-locale.c - which locales can draw Chinese names, and whose name is asked for */
#include "config.h"

#include <stdlib.h>

#include "tap.h"
#include "tui/ui.h"

static void test_codeset(void)
{
	ok(ui_codeset_is_utf8("UTF-8"), "UTF-8 (glibc's nl_langinfo)");
	ok(ui_codeset_is_utf8("utf8"), "utf8");
	ok(ui_codeset_is_utf8("UTF8"), "UTF8");
	ok(!ui_codeset_is_utf8("ANSI_X3.4-1968"), "not the C locale's ASCII");
	ok(!ui_codeset_is_utf8("ISO-8859-1"), "not Latin-1");
	ok(!ui_codeset_is_utf8("GB2312"), "not GB2312, though it has Chinese");
	ok(!ui_codeset_is_utf8("UTF-16"), "not UTF-16");
	ok(!ui_codeset_is_utf8(""), "not empty");
	ok(!ui_codeset_is_utf8(NULL), "not NULL");
}

static void test_locale_name(void)
{
	ok(ui_locale_name_is_utf8("en_US.UTF-8"), "en_US.UTF-8");
	ok(ui_locale_name_is_utf8("zh_HK.utf8"), "zh_HK.utf8");
	ok(ui_locale_name_is_utf8("C.UTF-8"), "C.UTF-8");
	ok(ui_locale_name_is_utf8("de_DE.UTF-8@euro"), "a modifier after the codeset");
	ok(!ui_locale_name_is_utf8("de_DE@euro"), "a modifier and no codeset");
	ok(!ui_locale_name_is_utf8("zh_CN.GB18030"), "GB18030");
	ok(!ui_locale_name_is_utf8("en_US"), "no codeset: the language's legacy one");
	ok(!ui_locale_name_is_utf8("C"), "C");
	ok(!ui_locale_name_is_utf8("POSIX"), "POSIX");
	ok(!ui_locale_name_is_utf8("en_US.UTF-8.x"), "a codeset that only starts as UTF-8");
	ok(!ui_locale_name_is_utf8(""), "empty");
	ok(!ui_locale_name_is_utf8(NULL), "NULL");
}

static void test_locale_env(void)
{
	unsetenv("LC_ALL");
	unsetenv("LC_CTYPE");
	unsetenv("LANG");
	ok(ui_locale_env() == NULL, "nothing set: NULL");
	setenv("LANG", "en_GB.UTF-8", 1);
	is_str(ui_locale_env(), "en_GB.UTF-8", "LANG");
	setenv("LC_CTYPE", "zh_TW.UTF-8", 1);
	is_str(ui_locale_env(), "zh_TW.UTF-8", "LC_CTYPE over LANG");
	setenv("LC_ALL", "", 1);
	is_str(ui_locale_env(), "zh_TW.UTF-8", "an empty LC_ALL counts as unset");
	setenv("LC_ALL", "C", 1);
	is_str(ui_locale_env(), "C", "LC_ALL over both");
}

int main(void)
{
	test_codeset();
	test_locale_name();
	test_locale_env();
	return tap_done();
}
