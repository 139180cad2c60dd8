/* rapport-sandbox.c: how a helper process locks itself down before it reads untrusted data.
 *
 * Copyright 2026 The Rapport developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Three layers, each enough to stop part of what a hostile picture could
 * make a decoder do, and together what Linux offers an unprivileged
 * process on Debian 12 without a setuid helper or user namespaces:
 *
 *  - resource limits: CPU time (SIGXCPU, then SIGKILL), address space, no
 *    file may be written (RLIMIT_FSIZE 0), no core dump, few open files;
 *    and a lower priority, so that the app stays responsive meanwhile;
 *  - Landlock (Linux 5.13 and later, when the kernel has it enabled): from
 *    here on only the read-only system folders that the decoders need can
 *    be opened, nothing can be written, created, removed or run anywhere,
 *    and (ABI 4, 6) no TCP port bound or connected, no abstract socket
 *    reached and no signal sent outside the process;
 *  - seccomp (libseccomp): the system calls for the network, running
 *    programs, creating processes (threads still may be), debugging other
 *    processes, opening files for writing, changing the file system and
 *    the kernel's state fail with EPERM, whatever Landlock allows.
 *
 * RLIMIT_NPROC is left as it is: Linux counts it over all of the user's
 * processes and threads, so a value low enough to matter would stop the
 * decoder's own threads on a busy desktop; seccomp refuses new processes
 * instead.
 *
 * Landlock is called through its system calls: Debian 12 has no
 * liblandlock, and its kernel headers stop at ABI 2, so the later access
 * rights are defined here.
 */

/* O_PATH */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/landlock.h>
#include <linux/sched.h>
#include <seccomp.h>

#include "rapport-sandbox.h"

/* AddressSanitizer reserves terabytes of address space for its shadow
 * memory, which no address-space limit leaves room for: a sanitizer build
 * (tests only, never shipped) runs without RLIMIT_AS.  Its tests spawn an
 * ordinary build's decoder instead (meson option test_picture_decoder).
 */
#if defined(__SANITIZE_ADDRESS__)
# define RAPPORT_SANDBOX_UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define RAPPORT_SANDBOX_UNDER_ASAN 1
# endif
#endif
#ifndef RAPPORT_SANDBOX_UNDER_ASAN
# define RAPPORT_SANDBOX_UNDER_ASAN 0
#endif

#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER            (1ULL << 13)   /* ABI 2 */
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE         (1ULL << 14)   /* ABI 3 */
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV        (1ULL << 15)   /* ABI 5 */
#endif
#define SANDBOX_LANDLOCK_NET_BIND_TCP       (1ULL << 0)    /* ABI 4 */
#define SANDBOX_LANDLOCK_NET_CONNECT_TCP    (1ULL << 1)
#define SANDBOX_LANDLOCK_SCOPE_ABSTRACT_UNIX (1ULL << 0)   /* ABI 6 */
#define SANDBOX_LANDLOCK_SCOPE_SIGNAL       (1ULL << 1)

/* struct landlock_ruleset_attr as of ABI 6; older kernels are given the
 * part they know.
 */
typedef struct
{
  guint64 handled_access_fs;
  guint64 handled_access_net;
  guint64 scoped;
} SandboxRulesetAttr;

#define SANDBOX_READ_ACCESS (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)

/**
 * rapport_sandbox_close_other_fds:
 *
 * Closes every file descriptor above standard error: whatever the process
 * was started with, it needs only its three pipes.
 */
void
rapport_sandbox_close_other_fds (void)
{
#ifdef SYS_close_range
  if (syscall (SYS_close_range, 3, ~0U, 0) == 0)
    return;
#endif

  for (long fd = 3, max = sysconf (_SC_OPEN_MAX); fd < max && fd < 65536; fd++)
    close ((int) fd);
}

static gboolean
set_limit (int        resource,
           rlim_t     soft,
           rlim_t     hard,
           const char *name,
           GError    **error)
{
  struct rlimit limit = { soft, hard };

  if (setrlimit (resource, &limit) == 0)
    return TRUE;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
               "setting %s failed: %s", name, g_strerror (errno));
  return FALSE;
}

/**
 * rapport_sandbox_set_limits:
 *
 * Puts @limits in place, with RLIMIT_FSIZE and RLIMIT_CORE 0, and lowers
 * the process's priority.
 */
gboolean
rapport_sandbox_set_limits (const RapportSandboxLimits  *limits,
                            GError                     **error)
{
  rlim_t memory = (rlim_t) limits->memory_mib * 1024 * 1024;

  g_assert (limits->cpu_seconds > 0 && limits->cpu_hard_seconds >= limits->cpu_seconds);

  /* Only ever lowered: a failure here leaves the process as it was. */
  if (setpriority (PRIO_PROCESS, 0, 10) != 0)
    g_debug ("lowering the priority failed: %s", g_strerror (errno));

  return set_limit (RLIMIT_CPU, limits->cpu_seconds, limits->cpu_hard_seconds, "RLIMIT_CPU", error) &&
         (RAPPORT_SANDBOX_UNDER_ASAN || set_limit (RLIMIT_AS, memory, memory, "RLIMIT_AS", error)) &&
         set_limit (RLIMIT_FSIZE, 0, 0, "RLIMIT_FSIZE", error) &&
         set_limit (RLIMIT_CORE, 0, 0, "RLIMIT_CORE", error) &&
         set_limit (RLIMIT_NOFILE, limits->max_files, limits->max_files, "RLIMIT_NOFILE", error);
}

static void
add_path (GPtrArray  *paths,
          const char *first,
          ...) G_GNUC_NULL_TERMINATED;

static void
add_path (GPtrArray  *paths,
          const char *first,
          ...)
{
  va_list args;
  char *path;

  if (first == NULL)
    return;

  va_start (args, first);
  path = g_build_filename_valist (first, &args);
  va_end (args);

  g_ptr_array_add (paths, path);
}

/**
 * rapport_sandbox_read_only_paths:
 *
 * What the decoders may still read once the process is locked down:
 * gdk-pixbuf's modules and their list, fontconfig's configuration and
 * caches and the fonts (librsvg draws the text of an SVG), shared-mime-info.
 * Nothing of the user's own but fonts and the font cache.
 *
 * Returns: (transfer full) (element-type filename): the paths; some may
 *   not exist
 */
GPtrArray *
rapport_sandbox_read_only_paths (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char * const *data_dirs = g_get_system_data_dirs ();
  const char *env;

  add_path (paths, GDK_PIXBUF_MODULEDIR, NULL);
  add_path (paths, GDK_PIXBUF_CACHE_FILE, NULL);
  if ((env = g_getenv ("GDK_PIXBUF_MODULEDIR")) != NULL && env[0] == '/')
    add_path (paths, env, NULL);
  if ((env = g_getenv ("GDK_PIXBUF_MODULE_FILE")) != NULL && env[0] == '/')
    add_path (paths, env, NULL);

  add_path (paths, "/etc/fonts", NULL);
  add_path (paths, "/var/cache/fontconfig", NULL);
  add_path (paths, "/usr/share/fontconfig", NULL);   /* where /etc/fonts/conf.d links to */
  add_path (paths, "/usr/share/fonts", NULL);
  add_path (paths, "/usr/local/share/fonts", NULL);
  add_path (paths, "/usr/share/mime", NULL);
  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      if (!g_path_is_absolute (data_dirs[i]))
        continue;
      add_path (paths, data_dirs[i], "fonts", NULL);
      add_path (paths, data_dirs[i], "mime", NULL);
    }

  add_path (paths, g_get_user_cache_dir (), "fontconfig", NULL);
  add_path (paths, g_get_user_data_dir (), "fonts", NULL);
  add_path (paths, g_get_home_dir (), ".fonts", NULL);

  return paths;
}

static guint64
landlock_fs_access (int abi)
{
  guint64 access = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1;   /* ABI 1: bits 0 to 12 */

  if (abi >= 2)
    access |= LANDLOCK_ACCESS_FS_REFER;
  if (abi >= 3)
    access |= LANDLOCK_ACCESS_FS_TRUNCATE;
  if (abi >= 5)
    access |= LANDLOCK_ACCESS_FS_IOCTL_DEV;

  return access;
}

static void
landlock_allow_read (int         ruleset,
                     const char *path)
{
  struct landlock_path_beneath_attr rule = { 0 };
  struct stat st;
  int fd;

  fd = open (path, O_PATH | O_CLOEXEC);
  if (fd < 0)
    return;   /* not there: nothing to allow */

  if (fstat (fd, &st) == 0)
    {
      /* A file can be given only the rights that apply to files. */
      rule.allowed_access = S_ISDIR (st.st_mode) ? SANDBOX_READ_ACCESS : LANDLOCK_ACCESS_FS_READ_FILE;
      rule.parent_fd = fd;
      if (syscall (SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) != 0)
        g_debug ("Landlock refused a rule for %s: %s", path, g_strerror (errno));
    }

  close (fd);
}

/**
 * rapport_sandbox_landlock:
 * @read_only_paths: (element-type filename): what may still be read
 * @why_not: (out): when Landlock could not be used, why
 *
 * Restricts the process with Landlock so that it can read only below
 * @read_only_paths (and the files it already has open), and can write,
 * create, remove or run nothing. Sets no_new_privs, as Landlock and
 * seccomp require.
 *
 * Returns: the Landlock ABI in force, or 0 when the kernel offers none
 */
guint
rapport_sandbox_landlock (GPtrArray  *read_only_paths,
                          char      **why_not)
{
  SandboxRulesetAttr attr = { 0 };
  gsize attr_size;
  int ruleset;
  int abi;

  g_assert (why_not != NULL);
  *why_not = NULL;

  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    {
      *why_not = g_strdup_printf ("no_new_privs: %s", g_strerror (errno));
      return 0;
    }

  abi = (int) syscall (SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
  if (abi < 1)
    {
      *why_not = g_strdup_printf ("the kernel does not offer Landlock (%s)", g_strerror (errno));
      return 0;
    }

  attr.handled_access_fs = landlock_fs_access (abi);
  attr_size = sizeof attr.handled_access_fs;
  if (abi >= 4)
    {
      attr.handled_access_net = SANDBOX_LANDLOCK_NET_BIND_TCP | SANDBOX_LANDLOCK_NET_CONNECT_TCP;
      attr_size += sizeof attr.handled_access_net;
    }
  if (abi >= 6)
    {
      attr.scoped = SANDBOX_LANDLOCK_SCOPE_ABSTRACT_UNIX | SANDBOX_LANDLOCK_SCOPE_SIGNAL;
      attr_size += sizeof attr.scoped;
    }

  ruleset = (int) syscall (SYS_landlock_create_ruleset, &attr, attr_size, 0);
  if (ruleset < 0)
    {
      *why_not = g_strdup_printf ("creating a Landlock ruleset failed: %s", g_strerror (errno));
      return 0;
    }

  for (guint i = 0; i < read_only_paths->len; i++)
    landlock_allow_read (ruleset, g_ptr_array_index (read_only_paths, i));

  if (syscall (SYS_landlock_restrict_self, ruleset, 0) != 0)
    {
      *why_not = g_strdup_printf ("enforcing the Landlock ruleset failed: %s", g_strerror (errno));
      close (ruleset);
      return 0;
    }

  close (ruleset);

  return (guint) MIN (abi, 6);   /* the rights above were chosen for ABI 6 at most */
}

/* System calls that fail with EPERM whatever their arguments: the network,
 * other programs and processes, the file system's state, the kernel's.
 * Names that this architecture does not have are skipped.
 */
static const char * const denied_syscalls[] = {
  /* network */
  "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
  /* programs, processes, other processes' memory */
  "execve", "execveat", "fork", "vfork", "ptrace", "process_vm_readv", "process_vm_writev",
  "kcmp", "pidfd_open", "pidfd_getfd", "pidfd_send_signal", "tkill", "unshare", "setns",
  "personality",
  /* files: creating, changing, removing */
  "creat", "truncate", "ftruncate", "fallocate", "mknod", "mknodat", "mkdir", "mkdirat",
  "rmdir", "unlink", "unlinkat", "rename", "renameat", "renameat2", "link", "linkat",
  "symlink", "symlinkat", "chmod", "fchmod", "fchmodat", "chown", "fchown", "lchown",
  "fchownat", "utime", "utimes", "utimensat", "futimesat", "setxattr", "lsetxattr",
  "fsetxattr", "removexattr", "lremovexattr", "fremovexattr", "open_by_handle_at",
  "name_to_handle_at",
  /* ways around these rules: io_uring opens files without system calls */
  "io_uring_setup", "io_uring_enter", "io_uring_register", "bpf", "userfaultfd",
  "perf_event_open", "fanotify_init", "memfd_secret",
  /* the system's state */
  "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen", "fsconfig",
  "fsmount", "fspick", "mount_setattr", "swapon", "swapoff", "reboot", "kexec_load",
  "kexec_file_load", "init_module", "finit_module", "delete_module", "acct", "quotactl",
  "sethostname", "setdomainname", "settimeofday", "clock_settime", "clock_adjtime",
  "adjtimex", "keyctl", "add_key", "request_key", "iopl", "ioperm", "vhangup",
};

/* Replaced by ENOSYS so that the C library falls back on the older call,
 * whose arguments a filter can see (clone3 and openat2 pass theirs in
 * memory).
 */
static const char * const unimplemented_syscalls[] = { "clone3", "openat2" };

static gboolean
deny (scmp_filter_ctx  ctx,
      const char      *name,
      guint32          action,
      unsigned int     n_args,
      GError         **error,
      ...)
{
  struct scmp_arg_cmp args[2];
  va_list ap;
  int syscall_nr = seccomp_syscall_resolve_name (name);
  int result;

  g_assert (n_args <= G_N_ELEMENTS (args));

  if (syscall_nr == __NR_SCMP_ERROR)
    return TRUE;   /* not on this architecture */

  va_start (ap, error);
  for (unsigned int i = 0; i < n_args; i++)
    args[i] = va_arg (ap, struct scmp_arg_cmp);
  va_end (ap);

  result = seccomp_rule_add_array (ctx, action, syscall_nr, n_args, args);
  if (result == 0 || result == -EOPNOTSUPP)
    return TRUE;

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
               "adding the seccomp rule for %s failed: %s", name, g_strerror (-result));
  return FALSE;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (scmp_filter_ctx, seccomp_release)

/* open() and openat() with their flags in argument FLAGS_ARG: refused when
 * they would write, create or truncate.
 */
static gboolean
deny_writable_open (scmp_filter_ctx   ctx,
                    const char       *name,
                    unsigned int      flags_arg,
                    GError          **error)
{
  guint32 action = SCMP_ACT_ERRNO (EACCES);

  return deny (ctx, name, action, 1, error, SCMP_CMP (flags_arg, SCMP_CMP_MASKED_EQ, O_ACCMODE, O_WRONLY)) &&
         deny (ctx, name, action, 1, error, SCMP_CMP (flags_arg, SCMP_CMP_MASKED_EQ, O_ACCMODE, O_RDWR)) &&
         deny (ctx, name, action, 1, error, SCMP_CMP (flags_arg, SCMP_CMP_MASKED_EQ, O_ACCMODE, O_ACCMODE)) &&
         deny (ctx, name, action, 1, error, SCMP_CMP (flags_arg, SCMP_CMP_MASKED_EQ, O_CREAT, O_CREAT)) &&
         deny (ctx, name, action, 1, error, SCMP_CMP (flags_arg, SCMP_CMP_MASKED_EQ, O_TRUNC, O_TRUNC));
}

/**
 * rapport_sandbox_seccomp:
 *
 * Loads the seccomp filter described at the top of this file. Everything
 * not named there stays allowed: the decoders' libraries need a great many
 * ordinary system calls, and a list of those would break with their next
 * version.
 */
gboolean
rapport_sandbox_seccomp (GError **error)
{
  g_autoptr(scmp_filter_ctx) ctx = NULL;
  guint32 eperm = SCMP_ACT_ERRNO (EPERM);
  scmp_datum_t self = (scmp_datum_t) getpid ();
  int result;

  ctx = seccomp_init (SCMP_ACT_ALLOW);
  if (ctx == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "seccomp_init failed");
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (denied_syscalls); i++)
    {
      if (!deny (ctx, denied_syscalls[i], eperm, 0, error))
        return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (unimplemented_syscalls); i++)
    {
      if (!deny (ctx, unimplemented_syscalls[i], SCMP_ACT_ERRNO (ENOSYS), 0, error))
        return FALSE;
    }

  /* Threads, not processes. The flags are clone's first argument on the
   * architectures Debian builds Rapport for, but its second on s390x.
   */
#if defined(__s390__) || defined(__s390x__)
  if (!deny (ctx, "clone", eperm, 1, error, SCMP_A1 (SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)))
    return FALSE;
#else
  if (!deny (ctx, "clone", eperm, 1, error, SCMP_A0 (SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)))
    return FALSE;
#endif

  /* Signals only to itself (abort() sends one). */
  if (!deny (ctx, "kill", eperm, 1, error, SCMP_A0 (SCMP_CMP_NE, self)) ||
      !deny (ctx, "tgkill", eperm, 1, error, SCMP_A0 (SCMP_CMP_NE, self)) ||
      !deny (ctx, "rt_sigqueueinfo", eperm, 1, error, SCMP_A0 (SCMP_CMP_NE, self)) ||
      !deny (ctx, "rt_tgsigqueueinfo", eperm, 1, error, SCMP_A0 (SCMP_CMP_NE, self)))
    return FALSE;

  if (!deny_writable_open (ctx, "open", 1, error) ||
      !deny_writable_open (ctx, "openat", 2, error))
    return FALSE;

  /* Typing into the terminal that started the program. */
  if (!deny (ctx, "ioctl", eperm, 1, error, SCMP_A1 (SCMP_CMP_EQ, TIOCSTI)) ||
      !deny (ctx, "ioctl", eperm, 1, error, SCMP_A1 (SCMP_CMP_EQ, TIOCLINUX)))
    return FALSE;

  result = seccomp_load (ctx);
  if (result != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "loading the seccomp filter failed: %s", g_strerror (-result));
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_sandbox_open_status:
 *
 * Opens /proc/self/status while files can still be opened, for
 * rapport_sandbox_peak_kib() to read later.
 *
 * Returns: a file descriptor, or -1
 */
int
rapport_sandbox_open_status (void)
{
  return open ("/proc/self/status", O_RDONLY | O_CLOEXEC);
}

/**
 * rapport_sandbox_peak_kib:
 *
 * Returns: the most address space the process has used so far (VmPeak),
 *   in KiB, or 0 when it cannot be read
 */
guint
rapport_sandbox_peak_kib (int status_fd)
{
  char buffer[4096];
  const char *line;
  ssize_t n;

  if (status_fd < 0)
    return 0;

  /* Read from the start, the kernel writes it afresh. */
  n = pread (status_fd, buffer, sizeof buffer - 1, 0);
  if (n <= 0)
    return 0;
  buffer[n] = '\0';

  line = strstr (buffer, "\nVmPeak:");
  if (line == NULL)
    return 0;

  return (guint) g_ascii_strtoull (line + strlen ("\nVmPeak:"), NULL, 10);
}
