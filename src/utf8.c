/* utf8.c: UTF-8 validation and terminal display width, without depending on the locale. */
#include "clout_internal.h"

long
clout_i_utf8_invalid(const char *text, size_t length)
{
	const unsigned char	*s = (const unsigned char *)text;
	size_t			 i = 0, n, k;
	uint32_t		 cp;

	while (i < length) {
		unsigned char	c = s[i];

		if (c == 0)
			return (long)i;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else
			return (long)i;
		for (k = 1; k <= n; k++) {
			if (i + k >= length || (s[i + k] & 0xC0) != 0x80)
				return (long)i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		/* overlong forms, surrogates and code points past U+10FFFF */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return (long)i;
		i += n + 1;
	}
	return -1;
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
