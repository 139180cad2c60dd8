/* rapport-progress-view.c: each skill over time
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-error-dialog.h"
#include "rapport-calibration.h"
#include "rapport-file-chooser.h"
#include "rapport-skill-profile.h"
#include "rapport-summary.h"
#include "rapport-progress-view-private.h"
#include "rapport-radar-view.h"
#include "rapport-skill.h"
#include "rapport-toast.h"

G_DEFINE_FINAL_TYPE (RapportProgressView, rapport_progress_view, GTK_TYPE_WIDGET)

/* Loading */

/* Reads @kind between @from and @to into *@list: a new list the first
 * time, then the same one again, which keeps the memory of the series that
 * nothing else holds any more (a reload after a saved entry costs about a
 * third less, see bench/chart).  On failure *@list is dropped.
 */
static gboolean
load_series (RapportProgressView  *self,
             GPtrArray           **list,
             RapportStoreSeries    kind,
             gint64                from,
             gint64                to,
             GError              **error)
{
  g_assert (RAPPORT_IS_PROGRESS_VIEW (self));

  if (*list == NULL)
    *list = rapport_series_load (self->store, NULL, kind, from, to, error);
  else if (!rapport_series_list_reload (*list, self->store, from, to, error))
    g_clear_pointer (list, g_ptr_array_unref);

  return *list != NULL;
}

/* For the chart's tip: the entry a self-rating came from, read when the
 * tip shows it rather than for every point of every load.
 */
static char *
lookup_entry_title (const char *uuid,
                    gpointer    user_data)
{
  RapportProgressView *self = RAPPORT_PROGRESS_VIEW (user_data);
  g_autoptr(RapportStoreEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return NULL;

  entry = rapport_store_get_journal_entry (self->store, uuid, &error);
  if (entry == NULL)
    {
      g_debug ("Could not read the entry of a chart point: %s", error != NULL ? error->message : "gone");
      return NULL;
    }

  return g_strdup (entry->title);
}

static void
show_summary (RapportProgressView *self,
              gint64               from,
              gint64               to,
              GDateTime           *now)
{
  RapportSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *lessons = NULL;
  g_autofree char *quizzes = NULL;
  g_autofree char *streak = NULL;

  if (!rapport_summary_load (&summary, self->store, self->ratings, self->quiz_scores,
                                      from, to, now, &error))
    {
      g_debug ("Could not count activity: %s", error->message);
      memset (&summary, 0, sizeof summary);
    }

  lessons = g_strdup_printf ("%u", summary.lessons_completed);
  quizzes = g_strdup_printf ("%u", summary.quizzes_passed);
  streak = rapport_summary_format_streak (summary.journal_streak);
  gtk_label_set_text (self->lessons_label, lessons);
  gtk_label_set_text (self->quizzes_label, quizzes);
  gtk_label_set_text (self->streak_label, streak);

  if (summary.has_most_improved)
    {
      g_autofree char *caption = NULL;

      gtk_label_set_text (self->improved_label,
                          rapport_skill_get_display_title (summary.most_improved.skill_key));
      if (summary.most_improved.kind == RAPPORT_STORE_SERIES_SELF_RATING)
        /* Translators: self-ratings out of 5 at the start and end of the range */
        caption = g_strdup_printf (_("Most improved, %.1f to %.1f"),
                                   summary.most_improved.start, summary.most_improved.end);
      else
        /* Translators: quiz scores at the start and end of the range */
        caption = g_strdup_printf (_("Most improved, %.0f %% to %.0f %%"),
                                   summary.most_improved.start, summary.most_improved.end);
      gtk_label_set_text (self->improved_caption, caption);
    }
  else
    {
      gtk_label_set_text (self->improved_label, "—");
      gtk_label_set_text (self->improved_caption, _("Most improved: rate yourself a few more times to see it"));
    }
}

static void
show_calibration (RapportProgressView *self)
{
  g_autoptr(GPtrArray) list = rapport_calibration_list_new (self->ratings, self->quiz_scores,
                                                            RAPPORT_CALIBRATION_LATEST);
  GtkWidget *child;
  gboolean any_agree = FALSE;
  guint n_sentences = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->calibration_list))) != NULL)
    gtk_box_remove (self->calibration_list, child);

  for (guint i = 0; i < list->len; i++)
    {
      RapportCalibration *calibration = list->pdata[i];
      GtkWidget *label;

      any_agree |= calibration->verdict == RAPPORT_CALIBRATION_AGREE;
      if (calibration->sentence == NULL)
        continue;
      label = gtk_label_new (calibration->sentence);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->calibration_list, label);
      n_sentences++;
    }

  if (n_sentences == 0)
    {
      GtkWidget *label;

      if (any_agree)
        label = gtk_label_new (_("Your self-ratings agree with your quiz scores. Well judged!"));
      else
        label = gtk_label_new (_("Take the quiz of a skill you rate yourself on to see how the two compare."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->calibration_list, label);
    }
}

/* The days back each choice of the "Compare with" menu goes. */
static const guint compare_days[] = { 30, 90, 365 };

static void
show_profile (RapportProgressView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GArray) values = NULL;
  guint choice = gtk_drop_down_get_selected (self->compare_dropdown);

  if (self->all_ratings == NULL || self->all_quiz_scores == NULL)
    {
      rapport_radar_view_set_values (self->radar_view, NULL, NULL);
      return;
    }

  then = g_date_time_add_days (now, -(int) compare_days[MIN (choice, G_N_ELEMENTS (compare_days) - 1)]);
  values = rapport_skill_profile_compute (self->all_ratings, self->all_quiz_scores,
                                           g_date_time_to_unix (then), g_date_time_to_unix (now));
  rapport_radar_view_set_values (self->radar_view, values, then);
}

/* Focus names */

/* The button inside @widget (a GtkMenuButton or GtkDropDown) takes the
 * focus, and in GTK 4.8 a screen reader names it by its own label, not its
 * parent's: without one it says only "toggle button".
 */
static void
label_inner_button (GtkWidget  *widget,
                    const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The legend's places in its flow box are no Tab stops (they were, as
 * "GtkFlowBoxChild", before each button): the buttons take the focus
 * themselves.
 */
static void
unfocus_flow_box_children (GtkFlowBox *flow_box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (flow_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child))
      gtk_widget_set_focusable (child, FALSE);
}

static void
on_compare_selected_cb (RapportProgressView *self,
                        GParamSpec          *pspec,
                        GtkDropDown         *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* Said as it reads: "Compared with 30 days ago". */
  if (item != NULL)
    label_inner_button (GTK_WIDGET (dropdown), gtk_string_object_get_string (item));
  show_profile (self);
}

static void
show_empty (RapportProgressView *self,
            gboolean             empty)
{
  self->empty = empty;
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "chart");
}

static void
clear_lists (RapportProgressView *self)
{
  g_clear_pointer (&self->ratings, g_ptr_array_unref);
  g_clear_pointer (&self->quiz_scores, g_ptr_array_unref);
  g_clear_pointer (&self->all_ratings, g_ptr_array_unref);
  g_clear_pointer (&self->all_quiz_scores, g_ptr_array_unref);
}

void
rapport_progress_view_reload (RapportProgressView *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first;
  gint64 from, to;

  g_return_if_fail (RAPPORT_IS_PROGRESS_VIEW (self));

  /* The lists stay, to be read into again; the chart lets go of their
   * series first.  The range's lists are the all-time ones for all time.
   */
  rapport_chart_view_set_series (self->chart_view, NULL, NULL, NULL);
  if (self->ratings == self->all_ratings)
    g_clear_pointer (&self->ratings, g_ptr_array_unref);
  if (self->quiz_scores == self->all_quiz_scores)
    g_clear_pointer (&self->quiz_scores, g_ptr_array_unref);

  if (self->store == NULL)
    {
      clear_lists (self);
      show_empty (self, TRUE);
      return;
    }

  /* All time first: it says whether there is anything to chart, and where
   * the all-time range starts.
   */
  if (!load_series (self, &self->all_ratings, RAPPORT_STORE_SERIES_SELF_RATING,
                    G_MININT64, G_MAXINT64, &error)
      || !load_series (self, &self->all_quiz_scores, RAPPORT_STORE_SERIES_QUIZ_SCORE,
                       G_MININT64, G_MAXINT64, &error))
    {
      clear_lists (self);
      show_empty (self, TRUE);
      rapport_show_error (GTK_WIDGET (self), _("Could Not Load Your Progress"), error);
      return;
    }

  first = MIN (rapport_series_list_get_first_time (self->all_ratings),
               rapport_series_list_get_first_time (self->all_quiz_scores));
  if (first == G_MAXINT64)
    {
      clear_lists (self);
      show_empty (self, TRUE);
      return;
    }

  now = g_date_time_new_now_local ();
  rapport_series_range_get_bounds (self->range, now, first, &from, &to);
  if (self->range == RAPPORT_SERIES_RANGE_ALL)
    {
      g_clear_pointer (&self->ratings, g_ptr_array_unref);
      g_clear_pointer (&self->quiz_scores, g_ptr_array_unref);
      self->ratings = g_ptr_array_ref (self->all_ratings);
      self->quiz_scores = g_ptr_array_ref (self->all_quiz_scores);
    }
  else if (!load_series (self, &self->ratings, RAPPORT_STORE_SERIES_SELF_RATING, from, to, &error)
           || !load_series (self, &self->quiz_scores, RAPPORT_STORE_SERIES_QUIZ_SCORE, from, to, &error))
    {
      clear_lists (self);
      show_empty (self, TRUE);
      rapport_show_error (GTK_WIDGET (self), _("Could Not Load Your Progress"), error);
      return;
    }

  shown = g_ptr_array_new ();
  g_ptr_array_extend (shown, self->ratings, NULL, NULL);
  g_ptr_array_extend (shown, self->quiz_scores, NULL, NULL);
  rapport_chart_view_set_range (self->chart_view, from, to);
  rapport_chart_view_set_series (self->chart_view, shown, lookup_entry_title, self);

  show_summary (self, from, to, now);
  show_calibration (self);
  show_profile (self);
  show_empty (self, FALSE);
}

/* Range */

RapportSeriesRange
rapport_progress_view_get_range (RapportProgressView *self)
{
  g_return_val_if_fail (RAPPORT_IS_PROGRESS_VIEW (self), RAPPORT_SERIES_RANGE_30_DAYS);

  return self->range;
}

static GtkToggleButton *
range_button (RapportProgressView *self,
              RapportSeriesRange   range)
{
  switch (range)
    {
    case RAPPORT_SERIES_RANGE_30_DAYS:
      return self->range_30_button;
    case RAPPORT_SERIES_RANGE_90_DAYS:
      return self->range_90_button;
    case RAPPORT_SERIES_RANGE_YEAR:
      return self->range_year_button;
    case RAPPORT_SERIES_RANGE_ALL:
    default:
      return self->range_all_button;
    }
}

void
rapport_progress_view_set_range (RapportProgressView *self,
                                 RapportSeriesRange   range)
{
  g_return_if_fail (RAPPORT_IS_PROGRESS_VIEW (self));
  g_return_if_fail (range <= RAPPORT_SERIES_RANGE_ALL);

  /* The button's "toggled" reloads. */
  gtk_toggle_button_set_active (range_button (self, range), TRUE);
}

static void
on_range_toggled_cb (RapportProgressView *self,
                     GtkToggleButton     *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  for (RapportSeriesRange range = RAPPORT_SERIES_RANGE_30_DAYS; range <= RAPPORT_SERIES_RANGE_ALL; range++)
    if (range_button (self, range) == button)
      self->range = range;

  rapport_progress_view_reload (self);
}

gboolean
rapport_progress_view_get_empty (RapportProgressView *self)
{
  g_return_val_if_fail (RAPPORT_IS_PROGRESS_VIEW (self), FALSE);

  return self->empty;
}

RapportChartView *
rapport_progress_view_get_chart_view (RapportProgressView *self)
{
  g_return_val_if_fail (RAPPORT_IS_PROGRESS_VIEW (self), NULL);

  return self->chart_view;
}

/* Legend */

static void
update_legend_css (RapportProgressView *self)
{
  g_autoptr(GString) css = g_string_new (NULL);
  guint n_colors;
  const RapportChartColor *palette = rapport_chart_get_palette (adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                                                &n_colors);

  /* Generated from the chart's palette, so the swatches always match the lines. */
  for (guint i = 0; i < n_colors; i++)
    {
      int red = (int) (palette[i].red * 255 + 0.5);
      int green = (int) (palette[i].green * 255 + 0.5);
      int blue = (int) (palette[i].blue * 255 + 0.5);

      /* Shown: a solid dot; hidden: only a ring of the colour, so the two
       * states differ in shape, not just in shade.
       */
      g_string_append_printf (css, ".rapport-legend-%u .rapport-legend-swatch "
                                   "{ background-color: rgb(%d, %d, %d); box-shadow: none; }\n"
                                   ".rapport-legend-%u:not(:checked) .rapport-legend-swatch "
                                   "{ background-color: transparent; "
                                   "box-shadow: inset 0 0 0 2px rgb(%d, %d, %d); }\n",
                              i, red, green, blue, i, red, green, blue);
    }
  gtk_css_provider_load_from_data (self->legend_css, css->str, css->len);
}

static void
on_legend_toggled_cb (RapportProgressView *self,
                      GtkToggleButton     *button)
{
  rapport_chart_view_set_skill_visible (self->chart_view,
                                        g_object_get_data (G_OBJECT (button), "skill-key"),
                                        gtk_toggle_button_get_active (button));
}

static void
build_legend (RapportProgressView *self)
{
  guint n_colors;

  rapport_chart_get_palette (FALSE, &n_colors);
  for (guint i = 0; i < rapport_skill_get_count (); i++)
    {
      const RapportSkill *skill = rapport_skill_get_nth (i);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *label = gtk_label_new (_(skill->title));
      g_autofree char *css_class = g_strdup_printf ("rapport-legend-%u", i % n_colors);

      gtk_widget_add_css_class (swatch, "rapport-legend-swatch");
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "rapport-legend");
      gtk_widget_add_css_class (button, css_class);
      gtk_widget_set_tooltip_text (button, _("Show or hide this skill in the chart"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(skill->title),
                                      -1);
      g_object_set_data (G_OBJECT (button), "skill-key", (gpointer) skill->key);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_legend_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->legend_box, button);
    }

  unfocus_flow_box_children (self->legend_box);
}

/* Opening what a point of the chart came from */

static void
on_attempt_response_cb (RapportProgressView *self,
                        const char          *response,
                        AdwMessageDialog    *dialog)
{
  const char *pack_id = g_object_get_data (G_OBJECT (dialog), "pack-id");
  const char *topic_key = g_object_get_data (G_OBJECT (dialog), "topic-key");

  if (g_str_equal (response, "topic") && pack_id != NULL && topic_key != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-topic", "(ss)", pack_id, topic_key);
}

/* A stored attempt's results: when, the score, and the questions answered. */
static void
show_attempt (RapportProgressView *self,
              gint64               attempt_id)
{
  g_autoptr(RapportStoreAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autofree char *score = NULL;
  g_autofree char *answers = NULL;
  RapportTopic *topic = NULL;
  guint n_answers;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  guint n_correct = 0;

  attempt = rapport_store_get_quiz_attempt (self->store, attempt_id, &error);
  if (attempt == NULL)
    {
      rapport_show_error (GTK_WIDGET (self), _("Could Not Open the Quiz Attempt"), error);
      return;
    }

  if (self->catalog != NULL)
    topic = rapport_catalog_lookup_topic (self->catalog, attempt->pack_id, attempt->topic_key);
  for (guint i = 0; attempt->answers != NULL && i < attempt->answers->len; i++)
    n_correct += ((RapportStoreAnswer *) attempt->answers->pdata[i])->correct ? 1 : 0;

  /* Translators: the heading of a quiz attempt's results; the placeholder is a topic */
  heading = g_strdup_printf (_("%s Quiz"), topic != NULL ? rapport_topic_get_display_title (topic)
                                                         : attempt->topic_key);
  local = g_date_time_to_local (attempt->finished != NULL ? attempt->finished : attempt->started);
  /* Translators: when a quiz was taken; see g_date_time_format() */
  when = g_date_time_format (local, _("%A %-d %B %Y, %H:%M"));
  n_answers = attempt->answers != NULL ? attempt->answers->len : 0;
  if (attempt->passed)
    /* Translators: a quiz score in percent */
    score = g_strdup_printf (_("You scored %.0f %% and passed."), attempt->score);
  else
    /* Translators: a quiz score in percent */
    score = g_strdup_printf (_("You scored %.0f %%, below the pass mark."), attempt->score);
  /* Translators: questions answered correctly of questions answered */
  answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u question answered correctly.",
                                          "%u of %u questions answered correctly.", n_answers),
                             n_correct, n_answers);
  body = g_strdup_printf ("%s\n%s\n%s", when, score, answers);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    NULL);
  if (topic != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "topic", _("_Open Topic"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "topic",
                                                  ADW_RESPONSE_SUGGESTED);
      g_object_set_data_full (G_OBJECT (dialog), "pack-id", g_strdup (attempt->pack_id), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "topic-key", g_strdup (attempt->topic_key), g_free);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_attempt_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_point_activated_cb (RapportProgressView *self,
                       const char          *skill_key,
                       const char          *entry_uuid,
                       gint64               attempt_id,
                       RapportChartView    *chart_view)
{
  if (entry_uuid != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-entry", "s", entry_uuid);
  else if (attempt_id != 0 && self->store != NULL)
    show_attempt (self, attempt_id);
}

/* Set-up */

static void
on_store_replaced_cb (RapportProgressView *self,
                      RapportStore        *store)
{
  rapport_progress_view_reload (self);
}

static void
on_dark_changed_cb (RapportProgressView *self,
                    GParamSpec          *pspec,
                    AdwStyleManager     *manager)
{
  update_legend_css (self);
}

void
rapport_progress_view_setup (RapportProgressView *self,
                             RapportStore        *store,
                             RapportCatalog      *catalog)
{
  g_return_if_fail (RAPPORT_IS_PROGRESS_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_replaced_cb, self);
  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
  if (store != NULL)
    g_signal_connect_object (store, "replaced", G_CALLBACK (on_store_replaced_cb), self, G_CONNECT_SWAPPED);

  rapport_progress_view_reload (self);
}

/* Entries saved or quizzes taken elsewhere show the next time the view does. */
static void
rapport_progress_view_map (GtkWidget *widget)
{
  RapportProgressView *self = RAPPORT_PROGRESS_VIEW (widget);

  GTK_WIDGET_CLASS (rapport_progress_view_parent_class)->map (widget);

  if (self->store != NULL)
    rapport_progress_view_reload (self);
}

static void
rapport_progress_view_dispose (GObject *object)
{
  RapportProgressView *self = RAPPORT_PROGRESS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PROGRESS_VIEW);
  rapport_file_chooser_clear (&self->chooser);
  g_clear_pointer (&self->export_format, g_free);
  if (self->legend_css != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->legend_css));
  g_clear_object (&self->legend_css);
  g_clear_pointer (&self->ratings, g_ptr_array_unref);
  g_clear_pointer (&self->quiz_scores, g_ptr_array_unref);
  g_clear_pointer (&self->all_ratings, g_ptr_array_unref);
  g_clear_pointer (&self->all_quiz_scores, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (rapport_progress_view_parent_class)->dispose (object);
}

static void
rapport_progress_view_class_init (RapportProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_progress_view_dispose;
  widget_class->map = rapport_progress_view_map;

  /* Raised by rapport_file_chooser_export(), which finds it by name. */
  rapport_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  g_type_ensure (RAPPORT_TYPE_CHART_VIEW);
  g_type_ensure (RAPPORT_TYPE_RADAR_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/rapport-progress-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, range_30_button);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, range_90_button);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, range_year_button);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, range_all_button);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, export_button);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, lessons_label);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, quizzes_label);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, streak_label);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, improved_label);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, improved_caption);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, calibration_list);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, radar_view);
  gtk_widget_class_bind_template_child (widget_class, RapportProgressView, compare_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_range_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_selected_cb);

  gtk_widget_class_install_action (widget_class, "progress.export", "s",
                                   rapport_progress_view_export_action);
}

static void
rapport_progress_view_init (RapportProgressView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->range = RAPPORT_SERIES_RANGE_30_DAYS;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->legend_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->legend_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  update_legend_css (self);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  build_legend (self);
  label_inner_button (GTK_WIDGET (self->export_button), _("Export"));
  on_compare_selected_cb (self, NULL, self->compare_dropdown);
  g_signal_connect_object (self->chart_view, "point-activated", G_CALLBACK (on_point_activated_cb),
                           self, G_CONNECT_SWAPPED);
  show_empty (self, TRUE);
}
