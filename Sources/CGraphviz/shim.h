// Bridges the parts of Graphviz that Swift cannot call or read directly: C globals, and
// signatures that changed between Graphviz releases. Only GraphvizRender imports this module.
#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <string.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

// graphviz_version.h defines GRAPHVIZ_VERSION_MAJOR only in releases newer than 2.4x; the
// 2.42/2.43 headers Debian 12 ships have PACKAGE_VERSION alone, so a missing macro means 2.
#if defined(GRAPHVIZ_VERSION_MAJOR)
#define CGRAPHVIZ_MAJOR GRAPHVIZ_VERSION_MAJOR
#else
#define CGRAPHVIZ_MAJOR 2
#endif

/// The descriptor of a directed graph; Swift 6 refuses to read the `Agdirected` global.
static inline Agdesc_t cgraphviz_directed(void) { return Agdirected; }

/// The descriptor of a strict directed graph (`Agstrictdirected`).
static inline Agdesc_t cgraphviz_strict_directed(void) { return Agstrictdirected; }

/// The descriptor of an undirected graph (`Agundirected`).
static inline Agdesc_t cgraphviz_undirected(void) { return Agundirected; }

/// `gvRenderData` with a `size_t` length on every version.
///
/// The length parameter is `unsigned int *` up to Graphviz 12 and `size_t *` from 13 on.
/// `*result` is owned by the caller and must be released with `gvFreeRenderData`.
static inline int cgraphviz_render_data(GVC_t *gvc, Agraph_t *g, const char *format,
                                        char **result, size_t *length) {
#if CGRAPHVIZ_MAJOR >= 13
  return gvRenderData(gvc, g, format, result, length);
#else
  unsigned int short_length = 0;
  int rc = gvRenderData(gvc, g, format, result, &short_length);
  *length = (size_t)short_length;
  return rc;
#endif
}

/// `gvPluginList` without the unused `str` argument that Graphviz 9 removed.
///
/// The returned array and every string in it are owned by the caller (`free` each, then the
/// array). Returns NULL when there are no plugins of that kind.
static inline char **cgraphviz_plugin_list(GVC_t *gvc, const char *kind, int *count) {
#if CGRAPHVIZ_MAJOR >= 9
  return gvPluginList(gvc, kind, count);
#else
  return gvPluginList(gvc, kind, count, NULL);
#endif
}

/// Where `cgraphviz_read` is in the DOT text it feeds to the lexer.
typedef struct {
  const char *data;
  size_t length;
  size_t position;
} cgraphviz_reader;

/// Gives the DOT lexer one byte per call (an `Agiodisc_t.afread`).
///
/// The lexer keeps unread input in a process-wide buffer after the first graph's closing
/// brace, and `agmemread` hands it a line at a time: text after the graph on that line (a
/// second graph, an unterminated string or comment, even the newline) is lexed at the start
/// of the next, unrelated read. One byte at a time, the lexer never reads past the brace.
static inline int cgraphviz_read_one_byte(void *channel, char *buffer, int size) {
  cgraphviz_reader *reader = (cgraphviz_reader *)channel;
  if (size <= 0 || reader->position >= reader->length) {
    return 0;
  }
  buffer[0] = reader->data[reader->position];
  reader->position += 1;
  return 1;
}

/// Reads the first graph in `length` bytes of DOT text, or returns NULL.
///
/// Like `agmemread`, but leaves nothing of this text in the lexer for the next read. The
/// graph is owned by the caller and released with `agclose`.
static inline Agraph_t *cgraphviz_read(const char *data, size_t length) {
  // A graph keeps a pointer to its I/O discipline (agwrite uses it), so it must outlive
  // every graph read here: static storage, reassigned identically on each call.
  static Agiodisc_t io;
  io = AgIoDisc;
  io.afread = cgraphviz_read_one_byte;
  // NULL members select the defaults (AgIdDisc, and AgMemDisc before Graphviz 9 removed it).
  Agdisc_t disc;
  memset(&disc, 0, sizeof disc);
  disc.io = &io;
  cgraphviz_reader reader = {data, length, 0};
  return agread(&reader, &disc);
}

#endif
