/* rapport-accept.c: the answers a short-answer or numeric question accepts,
 * and typed answers compared with them; see rapport-accept.h for the rules.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "rapport-accept.h"
#include "rapport-topic-private.h"

/* In a compiled pattern, where the `*` was: no character has this value. */
#define WILDCARD ((gunichar) 0xFFFFFFFFu)

struct _RapportAccept
{
  char          *text;           /* NULL for a number */
  GArray        *pattern;        /* of gunichar, normalised, with WILDCARD */
  RapportInline *feedback;
  double         value;
  double         tolerance;
  gboolean       case_sensitive;
};

G_DEFINE_BOXED_TYPE (RapportAccept, rapport_accept, rapport_accept_ref, rapport_accept_unref)

/* Normalising */

static gboolean
is_punctuation (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
      return TRUE;

    default:
      return FALSE;
    }
}

/* What a keyboard types for the typographer's quotes and dashes that an
 * author writes, so that "don’t" accepts "don't".
 */
static gunichar
plain_form (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return '\'';

    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return '"';

    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
      return '-';

    default:
      return c;
    }
}

/* Appends @text (@length bytes), normalised, to @out; white space becomes
 * one space, which the caller trims.
 */
static void
append_normalized (GArray     *out,
                   const char *text,
                   gssize      length,
                   gboolean    case_sensitive)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);

  if (!case_sensitive)
    {
      /* Folding can undo the normal form (a "ß" becomes "ss", an "İ" an
       * "i" and a combining dot), so normalise again after it.
       */
      g_autofree char *folded = g_utf8_casefold (normal, -1);

      g_free (normal);
      normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
    }

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (g_unichar_isspace (c))
        {
          gunichar space = ' ';

          if (out->len == 0 || g_array_index (out, gunichar, out->len - 1) != ' ')
            g_array_append_val (out, space);
          continue;
        }

      /* Controls, zero-width spaces, direction marks, a byte order mark:
       * nothing a reader sees.
       */
      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT)
        continue;

      c = plain_form (c);
      g_array_append_val (out, c);
    }
}

/* Removes the white space and punctuation at both ends; a wildcard stays. */
static void
trim (GArray *chars)
{
  guint start = 0;
  guint end = chars->len;

  while (start < end)
    {
      gunichar c = g_array_index (chars, gunichar, start);

      if (c == WILDCARD || (c != ' ' && !is_punctuation (c)))
        break;
      start++;
    }

  while (end > start)
    {
      gunichar c = g_array_index (chars, gunichar, end - 1);

      if (c == WILDCARD || (c != ' ' && !is_punctuation (c)))
        break;
      end--;
    }

  g_array_set_size (chars, end);
  g_array_remove_range (chars, 0, start);
}

static GArray *
normalize_typed (const char *text,
                 gboolean    case_sensitive)
{
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (gunichar));

  append_normalized (chars, text, -1, case_sensitive);
  trim (chars);

  return chars;
}

/* Accepted words as characters to compare, a `*` as WILDCARD (one for a
 * run of them) and `\*` as an asterisk.
 */
static GArray *
compile_pattern (const char *text,
                 gboolean    case_sensitive)
{
  GArray *pattern = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GString) segment = g_string_new (NULL);

  for (const char *p = text; ; p++)
    {
      if (*p == '\\' && p[1] == '*')
        {
          g_string_append_c (segment, '*');
          p++;
          continue;
        }

      if (*p != '*' && *p != '\0')
        {
          g_string_append_c (segment, *p);
          continue;
        }

      append_normalized (pattern, segment->str, segment->len, case_sensitive);
      g_string_truncate (segment, 0);
      if (*p == '\0')
        break;

      if (pattern->len == 0 || g_array_index (pattern, gunichar, pattern->len - 1) != WILDCARD)
        {
          gunichar wildcard = WILDCARD;

          g_array_append_val (pattern, wildcard);
        }
    }

  trim (pattern);

  return pattern;
}

/* Whether @text matches @pattern whole.  One wildcard at a time is taken
 * back (the last one seen), which is enough for patterns with nothing but
 * `*`: at most length × length steps, never exponential.
 */
static gboolean
pattern_matches (GArray *pattern,
                 GArray *text)
{
  const gunichar *pat = (const gunichar *) (gpointer) pattern->data;
  const gunichar *txt = (const gunichar *) (gpointer) text->data;
  guint p = 0;
  guint t = 0;
  guint star = G_MAXUINT;
  guint mark = 0;

  while (t < text->len)
    {
      if (p < pattern->len && pat[p] == WILDCARD)
        {
          star = p++;
          mark = t;
        }
      else if (p < pattern->len && pat[p] == txt[t])
        {
          p++;
          t++;
        }
      else if (star != G_MAXUINT)
        {
          p = star + 1;
          t = ++mark;
        }
      else
        return FALSE;
    }

  while (p < pattern->len && pat[p] == WILDCARD)
    p++;

  return p == pattern->len;
}

static char *
chars_to_utf8 (GArray *chars)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < chars->len; i++)
    {
      gunichar c = g_array_index (chars, gunichar, i);

      if (c == WILDCARD)
        g_string_append_c (out, '*');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * rapport_typed_normalize:
 *
 * Returns: (transfer full): @text as it is compared with accepted words:
 *   normalised, folded unless @case_sensitive, trimmed; "" when nothing is
 *   left to compare (only spaces and punctuation)
 */
char *
rapport_typed_normalize (const char *text,
                         gboolean    case_sensitive)
{
  g_autoptr(GArray) chars = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  chars = normalize_typed (text, case_sensitive);

  return chars_to_utf8 (chars);
}

/* Numbers */

static const char *
skip_digits (const char *p,
             const char *end,
             GString    *out,
             guint      *n_digits)
{
  *n_digits = 0;
  for (; p < end && g_ascii_isdigit (*p); p++)
    {
      g_string_append_c (out, *p);
      (*n_digits)++;
    }

  return p;
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize len = prefix != NULL ? strlen (prefix) : 0;

  return len > 0 && (gsize) (end - p) >= len && memcmp (p, prefix, len) == 0;
}

/**
 * rapport_parse_number:
 * @decimal_point: (nullable): the decimal separator besides ".", such as
 *   ","; NULL or "" for "." alone
 * @thousands_separator: (nullable): what separates thousands where the
 *   number was typed; a "." or @decimal_point followed by exactly three
 *   digits is refused when it is this one
 * @number: (out): the number
 *
 * Reads a number as a learner or an author writes it; see rapport-accept.h.
 *
 * Returns: whether @text is a finite number and nothing else
 */
gboolean
rapport_parse_number (const char *text,
                      const char *decimal_point,
                      const char *thousands_separator,
                      double     *number)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  const char *p;
  const char *end;
  const char *separator = NULL;
  const char *first_digit;
  guint n_int, n_frac = 0, n_exp;
  char *parsed_end;
  double value;

  g_return_val_if_fail (number != NULL, FALSE);

  if (text == NULL || strlen (text) > RAPPORT_NUMBER_MAX_LENGTH || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  p = text;
  end = text + strlen (text);
  while (p < end && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  while (end > p)
    {
      const char *last = g_utf8_find_prev_char (p, end);

      if (last == NULL || !g_unichar_isspace (g_utf8_get_char (last)))
        break;
      end = last;
    }

  if (has_prefix (p, end, "+"))
    p++;
  else if (has_prefix (p, end, "-") || has_prefix (p, end, "\xe2\x88\x92"))   /* U+2212 minus */
    {
      g_string_append_c (plain, '-');
      p += *p == '-' ? 1 : 3;
    }

  first_digit = p;
  p = skip_digits (p, end, plain, &n_int);

  if (has_prefix (p, end, "."))
    separator = ".";
  else if (has_prefix (p, end, decimal_point))
    separator = decimal_point;

  if (separator != NULL)
    {
      p += strlen (separator);
      g_string_append_c (plain, '.');
      p = skip_digits (p, end, plain, &n_frac);
    }

  if (n_int + n_frac == 0)
    return FALSE;

  /* "1.500" in German is fifteen hundred; in the C locale one and a half. */
  if (separator != NULL && thousands_separator != NULL && g_str_equal (separator, thousands_separator) &&
      n_frac == 3 && n_int >= 1 && n_int <= 3 && *first_digit != '0')
    return FALSE;

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      g_string_append_c (plain, 'e');
      if (p < end && (*p == '+' || *p == '-'))
        g_string_append_c (plain, *p++);
      p = skip_digits (p, end, plain, &n_exp);
      if (n_exp == 0 || n_exp > 4)
        return FALSE;
    }

  if (p != end)
    return FALSE;

  value = g_ascii_strtod (plain->str, &parsed_end);
  if (*parsed_end != '\0' || !isfinite (value))
    return FALSE;

  *number = value;

  return TRUE;
}

/* A number typed in the C locale or the user's (LC_NUMERIC). */
gboolean
rapport_parse_typed_number (const char *text,
                            double     *number)
{
  const struct lconv *conv = localeconv ();

  return rapport_parse_number (text, conv->decimal_point, conv->thousands_sep, number);
}

/* @number as the user's locale writes it ("2,5" in German), with as many
 * digits as an author writes.
 */
char *
rapport_format_number (double number)
{
  return g_strdup_printf ("%.15g", number);
}

/* Accepted answers */

RapportAccept *
rapport_accept_new_text (const char    *text,
                         gboolean       case_sensitive,
                         RapportInline *feedback)
{
  RapportAccept *self = g_atomic_rc_box_new0 (RapportAccept);

  self->text = g_strdup (text);
  self->case_sensitive = !!case_sensitive;
  self->pattern = compile_pattern (text, case_sensitive);
  self->feedback = feedback != NULL ? rapport_inline_ref (feedback) : NULL;

  return self;
}

RapportAccept *
rapport_accept_new_number (double         value,
                           double         tolerance,
                           RapportInline *feedback)
{
  RapportAccept *self = g_atomic_rc_box_new0 (RapportAccept);

  self->value = value;
  self->tolerance = tolerance;
  self->feedback = feedback != NULL ? rapport_inline_ref (feedback) : NULL;

  return self;
}

/* Accepted words with nothing to compare once normalised. */
gboolean
rapport_accept_is_empty (const RapportAccept *self)
{
  return self->pattern != NULL && self->pattern->len == 0;
}

/* Accepted words that are only wildcards: every answer would match. */
gboolean
rapport_accept_matches_anything (const RapportAccept *self)
{
  if (self->pattern == NULL || self->pattern->len == 0)
    return FALSE;

  for (guint i = 0; i < self->pattern->len; i++)
    if (g_array_index (self->pattern, gunichar, i) != WILDCARD)
      return FALSE;

  return TRUE;
}

static void
rapport_accept_finalize (gpointer data)
{
  RapportAccept *self = data;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->pattern, g_array_unref);
  g_clear_pointer (&self->feedback, rapport_inline_unref);
}

RapportAccept *
rapport_accept_ref (RapportAccept *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
rapport_accept_unref (RapportAccept *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, rapport_accept_finalize);
}

const char *
rapport_accept_get_text (const RapportAccept *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

double
rapport_accept_get_value (const RapportAccept *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->value;
}

double
rapport_accept_get_tolerance (const RapportAccept *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->tolerance;
}

/* Returns: (nullable): NULL when the author wrote none */
RapportInline *
rapport_accept_get_feedback (const RapportAccept *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->feedback;
}

/* Whether @typed (any UTF-8; at most RAPPORT_TYPED_MAX_LENGTH characters
 * are compared) is the accepted words; FALSE for a number.
 */
gboolean
rapport_accept_matches_text (const RapportAccept *self,
                             const char          *typed)
{
  g_autoptr(GArray) chars = NULL;
  g_autofree char *capped = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (typed != NULL, FALSE);

  if (self->pattern == NULL)
    return FALSE;

  if (g_utf8_strlen (typed, -1) > RAPPORT_TYPED_MAX_LENGTH)
    typed = capped = g_utf8_substring (typed, 0, RAPPORT_TYPED_MAX_LENGTH);

  chars = normalize_typed (typed, self->case_sensitive);

  return chars->len > 0 && pattern_matches (self->pattern, chars);
}

/* Whether @number is within the tolerance; FALSE for accepted words. */
gboolean
rapport_accept_matches_number (const RapportAccept *self,
                               double               number)
{
  double slack;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->text != NULL || !isfinite (number))
    return FALSE;

  /* "0.1 ± 0.05" takes 0.15, which a double holds only nearly. */
  slack = 1e-12 * MAX (1.0, MAX (fabs (self->value), self->tolerance));

  return fabs (number - self->value) <= self->tolerance + slack;
}

/* The answer as a learner reads it beside theirs: words with "…" for a
 * wildcard, or a number in the user's locale, "12.5 ± 0.5".
 */
char *
rapport_accept_to_display (const RapportAccept *self)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->text == NULL)
    {
      value = rapport_format_number (self->value);
      if (self->tolerance > 0)
        {
          g_autofree char *tolerance = rapport_format_number (self->tolerance);

          return g_strdup_printf ("%s ± %s", value, tolerance);
        }
      return g_steal_pointer (&value);
    }

  out = g_string_new (NULL);
  for (const char *p = self->text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == '*')
        g_string_append_c (out, *++p);
      else if (*p == '*')
        {
          if (out->len == 0 || !g_str_has_suffix (out->str, "…"))
            g_string_append (out, "…");
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
