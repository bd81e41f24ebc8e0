/*
 * utf8.c: UTF-8 validation, terminal display width and the look-alike form
 * of ids, without depending on the locale. The only file that includes
 * <utf8proc.h>: Unicode normalisation needs its tables.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "clout_internal.h"

size_t
clout_i_utf8_char(const char *text, size_t length, enum clout_i_utf8_fault *fault)
{
	const unsigned char	*s = (const unsigned char *)text;
	enum clout_i_utf8_fault	 dummy;
	size_t			 n, k;
	uint32_t		 cp;

	if (fault == NULL)
		fault = &dummy;
	if (length == 0 || s[0] == 0) {
		*fault = length == 0 ? CLOUT_I_UTF8_TRUNCATED : CLOUT_I_UTF8_NUL;
		return 0;
	}
	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xC0) {
		*fault = CLOUT_I_UTF8_STRAY;
		return 0;
	}
	if (s[0] < 0xE0) {
		n = 1;
		cp = s[0] & 0x1F;
	} else if (s[0] < 0xF0) {
		n = 2;
		cp = s[0] & 0x0F;
	} else if (s[0] < 0xF8) {
		n = 3;
		cp = s[0] & 0x07;
	} else {
		*fault = CLOUT_I_UTF8_BAD_BYTE;
		return 0;
	}
	for (k = 1; k <= n; k++) {
		if (k >= length || (s[k] & 0xC0) != 0x80) {
			*fault = CLOUT_I_UTF8_TRUNCATED;
			return 0;
		}
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) {
		*fault = CLOUT_I_UTF8_OVERLONG;
		return 0;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF) {
		*fault = CLOUT_I_UTF8_SURROGATE;
		return 0;
	}
	if (cp > 0x10FFFF) {
		*fault = CLOUT_I_UTF8_TOO_BIG;
		return 0;
	}
	return n + 1;
}

long
clout_i_utf8_check(const char *text, size_t length, enum clout_i_utf8_fault *fault)
{
	size_t	i = 0, n;

	while (i < length) {
		if ((unsigned char)text[i] >= 0x01 && (unsigned char)text[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = clout_i_utf8_char(text + i, length - i, fault)) == 0)
			return (long)i;
		i += n;
	}
	return -1;
}

long
clout_i_utf8_invalid(const char *text, size_t length)
{
	return clout_i_utf8_check(text, length, NULL);
}

const char *
clout_i_utf8_fault_name(enum clout_i_utf8_fault fault)
{
	switch (fault) {
	case CLOUT_I_UTF8_NUL:
		return "a NUL byte";
	case CLOUT_I_UTF8_STRAY:
		return "a continuation byte with no lead byte";
	case CLOUT_I_UTF8_BAD_BYTE:
		return "a byte UTF-8 never uses";
	case CLOUT_I_UTF8_TRUNCATED:
		return "a truncated sequence";
	case CLOUT_I_UTF8_OVERLONG:
		return "an overlong encoding";
	case CLOUT_I_UTF8_SURROGATE:
		return "an encoded UTF-16 surrogate, U+D800..U+DFFF";
	case CLOUT_I_UTF8_TOO_BIG:
		return "a code point above U+10FFFF";
	}
	return "invalid";
}

/* Ranges of zero-width (combining) and wide (East Asian) code points. */
static const uint32_t zero_width[][2] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x0610, 0x061A },
	{ 0x064B, 0x065F }, { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F },
	{ 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
};
static const uint32_t wide[][2] = {
	{ 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
	{ 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
	{ 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
	{ 0x1F900, 0x1F9FF }, { 0x20000, 0x3FFFD },
};

static int
in_ranges(uint32_t cp, const uint32_t (*ranges)[2], size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return 1;
	return 0;
}

size_t
clout_i_utf8_width(const char *text)
{
	const unsigned char	*s = (const unsigned char *)text;
	size_t			 width = 0, n, k;
	uint32_t		 cp;

	while (*s != '\0') {
		if (*s < 0x80) {
			width += *s >= 0x20 && *s != 0x7F;
			s++;
			continue;
		}
		if (*s >= 0xF0) {
			n = 3;
			cp = *s & 0x07;
		} else if (*s >= 0xE0) {
			n = 2;
			cp = *s & 0x0F;
		} else if (*s >= 0xC0) {
			n = 1;
			cp = *s & 0x1F;
		} else {		/* a stray continuation byte: count it */
			width++;
			s++;
			continue;
		}
		s++;
		for (k = 0; k < n && (*s & 0xC0) == 0x80; k++, s++)
			cp = (cp << 6) | (*s & 0x3F);
		if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
			continue;
		width += in_ranges(cp, wide, sizeof wide / sizeof wide[0]) ? 2 : 1;
	}
	return width;
}

/* text through utf8proc with flags; a copy of text when it is not valid UTF-8. */
static char *
utf8_map(const char *text, utf8proc_option_t flags)
{
	const char	*p;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	for (p = text; *p != '\0' && (unsigned char)*p < 0x80; p++)
		;
	if (*p == '\0')	/* ASCII is its own normal form, with nothing invisible */
		return clout_i_strdup(text);
	n = utf8proc_map((const utf8proc_uint8_t *)text, 0, &out,
	    flags | UTF8PROC_NULLTERM | UTF8PROC_STABLE);
	if (n == UTF8PROC_ERROR_NOMEM)
		return NULL;
	if (n < 0)
		return clout_i_strdup(text);
	return (char *)out;
}

char *
clout_i_utf8_nfc(const char *text)
{
	return utf8_map(text, UTF8PROC_COMPOSE);
}

char *
clout_i_utf8_skeleton(const char *text)
{
	return utf8_map(text, UTF8PROC_COMPOSE | UTF8PROC_IGNORE);
}
