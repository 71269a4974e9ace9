/* test-spark.c - sparklines: each point at its height, the part of the day
 * to come blank, braille, blocks and ASCII, never past the cells */
#include "config.h"

#include <math.h>
#include <string.h>

#include "layout/spark.h"
#include "tap.h"

int main(void)
{
	char out[64];
	const double rise[4] = { 1, 2, 3, 4 };
	const double some[6] = { 5, 5, NAN, 7, NAN, NAN };
	const double flat[3] = { 2, 2, 2 };

	is_int(spark_draw(rise, 4, 4, SPARK_ASCII, out, sizeof out), 4, "4 points in 4 cells");
	is_str(out, "_-~^", "ASCII: lowest to highest");
	spark_draw(rise, 4, 4, SPARK_BLOCKS, out, sizeof out);
	is_str(out, "\u2581\u2583\u2586\u2588", "blocks: eighths, the ends at the bottom and the top");
	spark_draw(rise, 4, 2, SPARK_BRAILLE, out, sizeof out);
	/* cell 1: dot 7 (bottom left) and dot 6 (second from the bottom,
	 * right); cell 2: dot 2 and dot 4 (top right). */
	is_str(out, "\u2860\u280a", "braille: two points a cell, four dots high");
	spark_draw(rise, 4, 8, SPARK_ASCII, out, sizeof out);
	is_str(out, " _ - ~ ^", "more room than points: spread out, gaps blank");
	spark_draw(rise, 4, 2, SPARK_ASCII, out, sizeof out);
	is_str(out, "-^", "fewer cells: each the last point of its span");
	spark_draw(some, 6, 6, SPARK_ASCII, out, sizeof out);
	is_str(out, "__ ^  ", "no price yet (NaN): blank, the day still to come too");
	spark_draw(flat, 3, 3, SPARK_BLOCKS, out, sizeof out);
	is_str(out, "\u2585\u2585\u2585", "a flat day: the middle");
	{
		const double none[2] = { NAN, NAN };
		is_int(spark_draw(none, 2, 5, SPARK_BRAILLE, out, sizeof out), 0, "no price: nothing");
		is_str(out, "", "an empty string");
	}
	is_int(spark_draw(rise, 4, 30, SPARK_BRAILLE, out, sizeof out), 0,
	       "out too small for the cells: nothing drawn");
	is_int(spark_draw(rise, 0, 4, SPARK_ASCII, out, sizeof out), 0, "no slots: nothing");
	{
		double big[400];
		for (int i = 0; i < 400; i++)
			big[i] = sin(i / 20.0) * 100;
		is_int(spark_draw(big, 400, 12, SPARK_BRAILLE, out, sizeof out), 12, "400 points in 12 cells");
		is_int((int)strlen(out), 36, "12 braille characters, 3 bytes each");
	}
	return tap_done();
}
