/* test-bank-drop.c: a trainer drops a Moodle question bank on the Packs
 * view, or chooses one from its menu, reads the same report
 * `rapport-pack import` prints, creates the pack and opens its topic; a
 * hostile bank gets its problems and leaves nothing behind.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rapport-application.h"
#include "rapport-learn-view.h"
#include "rapport-pack-install.h"
#include "rapport-packs-view.h"
#include "rapport-paths.h"
#include "rapport-test-app.h"
#include "rapport-test-utils.h"
#include "rapport-topic.h"
#include "rapport-window.h"

static RapportApplication *app;
static char *tmp_dir;

static RapportWindow *
get_window (void)
{
  RapportWindow *window;

  if (app == NULL)
    app = rapport_test_app_new ();

  window = rapport_test_app_get_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);

  return window;
}

static char *
fixture_bank (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "banks", name, NULL);
}

static void
set_style (const char *scheme)
{
  g_settings_set_string (rapport_application_get_settings (app), "color-scheme", scheme);
}

/* Light, dark and 360 pixels wide, as every screen is looked at. */
static void
save_styles (RapportWindow *window,
             const char    *name)
{
  g_autofree char *light = g_strconcat (name, "-light", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);

  set_style ("light");
  rapport_test_save_screenshot (GTK_WIDGET (window), light);
  set_style ("dark");
  rapport_test_save_screenshot (GTK_WIDGET (window), dark);
  set_style ("light");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
  rapport_test_save_screenshot (GTK_WIDGET (window), narrow);
  set_style ("default");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);
}

/* What the user can see */

static GtkWidget *
find_shown_label (GtkWidget  *root,
                  const char *text,
                  gboolean    whole)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rapport_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *shown = gtk_label_get_text (labels->pdata[i]);

      if (gtk_widget_is_drawable (labels->pdata[i]) &&
          (whole ? g_str_equal (shown, text) : strstr (shown, text) != NULL))
        return labels->pdata[i];
    }

  return NULL;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return find_shown_label (root, text, TRUE) != NULL;
}

static GtkWidget *
shown_button (GtkWidget  *root,
              const char *label)
{
  GtkWidget *button = rapport_test_find_widget (root, GTK_TYPE_BUTTON, label);

  return button != NULL && gtk_widget_is_drawable (button) ? button : NULL;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = shown_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The row of a list that says @text under the caption @caption ("Line 12"). */
static gboolean
shows_note (GtkWidget  *root,
            const char *caption,
            const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rapport_test_collect_widgets (root, GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      if (gtk_widget_is_drawable (rows->pdata[i]) &&
          shows_label (rows->pdata[i], caption) && shows_label (rows->pdata[i], text))
        return TRUE;
    }

  return FALSE;
}

/* The number at the end of the row titled @title, or -1 without one. */
static int
row_count (GtkWidget  *root,
           const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rapport_test_collect_widgets (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      if (!gtk_widget_is_drawable (rows->pdata[i]) ||
          g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) != 0)
        continue;

      rapport_test_collect_widgets (rows->pdata[i], GTK_TYPE_LABEL, labels);
      for (guint j = 0; j < labels->len; j++)
        {
          if (gtk_widget_has_css_class (labels->pdata[j], "numeric"))
            return atoi (gtk_label_get_text (labels->pdata[j]));
        }
    }

  return -1;
}

static GtkStack *
packs_stack (RapportWindow *window)
{
  return GTK_STACK (rapport_test_find_widget (GTK_WIDGET (rapport_window_get_packs_view (window)),
                                              GTK_TYPE_STACK, NULL));
}

static gboolean
bank_page_shown (gpointer user_data)
{
  RapportPacksView *view = rapport_window_get_packs_view (user_data);

  return !rapport_packs_view_get_busy (view) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (packs_stack (user_data)), "bank") == 0;
}

static GtkWidget *
wait_for_bank_page (RapportWindow *window)
{
  GtkStack *stack = packs_stack (window);

  g_assert_true (rapport_test_wait_until (bank_page_shown, window, 20000));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);

  return gtk_stack_get_visible_child (stack);
}

/* The report from the label @text on (or its end, for NULL), to look at. */
static void
scroll_to (GtkWidget  *page,
           const char *text)
{
  GtkWidget *scroller = rapport_test_find_widget (page, GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t top = GRAPHENE_POINT_INIT (0, gtk_adjustment_get_upper (adjustment));

  if (text != NULL)
    g_assert_true (gtk_widget_compute_point (find_shown_label (page, text, TRUE), content,
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (adjustment, top.y - 12);
  rapport_test_wait_for_frames (page, 3);
}

static gboolean
not_busy (gpointer user_data)
{
  RapportPacksView *view = rapport_window_get_packs_view (user_data);

  return !rapport_packs_view_get_busy (view) && !g_application_get_is_busy (G_APPLICATION (app));
}

/* The drop */

static GtkDropTarget *
window_drop_target (RapportWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
}

/* @path dropped from a file manager, as a list of one file. */
static gboolean
drop_file (RapportWindow *window,
           const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_append (NULL, file);
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_slist_free (files);
  g_signal_emit_by_name (window_drop_target (window), "drop", &value, 60.0, 60.0, &accepted);

  return accepted;
}

/* The command line's report, to hold the page against */

typedef struct
{
  guint       imported;
  JsonArray  *skipped;
  JsonArray  *topics;
  JsonNode   *root;
  char       *folder;
} Report;

static void
report_clear (Report *report)
{
  g_clear_pointer (&report->root, json_node_unref);
  g_clear_pointer (&report->folder, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

/* `rapport-pack import --json BANK DIR`, as a trainer would run it. */
static void
run_cli (const char *bank,
         const char *name,
         Report     *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = 0;

  report->folder = g_build_filename (tmp_dir, name, NULL);
  g_assert_true (g_spawn_sync (NULL,
                               (char *[]) { (char *) g_getenv ("RAPPORT_PACK_BINARY"), "import",
                                            "--json", (char *) bank, report->folder, NULL },
                               NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  report->root = json_node_copy (json_parser_get_root (parser));
  report->imported = json_object_get_int_member (json_node_get_object (report->root), "imported");
  report->skipped = json_object_get_array_member (json_node_get_object (report->root), "skipped");
  report->topics = json_object_get_array_member (json_node_get_object (report->root), "topics");
}

static char *
read_topic_file (Report     *report,
                 JsonObject *topic)
{
  g_autofree char *path = g_build_filename (report->folder,
                                            json_object_get_string_member (topic, "file"), NULL);
  g_autoptr(GError) error = NULL;
  char *xml = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, &error));
  g_assert_no_error (error);

  return xml;
}

/* How many <@element> the command wrote into the topics. */
static int
count_elements (Report     *report,
                const char *element)
{
  g_autofree char *start = g_strdup_printf ("<%s key=", element);
  int n = 0;

  for (guint i = 0; i < json_array_get_length (report->topics); i++)
    {
      g_autofree char *xml = read_topic_file (report, json_array_get_object_element (report->topics, i));

      for (const char *p = xml; (p = strstr (p, start)) != NULL; p++)
        n++;
    }

  return n;
}

static int
sum_member (Report     *report,
            const char *member)
{
  int n = 0;

  for (guint i = 0; i < json_array_get_length (report->topics); i++)
    n += json_object_get_int_member (json_array_get_object_element (report->topics, i), member);

  return n;
}

static const char *
placeholder_words (const char *name)
{
  if (g_str_equal (name, "summary"))
    return "the summary";
  if (g_str_equal (name, "lesson"))
    return "the lesson";
  if (g_str_equal (name, "journal"))
    return "the journal prompt";
  g_assert_cmpstr (name, ==, "rubric");
  return "the rubric";
}

/* The page says what the command says: the counts, each skipped item with
 * its line and why, each topic with the parts still to write; and by type
 * what the command wrote, matching, short-answer and numerical questions
 * included.
 */
static void
assert_page_matches (GtkWidget *page,
                     Report    *report)
{
  g_autofree char *count = NULL;

  count = g_strdup_printf ("%u questions to import · %u skipped", report->imported,
                           json_array_get_length (report->skipped));
  g_assert_true (shows_label (page, count));

  for (guint i = 0; i < json_array_get_length (report->skipped); i++)
    {
      JsonObject *item = json_array_get_object_element (report->skipped, i);
      g_autofree char *line = g_strdup_printf ("Line %" G_GINT64_FORMAT,
                                               json_object_get_int_member (item, "line"));

      g_assert_true (shows_note (page, line, json_object_get_string_member (item, "reason")));
    }

  g_assert_cmpint (row_count (page, "Multiple choice, one right answer"), ==,
                   count_elements (report, "single") ?: -1);
  g_assert_cmpint (row_count (page, "Multiple choice, several right answers"), ==,
                   count_elements (report, "multiple") ?: -1);
  g_assert_cmpint (row_count (page, "True or false"), ==, count_elements (report, "truefalse") ?: -1);
  g_assert_cmpint (row_count (page, "Ordering"), ==, count_elements (report, "ordering") ?: -1);
  g_assert_cmpint (row_count (page, "Essays, as journal prompts"), ==,
                   sum_member (report, "prompts") ?: -1);
  g_assert_cmpint (row_count (page, "Descriptions, as lesson text"), ==,
                   sum_member (report, "descriptions") ?: -1);
  g_assert_cmpint (row_count (page, "Matching"), ==, count_elements (report, "matching") ?: -1);
  g_assert_cmpint (row_count (page, "Short answer"), ==, count_elements (report, "short") ?: -1);
  g_assert_cmpint (row_count (page, "Numerical"), ==, count_elements (report, "numeric") ?: -1);

  for (guint i = 0; i < json_array_get_length (report->topics); i++)
    {
      JsonObject *topic = json_array_get_object_element (report->topics, i);
      JsonArray *parts = json_object_get_array_member (topic, "placeholders");
      g_autoptr(GString) words = g_string_new ("Still to write: ");
      g_autofree char *questions = NULL;
      guint n = json_object_get_int_member (topic, "questions");

      g_assert_true (shows_label (page, json_object_get_string_member (topic, "title")));
      questions = g_strdup_printf ("%u question%s · ", n, n == 1 ? "" : "s");
      g_assert_nonnull (find_shown_label (page, questions, FALSE));
      for (guint j = 0; j < json_array_get_length (parts); j++)
        g_string_append_printf (words, "%s%s", j > 0 ? ", " : "",
                                placeholder_words (json_array_get_string_element (parts, j)));
      g_string_append_c (words, '.');
      g_assert_nonnull (find_shown_label (page, words->str, FALSE));
    }
}

/* The installed pack */

static gboolean
pack_loaded (gpointer user_data)
{
  return rapport_catalog_lookup_pack (rapport_application_get_catalog (app), user_data) != NULL;
}

static gboolean
store_records (const char *pack_id,
               const char *title)
{
  g_autoptr(GPtrArray) packs = rapport_store_list_packs (rapport_application_get_store (app), NULL);

  for (guint i = 0; packs != NULL && i < packs->len; i++)
    {
      RapportStorePack *record = g_ptr_array_index (packs, i);

      if (g_str_equal (record->id, pack_id))
        return g_strcmp0 (record->title, title) == 0;
    }

  return FALSE;
}

static char *
packs_dir (void)
{
  g_autofree char *data_dir = rapport_paths_get_data_dir ();

  return rapport_pack_get_packs_dir (data_dir);
}

static guint
count_pack_folders (void)
{
  g_autofree char *dir_path = packs_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Nothing half-written: no hidden folder of an import or install. */
static void
assert_no_leftovers (void)
{
  g_autofree char *dir_path = packs_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_assert_false (name[0] == '.');
}

/* Creating the pack installs it as any pack is: in the packs folder, in
 * the store, in the catalog with the report's topics; the toast offers its
 * first topic, which opens.
 */
static void
assert_created (RapportWindow *window,
                const char    *pack_id,
                const char    *title,
                Report        *report)
{
  RapportCatalog *catalog = rapport_application_get_catalog (app);
  RapportLearnView *learn;
  RapportPack *pack;
  JsonObject *first;
  const char *button;
  g_autofree char *toast = g_strdup_printf ("“%s” created", title);
  g_autofree char *dir = packs_dir ();
  g_autofree char *folder = g_build_filename (dir, pack_id, NULL);
  g_autofree char *shot = g_strconcat ("bank-opened-", pack_id, NULL);
  g_autofree char *toast_shot = g_strconcat ("bank-created-", pack_id, NULL);

  g_assert_true (rapport_test_wait_until (not_busy, window, 20000));
  g_assert_true (rapport_test_wait_until (pack_loaded, (gpointer) pack_id, 10000));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  assert_no_leftovers ();
  g_assert_true (store_records (pack_id, title));

  pack = rapport_catalog_lookup_pack (catalog, pack_id);
  g_assert_cmpstr (rapport_pack_get_title (pack), ==, title);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_pack_get_topics (pack)), ==,
                    json_array_get_length (report->topics));
  g_assert_cmpuint (rapport_catalog_get_broken_packs (catalog) != NULL
                    ? g_list_model_get_n_items (rapport_catalog_get_broken_packs (catalog)) : 0, ==, 0);

  button = json_array_get_length (report->topics) == 1 ? "_Open Topic" : "Open _First Topic";
  g_assert_true (shows_label (GTK_WIDGET (window), toast));
  rapport_test_save_screenshot (GTK_WIDGET (window), toast_shot);
  click (GTK_WIDGET (window), button);
  g_assert_cmpstr (rapport_window_get_view (window), ==, "learn");
  learn = rapport_window_get_learn_view (window);
  g_assert_cmpstr (rapport_learn_view_get_page (learn), ==, "topic");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 20);
  first = json_array_get_object_element (report->topics, 0);
  g_assert_true (shows_label (GTK_WIDGET (learn), json_object_get_string_member (first, "title")));
  rapport_test_save_screenshot (GTK_WIDGET (window), shot);
  rapport_learn_view_go_back (learn);
}

/* The cases */

/* A GIFT bank dropped on the window while the Learn view is shown. */
static void
test_gift_dropped (void)
{
  RapportWindow *window = get_window ();
  g_autofree char *bank = fixture_bank ("every-construct.gift");
  g_auto(Report) report = { 0 };
  GtkWidget *page;

  run_cli (bank, "cli-gift", &report);
  g_assert_cmpint (count_elements (&report, "matching"), >, 0);
  g_assert_cmpint (count_elements (&report, "short"), >, 0);
  g_assert_cmpint (count_elements (&report, "numeric"), >, 0);

  rapport_window_set_view (window, "learn");
  g_assert_true (drop_file (window, bank));
  g_assert_cmpstr (rapport_window_get_view (window), ==, "packs");
  page = wait_for_bank_page (window);

  g_assert_true (shows_label (page, "every-construct.gift"));
  g_assert_true (shows_label (page, "GIFT question bank"));
  g_assert_true (shows_label (page, "org.example.every-construct"));
  assert_page_matches (page, &report);
  /* What was noted about an imported question is shown: the short answer
   * keeps its full-credit answers, and its partial-credit one is noted.
   */
  g_assert_nonnull (find_shown_label (page, "“ciao” gives 50 % of the credit", FALSE));
  g_assert_true (shows_note (page, "Line 53",
                             "This essay question becomes a journal prompt; its general feedback "
                             "is not kept, as journal prompts have none."));
  /* Nothing is written before the trainer asks. */
  g_assert_false (pack_loaded ((gpointer) "org.example.every-construct"));
  save_styles (window, "bank-gift");
  scroll_to (page, "Topics");
  rapport_test_save_screenshot (GTK_WIDGET (window), "bank-gift-topics");
  scroll_to (page, NULL);
  rapport_test_save_screenshot (GTK_WIDGET (window), "bank-gift-end");

  click (page, "C_reate Pack");
  assert_created (window, "org.example.every-construct", "Every construct", &report);
}

static gboolean
chooser_shown (gpointer unused)
{
  return rapport_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} Choice;

static gboolean
file_chosen (gpointer user_data)
{
  Choice *choice = user_data;
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (choice->chooser);

  return chosen != NULL && g_file_equal (chosen, choice->file);
}

/* A Moodle XML bank from the menu's Import Question Bank…, its title
 * changed by keyboard and the pack created with Enter. Its name gives the
 * id of the pack made before: the new one gets one of its own.
 */
static void
test_moodle_from_menu (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  g_autofree char *bank = fixture_bank ("every-construct.xml");
  g_autoptr(GFile) file = g_file_new_for_path (bank);
  g_auto(Report) report = { 0 };
  GtkWidget *split;
  GtkWidget *page;
  GtkWidget *title;
  GMenuModel *menu;
  GtkFileChooser *chooser;
  Choice choice;
  guint n_folders;

  run_cli (bank, "cli-moodle", &report);
  rapport_window_set_view (window, "packs");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 3);

  /* The list's Import… offers the bank beside the pack file. */
  split = rapport_test_find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (split);
  g_assert_true (gtk_widget_is_drawable (split));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (split), ==, "More Ways to Import");
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (split));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  {
    g_autoptr(GVariant) label = g_menu_model_get_item_attribute_value (menu, 1, G_MENU_ATTRIBUTE_LABEL, NULL);
    g_autoptr(GVariant) action = g_menu_model_get_item_attribute_value (menu, 1, G_MENU_ATTRIBUTE_ACTION, NULL);

    g_assert_cmpstr (g_variant_get_string (label, NULL), ==, "Import Question _Bank…");
    g_assert_cmpstr (g_variant_get_string (action, NULL), ==, "packs.import-bank");
    g_object_unref (menu);
  }
  gtk_menu_button_popup (GTK_MENU_BUTTON (split));
  rapport_test_wait_for_frames (GTK_WIDGET (window), 5);
  rapport_test_save_screenshot (GTK_WIDGET (window), "bank-packs-list");
  rapport_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (split))),
                                "bank-import-menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (split));

  g_assert_true (gtk_widget_activate_action (split, "packs.import-bank", NULL));
  g_assert_true (rapport_test_wait_until (chooser_shown, NULL, 10000));
  chooser = GTK_FILE_CHOOSER (rapport_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Import Question Bank");
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (chooser)), ==,
                   "Question Banks (GIFT, Moodle XML)");
  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  choice.chooser = chooser;
  choice.file = file;
  g_assert_true (rapport_test_wait_until (file_chosen, &choice, 10000));
  rapport_test_save_screenshot (GTK_WIDGET (chooser), "bank-chooser");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  page = wait_for_bank_page (window);
  g_assert_true (shows_label (page, "Moodle XML question bank"));
  g_assert_true (shows_label (page, "org.example.every-construct-2"));
  assert_page_matches (page, &report);
  save_styles (window, "bank-moodle");
  scroll_to (page, NULL);
  rapport_test_save_screenshot (GTK_WIDGET (window), "bank-moodle-end");

  /* The title by keyboard: all of it replaced, then Enter creates. */
  title = rapport_test_find_widget (page, ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Every construct");
  n_folders = count_pack_folders ();
  gtk_widget_grab_focus (title);
  rapport_test_press_keys (GTK_WINDOW (window), "<Control>a");
  rapport_test_press_keys (GTK_WINDOW (window), "BackSpace");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  /* Without a title there is nothing to create. */
  g_assert_false (gtk_widget_get_sensitive (shown_button (page, "C_reate Pack")));
  rapport_test_type_text (GTK_WINDOW (window), "refund drills");
  rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "refund drills");
  rapport_test_press_keys (GTK_WINDOW (window), "Return");

  assert_created (window, "org.example.every-construct-2", "refund drills", &report);
  /* The first pack is still there, beside the new one. */
  g_assert_true (pack_loaded ((gpointer) "org.example.every-construct"));
  g_assert_cmpuint (count_pack_folders (), ==, n_folders + 1);
}

static gboolean
list_shown (gpointer user_data)
{
  const char *visible = gtk_stack_get_visible_child_name (packs_stack (user_data));

  return g_strcmp0 (visible, "list") == 0 || g_strcmp0 (visible, "empty") == 0;
}

#define ENTITY_BOMB \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<!DOCTYPE quiz [\n" \
  " <!ENTITY a \"aaaaaaaaaa\">\n" \
  " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n" \
  " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n" \
  "]>\n" \
  "<quiz>\n" \
  "  <question type=\"truefalse\">\n" \
  "    <name><text>&c;</text></name>\n" \
  "    <questiontext format=\"html\"><text>&c;</text></questiontext>\n" \
  "    <answer fraction=\"100\"><text>true</text></answer>\n" \
  "    <answer fraction=\"0\"><text>false</text></answer>\n" \
  "  </question>\n" \
  "</quiz>\n"

#define CLOZE_ONLY \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<quiz>\n" \
  "  <question type=\"multianswer\">\n" \
  "    <name><text>Cloze</text></name>\n" \
  "    <questiontext format=\"html\"><text>Say {1:SHORTANSWER:=hello} first.</text></questiontext>\n" \
  "  </question>\n" \
  "</quiz>\n"

/* A hostile bank gets an error page that names the file and the line and
 * offers Close alone; so does a bank of which nothing can be imported.
 * Neither leaves a pack, a folder or a record behind.
 */
static void
test_hostile (void)
{
  RapportWindow *window = get_window ();
  RapportCatalog *catalog = rapport_application_get_catalog (app);
  g_autofree char *bomb = g_build_filename (tmp_dir, "entity-bomb.xml", NULL);
  g_autofree char *cloze = g_build_filename (tmp_dir, "cloze-only.xml", NULL);
  g_autoptr(GError) error = NULL;
  guint n_folders = count_pack_folders ();
  guint n_packs = g_list_model_get_n_items (rapport_catalog_get_packs (catalog));
  GtkWidget *page;

  g_assert_true (g_file_set_contents (bomb, ENTITY_BOMB, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (cloze, CLOZE_ONLY, -1, &error));
  g_assert_no_error (error);

  g_assert_true (drop_file (window, bomb));
  page = wait_for_bank_page (window);
  g_assert_true (shows_label (page, "entity-bomb.xml"));
  g_assert_true (shows_label (page, "This file cannot be read as a question bank."));
  g_assert_true (shows_note (page, "Line 2",
                             "The bank has a document type declaration (<!DOCTYPE …>), which "
                             "Moodle never writes and Rapport refuses for safety. Remove it, or "
                             "export the bank from Moodle again."));
  g_assert_null (shown_button (page, "C_reate Pack"));
  g_assert_nonnull (shown_button (page, "_Close"));
  save_styles (window, "bank-hostile");
  click (page, "_Close");
  g_assert_true (rapport_test_wait_until (list_shown, window, 5000));

  g_assert_true (drop_file (window, cloze));
  page = wait_for_bank_page (window);
  g_assert_true (shows_label (page, "Moodle XML question bank"));
  g_assert_true (shows_label (page, "Nothing in this bank can be imported."));
  g_assert_true (shows_note (page, "Line 3",
                             "Embedded answers (Cloze) cannot be imported: a Rapport question "
                             "has its answers apart from its text. Left out."));
  g_assert_null (shown_button (page, "C_reate Pack"));
  g_assert_false (shows_label (page, "New Pack"));
  rapport_test_save_screenshot (GTK_WIDGET (window), "bank-nothing");
  /* Escape goes back, as from any page of the view. */
  gtk_widget_grab_focus (shown_button (page, "_Close"));
  rapport_test_press_keys (GTK_WINDOW (window), "Escape");
  g_assert_true (rapport_test_wait_until (list_shown, window, 5000));

  g_assert_true (rapport_test_wait_until (not_busy, window, 5000));
  g_assert_cmpuint (count_pack_folders (), ==, n_folders);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_catalog_get_packs (catalog)), ==, n_packs);
  g_assert_false (store_records ("org.example.entity-bomb", NULL));
  g_assert_false (store_records ("org.example.cloze-only", NULL));
  assert_no_leftovers ();
}

static gboolean
app_idle (gpointer unused)
{
  return !g_application_get_is_busy (G_APPLICATION (app));
}

#define SMALL_BANK \
  "$CATEGORY: $course$/top/Hold & <b>wait\n" \
  "\n" \
  "::Hold::Ask before you put a caller on hold.{T#Always ask first.}\n" \
  "\n" \
  "::Why::Why ask before a hold? {=It shows respect.~It saves time.}\n"

/* A folder that takes the pack's place between the report and Create Pack
 * (another install, or a trainer's copy) stops the creation with an error
 * that names it; the folder is as it was, nothing else is left, and the
 * report stays, to close.
 */
static void
test_create_fails (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  g_autofree char *path = g_build_filename (tmp_dir, "taken-later.gift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = packs_dir ();
  g_autofree char *folder = g_build_filename (dir, "org.example.taken-later", NULL);
  g_autofree char *kept = g_build_filename (folder, "keep.txt", NULL);
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, SMALL_BANK, -1, &error));
  g_assert_no_error (error);
  rapport_window_set_view (window, "packs");
  rapport_packs_view_open_file (view, file);
  page = wait_for_bank_page (window);
  g_assert_true (shows_label (page, "org.example.taken-later"));

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (kept, "mine\n", -1, &error));
  g_assert_no_error (error);
  click (page, "C_reate Pack");
  g_assert_true (rapport_test_wait_until (not_busy, window, 20000));
  g_assert_true (rapport_test_wait_until (rapport_test_app_dialog_shown, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (rapport_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Create the Pack");
  body = g_strdup_printf ("Something was put in “%s” while the bank was read, so nothing was "
                          "written there. Import the bank again.", folder);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  rapport_test_save_screenshot (GTK_WIDGET (dialog), "bank-create-failed");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rapport_test_wait_until (rapport_test_app_dialog_gone, NULL, 5000));

  /* Back on the report; nothing of the pack anywhere. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (packs_stack (window)), ==, "bank");
  g_assert_true (rapport_packs_view_get_can_go_back (view));
  g_assert_nonnull (shown_button (page, "C_reate Pack"));
  assert_no_leftovers ();
  g_assert_false (store_records ("org.example.taken-later", NULL));
  g_assert_false (pack_loaded ((gpointer) "org.example.taken-later"));
  {
    g_autoptr(GDir) contents = g_dir_open (folder, 0, NULL);

    g_assert_cmpstr (g_dir_read_name (contents), ==, "keep.txt");
    g_assert_null (g_dir_read_name (contents));
  }

  click (page, "_Close");
  g_assert_true (rapport_test_wait_until (list_shown, window, 5000));
  g_assert_cmpint (g_remove (kept), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* Closing the window while a bank is read drops the reading; while the
 * pack is created, the creation still finishes, whole.
 */
static void
test_close_while_busy (void)
{
  RapportWindow *window = get_window ();
  RapportPacksView *view = rapport_window_get_packs_view (window);
  g_autofree char *path = g_build_filename (tmp_dir, "on-hold.gift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint n_folders = count_pack_folders ();
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, SMALL_BANK, -1, &error));
  g_assert_no_error (error);
  rapport_window_set_view (window, "packs");

  /* Back while the bank is read stops the reading. */
  rapport_packs_view_open_file (view, file);
  g_assert_true (rapport_packs_view_get_busy (view));
  g_assert_true (rapport_packs_view_get_can_go_back (view));
  rapport_packs_view_go_back (view);
  g_assert_false (rapport_packs_view_get_busy (view));
  g_assert_false (rapport_packs_view_get_can_go_back (view));

  rapport_packs_view_open_file (view, file);
  g_assert_true (rapport_packs_view_get_busy (view));
  rapport_test_app_close_windows (app);
  g_assert_cmpuint (count_pack_folders (), ==, n_folders);

  window = get_window ();
  view = rapport_window_get_packs_view (window);
  rapport_window_set_view (window, "packs");
  rapport_packs_view_open_file (view, file);
  click (wait_for_bank_page (window), "C_reate Pack");
  g_assert_true (rapport_packs_view_get_busy (view));
  g_assert_false (rapport_packs_view_get_can_go_back (view));
  rapport_test_app_close_windows (app);

  g_assert_true (rapport_test_wait_until (app_idle, NULL, 20000));
  g_assert_cmpuint (count_pack_folders (), ==, n_folders + 1);
  g_assert_true (store_records ("org.example.on-hold", "On hold"));
  assert_no_leftovers ();

  window = get_window ();
  g_assert_true (rapport_test_wait_until (pack_loaded, (gpointer) "org.example.on-hold", 10000));

  /* A bank's words and a trainer's title are text, never markup. */
  view = rapport_window_get_packs_view (window);
  rapport_window_set_view (window, "packs");
  rapport_packs_view_open_file (view, file);
  page = wait_for_bank_page (window);
  g_assert_true (shows_label (page, "Hold & <b>wait"));
  g_assert_true (shows_label (page, "org.example.on-hold-2"));
  gtk_editable_set_text (GTK_EDITABLE (rapport_test_find_widget (page, ADW_TYPE_ENTRY_ROW, NULL)),
                         "  Holds & <i>waits</i> ");
  click (page, "C_reate Pack");
  g_assert_true (rapport_test_wait_until (not_busy, window, 20000));
  g_assert_true (rapport_test_wait_until (pack_loaded, (gpointer) "org.example.on-hold-2", 10000));
  g_assert_true (shows_label (GTK_WIDGET (window), "“Holds & <i>waits</i>” created"));
  g_assert_true (store_records ("org.example.on-hold-2", "Holds & <i>waits</i>"));
}

/* The page in German, in a process of its own: the language is chosen
 * before the first message is read.
 */
static void
test_german (void)
{
  g_autofree char *locale_dir = NULL;
  g_autofree char *bank = NULL;
  RapportWindow *window;
  GtkWidget *page;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  window = get_window ();
  bank = fixture_bank ("every-construct.gift");
  g_assert_true (drop_file (window, bank));
  page = wait_for_bank_page (window);
  g_assert_true (shows_label (page, "Neues Paket"));
  g_assert_true (shows_label (page, "Fragen nach Art"));
  g_assert_nonnull (shown_button (page, "Paket _anlegen"));
  g_assert_null (shown_button (page, "C_reate Pack"));
  save_styles (window, "bank-german");
  click (page, "_Schließen");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  rapport_test_init (&argc, &argv);
  tmp_dir = g_dir_make_tmp ("rapport-bank-drop-XXXXXX", &error);
  g_assert_no_error (error);

  /* German first, before this process registers the application. Then in
   * this order: each case starts where the previous one left off.
   */
  g_test_add_func ("/rapport/bank-drop/german", test_german);
  g_test_add_func ("/rapport/bank-drop/gift-dropped", test_gift_dropped);
  g_test_add_func ("/rapport/bank-drop/moodle-from-menu", test_moodle_from_menu);
  g_test_add_func ("/rapport/bank-drop/hostile", test_hostile);
  g_test_add_func ("/rapport/bank-drop/create-fails", test_create_fails);
  g_test_add_func ("/rapport/bank-drop/close-while-busy", test_close_while_busy);

  ret = g_test_run ();

  g_clear_object (&app);
  g_free (tmp_dir);

  return ret;
}
