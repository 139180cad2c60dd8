/* rapport-journal-editor-ratings.c: the journal editor's self-ratings, a row
 * per skill rated by click or by typing its number, and the journal prompts
 * of the skills rated
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-journal-editor-private.h"
#include "rapport-skill.h"

#define N_LEVELS 6  /* "not rated" and 1 … 5 */

static GtkToggleButton **
row_toggles (RapportJournalEditor *self,
             guint                 skill)
{
  return g_object_get_data (G_OBJECT (self->skill_rows->pdata[skill]), "toggles");
}

int
rapport_journal_editor_get_rating (RapportJournalEditor *self,
                                   guint                 skill)
{
  GtkToggleButton **toggles = row_toggles (self, skill);

  for (int level = 1; level < N_LEVELS; level++)
    if (gtk_toggle_button_get_active (toggles[level]))
      return level;

  return 0;
}

static void
update_skill_subtitle (RapportJournalEditor *self,
                       guint                 skill)
{
  const RapportSkill *info = rapport_skill_get_nth (skill);
  GtkWidget *row = self->skill_rows->pdata[skill];
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "subtitle");
  int rating = rapport_journal_editor_get_rating (self, skill);
  RapportTopic *topic = rapport_journal_editor_topic_for_skill (self, info->key);
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  if (rating == 0)
    subtitle = g_strdup (_("Not rated"));
  else if (topic != NULL)
    /* Translators: a self-rating, then what that level looks like */
    subtitle = g_strdup_printf (_("%d/5: %s"), rating,
                                rapport_inline_get_text (rapport_topic_get_rubric_level (topic, rating)));
  else
    subtitle = g_strdup_printf (_("%d/5"), rating);

  gtk_label_set_text (label, subtitle);

  /* The row takes the focus for typed ratings: it says its state. */
  name = rating == 0
    ? g_strdup_printf (_("%s: not rated"), _(info->title))
    : g_strdup_printf (_("%s: rated %d of 5"), _(info->title), rating);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_level_toggled_cb (GtkToggleButton      *toggle,
                     RapportJournalEditor *self)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;

  update_skill_subtitle (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "skill")));
  if (!self->loading)
    rapport_journal_editor_update_prompts (self);
  rapport_journal_editor_schedule_draft (self);
}

typedef struct
{
  RapportJournalEditor *self;
  GtkWidget            *row;
  GdkFrameClock        *clock;
  gulong                handler;
} ShowRow;

/* The whole row on screen, with its rubric sentence, once the rating just
 * given has been laid out (it may have changed the rows' heights): the
 * viewport alone scrolls only its top edge into view.  Run after the frame
 * clock's layout, when the rows have their new sizes.
 */
static void
on_layout_show_row_cb (GdkFrameClock *clock,
                       ShowRow       *show)
{
  GtkWidget *scroller = show->self->scroller != NULL ? GTK_WIDGET (show->self->scroller) : NULL;
  graphene_rect_t bounds;

  g_signal_handler_disconnect (clock, show->handler);

  /* (An editor disposed since has no scrolled page left.) */
  if (scroller != NULL && gtk_widget_get_mapped (show->row) &&
      gtk_widget_compute_bounds (show->row, scroller, &bounds))
    {
      double top = bounds.origin.y;
      double bottom = bounds.origin.y + bounds.size.height;
      double height = gtk_widget_get_height (scroller);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (show->self->scroller);

      if (bottom > height)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + MIN (bottom - height, top));
      else if (top < 0)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top);
    }

  g_object_unref (show->self);
  g_object_unref (show->row);
  g_object_unref (show->clock);
  g_free (show);
}

static void
focus_row (RapportJournalEditor *self,
           GtkWidget            *row)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (row);
  ShowRow *show;

  gtk_widget_grab_focus (row);
  if (clock == NULL)
    return;

  show = g_new0 (ShowRow, 1);
  show->self = g_object_ref (self);
  show->row = g_object_ref (row);
  show->clock = g_object_ref (clock);
  show->handler = g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_show_row_cb), show);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* A digit rates the skill whose row (or one of whose buttons) has the focus,
 * and the next skill comes up, so that ten ratings take ten keys; 0 or
 * Backspace clears it and stays.
 */
static gboolean
on_skill_row_key_pressed_cb (GtkEventControllerKey *controller,
                             guint                  keyval,
                             guint                  keycode,
                             GdkModifierType        state,
                             RapportJournalEditor  *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint skill = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "skill"));
  int level;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_0 && keyval < GDK_KEY_0 + N_LEVELS)
    level = (int) (keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_0 && keyval < GDK_KEY_KP_0 + N_LEVELS)
    level = (int) (keyval - GDK_KEY_KP_0);
  else if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    level = 0;
  else
    return GDK_EVENT_PROPAGATE;

  gtk_toggle_button_set_active (row_toggles (self, skill)[level], TRUE);
  if (level == 0)
    gtk_widget_grab_focus (row);
  else if (skill + 1 < self->skill_rows->len)
    focus_row (self, self->skill_rows->pdata[skill + 1]);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->save_button));

  return GDK_EVENT_STOP;
}

void
rapport_journal_editor_build_skill_rows (RapportJournalEditor *self)
{
  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      const RapportSkill *info = rapport_skill_get_nth (i);
      /* The skill, its levels under it and the rubric sentence under those:
       * stacked, so that six buttons and a long skill name fit a narrow window.
       */
      GtkWidget *row = adw_preferences_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (_(info->title));
      GtkWidget *subtitle = gtk_label_new (NULL);
      GtkWidget *levels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkToggleButton **toggles = g_new0 (GtkToggleButton *, N_LEVELS);
      GtkEventController *keys = gtk_event_controller_key_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, TRUE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->title));
      gtk_widget_add_css_class (box, "rapport-skill-row");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (levels, "linked");
      gtk_widget_set_halign (levels, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), levels);
      gtk_box_append (GTK_BOX (box), subtitle);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
      g_object_set_data (G_OBJECT (row), "skill", GUINT_TO_POINTER (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Type a number from 1 to 5 to rate this skill, 0 to clear it"),
                                      -1);

      /* Capture: the digit counts wherever in the row the focus is. */
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_skill_row_key_pressed_cb), self);
      gtk_widget_add_controller (row, keys);

      for (int level = 0; level < N_LEVELS; level++)
        {
          g_autofree char *text = level == 0 ? g_strdup ("–") : g_strdup_printf ("%d", level);
          g_autofree char *accessible = level == 0
            ? g_strdup_printf (_("%s: not rated"), _(info->title))
            : g_strdup_printf (_("%s: %d of 5"), _(info->title), level);
          GtkWidget *toggle = gtk_toggle_button_new_with_label (text);

          if (level > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), toggles[0]);
          gtk_widget_set_tooltip_text (toggle, accessible);
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          g_object_set_data (G_OBJECT (toggle), "skill", GUINT_TO_POINTER (i));
          g_signal_connect (toggle, "toggled", G_CALLBACK (on_level_toggled_cb), self);
          gtk_box_append (GTK_BOX (levels), toggle);
          toggles[level] = GTK_TOGGLE_BUTTON (toggle);
        }

      g_object_set_data_full (G_OBJECT (row), "toggles", toggles, g_free);
      adw_preferences_group_add (self->skills_group, row);
      g_ptr_array_add (self->skill_rows, row);
      g_ptr_array_add (self->prompt_rows, NULL);
      gtk_toggle_button_set_active (toggles[0], TRUE);
    }
}

void
rapport_journal_editor_set_rating (RapportJournalEditor *self,
                                   const char           *skill_key,
                                   int                   rating)
{
  int position;

  g_return_if_fail (RAPPORT_IS_JOURNAL_EDITOR (self));
  g_return_if_fail (rating >= 0 && rating < N_LEVELS);

  position = rapport_skill_get_position (skill_key);
  g_return_if_fail (position >= 0);

  gtk_toggle_button_set_active (row_toggles (self, position)[rating], TRUE);
  update_skill_subtitle (self, position);
}

/* Prompts: the questions of the rated skills' topics, shown above the
 * fields as guidance; nothing is written into what the user types.
 */

static GtkWidget *
make_prompt_row (RapportJournalEditor *self,
                 guint                 skill)
{
  RapportTopic *topic = rapport_journal_editor_topic_for_skill (self, rapport_skill_get_nth (skill)->key);
  GtkWidget *row;
  guint n;

  if (topic == NULL || (n = rapport_topic_get_n_prompts (topic)) == 0)
    return NULL;

  /* The first question shows at once; the others one click away. */
  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 rapport_skill_get_display_title (rapport_skill_get_nth (skill)->key));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 rapport_inline_get_text (rapport_topic_get_prompt (topic, 0)));
  gtk_widget_add_css_class (row, "rapport-journal-prompt");
  for (guint i = 1; i < n; i++)
    {
      GtkWidget *more = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (more), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more),
                                     rapport_inline_get_text (rapport_topic_get_prompt (topic, i)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (more), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), more);
    }

  return g_object_ref_sink (row);
}

void
rapport_journal_editor_update_prompts (RapportJournalEditor *self)
{
  guint shown = 0;

  /* Out and back in, in skill order: rows keep whether they were expanded. */
  for (guint i = 0; i < self->prompt_rows->len; i++)
    {
      GtkWidget *row = self->prompt_rows->pdata[i];

      if (row != NULL && gtk_widget_get_parent (row) != NULL)
        adw_preferences_group_remove (self->prompts_group, row);
    }

  for (guint i = 0; i < self->skill_rows->len; i++)
    {
      if (rapport_journal_editor_get_rating (self, i) == 0)
        continue;
      if (self->prompt_rows->pdata[i] == NULL)
        self->prompt_rows->pdata[i] = make_prompt_row (self, i);
      if (self->prompt_rows->pdata[i] != NULL)
        {
          adw_preferences_group_add (self->prompts_group, self->prompt_rows->pdata[i]);
          shown++;
        }
    }

  adw_preferences_group_set_description (self->prompts_group,
                                         shown > 0
                                         ? _("From the topics of the skills you rated. They are here to "
                                             "think about; answer in your own words.")
                                         : _("Rate the skills this call tested, below, and questions "
                                             "about them come up here."));
}
