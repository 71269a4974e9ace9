/* alerts-fuzzer.c - libFuzzer harness for the alert rules file's parser
 * (alert_file_parse, alert_rule_parse) and the rule's canonical form */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "config/alert_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct alert_file f = { 0 };
	char err[STATE_MSG_MAX] = "", key[ALERT_TEXT_MAX], clean[ALERT_TEXT_MAX];
	size_t lines = 1;

	if (size > 65536)
		return 0;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (!alert_file_parse(&f, "fuzz", (const char *)data, size, err, sizeof err)) {
		/* Refused whole only for a NUL byte, and always says why. */
		if (!memchr(data, '\0', size) || !err[0])
			abort();
		goto done;
	}
	if (f.n + f.nbad > lines || f.n > ALERT_RULES_MAX || f.doc.n > lines)
		abort();
	for (size_t i = 0; i < f.nbad && i < STATE_BAD_NAMED; i++)
		if (strncmp(f.bad[i], "fuzz:", 5) != 0)
			abort();
	for (size_t i = 0; i < f.n; i++) {
		const struct alert_rule *r = &f.rules[i];
		struct alert_rule again;
		char key2[ALERT_TEXT_MAX];
		bool blank;

		/* Nothing a rule says back carries a control character, and
		 * its canonical form parses to the same rule. */
		text_sanitize(clean, sizeof clean, r->note, strlen(r->note));
		if (strcmp(clean, r->note) != 0 || f.line[i] >= f.doc.n)
			abort();
		alert_rule_key(r, key, sizeof key);
		if (!alert_rule_parse(key, strlen(key), &again, &blank, err, sizeof err))
			abort();
		alert_rule_key(&again, key2, sizeof key2);
		if (strcmp(key, key2) != 0 || again.kind != r->kind || again.repeat != r->repeat ||
		    (r->kind != ALERT_NEWS && alert_num_cmp(again.level, r->level) != 0))
			abort();
	}
done:
	alert_file_done(&f);
	return 0;
}
