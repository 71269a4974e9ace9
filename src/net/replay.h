/* replay.h - --replay: requests answered from a recording, on its clock
 *
 * The recording's directory is read as one stream, file after file in
 * name order (the recorder names them by time), one record held at a
 * time. The clock (base/hkclock.h) runs from the recording's first
 * record, or the start asked for; as it passes each record, the record
 * becomes the answer to its URL. A request is answered with the newest
 * record of its URL at or before the clock; if there is none yet, when
 * the first one comes; if the recording never has one, with the error
 * "not in the recording". A quote request for codes that a recorded
 * request asked among others (the dashboard asks for the indexes too) is
 * answered by that record: see replay_url_covers. At the end of the
 * recording the clock stops. */
#ifndef HKTOP_REPLAY_H
#define HKTOP_REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/recfile.h"
#include "net/http.h"

struct replay;

/* rec is the answer, valid during the call; NULL with err when there is
 * none ("not in the recording", or "cancelled" from replay_free). */
typedef void (*replay_answer_fn)(void *arg, const struct recfile_record *rec, const char *err);

/* Open dir's recording and read to its first record. False with a
 * message when there is nothing to play: dir missing, unreadable, not a
 * directory, no *.hkrec file in it, no record in any. Files that cannot
 * be read are skipped with a note (replay_take_note). */
struct replay *replay_open(const char *dir, char *err, size_t errlen);

/* Frees the recording; each request still waiting is answered "cancelled". */
void replay_free(struct replay *rp);

/* The first record's time (ms since 1970 UTC). */
long long replay_first_ms(const struct replay *rp);

/* Ask for url: answered from replay_dispatch, never from inside this. */
bool replay_request(struct replay *rp, const char *url, replay_answer_fn fn, void *arg);

/* Pass the records the clock has reached, then answer what is due. */
void replay_dispatch(struct replay *rp);

/* Real milliseconds until replay_dispatch has something to do, -1 for
 * nothing (paused, or ended with nothing waiting). */
long replay_timeout_ms(struct replay *rp);

/* Requests not yet answered. */
int replay_pending(const struct replay *rp);

/* Pause the clock and move it to the next record: false at the end. */
bool replay_step(struct replay *rp);

/* Move the clock to at_ms, reading the recording again from its start
 * if that is behind the clock. */
void replay_jump(struct replay *rp, long long at_ms);

/* Played to the end: the clock stopped at the last record. */
bool replay_ended(const struct replay *rp);

/* The next problem met in the recording not yet taken (a file skipped, a
 * record cut short or corrupt), or NULL. */
const char *replay_take_note(struct replay *rp);

/* What replay_response fills r's strings from. */
struct replay_meta {
	char ctype[256], cause[320];
};

/* rec (or, when NULL, err) as the response a transfer of url would have
 * given: status, body, Content-Type; the error said again from the status
 * (a 429 or 503 with the seconds its Retry-After asked, counted from the
 * time it came) or the failed transfer's, kept in X-Hktop-Error. Valid
 * while rec and m are. */
void replay_response(const struct recfile_record *rec, const char *err, const char *url,
		     struct http_response *r, struct replay_meta *m);

/* Does a record of rec_url answer a request for req_url? The same URL,
 * or the same up to the last '=' and then a comma list of codes holding
 * every code the request's holds, or any value of a last parameter that
 * only busts caches (req_trace). Pure. */
bool replay_url_covers(const char *rec_url, const char *req_url);

#endif
