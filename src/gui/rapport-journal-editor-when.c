/* rapport-journal-editor-when.c: the journal editor's date field, typed in
 * the user's own form or picked from a calendar and a time
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-journal-editor-private.h"
#include "rapport-journal-when.h"

/* Shows @when in the field, in the locale's own form. */
void
rapport_journal_editor_set_when (RapportJournalEditor *self,
                                 GDateTime            *when)
{
  g_autofree char *text = NULL;

  g_assert (RAPPORT_IS_JOURNAL_EDITOR (self));
  g_assert (when != NULL);

  g_clear_pointer (&self->when, g_date_time_unref);
  self->when = g_date_time_to_local (when);
  text = rapport_journal_format_when (self->when);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->when_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->when_row), text);
  rapport_journal_editor_clear_when_error (self);
}

void
rapport_journal_editor_clear_when_error (RapportJournalEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->when_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->when_error_label), FALSE);
}

static void
show_when_error (RapportJournalEditor *self,
                 const char           *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->when_row), "error");
  gtk_label_set_text (self->when_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->when_error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->when_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

GDateTime *
rapport_journal_editor_read_when (RapportJournalEditor  *self,
                                  GError               **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->when_row));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = NULL;
  GDateTime *base = self->when != NULL ? self->when : now;

  when = rapport_journal_parse_when (text, base, now);
  if (when == NULL)
    {
      g_autofree char *example = rapport_journal_format_when (now);
      g_autofree char *message = NULL;

      /* Translators: the placeholder is the date and time now, written the
       * way the field shows dates
       */
      message = g_strdup_printf (_("Rapport cannot read this as a date and time. Choose one with "
                                   "the calendar button beside it, or write it like %s."),
                                 example);
      show_when_error (self, message);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
      return NULL;
    }

  rapport_journal_editor_clear_when_error (self);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->when_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  return g_steal_pointer (&when);
}

/* What was typed is read when the user is done with it (Enter, or the focus
 * leaving the field), and shown again in the field's own form; never while
 * typing, when half a date is not yet a mistake.
 */
static void
check_typed_when (RapportJournalEditor *self)
{
  g_autoptr(GDateTime) when = rapport_journal_editor_read_when (self, NULL);

  if (when != NULL)
    rapport_journal_editor_set_when (self, when);
}

static void
on_when_row_entry_activated_cb (RapportJournalEditor *self)
{
  check_typed_when (self);
}

static void
on_when_focus_leave_cb (GtkEventControllerFocus *controller,
                        RapportJournalEditor    *self)
{
  /* Into the calendar button is not away from the field. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->when_popover)) || self->loading)
    return;
  check_typed_when (self);
}

/* The calendar and the time */

static void
on_when_popover_show_cb (RapportJournalEditor *self)
{
  g_autoptr(GDateTime) typed = rapport_journal_editor_read_when (self, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *when = typed != NULL ? typed : self->when != NULL ? self->when : now;

  /* What the field holds, or its last good date if it cannot be read. */
  self->picking = TRUE;
  gtk_calendar_select_day (self->when_calendar, when);
  gtk_spin_button_set_value (self->when_hour, g_date_time_get_hour (when));
  gtk_spin_button_set_value (self->when_minute, g_date_time_get_minute (when));
  self->picking = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->when_calendar));
}

static void
on_when_picked_cb (RapportJournalEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (self->picking)
    return;

  day = gtk_calendar_get_date (self->when_calendar);
  when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->when_hour),
                                gtk_spin_button_get_value_as_int (self->when_minute), 0);
  if (when != NULL)
    rapport_journal_editor_set_when (self, when);
}

static void
on_when_now_clicked_cb (RapportJournalEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  rapport_journal_editor_set_when (self, now);
  gtk_popover_popdown (self->when_popover);
}

/* Two digits, as a clock shows them: 09:05. */
static gboolean
on_when_spin_output_cb (GtkSpinButton *spin,
                        gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

void
rapport_journal_editor_class_init_when (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, when_button);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, when_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, when_calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, when_hour);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, when_minute);
  gtk_widget_class_bind_template_child (widget_class, RapportJournalEditor, when_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_when_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_when_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_when_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_when_now_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_when_spin_output_cb);
}

void
rapport_journal_editor_init_when (RapportJournalEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_when_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->when_row), focus);
}
