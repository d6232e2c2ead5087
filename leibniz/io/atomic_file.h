// Atomic file writes: the bytes go to a temporary file in the same folder, which is
// flushed to disk (fsync) and then renamed over the target, so a crash leaves either
// the old file or the new one, never half of one; SIGINT, SIGTERM or SIGHUP while it is
// written remove the temporary (signal_cleanup.h).
#pragma once

#include <string>
#include <string_view>

namespace leibniz::io {

/// Writes `bytes` to `path` atomically; throws Error{Request} naming the path on failure.
void write_file_atomic(const std::string& path, std::string_view bytes);
/// The temporary name write_file_atomic uses beside `path` (for tools that write files themselves).
std::string temporary_path(const std::string& path);
/// Renames `from` over `to` and syncs the folder; throws Error{Request} on failure.
void commit_file(const std::string& from, const std::string& to);
/// Throws Error{Request} "cannot write 'PATH': REASON" unless a file can be written
/// there (its folder exists and takes a new file, and PATH is not a folder), so that a
/// long computation does not find out at its end. Leaves nothing behind.
void check_writable(const std::string& path);
/// The whole file (read_whole_file); throws Error{Request} "cannot read 'PATH': REASON".
std::string read_file(const std::string& path);

}  // namespace leibniz::io
