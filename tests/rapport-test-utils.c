/* rapport-test-utils.c: helpers for tests that drive real windows.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#include <X11/XKBlib.h>

#include "rapport-test-utils.h"

/* The text cursor does not blink: GTK 4.8 warns ("unexpected blinking
 * selection") when a slow machine (a sanitizer build, valgrind) lets the
 * blink timer fire between a selection and its next draw, and tests make
 * warnings fatal. Under Xvfb no XSETTINGS daemon overrides this file.
 */
static void
write_gtk_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "gtk-4.0", NULL);
  g_autofree char *path = g_build_filename (dir, "settings.ini", NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, "[Settings]\ngtk-cursor-blink=false\n", -1, &error);
  g_assert_no_error (error);
}

void
rapport_test_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  static const char *variables[] = {
    "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };

  /* The program gets fresh per-user folders, so no test touches a real
   * user's data. G_TEST_OPTION_ISOLATE_DIRS would also hide the system data
   * folders, and with them the icon theme and the MIME database GTK needs.
   */
  /* A subprocess started by g_test_trap_subprocess() gets fresh folders,
   * unless its parent set RAPPORT_TEST_SHARE_ROOT: then it keeps the
   * parent's, to act as the same user starting the app again.
   */
  if (g_getenv ("RAPPORT_TEST_ROOT") != NULL && g_getenv ("RAPPORT_TEST_SHARE_ROOT") != NULL)
    {
      g_test_init (argc, argv, NULL);
      gtk_disable_setlocale ();
      setlocale (LC_ALL, "C.UTF-8");
      return;
    }

  root = g_dir_make_tmp ("rapport-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("RAPPORT_TEST_ROOT", root, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *lower = g_ascii_strdown (variables[i], -1);
      g_autofree char *dir = g_build_filename (root, lower, NULL);

      g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
      g_setenv (variables[i], dir, TRUE);
    }

  write_gtk_settings ();

  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* How much longer than usual waits may take: slow builds (sanitizers,
 * valgrind) set RAPPORT_TEST_TIMEOUT_MULTIPLIER, as meson's
 * --timeout-multiplier does for whole tests. A wait only guards against a
 * hang; it never measures speed.
 */
static guint
timeout_multiplier (void)
{
  const char *value = g_getenv ("RAPPORT_TEST_TIMEOUT_MULTIPLIER");
  guint64 multiplier;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 100, &multiplier, NULL))
    return 1;

  return (guint) multiplier;
}

gboolean
rapport_test_wait_until (RapportTestCondition condition,
                         gpointer             user_data,
                         guint                timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  timeout_id = g_timeout_add (timeout_ms * timeout_multiplier (), on_timeout_cb, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return condition (user_data);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *n_frames)
{
  if (*n_frames > 0)
    (*n_frames)--;

  /* Ask for the next frame at once, so waiting costs frames, not timeouts. */
  if (*n_frames > 0)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static gboolean
frames_done (gpointer user_data)
{
  return *(guint *) user_data == 0;
}

/* Waits until the widget's window has painted N more frames, so that what a
 * screenshot shows is what the user sees.
 */
void
rapport_test_wait_for_frames (GtkWidget *widget,
                              guint      n_frames)
{
  GdkFrameClock *clock;
  gulong handler;

  g_assert_true (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &n_frames);

  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  g_assert_true (rapport_test_wait_until (frames_done, &n_frames, 10000));

  g_signal_handler_disconnect (clock, handler);
}

static gboolean
window_is_active (gpointer user_data)
{
  return gtk_window_is_active (GTK_WINDOW (user_data));
}

static void
send_key (Display *display,
          KeySym   keysym,
          gboolean press)
{
  KeyCode code = XKeysymToKeycode (display, keysym);

  g_assert_cmpint (code, !=, 0);
  XTestFakeKeyEvent (display, code, press, CurrentTime);
}

/* Moves the pointer through the X server (XTest) to (@x, @y) of @widget, as
 * a mouse would, so motion controllers get real events.
 */
void
rapport_test_move_pointer (GtkWidget *widget,
                           double     x,
                           double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkDisplay *gdk_display = gtk_widget_get_display (widget);
  Display *display;
  Window child;
  double nx, ny, sx, sy;
  int root_x, root_y;

  g_assert_true (GDK_IS_X11_DISPLAY (gdk_display));
  g_assert_nonnull (native);
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &nx, &ny));
  gtk_native_get_surface_transform (native, &sx, &sy);

  display = gdk_x11_display_get_xdisplay (gdk_display);
  XTranslateCoordinates (display, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (display), (int) (nx + sx), (int) (ny + sy),
                         &root_x, &root_y, &child);
  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  XSync (display, False);
  rapport_test_wait_for_frames (widget, 3);
}

/* Types a shortcut through the X server (XTest), exactly as a keyboard would,
 * so the test exercises the real shortcut handling and not the action behind it.
 */
void
rapport_test_press_keys (GtkWindow  *window,
                         const char *accelerator)
{
  GdkDisplay *gdk_display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *display;
  guint keyval;
  GdkModifierType modifiers;
  KeySym keysym;
  KeyCode code;
  gboolean needs_shift;

  g_assert_true (GDK_IS_X11_DISPLAY (gdk_display));
  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));

  display = gdk_x11_display_get_xdisplay (gdk_display);
  keysym = keyval;

  /* Symbols like “?” live on the shifted level of their key. */
  code = XKeysymToKeycode (display, keysym);
  g_assert_cmpint (code, !=, 0);
  needs_shift = XkbKeycodeToKeysym (display, code, 0, 0) != keysym;

  /* Keys go to the focused window, as on a desktop. A window manager may
   * still be reparenting a new window, so a refused request is retried.
   */
  for (guint attempt = 0; attempt < 50 && !gtk_window_is_active (window); attempt++)
    {
      gdk_x11_display_error_trap_push (gdk_display);
      XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
      XSync (display, False);
      gdk_x11_display_error_trap_pop_ignored (gdk_display);
      rapport_test_wait_until (window_is_active, window, 100);
    }
  g_assert_true (gtk_window_is_active (window));

  if (modifiers & GDK_CONTROL_MASK)
    send_key (display, XK_Control_L, TRUE);
  if (modifiers & GDK_ALT_MASK)
    send_key (display, XK_Alt_L, TRUE);
  if ((modifiers & GDK_SHIFT_MASK) || needs_shift)
    send_key (display, XK_Shift_L, TRUE);

  send_key (display, keysym, TRUE);
  send_key (display, keysym, FALSE);

  if ((modifiers & GDK_SHIFT_MASK) || needs_shift)
    send_key (display, XK_Shift_L, FALSE);
  if (modifiers & GDK_ALT_MASK)
    send_key (display, XK_Alt_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    send_key (display, XK_Control_L, FALSE);

  /* The server has sent the events once it answers; GDK reads them back,
   * and what they changed is drawn over the next frames (a window the
   * keys closed has none).
   */
  XSync (display, False);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    rapport_test_wait_for_frames (GTK_WIDGET (window), 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const char *
widget_label (GtkWidget *widget)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (widget);
  const char *properties[] = { "label", "title", "text" };

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, properties[i]);

      if (pspec != NULL && pspec->value_type == G_TYPE_STRING)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          const char *str;

          g_value_init (&value, G_TYPE_STRING);
          g_object_get_property (G_OBJECT (widget), properties[i], &value);
          str = g_value_get_string (&value);
          /* The string stays alive in the widget, the GValue only copied it. */
          if (str != NULL)
            return g_intern_string (str);
        }
    }

  return NULL;
}

/* Depth-first search for a widget of TYPE whose label, title or text is LABEL
 * (any such widget when LABEL is NULL).
 */
GtkWidget *
rapport_test_find_widget (GtkWidget  *root,
                          GType       type,
                          const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || g_strcmp0 (widget_label (root), label) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rapport_test_find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
rapport_test_collect_widgets (GtkWidget *root,
                              GType      type,
                              GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rapport_test_collect_widgets (child, type, out);
}

GtkWindow *
rapport_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Renders the widget as it is on screen and saves it as
 * $G_TEST_BUILDDIR/screenshots/NAME.png. Returns the path, an interned
 * string that stays valid (and must not be freed), so that callers which
 * only want the picture need not free anything.
 */
const char *
rapport_test_save_screenshot (GtkWidget  *widget,
                              const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;
  g_autofree char *path = NULL;

  /* About a third of a second of frames lets style transitions (a switcher
   * button fading to checked) finish.
   */
  rapport_test_wait_for_frames (widget, 20);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  /* A paintable can come back empty for a window that was just presented;
   * drawing the widget itself gives the same picture.
   */
  if (node == NULL)
    {
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return g_intern_string (path);
}

/* Types letters, digits, spaces and . , - ' one key at a time (capitals
 * with Shift).
 */
void
rapport_test_type_text (GtkWindow  *window,
                        const char *text)
{
  static const struct
  {
    char        c;
    const char *key;
  } signs[] = { { ' ', "space" }, { '.', "period" }, { ',', "comma" }, { '-', "minus" }, { '\'', "apostrophe" } };

  for (const char *p = text; *p != '\0'; p++)
    {
      g_autofree char *key = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (signs) && key == NULL; i++)
        if (signs[i].c == *p)
          key = g_strdup (signs[i].key);

      if (key == NULL)
        {
          g_assert_true (g_ascii_isalnum (*p));
          key = g_ascii_isupper (*p) ? g_strdup_printf ("<Shift>%c", g_ascii_tolower (*p))
                                     : g_strdup_printf ("%c", *p);
        }
      rapport_test_press_keys (window, key);
    }
}

/* A real click of the first button in the middle of @widget, through the
 * X server (XTest), after two moves of the pointer: the first only enters
 * the window, as a hand's many moves would, so that the press is not taken
 * for one on a surface that just closed (a drop-down's list).
 */
void
rapport_test_click (GtkWidget *widget)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  double x = gtk_widget_get_width (widget) / 2.0;
  double y = gtk_widget_get_height (widget) / 2.0;

  g_assert_true (gtk_widget_get_mapped (widget));
  rapport_test_move_pointer (widget, x - 2, y);
  rapport_test_move_pointer (widget, x, y);
  XTestFakeButtonEvent (display, 1, True, CurrentTime);
  XTestFakeButtonEvent (display, 1, False, CurrentTime);
  XSync (display, False);
  rapport_test_wait_for_frames (widget, 3);
}

/* Runs @child in a child process of this test (a fresh process for an app
 * that must start from a prepared profile, or end as a person would end
 * it), and fails the test unless the child passed.  In the child itself,
 * runs @child and returns. */
void
rapport_test_run_in_subprocess (void (*child) (void))
{
  if (g_test_subprocess ())
    {
      child ();
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

typedef struct
{
  GtkWidget *window;
  int        width;
} SizeWait;

static gboolean
has_width (gpointer user_data)
{
  SizeWait *wait = user_data;

  /* Less the shadow of the window's frame, which GTK leaves out. */
  return gtk_widget_get_width (wait->window) <= wait->width &&
         gtk_widget_get_width (wait->window) >= wait->width - 12;
}

/* Resizes @window to @width × 720 and waits for the window manager to
 * agree, so that a click lands where the widgets are drawn.
 */
void
rapport_test_resize (GtkWindow *window,
                     int        width)
{
  SizeWait wait = { GTK_WIDGET (window), width };

  gtk_window_set_default_size (window, width, 720);
  if (!rapport_test_wait_until (has_width, &wait, 3000))
    g_test_message ("the window is %d px wide for %d asked", gtk_widget_get_width (GTK_WIDGET (window)), width);
  rapport_test_wait_for_frames (GTK_WIDGET (window), 10);
}

/* As rapport_test_collect_widgets(), the widgets on screen only. */
void
rapport_test_collect_mapped (GtkWidget *root,
                             GType      type,
                             GPtrArray *out)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  rapport_test_collect_widgets (root, type, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (all->pdata[i]))
      g_ptr_array_add (out, all->pdata[i]);
}

/* A label on screen that reads @text (its text, not its markup). */
GtkWidget *
rapport_test_find_mapped_label (GtkWidget  *root,
                                const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rapport_test_collect_mapped (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];

  return NULL;
}

/* What a screen reader reads of @widget's @property; NULL when it has none.
 * GTK 4.8 has no getter, but its test API returns the value it finds when
 * that differs from the one asked about, and no widget has "\x01".
 */
char *
rapport_test_accessible_property (GtkWidget             *widget,
                                  GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;

  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
}
